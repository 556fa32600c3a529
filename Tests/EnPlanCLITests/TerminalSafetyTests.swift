import Foundation
import XCTest
@_spi(Store) import EnPlanDomain
import TestSupport

/// Issue 20 through the real binary: a store that an older version filled with control characters
/// (written here past the input rule, straight through the store) is printed safely by every
/// command that shows it; an argument with control characters is not echoed raw in an error; and a
/// write with them is refused with exit status 2 and nothing appended.
final class TerminalSafetyTests: XCTestCase {
    /// Clears the screen, retitles the window (OSC … BEL), a one-byte CSI, a bidi override, a lone
    /// CR that would overwrite the line, and a line break with a forged line after it.
    static let hostile = "Søren \u{1B}[2J\u{1B}]0;overtaget\u{07}\u{9B}31m\u{202E}nesneroS\u{2066}\rX\nenplan: falsk linje"

    /// The day the binary calls today (the system clock, in Copenhagen).

    /// What a terminal could act on in `s`: any control character but a line end ("\n", "\r\n")
    /// and a tab. Every Swift string is valid UTF-8, so this covers the bytes 0x1B and 0x07 and
    /// the sequence C2 9B (U+009B) alike; the bytes are checked too.
    static func unsafe(_ s: String) -> [String] {
        var found: [String] = []
        let scalars = Array(s.unicodeScalars)
        for (i, u) in scalars.enumerated() where TerminalSafe.isControl(u) {
            if u == "\n" || u == "\t" || (u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") { continue }
            found.append(String(format: "U+%04X at %d", u.value, i))
        }
        let bytes = Array(s.utf8)
        for (i, b) in bytes.enumerated() where b == 0x1B || b == 0x07 || (b == 0x9B && i > 0 && bytes[i - 1] == 0xC2) {
            found.append(String(format: "byte %02X at %d", b, i))
        }
        return found
    }

    /// Users through the binary; then what an older version let through, appended to the log and
    /// the audit log directly (the store's own API, as that version's `Decide` would have).
    private func olderStore() throws -> DataDirectory {
        let d = DataDirectory()
        for (id, name, sector, role) in [("admin", "Ida Nielsen", "employment", "admin"), ("mette", "Mette Kjær", "employment", "caseworker"),
                                         ("jonas", "Jonas Dahl", "social", "caseworker"), ("karen", "Karen Holm", "employment", "supervisor")] {
            let r = try d.run(["user", "add", "--as", "admin", "--id", id, "--name", name, "--sector", sector, "--role", role], stdin: "tre grønne heste i Roskilde\n")
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        // The binary's day (the pinned clock), never the day the suite runs.
        let today = d.today, evil = Self.hostile
        let store = try Store(directory: d.path, clock: try XCTUnwrap(ProgramClock.clock(d.clock)))
        var meeting = Meeting(id: "m1", type: .network, citizen: "c1", start: LocalTime(day: today + 3, minuteOfDay: 600), minutes: 60, room: evil,
                              participants: ["mette"], guests: [Guest(kind: .partner, name: evil, organisation: evil)], status: .planned, outcome: nil)
        meeting.agenda = []
        try store.transact(actor: "mette") { _ in [
            .init("c1", .citizenRegistered(cpr: "0101901234", name: evil, benefit: "kontanthjaelp", responsible: "mette", sectors: [.employment])),
            .init("c1", .consentGiven(Consent(id: "s1", sectors: [.employment, .social], given: today, withdrawn: nil))),
            .init("c1", .planCreated(overallGoal: .employment, ownWords: evil, date: today)),
            .init("c1", .goalAdded(Goal(id: "g1", area: .job, text: evil, status: .open))),
            .init("c1", .effortAdded(Effort(id: "e1", goal: "g1", title: evil, sector: .employment, legalBasis: "LAB § 42", provider: evil,
                                            start: today, end: nil, status: .active))),
            .init("c1", .decisionRecorded(Decision(id: "d1", legalArea: .lab, date: today, text: evil, appealDeadline: today + 28, sector: .employment))),
            .init("c1", .contactLogged(channel: .phone, sector: .employment, note: evil, at: nil)),
            .init("m1", .meetingScheduled(meeting)),
        ] }
        let look = AuditEntry.citizenViewed(by: "jonas", citizen: "c1", purpose: "detail", reason: evil).line(terminal: "pts/7")
        try store.appendAudit(actor: look.actor, type: AuditKind.citizenViewed.rawValue, subject: look.subject, data: look.data)
        return d
    }

    func testEveryPrintingCommandShowsAnOlderVersionsControlCharactersHarmlessly() throws {
        let d = try olderStore()
        let c = ["--citizen", "c1"]
        let printing: [[String]] = [
            ["citizens", "--as", "mette"], ["citizen", "show", "--as", "mette"] + c, ["journey", "--as", "mette"] + c,
            ["journey", "--as", "mette", "--lang", "en"] + c, ["log", "--as", "mette"] + c, ["meetings", "--as", "mette"],
            ["calendar", "export", "--as", "mette"], ["plan", "export", "--as", "mette"] + c, ["plan", "export", "--as", "mette", "--format", "markdown"] + c,
            ["audit", "report", "--as", "karen"] + c, ["audit", "report", "--as", "karen", "--format", "markdown"] + c, ["audit", "--as", "karen"],
        ]
        for args in printing {
            let r = try d.run(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertEqual(Self.unsafe(r.stdout), [], "\(args) printed a control character:\n\(r.stdout)")
            XCTAssertEqual(Self.unsafe(r.stderr), [], "\(args): \(r.stderr)")
            XCTAssertFalse(r.stdout.contains("\n\("enplan: falsk linje")"), "\(args): a stored line break forged a line of its own")
        }
        // Shown, not hidden: the stand-ins are there where the name is.
        XCTAssertTrue(try d.run("citizens", "--as", "mette").stdout.contains("Søren ␛[2J␛]0;overtaget␇�31m�nesneroS�␍X␊enplan: falsk linje"))
        let ics = try d.run(["calendar", "export", "--as", "mette"]).stdout.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(ics.contains("LOCATION:Søren ␛[2J␛]0\\;overtaget␇�31m�nesneroS�␍X\\nenplan: falsk linje"), ics)

        // JSON: escaped, still the same text to whoever reads it.
        let json: [[String]] = [["citizens", "--as", "mette", "--json"], ["citizen", "show", "--as", "mette", "--json"] + c,
                                ["journey", "--as", "mette", "--json"] + c, ["meetings", "--as", "mette", "--json"], ["log", "--as", "mette", "--json"] + c,
                                ["audit", "--as", "karen", "--json"]]
        for args in json {
            let r = try d.run(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertEqual(Self.unsafe(r.stdout), [], "\(args) printed a control character:\n\(r.stdout)")
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)), "\(args)")
        }
        let rows = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(rows.first?["name"] as? String, Self.hostile, "the JSON reads back as the stored text")
        let rooms = try JSONSerialization.jsonObject(with: Data(try d.run("meetings", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(rooms.first?["room"] as? String, Self.hostile)
    }

    func testErrorsDoNotEchoControlCharactersFromArguments() throws {
        let d = try olderStore()
        let bad = "c9\u{1B}[2J\u{1B}]0;x\u{07}\u{9B}31m\u{202E}\u{7F}\nenplan: falsk linje"
        let before = try String(contentsOfFile: d.events, encoding: .utf8)
        for args in [["citizen", "show", "--as", "mette", "--citizen", bad], ["citizens", "--as", bad], [bad], ["citizen", bad],
                     ["journey", "--as", "mette", "--citizen", "c1", "--lang", bad], ["contact", "--as", "mette", "--citizen", bad, "--channel", "phone"],
                     ["contact", "--as", "mette", "--citizen", "c1", "--channel", bad], ["meetings", "--as", "mette", "--from", bad],
                     ["meeting", "outcome", "--as", "mette", "--meeting", bad, "--status", "held"]] {
            let r = try d.run(args)
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertTrue(r.stderr.hasPrefix("enplan: "), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n", omittingEmptySubsequences: false).count, 2, "one line: \(r.stderr)")
            XCTAssertEqual(Self.unsafe(r.stderr), [], "\(args): \(r.stderr)")
            XCTAssertEqual(Self.unsafe(r.stdout), [], "\(args): \(r.stdout)")
        }
        XCTAssertEqual(try String(contentsOfFile: d.events, encoding: .utf8), before, "nothing written")
    }

    func testAWriteWithAControlCharacterOrABadDayIsRefusedAndNothingAppended() throws {
        let d = try olderStore()
        // The hour the clocks go forward next spring: the last Sunday of March, 02:30.
        let year = d.today.components.year + 1
        var gap = Day(year: year, month: 3, day: 31)!
        while gap.weekday != 7 { gap = gap + -1 }
        try d.assertFails([
            (["contact", "--as", "mette", "--citizen", "c1", "--channel", "phone", "--note", "Ring \u{1B}]0;x\u{07}"], 2, "contains a control character"),
            (["citizen", "add", "--as", "mette", "--cpr", "0202902345", "--name", "Bo\u{9B}31m Berg"], 2, "the name contains a control character"),
            (["citizen", "add", "--as", "mette", "--cpr", "0202902345", "--name", String(repeating: "Å", count: 101)], 2, "longer than 100 characters"),
            (["meeting", "add", "--as", "mette", "--type", "other", "--start", "\(gap.iso)T02:30", "--minutes", "30", "--participants", "mette"], 2,
             "does not exist on \(gap.iso)"),
            (["meeting", "add", "--as", "mette", "--type", "other", "--start", "9999-01-04T10:00", "--minutes", "30", "--participants", "mette"], 2,
             "not 9999-01-04"),
        ])
    }
}
