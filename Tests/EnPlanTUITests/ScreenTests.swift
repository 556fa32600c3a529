@_spi(Store) import EnPlanDomain
import XCTest
import TestSupport
@testable import EnPlanTUI

final class ScreenTests: XCTestCase {
    func testLoginThenTheListWithTitleAndKeyBar() throws {
        let h = try Harness()
        h.assertShows("Log ind")
        h.assertShows("adgangskoden \"demo\"", "the demo login says the password")
        h.login("mette", "forkert")
        h.assertShows("Forkert bruger-id eller adgangskode.")
        h.assertHides("forkert", "the password is never shown")
        h.type("demo"); h.press(.enter)   // the user id stays; the cursor is in the password field
        let screen = h.screen
        XCTAssertTrue(screen.line(0).contains("Mette Kjær (beskæftigelse"), screen.line(0))
        XCTAssertTrue(screen.line(0).contains("/dev/pts/7 · 23-11-2026 uge 48"), screen.line(0))
        XCTAssertTrue(screen.line(1).hasPrefix("Navn▲"))
        XCTAssertTrue(screen.line(screen.rows - 1).contains("? Hjælp"))
        XCTAssertTrue(screen.line(screen.rows - 2).hasPrefix("6 af 6 · jeg arbejder med"), screen.line(screen.rows - 2))
        XCTAssertEqual(screen.cursor?.row, 2, "the real cursor sits on the selected row")
    }

    func testDanishNamesSortAfterZAndAlignInColumns() throws {
        let h = try Harness()
        h.login("karen")
        // Danish order: … z, æ, ø, å; ø inside a name sorts after o (Søren after Sofie, not as "Soren").
        XCTAssertEqual(h.listedNames, ["Anne Hansen", "Jens Jensen", "Mikkel Østergaard", "Søren Sørensen", "Zainab Abdi",
                                       "Æbel Ørum", "Åse Bækgaard", "李小龙 Lee"])
        // The CPR column starts in the same terminal column on every row, whatever the name's letters.
        let c = h.screen
        let cprColumns = (2..<10).compactMap { row -> Int? in
            let line = c.line(row)
            guard let r = line.range(of: "-XXXX") else { return nil }
            return TextWidth.columns(String(line[..<r.lowerBound]))
        }
        XCTAssertEqual(Set(cprColumns).count, 1, "\(cprColumns)")
    }

    func testSearchFoldsDanishLettersAndHighlightsTheMatch() throws {
        let h = try Harness()
        h.login("karen")
        for (query, expected) in [("soren", ["Søren Sørensen"]), ("sorensen", ["Søren Sørensen"]), ("soeren", ["Søren Sørensen"]),
                                  ("aebel", ["Æbel Ørum"]), ("aase", ["Åse Bækgaard"]), ("ase", ["Åse Bækgaard"]),
                                  ("ØRUM", ["Æbel Ørum"]), ("0202", ["Åse Bækgaard"]), ("lee", ["李小龙 Lee"]),
                                  // Several words: each the start of a word of the name, in order.
                                  ("an han", ["Anne Hansen"]), ("mi ost", ["Mikkel Østergaard"]), ("s s", ["Søren Sørensen"]),
                                  ("han an", ["Ingen borgere matcher."])] {
            h.press(.char("/")); h.type(query)
            XCTAssertEqual(h.listedNames, expected, query)
            h.press(.escape)
        }
        h.press(.char("/")); h.type("soren")
        let c = h.screen
        let matched = c.columns(withRole: .match, row: 2)
        XCTAssertEqual(matched.count, 5, "Søren's five letters are highlighted")
        XCTAssertEqual(c.line(c.rows - 2), "Søg: soren  1/8")
        h.press(.enter)   // leaving the search logs it
        // Every search is logged once when it ends, with Esc as with Enter: thirteen closed with Esc, one kept.
        let searches = try h.service.auditTrail(as: "admin").filter { $0.type == "CitizensSearched" }
        XCTAssertEqual(searches.count, 14)
        XCTAssertTrue(searches.contains { (try? $0.data.string("query")) == "0202" }, "the query is logged")
    }

    func testQuickFiltersAndSorting() throws {
        let h = try Harness()
        h.login("mette")
        XCTAssertEqual(h.listedNames.count, 6, "mine: the six citizens mette registered")
        h.press(.char("a"))
        XCTAssertEqual(h.listedNames.count, 6, "all she may see: jonas' citizens are not in her sector")
        h.press(.char("u"))
        XCTAssertEqual(h.listedNames, ["Mikkel Østergaard", "Zainab Abdi"], "youth under 30 (born 2002 and 1999)")
        h.press(.char("u"), .char("p"))
        XCTAssertEqual(h.listedNames.count, 6, "no one has a plan")
        h.press(.char("p"), .char("f"))
        XCTAssertTrue(h.screen.line(h.screen.rows - 2).contains("fagområde: beskæftigelse"))
        XCTAssertEqual(h.listedNames.count, 6)
        h.press(.char("f"))
        XCTAssertEqual(h.listedNames, ["Ingen borgere matcher."], "none of hers is in the social sector")
        h.assertShows("Ingen borgere matcher.")
        for _ in 0..<4 { h.press(.char("f")) }   // back round to every sector
        h.press(.char("s"))   // sort by CPR
        XCTAssertTrue(h.screen.line(1).contains("CPR▲"))
        h.press(.char("r"))
        XCTAssertTrue(h.screen.line(1).contains("CPR▼"))
        XCTAssertTrue(h.screen.line(h.screen.rows - 2).contains("sorteret efter cpr"))
    }

    func testOpeningACitizenShowsTheFullCPROnRequestAndIsAudited() throws {
        let h = try Harness()
        h.login("mette")
        h.press(.char("/")); h.type("soren"); h.press(.enter, .enter)
        h.assertShows("CPR 010190-XXXX", "masked in the plan's header: \(h.text)")
        h.assertShows("Ansvarlig sagsbehandler: Mette Kjær")
        h.press(.char("#"))
        h.assertShows("CPR 010190-1234", "she works on him: # shows the full number")
        XCTAssertEqual(try h.service.auditTrail(as: "admin").filter { $0.type == "CitizenViewed" }.map(\.stream), ["c1"])
        h.press(.escape)
        h.assertHides("CPR 010190-1234")
        h.assertShows("Navn▲", "back in the list")
    }

    func testResizeToTinyAndBack() throws {
        let h = try Harness()
        h.login()
        h.terminal.size = (12, 50)
        h.press(.resize)
        h.assertShows("Terminalen er for lille")
        h.assertHides("Søren", "no list squeezed into a tiny window")
        h.press(.down)   // keys still work while small
        h.terminal.size = (20, 70)
        h.press(.resize)
        h.assertShows("Navn▲")
        XCTAssertEqual(h.screen.cursor?.row, 3, "the selection moved while small is kept")
        XCTAssertTrue(h.screen.line(1).count <= 70)
    }

    func testTheHelpWrapsInANarrowWindow() throws {
        let h = try Harness(rows: 20, cols: 62)
        h.login()
        h.press(.char("?"))
        h.assertShows("historik)", "the end of a long help text, wrapped instead of cut")
        h.assertShows("Kommandolinje:")
    }

    func testHelpOverlayComesFromTheKeyTable() throws {
        let h = try Harness()
        h.login()
        h.press(.char("?"))
        // Every page of the help (PgDn until it stops moving), joined: each help text's first words are on one.
        var text = h.text, page = ""
        while page != h.text { page = h.text; text += page; h.press(.pageDown) }
        XCTAssertTrue(text.contains("PgUp PgDn: mere"), "the window is too short for all of it: it says it scrolls")
        for binding in KeyTable.global + KeyTable.citizenList {
            XCTAssertTrue(text.contains(String(Strings(.da).text(binding.help).prefix(30))), "help for \(binding.action)")
        }
        for c in KeyTable.commands { XCTAssertTrue(text.contains(":\(c.danish)"), ":\(c.danish)") }
        // The bottom bar shows exactly the bar bindings' labels that fit.
        h.press(.escape)
        let bar = h.screen.line(h.screen.rows - 1)
        for b in (KeyTable.global + KeyTable.citizenList).filter(\.inBar).prefix(6) {
            XCTAssertTrue(bar.contains("\(b.keys[0].description) \(Strings(.da).text(b.label))"), bar)
        }
    }

    func testLockClearsTheScreenAndAnotherUserDiscardsTheSession() throws {
        let h = try Harness()
        h.login("mette")
        h.press(.char("/")); h.type("soren"); h.press(.enter)
        let wipesBefore = h.terminal.wipes
        h.press(.function(12))
        XCTAssertEqual(h.terminal.wipes, wipesBefore + 1)
        let locked = h.text
        XCTAssertTrue(locked.contains("Skærmen er låst"))
        for name in Harness.names.map(\.0) { XCTAssertFalse(locked.contains(name), "\(name) visible while locked") }
        XCTAssertFalse(locked.contains("XXXX"))
        // The same user gets the session back.
        h.type("demo"); h.press(.enter)
        h.assertShows("\"soren\"")
        // Idle lock, then another user.
        h.app.tick(now: Date().addingTimeInterval(601))
        h.assertShows("Skærmen er låst")
        h.press(.backTab, .ctrl("u")); h.type("karen"); h.press(.tab); h.type("demo"); h.press(.enter)
        h.assertShows("Karen Holm")
        h.assertShows("Mette Kjær: ikke-gemte input blev kasseret")
        h.assertHides("\"soren\"")
    }

    func testCommandLineCompletesAndRuns() throws {
        let h = try Harness()
        h.login()
        h.press(.char(":")); h.type("la"); h.press(.tab)
        h.assertShows(":lang")
        h.type("e"); h.press(.tab, .enter)
        h.assertShows("Name▲", "English now")
        XCTAssertTrue(h.screen.line(0).contains("2026-11-23 week 48"))
        h.press(.char(":")); h.type("theme hi"); h.press(.tab)
        h.assertShows(":theme high-contrast")
        h.press(.enter)
        XCTAssertEqual(h.terminal.theme?.name, "high-contrast")
        h.press(.char(":"), .up)
        h.assertShows(":theme high-contrast", "history")
        h.press(.escape, .char(":")); h.type("theme x"); h.press(.enter)
        h.assertShows("No theme is called “x” (themes: ")
        XCTAssertEqual(h.terminal.theme?.name, "high-contrast", "a name no theme has changes nothing")
        h.press(.char(":")); h.type("frobnicate"); h.press(.enter)
        h.assertShows("Unknown command \"frobnicate\"")
        h.press(.char(":")); h.type("quit"); h.press(.enter)
        XCTAssertFalse(h.app.running)
    }

    func testChangesFromAnotherTerminalAppearWithoutLosingTheSelection() throws {
        let h = try Harness()
        h.login("karen")
        h.press(.down, .down)
        let selected = h.screen.line(4)
        let other = CaseService(store: try Store(directory: h.dir, clock: FixedClock(Harness.now)), terminal: "tty2")
        try other.execute(.registerCitizen(cpr: "0909901234", name: "Aage Andersen", benefit: nil, responsible: nil), as: "mette")
        h.app.tick(now: Date().addingTimeInterval(2))
        h.assertShows("Aage Andersen")
        XCTAssertEqual(h.screen.line(h.screen.cursor!.row), selected, "the same citizen stays selected, one row down")
        let refresh = try h.service.auditTrail(as: "admin").last { $0.type == "CitizensListed" }!
        XCTAssertEqual(try refresh.data.string("what"), "list-refresh", "a newly visible citizen is a logged read")
        XCTAssertEqual(try refresh.data.int("added"), 1)
    }

    /// The password changed at another terminal (`user passwd`): this session locks, and only the
    /// new password opens it again.
    func testAPasswordChangedElsewhereLocksTheSession() throws {
        let h = try Harness()
        h.login("mette")
        h.assertShows("Navn▲")
        let other = CaseService(store: try Store(directory: h.dir, clock: FixedClock(Harness.now)), terminal: "tty2")
        try other.execute(.changePassword(user: "mette", passwordHash: try Passwords.hash("ny-adgangskode")), as: "mette")
        h.app.tick(now: Date().addingTimeInterval(2))
        h.assertShows("Skærmen er låst")
        h.assertShows("Din adgangskode er ændret et andet sted")
        h.assertHides("Navn▲")
        h.type("demo"); h.press(.enter)
        h.assertHides("Navn▲")
        h.type("ny-adgangskode"); h.press(.enter)
        h.assertShows("Navn▲")
    }

    func testAChangedRowIsUpdatedInPlace() throws {
        let h = try Harness()
        h.login("karen")
        h.press(.char("/")); h.type("soren"); h.press(.enter)
        XCTAssertTrue(h.screen.line(2).hasSuffix("nej"), h.screen.line(2))
        let other = CaseService(store: try Store(directory: h.dir, clock: FixedClock(Harness.now)), terminal: "tty2")
        try other.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: nil), as: "mette")
        try other.execute(.createPlan(citizen: "c1", overallGoal: .education, ownWords: ""), as: "mette")
        h.app.tick(now: Date().addingTimeInterval(2))
        h.assertRow(2, startsWith: "Søren Sørensen")
        XCTAssertTrue(h.screen.line(2).hasSuffix("ja"), "the plan column changed: \(h.screen.line(2))")
        h.press(.char("p"))
        XCTAssertEqual(h.listedNames, ["Ingen borgere matcher."], "the no-plan filter sees the change too")
    }

    func testAUserDeactivatedElsewhereIsLoggedOut() throws {
        let h = try Harness()
        h.login("mette")
        try h.service.execute(.setUserActive(user: "mette", active: false), as: "admin")
        h.app.tick(now: Date().addingTimeInterval(2))
        h.assertShows("Log ind")
        h.assertHides("Søren")
    }

    func testFirstAdministratorOnAnEmptyStore() throws {
        let h = try Harness(users: false)
        h.assertShows("opret den første administrator")
        h.type("boss"); h.press(.tab); h.type("Bodil Øst"); h.press(.tab); h.type("social"); h.press(.tab); h.type("hemmelig"); h.press(.enter)
        // The password policy, in Danish, at the form: at least 12 characters.
        h.assertShows("Adgangskoden skal have mindst 12 tegn: en sætning af flere ord er god")
        XCTAssertNil(h.service.state.user("boss"))
        h.type(" sætning nr. 4"); h.press(.enter)
        XCTAssertTrue(h.screen.line(0).contains("Bodil Øst"), h.text)
        XCTAssertEqual(h.service.state.user("boss")?.role, .admin)
    }
}

final class ThemeTests: XCTestCase {
    func testShippedThemesParse() throws {
        for name in ["default", "light", "high-contrast", "monochrome"] {
            let (theme, problem) = Theme.load(name, from: [Harness.themesDirectory])
            XCTAssertNil(problem, name)
            XCTAssertEqual(theme.name, name)
        }
        XCTAssertFalse(Theme.load("monochrome", from: [Harness.themesDirectory]).0.usesColor)
        XCTAssertTrue(Theme.load("default", from: [Harness.themesDirectory]).0.usesColor)
    }

    func testBadThemeNamesFileAndLineAndFallsBack() throws {
        let dir = NSTemporaryDirectory() + "themes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "# fine\nnormal = default default\ntitle = purpel blue\n".write(toFile: dir + "/bad.theme", atomically: true, encoding: .utf8)
        let (theme, problem) = Theme.load("bad", from: [dir])
        XCTAssertEqual(theme, .monochrome)
        XCTAssertEqual(problem, "\(dir)/bad.theme:3: unknown colour \"purpel\"; using the monochrome theme")
        XCTAssertThrowsError(try Theme.parse("normal = red\n", name: "x", file: "x.theme")) {
            XCTAssertEqual("\($0)", "x.theme:1: give a foreground and a background colour (or `default`)")
        }
        XCTAssertThrowsError(try Theme.parse("normal = red blue blink\n", name: "x", file: "x.theme")) {
            XCTAssertTrue("\($0)".contains("unknown attribute \"blink\""))
        }
        XCTAssertThrowsError(try Theme.parse("colour = red blue\n", name: "x", file: "x.theme")) { XCTAssertTrue("\($0)".contains("unknown role")) }
        XCTAssertEqual(try Theme.parse("normal = 202 brightblue bold\n", name: "x", file: "x").style(.normal),
                       Theme.Style(fg: .index(202), bg: .index(12), attributes: [.bold]))
        // The app shows the problem and still starts.
        let h = try Harness(theme: "bad", themePaths: [dir])
        XCTAssertEqual(h.terminal.theme, .monochrome)
        h.assertShows("bad.theme:3")
    }

    func testDanishIsTheDefaultWhateverTheLocale() throws {
        XCTAssertEqual(App.Options().language, .da)
        let h = try Harness(language: App.Options().language)
        h.assertShows("Log ind")
        h.login()
        h.press(.char(":")); h.type("lang en"); h.press(.enter)
        h.assertShows("Language: English")
    }
}

import Foundation

/// The list takes rows in any order and keeps them in Danish name order, equal names in the order
/// the domain gave them (the order they were registered).
final class ListLoadOrderTests: XCTestCase {
    func row(_ id: String, _ name: String) -> CitizenRow {
        CitizenRow(id: id, name: name, maskedCPR: "010190-XXXX", age: 36, benefit: nil, sectorMask: 1, responsible: "mette",
                   nextMeeting: nil, overdueFollowUps: 0, planStatus: .none, mine: true)
    }

    /// Danish order as CLDR has it: Aa as å, ä as æ, ö as ø, ü as y, accents second.
    func testDanishOrderIsCLDRs() {
        let names = ["Aagaard", "Zacho", "Åse", "Ærø", "Øster", "Andersen", "Ähre", "Mølle", "Möller", "Müller", "Mylius", "Élise", "Ebbe"]
        let sorted = names.sorted { DanishCollation.key($0).lexicographicallyPrecedes(DanishCollation.key($1)) }
        XCTAssertEqual(sorted, ["Andersen", "Ebbe", "Élise", "Mylius", "Müller", "Mølle", "Möller", "Zacho", "Ähre", "Ærø", "Øster", "Aagaard", "Åse"])
    }

    func testAnyOrderInDanishOrderTiesAsGiven() {
        var list = CitizenList(scope: .all, user: "karen")
        list.load([row("c1", "Åse Bækgaard"), row("c2", "Zainab Abdi"), row("c10", "Åse Bækgaard"), row("c3", "Æbel Ørum"),
                   row("c4", "Anne Hansen"), row("c5", "Søren Sørensen"), row("c6", "Sofie Ørum")], names: [:])
        XCTAssertEqual(list.visible.map { list.entries[$0].id }, ["c4", "c6", "c5", "c2", "c3", "c1", "c10"])
        list.setQuery("ørum")
        XCTAssertEqual(list.visible.map { list.entries[$0].id }, ["c6", "c3"])
    }

    /// Behind the login form the names are folded and ranked (`NameKeys.warm`): the first list then
    /// orders by rank, not by comparing keys. Both ways must give the same order, ties included.
    func testTheRankedOrderOfWarmedNamesIsTheSortedOrder() {
        let names = ["Åse Bækgaard", "Zainab Abdi", "åse bækgaard", "Æbel Ørum", "Anne Hansen", "Søren Sørensen", "Sofie Ørum",
                     "Aase Bækgaard", "Anne Hansen", "🙂 Emoji Jensen", "Ole", "Øjvind Ørn", "Åse Bækgaard", "Ida-Marie Løvgren"]
        let rows = names.enumerated().map { row("c\($0 + 1)", $1) }
        var sorted = CitizenList(scope: .all, user: "karen")
        sorted.load(rows, names: [:])
        let warmed = NameKeys.warm(names.reversed() + ["Navn der ikke er på listen"])
        var ranked = CitizenList(scope: .all, user: "karen")
        ranked.load(rows, names: [:], warmed: warmed)
        XCTAssertEqual(ranked.visible.map { ranked.entries[$0].id }, sorted.visible.map { sorted.entries[$0].id })
        let order = ranked.visible.map { ranked.entries[$0].id }
        XCTAssertEqual(order.firstIndex(of: "c5").map { order[$0 + 1] }, "c9", "the two Anne Hansens side by side, as given")
        // CLDR's Danish order (ICU): "Aase" is "Åse" (Aa is å), capitals before small letters, equal names as given.
        XCTAssertEqual(order.firstIndex(of: "c1").map { Array(order[$0...].prefix(4)) }, ["c1", "c13", "c8", "c3"],
                       "the Åse Bækgaards and Aase Bækgaard after Ø (\(order))")
        XCTAssertEqual(order.last, "c3", "… x y z æ ø å: nothing after them")
        // A name that was not warmed: the keys are compared as before.
        var partly = CitizenList(scope: .all, user: "karen")
        partly.load(rows, names: [:], warmed: NameKeys.warm(Array(names.dropFirst())))
        XCTAssertEqual(partly.visible.map { partly.entries[$0].id }, sorted.visible.map { sorted.entries[$0].id })
    }

    func testTheDomainGivesRegistrationOrderWhenAskedUnordered() throws {
        let f = try Fixture()
        let a = try f.citizen("010190-1234", name: "Åse Bækgaard"), b = try f.citizen("020290-1234", name: "Anne Hansen")
        XCTAssertEqual(try f.service.citizens(as: "mette", ordered: false).map(\.id), [a, b])
        XCTAssertEqual(try f.service.citizens(as: "mette").map(\.id), [b, a])
    }
}

/// Staff who leave: where a deactivated user is named, the screens say they have left.
final class StaffWhoLeaveTests: XCTestCase {
    func testADeactivatedCaseworkerIsMarkedWhereNamed() throws {
        let h = try Harness(rows: 30, cols: 160)
        try h.service.execute(.setUserActive(user: "mette", active: false), as: "admin")
        h.login("karen")
        h.assertShows("Mette Kjær (fra…")                     // the list's column, cut to its width
        h.press(.enter)
        h.assertShows("Ansvarlig sagsbehandler: Mette Kjær (fratrådt)")
        // The team leader's inbox holds her citizens, to hand on.
        h.press(.escape, .char("4"))
        h.assertShows("Mette Kjær er fratrådt: giv borgeren videre til en ny ansvarlig")
        XCTAssertTrue(h.statusLine.contains("uden ansvarlig"), h.statusLine)
        XCTAssertEqual(h.service.inbox(for: "jonas").items.filter { if case .responsibleLeft = $0.kind { true } else { false } }.count, 0,
                       "a caseworker's inbox is not the team leader's")
    }
}
