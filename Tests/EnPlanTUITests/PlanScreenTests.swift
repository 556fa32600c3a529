@_spi(Store) import EnPlanDomain
import Foundation
import XCTest
import TestSupport
@testable import EnPlanTUI

/// The plan screen in memory: every section, every form, validation, a stale save, the journey
/// and the export.
final class PlanScreenTests: XCTestCase {
    /// Søren Sørensen (c1, mette's) with a full plan; jonas (social) is outside the consent for misuse.
    private func harness(language: Language = .da, saveExport: (@Sendable (String, String) throws -> String)? = nil) throws -> Harness {
        let h = try Harness(rows: 40, cols: 120, language: language, saveExport: saveExport)
        let s = h.service, c = "c1", today = s.today
        try h.giveSoerenAPlan()
        try s.execute(.scheduleFollowUp(citizen: c, due: today + -5), as: "mette", on: today + -60)
        try s.execute(.scheduleFollowUp(citizen: c, due: today + 20), as: "mette")
        try s.execute(.recordAssessment(citizen: c, domain: "Arbejdsevne", score: 3, date: today + -60), as: "mette")
        try s.execute(.recordAssessment(citizen: c, domain: "Arbejdsevne", score: 1, date: today + -2), as: "mette")
        try s.execute(.sendReferral(citizen: c, to: .social, text: "Bostøtte?"), as: "mette")
        try s.execute(.linkHousehold(citizen: c, member: HouseholdMember(relation: .partner, name: "Åse Ærø", citizen: nil)), as: "mette")
        h.login("mette")
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        return h
    }

    private func events(_ h: Harness) throws -> [RecordedEvent] { try h.service.store.events(of: ["c1"]) }

    func testThePlanShowsEverySection() throws {
        let h = try harness()
        let t = h.text
        for expected in ["Søren Sørensen · CPR 010190-XXXX", "Ansvarlig sagsbehandler: Mette Kjær",
                         "Samtykke: beskæftigelse + social", "Husstand: partner Åse Ærø",
                         "▾ Overordnet mål", "uddannelse først", "“Jeg vil være tømrer”",
                         "▾ Delmål (1)", "[uddannelse] Starte på tømreruddannelsen",
                         "▾ Indsatser (1)", "Starte på tømreruddannelsen:", "[beskæftigelse] Brobygning · LAB § 32 · UU Roskilde",
                         "▾ Afgørelser (1)", "Brobygning bevilget · klagefrist til 18-12-2026",
                         "▾ Opfølgninger (2)", "Opfølgning · frist 18-11-2026 · OVERSKREDET", "Opfølgning · frist 13-12-2026",
                         "▾ Egenmestring (1)", "Arbejdsevne: ▆▃ 3→1",
                         "▾ Henvisninger (1)", "beskæftigelse → social", "▾ Samtykker (1)", "▾ Husstand (1)", "partner: Åse Ærø"] {
            XCTAssertTrue(t.contains(expected), "missing \"\(expected)\":\n\(t)")
        }
        // The overdue follow-up and the running appeal are in the alert colour.
        let c = h.screen
        let overdue = (0..<c.rows).first { c.line($0).contains("OVERSKREDET") }!
        XCTAssertEqual(c.cells[overdue * c.cols + 5].role, .alert)
        let appeal = (0..<c.rows).first { c.line($0).contains("klagefrist") }!
        XCTAssertEqual(c.cells[appeal * c.cols + 5].role, .alert)
    }

    func testTheResponsiblesPhoneAndEmailAreInTheHeader() throws {
        let h = try harness()
        try h.service.execute(.setUserContact(user: "mette", phone: "+45 46 31 30 00", email: "mette@kommune.dk"), as: "mette")
        h.press(.escape); h.press(.char(":")); h.type("plan c1"); h.press(.enter)
        h.assertShows("Ansvarlig sagsbehandler: Mette Kjær · +45 46 31 30 00 · mette@kommune.dk")
    }

    func testAnotherSectorsEffortShowsOnlyThatItExists() throws {
        let h = try harness()
        try h.service.execute(.addEffort(citizen: "c1", goal: nil, title: "Stofbehandling", sector: .misuse, legalBasis: "SEL § 101",
                                         provider: "Misbrugscentret", start: h.service.today, end: nil), as: "mette")
        h.press(.escape); h.press(.char(":")); h.type("plan c1"); h.press(.enter)
        h.assertShows("  [misbrug] indhold ikke delt (intet samtykke)")
        h.assertHides("Stofbehandling")
        h.assertHides("Misbrugscentret")
    }

    func testSectionsFoldAndAreReachedByOneKey() throws {
        let h = try harness()
        h.press(.char("e"))
        XCTAssertTrue(h.screen.line(h.screen.cursor!.row).contains("Indsatser"))
        h.press(.char(" "))
        h.assertShows("▸ Indsatser (1)")
        h.assertHides("Brobygning · LAB")
        h.press(.enter)   // Enter on a heading folds too
        h.assertShows("Brobygning · LAB")
        h.press(.char("f"))
        XCTAssertTrue(h.screen.line(h.screen.cursor!.row).contains("Opfølgninger"))
        h.press(.tab)
        XCTAssertTrue(h.screen.line(h.screen.cursor!.row).contains("Egenmestring"))
        h.press(.backTab, .backTab)
        XCTAssertTrue(h.screen.line(h.screen.cursor!.row).contains("Afgørelser"))
        // The help lists the plan's keys.
        h.press(.char("?"))
        h.assertShows("Gå til afsnit: o mål")
    }

    /// Opens a form from a section with `key` (then `n` or Enter on the row with `row`), types
    /// into it and saves; returns the event types it appended.
    private func save(_ h: Harness, section: Character, open: Key = .char("n"), row: String? = nil, _ fill: () -> Void) throws -> [String] {
        let before = try events(h).count
        h.press(.char(section))
        if let row {
            for _ in 0..<40 where !h.screen.line(h.screen.cursor!.row).contains(row) { h.press(.down) }
            XCTAssertTrue(h.screen.line(h.screen.cursor!.row).contains(row), "no row \"\(row)\":\n\(h.text)")
        }
        h.press(open)
        fill()
        h.press(.enter)
        h.assertShows("Gemt", "not saved:\n\(h.text)")
        return try events(h).dropFirst(before).map(\.type)
    }

    /// Enter on a decision opens it in full, to correct or annul, either with a reason.
    func testADecisionOpensToBeCorrectedOrAnnulled() throws {
        let h = try harness()
        h.press(.char("d"))
        for _ in 0..<10 where !h.screen.line(h.screen.cursor!.row).contains("Brobygning bevilget") { h.press(.down) }
        h.press(.enter)
        h.assertShows("Ret eller annullér afgørelsen af")
        h.assertShows("‹ gældende (ret den) ›")
        h.type(" i 6 måneder")
        h.press(.tab, .enter)                     // Tab out of the text (Enter there is a new line), Enter saves
        XCTAssertTrue(fieldLines(h, "Begrundelse").contains("skal udfyldes"), h.numbered)
        h.type("Perioden manglede"); h.press(.enter)   // the focus is where the form said
        h.assertShows("Gemt")
        h.assertShows("Brobygning bevilget i 6 måneder · rettet")
        h.press(.enter)
        for _ in 0..<6 where !h.screen.line(h.screen.cursor!.row).contains("Status") { h.press(.backTab) }
        h.press(.right)
        h.assertShows("‹ annullér den ›")
        for _ in 0..<6 where !h.screen.line(h.screen.cursor!.row).contains("Begrundelse") { h.press(.tab) }
        h.type("Truffet ved en fejl"); h.press(.enter)
        h.assertShows("Gemt")
        h.assertShows("Brobygning bevilget i 6 måneder · annulleret")
        XCTAssertNotNil(h.service.state.citizens["c1"]?.plan?.decisions.first?.annulled)
    }

    /// A text field says how much it holds of what it takes, and takes no more, saying so.
    func testATextFieldCountsAndTakesNoMoreThanItsRule() throws {
        let h = try harness()
        h.press(.char("f"), .char("n"))
        h.type("Samtale")
        XCTAssertTrue(fieldLines(h, "Emne").contains("7/200"), h.numbered)
        h.press(.paste(String(repeating: "x", count: 300)))
        XCTAssertTrue(fieldLines(h, "Emne").contains("Højst 200 tegn: resten blev ikke taget med"), h.numbered)
        h.press(.backspace)
        XCTAssertTrue(fieldLines(h, "Emne").contains("199/200"), h.numbered)
    }

    /// A follow-up says what it is about, and one on a holiday or a weekend is said first.
    func testAFollowUpHasASubjectAndAHolidayIsSaidFirst() throws {
        let h = try harness()
        let before = try events(h).count
        h.press(.char("f"), .char("n"))
        h.type("Samtale om praktik"); h.press(.tab, .ctrl("u")); h.type("25-12-2026"); h.press(.enter)
        h.assertShows("25-12-2026: Juledag · j: behold dagen · en anden tast: ret")
        h.press(.char("x"))                       // any other key: edit
        XCTAssertEqual(try events(h).count, before, "nothing saved before the answer")
        h.press(.enter)
        h.assertShows("Juledag · j: behold dagen")
        h.press(.char("j"))
        h.assertShows("Gemt")
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.followUps.last?.subject, "Samtale om praktik")
        h.assertShows("Samtale om praktik · frist 25-12-2026")
        // Without a subject the form does not save.
        h.press(.char("f"), .char("n"), .tab, .ctrl("u")); h.type("+2u"); h.press(.enter)
        XCTAssertTrue(fieldLines(h, "Emne").contains("skal udfyldes"), h.numbered)
    }

    func testEveryFormSavesThroughTheDomain() throws {
        let h = try harness()
        XCTAssertEqual(try save(h, section: "o", open: .enter, row: "uddannelse først") { h.type(" og bo selv"); h.press(.backTab, .right) },
                       ["PlanGoalChanged"])
        XCTAssertEqual(try save(h, section: "m") { h.type("Egen lejlighed"); h.press(.backTab, .right, .right, .right, .right, .right) },
                       ["GoalAdded"])
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.goals.last?.area, .housing)
        XCTAssertEqual(try save(h, section: "m", open: .enter, row: "Egen lejlighed") { h.type(" i Roskilde") }, ["GoalChanged"])
        XCTAssertEqual(try save(h, section: "m", open: .enter, row: "Egen lejlighed") { h.press(.tab, .right) }, ["GoalStatusChanged"])
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.goals[1].status, .achieved)
        XCTAssertEqual(try save(h, section: "e") { h.type("Mentor"); h.press(.tab, .tab); h.type("LAB § 31"); h.press(.tab); h.type("Jobcentret") },
                       ["EffortAdded"])
        XCTAssertEqual(try save(h, section: "e", open: .enter, row: "Brobygning") {
            h.press(.backTab, .backTab)   // from the title back round to the status
            h.press(.right)               // active → ended
        }, ["EffortStatusChanged"])
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.efforts[0].status, .ended)
        XCTAssertEqual(try save(h, section: "d") { h.press(.tab); h.type("Mentor bevilget"); h.press(.tab) }, ["DecisionRecorded"])
        XCTAssertEqual(try save(h, section: "f") { h.type("Samtale om praktik") }, ["FollowUpScheduled"])
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.followUps.last?.subject, "Samtale om praktik")
        XCTAssertEqual(try save(h, section: "f", open: .enter, row: "Opfølgning · frist") { h.press(.tab, .right) }, ["FollowUpCompleted"])
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.followUps[0].result, .change)
        // The domain is picked from FSIII's list (a letter picks the next that starts with it), never typed.
        XCTAssertEqual(try save(h, section: "a") { h.type("2"); h.press(.backTab); h.type("m") }, ["AssessmentRecorded"])
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.assessments.last?.domain, "Mestring")
        XCTAssertEqual(try save(h, section: "r") { h.type("Behandling?") }, ["ReferralSent"])
        XCTAssertEqual(try save(h, section: "r", open: .enter, row: "Behandling?") {}, ["ReferralAnswered"], "mette sent it: she revokes it")
        XCTAssertEqual(try save(h, section: "o", open: .char("c")) { h.press(.tab); h.type("Ringede om praktik") }, ["ContactLogged"])
        XCTAssertEqual(try save(h, section: "o", open: .char("R")) { h.type("Lone fra UU") }, ["ContactPersonChosen"])
        XCTAssertEqual(try save(h, section: "s") { h.type("beskæftigelse, sundhed") }, ["ConsentGiven"])
        XCTAssertEqual(try save(h, section: "s", open: .enter, row: "beskæftigelse + social ·") { h.type("Borgeren ønsker det") }, ["ConsentWithdrawn"])
        XCTAssertEqual(try save(h, section: "h") { h.type("Lille Bo"); h.press(.backTab, .right) }, ["HouseholdLinked"])
        XCTAssertEqual(h.service.state.citizens["c1"]?.household.last?.relation, .child)
        XCTAssertEqual(h.service.state.citizens["c1"]?.contactPerson, "Lone fra UU")
    }

    func testApplyingATemplateIsOneAction() throws {
        let h = try harness()
        // No templates yet: the screen says how to get them.
        h.press(.char("T"))
        h.assertShows("Der er ingen pakkeforløb")
        try h.service.execute(.defineTemplate(DemoTemplates.all[0]), as: "karen")
        let types = try save(h, section: "o", open: .char("T")) {}
        XCTAssertEqual(types.first, "TemplateApplied")
        XCTAssertEqual(types.filter { $0 == "EffortAdded" }.count, 3)
        h.assertShows("Brobygning til uddannelse")
    }

    /// The row of the form's field `label` and the one under it (a long error wraps under the field).
    private func fieldLines(_ h: Harness, _ label: String) -> String {
        let c = h.screen
        guard let row = (0..<c.rows).first(where: { c.line($0).hasPrefix("  \(label):") }) else { return "no field \(label):\n\(c.text)" }
        return c.line(row) + c.line(row + 1)
    }

    func testTheDomainsRefusalsStandBesideTheirFieldInDanish() throws {
        let h = try harness()
        let before = try events(h).count
        // A follow-up due yesterday: refused at the due field, the date the Danish way.
        h.press(.char("f"), .char("n")); h.type("Samtale om praktik"); h.press(.tab, .ctrl("u")); h.type("22-11-2026"); h.press(.enter)
        XCTAssertTrue(fieldLines(h, "Frist").contains("En opfølgning kan ikke planlægges i fortiden (22-11-2026)"), h.numbered)
        h.press(.escape, .char("j"))
        // f1 was planned on 24-09-2026 (60 days ago): completing it before that is refused at the done field.
        h.press(.char("f"))
        for _ in 0..<40 where !h.screen.line(h.screen.cursor!.row).contains("frist 18-11-2026") { h.press(.down) }
        h.press(.enter)
        h.press(.ctrl("u")); h.type("01-09-2026"); h.press(.enter)
        XCTAssertTrue(fieldLines(h, "Udført").contains("før den blev planlagt (24-09-2026)"), h.numbered)
        h.press(.escape, .char("j"))
        // A decision dated tomorrow: refused at the date field.
        h.press(.char("d"), .char("n"))
        for _ in 0..<4 where !h.screen.line(h.screen.cursor!.row).hasPrefix("  Dato:") { h.press(.tab) }
        h.press(.ctrl("u")); h.type("24-11-2026"); h.press(.tab); h.type("Bevilget"); h.press(.tab, .enter)
        XCTAssertTrue(fieldLines(h, "Dato").contains("En afgørelse kan ikke dateres i fremtiden"), h.numbered)
        XCTAssertEqual(try events(h).count, before, "nothing refused is saved")
        h.assertHides("cannot")
        h.assertHides("2026-11")
    }

    /// Rejecting a referral asks for the reason first (beside its field); the journey shows it.
    func testARejectionTakesAReasonAndTheJourneyShowsIt() throws {
        let h = try Harness(rows: 40, cols: 120)
        let s = h.service, today = s.today
        try s.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: today), as: "mette")
        try s.execute(.createPlan(citizen: "c1", overallGoal: .education, ownWords: "Tømrer"), as: "mette")
        try s.execute(.sendReferral(citizen: "c1", to: .social, text: "Bostøtte?"), as: "mette")
        // A social effort: the social sector works on the citizen too.
        try s.execute(.addEffort(citizen: "c1", goal: nil, title: "Netværksgruppe", sector: .social, legalBasis: "SEL § 79",
                                 provider: "Frivillige", start: today, end: nil), as: "mette")
        h.login("jonas")
        h.press(.char(":")); h.type("plan c1"); h.press(.enter)
        h.assertShows("▾ Henvisninger")
        h.press(.char("r"))
        for _ in 0..<40 where !h.screen.line(h.screen.cursor!.row).contains("Bostøtte?") { h.press(.down) }
        h.press(.enter)
        h.assertShows("Begrundelse:")
        h.press(.backTab, .right)              // the answer: rejected
        h.assertShows("‹ afvist ›")
        h.press(.enter)
        let c = h.screen
        let row = try XCTUnwrap((0..<c.rows).first { c.line($0).hasPrefix("  Begrundelse:") }, c.text)
        XCTAssertTrue((c.line(row) + c.line(row + 1)).contains("En afvisning kræver en begrundelse"), c.text)
        XCTAssertEqual(s.state.citizens["c1"]?.plan?.referrals.first?.status, .requested, "nothing saved without the reason")
        h.type("Ikke vores målgruppe"); h.press(.enter)
        h.assertShows("Gemt")
        XCTAssertEqual(s.state.citizens["c1"]?.plan?.referrals.first?.status, .rejected)
        h.press(.char("b"))
        h.assertShows("Henvisning besvaret: social: “Bostøtte?” → afvist · begrundelse:")
    }

    func testFieldErrorsAppearAtTheFieldAndNothingIsSaved() throws {
        let h = try harness()
        let before = try events(h).count
        h.press(.char("e"), .char("n"))
        for _ in 0..<4 { h.press(.tab) }       // from the title to Start
        h.press(.ctrl("u")); h.type("32-13-2026")
        h.press(.enter)
        var c = h.screen
        let titleRow = (0..<c.rows).first { c.line($0).hasPrefix("  Indsats:") }!
        XCTAssertTrue(c.line(titleRow).contains("skal udfyldes"), c.text)
        let startRow = (0..<c.rows).first { c.line($0).hasPrefix("  Start:") }!
        XCTAssertTrue((c.line(startRow) + c.line(startRow + 1)).contains("dato: dd-mm-åååå"), c.text)
        XCTAssertEqual(c.cells[titleRow * c.cols + c.line(titleRow).count - 3].role, .error)
        XCTAssertEqual(c.cursor?.row, titleRow, "the cursor goes to the first field in error")
        // The domain's refusal (an end before the start) lands at the End field.
        h.type("Mentor"); h.press(.tab, .tab); h.type("LAB § 31"); h.press(.tab); h.type("JC"); h.press(.tab, .ctrl("u")); h.type("i dag")
        h.press(.tab); h.type("01-01-2020")
        h.press(.enter)
        c = h.screen
        let endRow = (0..<c.rows).first { c.line($0).contains("Slut (valgfri):") }!
        XCTAssertTrue((c.line(endRow) + c.line(endRow + 1)).contains("ligger før startdatoen"), "beside the field or, when long, under it, whole:\n\(c.text)")
        XCTAssertEqual(try events(h).count, before, "nothing invalid is saved")
    }

    func testEscAsksBeforeDiscardingTypedInput() throws {
        let h = try harness()
        h.press(.char("m"), .char("n"))
        h.press(.escape)
        h.assertHides("Nyt delmål", "nothing typed: Esc just closes")
        h.press(.char("n")); h.type("Noget")
        h.press(.escape)
        h.assertShows("Kassér dine ændringer?")
        h.press(.char("x"))   // any other key: go on typing
        h.assertShows("Nyt delmål")
        h.press(.escape, .char("j"))
        h.assertHides("Nyt delmål")
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.goals.count, 1)
    }

    func testAStaleSaveShowsWhatChangedAndNeitherEditIsLost() throws {
        let h = try harness()
        h.press(.char("m"), .char("n"))
        h.type("Kørekort")
        // Meanwhile, at another terminal:
        let other = CaseService(store: try Store(directory: h.dir, clock: FixedClock(Harness.now)), terminal: "tty2")
        try other.execute(.addGoal(citizen: "c1", area: .housing, text: "Egen bolig"), as: "mette")
        h.press(.enter)
        h.assertShows("Planen blev ændret et andet sted, mens du skrev:")
        h.assertShows("Mette Kjær: Delmål: [bolig] Egen bolig")
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.goals.count, 2, "the refused save wrote nothing")
        h.press(.enter)   // save on top
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.goals.map(\.text), ["Starte på tømreruddannelsen", "Egen bolig", "Kørekort"])
        h.assertShows("[job] Kørekort")
    }

    func testAStaleEditKeepsTheOtherUsersChangeToFieldsThisUserDidNotTouch() throws {
        let h = try harness()
        h.press(.char("e"), .down, .enter)   // edit e1 (the goal's label above it is passed over)
        h.assertShows("Ret eller afslut indsats: Brobygning")
        h.press(.end); h.type(" og praktik")       // the title: End keeps it, then typing adds
        let other = CaseService(store: try Store(directory: h.dir, clock: FixedClock(Harness.now)), terminal: "tty2")
        try other.execute(.changeEffort(citizen: "c1", effort: "e1", goal: "g1", title: "Brobygning", legalBasis: "LAB § 32",
                                        provider: "UU Køge", start: h.service.today + -10, end: h.service.today + 80), as: "mette")
        h.press(.enter)
        h.assertShows("Mette Kjær: Indsats rettet: Brobygning · LAB § 32 · UU Køge")
        h.press(.enter)
        let e = try XCTUnwrap(h.service.state.citizens["c1"]?.plan?.efforts.first)
        XCTAssertEqual(e.title, "Brobygning og praktik", "this user's change")
        XCTAssertEqual(e.provider, "UU Køge", "the other user's change is kept")
    }

    func testAConsentNamingNoSectorIsRefusedAtTheField() throws {
        let h = try harness()
        let before = try events(h).count
        h.press(.char("s"), .char("n"))
        h.type("beskæftigelse, sundhd")
        h.press(.enter)
        let c = h.screen
        let row = (0..<c.rows).first { c.line($0).contains("Fagområder") }!
        XCTAssertTrue((c.line(row) + c.line(row + 1)).contains("\"sundhd\"?"), c.text)
        XCTAssertEqual(try events(h).count, before)
    }

    func testPlanByCPROfACitizenNotMineAsksForAReasonAndOpensReadOnly() throws {
        let h = try harness()
        h.press(.escape)
        h.press(.char(":")); h.type("plan 0303004234"); h.press(.enter)   // jonas's citizen, not mette's
        h.assertShows("Begrundelse for opslaget")
        h.assertHides("Æbel")
        XCTAssertTrue(h.statusLine.hasPrefix("Du arbejder ikke på denne borger, eller borgeren findes ikke."), "the same words either way")
        h.press(.escape)                                                 // no reason: no look
        h.assertShows("Navn▲")
        // A number never registered gets the same question; with a reason, the answer (and it is logged).
        h.press(.char(":")); h.type("plan 3112999999"); h.press(.enter)
        h.assertShows("Begrundelse for opslaget")
        h.type("Borgeren ringede"); h.press(.enter)
        h.assertShows("Ingen borger matcher: 311299-9999")
        h.press(.escape, .char("j"))
        // With a reason the plan opens, read-only, and the look is logged with its reason.
        h.press(.char(":")); h.type("plan 030300-4234"); h.press(.enter)
        h.type("Borgeren henvendte sig i receptionen"); h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Plan: Æbel Ørum · skrivebeskyttet"), h.statusLine)
        h.press(.char("n"))
        h.assertHides("Nyt delmål")
        XCTAssertFalse(h.keyBar.contains("Ny"), "no keys that write: \(h.keyBar)")
        let views = try h.service.auditEntries(AuditFilter(citizen: "c3"), as: "karen").filter { $0.kind == .citizenViewed }
        XCTAssertEqual(views.count, 1, "one look")
        XCTAssertEqual(views.first?.reason, "Borgeren henvendte sig i receptionen")
        h.app.tick(now: Date().addingTimeInterval(5))
        try h.service.execute(.logContact(citizen: "c3", channel: .phone, note: nil, at: nil), as: "jonas")
        h.app.tick(now: Date().addingTimeInterval(10))
        XCTAssertEqual(try h.service.auditEntries(AuditFilter(citizen: "c3"), as: "karen").filter { $0.kind == .citizenViewed }.count, 1,
                       "a refresh after another terminal's change is no new look")
    }

    func testTheJourneyHasItsFiguresAndFilters() throws {
        let h = try harness()
        try h.service.execute(.logContact(citizen: "c1", channel: .phone, note: "Ringede", at: nil), as: "mette")
        h.press(.char("b"))
        var t = h.text
        XCTAssertTrue(t.contains("Borgerens forløb · alle fagområder · alle slags"), t)
        XCTAssertTrue(t.contains("Kontakter 1 / 1"), t)
        XCTAssertTrue(t.contains("Sagsbehandlere 1 / 1"), t)
        XCTAssertTrue(t.contains("Fra plan til første indsats"), t)
        XCTAssertTrue(t.contains("Henvisning: beskæftigelse → social: Bostøtte?"), t)
        XCTAssertTrue(t.contains("CPR 010190-XXXX"), "the registration's CPR is masked here")
        h.press(.char("t"))   // kind: the case
        h.press(.char("t"))   // kind: consent
        t = h.text
        XCTAssertTrue(t.contains("samtykke"), t)
        XCTAssertTrue(t.contains("Samtykke givet"))
        XCTAssertFalse(t.contains("Henvisning:"))
        h.press(.char("f"))   // sector: employment
        h.assertShows("beskæftigelse · samtykke")
        h.press(.escape)
        h.assertShows("▾ Overordnet mål")
    }

    func testExportWritesAPlainDocumentWithoutInternalContent() throws {
        final class Box: @unchecked Sendable { var name = "", text = "" }
        let box = Box()
        let h = try harness(saveExport: { name, text in box.name = name; box.text = text; return "/home/mette/" + name })
        try h.service.execute(.addEffort(citizen: "c1", goal: nil, title: "Stofbehandling", sector: .misuse, legalBasis: "SEL § 101",
                                         provider: "Misbrugscentret", start: h.service.today, end: nil), as: "mette")
        h.press(.escape); h.press(.char(":")); h.type("plan c1"); h.press(.enter)
        h.press(.char("x"))
        h.assertShows("Planen er gemt som /home/mette/enplan-plan-c1-2026-11-23.txt")
        XCTAssertTrue(box.text.contains("Din plan: Søren Sørensen"))
        XCTAssertTrue(box.text.contains("Brobygning, hos UU Roskilde, fra 13-11-2026 til 11-02-2027"), box.text)
        // The goal in words, and appeal guidance with each decision: that, to whom, how, by when.
        XCTAssertTrue(box.text.contains("Målet er, at du kommer i gang med en uddannelse."), box.text)
        XCTAssertFalse(box.text.contains("uddannelse først"), "no jargon: \(box.text)")
        let guidance = box.text.replacingOccurrences(of: "\n    ", with: " ")
        XCTAssertTrue(guidance.contains("Du kan klage over afgørelsen. Send klagen til kommunen, gerne til din sagsbehandler."), box.text)
        XCTAssertTrue(guidance.contains("sender den klagen videre til Ankestyrelsen"), box.text)
        XCTAssertTrue(guidance.contains("skriftligt, fx med Digital Post, eller mundtligt"), box.text)
        XCTAssertTrue(guidance.contains("Klagen skal være modtaget senest fredag 18. december 2026."), box.text)
        XCTAssertTrue(box.text.split(separator: "\n").allSatisfy { TextWidth.columns(String($0)) <= PlanDocument.lineWidth }, "A4's width: \(box.text)")
        XCTAssertFalse(box.text.contains(": \n") || box.text.contains("Job: \n"), "no empty bullet")
        XCTAssertTrue(box.text.replacingOccurrences(of: "\n", with: " ").contains("fordi du ikke har givet samtykke til, at de deles mellem fagområderne. Antal: 1."), box.text)
        // The follow-up still to come, and apart from it the one whose day has passed.
        let late = try XCTUnwrap(box.text.range(of: "Opfølgninger, der skulle have været holdt"), box.text)
        XCTAssertTrue(box.text[late.upperBound...].contains("18-11-2026"), box.text)
        XCTAssertTrue(box.text[..<late.lowerBound].contains("13. december 2026"), "the one ahead under its own heading: \(box.text)")
        for secret in ["Stofbehandling", "0101901234", "010190", "Bostøtte?", "Arbejdsevne"] {
            XCTAssertFalse(box.text.contains(secret), "\(secret) in the export:\n\(box.text)")
        }
    }

    func testEnglishAndTheCommandLine() throws {
        let h = try harness(language: .en)
        h.assertShows("Responsible caseworker: Mette Kjær")
        h.assertShows("▾ Follow-ups (2)")
        h.assertShows("Follow-up · due 2026-11-18 · OVERDUE")
        h.press(.escape)
        h.press(.char(":")); h.type("plan 0101901234"); h.press(.enter)
        h.assertShows("Søren Sørensen · CPR 010190-XXXX")
        h.press(.escape)
        h.press(.char(":")); h.type("plan nobody"); h.press(.enter)
        h.assertShows("No citizen matches: nobody")
    }
}

/// The form widget on its own: what typing does to a field that came filled in.
final class FormTests: XCTestCase {
    private func form() -> Form {
        Form(title: "T", fields: [Form.Field(key: "due", label: "Frist", kind: .date(required: true), value: "+4u"),
                                  Form.Field(key: "note", label: "Note", kind: .text(required: false), value: "Halvskrevet")])
    }

    func testTypingIntoAFilledFieldReplacesItAndEndKeepsIt() {
        var f = form()
        for c in "+2u" { _ = f.handle(.char(c)) }
        XCTAssertEqual(f["due"], "+2u", "typed over, not onto (+4u+2u)")
        _ = f.handle(.tab)
        _ = f.handle(.end)
        for c in " note" { _ = f.handle(.char(c)) }
        XCTAssertEqual(f["note"], "Halvskrevet note", "End keeps the value for editing")
        _ = f.handle(.backTab)
        _ = f.handle(.end)
        _ = f.handle(.backspace)
        XCTAssertEqual(f["due"], "+2", "Backspace edits what is there")
    }

    /// A text field is typed into where the cursor is, never replaced: "abc", Home, "X" is "Xabc";
    /// ← and Del edit in the middle; a value longer than its box scrolls with the cursor.
    func testTextIsEditedWhereTheCursorIs() {
        var f = Form(title: "T", fields: [.text("note", "Note", "Halvskrevet")])
        for c in " ord" { _ = f.handle(.char(c)) }
        XCTAssertEqual(f["note"], "Halvskrevet ord", "typed onto a text, not over it")
        _ = f.handle(.ctrl("u"))
        for c in "abc" { _ = f.handle(.char(c)) }
        _ = f.handle(.home); _ = f.handle(.char("X"))
        XCTAssertEqual(f["note"], "Xabc")
        _ = f.handle(.right); _ = f.handle(.delete)
        XCTAssertEqual(f["note"], "Xac")
        _ = f.handle(.left); _ = f.handle(.backspace)
        XCTAssertEqual(f["note"], "ac")
        _ = f.handle(.ctrl("e")); _ = f.handle(.char("!"))
        XCTAssertEqual(f["note"], "ac!")
        // A long text in a narrow box: the part around the cursor, with the cursor on its character.
        _ = f.handle(.ctrl("u"))
        let long = String(repeating: "æøå 🧑🏽‍🦱 ", count: 30)
        _ = f.handle(.paste(long))
        var c = Canvas(rows: 6, cols: 40)
        f.render(into: &c, top: 0, left: 0, width: 40, strings: Strings(.da))
        XCTAssertTrue(c.line(2).contains("…"), c.line(2))
        XCTAssertEqual(c.cursor?.row, 2)
        _ = f.handle(.home)
        c = Canvas(rows: 6, cols: 40)
        f.render(into: &c, top: 0, left: 0, width: 40, strings: Strings(.da))
        XCTAssertTrue(c.line(2).contains("Note: æøå"), c.line(2))
        XCTAssertEqual(c.cursor?.col, c.line(2).distance(of: "æøå"))
    }

    /// A CPR field takes digits and a dash, at most 11, and says so when something else is typed.
    func testTheCPRFieldTakesDigitsAndADashOnly() {
        var f = Form(title: "T", fields: [Form.Field.text("cpr", "CPR-nummer").taking({ $0.isASCII && ($0.isNumber || $0 == "-") }, maxLength: 11, why: "kun cifre")])
        for c in "01a0190-1234567" { _ = f.handle(.char(c)) }
        XCTAssertEqual(f["cpr"], "010190-1234")
        XCTAssertEqual(f.fields[0].error, "kun cifre", "the letter and the twelfth character were said no to")
        _ = f.handle(.ctrl("u")); _ = f.handle(.paste("0101 90 1234"))
        XCTAssertEqual(f["cpr"], "0101901234", "a pasted number keeps its digits")
    }

    /// A paste is text, whatever it holds: three lines into a note are one note, Enter in it does
    /// not save, and its control characters are not keys.
    func testAPasteIsTextNotKeys() {
        var f = Form(title: "T", fields: [.text("note", "Note"), .text("other", "Andet", required: false)])
        let outcome = f.handle(.paste("Linje et\r\nLinje to\n\u{1B}[2JLinje tre\t!"))
        XCTAssertEqual(outcome, .none, "a pasted line break is not Enter")
        XCTAssertEqual(f["note"], "Linje et Linje to [2JLinje tre !")
        XCTAssertEqual(f.focusedKey, "note", "a pasted tab is not Tab")
        // In a text area the paste keeps its lines ("\r\n" one break); still nothing runs as keys.
        var area = Form(title: "T", fields: [.area("note", "Note"), .text("other", "Andet", required: false)])
        XCTAssertEqual(area.handle(.paste("Linje et\r\nLinje to\n\u{1B}[2JLinje tre\t!")), .none)
        XCTAssertEqual(area["note"], "Linje et\nLinje to\n[2JLinje tre !")
        XCTAssertEqual(area.focusedKey, "note")
        var choice = Form(title: "T", fields: [.choice("kind", "Type", ["a", "b"])])
        _ = choice.handle(.paste("b"))
        XCTAssertEqual(choice["kind"], "a", "a paste picks nothing in a choice")
    }

    func testTheFocusedFieldIsDrawnApartWithTheCursorInIt() {
        let f = form()
        var c = Canvas(rows: 10, cols: 60)
        f.render(into: &c, top: 0, left: 0, width: 60, strings: Strings(.da))
        let input = c.line(2).distance(of: "+4u")
        // The given date is marked: the first typed character replaces it.
        XCTAssertEqual(c.cell(2, input).role, .alert)
        var typed = f
        _ = typed.handle(.end)
        var c2 = Canvas(rows: 10, cols: 60)
        typed.render(into: &c2, top: 0, left: 0, width: 60, strings: Strings(.da))
        XCTAssertEqual(c2.cell(2, input).role, .selected, "kept for editing: drawn as the focused field")
        XCTAssertEqual(c.cell(3, c.line(3).distance(of: "Halvskrevet")).role, .input)
        XCTAssertEqual(c.cursor?.row, 2)
    }
}

private extension String {
    /// The column where `part` starts (ASCII lines).
    func distance(of part: String) -> Int { distance(from: startIndex, to: range(of: part)!.lowerBound) }
}

/// The plan for the citizen: its meetings with their purpose, time, place and who takes part.
final class PlanDocumentTests: XCTestCase {
    func testAMeetingSaysWhatWhenWhereAndWho() throws {
        let h = try Harness(rows: 40, cols: 120)
        try h.service.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: nil), as: "mette")
        try h.service.execute(.createPlan(citizen: "c1", overallGoal: .employment, ownWords: "Arbejde"), as: "mette")
        let start = LocalTime(day: h.service.today + 2, minuteOfDay: 10 * 60)
        try h.service.execute(.scheduleMeeting(type: .roundtable, citizen: "c1", start: start, minutes: 60, room: "Mødelokale 1",
                                               participants: ["mette", "jonas"], guests: [Guest(kind: .partner, name: "Ole Mørk", organisation: "Misbrugscentret")],
                                               allowConflict: true), as: "mette")
        let detail = try h.service.citizen("c1", as: "mette", purpose: "export", logged: false)
        let text = PlanDocument.render(detail, names: Names(h.service, Strings(.da)), strings: Strings(.da), format: .text,
                                       letterhead: .init(municipality: "Roskilde Kommune", roomAddresses: ["Mødelokale 1": "Køgevej 80, 4000 Roskilde"]))
        let joined = text.replacingOccurrences(of: "\n    ", with: " ")
        XCTAssertTrue(text.hasPrefix("Roskilde Kommune\n\nDin plan: Søren Sørensen\n"), text)
        XCTAssertTrue(joined.contains("Rundbordssamtale \(Strings(.da).longDate(start.day)) kl. 10:00-11:00, Mødelokale 1 (Køgevej 80, 4000 Roskilde). "
                                      + "Med: Jonas Dahl, Mette Kjær og Ole Mørk (Misbrugscentret)."), text)
        XCTAssertFalse(text.contains("m1") || text.contains("c1"), "no ids: \(text)")
    }
}
