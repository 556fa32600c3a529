@_spi(Store) @testable import EnPlanDomain
import Foundation
import TestSupport
import XCTest

/// The line index read in place from the mapped snapshot, with the lines applied since on top.
final class LineIndexTests: XCTestCase {
    func testTheMappedIndexAndTheLinesSinceGiveWhatAFullReplayGives() throws {
        let f = try Fixture()
        for i in 0..<12 { try f.citizen(String(format: "0101%02d-1234", 50 + i), name: "Borger \(i)") }
        for i in 0..<30 { try f.service.execute(.logContact(citizen: "c\(1 + i % 12)", channel: .phone, note: nil, at: nil), as: "mette") }
        try f.store.writeSnapshot()
        for i in 0..<7 { try f.service.execute(.logContact(citizen: "c\(1 + i % 3)", channel: .letter, note: nil, at: nil), as: "mette") }

        let mapped = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertTrue(mapped.usedSnapshot)
        XCTAssertEqual(mapped.projection.lines.inMemory, 7, "only the lines after the snapshot are the session's own")
        var options = Store.Options(); options.useSnapshot = false
        let replayed = try Store(directory: f.dir, clock: FixedClock(Fixture.now), options: options)
        XCTAssertEqual(Set(mapped.projection.lines.streams), Set(replayed.projection.lines.streams))
        for s in replayed.projection.lines.streams {
            XCTAssertEqual(mapped.projection.lines.offsets(s), replayed.projection.lines.offsets(s), s)
        }
        XCTAssertEqual(try mapped.events(of: ["c1"]).map(\.seq), try replayed.events(of: ["c1"]).map(\.seq))
        XCTAssertEqual(try mapped.events(of: ["c1"]).count, 1 + 3 + 3, "registered, three contacts before the snapshot, three after")
    }

    func testANewerSnapshotRenamedOverAnOpenOneLeavesItsIndexWhole() throws {
        let f = try Fixture()
        for i in 0..<5 { try f.citizen(String(format: "0101%02d-1234", 50 + i)) }
        try f.store.writeSnapshot()
        let open = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertTrue(open.usedSnapshot)
        let before = try open.events(of: ["c2"]).map(\.seq)
        // Another process writes a snapshot (aside, then renamed over the one this store mapped).
        for _ in 0..<4 { try f.service.execute(.logContact(citizen: "c2", channel: .phone, note: nil, at: nil), as: "mette") }
        try f.store.writeSnapshot()
        XCTAssertEqual(try open.events(of: ["c2"]).map(\.seq), before, "the mapping keeps the file it was made from")
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertEqual(try reopened.events(of: ["c2"]).count, before.count + 4)
    }

    func testALineIndexPointingPastTheSnapshotIsNotTrusted() throws {
        let f = try Fixture()
        for i in 0..<3 { try f.citizen(String(format: "0101%02d-1234", 50 + i)) }
        try f.store.writeSnapshot()
        // The raw block's last offset (the last 8-byte word before the body's hash) past the
        // snapshot's own line, with a matching hash: well-formed, but the index points nowhere.
        let path = f.dir + "/" + Store.snapshotFile
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let end = bytes.count - 64
        withUnsafeBytes(of: Int(1 << 40).littleEndian) { bytes.replaceSubrange((end - 8)..<end, with: $0) }
        let body = Array(bytes[Snapshot.magic.count..<end])
        bytes.replaceSubrange(end..., with: Array(body.withUnsafeBytes { Digest.sha256Hex($0) }.utf8))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertFalse(reopened.usedSnapshot)
        XCTAssertEqual(reopened.projection.citizens, f.store.projection.citizens)
    }
}
