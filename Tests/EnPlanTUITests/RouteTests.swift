@_spi(Store) import EnPlanDomain
import Foundation
import XCTest
import TestSupport
@testable import EnPlanTUI

/// The route stack (Esc goes back where the user came from), the one refresh path, and the key
/// tables that drive each screen's bar.
final class RouteTests: XCTestCase {
    private func loggedIn(rows: Int = 30) throws -> Harness {
        let h = try Harness(rows: rows, cols: 110)
        h.login("mette")
        return h
    }

    private func statusLine(_ h: Harness) -> String { h.screen.line(h.screen.rows - 2) }
    private func bar(_ h: Harness) -> String { h.screen.line(h.screen.rows - 1) }

    func testListPlanJourneyAndBackAgainKeepTheListAsItWas() throws {
        let h = try loggedIn()
        h.press(.char("/")); h.type("sør"); h.press(.enter)         // filter: Søren
        XCTAssertEqual(h.listedNames, ["Søren Sørensen"])
        h.press(.enter)                                               // the plan
        XCTAssertTrue(statusLine(h).hasPrefix("Plan: Søren Sørensen"), statusLine(h))
        h.press(.char("b"))                                           // the journey, above the plan
        h.assertRow(1, startsWith: " Borgerens forløb")
        h.press(.escape)                                              // back to the plan
        h.assertShows("▾ Overordnet mål")
        h.press(.escape)                                              // back to the list, still filtered
        XCTAssertEqual(h.listedNames, ["Søren Sørensen"])
        XCTAssertTrue(statusLine(h).contains("\"sør\""), statusLine(h))
        h.press(.escape)                                              // Esc on the list clears the search
        XCTAssertGreaterThan(h.listedNames.count, 1)
    }

    func testTheCalendarOpenedFromAPlanGoesBackToThePlan() throws {
        let h = try loggedIn()
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.press(.char("2"))
        h.assertRow(1, startsWith: "Uge 48")
        h.press(.escape)
        XCTAssertTrue(statusLine(h).hasPrefix("Plan: Søren Sørensen"), "back where the user came from: \(statusLine(h))")
        // 1 goes to the list from anywhere; the calendar keeps its view for the next visit.
        h.press(.char("2"), .char("v"))
        h.assertRow(1, startsWith: "november 2026")
        h.press(.char("1"))
        h.assertRow(1, startsWith: "Navn▲")
        h.press(.char("2"))
        XCTAssertTrue(h.screen.line(1).hasPrefix("november 2026"), "the month view is kept: \(h.screen.line(1))")
        h.press(.escape)
        XCTAssertTrue(h.screen.line(1).hasPrefix("Navn▲"), "the plan was left behind by 1: \(h.screen.line(1))")
    }

    func testAWriteFromThePlanReachesTheListUnderItAtOnce() throws {
        let h = try loggedIn()
        h.press(.char(":")); h.type("plan Åse"); h.press(.enter)
        h.press(.char("R"))                                 // responsible caseworker and contact person
        h.type("Kim Kontakt"); h.press(.enter)              // the contact person has the focus
        XCTAssertTrue(statusLine(h).hasPrefix("Gemt"), statusLine(h))
        h.assertShows("Kontaktperson: Kim Kontakt")
        // Another terminal changes the same citizen: the open plan shows it within a tick.
        try h.service.execute(.chooseContactPerson(citizen: "c2", name: "Lise Lund"), as: "mette")
        h.app.tick(now: Date().addingTimeInterval(5))
        h.assertShows("Kontaktperson: Lise Lund")
        // A write of this terminal's reaches the list under the plan at once, with no tick.
        h.press(.char("R"), .backTab, .char("j"))           // responsible: Jonas Dahl
        h.press(.enter)
        XCTAssertTrue(h.text.contains("Et skift af ansvarlig kræver en begrundelse"), "a change asks for its reason first:\n\(h.text)")
        h.type("Flytter til socialområdet"); h.press(.enter)
        XCTAssertTrue(statusLine(h).hasPrefix("Gemt"), statusLine(h))
        h.press(.escape, .char("a"))                        // the list, all citizens
        let row = h.text.split(separator: "\n").first { $0.contains("Åse Bækgaard") }
        XCTAssertTrue(row?.contains("Jonas Dahl") ?? false, h.text)
    }

    func testEachScreensBarComesFromTheKeysInForce() throws {
        let h = try loggedIn(rows: 34)
        let s = Strings(.da)
        func assertBar(_ table: [Binding], _ what: String, line: UInt = #line) {
            let shown = bar(h)
            for b in table.filter(\.inBar).prefix(4) {
                XCTAssertTrue(shown.contains("\(b.keys[0].description) \(s.text(b.label))"), "\(what): \(shown)", line: line)
            }
        }
        assertBar(KeyTable.global + KeyTable.citizenList, "list")
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        assertBar(KeyTable.plan + KeyTable.global, "plan")
        h.press(.char("c"))                                 // a form: its own keys (in its note, a text area's)
        assertBar(KeyTable.form(for: Form(title: "", fields: [.area("note", "")])), "form, in a text area")
        h.press(.tab)
        assertBar(KeyTable.form, "form")
        h.press(.escape, .char("b"))
        assertBar(KeyTable.journey + KeyTable.global, "journey")
        h.press(.char("2"))
        assertBar(KeyTable.global + KeyTable.calendar, "calendar")
        h.press(.char("n"))
        assertBar(KeyTable.schedule, "scheduling")
    }

    func testQuittingAsksFirstAndCtrlCKeepsTypedWork() throws {
        let h = try loggedIn()
        h.press(.char("q"))
        XCTAssertTrue(h.statusLine.hasPrefix("Afslut EnPlan?"), h.statusLine)
        h.press(.char("n"))
        XCTAssertTrue(h.app.running, "any other key stays")
        // Ctrl-C in a half-filled form: asked, and the typed text is still there after "no".
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.press(.char("c")); h.type("Halvskrevet note")         // the contact form opens at the note
        h.press(.ctrl("c"))
        XCTAssertTrue(h.statusLine.hasPrefix("Afslut EnPlan?"), h.statusLine)
        h.press(.char("n"))
        h.assertShows("Halvskrevet note")
        XCTAssertTrue(h.app.running)
        h.press(.ctrl("c"), .char("j"))
        XCTAssertFalse(h.app.running)
    }

    func testHelpListsTheCommandsFromTheirTable() throws {
        let h = try loggedIn(rows: 60)
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.press(.char("?"))
        for c in KeyTable.commands { XCTAssertTrue(h.text.contains(":\(c.danish)"), "help lists :\(c.danish)") }
        h.press(.escape)
        h.press(.char(":")); h.type("ca"); h.press(.tab)
        XCTAssertTrue(h.screen.line(h.screen.rows - 2).hasPrefix(":calendar"), "completion from the same table")
    }
}

/// The one scrolling state behind every list.
final class ScrollListTests: XCTestCase {
    func testMovingKeepsTheSelectionInViewAndSkipsLabels() {
        var l = ScrollList()
        l.move(by: 1, count: 10, height: 3, skip: { $0 == 1 })
        XCTAssertEqual(l.selected, 2, "row 1 is a label")
        l.move(by: 5, count: 10, height: 3)
        XCTAssertEqual(l.selected, 7)
        XCTAssertEqual(l.window(count: 10, height: 3), 5..<8)
        l.move(by: -1, count: 10, height: 3)
        XCTAssertEqual(l.window(count: 10, height: 3), 5..<8, "the window stays while the selection is in it")
        l.move(by: 100, count: 10, height: 3)
        XCTAssertEqual(l.selected, 9)
    }

    func testTheWindowFollowsAShrinkAndAResizeWithoutBeingChanged() {
        var l = ScrollList()
        l.select(8, count: 10, height: 3)
        XCTAssertEqual(l.window(count: 10, height: 3), 6..<9)
        // Fewer rows now (a filter): drawing shows the last ones; clamping makes it so.
        XCTAssertEqual(l.window(count: 4, height: 3), 1..<4)
        l.clamp(count: 4, height: 3)
        XCTAssertEqual(l.selected, 3)
        // A taller window shows everything from the top.
        XCTAssertEqual(l.window(count: 4, height: 10), 0..<4)
        XCTAssertEqual(ScrollList().window(count: 0, height: 5), 0..<0)
    }

    func testAScrollOnlyListMovesItsWindow() {
        var l = ScrollList(selects: false)
        l.move(by: 4, count: 10, height: 5)
        XCTAssertEqual(l.window(count: 10, height: 5), 4..<9)
        l.move(by: 40, count: 10, height: 5)
        XCTAssertEqual(l.window(count: 10, height: 5), 5..<10, "never past the last row")
    }
}

/// The full-screen interface reaches the domain only through the service's queries and commands.
final class LayeringTests: XCTestCase {
    func testTheInterfaceCannotReachTheStoreOrTheProjection() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tui = root.appendingPathComponent("Sources/EnPlanTUI")
        let files = FileManager.default.enumerator(atPath: tui.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 20)
        for f in files {
            let text = try String(contentsOf: tui.appendingPathComponent(f), encoding: .utf8)
            XCTAssertFalse(text.contains("@_spi(Store)"), "\(f) imports the store's SPI")
            // Screens, widgets and the app know nothing of files (the Kit's terminal and theme files may).
            if !f.hasPrefix("Kit/") {
                XCTAssertFalse(text.contains("import Glibc") || text.contains("FileManager") || text.contains("FileHandle"), "\(f) touches files")
            }
        }
    }
}

/// The list's columns as a Danish reader expects them.
final class ListColumnTests: XCTestCase {
    func testTheResponsibleCaseworkerSortsByNameTheDanishWay() throws {
        let h = try Harness(rows: 30, cols: 140)
        try h.service.execute(.createUser(User(id: "aage", name: "Åge Ødegaard", sector: .employment, role: .caseworker),
                                          passwordHash: Harness.hash), as: "admin")
        try h.service.execute(.changeResponsible(citizen: "c4", user: "aage"), as: "mette")
        h.login("karen")
        for _ in 0..<6 { h.press(.char("s")) }
        h.assertShows("Ansvarlig▲")
        let rows = h.text.split(separator: "\n").filter { $0.contains("XXXX") }
        XCTAssertTrue(rows.last?.contains("Åge Ødegaard") ?? false, "Å sorts last, not as the id aage first:\n\(h.numbered)")
    }

    func testMineIsWhomIAmResponsibleForAndWorkingOnIsMore() throws {
        let h = try Harness()
        try h.service.execute(.logContact(citizen: "c1", channel: .phone, note: nil, at: nil), as: "mette")
        try h.service.execute(.changeResponsible(citizen: "c1", user: "jonas"), as: "mette")
        h.login("mette")
        XCTAssertEqual(h.listedNames.count, 6, "working on: her five and Søren, whom she still works on")
        h.press(.char("m"))
        XCTAssertEqual(h.listedNames.count, 5, h.numbered)
        XCTAssertFalse(h.listedNames.contains("Søren Sørensen"))
        XCTAssertTrue(h.statusLine.contains("mine (jeg er ansvarlig)"), h.statusLine)
        h.press(.char("w"))
        XCTAssertEqual(h.listedNames.count, 6)
    }

    func testTheSortArrowStaysInANarrowColumn() throws {
        let h = try Harness(rows: 20, cols: 62)
        h.login("karen")
        h.press(.char("s"))                      // by CPR: an 11-column header
        h.assertShows("CPR▲")
        for _ in 0..<5 { h.press(.char("s")) }   // by the responsible caseworker, in a narrow window
        XCTAssertTrue(h.screen.line(1).contains("▲"), h.numbered)
    }
}

extension ListColumnTests {
    func testAFullCPRNumberFindsItsCitizenWithOrWithoutTheDash() throws {
        let h = try Harness()
        h.login("mette")
        for typed in ["0202951234", "020295-1234"] {
            h.press(.char("/")); h.type(typed)
            XCTAssertEqual(h.listedNames, ["Åse Bækgaard"], typed)
            h.press(.escape)
        }
        // A citizen she may not see (jonas's, social) is not found by the number either.
        h.press(.char("/")); h.type("0303004234")
        XCTAssertEqual(h.listedNames, ["Ingen borgere matcher."])
    }
}

extension ListColumnTests {
    func testRegisteringACitizenFromTheList() throws {
        let h = try Harness()
        h.login("mette")
        h.press(.char("n"))
        h.assertShows("Ny borger")
        h.type("1212121212"); h.press(.tab); h.type("Søren 🧑🏽‍🦱 Ørsted-Ålund"); h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Borgeren er registreret: Søren 🧑 Ørsted-Ålund"), h.statusLine)
        XCTAssertTrue(h.listedNames.contains { $0.hasPrefix("Søren 🧑 Ørsted-Ålund") }, h.numbered)
        XCTAssertTrue(h.screen.line(h.screen.cursor!.row).hasPrefix("Søren 🧑 Ørsted-Ålund"), "the new citizen is selected: \(h.numbered)")
        // The same number again: refused at the CPR field, nothing written.
        let before = h.service.store.lastSeq
        h.press(.char("n")); h.type("121212-1212"); h.press(.tab); h.type("En anden"); h.press(.enter)
        h.assertShows("Ny borger")
        XCTAssertTrue(h.screen.line(4).contains("registered already") || h.screen.line(4).contains("registreret"),
                      "the refusal, whole, under the CPR field:\n\(h.numbered)")
        XCTAssertEqual(h.service.store.lastSeq, before)
        h.press(.escape, .char("j"))                        // typed input: Esc asks first
        h.assertShows("Navn▲")
    }
}

/// What the screens add to the audit log, and what they ask before sharing beyond the consent.
final class PrivacyScreenTests: XCTestCase {
    final class Saved: @unchecked Sendable { var names: [String] = [] }

    func testEveryExportFromAScreenIsLogged() throws {
        let saved = Saved()
        let h = try Harness(rows: 34, cols: 130, saveExport: { @Sendable name, _ in saved.names.append(name); return "/home/x/" + name })
        h.login("karen")
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.press(.char("x"))                                  // the plan for the citizen
        h.press(.char("2"), .char("x"))                      // the calendar's week
        h.press(.char("3"), .char("x"))                      // the dashboard's section
        XCTAssertEqual(saved.names.count, 3, "\(saved.names)")
        let kinds = try h.service.auditEntries(AuditFilter(), as: "karen").map(\.kind)
        XCTAssertEqual(kinds.filter { $0 == .exported }.count, 2, "the plan and the calendar: \(kinds)")
        XCTAssertEqual(kinds.filter { $0 == .figuresExported }.count, 1)
    }

    func testAReferralBeyondTheConsentSaysWhatWouldBeSharedAndNeedsAYes() throws {
        let h = try Harness()
        try h.service.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: h.service.today), as: "mette")
        try h.service.execute(.createPlan(citizen: "c1", overallGoal: .employment, ownWords: ""), as: "mette")
        h.login("mette")
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.press(.char("r"), .char("n"))                      // a referral
        h.press(.backTab, .right, .right, .right)            // to: misuse (past social, health and family)
        h.press(.tab); h.type("Stort forbrug"); h.press(.enter)
        h.assertShows("Samtykket deler ikke beskæftigelse med misbrug")
        XCTAssertTrue(h.service.state.citizens["c1"]!.plan!.referrals.isEmpty, "nothing sent yet")
        h.press(.char("j"))
        XCTAssertTrue(h.statusLine.hasPrefix("Gemt"), h.statusLine)
        XCTAssertEqual(h.service.state.citizens["c1"]!.plan!.referrals.first?.to, .misuse)
    }
}

/// The inbox: what is new for me, counted in the title bar, one key away.
final class InboxTests: XCTestCase {
    /// Søren (c1, mette's) with a consent for employment and social and a plan: ready to refer.
    private func referring() throws -> (Harness, CaseService) {
        let h = try Harness()
        let s = h.service
        try s.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: s.today), as: "mette")
        try s.execute(.createPlan(citizen: "c1", overallGoal: .employment, ownWords: ""), as: "mette")
        return (h, s)
    }

    func testReferralsToMySectorAndCitizensGivenToMe() throws {
        let (h, s) = try referring()
        try s.execute(.sendReferral(citizen: "c1", to: .social, text: "Bostøtte?"), as: "mette")
        try s.execute(.reassign(citizens: ["c2"], to: "jonas", reason: "Fordeling"), as: "karen")
        h.login("jonas")
        XCTAssertTrue(h.screen.line(0).contains("Indbakke 2 nyt (4)"), h.screen.line(0))
        h.press(.char("4"))
        h.assertShows("Søren Sørensen")
        h.assertShows("Henvisning fra beskæftigelse venter på svar")
        h.assertHides("r1")
        h.assertShows("Åse Bækgaard")
        h.assertShows("Givet til dig som ansvarlig sagsbehandler")
        // Answered, the referral leaves the inbox, at this terminal's refresh.
        try s.execute(.answerReferral(citizen: "c1", referral: "r1", status: .accepted), as: "jonas")
        h.app.tick(now: Date().addingTimeInterval(5))
        h.assertHides("Henvisning fra beskæftigelse venter på svar")
        XCTAssertTrue(h.screen.line(0).contains("Indbakke 1 nyt (4)"), h.screen.line(0))
        h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Plan: Åse Bækgaard"), h.statusLine)
    }

    /// The sender is told when a referral is answered: at once, while working (the status line),
    /// and in the inbox for 14 days; Enter opens the plan at the referral. A revoked one is not told.
    func testTheSenderIsToldWhenAReferralIsAnswered() throws {
        let (h, s) = try referring()
        try s.execute(.sendReferral(citizen: "c1", to: .social, text: "Bostøtte?"), as: "mette")
        try s.execute(.sendReferral(citizen: "c1", to: .social, text: "Bolig?"), as: "mette")
        h.login("mette")
        XCTAssertFalse(h.screen.line(0).contains("Indbakke"), h.screen.line(0))
        // A message of her own on the status line (as "Gemt" after a save) does not hide the news.
        h.press(.char(":")); h.type("sprog da"); h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Sprog: dansk"), h.statusLine)
        // Jonas (social) answers at his terminal: mette's next refresh says so.
        try s.execute(.answerReferral(citizen: "c1", referral: "r1", status: .rejected, reason: "Ikke vores område"), as: "jonas")
        h.app.tick(now: Date().addingTimeInterval(5))
        XCTAssertTrue(h.statusLine.contains("Søren Sørensen · Svar på din henvisning til social: afvist"), h.statusLine)
        XCTAssertTrue(h.screen.line(0).contains("Indbakke 1 nyt (4)"), h.screen.line(0))
        // Her own revoking of the other one is no news to her.
        try s.execute(.answerReferral(citizen: "c1", referral: "r2", status: .revoked), as: "mette")
        h.app.tick(now: Date().addingTimeInterval(10))
        XCTAssertTrue(h.screen.line(0).contains("Indbakke 1 nyt (4)"), h.screen.line(0))
        h.press(.char("4"))
        h.assertShows("Svar på din henvisning til social: afvist")
        XCTAssertTrue(h.statusLine.contains("1 svar"), h.statusLine)
        h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Plan: Søren Sørensen"), h.statusLine)
        XCTAssertTrue(h.screen.line(h.screen.cursor!.row).contains("Bostøtte?"), "at the referral:\n\(h.numbered)")
        // (After 14 days it is no longer new: CitizenTableTests, on the snapshot's heads.)
    }

    /// Enter on a referral in the inbox opens the plan at it, its answer form open under what was asked.
    func testAReferralOpensAtItsAnswerWithItsText() throws {
        let (h, s) = try referring()
        try s.execute(.sendReferral(citizen: "c1", to: .social, text: "Bostøtte? Borgeren har svært ved at klare sin økonomi"), as: "mette")
        h.login("jonas")
        h.press(.char("4"), .enter)
        h.assertShows("Besvar henvisning: beskæftigelse → social")
        h.assertShows("“Bostøtte? Borgeren har svært ved at klare sin økonomi”")
        h.press(.enter)                         // the first answer: accepted
        h.assertShows("Gemt")
        XCTAssertEqual(s.state.citizens["c1"]?.plan?.referrals.first?.status, .accepted)
    }
}

/// Every screen is declared once, in `ScreenCatalogue.all`: its routes, its global key, its `:`
/// words; the App opens, binds and runs commands from there.
final class ScreenCatalogueTests: XCTestCase {
    /// One route of every kind. The switch is exhaustive: a new `Route` case does not compile here
    /// until it has a sample, and the sample is then checked against the catalogue.
    private static func ordinal(_ route: Route) -> Int {
        switch route {
        case .citizens: return 0
        case .plan: return 1
        case .planAt: return 2
        case .journey: return 3
        case .reason: return 4
        case .calendar: return 5
        case .dashboard: return 6
        case .figureList: return 7
        case .audit: return 8
        case .inbox: return 9
        case .duplicates: return 10
        case .directory: return 11
        case .units: return 12
        }
    }
    private static let kinds = 13

    private static let samples: [Route] = [
        .citizens, .plan(citizen: "c1"), .plan(citizen: "c1", reason: "Opkald"), .planAt(citizen: "c1", item: "f1"),
        .journey(citizen: "c1"), .reason(citizen: "c1"), .calendar(nil), .calendar(.room("Mødelokale 1")), .dashboard,
        .figureList(FigureRef(table: FigureTable(section: .caseload, columns: [], rows: [], asOf: Harness.now,
                                                 filter: FigureFilter(period: Period(from: Harness.now.local.day, to: Harness.now.local.day))),
                              row: 0, column: 0)),
        .audit, .inbox, .duplicates, .directory(citizen: nil), .directory(citizen: "c1"), .units,
    ]

    func testEveryRouteKindIsOpenedByExactlyOneEntry() {
        XCTAssertEqual(Set(Self.samples.map(Self.ordinal)), Set(0..<Self.kinds), "a sample of every route kind")
        for route in Self.samples {
            let entries = ScreenCatalogue.all.filter { $0.opens(route) != nil }
            XCTAssertEqual(entries.count, 1, "\(route) is opened by one entry")
        }
    }

    func testNoTwoEntriesShareAKeyOrACommandWord() {
        let keys = KeyTable.global.flatMap(\.keys)
        XCTAssertEqual(keys.count, Set(keys.map(\.description)).count, "global keys: \(keys)")
        for entry in ScreenCatalogue.all {
            for key in entry.key?.keys ?? [] { XCTAssertTrue(keys.contains(key), "\(key) is a global key") }
        }
        let words = KeyTable.commands.flatMap { Set($0.words) }
        XCTAssertEqual(words.count, Set(words).count, "`:` words: \(words)")
        XCTAssertEqual(KeyTable.commands.count, ScreenCatalogue.all.compactMap(\.command).count + TypedCommand.allCases.count)
    }

    private func topRoute(_ h: Harness) -> Route? {
        guard case .main(let s) = h.app.phase else { return nil }
        return s.stack.last?.route
    }

    /// Each screen's `:` words (Danish and English) and its global key open that screen, for a user
    /// who may see it.
    func testEveryCatalogueCommandAndKeyOpensItsScreen() throws {
        var opened = 0
        for (i, entry) in ScreenCatalogue.all.enumerated() {
            for word in entry.command.map({ [$0.danish, $0.english] }) ?? [] {
                let h = try Harness(rows: 30, cols: 110)
                h.login("karen")
                h.press(.char(":")); h.type("plan Søren"); h.press(.enter)   // away from the list first
                h.press(.char(":")); h.type(word); h.press(.enter)
                let top = try XCTUnwrap(topRoute(h), word)
                XCTAssertNotNil(entry.opens(top), ":\(word) opens entry \(i), not \(top): \(h.statusLine)")
                XCTAssertNil(ScreenCatalogue.all.enumerated().first { $0.offset != i && $0.element.opens(top) != nil }, ":\(word)")
                opened += 1
            }
            for key in entry.key?.keys ?? [] {
                let h = try Harness(rows: 30, cols: 110)
                h.login("karen")
                h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
                h.press(key)
                let top = try XCTUnwrap(topRoute(h), "\(key)")
                XCTAssertNotNil(entry.opens(top), "\(key) opens entry \(i), not \(top): \(h.statusLine)")
                opened += 1
            }
        }
        XCTAssertEqual(opened, 2 * 7 + 2 * 4, "seven screens with a command, four with a key")
    }

    /// The typed commands run by what they are: `:q`, `:afslut` and `:quit` all end the program.
    func testTypedCommandsRunInEitherLanguage() throws {
        for word in ["q", "afslut", "quit"] {
            let h = try Harness(rows: 30, cols: 110)
            h.login("mette")
            h.press(.char(":")); h.type(word); h.press(.enter)
            XCTAssertFalse(h.app.running, word)
        }
        let h = try Harness(rows: 30, cols: 110)
        h.login("mette")
        h.press(.char(":")); h.type("nonsens"); h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Ukendt kommando \"nonsens\""), h.statusLine)
        XCTAssertTrue(h.app.running)
    }
}

/// Keys are typed per screen: a screen looks a key up as its own enum, never another screen's.
final class TypedActionTests: XCTestCase {
    private func own<A: ScreenAction>(_ key: Key, _ table: [Binding], _: A.Type) -> A? {
        if case .own(let a)? = KeyTable.pressed(key, in: table, as: A.self) { return a }
        return nil
    }

    func testAKeyIsItsScreensOwnActionAndNoOtherScreens() {
        XCTAssertEqual(own(.char("/"), KeyTable.citizenList, CitizenListAction.self), .search)
        XCTAssertEqual(own(.char("q"), KeyTable.citizenList, CitizenListAction.self), .quit)
        XCTAssertNil(own(.char("/"), KeyTable.citizenList, PlanAction.self), "the list's / is not the plan's")
        // The plan's section keys are one family with the section as its argument.
        for section in PlanScreen.Section.allCases {
            XCTAssertEqual(own(.char(section.key), KeyTable.plan, PlanAction.self), .section(section), "\(section)")
        }
        for section in FigureSection.allCases {
            XCTAssertEqual(own(.char(section.key), KeyTable.dashboard, DashboardAction.self), .figures(section), "\(section)")
        }
        XCTAssertEqual(own(.char("a"), KeyTable.meeting, MeetingAction.self), .held)
        XCTAssertNil(own(.char("a"), KeyTable.meeting, CalendarAction.self))
    }

    func testTheFramesKeysMovesAndFormKeysAreSharedByEveryScreen() {
        guard case .frame(.open(.inbox))? = KeyTable.pressed(.char("4"), in: KeyTable.inbox + KeyTable.global, as: Never.self) else {
            return XCTFail("4 opens the inbox from any screen")
        }
        guard case .frame(.help)? = KeyTable.pressed(.function(1), in: KeyTable.plan + KeyTable.global, as: PlanAction.self) else {
            return XCTFail("F1 is the help")
        }
        guard case .move(.pageDown)? = KeyTable.pressed(.pageDown, in: KeyTable.journey, as: JourneyAction.self) else {
            return XCTFail("PgDn moves")
        }
        guard case .back? = KeyTable.pressed(.escape, in: KeyTable.chooser, as: Never.self) else { return XCTFail("Esc closes a chooser") }
        XCTAssertNil(KeyTable.pressed(.enter, in: KeyTable.form, as: Never.self), "a form's keys are the form's own")
        XCTAssertNil(KeyTable.frame(.char("1")), "while typing, 1 is text")
    }

    /// A plan opened with a reason (read-only) leaves out every key that opens a form, and only those.
    func testAReadOnlyPlanHasNoKeyThatWrites() throws {
        let readOnly = KeyTable.plan.filter { $0.action.own(PlanAction.self).map { !PlanScreen.writing.contains($0) } ?? true }
        XCTAssertEqual(KeyTable.plan.count - readOnly.count, PlanScreen.writing.count)
        for key: Character in ["n", "c", "R", "T", "L", "C"] { XCTAssertNil(own(.char(key), readOnly, PlanAction.self), "\(key)") }
        XCTAssertEqual(own(.char("b"), readOnly, PlanAction.self), .journey)
        XCTAssertEqual(own(.char("x"), readOnly, PlanAction.self), .exportPlan)
    }
}

/// The list behind the inbox, the duplicates and the units: shared keys here, the rest handed back.
final class ItemListTests: XCTestCase {
    private enum Own: ScreenAction { case mark }
    private let table = KeyTable.list([
        Binding(action: .open, keys: [.enter], label: Strings.T.kOpen, help: Strings.T.hOpen, inBar: true),
        Binding(action: .own(OwnAction(Own.mark)), keys: [.char("m")], label: Strings.T.kOpen, help: Strings.T.hOpen, inBar: true),
    ]) + KeyTable.global

    func testTheSharedKeysAreTheListsAndTheRestComesBackWithTheSelectedItem() {
        var list = ItemList(Array(0..<20))
        guard case .done(.none) = list.press(.down, in: table, height: 5, as: Own.self) else { return XCTFail("↓ moves") }
        XCTAssertEqual(list.selected, 1)
        _ = list.press(.pageDown, in: table, height: 5, as: Own.self)
        XCTAssertEqual(list.selected, 4, "a page is the window less two rows")
        XCTAssertEqual(list.scroll.top, 0)
        _ = list.press(.pageDown, in: table, height: 5, as: Own.self)
        XCTAssertEqual(list.selected, 7)
        XCTAssertEqual(list.scroll.top, 3, "the selection stays in view")
        guard case .open(7) = list.press(.enter, in: table, height: 5, as: Own.self) else { return XCTFail("Enter opens the item") }
        guard case .own(.mark, 7?) = list.press(.char("m"), in: table, height: 5, as: Own.self) else { return XCTFail("m is the screen's") }
        guard case .done(.back) = list.press(.char("q"), in: table, height: 5, as: Own.self) else { return XCTFail("q goes back") }
        guard case .done(.open(.inbox)) = list.press(.char("4"), in: table, height: 5, as: Own.self) else { return XCTFail("4 is the frame's") }
        guard case .done(.none) = list.press(.char("z"), in: table, height: 5, as: Own.self) else { return XCTFail("an unbound key does nothing") }
        list.set(Array(0..<3), height: 5)
        XCTAssertEqual(list.selected, 2, "read again: the selection stays in range")
        list.set([], height: 5)
        XCTAssertNil(list.selected)
        guard case .done(.none) = list.press(.enter, in: table, height: 5, as: Own.self) else { return XCTFail("Enter on nothing does nothing") }
        guard case .own(.mark, nil) = list.press(.char("m"), in: table, height: 5, as: Own.self) else { return XCTFail("m with nothing selected") }
    }
}
