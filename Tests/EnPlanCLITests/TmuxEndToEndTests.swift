import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain

/// The real binary in a real terminal (tmux): what a caseworker does, read back with capture-pane.
final class TmuxEndToEndTests: XCTestCase {
    private var session = "enplan-e2e-\(getpid())-\(Int.random(in: 0..<1_000_000))"
    private var data = DataDirectory()

    /// A tmux server of the test's own (`-L`), started by the first command and killed in
    /// tearDown: every run starts a server, as CI does, and a user's own tmux is left alone.
    private lazy var socket = "enplan-test-\(getpid())-\(Int.random(in: 0..<1_000_000))"

    /// Runs tmux. Only capture-pane's output is read: a command that starts the tmux server would
    /// hand it the pipes, and reading them to their end would never finish.
    @discardableResult
    private func tmux(_ args: String...) throws -> String { try tmux(args) }

    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = env["TERM"] ?? "xterm-256color"
        env["TMUX"] = nil
        let capture = args.first == "capture-pane"
        let r = try Child.run(["tmux", "-L", socket] + args, environment: env, output: capture ? .capture : .discard, timeout: 30)
        return r.stdout
    }

    private func screen() throws -> String { try tmux("capture-pane", "-p", "-t", session) }

    /// Waits (up to 10 s) until the screen shows `text`.
    @discardableResult
    private func waitFor(_ text: String, absent: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var last = ""
        for _ in 0..<100 {
            last = try screen()
            if last.contains(text) != absent { return last }
            usleep(100_000)
        }
        XCTFail("screen \(absent ? "still shows" : "never showed") \"\(text)\":\n\(last)", file: file, line: line)
        return last
    }

    private func keys(_ k: String...) throws {
        _ = try tmux(["send-keys", "-t", session] + k)
    }

    override func setUpWithError() throws {
        try XCTSkipIf(!onPath("tmux"), "tmux is not installed (.ci/run installs it)")
        XCTAssertEqual(try data.run("demo", "--citizens", "60", "--seed", "11").status, 0)
    }

    override func tearDownWithError() throws {
        _ = try? tmux("kill-server")
    }

    func testACaseworkersSessionInARealTerminal() throws {
        // The command ends with a pause so the pane can be read after enplan exits.
        let command = "LANG=da_DK.UTF-8 TERM=xterm-256color ENPLAN_CLOCK='\(data.clock)' '\(Binary.url.path)' --data-dir '\(data.path)' --idle-lock-seconds 600; echo ENPLAN-EXITED; sleep 30"
        _ = try tmux("new-session", "-d", "-s", session, "-x", "110", "-y", "30", command)
        try waitFor("Log ind")
        try waitFor("Bruger-id:")

        try keys("mette", "Tab", "demo", "Enter")
        var s = try waitFor("Mette Kjær (beskæftigelse")
        // The title shows today's date and ISO week, as the binary's own clock sees them.
        let today = data.today
        XCTAssertTrue(s.contains("\(today.danish) uge \(today.isoWeek.week)"), s)
        XCTAssertTrue(s.contains("XXXX"), "the list masks CPR numbers")

        // Search the way people type without Danish letters.
        try keys("/", "o", "e")
        s = try waitFor("Søg: oe")
        try keys("BSpace", "BSpace", "Escape")

        // The plan: masked CPR in the header, the full number on request (she works on the citizen).
        try keys("Enter")
        s = try waitFor("Ansvarlig sagsbehandler")
        XCTAssertTrue(s.contains("▾ Overordnet mål"), s)
        try keys("#")
        s = try waitFor("-XXXX", absent: true)
        XCTAssertTrue(s.range(of: #"CPR \d{6}-\d{4}"#, options: .regularExpression) != nil, "the plan shows the full CPR to her: \(s)")
        try keys("Escape")
        try waitFor("Ansvarlig sagsbehandler", absent: true)

        // Resize to tiny and back.
        _ = try tmux("resize-window", "-t", session, "-x", "50", "-y", "12")
        try waitFor("Terminalen er for lille")
        _ = try tmux("resize-window", "-t", session, "-x", "100", "-y", "24")
        try waitFor("Navn▲")

        // The calendar: the week with its number, the agenda, back to the list.
        try keys("2")
        try waitFor("mine møder")
        try keys("v", "v")
        try waitFor("Kalender: Dagsorden")
        try keys("q")
        try waitFor("Navn▲")

        // Lock: nothing personal stays on screen; unlock with the password.
        try keys("F12")
        s = try waitFor("Skærmen er låst")
        XCTAssertFalse(s.contains("XXXX"), s)
        XCTAssertFalse(s.contains("Navn▲"), s)
        try keys("demo", "Enter")
        try waitFor("Navn▲")

        // Quit (it asks first): the terminal is given back clean.
        try keys("q")
        try waitFor("Afslut EnPlan?")
        try keys("j")
        s = try waitFor("ENPLAN-EXITED")
        XCTAssertFalse(s.contains("XXXX"), "no personal data left on the screen after exit:\n\(s)")
        XCTAssertFalse(s.contains("Mette"), s)

        // The session's reads are in the audit log.
        let audit = try data.run("audit", "--as", "karen")
        XCTAssertTrue(audit.stdout.contains("LoginSucceeded") && audit.stdout.contains("CitizenViewed") && audit.stdout.contains("/dev/pts/"), audit.stdout)
    }

    /// Waits (up to 10 s) until the screen shows one of `texts`; returns which, and the screen.
    private func waitForAny(_ texts: [String], file: StaticString = #filePath, line: UInt = #line) throws -> (String, String) {
        var last = ""
        for _ in 0..<100 {
            last = try screen()
            if let t = texts.first(where: last.contains) { return (t, last) }
            usleep(100_000)
        }
        XCTFail("screen never showed any of \(texts):\n\(last)", file: file, line: line)
        return ("", last)
    }

    /// The issue's proof in the real binary: an emoji name keeps its row whole, a full CPR number
    /// finds the citizen, a meeting is booked by names (citizen and participants), and "held" for a
    /// meeting that has not begun is refused in Danish.
    func testNamesCPRSearchSchedulingByNameAndAForbiddenHeld() throws {
        try namesCPRSearchSchedulingByNameAndAForbiddenHeld()
    }

    /// The same on the days that used to fail it (a booking a week ahead landed on a weekend):
    /// a Saturday, a Sunday and a public holiday, each in a store of its own.
    func testSchedulingOnASaturdayASundayAndAHoliday() throws {
        for day in ProcessClock.days {
            _ = try? tmux("kill-session", "-t", session)
            data = DataDirectory(clock: day)
            session = "enplan-e2e-\(getpid())-\(Int.random(in: 0..<1_000_000))"
            XCTAssertEqual(try data.run("demo", "--citizens", "60", "--seed", "11").status, 0)
            try namesCPRSearchSchedulingByNameAndAForbiddenHeld()
        }
    }

    private func namesCPRSearchSchedulingByNameAndAForbiddenHeld() throws {
        let emoji = "Søren 🧑🏽‍🦱 Ørsted-Ålund"
        let added = try data.run("citizen", "add", "--as", "mette", "--cpr", "150585-4327", "--name", emoji)
        XCTAssertEqual(added.status, 0, added.stderr)
        let command = "LANG=C.UTF-8 TERM=xterm-256color ENPLAN_CLOCK='\(data.clock)' '\(Binary.url.path)' --data-dir '\(data.path)' --idle-lock-seconds 600; sleep 30"
        _ = try tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "32", command)
        try waitFor("Bruger-id:")
        try keys("mette", "Tab", "demo", "Enter")
        try waitFor("Navn▲")

        // The full CPR number, without the dash, finds the citizen; the emoji leaves the row whole.
        try keys("/", "1505854327")
        var s = try waitFor("Søg: 1505854327  1/")
        let row = try XCTUnwrap(s.split(separator: "\n").first { $0.contains("Ørsted-Ål") }, s)
        XCTAssertTrue(row.contains("150585-XXXX"), "the CPR's dash and digits are whole beside the emoji: \(row)")
        try keys("Escape")

        // Book by names: the citizen by part of the name, a participant by first name.
        let day = data.today + 7
        try keys("2")
        try waitFor("mine møder")
        try keys("n")
        try waitFor("Nyt møde")
        try keys("Ørsted", "Tab", "C-u", day.danish, "Tab", "C-u", "07:00", "Tab", "Tab", "Tab", "C-u", "Mette, Jonas", "Enter")
        var (seen, screen) = try waitForAny(["Mødet er gemt", "hold mødet alligevel", "gem alligevel", "Sammenlæg"])
        for _ in 0..<3 where seen != "Mødet er gemt" {
            try keys("j")
            // The question answered is gone before the next is read ("j" again would page the week).
            try waitFor(seen, absent: true)
            (seen, screen) = try waitForAny(["Mødet er gemt", "hold mødet alligevel", "gem alligevel", "Sammenlæg"])
        }
        XCTAssertEqual(seen, "Mødet er gemt", screen)
        let booked = try JSONSerialization.jsonObject(with: Data(try data.run("meetings", "--as", "mette", "--from", day.iso, "--to", day.iso, "--json").stdout.utf8)) as! [[String: Any]]
        let meeting = try XCTUnwrap(booked.first { ($0["start"] as? String) == day.iso + "T07:00" }, "\(booked)")
        XCTAssertEqual(meeting["participants"] as? [String], ["jonas", "mette"])
        XCTAssertNotNil(meeting["citizen"] as? String)

        // "Held" for that meeting next week: refused, in Danish, and nothing is recorded.
        try keys("g", "C-u", day.danish, "Enter")
        try keys("Enter")
        try waitFor("a: afholdt")
        // Refused at once, before a note is typed that would be lost.
        try keys("a")
        s = try waitFor("ikke begyndt endnu")
        XCTAssertFalse(s.contains("Note:"), "no note is asked for: \(s)")
        XCTAssertTrue(s.contains("Mødet er ikke begyndt endnu: det kan aflyses, men ikke registreres som afholdt"), s)
        XCTAssertFalse(s.contains("has not begun"), s)
        XCTAssertFalse(try data.run("meetings", "--as", "mette", "--from", day.iso, "--to", day.iso).stdout.contains("held"))
    }

    /// Starts the binary at 120×40 in `lang`, logs mette in and opens one of her citizens' plans
    /// (one with an active plan); returns the citizen's id and name. The pane keeps showing after
    /// the program ends ("ENPLAN-EXITED").
    private func openMettesPlan(lang: String) throws -> (id: String, name: String) {
        let rows = try JSONSerialization.jsonObject(with: Data(try data.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        let row = try XCTUnwrap(rows.first { $0["plan"] as? String == "active" && $0["mine"] as? Bool == true })
        let id = row["id"] as! String, name = row["name"] as! String
        let command = "HOME='\(data.path)' LANG=\(lang) TERM=xterm-256color ENPLAN_CLOCK='\(data.clock)' '\(Binary.url.path)' --data-dir '\(data.path)'; echo ENPLAN-EXITED; sleep 30"
        _ = try tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
        try waitFor("Bruger-id:")
        try keys("mette", "Tab", "demo", "Enter")
        try waitFor("Navn▲")
        try keys(":", "plan \(id)", "Enter")
        try waitFor("Ansvarlig sagsbehandler")
        return (id, name)
    }

    /// Close a case from its plan (a day in the past, a reason, asked first), see it leave the list
    /// and come back with `l`, marked "Lukket …", and the headless list agree.
    func testClosingACaseOnTheScreen() throws {
        let (id, name) = try openMettesPlan(lang: "da_DK.UTF-8")
        let closedOn = data.today + -30
        try keys("L")
        try waitFor("Luk sagen: \(name)")
        try keys("C-u", closedOn.danish, "Tab", "Borgeren er i job", "Enter")
        try waitFor("Luk sagen for \(name) pr. \(closedOn.danish)?")
        try keys("j")
        var s = try waitFor("Sagen er lukket")
        s = try waitFor("Lukket \(closedOn.danish) · \(name)")
        let rows = try JSONSerialization.jsonObject(with: Data(try data.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(rows.first { $0["id"] as? String == id }?["closed"] as? String, closedOn.iso, "the headless list agrees")
        try keys("Escape")
        try waitFor("Navn▲")
        try keys("/", name, "Enter")
        s = try waitFor("Ingen borgere matcher.")
        try keys("l")
        s = try waitFor("Lukket \(closedOn.danish)")
        XCTAssertTrue(s.contains(name), s)
        XCTAssertTrue(s.contains("med lukkede sager"), s)
        try keys("Escape", "q")
        try waitFor("Afslut EnPlan?")
        try keys("j")
        try waitFor("ENPLAN-EXITED")
    }

    /// Open a plan, add an effort through the form, see it in the plan and in `enplan log`, export.
    func testAnEffortAddedInThePlanFormIsInTheLogAndTheExport() throws {
        let (id, name) = try openMettesPlan(lang: "da_DK.UTF-8")
        try keys("e", "n")
        try waitFor("Ny indsats")
        // The demo has an offers register: the form asks for the offer (none: the provider in words).
        try keys("Jobsøgningskursus på AOF", "Tab", "Tab", "LAB § 32", "Tab", "Tab", "AOF Roskilde", "Tab", "C-u", "+2u", "Enter")
        var s = try waitFor("Gemt")
        XCTAssertTrue(s.contains("Jobsøgningskursus på AOF · LAB § 32 · AOF Roskilde"), s)
        XCTAssertTrue(s.contains(name), s)
        try keys("x")
        s = try waitFor("Planen er gemt som")
        // In her outbox, not in a home directory: the screen names the code she fetches it with.
        XCTAssertTrue(s.contains("i din udbakke; hent den med: ssh "), s)
        let code = try XCTUnwrap(s.range(of: #"outbox get [0-9A-Z]{4}-[0-9A-Z]{4}"#, options: .regularExpression).map { String(s[$0].suffix(9)) }, s)
        try keys("q", "q")
        try waitFor("Afslut EnPlan?")
        try keys("j")
        try waitFor("ENPLAN-EXITED")

        let log = try data.run("log", "--as", "mette", "--citizen", id)
        XCTAssertEqual(log.status, 0, log.stderr)
        let added = try XCTUnwrap(log.lines.last { $0.contains("EffortAdded") }, log.stdout)
        XCTAssertTrue(added.contains("Jobsøgningskursus på AOF") && added.contains("mette"), added)
        XCTAssertFalse(FileManager.default.fileExists(atPath: data.path + "/enplan-plan-\(id)-\(todayISO()).txt"), "nothing in the home directory")
        let fetched = try data.run("outbox", "get", "--as", "mette", code)
        XCTAssertEqual(fetched.status, 0, fetched.stderr)
        let export = fetched.stdout
        XCTAssertTrue(export.contains("Din plan: \(name)"), export)
        XCTAssertEqual(try data.run("outbox", "get", "--as", "mette", code).status, 2, "fetched once")
        XCTAssertTrue(export.contains("Jobsøgningskursus på AOF, hos AOF Roskilde"), export)
    }

    private func todayISO() -> String { data.today.iso }

    /// A real bracketed paste (`tmux paste-buffer -p`) of three lines into a contact note (a text
    /// area): one note of three lines, saved whole; none of its lines runs as keys (it once sent a
    /// referral), and Enter in the note is a new line, not saving: Tab, then Enter saves.
    func testAPasteOfThreeLinesIsOneNoteNotKeys() throws {
        _ = try openMettesPlan(lang: "C.UTF-8")
        let before = try data.eventObjects().count
        try keys("c")
        try waitFor("Registrér kontakt")
        let pasted = NSTemporaryDirectory() + "enplan-paste-\(getpid()).txt"
        try "Ringede om praktik\nh\nSend henvisning til socialområdet\n".write(toFile: pasted, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: pasted) }
        _ = try tmux("load-buffer", "-b", "enplan", pasted)
        _ = try tmux("paste-buffer", "-p", "-b", "enplan", "-t", session)
        var s = try waitFor("Send henvisning til socialområdet")
        XCTAssertTrue(s.contains("Registrér kontakt"), "the form is still open: the paste's line breaks were no Enter:\n\(s)")
        let rows = s.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try XCTUnwrap(rows.firstIndex { $0.contains("Ringede om praktik") }, s)
        XCTAssertEqual(rows[first + 1].trimmingCharacters(in: .whitespaces), "h", "each pasted line on a row of its own:\n\(s)")
        XCTAssertTrue(rows[first + 2].contains("Send henvisning"), s)
        try keys("Enter")                                   // a new line in the note, not saving
        s = try waitFor("Enter: ny linje")
        XCTAssertTrue(s.contains("Registrér kontakt"), s)
        try keys("BSpace", "Tab", "Enter")
        s = try waitFor("Registrér kontakt", absent: true)
        let added = try data.eventObjects().dropFirst(before)
        XCTAssertEqual(added.map { $0["type"] as? String }, ["ContactLogged"], "one contact, and no referral: \(added)")
        XCTAssertEqual((added.first?["data"] as? [String: Any])?["note"] as? String, "Ringede om praktik\nh\nSend henvisning til socialområdet")
    }

    func testSIGTERMAndAClosedTerminalLeaveNothingOnScreen() throws {
        let command = "TERM=xterm-256color LANG=C.UTF-8 NO_COLOR=1 ENPLAN_CLOCK='\(data.clock)' '\(Binary.url.path)' --data-dir '\(data.path)'; echo EXIT=$?; sleep 30"
        _ = try tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "25", command)
        try waitFor("Bruger-id:")   // Danish under LANG=C.UTF-8: Danish is the default whatever the locale
        try keys("karen", "Tab", "demo", "Enter")
        try waitFor("Karen Holm")
        XCTAssertEqual(try Child.run(["pkill", "-TERM", "-f", "--", "--data-dir \(data.path)"]).status, 0)
        let s = try waitFor("EXIT=")
        XCTAssertTrue(s.contains("EXIT=143"), s)
        XCTAssertFalse(s.contains("XXXX") || s.contains("Karen"), "cleared on SIGTERM:\n\(s)")
    }

    /// A terminal without F-keys in its description (vt100): the F12 tmux sends still locks (it
    /// used to arrive as Esc, "[", "2" … and open the calendar). A terminal that cannot show the
    /// screens gets one line in Danish instead of a blank screen.
    func testTerminalsWithoutFKeysOrCursorAddressing() throws {
        let vt100 = "TERM=vt100 LANG=C.UTF-8 ENPLAN_CLOCK='\(data.clock)' '\(Binary.url.path)' --data-dir '\(data.path)'; echo EXIT=$?; sleep 30"
        _ = try tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "25", vt100)
        // A second session keeps the server up when the first is killed: a new session started
        // while the last one's server is shutting down can be lost with it (a blank pane).
        _ = try tmux("new-session", "-d", "-s", session + "-keep", "sleep 120")
        try waitFor("Bruger-id:")
        try keys("mette", "Tab", "demo", "Enter")
        try waitFor("Navn▲")
        try keys("F12")
        let s = try waitFor("Skærmen er låst")
        XCTAssertFalse(s.contains("mine møder"), "F12 is not taken as the calendar's 2:\n\(s)")
        _ = try tmux("kill-session", "-t", session)

        for (term, says) in [("dumb", "kan ikke flytte markøren"), ("no-such-terminal", "kender ikke terminalen")] {
            let command = "TERM=\(term) LANG=C.UTF-8 ENPLAN_CLOCK='\(data.clock)' '\(Binary.url.path)' --data-dir '\(data.path)'; echo EXIT=$?; sleep 30"
            _ = try tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "10", command)
            let shown = try waitFor("EXIT=")
            XCTAssertTrue(shown.contains("enplan: TERM=\(term): \(says)"), shown)
            XCTAssertTrue(shown.contains("EXIT=2"), shown)
            _ = try tmux("kill-session", "-t", session)
        }
    }

    /// A supervisor's session: the dashboard, the citizens behind a figure, a plan and back step by
    /// step, the CSV export, the audit screen with the looks just made.
    func testASupervisorsSessionWithTheDashboardAndTheAuditLog() throws {
        let command = "HOME='\(data.path)' LANG=C.UTF-8 TERM=xterm-256color ENPLAN_CLOCK='\(data.clock)' '\(Binary.url.path)' --data-dir '\(data.path)'; echo ENPLAN-EXITED; sleep 30"
        _ = try tmux("new-session", "-d", "-s", session, "-x", "130", "-y", "34", command)
        try waitFor("Bruger-id:")
        try keys("karen", "Tab", "demo", "Enter")
        try waitFor("Navn▲")
        try keys("3")
        var s = try waitFor("Overblik: Sagsbelastning")
        XCTAssertTrue(s.contains("b Sagsbelastning") && s.contains("m Mål"), s)
        try keys("Down", "Enter")
        s = try waitFor("Borgerne bag: Sagsbelastning")
        try keys("Enter")
        try waitFor("Ansvarlig sagsbehandler")
        try keys("Escape")
        try waitFor("Borgerne bag: Sagsbelastning")
        try keys("Escape")
        try waitFor("Overblik: Sagsbelastning")
        try keys("t")
        try waitFor("Overblik: Rettidighed")
        try keys("x")
        s = try waitFor("Gemt som")
        let outbox = try data.run("outbox", "list", "--as", "karen")
        XCTAssertTrue(outbox.stdout.contains("enplan-timeliness-\(todayISO()).csv"), "in karen's outbox: \(outbox.stdout) \(s)")
        XCTAssertFalse(try data.run("outbox", "list", "--as", "mette").stdout.contains("timeliness"), "and only hers")
        try keys(":", "audit", "Enter")
        s = try waitFor("Opslagslog:")
        XCTAssertTrue(s.contains("Tal eksporteret"), "the export is in the log: \(s)")
        try keys("Escape", "Escape", "q")
        try waitFor("Afslut EnPlan?")
        try keys("j")
        try waitFor("ENPLAN-EXITED")
    }
}

