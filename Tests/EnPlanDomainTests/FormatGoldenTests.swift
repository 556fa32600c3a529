import Foundation
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The on-disk formats byte for byte, so that a restructuring cannot change what existing stores
/// hold: each event type's payload (Golden/events.txt) and every kind of audit record
/// (Golden/audit.jsonl). ENPLAN_UPDATE_GOLDEN=1 rewrites them (then read the diff before committing).
final class FormatGoldenTests: XCTestCase {
    private func golden(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/" + name)
    }

    private func compare(_ actual: String, golden name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = golden(name)
        if ProcessInfo.processInfo.environment["ENPLAN_UPDATE_GOLDEN"] == "1" { try Data(actual.utf8).write(to: url) }
        XCTAssertEqual(actual, try String(contentsOf: url, encoding: .utf8), name, file: file, line: line)
    }

    /// Compared type by type: the golden file lists every type once, in any order.
    func testEventPayloadsAreWrittenAsBefore() throws {
        let text = EventSamples.all.map { "\($0.type) \($0.fields.json)\n" }.joined()
        if ProcessInfo.processInfo.environment["ENPLAN_UPDATE_GOLDEN"] == "1" { try Data(text.utf8).write(to: golden("events.txt")) }
        var written: [String: String] = [:]
        for line in try String(contentsOf: golden("events.txt"), encoding: .utf8).split(separator: "\n") {
            let (type, json) = (String(line.prefix { $0 != " " }), String(line.drop { $0 != " " }.dropFirst()))
            XCTAssertNil(written.updateValue(json, forKey: type), "\(type) twice in events.txt")
        }
        XCTAssertEqual(Set(written.keys), Set(EventType.allCases.map(\.name)), "events.txt has every type and no other")
        for e in EventSamples.all { XCTAssertEqual(e.fields.json, written[e.type], e.type) }
    }

    func testAuditKindsKeepTheirNames() {
        XCTAssertEqual(AuditKind.allCases.map(\.rawValue), ["LoginSucceeded", "LoginFailed", "LoginRefused", "CitizensListed",
                                                            "CitizensSearched", "CitizenViewed", "MeetingsRead", "AuditRead",
                                                            "FiguresRead", "FiguresExported",
                                                            "Exported", "LookupRefused", "StoreHead", "TruncationAccepted", "SpotChecked", "Restored", "KeyChanged", "StoreDamaged", "DamageReleased", "WriteRefused",
                                                            "StoreUpgraded", "Archived", "RetentionRun"])
        XCTAssertEqual(AuditEntry.listRefreshed(by: "mette", added: 1, count: 2).kind, .citizensListed, "a refresh is a listing")
    }

    func testAuditRecordsAreWrittenAsBefore() throws {
        let f = try Fixture()
        let s = f.service
        let c = try f.citizenWithPlan()
        try s.execute(.scheduleMeeting(type: .network, citizen: c, start: LocalTime(iso: "2026-11-24T10:00")!, minutes: 60, room: "R",
                                       participants: ["mette"], guests: [], allowConflict: false), as: "mette")
        _ = try s.login("mette", password: "demo")
        _ = try? s.login("mette", password: "wrong")
        _ = try? s.login("nobody", password: "demo")
        for _ in 0..<5 { _ = try? s.login("jonas", password: "wrong") }
        _ = try? s.login("jonas", password: "demo")   // locked after five failures
        _ = try s.citizens(as: "mette")
        try s.recordListRefresh(added: 2, total: 7, as: "mette")
        try s.recordSearch("sør", results: 1, as: "mette")
        _ = try s.citizen(c, as: "mette")
        _ = try s.citizen(c, as: "per", reason: "  akut henvendelse  ")
        _ = try s.history(c, as: "mette")
        _ = try s.journey(c, as: "mette")
        _ = try s.meetings(as: "mette", scope: .user("mette"), from: f.today, to: f.today + 7)
        _ = try s.meetings(as: "mette", scope: .room("R"), from: f.today, to: f.today + 7)
        _ = try s.meetings(as: "mette", scope: .citizen(c), from: f.today, to: f.today + 7)
        _ = try s.auditTrail(as: "karen", citizen: c)
        _ = try s.auditTrail(as: "karen")
        // Issue 11's kinds, at the end so the records above keep their bytes.
        try s.recordExport(.planDocument, citizen: c, as: "mette")
        _ = try? s.citizen(c, as: "per")
        let viewed = try String(contentsOfFile: f.auditPath, encoding: .utf8).split(separator: "\n").firstIndex { $0.contains(#""CitizenViewed""#) }! + 1
        try s.recordSpotCheck(entry: viewed, verdict: .flagged, note: "Ingen sag", as: "karen")
        try compare(try String(contentsOfFile: f.auditPath, encoding: .utf8), golden: "audit.jsonl")
    }
}
