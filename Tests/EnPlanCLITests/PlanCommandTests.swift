import Foundation
import XCTest
import TestSupport

/// Templates, applying one, the plan export and the journey, headless.
final class PlanCommandTests: XCTestCase {
    private func store() throws -> (DataDirectory, String) {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "30", "--seed", "5").status, 0)
        let rows = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        let mine = try XCTUnwrap(rows.first { $0["plan"] as? String == "active" && $0["mine"] as? Bool == true })
        return (d, mine["id"] as! String)
    }

    func testTemplatesListImportAndApply() throws {
        let (d, c) = try store()
        let list = try d.run("templates")
        XCTAssertEqual(list.status, 0)
        XCTAssertEqual(list.lines.count, 1 + 4, list.stdout)
        XCTAssertTrue(list.stdout.contains("misbrug-job"))

        // The --json form is what import reads: edit and import again (a supervisor may).
        var json = try d.run("templates", "--json").stdout
        json = json.replacingOccurrences(of: "\"id\":\"misbrug-job\"", with: "\"id\":\"misbrug-job-2\"")
        let file = d.path + "/templates.json"
        try json.write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try d.run("template", "import", "--as", "mette", file).status, 1, "caseworkers do not define templates")
        let imported = try d.run("template", "import", "--as", "karen", file)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(try d.run("templates").lines.count, 1 + 5)

        // A bad file: one line naming the problem, nothing stored.
        let before = try d.eventObjects().count
        try #"[{"id":"ok-one","name":"OK","goals":[{"key":"a","area":"job","text":"Job"}]},{"id":"bad","name":"B","efforts":[{"goal":"x","title":"t","sector":"health","legalBasis":"b","provider":"p"}]}]"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try d.run("template", "import", "--as", "karen", file)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("\"x\""), bad.stderr)
        try "{\"id\": ".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try d.run("template", "import", "--as", "karen", file).status, 2)
        XCTAssertEqual(try d.eventObjects().count, before, "nothing written")

        // Applying is one write: the marker, then the template's items, in the citizen's stream.
        let applied = try d.run("plan", "apply", "--as", "mette", "--citizen", c, "--template", "ung-uddannelse", "--start", "+1w")
        XCTAssertEqual(applied.status, 0, applied.stderr)
        let events = try d.eventObjects().suffix(10)
        XCTAssertEqual(events.first?["type"] as? String, "TemplateApplied")
        XCTAssertEqual(Set(events.map { $0["stream"] as! String }), [c])
        XCTAssertEqual(Set(events.map { $0["ts"] as! String }).count, 1, "one transaction")
        XCTAssertEqual(try d.run("plan", "apply", "--as", "mette", "--citizen", c, "--template", "nope").status, 2)
    }

    func testThePlanExportIsForTheCitizen() throws {
        let (d, c) = try store()
        // The demo's staff have phones and e-mails (its directory): without the responsible's first, none in the document.
        let first = try JSONSerialization.jsonObject(with: Data(try d.run("citizen", "show", "--as", "mette", "--citizen", c, "--json").stdout.utf8)) as! [String: Any]
        XCTAssertEqual(try d.run("user", "contact", "--as", "admin", "--user", first["responsible"] as! String, "--phone", "", "--email", "").status, 0)
        let text = try d.run("plan", "export", "--as", "mette", "--citizen", c)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("Din plan: "), text.stdout)
        XCTAssertTrue(text.stdout.contains("\n=========="))
        XCTAssertTrue(text.stdout.contains("Din kontakt i kommunen"))
        let md = try d.run("plan", "export", "--as", "mette", "--citizen", c, "--format", "markdown", "--lang", "en")
        XCTAssertTrue(md.stdout.hasPrefix("# Your plan: "), md.stdout)
        XCTAssertTrue(md.stdout.contains("\n## Your goal\n"), md.stdout)
        // The settings' letterhead: the municipality, which the appeal guidance names too.
        try "municipality = Roskilde Kommune\n".write(toFile: d.path + "/settings", atomically: true, encoding: .utf8)
        let headed = try d.run("plan", "export", "--as", "mette", "--citizen", c)
        XCTAssertTrue(headed.stdout.hasPrefix("Roskilde Kommune\n\nDin plan: "), headed.stdout)
        // No CPR number, no notes.
        let show = try JSONSerialization.jsonObject(with: Data(try d.run("citizen", "show", "--as", "mette", "--citizen", c, "--json").stdout.utf8)) as! [String: Any]
        let cpr = show["cpr"] as! String
        XCTAssertFalse(text.stdout.contains(String(cpr.prefix(6))), "no CPR number in the export")
        XCTAssertFalse(text.stdout.contains("Samtale om planen"), "no contact notes")
        XCTAssertEqual(try d.run("plan", "export", "--as", "mette", "--citizen", c, "--format", "pdf").status, 2)
        XCTAssertFalse(text.stdout.contains("Telefon:"), "no contact details given yet")

        // The responsible caseworker's phone and e-mail, once given, are in the citizen's document.
        let responsible = show["responsible"] as! String
        XCTAssertEqual(try d.run("user", "contact", "--as", "admin", "--user", responsible, "--phone", "+45 46 31 30 00",
                                 "--email", "sagsbehandler@kommune.dk").status, 0)
        let bad = try d.run("user", "contact", "--as", responsible, "--email", "ikke en adresse")
        XCTAssertEqual(bad.status, 2, bad.stderr)
        XCTAssertEqual(try d.run("user", "contact", "--as", "per", "--user", responsible, "--phone", "12345678").status, 1,
                       "another user's contact details are an administrator's to change")
        let withContact = try d.run("plan", "export", "--as", "mette", "--citizen", c).stdout
        XCTAssertTrue(withContact.contains("  • Telefon: +45 46 31 30 00\n  • E-mail: sagsbehandler@kommune.dk\n"), withContact)
    }

    func testTheJourneyHeadless() throws {
        let (d, c) = try store()
        let r = try d.run("journey", "--as", "mette", "--citizen", c, "--json")
        XCTAssertEqual(r.status, 0, r.stderr)
        let j = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let figures = j["figures"] as! [String: Any]
        let contacts = figures["contacts"] as! [String: Int]
        XCTAssertLessThanOrEqual(contacts["days90"]!, contacts["months12"]!)
        XCTAssertGreaterThan(contacts["months12"]!, 0, "the demo logs contacts over the last half year")
        let entries = j["entries"] as! [[String: Any]]
        let times = entries.map { $0["at"] as! String }
        XCTAssertEqual(times, times.sorted(), "time order")
        XCTAssertEqual(entries.filter { $0["type"] as? String == "ContactLogged" }.count, contacts["months12"]!)
        let onlyContacts = try d.run("journey", "--as", "mette", "--citizen", c, "--kind", "contact")
        XCTAssertTrue(onlyContacts.stdout.contains("Kontakt"), onlyContacts.stdout)
        XCTAssertFalse(onlyContacts.stdout.contains("Plan oprettet"))
        XCTAssertEqual(try d.run("journey", "--as", "mette", "--citizen", c, "--kind", "gossip").status, 2)
    }
}
