import Foundation
import XCTest
import TestSupport
import EnPlanDomain

/// Issue 11 through the real binary: the crossing rule in `citizen show --json`, the log, the
/// journey and the iCalendar file; the access report; the same words for unknown and not yours;
/// a cut event log caught by `verify` and refused until an administrator accepts it.
final class PrivacyCLITests: XCTestCase {
    /// mette (employment) registers Søren with a benefit, logs a contact with a note and holds a
    /// meeting with jonas (social) and an outside partner; no consent.
    func store() throws -> DataDirectory {
        let d = DataDirectory()
        for (id, name, sector, role) in [("admin", "Ida Nielsen", "employment", "admin"), ("mette", "Mette Kjær", "employment", "caseworker"),
                                         ("jonas", "Jonas Dahl", "social", "caseworker"), ("karen", "Karen Holm", "employment", "supervisor")] {
            let r = try d.run(["user", "add", "--as", "admin", "--id", id, "--name", name, "--sector", sector, "--role", role], stdin: "tre grønne heste i Roskilde\n")
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        XCTAssertEqual(try d.run("citizen", "add", "--as", "mette", "--cpr", "0101901234", "--name", "Søren Sørensen", "--benefit", "kontanthjaelp").status, 0)
        XCTAssertEqual(try d.run("citizen", "add", "--as", "mette", "--cpr", "0202902345", "--name", "Bo Berg").status, 0)
        XCTAssertEqual(try d.run("contact", "--as", "mette", "--citizen", "c1", "--channel", "phone", "--note", "Stort forbrug af hash").status, 0)
        let day = d.today + 3
        let m = try d.run("meeting", "add", "--as", "mette", "--type", "network", "--citizen", "c1", "--start", day.iso + "T10:00",
                          "--minutes", "60", "--participants", "mette,jonas", "--partner", "Ole Mørk, Misbrugscentret", "--room", "R1", "--allow-conflict")
        XCTAssertEqual(m.status, 0, m.stderr)
        return d
    }

    func testNoPathShowsAnotherSectorMoreThanTheScreen() throws {
        let d = try store()
        let show = try d.run("citizen", "show", "--as", "jonas", "--citizen", "c1", "--json")
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("Søren Sørensen"), "the name is for everyone who may see the citizen")
        XCTAssertFalse(show.stdout.contains("kontanthjaelp"), show.stdout)
        XCTAssertTrue(show.stdout.contains(#"{"kind":"benefit","sector":"employment"}"#), show.stdout)
        XCTAssertTrue(try d.run("citizen", "show", "--as", "mette", "--citizen", "c1", "--json").stdout.contains("kontanthjaelp"))
        for args in [["log", "--as", "jonas", "--citizen", "c1", "--json"], ["journey", "--as", "jonas", "--citizen", "c1", "--json"],
                     ["citizens", "--as", "jonas", "--json"]] {
            let r = try d.run(args)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertFalse(r.stdout.contains("Stort forbrug") || r.stdout.contains("kontanthjaelp"), "\(args): \(r.stdout)")
        }
        let ics = try d.run("calendar", "export", "--as", "jonas", "--citizen", "c1", "--from", "today", "--to", "+7d")
        XCTAssertEqual(ics.status, 0, ics.stderr)
        let unfolded = ics.stdout.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(unfolded.contains("SUMMARY:Netværksmøde\r\n") && unfolded.contains(#"CN="ekstern deltager""#), unfolded)
        XCTAssertTrue(unfolded.contains(#"CN="Mette Kjær""#) && unfolded.contains("LOCATION:R1"))
        for secret in ["Søren", "S.S.", "Ole", "Misbrugscentret", "borger"] { XCTAssertFalse(unfolded.contains(secret), secret) }
    }

    func testUnknownAndNotYoursGetTheSameWordsAndTheExportIsLogged() throws {
        let d = try store()
        let notMine = try d.run("citizen", "show", "--as", "jonas", "--citizen", "c2")
        let unknown = try d.run("citizen", "show", "--as", "jonas", "--citizen", "c9")
        XCTAssertEqual(notMine.status, unknown.status)
        XCTAssertEqual(notMine.stderr.replacingOccurrences(of: "c2", with: "ID"), unknown.stderr.replacingOccurrences(of: "c9", with: "ID"))
        XCTAssertEqual(try d.run("plan", "export", "--as", "mette", "--citizen", "c1").status, 0)
        let audit = try d.run("audit", "--as", "karen", "--json").stdout
        XCTAssertTrue(audit.contains(#""type":"Exported""#) && audit.contains(#""what":"plan-document""#), audit)
        XCTAssertTrue(audit.contains(#""type":"LookupRefused""#) && audit.contains(#""stream":"c9""#), audit)
    }

    /// Writes tell no more than looks: "not yours" and "no such citizen" read the same (words and
    /// exit status), a meeting's refusal does not name its citizen, and refused writes are logged.
    func testRefusedWritesRevealNothingAndAreLogged() throws {
        let d = try store()
        let start = (d.today + 5).iso + "T11:00"
        for write in [["contact", "--as", "jonas", "--citizen", "ID", "--channel", "phone", "--note", "x"],
                      ["meeting", "add", "--as", "jonas", "--type", "network", "--citizen", "ID", "--start", start, "--minutes", "30",
                       "--participants", "jonas"]] {
            let notMine = try d.run(write.map { $0 == "ID" ? "c2" : $0 })
            let unknown = try d.run(write.map { $0 == "ID" ? "c9" : $0 })
            XCTAssertEqual(notMine.status, 2, notMine.stderr)
            XCTAssertEqual(notMine.status, unknown.status, "\(write)")
            XCTAssertEqual(notMine.stderr.replacingOccurrences(of: "c2", with: "ID"), unknown.stderr.replacingOccurrences(of: "c9", with: "ID"))
        }
        // per (misuse) may not change meeting m1 about c1: refused, without naming c1.
        XCTAssertEqual(try d.run(["user", "add", "--as", "admin", "--id", "per", "--name", "Per Løkke", "--sector", "misuse", "--role", "caseworker"],
                                 stdin: "tre grønne heste i Roskilde\n").status, 0)
        let move = try d.run("meeting", "move", "--as", "per", "--meeting", "m1", "--start", start)
        XCTAssertEqual(move.status, 1, move.stderr)
        XCTAssertFalse(move.stderr.contains("c1") || move.stderr.contains("Søren"), move.stderr)
        let audit = try d.run("audit", "--as", "karen", "--json").stdout
        let refused = audit.split(separator: "\n").filter { $0.contains(#""type":"WriteRefused""#) }
        XCTAssertEqual(refused.count, 5, audit)
        XCTAssertTrue(refused.contains { $0.contains(#""stream":"c2""#) } && refused.contains { $0.contains(#""stream":"m1""#) }, "\(refused)")
    }

    func testTheAccessReportNamesStaffOnlyWhenTheSettingSaysSo() throws {
        let d = try store()
        XCTAssertEqual(try d.run("citizen", "show", "--as", "jonas", "--citizen", "c1").status, 0)
        let units = try d.run("audit", "report", "--as", "karen", "--citizen", "c1")
        XCTAssertEqual(units.status, 0, units.stderr)
        XCTAssertTrue(units.stdout.hasPrefix("Opslag i dine oplysninger: Søren Sørensen\n"), units.stdout)
        XCTAssertTrue(units.stdout.contains("· Sagsbehandler i socialområdet · så din plan"), units.stdout)
        XCTAssertFalse(units.stdout.contains("Jonas"))
        try Data("audit-report-names = yes\n".utf8).write(to: URL(fileURLWithPath: d.path + "/settings"))
        let named = try d.run("audit", "report", "--as", "karen", "--citizen", "c1", "--format", "markdown", "--from", "today")
        XCTAssertTrue(named.stdout.contains("| Jonas Dahl, sagsbehandler i socialområdet | så din plan |"), named.stdout)
        XCTAssertEqual(try d.run("audit", "report", "--as", "mette", "--citizen", "c1").status, 1, "caseworkers do not read the audit log")
    }

    func testACleanCutOfTheEventLogIsCaughtAndRefusedUntilAccepted() throws {
        let d = try store()
        let lines = try String(contentsOfFile: d.events, encoding: .utf8).split(separator: "\n")
        let last = try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as! [String: Any]
        try Data((lines.dropLast(3).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: d.events))
        let verify = try d.run("verify")
        XCTAssertEqual(verify.status, 1)
        XCTAssertTrue(verify.stdout.contains("events.jsonl ends at seq \(lines.count - 3), but seq \(lines.count) (hash \((last["hash"] as! String).prefix(16))…) was written on"),
                      verify.stdout)
        let write = try d.run("contact", "--as", "mette", "--citizen", "c1", "--channel", "phone")
        XCTAssertEqual(write.status, 1)
        XCTAssertTrue(write.stderr.contains("read-only"), write.stderr)
        XCTAssertEqual(try d.run("verify", "--accept-truncation", "--as", "mette", "--reason", "x").status, 1, "administrators only")
        let accept = try d.run("verify", "--accept-truncation", "--as", "admin", "--reason", "Backup fra mandag lagt tilbage")
        XCTAssertEqual(accept.status, 0, accept.stderr)
        XCTAssertEqual(try d.run("verify").status, 0)
        XCTAssertEqual(try d.run("contact", "--as", "mette", "--citizen", "c1", "--channel", "phone").status, 0)
        XCTAssertTrue(try d.run("audit", "--as", "karen", "--json").stdout.contains("Backup fra mandag lagt tilbage"))
    }
}
