import Foundation
import Glibc
import XCTest

/// The store's promises, proven with real processes: concurrent writers, kill -9 at random
/// moments, and a corpus of damaged files.
final class StoreProcessTests: XCTestCase {
    /// A store with users and citizens, and the ids of a caseworker and citizens they may change.
    private func prepared() throws -> (DataDirectory, String, [String]) {
        let d = DataDirectory()
        let r = try d.run("demo", "--citizens", "12", "--seed", "3")
        XCTAssertEqual(r.status, 0, r.stderr)
        let list = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        let ids = list.filter { $0["mine"] as? Bool == true }.map { $0["id"] as! String }
        XCTAssertGreaterThanOrEqual(ids.count, 2)
        return (d, "mette", ids)
    }

    private func assertSound(_ d: DataDirectory, file: StaticString = #filePath, line: UInt = #line) throws {
        let v = try d.run("verify")
        XCTAssertEqual(v.status, 0, "verify: \(v.stdout)\(v.stderr)", file: file, line: line)
    }

    /// Every acknowledged seq is in the log exactly once; seqs run 1…n; each stream's versions run 1…k.
    private func assertAcknowledgedPresent(_ acked: [Int], in d: DataDirectory, file: StaticString = #filePath, line: UInt = #line) throws {
        let objects = try d.eventObjects()
        let seqs = objects.map { $0["seq"] as! Int }
        XCTAssertEqual(seqs, Array(1...seqs.count), "seqs are contiguous", file: file, line: line)
        let present = Set(seqs)
        let missing = acked.filter { !present.contains($0) }
        XCTAssertEqual(missing, [], "acknowledged but missing", file: file, line: line)
        XCTAssertEqual(Set(acked).count, acked.count, "no seq acknowledged twice", file: file, line: line)
        var versions: [String: Int] = [:]
        for o in objects {
            let stream = o["stream"] as! String, v = o["version"] as! Int
            XCTAssertEqual(v, (versions[stream] ?? 0) + 1, "stream \(stream) version", file: file, line: line)
            versions[stream] = v
        }
    }

    func testEightProcessesAppendingConcurrently() throws {
        let (d, user, citizens) = try prepared()
        let writers = try (0..<8).map { i in
            try Binary.start(["--data-dir", d.path, "stress", "--as", user, "--citizen", citizens[i % 2], "--count", "60"])
        }
        var acked: [Int] = []
        for (p, out, err) in writers {
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, String(decoding: e, as: UTF8.self))
            acked += String(decoding: o, as: UTF8.self).split(separator: "\n").map { Int($0)! }
        }
        XCTAssertEqual(acked.count, 480)
        try assertAcknowledgedPresent(acked, in: d)
        try assertSound(d)
    }

    func testKillNineAtRandomMomentsLosesNoAcknowledgedEvent() throws {
        let (d, user, citizens) = try prepared()
        var rng = SystemRandomNumberGenerator()
        var acked: [Int] = []
        let trials = 200
        for trial in 0..<trials {
            // Two writers on the same store; each is killed at its own random moment.
            let writers = try (0..<2).map { i in
                try Binary.start(["--data-dir", d.path, "stress", "--as", user, "--citizen", citizens[i], "--count", "100000"])
            }
            for (p, _, _) in writers {
                usleep(UInt32.random(in: 0...25_000, using: &rng))
                kill(p.processIdentifier, SIGKILL)
            }
            for (p, out, _) in writers {
                p.waitUntilExit()
                XCTAssertEqual(p.terminationReason, .uncaughtSignal)
                // Only whole lines count: each was written after its fdatasync returned.
                let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if !text.hasSuffix("\n") { lines.removeLast() }
                acked += lines.compactMap { Int($0) }
            }
            if trial % 25 == 24 {
                // A crash in the middle of a write leaves half a line: the next writer must repair it.
                let h = FileHandle(forWritingAtPath: d.events)!
                h.seekToEndOfFile(); h.write(Data(#"{"v":1,"seq":999999,"ts":"2026"#.utf8)); h.closeFile()
            }
        }
        // The next process repairs a torn tail, if the last trial left one.
        XCTAssertEqual(try d.run("users").status, 0)
        try assertAcknowledgedPresent(acked, in: d)
        try assertSound(d)
        let tornFiles = try FileManager.default.contentsOfDirectory(atPath: d.path).filter { $0.contains(".torn-") }
        XCTAssertEqual(tornFiles.count, trials / 25, "every simulated torn write was moved aside")
        XCTAssertGreaterThan(acked.count, trials, "the writers got work done between kills")
    }
}
