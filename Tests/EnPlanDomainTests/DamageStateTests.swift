import Foundation
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// Issue 20: nothing acknowledged is replaced, every file the store needs is there and agrees with
/// `store.head`, and damage found by open, `verify` or a write is one persisted state
/// (`store.damaged`) that every process honours until an administrator releases it.
final class DamageStateTests: XCTestCase {
    /// A store with events and audit records, closed (the fixture's own store stays open).
    func filledStore() throws -> (Fixture, String) {
        let f = try Fixture()
        let id = try f.citizen()
        for i in 0..<6 {
            try f.service.execute(.logContact(citizen: id, channel: .phone, note: "kontakt \(i)", at: nil), as: "mette")
            _ = try f.service.citizen(id, as: "mette")
        }
        return (f, id)
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }

    func open(_ f: Fixture) throws -> CaseService {
        CaseService(store: try Store(directory: f.dir, clock: FixedClock(Fixture.now)), terminal: "t2")
    }

    /// The store is marked, a write is refused with the marker or the damage, and the event log is unchanged.
    func assertDamaged(_ f: Fixture, _ citizen: String, file: String, _ what: String, line: UInt = #line) throws {
        let service = try open(f)
        let before = try String(contentsOfFile: f.eventsPath, encoding: .utf8)
        XCTAssertNotNil(service.store.readOnlyReason, what, line: line)
        let marker = try XCTUnwrap(DamageMarker.read(directory: f.dir), "\(what): the damage state is persisted", line: line)
        XCTAssertTrue(marker.findings.contains { $0.file == file }, "\(what): \(marker.findings)", line: line)
        XCTAssertThrowsError(try service.execute(.logContact(citizen: citizen, channel: .phone, note: "efter", at: nil), as: "mette"), what, line: line)
        XCTAssertEqual(try String(contentsOfFile: f.eventsPath, encoding: .utf8), before, "\(what): nothing written", line: line)
        XCTAssertFalse(try Store.verify(directory: f.dir).allSatisfy { $0.problems.isEmpty }, "\(what): verify fails", line: line)
    }

    func testTheAcknowledgedLastLineCutOrEditedToTheSameLengthIsDamageNeverReplaced() throws {
        for (what, edit) in [("cut short", { (l: String) in String(l.prefix(l.count / 2)) }),
                             ("edited to the same length", { (l: String) in l.replacingOccurrences(of: "kontakt 5", with: "kontakt 9") })] {
            let (f, id) = try filledStore()
            var all = try lines(f.eventsPath)
            let acknowledged = all.last!
            all[all.count - 1] = edit(acknowledged)
            XCTAssertNotEqual(all.last, acknowledged)
            let damaged = all.joined(separator: "\n") + (what == "cut short" ? "" : "\n")
            try write(f.eventsPath, damaged)
            try assertDamaged(f, id, file: Store.eventsFile, what)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: f.dir).filter { $0.contains(".torn-") }, [],
                           "\(what): nothing moved aside without an administrator")

            // An administrator's release moves the damaged line aside (kept) and writing resumes.
            let service = try open(f)
            let released = try service.releaseDamage(as: "admin", reason: "Sidste linje beskadiget; sikkerhedskopien mangler den også")
            XCTAssertEqual(released.movedAside.count, 1, what)
            XCTAssertNotNil(released.marker, what)
            XCTAssertNil(DamageMarker.read(directory: f.dir), what)
            XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: f.dir).contains { $0.hasPrefix(DamageMarker.name + ".released-") })
            try service.execute(.logContact(citizen: id, channel: .phone, note: "efter frigivelse", at: nil), as: "mette")
            XCTAssertTrue(try Store.verify(directory: f.dir).allSatisfy { $0.problems.isEmpty }, what)
            let audit = try lines(f.auditPath)
            XCTAssertTrue(audit.contains { $0.contains("\"DamageReleased\"") && $0.contains("Sidste linje beskadiget") }, what)
        }
    }

    func testMissingEmptiedOrCutFilesAreDamage() throws {
        let cases: [(String, String, (Fixture) throws -> Void)] = [
            ("events.jsonl deleted", Store.eventsFile, { try FileManager.default.removeItem(atPath: $0.eventsPath) }),
            ("audit.jsonl deleted", Store.auditFile, { try FileManager.default.removeItem(atPath: $0.auditPath) }),
            ("audit.jsonl emptied", Store.auditFile, { try self.write($0.auditPath, "") }),
            ("audit.jsonl cut", Store.auditFile, { f in
                let l = try self.lines(f.auditPath); try self.write(f.auditPath, l.prefix(l.count - 2).joined(separator: "\n") + "\n")
            }),
            ("store.head garbage", HeadFile.name, { try self.write($0.dir + "/store.head", String(repeating: "x", count: 256)) }),
            ("store.head deleted", HeadFile.name, { try FileManager.default.removeItem(atPath: $0.dir + "/store.head") }),
        ]
        for (what, file, damage) in cases {
            let (f, id) = try filledStore()
            try damage(f)
            try assertDamaged(f, id, file: file, what)
        }
    }

    func testAMissingOrEmptiedAuditLogRefusesLooksToo() throws {
        let (f, id) = try filledStore()
        try write(f.auditPath, "")
        let service = try open(f)
        // A look cannot be logged, so it is not made.
        XCTAssertThrowsError(try service.citizen(id, as: "mette")) { error in
            guard case StoreError.marked(let m)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(m.auditInDoubt)
        }
    }

    func testAnotherStoresLongerLogInPlaceIsCaught() throws {
        let (f, _) = try filledStore()
        // Another store: the same users, then another citizen and more contacts.
        let other = try Fixture()
        let otherID = try other.citizen("020202-2222", name: "Bo Berg")
        for i in 0..<15 { try other.service.execute(.logContact(citizen: otherID, channel: .phone, note: "mere \(i)", at: nil), as: "mette") }
        XCTAssertGreaterThan(try lines(other.eventsPath).count, try lines(f.eventsPath).count)
        // Different histories: the other store's line at our head's seq is not ours.
        try other.service.execute(.logContact(citizen: otherID, channel: .phone, note: "anden historie", at: nil), as: "mette")
        try FileManager.default.removeItem(atPath: f.eventsPath)
        try FileManager.default.copyItem(atPath: other.eventsPath, toPath: f.eventsPath)
        try? FileManager.default.removeItem(atPath: f.dir + "/" + Store.snapshotFile)
        let service = try open(f)
        XCTAssertNotNil(service.store.readOnlyReason)
        let reports = try Store.verify(directory: f.dir)
        XCTAssertTrue(reports.contains { $0.problems.contains { $0.reason.contains("another log is in its place") } }, "\(reports.map(\.problems))")
    }

    func testAFailedVerifyStopsARunningSessionsWrites() throws {
        let (f, id) = try filledStore()
        let running = try open(f)
        // Someone edits a line in the middle: opening with the snapshot does not read it; verify does.
        var all = try lines(f.eventsPath)
        all[3] = all[3].replacingOccurrences(of: "\"admin\"", with: "\"admim\"")
        try write(f.eventsPath, all.joined(separator: "\n") + "\n")
        let reports = try Store.verify(directory: f.dir)
        XCTAssertTrue(reports.contains { $0.file == Store.eventsFile && $0.problems.contains { $0.line == 4 } })
        XCTAssertEqual(DamageMarker.read(directory: f.dir)?.by, .verify)
        XCTAssertThrowsError(try running.execute(.logContact(citizen: id, channel: .phone, note: "efter verify", at: nil), as: "mette")) { error in
            guard case StoreError.marked? = error as? StoreError else { return XCTFail("\(error)") }
        }
        // A release cannot mend a damaged line in the middle: it says so and changes nothing.
        XCTAssertThrowsError(try running.releaseDamage(as: "admin", reason: "prøv")) { error in
            XCTAssertTrue("\(error)".contains("restore a backup"), "\(error)")
        }
        XCTAssertNotNil(DamageMarker.read(directory: f.dir))
        // Only an administrator releases, with a reason.
        XCTAssertThrowsError(try running.releaseDamage(as: "mette", reason: "x"))
    }

    func testVerifyOnASoundStoreMarksNothingAndATornTailBeyondTheHeadIsANote() throws {
        let (f, _) = try filledStore()
        XCTAssertTrue(try Store.verify(directory: f.dir).allSatisfy { $0.problems.isEmpty && $0.notes.isEmpty })
        let all = try lines(f.eventsPath)
        try write(f.eventsPath, all.joined(separator: "\n") + "\n" + String(all.last!.prefix(30)))
        let reports = try Store.verify(directory: f.dir)
        XCTAssertTrue(reports.allSatisfy { $0.problems.isEmpty }, "\(reports.map(\.problems))")
        XCTAssertEqual(reports.first { $0.file == Store.eventsFile }?.notes.count, 1)
        XCTAssertNil(DamageMarker.read(directory: f.dir))
    }

    func testTheLineAtASeqIsFoundByBisection() throws {
        let (f, _) = try filledStore()
        let all = try lines(f.eventsPath)
        let fd = Glibc.open(f.eventsPath, O_RDONLY)
        defer { close(fd) }
        let size = Int(try FileManager.default.attributesOfItem(atPath: f.eventsPath)[.size] as! UInt64)
        for (i, line) in all.enumerated() {
            let hash = (try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["hash"] as! String
            XCTAssertEqual(LogFile.chainFields(fd: fd, atSeq: i + 1, before: size)?.hash, hash, "seq \(i + 1)")
        }
        XCTAssertNil(LogFile.chainFields(fd: fd, atSeq: all.count + 1, before: size))
        XCTAssertNil(LogFile.chainFields(fd: fd, atSeq: 0, before: size))
    }
}
