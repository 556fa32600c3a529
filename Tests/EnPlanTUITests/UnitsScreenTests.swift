import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain
@testable import EnPlanTUI

/// Issue 27 on a screen: the units (`:enheder`) as an indented tree; an administrator adds a unit
/// under the selected one and places a person in it from a day, through the domain's commands, the
/// refusals at their fields; anyone else reads only.
final class UnitsScreenTests: XCTestCase {
    private func harness(_ user: String) throws -> Harness {
        let h = try Harness(rows: 34, cols: 170)
        try h.defineTheChart()
        h.login(user)
        return h
    }

    func testAnAdministratorAddsAUnitAndPlacesAPerson() throws {
        let h = try harness("admin")
        let s = h.service, today = s.today
        h.type(":enheder"); h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Enheder: 2 enheder"), h.statusLine)
        h.assertShows("Borger- og Arbejdsmarkedsforvaltningen")
        h.assertShows("   Jobcenter Voksne")                       // indented under the root
        h.assertShows("Lene Dalgaard")
        XCTAssertFalse(h.text.contains("bam") || h.text.contains(" ja "), "no ids: \(h.numbered)")

        // n under the selected unit (Jobcenter Voksne): name, what it does, then the ticks.
        h.press(.down)
        h.assertShows("Personer i dag: Mette Kjær")
        h.assertShows("Kompetence til afgørelser efter: LAB")
        h.press(.char("n"))
        h.assertShows("Ny enhed under Jobcenter Voksne")
        h.type("Ungeteamet Ø"); h.press(.tab)
        h.type("Uddannelsespålæg og brobygning"); h.press(.tab)
        h.press(.tab)                                       // placed under: the selected unit
        h.press(.right, .char(" ")); h.press(.tab)          // target groups: unge 15-29
        h.press(.char(" ")); h.press(.tab)                  // sectors: beskæftigelse
        h.press(.char("r"), .char(" ")); h.press(.tab)      // leaders: Rasmus Bech
        h.press(.right); h.press(.tab)                      // mandates: its own
        h.press(.char(" "), .right, .char(" "))             // LAB, SEL
        h.press(.enter)
        XCTAssertTrue(h.statusLine.contains("Enheden er gemt: Ungeteamet Ø"), h.statusLine)
        let unit = try XCTUnwrap(s.organisation.units["ungeteamet-oe"], "the id made from the name: \(s.organisation.units.keys.sorted())")
        XCTAssertEqual(unit.parent, "ja")
        XCTAssertEqual(unit.targetGroups, [.youth])
        XCTAssertEqual(unit.sectors, [.employment])
        XCTAssertEqual(unit.leaders, ["rasmus"])
        XCTAssertEqual(unit.mandates, [.lab, .sel])
        XCTAssertEqual(unit.description, "Uddannelsespålæg og brobygning")
        h.assertShows("     Ungeteamet Ø")
        h.assertShows("Rasmus Bech")

        // p places a person in the selected unit (the new one) from a day.
        h.press(.char("p"))
        h.assertShows("Placér en person i Ungeteamet Ø")
        h.press(.char("j"))                                  // Jonas Dahl
        h.press(.tab); h.press(.ctrl("u")); h.type("+7d"); h.press(.tab)
        h.type("Uddannelsespålæg")
        h.press(.enter)
        XCTAssertTrue(h.statusLine.contains("Jonas Dahl er i Ungeteamet Ø fra \((today + 7).danish)"), h.statusLine)
        XCTAssertEqual(s.organisation.unit(of: "jonas", on: today + 7), "ungeteamet-oe")
        XCTAssertNil(s.organisation.unit(of: "jonas", on: today), "from the day typed")
        XCTAssertEqual(s.organisation.duties["jonas"], "Uddannelsespålæg")

        // Enter changes the selected unit; the name takes what the domain allows (100) and says so
        // at the field, cutting nothing silently; nothing is saved until Enter.
        h.press(.enter)
        h.assertShows("Ret enheden: Ungeteamet Ø")
        h.press(.ctrl("u")); h.type(String(repeating: "x", count: 101))
        h.assertShows("Højst 100 tegn: resten blev ikke taget med")
        h.assertShows("Ret enheden")                        // still open
        XCTAssertEqual(s.organisation.units["ungeteamet-oe"]?.name, "Ungeteamet Ø")
        h.press(.ctrl("u")); h.type("Ungeteamet")
        h.press(.enter)
        XCTAssertEqual(s.organisation.units["ungeteamet-oe"]?.name, "Ungeteamet", "the id stays")
        XCTAssertEqual(s.organisation.units["ungeteamet-oe"]?.leaders, ["rasmus"], "the rest as it was")
        for w in DanishWordsTests.english where h.text.contains(w) { XCTFail("English “\(w)”:\n\(h.numbered)") }
    }

    func testACaseworkerReadsOnly() throws {
        let h = try harness("mette")
        let before = h.service.organisation
        h.type(":enheder"); h.press(.enter)
        XCTAssertTrue(h.statusLine.contains("kun til at se"), h.statusLine)
        h.assertShows("Jobcenter Voksne")
        XCTAssertFalse(h.text.contains("Ny enhed"), "no key to add: \(h.numbered)")
        h.press(.char("n"))
        XCTAssertTrue(h.statusLine.contains("Kun en administrator ændrer enhederne"), h.statusLine)
        XCTAssertFalse(h.text.contains("Navn:"), "no form: \(h.numbered)")
        h.press(.char("p")); h.press(.enter)
        XCTAssertFalse(h.text.contains("Person:"), "no form: \(h.numbered)")
        XCTAssertEqual(h.service.organisation, before)
        // The domain refuses it too, whatever a screen did.
        XCTAssertThrowsError(try h.service.execute(.placeUser(user: "mette", unit: "bam", from: h.service.today, does: nil), as: "mette"))
        h.press(.escape)
        XCTAssertFalse(h.statusLine.hasPrefix("Enheder"), h.statusLine)
    }

    func testANewUnitsIDIsMadeFromItsName() {
        XCTAssertEqual(UnitsScreen.newID(for: "Tværgående myndighed", taken: []), "tvaergaaende-myndighed")
        XCTAssertEqual(UnitsScreen.newID(for: "Børn & familie", taken: ["boern-familie"]), "boern-familie-2")
        XCTAssertEqual(UnitsScreen.newID(for: "Café Nørrebro", taken: []), "cafe-noerrebro")
        XCTAssertEqual(UnitsScreen.newID(for: "3. team", taken: []), "enhed-3-team")
        XCTAssertEqual(UnitsScreen.newID(for: "Ø", taken: []), "oe")
        XCTAssertTrue(User.isValidID(UnitsScreen.newID(for: String(repeating: "Område ", count: 10), taken: [])))
        XCTAssertEqual(UnitsScreen.newID(for: "!!", taken: []), "enhed")
    }
}

extension UnitsScreenTests {
    /// On a store with no organisation, the administrator's first unit is the root.
    func testTheFirstUnitIsTheTop() throws {
        let h = try Harness(rows: 34, cols: 170)
        h.login("admin")
        h.type(":units"); h.press(.enter)                   // the English name works too
        XCTAssertTrue(h.statusLine.hasPrefix("Enheder: 0 enheder"), h.statusLine)
        h.assertShows("Ingen enheder endnu. n opretter den øverste (forvaltningen).")
        h.press(.char("n"))
        h.assertShows("Ny enhed øverst")
        h.type("Borger- og Arbejdsmarkedsforvaltningen")
        h.press(.enter)
        let org = h.service.organisation
        XCTAssertEqual(org.units.keys.sorted(), ["borger-og-arbejdsmarkedsforv"], "28 characters at most")
        XCTAssertNil(org.units.values.first?.parent)
        XCTAssertNil(org.units.values.first?.mandates, "inherits: none above")
        XCTAssertTrue(h.statusLine.hasPrefix("Enheden er gemt"), h.statusLine)
        XCTAssertTrue(h.text.contains("Borger- og Arbejdsmarkedsforvaltningen"), h.numbered)
        for w in DanishWordsTests.english where h.text.contains(w) { XCTFail("English “\(w)”:\n\(h.numbered)") }
    }
}

extension UnitsScreenTests {
    /// The caseload by unit on the dashboard: a row per unit, and the citizens behind its cell.
    func testTheDashboardsCaseloadByUnit() throws {
        let h = try harness("karen")
        h.press(.char("3"))
        h.assertShows("Enhed: Borger- og Arbejdsmark")
        h.assertShows("Enhed: Jobcenter Voksne")
        let hers = try h.service.citizens(as: "karen", logged: false).filter { $0.responsible == "mette" }.count
        let line = try XCTUnwrap(h.text.split(separator: "\n").first { $0.contains("Enhed: Jobcenter Voksne") })
        XCTAssertTrue(line.contains(" \(hers) "), "the unit's count is mette's: \(line)")
        // Jonas Dahl, Mette Kjær, unassigned, the root, then the team: Enter lists the citizens behind it.
        h.press(.down, .down, .down, .down)
        h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("\(hers) · Borgerne bag: Sagsbelastning · Enhed: Jobcenter Voksne"), h.statusLine)
        h.assertShows("Søren Sørensen")
    }
}
