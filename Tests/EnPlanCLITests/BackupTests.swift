import Foundation
import Glibc
import XCTest
import TestSupport

/// `enplan backup` while writers append, and `enplan restore` of what it made.
final class BackupTests: XCTestCase {
    private func prepared() throws -> (DataDirectory, [String]) {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "12", "--seed", "3").status, 0)
        let list = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        return (d, list.filter { $0["mine"] as? Bool == true }.map { $0["id"] as! String })
    }

    private func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    private func temp(_ name: String) -> String { NSTemporaryDirectory() + "enplan-\(name)-\(UUID().uuidString)" }

    /// Four writers append while the backup is taken: the backup verifies, ends at a head, and
    /// holds every event acknowledged at or before that head, as that very line; every event
    /// acknowledged before the backup started is at or before its head. Its restore opens and verifies.
    func testABackupWhileFourWritersAppendVerifiesAndRestores() throws {
        let (d, citizens) = try prepared()
        let backup = temp("backup"), restored = temp("restored")
        defer { try? FileManager.default.removeItem(atPath: backup); try? FileManager.default.removeItem(atPath: restored) }
        let writers = try (0..<4).map { i in
            try Binary.start(["--data-dir", d.path, "stress", "--as", "mette", "--citizen", citizens[i % 2], "--count", "400"])
        }
        // Each writer has acknowledged something before the backup starts (what they report, with a deadline).
        for w in writers where !w.waitForLines(5, timeout: 120) {
            writers.forEach { $0.send(SIGKILL) }
            return XCTFail("a writer acknowledged nothing within 120 s: \(try w.finish().stderr)")
        }
        // Whole lines on disk now (a writer may be half-way through its next one): each acknowledged
        // so far is among them, and the backup, started after, must reach them all.
        let startedAt = try XCTUnwrap(FileManager.default.contents(atPath: d.events)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let b = try d.run("backup", backup)
        XCTAssertEqual(b.status, 0, b.stderr)
        var acked: [StoreProcessTests.Ack] = []
        for w in writers {
            let r = try w.finish(timeout: 300)
            XCTAssertEqual(r.status, 0, r.stderr)
            acked += StoreProcessTests.acks(r.stdout)
        }
        XCTAssertEqual(acked.count, 1600)
        XCTAssertEqual(try Binary.run(["--data-dir", backup, "verify"]).status, 0)
        let copy = try lines(backup + "/events.jsonl")
        let head = copy.last!["seq"] as! Int
        XCTAssertGreaterThanOrEqual(head, startedAt, "the backup reaches what was on disk when it started")
        XCTAssertTrue(b.stdout.contains("events.jsonl to seq \(head) "), b.stdout)
        let present = Set(copy.map { StoreProcessTests.Ack(seq: $0["seq"] as! Int, hash: $0["hash"] as! String) })
        XCTAssertEqual(acked.filter { $0.seq <= head && !present.contains($0) }, [], "acknowledged before the backup's head but missing")
        XCTAssertEqual(try d.run("verify").status, 0)
        print("backup during 4 writers: head \(head) of \(try lines(d.events).count) events; \(b.stdout)")

        let r = try Binary.run(["restore", backup, restored])
        XCTAssertEqual(r.status, 0, r.stderr)
        let v = try Binary.run(["--data-dir", restored, "verify"])
        XCTAssertEqual(v.status, 0, v.stdout + v.stderr)
        let open = try Binary.run(["--data-dir", restored, "citizens", "--as", "mette"])
        XCTAssertEqual(open.status, 0, open.stderr)
        XCTAssertEqual(open.stderr, "", "no truncation alarm")
        let restoredAudit = try lines(restored + "/audit.jsonl")
        let record = try XCTUnwrap(restoredAudit.first { $0["type"] as? String == "Restored" })
        XCTAssertEqual((record["data"] as! [String: Any])["eventsSeq"] as? Int, head)
        // Writing resumes on the restored store.
        let c = try Binary.run(["--data-dir", restored, "contact", "--as", "mette", "--citizen", citizens[0], "--channel", "phone"])
        XCTAssertEqual(c.status, 0, c.stderr)
        XCTAssertEqual(c.stdout, "\(head + 1)\n")
        XCTAssertEqual(try Binary.run(["--data-dir", restored, "verify"]).status, 0)
    }

    /// A torn tail (a crashed writer's half line) is left out of the copy, and bad destinations are refused.
    func testATornTailIsLeftOutAndBadDestinationsAreRefused() throws {
        let (d, _) = try prepared()
        let last = try lines(d.events).last!["seq"] as! Int
        let h = FileHandle(forWritingAtPath: d.events)!
        h.seekToEndOfFile(); h.write(Data(#"{"v":1,"seq":99999,"ts":"2026"#.utf8)); h.closeFile()
        let backup = temp("backup")
        defer { try? FileManager.default.removeItem(atPath: backup) }
        let b = try d.run("backup", backup)
        XCTAssertEqual(b.status, 0, b.stderr)
        XCTAssertEqual(try lines(backup + "/events.jsonl").last!["seq"] as? Int, last)
        XCTAssertEqual(try Binary.run(["--data-dir", backup, "verify"]).status, 0)

        let again = try d.run("backup", backup)
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(again.stderr, "enplan: backup: \(backup) is not empty (give a new or empty directory)\n")
        let notThere = try Binary.run(["restore", backup + "-none", temp("x")])
        XCTAssertEqual(notThere.status, 2)
        XCTAssertTrue(notThere.stderr.hasPrefix("enplan: restore: no backup in "), notThere.stderr)
        let intoStore = try Binary.run(["restore", backup, d.path])
        XCTAssertEqual(intoStore.status, 2, "never over an existing store")
        XCTAssertTrue(intoStore.stderr.hasSuffix("is not empty (give a new or empty directory)\n"), intoStore.stderr)

        // A damaged backup is not restored, and nothing is left where it was to go.
        var text = try String(contentsOfFile: backup + "/events.jsonl", encoding: .utf8)
        text = text.replacingOccurrences(of: "\"seq\":3,", with: "\"seq\":33,")
        try text.write(toFile: backup + "/events.jsonl", atomically: true, encoding: .utf8)
        let target = temp("restored")
        let damaged = try Binary.run(["restore", backup, target])
        XCTAssertEqual(damaged.status, 1)
        XCTAssertTrue(damaged.stderr.hasPrefix("enplan: \(backup)/events.jsonl:3: "), damaged.stderr)
        XCTAssertEqual(damaged.stderr.filter { $0 == "\n" }.count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }
}

/// Issue 24's operations: only the directory's owner opens the store; a backup carries the keys.
final class OwnerAndKeysTests: XCTestCase {
    func testAnotherOSUserIsToldToRunAsTheOwner() throws {
        try XCTSkipIf(geteuid() != 0, "needs root to give the directory to another user")
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "3", "--seed", "1").status, 0)
        XCTAssertEqual(chown(d.path, 65534, 65534), 0)   // nobody
        defer { _ = chown(d.path, 0, 0) }
        let before = try FileManager.default.contentsOfDirectory(atPath: d.path).sorted()
        for args in [["snapshot"], ["citizens", "--as", "mette"]] {
            let r = try d.run(args)
            XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("enplan: \(d.path) belongs to nobody, not to root: run enplan as nobody (sudo -u nobody enplan …)"), r.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: d.path).sorted(), before, "nothing written")
    }

    func testABackupCarriesTheSettingsAndTheSSHKeys() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "3", "--seed", "1").status, 0)
        try "rooms = Mødelokale 1\n".write(toFile: d.path + "/settings", atomically: true, encoding: .utf8)
        let keys = d.path + "-keys", pub = d.path + "-mette.pub"
        defer { try? FileManager.default.removeItem(atPath: keys); try? FileManager.default.removeItem(atPath: pub) }
        try SSHSessionTests.publicKey("mette@pc").write(toFile: pub, atomically: true, encoding: .utf8)
        XCTAssertEqual(try d.run("key", "add", "--as", "admin", "--user", "mette", "--authorized-keys", keys, pub).status, 0)
        let dest = d.path + "-backup"
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let r = try d.run("backup", "--authorized-keys", keys, dest)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("with \(keys)"), r.stdout)
        XCTAssertEqual(try String(contentsOfFile: dest + "/authorized_keys", encoding: .utf8), try String(contentsOfFile: keys, encoding: .utf8))
        XCTAssertEqual(try String(contentsOfFile: dest + "/settings", encoding: .utf8), "rooms = Mødelokale 1\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dest + "/store.damaged"), "checking a backup marks nothing")
    }
}
