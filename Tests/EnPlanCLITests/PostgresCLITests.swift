import Foundation
import Glibc
import XCTest
import TestSupport

/// The real binary on a PostgreSQL store (a server the test starts itself): migrate from the
/// files, two hosts' processes writing at once with caches of their own, verify, backup as JSON
/// Lines, the environment variable for the SSH forced command, and the one-line refusals.
final class PostgresCLITests: XCTestCase {
    var server: PostgresServer!

    override func setUpWithError() throws { server = try PostgresServer() }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    func testMigrateThenTwoHostsWriteAtOnceAndBackupVerifiesAsJSONLines() throws {
        let files = DataDirectory()
        XCTAssertEqual(try files.run("demo", "--citizens", "12", "--seed", "3").status, 0)
        let list = try JSONSerialization.jsonObject(with: Data(try files.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        let ids = list.filter { $0["mine"] as? Bool == true }.map { $0["id"] as! String }
        XCTAssertGreaterThanOrEqual(ids.count, 2)

        let m = try files.run("migrate", "--to", server.url)
        XCTAssertEqual(m.status, 0, m.stderr)
        XCTAssertTrue(m.stdout.contains("sound"), m.stdout)
        let migrated = try files.eventObjects().count
        // A second migrate into the same database is refused in one line.
        let again = try files.run("migrate", "--to", server.url)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("not empty") && again.stderr.split(separator: "\n").count == 1, again.stderr)

        // Two "hosts": each its own cache directory, both over the one database.
        let hostA = DataDirectory(), hostB = DataDirectory()
        let writers = try [(hostA, ids[0]), (hostB, ids[1])].map { host, citizen in
            try Binary.start(["--data-dir", host.path, "--store", server.url, "stress", "--as", "mette", "--citizen", citizen, "--count", "40"])
        }
        var acked: [(Int, String)] = []
        for w in writers {
            let r = try w.finish(timeout: 300)
            XCTAssertEqual(r.status, 0, r.stderr)
            acked += r.stdout.split(separator: "\n").compactMap { l in
                let p = l.split(separator: " ")
                return p.count == 2 ? (Int(p[0])!, String(p[1])) : nil
            }
        }
        XCTAssertEqual(acked.count, 80)
        XCTAssertEqual(Set(acked.map(\.0)).count, 80, "no seq acknowledged twice")
        XCTAssertEqual(acked.map(\.0).sorted(), Array((migrated + 1)...(migrated + 80)))
        let rows = try server.psql("SELECT seq || ' ' || (line::json->>'hash') FROM enplan_events WHERE seq > \(migrated) ORDER BY seq")
        XCTAssertEqual(Set(rows.split(separator: "\n").map(String.init)), Set(acked.map { "\($0.0) \($0.1)" }), "every acknowledged line is there as acknowledged")

        // verify over the database, through ENPLAN_STORE as the SSH forced command would have it.
        let v = try Binary.run(["--data-dir", hostA.path, "verify"], env: ["ENPLAN_STORE": server.url])
        XCTAssertEqual(v.status, 0, v.stdout + v.stderr)
        XCTAssertTrue(v.stdout.contains("events.jsonl: \(migrated + 80) lines, sound"), v.stdout)
        // Host B sees host A's contacts (read by seq at its next command).
        let journey = try Binary.run(["--data-dir", hostB.path, "--store", server.url, "journey", "--as", "mette", "--citizen", ids[0]])
        XCTAssertEqual(journey.status, 0, journey.stderr)

        // A backup from the database is a JSON Lines store that verifies on its own.
        let dest = NSTemporaryDirectory() + "enplan-pgbackup-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let b = try Binary.run(["--data-dir", hostA.path, "--store", server.url, "backup", dest])
        XCTAssertEqual(b.status, 0, b.stderr)
        XCTAssertTrue(b.stdout.contains("to seq \(migrated + 80)"), b.stdout)
        let bv = try Binary.run(["--data-dir", dest, "verify"])
        XCTAssertEqual(bv.status, 0, bv.stdout + bv.stderr)
        XCTAssertTrue(bv.stdout.contains("events.jsonl: \(migrated + 80) lines, sound"), bv.stdout)

        // An edited line in the database: verify names it, and the store turns read-only.
        try server.psql("UPDATE enplan_events SET line = replace(line, '\"note\":\"', '\"note\":\"x') WHERE seq = \(migrated + 1)")
        let bad = try Binary.run(["--data-dir", hostA.path, "--store", server.url, "verify"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("events.jsonl:\(migrated + 1): the hash does not match"), bad.stdout)
        let refused = try Binary.run(["--data-dir", hostB.path, "--store", server.url, "stress", "--as", "mette", "--citizen", ids[1], "--count", "1"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("read-only"), refused.stderr)
    }

    func testWhatWorksOnFilesOnlyIsRefusedInOneLine() throws {
        let host = DataDirectory()
        XCTAssertEqual(try Binary.run(["--data-dir", host.path, "--store", server.url, "user", "add", "--as", "admin", "--id", "admin",
                                       "--name", "Ida Admin", "--sector", "employment", "--role", "admin"], stdin: "hemmeligt-langt-kodeord-42\nhemmeligt-langt-kodeord-42\n").status,
                       0)
        for (args, words) in [(["restore", "/nonexistent", host.path + "-x"], "JSON Lines files only"),
                              (["retention", "upgrade", "--as", "admin"], "JSON Lines files only")] {
            let r = try Binary.run(["--data-dir", host.path, "--store", server.url] + args)
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertTrue(r.stderr.contains(words), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "\(args): \(r.stderr)")
        }
    }
}
