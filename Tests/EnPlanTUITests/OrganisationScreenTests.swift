import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain
@testable import EnPlanTUI

/// Issue 27 on the screens: a team leader's dashboard opens on their team and never shows another
/// team's caseworkers; the director walks the units with `E`; the colleagues (`:kolleger`) are
/// searched the Danish way, and from a plan those on the case come first.
final class OrganisationScreenTests: XCTestCase {
    /// mette (team "Jobcenter Voksne", led by lene) is responsible for six citizens, jonas (team
    /// "Tværgående myndighed", led by rasmus) for two; karen leads the whole forvaltning.
    private func harness(_ user: String) throws -> Harness {
        let h = try Harness(rows: 34, cols: 170)
        let day = h.service.today
        try h.defineTheChart([
            ("admin", .defineUnit(OrgUnit(id: "tv", name: "Tværgående myndighed", parent: "bam", targetGroups: [.youth, .adults],
                                          sectors: [.employment, .social, .health], description: "Én sagsbehandler på tværs",
                                          leaders: ["rasmus"], mandates: [.lab, .sel, .sul]), new: true)),
            ("admin", .placeUser(user: "jonas", unit: "tv", from: day + -30, does: "Socialrådgiver med myndighed efter SEL")),
            ("admin", .setUserContact(user: "jonas", phone: "46 31 22 33", email: "jonas@kommune.example")),
        ])
        h.login(user)
        return h
    }

    private func row(_ h: Harness, _ label: String) -> String? {
        h.text.split(separator: "\n").map(String.init).first { $0.hasPrefix(" " + label) }
    }

    func testATeamLeadersDashboardShowsTheirTeamOnly() throws {
        let h = try harness("lene")
        h.press(.char("3"))
        XCTAssertTrue(h.statusLine.hasPrefix("Overblik: Sagsbelastning"), h.statusLine)
        h.assertShows("· Jobcenter Voksne · dette kvartal")
        XCTAssertNotNil(row(h, "Mette Kjær"), h.numbered)
        XCTAssertNil(row(h, "Jonas Dahl"), "another team's caseworker: \(h.numbered)")
        // Every section, and the caseworker filter, stay within the team.
        for key in ["t", "e", "k", "p", "h", "m", "a", "o", "v", "c", "b"] {
            h.press(.char(Character(key)))
            XCTAssertFalse(h.text.contains("Jonas Dahl"), "\(key): \(h.numbered)")
        }
        h.press(.char("s"))
        h.assertShows("· Mette Kjær")
        h.press(.char("s"))
        h.assertShows("· alle sagsbehandlere")
        h.press(.char("E"))                                 // one unit to lead: it stays
        h.assertShows("· Jobcenter Voksne · dette kvartal")
        XCTAssertNil(row(h, "Jonas Dahl"))
    }

    func testTheDirectorWalksTheUnits() throws {
        let h = try harness("karen")
        h.press(.char("3"))
        h.assertShows("· Borger- og Arbejdsmarkedsforvaltningen (hele organisationen) ·")
        XCTAssertNotNil(row(h, "Mette Kjær")); XCTAssertNotNil(row(h, "Jonas Dahl"))
        h.press(.char("E"))
        h.assertShows("· Jobcenter Voksne · dette kvartal")
        XCTAssertNotNil(row(h, "Mette Kjær")); XCTAssertNil(row(h, "Jonas Dahl"), h.numbered)
        h.press(.char("E"))
        h.assertShows("· Tværgående myndighed · dette kvartal")
        XCTAssertNil(row(h, "Mette Kjær")); XCTAssertNotNil(row(h, "Jonas Dahl"), h.numbered)
        h.press(.char("E"))
        h.assertShows("(hele organisationen)")
    }

    func testTheColleaguesSearchedTheDanishWay() throws {
        let h = try harness("mette")
        h.type(":kolleger"); h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Kolleger: 6 personer"), h.statusLine)
        h.assertShows("Navn")
        h.assertShows("Fagområde")
        h.press(.char("/")); h.type("tvaergaende")
        XCTAssertTrue(h.statusLine.hasPrefix("Kolleger: 2 personer"), h.statusLine)   // jonas, and rasmus who leads it
        h.press(.enter)
        h.assertShows("Jonas Dahl · Borger- og Arbejdsmarkedsforvaltningen › Tværgående myndighed")
        h.assertShows("Opgaver: Socialrådgiver med myndighed efter SEL")
        h.assertShows("Kompetence til afgørelser efter: LAB, SEL, SUL")
        h.assertShows("Telefon 46 31 22 33 · E-mail jonas@kommune.example")
        h.press(.char("/")); h.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        h.type("kjær"); h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Kolleger: 1 person"), h.statusLine)
        for w in DanishWordsTests.english where h.text.contains(w) { XCTFail("English “\(w)”:\n\(h.numbered)") }
        h.press(.escape)
        XCTAssertTrue(h.statusLine.hasPrefix("Borgere") || h.text.contains("Søren Sørensen"), "back to the list: \(h.statusLine)")
    }

    func testFromAPlanThoseOnTheCaseComeFirst() throws {
        let h = try harness("mette")
        h.press(.enter)                                      // the first citizen's plan
        XCTAssertTrue(h.statusLine.hasPrefix("Plan: "), h.statusLine)
        h.type(":kolleger"); h.press(.enter)
        XCTAssertTrue(h.statusLine.contains("● arbejder allerede med borgeren"), h.statusLine)
        XCTAssertTrue(h.screen.line(3).hasPrefix(" ● Mette Kjær"), h.numbered)
        h.press(.escape)
        XCTAssertTrue(h.statusLine.hasPrefix("Plan: "), "Esc goes back to the plan: \(h.statusLine)")
    }
}
