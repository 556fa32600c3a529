import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain

/// Issue 27 headless: `unit add|set|move|list`, `user mandate`, `directory`, and a team leader's
/// `report` that never gives another team's figures.
final class OrganisationCommandTests: XCTestCase {
    private func json(_ text: String) throws -> [[String: Any]] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    func testUnitsMovesAndTheAuditOfThem() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "20", "--seed", "3").status, 0)
        // An administrator adds a team and moves a person there from a day; anyone reads the tree.
        let add = try d.run("unit", "add", "--as", "admin", "--id", "natteam", "--name", "Akutteamet", "--parent", "voksne",
                            "--groups", "adults", "--sectors", "social,health", "--description", "Akutte sager uden for åbningstid",
                            "--leaders", "lene", "--mandates", "SEL,SUL")
        XCTAssertEqual(add.status, 0, add.stderr)
        let from = (d.today + 7).iso
        let move = try d.run("unit", "move", "--as", "admin", "--user", "jonas", "--to", "natteam", "--from", from, "--does", "Akutte sager")
        XCTAssertEqual(move.status, 0, move.stderr)
        XCTAssertEqual(try d.run("unit", "move", "--as", "admin", "--unit", "natteam", "--to", "unge").status, 0)
        let tree = try json(try d.run("unit", "list", "--as", "mette", "--json").stdout)
        let team = try XCTUnwrap(tree.first { $0["id"] as? String == "natteam" })
        XCTAssertEqual(team["parent"] as? String, "unge")
        XCTAssertEqual(team["mandates"] as? [String], ["SEL", "SUL"])
        XCTAssertEqual(team["members"] as? [String], [], "jonas moves in a week from now")
        let ungeteam = try XCTUnwrap(tree.first { $0["id"] as? String == "ungeteam" })
        XCTAssertTrue((ungeteam["members"] as? [String])?.contains("jonas") == true)
        // Only an administrator; a unit under itself or below it is refused; nothing is written then.
        let before = try d.eventObjects().count
        try d.assertFails([
            (["unit", "add", "--as", "karen", "--id", "x2", "--name", "X"], 1, "only an administrator"),
            (["unit", "move", "--as", "admin", "--unit", "bam", "--to", "natteam"], 2, "cannot be placed under"),
            (["unit", "move", "--as", "admin", "--user", "jonas", "--to", "nowhere"], 2, "no unit nowhere"),
            (["unit", "add", "--as", "admin", "--id", "x2", "--name", "X", "--leaders", "mette"], 2, "not a supervisor"),
            (["unit", "add", "--as", "admin", "--id", "x2", "--name", "X", "--mandates", "XYZ"], 2, "unknown legal area"),
        ])
        XCTAssertEqual(try d.eventObjects().count, before)
        // The event log is the organisation's audit: who, when, what.
        let placed = try d.eventObjects().filter { $0["type"] as? String == "UserUnitSet" && $0["stream"] as? String == "user:jonas" }
        XCTAssertEqual(placed.last?["actor"] as? String, "admin")
        XCTAssertEqual((placed.last?["data"] as? [String: Any])?["from"] as? String, from)
    }

    func testATeamLeaderNeverGetsAnotherTeamsFiguresHeadless() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "40", "--seed", "5").status, 0)
        let mine = try json(try d.run("report", "caseload", "--as", "lene", "--json").stdout)
        XCTAssertEqual(Set(mine.compactMap { $0["user"] as? String }), ["mette", "soeren", "unassigned"])
        let all = try json(try d.run("report", "caseload", "--as", "karen", "--json").stdout)
        XCTAssertGreaterThan(all.count, mine.count)
        try d.assertFails([
            (["report", "caseload", "--as", "lene", "--unit", "tvaers"], 1, "not tvaers's"),
            (["report", "timeliness", "--as", "lene", "--user", "ali"], 1, "sees the figures of the units they lead"),
            (["report", "caseload", "--as", "lene", "--unit", "bam"], 1, "not bam's"),
        ])
        // The area leader walks down to a team of theirs; the list behind a cell holds that team's citizens.
        let team = try d.run("report", "caseload", "--as", "bjarne", "--unit", "tvaers", "--list", "user:ali/responsible")
        XCTAssertEqual(team.status, 0, team.stderr)
        let rows = try json(team.stdout)
        XCTAssertTrue(rows.allSatisfy { $0["responsible"] as? String == "ali" })
    }

    func testMandatesAndTheDirectory() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "12", "--seed", "3").status, 0)
        let rows = try json(try d.run("citizens", "--as", "mette", "--json").stdout)
        let id = try XCTUnwrap(rows.first { $0["mine"] as? Bool == true && $0["plan"] as? String == "active" }?["id"] as? String)
        // The jobcentre decides under LAB, not SEL: the refusal names who may.
        let refused = try d.run("decision", "add", "--as", "mette", "--citizen", id, "--area", "SEL", "--text", "Bostøtte")
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("outside your mandate") && refused.stderr.contains("Tværgående myndighed"), refused.stderr)
        XCTAssertEqual(try d.run("user", "mandate", "--as", "admin", "--user", "mette", "--areas", "SEL").status, 0)
        let allowed = try d.run("decision", "add", "--as", "mette", "--citizen", id, "--area", "SEL", "--text", "Bostøtte")
        XCTAssertEqual(allowed.status, 0, allowed.stderr)

        // The directory, searched as people type without æ, ø and å.
        let found = try json(try d.run("directory", "--as", "mette", "--search", "tvaergaende", "--json").stdout)
        XCTAssertEqual(found.compactMap { $0["id"] as? String }, ["ali", "birgitte", "hanne"])
        XCTAssertEqual(found[0]["unitName"] as? String, "Tværgående myndighed")
        XCTAssertEqual(found[0]["email"] as? String, "ali@kommune.example")
        XCTAssertEqual(found[0]["mandates"] as? [String], ["LAB", "SEL", "SUL"])
        let soeren = try json(try d.run("directory", "--as", "mette", "--search", "soren osterg", "--json").stdout)
        XCTAssertEqual(soeren.compactMap { $0["name"] as? String }, ["Søren Østergaard"])
        let fromCase = try json(try d.run("directory", "--as", "mette", "--citizen", id, "--json").stdout)
        let onCase = fromCase.prefix { $0["onCitizen"] as? Bool == true }
        XCTAssertTrue(onCase.contains { $0["id"] as? String == "mette" }, "the responsible caseworker, among those on the case, first")
        XCTAssertFalse(fromCase.dropFirst(onCase.count).contains { $0["onCitizen"] as? Bool == true })
    }
}
