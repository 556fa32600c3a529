import Foundation
import Glibc
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

final class StoreTests: XCTestCase {
    func testLinesCarryTheEnvelopeAndAHashChain() throws {
        let f = try Fixture()
        let c = try f.citizen()
        try f.service.execute(.logContact(citizen: c, channel: .phone, note: "hej", at: nil), as: "mette")
        let lines = try f.eventLines()
        XCTAssertEqual(lines.count, 7)
        var prev = LogLine.genesisHash
        for (i, line) in lines.enumerated() {
            let o = JSON.object(line)
            for key in ["v", "seq", "ts", "actor", "type", "stream", "version", "data", "salt", "prev", "hash"] {
                XCTAssertNotNil(o[key], "line \(i + 1) lacks \(key)")
            }
            XCTAssertEqual(o["v"] as? Int, 2)
            XCTAssertEqual(o["seq"] as? Int, i + 1)
            XCTAssertEqual(o["prev"] as? String, prev)
            // The hash covers the line as it reads with its payload erased: the payload's salted
            // commitment in its place. Recomputed here with string operations, independently.
            let data = String(line[line.range(of: #","data":"#)!.upperBound..<line.range(of: #","salt":""#)!.lowerBound])
            let salt = o["salt"] as! String
            let commit = Digest.sha256Hex(Array((data + salt).utf8))
            let header = String(line[..<line.range(of: #","data":"#)!.lowerBound])
            let prevPart = String(line[line.range(of: #","prev":""#)!.lowerBound..<line.range(of: #","hash":""#)!.lowerBound])
            XCTAssertEqual(Digest.sha256Hex(Array((header + #","erased":""# + commit + "\"" + prevPart).utf8)), o["hash"] as? String)
            prev = o["hash"] as! String
        }
        let last = JSON.object(lines.last!)
        XCTAssertEqual(last["type"] as? String, "ContactLogged")
        XCTAssertEqual(last["stream"] as? String, c)
        XCTAssertEqual(last["version"] as? Int, 2)
    }

    func testFilesAndDirectoryArePrivate() throws {
        let f = try Fixture()
        try f.citizen()
        var st = stat()
        stat(f.dir, &st); XCTAssertEqual(st.st_mode & 0o777, 0o700)
        stat(f.eventsPath, &st); XCTAssertEqual(st.st_mode & 0o777, 0o600)
    }

    func testAnotherStoreOnTheSameDirectorySeesChangesOnRefresh() throws {
        let f = try Fixture()
        let other = CaseService(store: try Store(directory: f.dir, clock: FixedClock(Fixture.now)), terminal: "t2")
        let c = try f.citizen()
        XCTAssertNil(other.state.citizens[c])
        XCTAssertEqual(try other.citizens(as: "mette").map(\.id), [c])
    }

    func testStaleVersionIsRefusedAndNothingIsWritten() throws {
        let f = try Fixture()
        let c = try f.citizen()
        let seen = f.service.state.citizens[c]!.version
        try f.service.execute(.logContact(citizen: c, channel: .phone, note: nil, at: nil), as: "mette", expectedVersion: seen)
        let before = try f.eventLines().count
        XCTAssertThrowsDomainError(try f.service.execute(.logContact(citizen: c, channel: .letter, note: nil, at: nil), as: "mette", expectedVersion: seen)) {
            if case .stale(c, seen, seen + 1) = $0 { return true } else { return false }
        }
        XCTAssertEqual(try f.eventLines().count, before)
    }

    func testTornTailIsMovedAsideAndTruncated() throws {
        let f = try Fixture()
        try f.citizen()
        let good = try Data(contentsOf: URL(fileURLWithPath: f.eventsPath))
        let handle = FileHandle(forWritingAtPath: f.eventsPath)!
        handle.seekToEndOfFile(); handle.write(Data(#"{"v":1,"seq":7,"ts":"2026-11"#.utf8)); handle.closeFile()

        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertEqual(reopened.repairs.count, 1)
        XCTAssertTrue(reopened.repairs[0].contains("line 7"), reopened.repairs[0])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: f.eventsPath)), good)
        let aside = try FileManager.default.contentsOfDirectory(atPath: f.dir).filter { $0.contains(".torn-7-") }
        XCTAssertEqual(aside.count, 1)
        XCTAssertEqual(try String(contentsOfFile: f.dir + "/" + aside[0], encoding: .utf8), #"{"v":1,"seq":7,"ts":"2026-11"#)
        // And it goes on: the next append follows the last good line.
        let service = CaseService(store: reopened, terminal: "t")
        XCTAssertEqual(try service.execute(.logContact(citizen: "c1", channel: .phone, note: nil, at: nil), as: "mette")[0].seq, 7)
        XCTAssertTrue(try Store.verify(directory: f.dir).allSatisfy { $0.problems.isEmpty })
    }

    func testDamageInTheMiddleOpensReadOnlyAndNamesFileAndLine() throws {
        let f = try Fixture()
        try f.citizen()
        var lines = try f.eventLines()
        lines[2] = lines[2].replacingOccurrences(of: "Jonas", with: "Jonaz")
        try (lines.joined(separator: "\n") + "\n").write(toFile: f.eventsPath, atomically: false, encoding: .utf8)

        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertEqual(reopened.readOnlyReason, .damaged(file: "events.jsonl", line: 3, reason: "the hash does not match the line's content (the line was changed)"))
        XCTAssertEqual(reopened.projection.accounts.count, 2, "state up to the damage stays readable")
        XCTAssertThrowsError(try CaseService(store: reopened, terminal: "t").execute(.logContact(citizen: "c1", channel: .phone, note: nil, at: nil), as: "mette")) {
            XCTAssertEqual(($0 as? StoreError).map { "\($0)" }, "events.jsonl:3: the hash does not match the line's content (the line was changed); the store is open read-only (run `enplan verify`)")
        }
        XCTAssertEqual(try f.eventLines(), lines, "nothing repaired silently")
        let report = try Store.verify(directory: f.dir).first { $0.file == Store.eventsFile }!
        XCTAssertEqual(report.problems.map(\.line), [3])
    }

    func testFailedFdatasyncStopsAllWriting() throws {
        let failing = FileIO(write: FileIO.system.write, fdatasync: { _ in errno = EIO; return -1 })
        var options = Store.Options(); options.io = failing
        let f = try Fixture()
        let store = try Store(directory: f.dir, clock: FixedClock(Fixture.now), options: options)
        let service = CaseService(store: store, terminal: "t")
        XCTAssertThrowsError(try service.execute(.registerCitizen(cpr: "0101901234", name: "A", benefit: nil, responsible: nil), as: "mette")) {
            guard case .syncFailed(file: "events.jsonl", _)? = $0 as? StoreError else { return XCTFail("\($0)") }
        }
        // Even a write that would now succeed is refused: the kernel may have dropped the pages.
        XCTAssertThrowsError(try service.execute(.registerCitizen(cpr: "0201901234", name: "B", benefit: nil, responsible: nil), as: "mette")) {
            guard case .syncFailed? = $0 as? StoreError else { return XCTFail("\($0)") }
        }
    }

    func testDiskFullLeavesTheFileAsItWas() throws {
        let f = try Fixture()
        let sizeBefore = try FileManager.default.attributesOfItem(atPath: f.eventsPath)[.size] as! Int
        // A short write, as when the disk fills in the middle of a line.
        let full = FileIO(write: { fd, p, n in _ = Glibc.write(fd, p, n / 2); errno = ENOSPC; return n / 2 }, fdatasync: FileIO.system.fdatasync)
        var options = Store.Options(); options.io = full
        let store = try Store(directory: f.dir, clock: FixedClock(Fixture.now), options: options)
        let service = CaseService(store: store, terminal: "t")
        XCTAssertThrowsError(try service.execute(.registerCitizen(cpr: "0101901234", name: "A", benefit: nil, responsible: nil), as: "mette")) {
            guard case .diskFull? = $0 as? StoreError else { return XCTFail("\($0)") }
        }
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: f.eventsPath)[.size] as? Int, sizeBefore)
        XCTAssertNil(store.projection.citizens["c1"], "the refused event is not in the state either")
        XCTAssertTrue(try Store.verify(directory: f.dir).allSatisfy { $0.problems.isEmpty })
        // Once there is room again, the same store writes.
        XCTAssertEqual(try f.citizen(), "c1")
    }

    func testSnapshotIsUsedWhenItMatchesAndIgnoredWhenNot() throws {
        let f = try Fixture()
        for i in 0..<20 { try f.citizen(String(format: "0101%02d-1234", 50 + i), name: "Borger \(i)") }
        try f.store.writeSnapshot()
        try f.service.execute(.logContact(citizen: "c3", channel: .phone, note: nil, at: nil), as: "mette")

        let fromSnapshot = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertTrue(fromSnapshot.usedSnapshot)
        XCTAssertEqual(fromSnapshot.replayedAtOpen, 1)
        XCTAssertEqual(fromSnapshot.projection.citizens, f.store.projection.citizens)
        XCTAssertEqual(fromSnapshot.projection.accounts, f.store.projection.accounts)

        // A log that no longer has the snapshot's line at its offset: the snapshot is ignored.
        var lines = try f.eventLines()
        lines = Array(lines.prefix(10))
        try (lines.joined(separator: "\n") + "\n").write(toFile: f.eventsPath, atomically: false, encoding: .utf8)
        let rebuilt = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertFalse(rebuilt.usedSnapshot)
        XCTAssertEqual(rebuilt.projection.citizens.count, 5)
    }

    /// The snapshot's checksum is XXH64 as published (vectors from the reference implementation,
    /// Python's `xxhash`), over every length class: empty, under 4, under 8, under 32 and longer.
    func testTheSnapshotChecksumIsXXH64() {
        let vectors: [([UInt8], UInt64)] = [([], 0xEF46_DB37_51D8_E999), (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B),
                                            (Array("abc".utf8), 0x44BC_2CF5_AD77_0999), (Array("EnPlan snapshot".utf8), 0x6265_FB35_1E11_77F5),
                                            ((0..<3).flatMap { _ in (0...255).map(UInt8.init) } + Array("xyz".utf8), 0xE921_A1B4_5BD7_79F8)]
        for (bytes, expected) in vectors {
            XCTAssertEqual(bytes.withUnsafeBytes { XXH64.hash($0) }, expected, "\(bytes.count) bytes")
        }
        XCTAssertEqual(Array("abc".utf8).withUnsafeBytes { XXH64.hex($0) }, "44bc2cf5ad770999")
    }

    func testAChangedOrCutSnapshotIsIgnored() throws {
        let f = try Fixture()
        for i in 0..<5 { try f.citizen(String(format: "0101%02d-1234", 50 + i)) }
        try f.store.writeSnapshot()
        let path = f.dir + "/" + Store.snapshotFile
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // One bit changed anywhere (the magic, the heads, the rests, the line index, the checksum).
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            var changedBytes = bytes
            changedBytes[position] ^= 0x01
            try changedBytes.write(to: URL(fileURLWithPath: path))
            let changed = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
            XCTAssertFalse(changed.usedSnapshot, "a bit changed at byte \(position) of \(bytes.count)")
            XCTAssertEqual(changed.projection.citizens, f.store.projection.citizens)
        }
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: path))
        XCTAssertFalse(try Store(directory: f.dir, clock: FixedClock(Fixture.now)).usedSnapshot)
    }

    func testDeletingTheSnapshotLosesNothing() throws {
        let f = try Fixture()
        for i in 0..<5 { try f.citizen(String(format: "0101%02d-1234", 50 + i)) }
        try f.store.writeSnapshot()
        try FileManager.default.removeItem(atPath: f.dir + "/" + Store.snapshotFile)
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertFalse(reopened.usedSnapshot)
        XCTAssertEqual(reopened.projection.citizens, f.store.projection.citizens)
    }

    func testABatchIsAllOrNothing() throws {
        let f = try Fixture()
        let before = try f.eventLines()
        XCTAssertThrowsError(try f.service.execute(batch: [
            ("mette", .registerCitizen(cpr: "0101901234", name: "A", benefit: nil, responsible: nil)),
            ("mette", .registerCitizen(cpr: "0101901234", name: "A again", benefit: nil, responsible: nil)),
        ]))
        XCTAssertEqual(try f.eventLines(), before)
        XCTAssertTrue(f.store.projection.citizens.isEmpty)
    }
}

final class ReadAheadTests: XCTestCase {
    /// Small chunks and read-ahead always on: lines cross chunk borders and hand-offs happen often.
    private var pipelined: Store.Options {
        var o = Store.Options(); o.useSnapshot = false; o.readAheadAbove = 0; o.chunkBytes = 1000
        return o
    }

    private func bigStore() throws -> Fixture {
        let f = try Fixture()
        var batch: [(actor: String, command: Command)] = []
        for i in 0..<40 { batch.append(("mette", .registerCitizen(cpr: String(format: "0101%02d-1234", 40 + i), name: "Borger Ø\(i)", benefit: nil, responsible: nil))) }
        for i in 0..<600 { batch.append(("mette", .logContact(citizen: "c\(i % 40 + 1)", channel: .phone, note: "Samtale nr. \(i) om planen", at: nil))) }
        // One line longer than a chunk: it is read on behind what is kept.
        batch.insert(("mette", .logContact(citizen: "c2", channel: .phone, note: String(repeating: "Lang note om æøå 🙂 ", count: 120), at: nil)), at: 150)
        try f.service.execute(batch: batch)
        return f
    }

    func testTheReadAheadReplayEqualsThePlainOne() throws {
        let f = try bigStore()
        var plain = Store.Options(); plain.useSnapshot = false; plain.readAheadAbove = .max
        let a = try Store(directory: f.dir, clock: FixedClock(Fixture.now), options: plain)
        let b = try Store(directory: f.dir, clock: FixedClock(Fixture.now), options: pipelined)
        XCTAssertEqual(b.replayedAtOpen, 646)
        XCTAssertEqual(a.projection.citizens, b.projection.citizens)
        XCTAssertEqual(b.projection.citizens, f.store.projection.citizens)
        XCTAssertEqual(b.projection.accounts, f.store.projection.accounts)
    }

    func testTheReadAheadReplayStopsAtDamageAndAtATornTail() throws {
        let f = try bigStore()
        var lines = try f.eventLines()
        lines[300] = lines[300].replacingOccurrences(of: "Samtale", with: "Samtalr")
        try (lines.joined(separator: "\n") + "\n{\"v\":1,\"se").write(toFile: f.eventsPath, atomically: false, encoding: .utf8)
        let s = try Store(directory: f.dir, clock: FixedClock(Fixture.now), options: pipelined)
        XCTAssertEqual(s.readOnlyReason, .damaged(file: "events.jsonl", line: 301, reason: "the hash does not match the line's content (the line was changed)"))
        XCTAssertEqual(s.projection.lastSeq, 300)
        XCTAssertTrue(s.repairs.isEmpty, "a tail after damage is not repaired either")
    }

    /// `verify` reads a chunk ahead too, but goes on past each bad line: what it reports must be
    /// what reading line by line (as it did before) reports, problem for problem.
    func testTheReadAheadCheckReportsWhatTheLineByLineCheckReports() throws {
        let f = try bigStore()
        var lines = try f.eventLines()
        lines[100] = lines[100].replacingOccurrences(of: "Samtale", with: "Samtalr")        // changed
        lines.remove(at: 200)                                                                // removed
        // A sound line (its own hash holds) of a type this EnPlan does not know.
        let seq = try Array(lines[399].utf8).withUnsafeBytes { try LogLine.decode($0, previousHash: nil, previousSeq: 0).seq }
        let prev = String(lines[398].suffix(66).prefix(64))
        let foreign = LogLine.encode(seq: seq, ts: Fixture.now, actor: "mette", type: "SomethingNew", stream: "c1", version: 99,
                                     data: Fields(), prev: prev)
        lines[399] = String(decoding: foreign.bytes.dropLast(), as: UTF8.self)
        try (lines.joined(separator: "\n") + "\n{\"v\":1,\"se").write(toFile: f.eventsPath, atomically: false, encoding: .utf8)

        let found = try assertTheCheckReportsWhatTheScanReports(f.eventsPath)
        for problem in ["101: the hash does not match", "201: \"prev\" does not match", "400: unknown event type \"SomethingNew\"",
                        "401: \"prev\" does not match", "\(lines.count + 1): the last line has no newline"] {
            XCTAssertTrue(found.contains { $0.hasPrefix(problem) }, "\(problem) … \(found)")
        }

        // Two hundred bad lines in a row (Windows line ends): read past in the same pass.
        var crlf = try f.eventLines()
        for i in 300..<500 { crlf[i] += "\r" }
        try (crlf.joined(separator: "\n") + "\n").write(toFile: f.eventsPath, atomically: false, encoding: .utf8)
        let bad = try assertTheCheckReportsWhatTheScanReports(f.eventsPath)
        XCTAssertEqual(bad.filter { $0.contains("does not end in a \"hash\" field") }.count, 201,
                       "the 200, and the torn tail of before, now with a newline: \(bad.prefix(3))")
    }

    /// `LogFile.check` (a chunk ahead, 1,000-byte chunks) against `LogFile.scan` with the projection
    /// applied line by line (what `verify` did): the same problems, lines, last line and state.
    @discardableResult
    private func assertTheCheckReportsWhatTheScanReports(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        var expected: [String] = [], expectedLast = (seq: 0, hash: ""), expectedLines = 0
        var projection = Projection()
        try LogFile.scan(path: path) { n, result in
            expectedLines = n
            switch result {
            case .success(let e):
                expectedLast = (e.seq, e.hash)
                do { try projection.apply(e) } catch { expected.append("\(n): \(error)") }
            case .failure(let p): expected.append("\(n): \(p.reason)")
            }
            return true
        }
        var found: [String] = []
        var checked = Projection()
        let (count, last, _) = try LogFile.check(path: path, chunkBytes: 1000, apply: { try checked.apply($0, event: $1) },
                                              problem: { found.append("\($0): \($1)") })
        XCTAssertEqual(found, expected, file: file, line: line)
        XCTAssertEqual(count, expectedLines, file: file, line: line)
        XCTAssertEqual(last.seq, expectedLast.seq, file: file, line: line)
        XCTAssertEqual(last.hash, expectedLast.hash, file: file, line: line)
        XCTAssertEqual(checked.citizens, projection.citizens, file: file, line: line)
        return found
    }
}

final class AuditTailTests: XCTestCase {
    private func auditPath(_ f: Fixture) -> String { f.auditPath }

    private func fixtureWithAudit() throws -> Fixture {
        let f = try Fixture()
        try f.citizen()
        for _ in 0..<5 { _ = try f.service.citizens(as: "mette") }
        return f
    }

    func testATornAuditTailIsMovedAsideOnTheNextAppend() throws {
        let f = try fixtureWithAudit()
        let good = try String(contentsOfFile: auditPath(f), encoding: .utf8)
        try (good + #"{"v":1,"seq":6,"ts":"#).write(toFile: auditPath(f), atomically: false, encoding: .utf8)
        let s = CaseService(store: try Store(directory: f.dir, clock: FixedClock(Fixture.now)), terminal: "t")
        _ = try s.citizens(as: "mette")
        XCTAssertEqual(s.store.repairs.count, 1)
        let lines = try String(contentsOfFile: auditPath(f), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 6)
        XCTAssertTrue(lines.last!.contains(#""seq":6,"#))
        XCTAssertTrue(try Store.verify(directory: f.dir).allSatisfy { $0.problems.isEmpty })
    }

    func testDamageBeforeTheAuditTailIsNeverTruncated() throws {
        let f = try fixtureWithAudit()
        var lines = try String(contentsOfFile: auditPath(f), encoding: .utf8).split(separator: "\n").map(String.init)
        // Two edited last lines: not what a crash leaves.
        lines[4] = lines[4].replacingOccurrences(of: "mette", with: "mettx")
        lines[3] = lines[3].replacingOccurrences(of: "mette", with: "mettx")
        let damaged = lines.joined(separator: "\n") + "\n"
        try damaged.write(toFile: auditPath(f), atomically: false, encoding: .utf8)
        let s = CaseService(store: try Store(directory: f.dir, clock: FixedClock(Fixture.now)), terminal: "t")
        XCTAssertThrowsError(try s.citizens(as: "mette")) { error in
            XCTAssertTrue("\(error)".contains("audit.jsonl"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: auditPath(f), encoding: .utf8), damaged, "nothing cut off")
    }

    func testALineFromANewerSchemaAtTheEndIsNotATear() throws {
        let f = try fixtureWithAudit()
        let good = try String(contentsOfFile: auditPath(f), encoding: .utf8)
        let last = good.split(separator: "\n").last!
        let prev = JSON.object(String(last))["hash"] as! String
        let body = #"{"v":3,"seq":6,"ts":"2026-11-23T10:00:00.000Z","actor":"x","type":"Future","stream":"-","version":6,"data":{},"prev":"\#(prev)""#
        let future = good + body + #","hash":""# + Digest.sha256Hex(Array(body.utf8)) + "\"}\n"
        try future.write(toFile: auditPath(f), atomically: false, encoding: .utf8)
        let s = CaseService(store: try Store(directory: f.dir, clock: FixedClock(Fixture.now)), terminal: "t")
        XCTAssertThrowsError(try s.citizens(as: "mette"))
        XCTAssertEqual(try String(contentsOfFile: auditPath(f), encoding: .utf8), future)
    }
}

/// The outbox: an export kept for its person, under a code, fetched once, gone after a week.
final class OutboxTests: XCTestCase {
    func testExportsAreKeptApartFetchedOnceAndExpire() throws {
        let f = try Fixture()
        let clock = TestClock()
        let mette = Outbox(dataDirectory: f.dir, user: "mette", clock: clock)
        let a = try mette.put(name: "plan.txt", text: "første")
        let b = try mette.put(name: "plan.txt", text: "anden")
        XCTAssertNotEqual(a.code, b.code, "the same name twice: two exports, none overwritten")
        XCTAssertEqual(Set(mette.list().map(\.code)), [a.code, b.code])
        XCTAssertNil(try Outbox(dataDirectory: f.dir, user: "karen", clock: clock).take(code: a.code), "only hers")
        // Typed as read aloud: lower case, a dash, O for 0 and I or L for 1.
        let typed = Outbox.shown(a.code).lowercased().replacingOccurrences(of: "0", with: "o").replacingOccurrences(of: "1", with: "l")
        XCTAssertEqual(try mette.take(code: typed).map { String(decoding: $0.data, as: UTF8.self) }, "første")
        XCTAssertNil(try mette.take(code: a.code), "fetched once")
        clock.time = Timestamp(millis: clock.time.millis + Int64(Outbox.keepDays) * 86_400_000 + 1000)
        XCTAssertEqual(mette.list(), [], "gone after \(Outbox.keepDays) days")
        let mode = try FileManager.default.attributesOfItem(atPath: f.dir + "/outbox/mette")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o700)
    }
}
