import Foundation
@_spi(Store) import EnPlanDomain
import XCTest
import TestSupport
@testable import EnPlanTUI

/// The keystrokes three everyday tasks take, counted in the real screens (the README's table):
/// a measurement that also keeps them from creeping up. Every key counts, each typed letter too.
final class KeystrokeTests: XCTestCase {
    private final class Counter {
        let h: Harness
        var keys = 0
        init(_ h: Harness) { self.h = h }
        func press(_ k: Key...) { keys += k.count; for key in k { h.press(key) } }
        func type(_ text: String) { keys += text.count; h.type(text) }
    }

    private func harness() throws -> Harness {
        let h = try Harness(rows: 40, cols: 120)
        let s = h.service, today = s.today
        try s.execute(.createUser(User(id: "per", name: "Per Løkke", sector: .misuse, role: .caseworker), passwordHash: Fixture.hash), as: "admin")
        try s.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: today + -30), as: "mette")
        try s.execute(.createPlan(citizen: "c1", overallGoal: .education, ownWords: "Jeg vil være tømrer"), as: "mette")
        try s.execute(.addEffort(citizen: "c1", goal: nil, title: "Brobygning", sector: .employment, legalBasis: "LAB § 32",
                                 provider: "UU Roskilde", start: today, end: nil), as: "mette")
        try s.execute(.scheduleFollowUp(citizen: "c1", due: today + 7, subject: "Samtale om praktik"), as: "mette")
        h.login("mette")
        return h
    }

    func testFindACitizenAndOpenThePlan() throws {
        let h = try harness(), k = Counter(h)
        k.press(.char("/")); k.type("soren"); k.press(.enter, .enter)
        h.assertShows("Plan: Søren Sørensen")
        XCTAssertEqual(k.keys, 8)
    }

    func testAddAFollowUp() throws {
        let h = try harness()
        h.press(.char(":")); h.type("plan soren"); h.press(.enter)
        let k = Counter(h)
        k.press(.char("f"), .char("n")); k.type("Jobsamtale"); k.press(.enter)
        h.assertShows("Gemt")
        XCTAssertEqual(h.service.state.citizens["c1"]?.plan?.followUps.last?.subject, "Jobsamtale")
        XCTAssertEqual(k.keys - "Jobsamtale".count, 3, "three keys and the subject")
    }

    /// A network meeting about Søren at 13:00 with three colleagues and two agenda items: 41 keys,
    /// 19 of them the colleagues' names (65 keys and a dead end on a shared name before).
    func testBookANetworkMeetingWithThreeColleaguesAndAnAgenda() throws {
        let h = try harness(), k = Counter(h)
        k.press(.char("2"), .char("n")); k.type("soren")
        k.press(.tab, .tab); k.type("13:00")                    // the date stays today; the time
        k.press(.tab, .tab, .tab); k.type(", jonas, per, karen") // past the length and the room, after Mette Kjær
        k.press(.tab, .char(" "), .right, .char(" "))            // the agenda: the follow-up and the effort ticked
        k.press(.enter)
        h.assertShows("Mødet er gemt")
        let m = try XCTUnwrap(h.service.state.meetings.values.first { $0.citizen == "c1" })
        XCTAssertEqual(Set(m.participants), ["mette", "jonas", "per", "karen"])
        XCTAssertEqual(m.agenda, ["f1", "e1"])
        XCTAssertEqual(k.keys, 41)
    }
}
