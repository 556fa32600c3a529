import Foundation
import XCTest
import TestSupport

/// `enplan report`, `target` and `reassign` as scripts use them: the figures agree with the
/// citizen list, refusals and bad input have their exit codes, exports are logged.
final class ReportCommandTests: XCTestCase {
    func json(_ s: String) throws -> [[String: Any]] { try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [[String: Any]] }

    func testCaseloadAgreesWithTheCitizenList() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "60", "--seed", "3").status, 0)
        let citizens = try json(try d.run("citizens", "--as", "karen", "--json").stdout)
        let r = try d.run("report", "caseload", "--as", "karen", "--json")
        XCTAssertEqual(r.status, 0, r.stderr)
        let all = try json(r.stdout)
        // The rows by unit (issue 27) sum caseworkers' rows: the root's holds everyone.
        let byUnit = all.filter { $0["unit"] != nil }
        XCTAssertEqual(byUnit.first { $0["unit"] as? String == "bam" }?["responsible"] as? Int, citizens.count, "the root's unit row")
        XCTAssertTrue(byUnit.allSatisfy { ($0["key"] as? String)?.hasPrefix("unit:") == true && $0["name"] is String })
        let rows = all.filter { $0["unit"] == nil }
        for row in rows {
            for key in ["user", "name", "responsible", "youth", "adults", "withPlan", "overdue"] { XCTAssertNotNil(row[key], "\(key) in \(row)") }
            guard let user = row["user"] as? String, user != "unassigned" else { continue }
            XCTAssertNotNil(row["sector"])
            let mine = citizens.filter { $0["responsible"] as? String == user }
            XCTAssertEqual(row["responsible"] as? Int, mine.count, user)
            XCTAssertEqual(row["youth"] as? Int, mine.filter { $0["targetGroup"] as? String == "youth" }.count, user)
            XCTAssertEqual(row["adults"] as? Int, mine.filter { $0["targetGroup"] as? String == "adult" }.count, user)
            XCTAssertEqual(row["withPlan"] as? Int, mine.filter { $0["plan"] as? String == "active" }.count, user)
            XCTAssertEqual(row["overdue"] as? Int, mine.filter { ($0["overdueFollowUps"] as? Int ?? 0) > 0 }.count, user)
        }
        XCTAssertEqual(rows.compactMap { $0["responsible"] as? Int }.reduce(0, +), citizens.count, "every citizen in one row")
        // The list behind a cell: the same fields as `citizens --json`, the same citizens.
        let list = try d.run("report", "caseload", "--as", "karen", "--list", "user:mette/responsible")
        XCTAssertEqual(list.status, 0, list.stderr)
        let listed = try json(list.stdout)
        XCTAssertEqual(Set(listed.compactMap { $0["id"] as? String }),
                       Set(citizens.filter { $0["responsible"] as? String == "mette" }.compactMap { $0["id"] as? String }))
        XCTAssertEqual(Set(listed.first?.keys.map { $0 } ?? []), Set(citizens.first!.keys))
        // A caseworker's own report.
        let mine = try json(try d.run("report", "caseload", "--as", "mette", "--json").stdout)
        XCTAssertEqual(mine.compactMap { $0["user"] as? String }, ["mette"])
        for name in ["timeliness", "caseworkers", "contacts", "coverage", "referrals", "targets"] {
            let r = try d.run("report", name, "--as", "karen", "--json")
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            XCTAssertFalse(try json(r.stdout).isEmpty, name)
        }
        let csv = try d.run("report", "timeliness", "--as", "karen", "--csv", "--da")
        XCTAssertTrue(csv.stdout.hasPrefix("\u{FEFF}Afsnit;"), csv.stdout)
        let audit = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(audit.contains("\"FiguresRead\"") && audit.contains("\"FiguresExported\""))
    }

    func testRefusalsAndBadInput() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "5").status, 0)
        let cases: [([String], Int32, String)] = [
            (["report", "caseload", "--as", "mette", "--user", "jonas"], 1, "own figures only"),
            (["report", "targets", "--as", "mette"], 1, "the team's figures"),
            (["report", "caseload", "--as", "karen", "--from", "31-02-2026"], 2, "is not a date"),
            (["report", "caseload", "--as", "karen", "--user", "nobody"], 2, "no user nobody"),
            (["report", "caseload", "--as", "nobody"], 2, "no user nobody"),
            (["report", "caseload", "--as", "karen", "--group", "elderly"], 2, "--group must be one of"),
            (["report", "caseload", "--as", "karen", "--list", "user:nobody/responsible"], 2, "no cell"),
            (["reassign", "--as", "mette", "--to", "jonas", "--citizens", "c1", "--reason", "x"], 1, "only supervisors"),
            (["reassign", "--as", "karen", "--to", "jonas", "--citizens", "c1,c99", "--reason", "x"], 2, "no citizen c99"),
            (["target", "add", "--as", "mette", "--id", "t1", "--kind", "caseloadMax", "--name", "x", "--value", "25"], 1, "supervisors and administrators"),
            (["target", "end", "--as", "karen", "--id", "nope"], 2, "no target nope"),
        ]
        try d.assertFails(cases)

        let add = try d.run("target", "add", "--as", "karen", "--id", "plan-10", "--kind", "planCoverage", "--name", "10 med én plan",
                            "--value", "10", "--deadline", "+52w")
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertEqual(try json(try d.run("target", "list", "--as", "karen", "--json").stdout).compactMap { $0["id"] as? String }, ["kontakter-6", "loft-25", "plan-10", "plan-1000"], "the demo's three and the new one")
        let moved = try d.run("reassign", "--as", "karen", "--to", "jonas", "--citizens", "c1,c2", "--reason", "Ny fordeling")
        XCTAssertEqual(moved.status, 0, moved.stderr)
        let after = try json(try d.run("citizens", "--as", "karen", "--json").stdout)
        XCTAssertEqual(after.filter { ["c1", "c2"].contains($0["id"] as? String) }.compactMap { $0["responsible"] as? String }, ["jonas", "jonas"])
        XCTAssertEqual(try d.run("target", "end", "--as", "karen", "--id", "plan-10").status, 0)
    }
}
