@_spi(Store) import EnPlanDomain
import Foundation
import XCTest
import TestSupport
@testable import EnPlanTUI

/// No screen shows an internal id ("c301", "g1", "e1", "f1", "m140", a user id in brackets):
/// every plan section, every form its rows and `n` open, the journey, the list, the calendar,
/// the inbox and the dashboard, walked in the real screens.
final class NoInternalIdTests: XCTestCase {
    /// An id as the store makes them: a letter and digits standing alone.
    static let idPattern = #"(?<![\p{L}\p{N}§-])[a-z]\d{1,6}(?![\p{L}\p{N}])"#

    private func ids(_ h: Harness) -> [String] {
        h.text.split(separator: "\n").compactMap { line -> String? in
            let l = String(line)
            guard let r = l.range(of: Self.idPattern, options: .regularExpression) else { return nil }
            return "“\(l[r])” in: \(l.trimmingCharacters(in: .whitespaces))"
        }
    }

    private func assertNoIds(_ h: Harness, _ where_: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = ids(h)
        if !found.isEmpty { XCTFail("\(where_): \(found.joined(separator: "; "))\n\(h.numbered)", file: file, line: line) }
    }

    /// Closes whatever form is open (saying yes to discarding).
    private func close(_ h: Harness) {
        guard h.text.contains("Esc: annullér") else { return }   // no form open: Esc would leave the plan
        h.press(.escape)
        if h.text.contains("Kassér dine ændringer?") { h.press(.char("j")) }
    }

    func testThePatternFindsIdsAndNothingElse() {
        for id in ["Ret mål g1", "Søren (c301)", "m140", "f1 frist 03-01-2027", "Mette Kjær (e1)"] {
            XCTAssertNotNil(id.range(of: Self.idPattern, options: .regularExpression), id)
        }
        for text in ["LAB § 32", "010190-XXXX", "uge 48", "SEL § 79", "4/5", "23-11-2026 10:00", "Mødelokale 1", "A4"] {
            XCTAssertNil(text.range(of: Self.idPattern, options: .regularExpression), text)
        }
    }

    func testNoScreenOrFormShowsAnInternalId() throws {
        let h = try Harness(rows: 40, cols: 140)
        let s = h.service, c = "c1", today = s.today
        try h.giveSoerenAPlan()
        try s.execute(.scheduleFollowUp(citizen: c, due: today + 20, subject: "Samtale om praktik"), as: "mette")
        try s.execute(.recordAssessment(citizen: c, domain: "Arbejdsevne", score: 3, date: today + -2), as: "mette")
        try s.execute(.sendReferral(citizen: c, to: .social, text: "Bostøtte?"), as: "mette")
        try s.execute(.linkHousehold(citizen: c, member: HouseholdMember(relation: .partner, name: "Åse Ærø", citizen: nil)), as: "mette")
        try s.execute(.recordOutcome(citizen: c, status: .jobReady, date: today, source: "Jobnet"), as: "mette")
        // Events that name an item by id: the journey names it in words.
        try s.execute(.addGoal(citizen: c, area: .housing, text: "Egen bolig"), as: "mette")
        try s.execute(.setGoalStatus(citizen: c, goal: "g2", status: .achieved), as: "mette")
        try s.execute(.scheduleFollowUp(citizen: c, due: today + 2, subject: "Tjek bolig"), as: "mette")
        try s.execute(.completeFollowUp(citizen: c, followUp: "f2", done: today, result: .continue, note: nil), as: "mette")
        try s.execute(.sendReferral(citizen: c, to: .social, text: "Netværk?"), as: "mette")
        try s.execute(.answerReferral(citizen: c, referral: "r2", status: .accepted), as: "jonas")
        try s.execute(.scheduleMeeting(type: .network, citizen: c, start: LocalTime(day: today + 2, minuteOfDay: 600), minutes: 60,
                                       room: "Mødelokale 1", participants: ["mette", "jonas"], guests: [], allowConflict: true), as: "mette")
        h.login("mette")
        assertNoIds(h, "the list")
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.assertShows("Brobygning bevilget")
        assertNoIds(h, "the plan")
        var opened = 0
        for section in PlanScreen.Section.allCases {
            h.press(.char(section.key))
            h.press(.char("n"))
            assertNoIds(h, "new in \(section)")
            close(h)
        }
        // Each item's row opened with Enter (its form to edit, complete, answer or withdraw).
        let items: [(PlanScreen.Section, String)] = [
            (.overall, "egne ord"), (.goals, "Starte på tømreruddannelsen"), (.efforts, "Brobygning · LAB"),
            (.decisions, "Brobygning bevilget"), (.followUps, "Samtale om praktik"), (.referrals, "Bostøtte?"),
            (.consents, "beskæftigelse + social ·"), (.household, "Åse Ærø"),
        ]
        for (section, text) in items {
            h.press(.char(section.key))
            for _ in 0..<40 where !(h.screen.cursor.map { h.screen.line($0.row).contains(text) } ?? false) { h.press(.down) }
            h.press(.enter)
            if h.text.contains("Esc: annullér") { opened += 1 }
            assertNoIds(h, "Enter on “\(text)” in \(section)")
            close(h)
        }
        XCTAssertGreaterThanOrEqual(opened, 7, "the rows' forms were opened")
        h.press(.char("b"))
        assertNoIds(h, "the journey")
        h.assertShows("“Egen bolig” → nået")
        h.assertShows("“Tjek bolig” (frist ")
        h.assertShows("social: “Netværk?” → accepteret")
        h.press(.char("2"))
        assertNoIds(h, "the calendar")
        h.press(.char("4"))
        assertNoIds(h, "the inbox")
        let k = try Harness(rows: 40, cols: 140)
        k.login("karen")
        k.press(.char("3"))
        assertNoIds(k, "the dashboard")
    }

    /// A household member who is a citizen here is given by CPR number (never an internal id);
    /// one the user may not see is not found, and says nothing more.
    func testAHouseholdMemberIsLinkedByCPRNumber() throws {
        let h = try Harness(rows: 40, cols: 120)
        try h.service.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: nil), as: "mette")
        h.login("mette")
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.press(.char("h"), .char("n"))
        h.assertShows("Hvis borger hos os: CPR-nummer (valgfri):")
        h.type("Æbel Ørum"); h.press(.tab); h.type("c")
        h.assertShows("kun cifre og bindestreg")
        h.type("030300-4234"); h.press(.enter)                 // jonas's citizen, not on mette's list
        h.assertShows("Ingen borger med det CPR-nummer på din liste")
        h.press(.ctrl("u")); h.type("020295-1234"); h.press(.enter)
        h.assertShows("Gemt")
        XCTAssertEqual(try h.service.store.events(of: ["c1"]).last?.data.string("citizen"), "c2")
    }
}
