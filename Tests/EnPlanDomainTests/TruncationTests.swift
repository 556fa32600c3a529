import Foundation
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// Issue 11: a log cut short cleanly, or replaced by an older copy, is caught by its head.
final class TruncationTests: XCTestCase {
    /// A store with some events and audit records, closed.
    func filledStore() throws -> Fixture {
        let f = try Fixture()
        let id = try f.citizen()
        for i in 0..<8 {
            try f.service.execute(.logContact(citizen: id, channel: .phone, note: "kontakt \(i)", at: nil), as: "mette")
            _ = try f.service.citizen(id, as: "mette")
        }
        return f
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func cut(_ path: String, keeping n: Int) throws {
        let kept = try lines(path).prefix(n)
        try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    func hashOf(_ line: String) throws -> String {
        (try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["hash"] as! String
    }

    func testCleanCutsOfEitherLogAtSeveralPlacesAreReportedAndRefuseWritesUntilAccepted() throws {
        for file in [Store.eventsFile, Store.auditFile] {
            for drop in [1, 3, 7] {
                let f = try filledStore()
                let path = f.dir + "/" + file
                let all = try lines(path)
                let lastHash = try hashOf(all.last!)
                try cut(path, keeping: all.count - drop)
                let what = "\(file) cut by \(drop)"

                let reports = try Store.verify(directory: f.dir)
                let problem = try XCTUnwrap(reports.first { $0.file == file }?.problems.first, what)
                XCTAssertTrue(problem.reason.contains("\(file) ends at seq \(all.count - drop), but seq \(all.count) (hash \(lastHash.prefix(16))…) was written on 2026-11-23 10:00:00 UTC"),
                              "\(what): \(problem.reason)")

                let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
                XCTAssertEqual(reopened.truncations.map(\.file), [file], what)
                XCTAssertEqual(reopened.truncations.first?.expectedHash, lastHash, what)
                let service = CaseService(store: reopened, terminal: "tty9")
                let write: () throws -> Void = file == Store.eventsFile
                    ? { try service.execute(.logContact(citizen: "c1", channel: .phone, note: nil, at: nil), as: "mette") }
                    : { try service.recordSearch("x", results: 0, as: "mette") }
                XCTAssertThrowsError(try write(), what) { XCTAssertTrue("\($0)".contains("read-only"), "\($0)") }
                XCTAssertEqual(try lines(path).count, all.count - drop, "\(what): nothing written")

                XCTAssertThrowsDomainError(try service.acceptTruncation(as: "mette", reason: "restore")) { if case .forbidden = $0 { return true }; return false }
                let accepted = try service.acceptTruncation(as: "admin", reason: "Backup fra mandag lagt tilbage")
                XCTAssertEqual(accepted.map(\.expectedSeq), [all.count], what)
                try write()
                let record = try XCTUnwrap(try lines(f.auditPath).first { $0.contains("TruncationAccepted") }, what)
                XCTAssertTrue(record.contains("Backup fra mandag lagt tilbage") && record.contains(#""expectedSeq":\#(all.count)"#), record)
                XCTAssertTrue(try Store.verify(directory: f.dir).allSatisfy { $0.problems.isEmpty }, "\(what): sound once accepted")
            }
        }
    }

    func testAnOlderCopyOfTheEventLogIsCaught() throws {
        let f = try filledStore()
        let older = try Data(contentsOf: URL(fileURLWithPath: f.eventsPath))
        let olderCount = try lines(f.eventsPath).count
        for _ in 0..<3 { try f.service.execute(.logContact(citizen: "c1", channel: .letter, note: nil, at: nil), as: "mette") }
        let newest = try lines(f.eventsPath)
        try older.write(to: URL(fileURLWithPath: f.eventsPath))
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        let t = try XCTUnwrap(reopened.truncations.first)
        XCTAssertEqual(t.endsAt, olderCount); XCTAssertEqual(t.expectedSeq, newest.count); XCTAssertEqual(t.expectedHash, try hashOf(newest.last!))
        XCTAssertNotNil(reopened.readOnlyReason)
    }

    func testTheSessionsRecordedHeadCatchesACutEvenWithoutTheHeadFile() throws {
        let f = try filledStore()
        _ = try f.service.login("mette", password: "demo")
        let all = try lines(f.eventsPath)
        try cut(f.eventsPath, keeping: all.count - 2)
        try FileManager.default.removeItem(atPath: f.dir + "/store.head")
        let problems = try Store.verify(directory: f.dir).first { $0.file == Store.eventsFile }!.problems
        XCTAssertTrue(problems.first?.reason.contains("ends at seq \(all.count - 2), but seq \(all.count)") ?? false, "\(problems)")
    }

    func testATornLineBeyondTheHeadIsStillACrashNotATruncation() throws {
        let f = try filledStore()
        let all = try lines(f.eventsPath)
        // A write cut short by a crash: part of a line after the last acknowledged one.
        let torn = all.joined(separator: "\n") + "\n" + String(all.last!.prefix(40))
        try Data(torn.utf8).write(to: URL(fileURLWithPath: f.eventsPath))
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertEqual(reopened.truncations, [])
        XCTAssertEqual(reopened.repairs.count, 1)
        XCTAssertNil(reopened.readOnlyReason)
        XCTAssertNil(DamageMarker.read(directory: f.dir))
    }

    func testAHeadBehindItsLogIsNoAlarm() throws {
        let f = try filledStore()
        // As after a crash between the fdatasync and the head's write: the head names an earlier line.
        let early = try lines(f.eventsPath)[2]
        let record = HeadFile.record(.events, seq: 3, hash: try hashOf(early), at: Fixture.now)
        let fh = try FileHandle(forWritingTo: URL(fileURLWithPath: f.dir + "/store.head"))
        try fh.write(contentsOf: Data(record)); try fh.close()
        XCTAssertEqual(try Store(directory: f.dir, clock: FixedClock(Fixture.now)).truncations, [])
        XCTAssertTrue(try Store.verify(directory: f.dir).allSatisfy { $0.problems.isEmpty })
    }
}
