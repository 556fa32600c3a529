import Foundation
import XCTest
import TestSupport
import EnPlanDomain

/// A case's whole life through the real binary: closing and reopening, a registration's duplicate
/// hint (never naming a citizen the user may not see), the team leader's list, linking and
/// dismissing, and a CPR change found by both numbers.
final class CaseLifeCommandTests: XCTestCase {
    /// mette (employment) and per (misuse), caseworkers; karen, team leader. mette registers Søren
    /// (c1) and Anne (c2).
    func store() throws -> DataDirectory {
        let d = DataDirectory()
        for (id, name, sector, role) in [("admin", "Ida Nielsen", "employment", "admin"), ("mette", "Mette Kjær", "employment", "caseworker"),
                                         ("per", "Per Løkke", "misuse", "caseworker"), ("karen", "Karen Holm", "employment", "supervisor")] {
            let r = try d.run(["user", "add", "--as", "admin", "--id", id, "--name", name, "--sector", sector, "--role", role], stdin: "tre grønne heste i Roskilde\n")
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let first = try d.run("citizen", "add", "--as", "mette", "--cpr", "111299-1444", "--name", "Søren Sørensen")
        XCTAssertEqual(first.stdout, "c1\n")
        XCTAssertEqual(first.stderr, "", "no duplicate: no hint")
        XCTAssertEqual(try d.run("citizen", "add", "--as", "mette", "--cpr", "010190-1234", "--name", "Anne Holm").status, 0)
        return d
    }

    func json(_ r: Binary.Result) throws -> [[String: Any]] {
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
    }

    func testCloseAndReopenACase() throws {
        let d = try store()
        let past = (d.today + -700).iso
        let closed = try d.run("citizen", "close", "--as", "mette", "--citizen", "c1", "--date", past, "--reason", "Flyttet fra kommunen")
        XCTAssertEqual(closed.status, 0, closed.stderr)
        XCTAssertEqual(Int(closed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).map { $0 > 0 }, true, "the seq, once on disk")
        let rows = try json(try d.run("citizens", "--as", "mette", "--json"))
        XCTAssertEqual(rows.first { $0["id"] as? String == "c1" }?["closed"] as? String, past)
        XCTAssertNil(rows.first { $0["id"] as? String == "c2" }?["closed"])
        XCTAssertTrue(try d.run("citizen", "show", "--as", "mette", "--citizen", "c1").stdout.contains("Case closed \(past)"))
        XCTAssertTrue(try d.run("citizens", "--as", "mette").stdout.contains(past), "the table says when it closed")

        try d.assertFails([
            (["citizen", "close", "--as", "mette", "--citizen", "c1", "--date", "today", "--reason", "x"], 2, "closed already"),
            (["contact", "--as", "mette", "--citizen", "c1", "--channel", "phone"], 2, "reopen it to record more"),
            (["citizen", "close", "--as", "mette", "--citizen", "c2", "--date", "+1d", "--reason", "x"], 2, "in the future"),
            (["citizen", "close", "--as", "mette", "--citizen", "c2", "--date", "today"], 2, "--reason"),
            (["citizen", "close", "--as", "per", "--citizen", "c2", "--date", "today", "--reason", "x"], 2, "among those you may change"),
            (["citizen", "reopen", "--as", "mette", "--citizen", "c2", "--reason", "x"], 2, "is open"),
            (["citizen", "close", "--as", "admin", "--citizen", "c2", "--date", "today", "--reason", "x"], 1, "not citizens"),
        ])
        let reopened = try d.run("citizen", "reopen", "--as", "karen", "--citizen", "c1", "--reason", "Flyttet tilbage")
        XCTAssertEqual(reopened.status, 0, reopened.stderr)
        XCTAssertEqual(try d.run("contact", "--as", "mette", "--citizen", "c1", "--channel", "phone").status, 0, "open again: it takes writes")
        let journey = try d.run("journey", "--as", "mette", "--citizen", "c1")
        XCTAssertTrue(journey.stdout.contains("Sag lukket") && journey.stdout.contains("Flyttet fra kommunen"), journey.stdout)
        XCTAssertTrue(journey.stdout.contains("Sag genåbnet") && journey.stdout.contains("Flyttet tilbage"), journey.stdout)
    }

    func testARegistrationSaysMuligDubletWithoutNamingWhomTheUserMayNotSee() throws {
        let d = try store()
        // mette's own Søren: named by name and birth date.
        let mine = try d.run("citizen", "add", "--as", "mette", "--cpr", "111299-1455", "--name", "Soeren Sorensen")
        XCTAssertEqual(mine.status, 0, mine.stderr)
        XCTAssertEqual(mine.stdout, "c3\n", "the registration stands")
        XCTAssertEqual(mine.stderr, "enplan: warning: Mulig dublet: Søren Sørensen, født 11-12-1999 (c1)\n")
        // per (misuse) may not see mette's citizens: a hint that names no one.
        let pers = try d.run("citizen", "add", "--as", "per", "--cpr", "111299-1466", "--name", "Soren Sorensen")
        XCTAssertEqual(pers.status, 0, pers.stderr)
        XCTAssertEqual(pers.stderr, "enplan: warning: Der findes måske allerede en registrering: spørg din teamleder\n")
        XCTAssertFalse(pers.stderr.contains("Søren") || pers.stderr.contains("c1") || pers.stderr.contains("c3"))
        // The same name and two digits swapped.
        let near = try d.run("citizen", "add", "--as", "mette", "--cpr", "010190-1243", "--name", "Anne Holm")
        XCTAssertTrue(near.stderr.contains("Mulig dublet: Anne Holm, født 01-01-1990 (c2)"), near.stderr)

        // The team leader's list, and its word on each pair.
        XCTAssertEqual(try d.run("duplicates", "--as", "mette").status, 1, "for team leaders")
        let pairs = try json(try d.run("duplicates", "--as", "karen", "--json"))
        let ids = pairs.map { "\(($0["first"] as! [String: Any])["id"]!)-\(($0["second"] as! [String: Any])["id"]!)" }
        XCTAssertEqual(ids, ["c1-c3", "c1-c4", "c2-c5", "c3-c4"])
        XCTAssertEqual(pairs[2]["reasons"] as? [String], ["sameBirthDate", "nearCPR"])
        XCTAssertEqual((pairs[0]["second"] as! [String: Any])["cpr"] as? String, "111299-XXXX", "masked")
        let table = try d.run("duplicates", "--as", "karen")
        XCTAssertTrue(table.stdout.contains("4 probable duplicates"), table.stdout)

        XCTAssertEqual(try d.run("duplicates", "link", "--as", "mette", "--citizen", "c1", "--other", "c3", "--reason", "x").status, 1)
        let link = try d.run("duplicates", "link", "--as", "karen", "--citizen", "c1", "--other", "c3", "--reason", "Samme person: tjekket i CPR")
        XCTAssertEqual(link.status, 0, link.stderr)
        XCTAssertEqual(try d.run("duplicates", "dismiss", "--as", "karen", "--citizen", "c5", "--other", "c2", "--reason", "To personer").status, 0)
        XCTAssertEqual(try json(try d.run("duplicates", "--as", "karen", "--json")).count, 2, "c1-c4 and c3-c4 are left")
        let rows = try json(try d.run("citizens", "--as", "mette", "--json"))
        XCTAssertEqual(rows.first { $0["id"] as? String == "c1" }?["linked"] as? [String], ["c3"], "nothing merged: both stay, each naming the other")
        XCTAssertEqual(rows.first { $0["id"] as? String == "c3" }?["linked"] as? [String], ["c1"])
        let journey = try d.run("journey", "--as", "mette", "--citizen", "c3")
        XCTAssertTrue(journey.stdout.contains("Samme person som: Søren Sørensen (111299-XXXX)"), journey.stdout)
    }

    func testACPRChangeIsFoundByBothNumbers() throws {
        let d = try store()
        let r = try d.run("citizen", "cpr", "--as", "mette", "--citizen", "c1", "--new", "111299-1446", "--reason", "Nyt personnummer fra CPR")
        XCTAssertEqual(r.status, 0, r.stderr)
        for number in ["111299-1444", "1112991446"] {
            let found = try json(try d.run("citizens", "--as", "mette", "--cpr", number, "--json"))
            XCTAssertEqual(found.map { $0["id"] as? String }, ["c1"], number)
        }
        XCTAssertEqual(try json(try d.run("citizens", "--as", "per", "--cpr", "111299-1444", "--json")).count, 0, "not for one who may not see them")
        let show = try d.run("citizen", "show", "--as", "mette", "--citizen", "c1", "--json")
        XCTAssertTrue(show.stdout.contains(#""cpr":"111299-1446""#), show.stdout)
        XCTAssertTrue(show.stdout.contains(#""formerCPRs":["111299-1444"]"#), show.stdout)
        let journey = try d.run("journey", "--as", "mette", "--citizen", "c1")
        XCTAssertTrue(journey.stdout.contains("CPR-nummer ændret: 111299-XXXX → 111299-XXXX"), journey.stdout)
        try d.assertFails([
            (["citizen", "cpr", "--as", "mette", "--citizen", "c2", "--new", "111299-1444", "--reason", "x"], 1, "is registered already"),
            (["citizen", "cpr", "--as", "mette", "--citizen", "c2", "--new", "010190-1234", "--reason", "x"], 2, "already"),
            (["citizen", "cpr", "--as", "mette", "--citizen", "c2", "--new", "319990-1234", "--reason", "x"], 2, "not a real date"),
            (["citizen", "add", "--as", "mette", "--cpr", "111299-1444", "--name", "Søren Sørensen"], 1, "is registered already"),
        ])
        // The export for the citizen uses the new number nowhere but where the plan shows it: never the old one.
        let export = try d.run("plan", "export", "--as", "mette", "--citizen", "c1")
        XCTAssertFalse(export.stdout.contains("1444"), export.stdout)
    }
}
