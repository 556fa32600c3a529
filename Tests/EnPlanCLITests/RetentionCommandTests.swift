import Foundation
import XCTest
import TestSupport

/// Retention through the real binary: a demo case closed years back is listed as due, archived,
/// erased from every file of the data directory, and the store still verifies, against its
/// signed checkpoint too.
final class RetentionCommandTests: XCTestCase {
    /// Someone else of the same name is kept: the run says where (file and line) and that the line
    /// is another citizen's, so an administrator can tell a namesake from a leftover; exit 1.
    func testANamesakeIsNamedByFileLineAndCitizen() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "6", "--seed", "4").status, 0)
        let erased = try d.run("citizen", "add", "--as", "mette", "--cpr", "111299-1444", "--name", "Søren Navnesen").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let namesake = try d.run("citizen", "add", "--as", "mette", "--cpr", "020270-1234", "--name", "Søren Navnesen").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertFalse(erased.isEmpty || namesake.isEmpty || erased == namesake)
        XCTAssertEqual(try d.run("citizen", "close", "--as", "mette", "--citizen", erased, "--date", "01-02-2020", "--reason", "Flyttet").status, 0)
        let dest = d.path + "-archive"
        defer { try? FileManager.default.removeItem(atPath: dest) }
        XCTAssertEqual(try d.run("archive", "--as", "admin", dest).status, 0)

        let run = try d.run("retention", "run", "--as", "admin")
        XCTAssertEqual(run.status, 1, "residue is a finding: \(run.stdout)\(run.stderr)")
        XCTAssertTrue(run.stdout.hasPrefix("Erased 1 case (\(erased))"), run.stdout)
        let lines = try String(contentsOfFile: d.path + "/events.jsonl", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(lines.firstIndex { $0.contains("\"CitizenRegistered\"") && $0.contains("\"stream\":\"\(namesake)\"") }) + 1
        XCTAssertTrue(run.stderr.contains("events.jsonl:\(line) still holds a name of an erased person; the line is \(namesake)'s, a citizen who was not erased"),
                      run.stderr)
        XCTAssertFalse(run.stderr.contains("Søren Navnesen"), "the warning does not print the name again")
        XCTAssertFalse(run.stderr.contains("events.jsonl:\(line + 1) "), "one warning a line")
    }

    func testACaseIsArchivedAndErasedAndTheStoreStillVerifies() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "20", "--seed", "4").status, 0)
        let rows = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "karen", "--json").stdout.utf8)) as! [[String: Any]]
        let row = try XCTUnwrap(rows.first)
        let id = row["id"] as! String, name = row["name"] as! String
        let shown = try d.run("citizen", "show", "--as", "karen", "--citizen", id, "--reason", "opfølgning")
        let cpr = try XCTUnwrap(shown.stdout.split(separator: " ").first { $0.count == 11 && $0.contains("-") }.map(String.init), shown.stdout)
        let closed = try d.run("citizen", "close", "--as", "karen", "--citizen", id, "--date", "01-02-2020", "--reason", "Flyttet til Norge")
        XCTAssertEqual(closed.status, 0, closed.stderr)
        let cp = d.path + "/../cp-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: cp) }

        let list = try JSONSerialization.jsonObject(with: Data(try d.run("retention", "list", "--as", "admin", "--json").stdout.utf8)) as! [String: Any]
        let due = list["due"] as! [[String: Any]]
        XCTAssertEqual(due.map { $0["citizen"] as? String }, [id])
        XCTAssertEqual(due.first?["due"] as? String, "2025-02-01")
        XCTAssertEqual(list["caseYears"] as? Int, 5)
        XCTAssertEqual(try d.run("retention", "list", "--as", "mette").status, 1, "administrators only")

        let early = try d.run("retention", "run", "--as", "admin")
        XCTAssertTrue(early.stdout.contains("Due but kept, as no archive copy holds them: \(id)"), early.stdout)
        let dest = d.path + "-archive"
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let archived = try d.run("archive", "--as", "admin", dest)
        XCTAssertEqual(archived.status, 0, archived.stderr)
        XCTAssertTrue(try String(contentsOfFile: dest + "/events.jsonl", encoding: .utf8).contains(name))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dest + "/manifest.json"))) as! [String: Any]
        XCTAssertEqual((manifest["citizens"] as! [[String: Any]]).map { $0["id"] as? String }, [id])

        let run = try d.run("retention", "run", "--as", "admin")
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Erased 1 case (\(id))"), run.stdout)
        for term in [name, cpr, cpr.replacingOccurrences(of: "-", with: ""), "Flyttet til Norge"] {
            let grep = Process()
            grep.executableURL = URL(fileURLWithPath: "/usr/bin/grep")
            grep.arguments = ["-rlF", term, d.path]
            let out = Pipe(); grep.standardOutput = out
            try grep.run(); grep.waitUntilExit()
            XCTAssertEqual(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "", "\(term) is still in the data directory")
        }
        let verify = try d.run("verify")
        XCTAssertEqual(verify.status, 0, verify.stdout)
        let gone = try d.run("citizen", "show", "--as", "karen", "--citizen", id, "--reason", "opfølgning")
        XCTAssertEqual(gone.stderr, "enplan: no citizen \(id)\n", "nobody finds the case, as one never registered")
        XCTAssertFalse(try d.run("citizens", "--as", "karen").stdout.contains(name))

        // A signed checkpoint holds after the erasure, and catches a cut even with store.head gone.
        XCTAssertEqual(try d.run("checkpoint", "--as", "admin", cp).status, 0)
        let ok = try d.run("verify", "--checkpoint", cp)
        XCTAssertEqual(ok.status, 0, ok.stdout)
        XCTAssertTrue(ok.stdout.contains("the checkpoint of"), ok.stdout)
        let lines = try String(contentsOfFile: d.events, encoding: .utf8).split(separator: "\n")
        try (lines.dropLast(3).joined(separator: "\n") + "\n").write(toFile: d.events, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: d.path + "/store.head")
        let cut = try d.run("verify", "--checkpoint", cp)
        XCTAssertEqual(cut.status, 1)
        XCTAssertTrue(cut.stdout.contains("cut short before the checkpoint"), cut.stdout)
    }
}
