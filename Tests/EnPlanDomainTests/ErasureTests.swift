import Foundation
import Glibc
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The store's side of erasure: payloads erased in place under a journal, the upgrade of an old
/// log to format 2, and signed checkpoints.
final class ErasureTests: XCTestCase {
    private func contents(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    private func sound(_ dir: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for r in try Store.verify(directory: dir, mark: false) {
            XCTAssertEqual(r.problems.map(\.reason), [], r.file, file: file, line: line)
        }
    }

    /// A fixture with one citizen (c1) whose case holds a note, looked at once.
    private func fixture(_ options: Store.Options = Store.Options()) throws -> (Fixture, String) {
        let f = try Fixture(options: options)
        let c = try f.citizen("111299-1444", name: "Søren Sørensen")
        try f.service.execute(.logContact(citizen: c, channel: .phone, note: "Ringede om hemmelig sag", at: nil), as: "mette")
        _ = try f.citizen("020270-1234", name: "Anna Ager")
        _ = try f.service.citizen(c, as: "mette")
        return (f, c)
    }

    func testPayloadsAreErasedInPlaceAndTheChainStillProvesTheRest() throws {
        let (f, c) = try fixture()
        let before = try Data(contentsOf: URL(fileURLWithPath: f.eventsPath))
        let erased = try f.store.erasePayloads { audit, e in e.stream == c }
        XCTAssertEqual(erased.events.count, 2, "the registration and the contact")
        XCTAssertEqual(erased.audit.count, 1, "the look at the case")
        let after = try Data(contentsOf: URL(fileURLWithPath: f.eventsPath))
        XCTAssertEqual(after.count, before.count, "in place: every offset stays true")
        for text in ["Søren", "111299", "hemmelig"] {
            XCTAssertFalse(contents(f.eventsPath).contains(text) || contents(f.auditPath).contains(text), text)
        }
        XCTAssertTrue(contents(f.eventsPath).contains("Anna Ager"), "the others are kept")
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.dir + "/" + ErasureJournal.name))
        try sound(f.dir)
        // What remains is still proven: an edit of a kept line, or of an erased one's envelope, is caught.
        let kept = contents(f.eventsPath)
        for (from, to) in [("Anna Ager", "Anna Agér"), (#""stream":"\#(c)","version":2"#, #""stream":"\#(c)","version":3"#)] {
            try kept.replacingOccurrences(of: from, with: to).write(toFile: f.eventsPath, atomically: false, encoding: .utf8)
            XCTAssertFalse(try Store.verify(directory: f.dir, mark: false).flatMap(\.problems).isEmpty, "\(from) → \(to)")
        }
        try kept.write(toFile: f.eventsPath, atomically: false, encoding: .utf8)
        // A store opened afresh replays around the erased lines; the next citizen gets a new id.
        let reopened = CaseService(store: try Store(directory: f.dir, clock: FixedClock(Fixture.now)), terminal: "t")
        XCTAssertNil(reopened.state.citizens[c])
        let next = try reopened.execute(.registerCitizen(cpr: "030370-1234", name: "Ny Borger", benefit: nil, responsible: nil), as: "mette")
        XCTAssertEqual(next[0].stream, "c3", "c1's id is never handed out again")
        XCTAssertTrue(try f.store.erasePayloads { _, e in e.stream == c }.events.isEmpty, "erased once")
    }

    func testAWholeJournalIsAppliedAtOpenAndABegunOneForgotten() throws {
        let (f, c) = try fixture()
        // The journal written, then a crash before any line was overwritten.
        var entries: [ErasureJournal.Entry] = []
        try Store.eachLine(path: f.eventsPath) { line, start in
            if let e = try? LogLine.decode(line, previousHash: nil, previousSeq: 0), e.stream == c, let bytes = LogLine.erasing(line) {
                entries.append(.init(file: Store.eventsFile, offset: start, bytes: bytes))
            }
        }
        XCTAssertEqual(entries.count, 2)
        try ErasureJournal.write(entries, directory: f.dir)
        let journal = contents(f.dir + "/" + ErasureJournal.name)
        XCTAssertFalse(journal.contains("Søren") || journal.contains("hemmelig"), "the journal holds erased forms only")
        _ = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertFalse(contents(f.eventsPath).contains("hemmelig"), "finished at open")
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.dir + "/" + ErasureJournal.name))
        try sound(f.dir)

        // A journal without its end record: the erasure never began, nothing is touched.
        let (g, d) = try fixture()
        let first = String(journal.split(separator: "\n")[0]).replacingOccurrences(of: c, with: d)
        try (first + "\n").write(toFile: g.dir + "/" + ErasureJournal.name, atomically: true, encoding: .utf8)
        _ = try Store(directory: g.dir, clock: FixedClock(Fixture.now))
        XCTAssertTrue(contents(g.eventsPath).contains("hemmelig"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: g.dir + "/" + ErasureJournal.name))
    }

    func testAFormatOneStoreIsUpgradedWithItsContentAndItsProof() throws {
        var old = Store.Options(); old.lineFormat = 1
        let (f, c) = try fixture(old)
        XCTAssertTrue(contents(f.eventsPath).hasPrefix(#"{"v":1,"#))
        XCTAssertThrowsError(try f.store.erasePayloads { _, e in e.stream == c }, "format 1 cannot be erased in place")
        let heads = f.store.heads
        let stateBefore = f.store.projection.citizens
        let u = try XCTUnwrap(try Store.upgradeToFormatTwo(directory: f.dir, clock: FixedClock(Fixture.now)))
        XCTAssertEqual(u.logs.map(\.file), [Store.eventsFile, Store.auditFile])
        XCTAssertEqual(u.logs[0].oldHead.seq, heads.events.seq)
        XCTAssertEqual(u.logs[0].oldHead.hash, heads.events.hash, "the old chain's head, proven before it was rewritten")
        XCTAssertEqual(u.logs[0].converted, u.logs[0].lines)
        XCTAssertFalse(contents(f.eventsPath).contains(#"{"v":1,"#))
        XCTAssertFalse(contents(f.auditPath).contains(#"{"v":1,"#))
        try sound(f.dir)
        XCTAssertNil(try Store.upgradeToFormatTwo(directory: f.dir), "once")
        // The session that had the old files open finds them replaced and writes nothing.
        XCTAssertThrowsError(try f.service.execute(.logContact(citizen: c, channel: .phone, note: "efter", at: nil), as: "mette")) {
            XCTAssertEqual($0 as? StoreError, .replaced)
        }
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertEqual(reopened.projection.citizens, stateBefore, "the same state from the new logs")
        XCTAssertEqual(reopened.heads.events.seq, heads.events.seq)
        XCTAssertEqual(try reopened.erasePayloads { _, e in e.stream == c }.events.count, 2, "now it can be erased")
        try sound(f.dir)
    }

    func testASignedCheckpointCatchesACutEvenWithoutTheHead() throws {
        let (f, c) = try fixture()
        let cp = try f.store.checkpoint()
        XCTAssertEqual(cp.events.seq, f.store.heads.events.seq)
        let file = f.dir + "/../cp-\(UUID().uuidString).json"
        defer { unlink(file) }
        try cp.text.write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Checkpoint.read(path: file), cp)
        XCTAssertTrue(Store.check(cp, directory: f.dir).allSatisfy { $0.problems.isEmpty })
        // An erasure changes no hash: the checkpoint still holds.
        _ = try f.store.erasePayloads { _, e in e.stream == c }
        XCTAssertTrue(Store.check(cp, directory: f.dir).allSatisfy { $0.problems.isEmpty })
        // The last event and store.head gone together: only the checkpoint can tell.
        let lines = try f.eventLines()
        try (lines.dropLast().joined(separator: "\n") + "\n").write(toFile: f.eventsPath, atomically: false, encoding: .utf8)
        unlink(f.dir + "/store.head")
        let problems = Store.check(cp, directory: f.dir).flatMap(\.problems)
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].reason.contains("cut short before the checkpoint"), problems[0].reason)
        // A checkpoint edited after signing is refused; one signed by another store's key is named.
        try cp.text.replacingOccurrences(of: "\"eventsSeq\":\(cp.events.seq)", with: "\"eventsSeq\":\(cp.events.seq - 1)").write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Checkpoint.read(path: file))
        let (g, _) = try fixture()
        let other = try g.store.checkpoint()
        XCTAssertTrue(Store.check(other, directory: f.dir).contains { $0.file == Checkpoint.keyFile && !$0.problems.isEmpty })
    }
}
