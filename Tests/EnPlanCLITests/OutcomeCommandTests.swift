import Foundation
import XCTest
import TestSupport

/// Issue 10 headless: `outcome`, `own-assessment`, `vulnerability`, `target-group`, `report
/// youth-cohorts` and `report assessments` as scripts use them, on the demo's four years.
final class OutcomeCommandTests: XCTestCase {
    func json(_ s: String) throws -> [[String: Any]] { try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [[String: Any]] }

    func testTheCohortReportAddsUpAndItsListsAgree() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "80", "--seed", "3").status, 0)
        let r = try d.run("report", "youth-cohorts", "--as", "karen", "--json")
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try json(r.stdout)
        XCTAssertEqual(rows.first?["key"] as? String, "baseline")
        XCTAssertEqual(rows.first?["interim"] as? Bool, false, "the baseline four years back has matured")
        XCTAssertEqual(rows.last?["interim"] as? Bool, true, "this year's entry cohort is interim")
        for row in rows {
            for key in ["entry", "size", "succeeded", "exits", "notYet", "rate", "interim", "byMonth"] { XCTAssertNotNil(row[key], "\(key) in \(row)") }
            let size = row["size"] as! Int, succeeded = row["succeeded"] as! Int, exits = row["exits"] as! Int
            XCTAssertEqual(size, succeeded + exits + (row["notYet"] as! Int), "\(row)")
            let rate = row["rate"] as! [String: Int]
            XCTAssertEqual(rate["n"], succeeded); XCTAssertEqual(rate["of"], size - exits, "exits are out of the denominator: \(row)")
            // Who succeeded, who left, who has not yet: the same citizens as the counts.
            for column in ["succeeded", "exits", "notYet"] {
                let list = try d.run("report", "youth-cohorts", "--as", "karen", "--list", "\(row["key"]!)/\(column)")
                XCTAssertEqual(list.status, 0, list.stderr)
                XCTAssertEqual(try json(list.stdout).count, row[column] as? Int, "\(row["key"]!)/\(column)")
            }
        }
        XCTAssertGreaterThan(rows.map { $0["size"] as! Int }.reduce(0, +), 0, "the demo has cohorts")
        let own = try json(try d.run("report", "assessments", "--as", "karen", "--json").stdout)
        XCTAssertEqual(own.compactMap { $0["key"] as? String }, ["welfare", "contact"])
        XCTAssertTrue(try d.run("target-group", "show", "--as", "mette").stdout.contains("baseline"), "any user may read the definition")
    }

    func testRecordAndListAStatusAndAnOwnAssessment() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "5").status, 0)
        let r = try d.run("outcome", "record", "--as", "karen", "--citizen", "c1", "--status", "education-ready", "--date", "01-11-2026",
                          "--source", "UU Roskilde", "--json")
        XCTAssertEqual(r.status, 0, r.stderr)
        let written = try json(r.stdout)
        XCTAssertEqual(written.first?["status"] as? String, "education-ready")
        XCTAssertEqual(written.first?["date"] as? String, "2026-11-01")
        XCTAssertEqual(written.first?["success"] as? Bool, true)
        XCTAssertNotNil(written.first?["seq"] as? Int)
        let list = try json(try d.run("outcome", "list", "--as", "karen", "--citizen", "c1", "--json").stdout)
        XCTAssertEqual(list.last?["source"] as? String, "UU Roskilde")
        XCTAssertEqual(try d.run("own-assessment", "record", "--as", "karen", "--citizen", "c1", "--topic", "contact-person", "--score", "5",
                                 "--words", "Hun lytter").status, 0)
        let own = try json(try d.run("own-assessment", "list", "--as", "karen", "--citizen", "c1", "--json").stdout)
        XCTAssertEqual(own.last?["topic"] as? String, "contact-person"); XCTAssertEqual(own.last?["score"] as? Int, 5)
        XCTAssertEqual(try d.run("vulnerability", "set", "--as", "karen", "--citizen", "c1", "--on", "yes").status, 0)
        let set = try d.run("target-group", "set", "--as", "karen", "--baseline", "01-04-2023", "--benefits", "kontanthjaelp", "--vulnerability", "yes")
        XCTAssertEqual(set.status, 0, set.stderr)
        let group = try json(try d.run("target-group", "show", "--as", "karen", "--json").stdout)
        XCTAssertEqual(group.first?["baseline"] as? String, "2023-04-01"); XCTAssertEqual(group.first?["benefits"] as? [String], ["kontanthjaelp"])
        // The looks at the citizen are logged.
        let audit = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        XCTAssertGreaterThanOrEqual(audit.components(separatedBy: "\"CitizenViewed\"").count - 1, 2)
    }

    func testBadInputAndRefusalsChangeNothing() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "5").status, 0)
        let record = ["outcome", "record", "--as", "karen", "--citizen", "c1"]
        try d.assertFails([
            (record + ["--status", "jobb", "--date", "01-11-2026"], 2, "--status must be one of job, education"),
            (record + ["--status", "job", "--date", "31-02-2026"], 2, "is not a date"),
            (record + ["--status", "job", "--date", "+3d"], 2, "in the future"),
            (record + ["--status", "job"], 2, "missing --date"),
            (["outcome", "record", "--as", "karen", "--citizen", "c99", "--status", "job", "--date", "01-11-2026"], 2, "no citizen c99"),
            (["own-assessment", "record", "--as", "karen", "--citizen", "c1", "--topic", "plan", "--score", "6"], 2, "between 1 and 5"),
            (["own-assessment", "record", "--as", "karen", "--citizen", "c1", "--topic", "weather", "--score", "3"], 2, "--topic must be one of"),
            (["report", "youth-cohorts", "--as", "mette"], 1, "the team's figures"),
            (["report", "assessments", "--as", "mette"], 1, "the team's figures"),
            (["report", "youth-cohorts", "--as", "karen", "--list", "baseline/nope"], 2, "no cell"),
            (["target-group", "set", "--as", "mette", "--baseline", "01-04-2023"], 1, "supervisors and administrators"),
            (["target-group", "set", "--as", "karen", "--baseline", "01-04-2023", "--benefits", "nope"], 2, "unknown benefit \"nope\""),
            (["target-group", "set", "--as", "karen", "--baseline", "01-04-2023", "--max-age", "40"], 2, "the age limit of the youth target group is 15-30"),
            (["vulnerability", "set", "--as", "karen", "--citizen", "c1", "--on", "maybe"], 2, "--on must be one of yes, no"),
        ])
    }
}
