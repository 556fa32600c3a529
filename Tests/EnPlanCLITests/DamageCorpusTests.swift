import Foundation
import XCTest
import TestSupport

/// Damaged files and what EnPlan does with each: a torn tail is moved aside and truncated; damage
/// anywhere else is reported as FILE:LINE and the store refuses to write, changing nothing.
final class DamageCorpusTests: XCTestCase {
    enum Expected { case repairedTail, readOnly(line: Int) }

    private func store() throws -> (DataDirectory, [String]) {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "3", "--seed", "5").status, 0)
        let lines = try String(contentsOfFile: d.events, encoding: .utf8).split(separator: "\n").map(String.init)
        return (d, lines)
    }

    private func write(_ d: DataDirectory, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: d.events))
    }

    private func flipBit(_ line: String, at position: Int) -> String {
        var bytes = Array(line.utf8)
        bytes[position] ^= 0x04
        return String(decoding: bytes, as: UTF8.self)
    }

    private func check(_ name: String, _ damage: ([String]) -> String, _ expected: Expected) throws {
        let (d, lines) = try store()
        let damaged = damage(lines)
        try write(d, damaged)

        let verify = try d.run("verify")
        switch expected {
        case .repairedTail:
            // A torn tail beyond the acknowledged head is a crash's leftover: said, not damage.
            XCTAssertEqual(verify.status, 0, "\(name): \(verify.stdout)")
            XCTAssertTrue(verify.stdout.contains("note: line") && verify.stdout.contains("a write a crash cut short"), "\(name): \(verify.stdout)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: d.path + "/store.damaged"), name)
            // Any command repairs the tail, says so on stderr, and the store writes again.
            let r = try d.run("users", "--as", "admin")
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("torn write"), "\(name): \(r.stderr)")
            XCTAssertEqual(try d.run("verify").status, 0, name)
            let kept = try String(contentsOfFile: d.events, encoding: .utf8)
            XCTAssertTrue(damaged.hasPrefix(kept), "\(name): only the tail was removed")
            let aside = try FileManager.default.contentsOfDirectory(atPath: d.path).filter { $0.contains(".torn-") }
            XCTAssertEqual(aside.count, 1, name)
            let saved = try Data(contentsOf: URL(fileURLWithPath: d.path + "/" + aside[0]))
            XCTAssertEqual(Data(kept.utf8) + saved, Data(damaged.utf8), "\(name): the removed bytes are kept aside")
            XCTAssertEqual(try d.run("stress", "--as", "karen", "--citizen", "c1", "--count", "1").status, 0, name)
        case .readOnly(let line):
            XCTAssertEqual(verify.status, 1, "\(name): verify must find it")
            XCTAssertTrue(verify.stdout.contains("events.jsonl:\(line): "), "\(name): \(verify.stdout)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: d.path + "/store.damaged"), "\(name): the damage state is kept")
            // Reading still works (up to the damage); writing is refused naming file and line.
            let read = try d.run("users", "--as", "admin")
            XCTAssertEqual(read.status, 0, "\(name): \(read.stderr)")
            XCTAssertTrue(read.stderr.contains("events.jsonl:\(line):"), "\(name): \(read.stderr)")
            let w = try d.run("stress", "--as", "karen", "--citizen", "c1", "--count", "1")
            XCTAssertEqual(w.status, 1, name)
            XCTAssertTrue(w.stderr.contains("events.jsonl:\(line):") && w.stderr.contains("read-only"), "\(name): \(w.stderr)")
            XCTAssertEqual(try String(contentsOfFile: d.events, encoding: .utf8), damaged, "\(name): nothing repaired silently")
        }
    }

    func testTheCorpus() throws {
        let n = { (lines: [String]) in lines.count }
        // Beyond the acknowledged head (`store.head`): what a crash during a write leaves.
        try check("half a line after the last", { l in l.joined(separator: "\n") + "\n" + String(l.last!.prefix(l.last!.count / 2)) }, .repairedTail)
        try check("zero-filled tail", { l in l.joined(separator: "\n") + "\n" + String(repeating: "\0", count: 4096) }, .repairedTail)
        try check("a garbled line after the last", { l in
            (l + [self.flipBit(l.last!, at: 40)]).joined(separator: "\n") + "\n"
        }, .repairedTail)
        // The acknowledged last line itself: damage, never "repaired" by the next write.
        try check("half the acknowledged last line", { l in l.dropLast().joined(separator: "\n") + "\n" + String(l.last!.prefix(l.last!.count / 2)) },
                  .readOnly(line: n(try! self.store().1)))
        try check("flipped bit in the acknowledged last line", { l in
            (l.dropLast() + [self.flipBit(l.last!, at: 40)]).joined(separator: "\n") + "\n"
        }, .readOnly(line: n(try! self.store().1)))
        try check("flipped bit in a middle line", { l in
            var m = l; m[9] = self.flipBit(m[9], at: 60); return m.joined(separator: "\n") + "\n"
        }, .readOnly(line: 10))
        try check("a deleted line", { l in
            var m = l; m.remove(at: 19); return m.joined(separator: "\n") + "\n"
        }, .readOnly(line: 20))
        try check("two lines swapped", { l in
            var m = l; m.swapAt(29, 30); return m.joined(separator: "\n") + "\n"
        }, .readOnly(line: 30))
        try check("two last lines swapped", { l in
            var m = l; m.swapAt(n(l) - 2, n(l) - 1); return m.joined(separator: "\n") + "\n"
        }, .readOnly(line: n(try! self.store().1) - 1))
        try check("a forged line with a valid hash of its own", { l in
            // Someone inserts a line and computes its hash correctly: the next line's prev gives it away.
            var m = l
            let prev = (try! JSONSerialization.jsonObject(with: Data(m[39].utf8)) as! [String: Any])["hash"] as! String
            let body = #"{"v":1,"seq":41,"ts":"2026-11-23T10:00:00.000Z","actor":"karen","type":"ContactLogged","stream":"c1","version":99,"data":{"channel":"phone","sector":"employment"},"prev":"\#(prev)""#
            let hash = sha256(body)
            m.insert(body + #","hash":"\#(hash)"}"#, at: 40)
            return m.joined(separator: "\n") + "\n"
        }, .readOnly(line: 41))
    }
}

/// SHA-256 through the system's sha256sum, independent of EnPlan's own code.
func sha256(_ text: String) -> String {
    let r = try! Child.run(["sha256sum"], stdin: text)
    return String(r.stdout.prefix(64))
}
