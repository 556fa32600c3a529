@_spi(Store) import EnPlanDomain
import Foundation
import XCTest
import TestSupport
@testable import EnPlanTUI

/// Issue 10 on the screens: the plan's sections u (status toward self-support) and v (the
/// citizen's own assessment) with their forms and the header, and the dashboard's sections a
/// (youth cohorts, with the target group's form) and o (own assessment) with the citizens behind
/// each figure. Today is 23-11-2026 (the harness's clock).
final class OutcomeScreenTests: XCTestCase {
    private func events(_ h: Harness, _ id: String = "c1") throws -> [RecordedEvent] { try h.service.store.events(of: [id]) }

    /// Søren Sørensen (c1, mette's) with consent employment + social and a plan; the plan is open.
    private func plan(_ user: String = "mette") throws -> Harness {
        let h = try Harness(rows: 40, cols: 120)
        try h.service.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: nil), as: "mette")
        try h.service.execute(.createPlan(citizen: "c1", overallGoal: .education, ownWords: "Tømrer"), as: "mette")
        h.login(user)
        h.press(.char(":")); h.type("plan c1"); h.press(.enter)
        return h
    }

    /// Opens the section's form with `n`, fills it, saves; the event types it appended.
    private func save(_ h: Harness, section: Character, _ fill: () -> Void) throws -> [String] {
        let before = try events(h).count
        h.press(.char(section), .char("n"))
        fill()
        h.press(.enter)
        h.assertShows("Gemt", "not saved:\n\(h.text)")
        return try events(h).dropFirst(before).map(\.type)
    }

    func testAStatusIsRecordedInSectionUAndShownInTheHeaderAndTheJourney() throws {
        let h = try plan()
        h.assertShows("Status: ingen status registreret")
        h.assertShows("▾ Status mod selvforsørgelse (0)")
        // The form opens on the date; Shift-Tab to the status, "j" picks "jobparat".
        XCTAssertEqual(try save(h, section: "u") { h.press(.backTab); h.type("j"); h.press(.tab, .tab); h.type("Jobnet") }, ["OutcomeRecorded"])
        h.assertShows("Status: jobparat (23-11-2026)")
        h.assertShows("23-11-2026 jobparat · kilde: Jobnet · beskæftigelse")
        // Only the flag changed: only the flag is recorded.
        XCTAssertEqual(try save(h, section: "u") { h.press(.tab, .tab, .right) }, ["VulnerabilityRecorded"])
        h.assertShows("Status: jobparat (23-11-2026) · psykisk sårbar")
        XCTAssertEqual(h.service.state.citizens["c1"]?.outcomes.current(on: h.service.today)?.status, .jobReady)
        // A date in the future is the form's own error, beside the field; nothing is written.
        let before = try events(h).count
        h.press(.char("u"), .char("n")); h.type("+3d"); h.press(.enter)
        h.assertShows("Registrér status mod selvforsørgelse")
        XCTAssertEqual(try events(h).count, before)
        h.press(.escape, .char("j"))
        h.press(.char("b"))
        h.assertShows("Status mod selvforsørgelse: jobparat · 23-11-2026 · Jobnet")
        h.assertShows("Sårbarhed: psykisk sårbar (23-11-2026)")
    }

    func testTheCitizensOwnAssessmentInSectionV() throws {
        let h = try plan()
        h.assertShows("▾ Borgerens egen vurdering (0)")
        // The score field checks its range itself.
        h.press(.char("v"), .char("n")); h.type("6"); h.press(.enter)
        h.assertShows("1-5")
        XCTAssertFalse(try events(h).contains { $0.type == "OwnAssessmentRecorded" })
        h.press(.escape, .char("j"))
        XCTAssertEqual(try save(h, section: "v") { h.type("4"); h.press(.tab); h.type("Jeg bliver hørt"); h.press(.tab) }, ["OwnAssessmentRecorded"])   // Tab: Enter in the words is a new line
        h.assertShows("23-11-2026 planen: ●●●●○ 4/5 “Jeg bliver hørt”")
        XCTAssertEqual(try save(h, section: "v") { h.press(.backTab); h.type("v"); h.press(.tab); h.type("2") }, ["OwnAssessmentRecorded"])
        h.assertShows("velfærdsteknologi: ●●○○○ 2/5")
        XCTAssertEqual(h.service.state.citizens["c1"]?.outcomes.assessments.map(\.topic), [.plan, .welfareTechnology])
    }

    func testAnotherSectorsStatusShowsOnlyThatItExists() throws {
        let h = try Harness(rows: 40, cols: 120)
        // c3 is jonas's (social), with no consent; karen (employment) records a status.
        try h.service.execute(.recordOutcome(citizen: "c3", status: .educationReady, date: h.service.today, source: "UU"), as: "karen")
        h.login("jonas")
        h.press(.char(":")); h.type("plan c3"); h.press(.enter)
        h.assertShows("Status: ikke delt (beskæftigelse)")
        h.assertShows("1 ikke delt (beskæftigelse)")
        h.assertHides("uddannelsesparat")
    }

    /// c3 Æbel (born 2000) and c7 Mikkel (2002) in the group on the baseline 01-04-2024, c8 Zainab
    /// (1999) entering on 01-06-2026; Æbel in a job within the window, Mikkel moved away.
    private func cohorts(_ user: String = "karen") throws -> Harness {
        let h = try Harness(rows: 34, cols: 130)
        let s = h.service
        for (id, start) in [("c3", "2024-01-10"), ("c7", "2024-02-01"), ("c8", "2026-06-01")] {
            try s.execute(.giveConsent(citizen: id, sectors: [.employment, .social], given: nil), as: "karen")
            try s.execute(.createPlan(citizen: id, overallGoal: .education, ownWords: ""), as: "karen")
            try s.execute(.addEffort(citizen: id, goal: nil, title: "Bostøtte", sector: .social, legalBasis: "SEL § 85", provider: "Bostøtten",
                                     start: Day(iso: start)!, end: nil), as: "karen")
        }
        try s.execute(.recordOutcome(citizen: "c3", status: .job, date: Day(iso: "2025-01-10")!, source: nil), as: "karen")
        try s.execute(.recordOutcome(citizen: "c7", status: .moved, date: Day(iso: "2024-09-01")!, source: nil), as: "karen")
        try s.execute(.setYouthTargetGroup(maxAge: 30, benefits: ["kontanthjaelp"], effortBasis: "SEL", requireVulnerability: false,
                                           baseline: Day(iso: "2024-04-01")!), as: "karen")
        h.login(user)
        h.press(.char("3"), .char("a"))
        return h
    }

    private func line(_ h: Harness, _ label: String) -> String? {
        h.text.split(separator: "\n").map(String.init).first { $0.hasPrefix(" " + label) }
    }

    func testTheYouthCohortsWithTheCitizensBehindEachFigure() throws {
        let h = try cohorts()
        XCTAssertTrue(h.statusLine.hasPrefix("Overblik: Unge-kohorter"), h.statusLine)
        let base = try XCTUnwrap(line(h, "Basislinje 01-04-2024"), h.numbered)
        XCTAssertTrue(base.contains("100 % (1/1)"), "succeeded 1 of size 2 less 1 exit: \(base)")
        XCTAssertFalse(base.contains("foreløbig"), "the baseline's windows have closed: \(base)")
        let young = try XCTUnwrap(line(h, "Tilgang 02-04-2026–01-04-2027"), h.numbered)
        XCTAssertTrue(young.contains("◷ foreløbig"), "marked interim, not by colour alone: \(young)")
        // Who succeeded, who left, who has not yet: the citizens behind each figure.
        for (rights, row, shown, hidden) in [(1, "Basislinje", "Æbel Ørum", "Mikkel Østergaard"), (2, "Basislinje", "Mikkel Østergaard", "Æbel Ørum"),
                                              (3, "Tilgang 02-04-2026", "Zainab Abdi", "Æbel Ørum")] {
            while !(h.screen.line(h.screen.cursor!.row).hasPrefix(" " + row)) { h.press(.down) }
            for _ in 0..<rights { h.press(.right) }
            h.press(.enter)
            h.assertShows(shown); h.assertHides(hidden)
            h.press(.escape)
            for _ in 0..<rights { h.press(.left) }
        }
        h.press(.right, .right, .right, .right, .char("i"))   // the rate's definition
        h.assertShows("Nævner: Antal minus afgang")
    }

    func testASupervisorSetsTheTargetGroupOnTheDashboardAndACaseworkerIsRefused() throws {
        let h = try cohorts()
        h.press(.char("M"))
        h.assertShows("Målgruppe for unge-kohorterne")
        h.assertShows("Ydelser (komma imellem): Kontanthjælp")
        h.type("01-04-2025")
        h.press(.tab); h.type(", Sygepenge")                // typed onto the list: a benefit no list has, and the field says so
        h.press(.enter)
        h.assertShows("\"Sygepenge\"? ukendt ydelse")
        for _ in 0..<", Sygepenge".count { h.press(.backspace) }
        h.press(.enter)
        h.assertShows("Målgruppen er gemt")
        XCTAssertNotNil(line(h, "Basislinje 01-04-2025"), h.numbered)
        XCTAssertEqual(h.service.youthTargetGroup?.baseline, Day(iso: "2025-04-01"))

        let mette = try cohorts("mette")
        mette.assertHides("Basislinje")
        XCTAssertEqual(mette.service.youthTargetGroup?.version, 1)
    }

    func testTheOwnAssessmentSection() throws {
        let h = try Harness(rows: 34, cols: 130)
        let s = h.service
        try s.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: nil), as: "mette")
        try s.execute(.createPlan(citizen: "c1", overallGoal: .education, ownWords: ""), as: "mette")
        try s.execute(.addEffort(citizen: "c1", goal: nil, title: "Tablet", sector: .social, legalBasis: "SEL § 112", provider: "Hjælpemidler",
                                 start: s.today, end: nil, welfareTechnology: true), as: "mette")
        try s.execute(.recordOwnAssessment(citizen: "c1", topic: .welfareTechnology, score: 4, words: "", date: s.today), as: "mette")
        h.login("karen")
        h.press(.char("3"), .char("o"))
        let welfare = try XCTUnwrap(line(h, "Velfærdsteknologi"), h.numbered)
        XCTAssertTrue(welfare.contains("100 % (1/1)") && welfare.contains("4,0"), welfare)
        h.press(.enter)
        h.assertShows("Borgerne bag: Egen vurdering · Velfærdsteknologi · Borgere")
        h.assertShows("Søren Sørensen")
    }
}
