import Foundation
import XCTest
import TestSupport

/// `enplan review` and `enplan offer` as scripts use them: a draw that respects its strata and
/// the 12-month exclusion and checks out, a review recorded, the offers' weekly users; refusals
/// exit 1 and bad input 2, each one line, writing nothing.
final class ReviewCommandTests: XCTestCase {
    func json(_ s: String) throws -> [[String: Any]] { try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [[String: Any]] }

    func testDrawingCheckingRecordingAndListingTheReview() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "80", "--seed", "4").status, 0)
        // The demo drew this quarter already: one draw a quarter.
        let again = try d.run("review", "sample", "--as", "karen")
        XCTAssertEqual(again.status, 1, again.stderr)
        XCTAssertTrue(again.stderr.contains("drawn already"), again.stderr)
        let reviewedBefore = try ["2026Q2", "2026Q3", "2026Q4"].flatMap { q -> [String] in
            let r = try d.run("review", "list", "--as", "karen", "--quarter", q, "--json")
            XCTAssertEqual(r.status, 0, r.stderr)
            return (try json(r.stdout)[0]["plans"] as! [[String: Any]]).filter { $0["reviewed"] is String }.map { $0["citizen"] as! String }
        }
        XCTAssertFalse(reviewedBefore.isEmpty)

        let next = "2027Q1"
        let r = try d.run("review", "sample", "--as", "karen", "--quarter", next, "--size", "10", "--json")
        XCTAssertEqual(r.status, 0, r.stderr)
        let draw = try json(r.stdout)[0]
        XCTAssertEqual(draw["id"] as? String, next)
        let plans = draw["plans"] as! [[String: Any]]
        let strata = draw["strata"] as! Int
        XCTAssertEqual(plans.count, max(10, strata), "at least 10, and one a stratum")
        XCTAssertEqual(Set(plans.compactMap { $0["stratum"] as? String }).count, strata, "every stratum that has plans gives one")
        let drawn = plans.map { $0["citizen"] as! String }
        XCTAssertTrue(Set(drawn).isDisjoint(with: reviewedBefore), "plans reviewed in the last 12 months are left out")
        XCTAssertEqual(draw["excluded"] as? Int, Set(reviewedBefore).count)

        for id in [next, "2026Q4"] {
            let check = try d.run("review", "sample", "--as", "karen", "--check", id)
            XCTAssertEqual(check.status, 0, check.stderr)
            XCTAssertTrue(check.stdout.hasPrefix("\(id): matches"), check.stdout)
        }
        let checked = try json(try d.run("review", "sample", "--as", "bjarne", "--check", next, "--json").stdout)[0]
        XCTAssertEqual(checked["matches"] as? Bool, true)
        XCTAssertEqual(checked["again"] as? [String], drawn)

        let rec = try d.run("review", "record", "--as", "karen", "--citizen", drawn[0], "--quarter", next, "--provider", "Café Ægte",
                            "--invited", "yes", "--took-part", "yes", "--focus", "4", "--findings", "Klart mål", "--action", "Ring til UU")
        XCTAssertEqual(rec.status, 0, rec.stderr)
        let list = try json(try d.run("review", "list", "--as", "karen", "--json").stdout)
        XCTAssertEqual(list.map { $0["quarter"] as! String }, [next, "2026Q4", "2026Q3", "2026Q2"], "newest first")
        XCTAssertEqual(list[0]["reviewed"] as? Int, 1)
        XCTAssertEqual(list[0]["drawn"] as? Int, plans.count)
        let shown = try d.run("citizen", "show", "--as", "karen", "--citizen", drawn[0])
        XCTAssertTrue(shown.stdout.contains("follow-up f") && shown.stdout.contains(" due"), "the action became a follow-up:\n\(shown.stdout)")
        let report = try json(try d.run("report", "reviews", "--as", "karen", "--json").stdout)
        XCTAssertEqual(report.map { $0["key"] as? String }, ["quarter:2027Q1", "quarter:2026Q4", "quarter:2026Q3", "quarter:2026Q2"], "newest first")
        XCTAssertEqual(report[0]["reviewed"] as? [String: Int], ["n": 1, "of": plans.count])
        let audit = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(audit.contains("\"CitizensListed\""), "listing the drawn plans is logged")
    }

    func testOffersWeeklyUsersAndAttendance() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "20").status, 0)
        let add = try d.run("offer", "add", "--as", "karen", "--provider", "Frivilligcentret", "--kind", "civil-society",
                            "--activity", "Gåklub", "--place", "Byparken", "--weekdays", "man,ons", "--json")
        XCTAssertEqual(add.status, 0, add.stderr)
        let offer = try json(add.stdout)[0]
        let id = offer["id"] as! String
        XCTAssertEqual(offer["weekdays"] as? [Int], [1, 3])
        XCTAssertEqual(try d.run("offer", "attendance", "--as", "mette", "--offer", id, "--count", "17").status, 0)
        let citizens = try json(try d.run("citizens", "--as", "mette", "--json").stdout)
        let mine = try XCTUnwrap(citizens.first { $0["responsible"] as? String == "mette" && $0["plan"] as? String == "active" }?["id"] as? String)
        let effort = try d.run("effort", "add", "--as", "mette", "--citizen", mine, "--title", "Gåtur", "--sector", "employment",
                               "--basis", "LAB § 32", "--offer", id)
        XCTAssertEqual(effort.status, 0, effort.stderr)
        let listed = try json(try d.run("offer", "list", "--as", "mette", "--json").stdout)
        XCTAssertEqual((listed.first { $0["id"] as? String == id }?["attendance"] as? [String: Int])?.values.first, 17)
        let report = try json(try d.run("report", "offers", "--as", "karen", "--json").stdout)
        let row = try XCTUnwrap(report.first { $0["key"] as? String == "offer:" + id })
        XCTAssertEqual(row["weeklyUsers"] as? Int, 1); XCTAssertEqual(row["attendance"] as? Int, 17)
        XCTAssertEqual((row["usersTrend"] as? [Int])?.count, 12)
        XCTAssertEqual(report.first?["offers"] as? Int, listed.count, "the number of offers")
        let behind = try json(try d.run("report", "offers", "--as", "karen", "--list", "offer:\(id)/weeklyUsers").stdout)
        XCTAssertEqual(behind.compactMap { $0["id"] as? String }, [mine])
    }

    func testRefusalsAndBadInput() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "10").status, 0)
        let record = ["review", "record", "--citizen", "c1", "--took-part", "no", "--findings", "x"]
        let cases: [([String], Int32, String)] = [
            (["review", "sample", "--as", "mette", "--quarter", "2027Q1"], 1, "only supervisors and administrators"),
            (["review", "sample", "--as", "karen", "--quarter", "2026Q9"], 2, "--quarter must be a quarter like 2026Q4"),
            (["review", "sample", "--as", "karen", "--quarter", "2026Q1"], 2, "has ended"),
            (["review", "sample", "--as", "karen", "--size", "0", "--quarter", "2027Q1"], 2, "--size must be between 1 and 1000"),
            (["review", "sample", "--as", "karen", "--check", "1999Q1"], 2, "no review sample 1999Q1"),
            (["review", "sample", "--as", "mette", "--check", "2026Q4"], 1, "only supervisors"),
            (record + ["--as", "mette", "--invited", "yes", "--focus", "2"], 1, "only supervisors"),
            (record + ["--as", "karen", "--invited", "yes", "--focus", "7"], 2, "--focus must be between 1 and 4"),
            (record + ["--as", "karen", "--invited", "maybe", "--focus", "2"], 2, "--invited must be one of yes, no"),
            (["review", "list", "--as", "mette"], 1, "only supervisors"),
            (["offer", "add", "--as", "mette", "--provider", "X", "--kind", "municipal", "--activity", "Y"], 1, "only supervisors"),
            (["offer", "add", "--as", "karen", "--provider", "X", "--kind", "church", "--activity", "Y"], 2, "--kind must be one of"),
            (["offer", "add", "--as", "karen", "--provider", "X", "--kind", "municipal", "--activity", "Y", "--weekdays", "funday"], 2, "no weekday"),
            (["offer", "add", "--as", "karen", "--provider", " ", "--kind", "municipal", "--activity", "Y"], 2, "the provider is empty"),
            (["offer", "attendance", "--as", "mette", "--offer", "o99", "--count", "3"], 2, "no offer o99"),
            (["offer", "attendance", "--as", "mette", "--offer", "o1", "--week", "2026-W60", "--count", "3"], 2, "--week must be an ISO week"),
            (["offer", "attendance", "--as", "mette", "--offer", "o1", "--count", "-1"], 2, "--count must be between 0 and 100000"),
            (["effort", "add", "--as", "mette", "--citizen", "c1", "--title", "t", "--sector", "employment", "--basis", "b", "--offer", "o99"], 2, "no"),
        ]
        try d.assertFails(cases)
    }
}
