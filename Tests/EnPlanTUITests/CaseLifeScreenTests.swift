@_spi(Store) import EnPlanDomain
import XCTest
import TestSupport
@testable import EnPlanTUI

/// A case's whole life on the screens: closing from the list and reopening from the plan, the list
/// hiding closed cases until `l`, a registration's duplicate hint, the team leader's `:dubletter`,
/// and a new CPR number from the plan. Danish throughout; no id on the screen.
final class CaseLifeScreenTests: XCTestCase {
    /// Søren (mette's, 01-01-1990), and a second registration of him without æøå.
    static let names = Harness.names + [("Soeren Sorensen", "0101901244")]

    func testClosingFromTheListAndReopeningFromThePlan() throws {
        let h = try Harness()
        h.login("mette")
        h.press(.char("/")); h.type("soren"); h.press(.enter)
        XCTAssertEqual(h.listedNames, ["Søren Sørensen"])
        h.press(.char("L"))
        h.assertShows("Luk sagen: Søren Sørensen")
        h.type("03-02-2025"); h.press(.tab); h.type("Flyttet fra kommunen")
        h.press(.enter)
        h.assertShows("Luk sagen for Søren Sørensen pr. 03-02-2025? j: ja · en anden tast: ret")
        h.press(.char("j"))
        XCTAssertTrue(h.statusLine.contains("Sagen er lukket: Søren Sørensen"), h.numbered)
        h.assertShows("Ingen borgere matcher.", "a closed case is hidden from the list")
        h.press(.char("l"))
        XCTAssertEqual(h.listedNames.count, 1)
        XCTAssertTrue(h.screen.line(2).hasPrefix("Søren Sørensen") && h.screen.line(2).contains(" Lukket 03-02-2025 "),
                      "\"Vis lukkede sager\" shows it, marked:\n\(h.numbered)")
        XCTAssertTrue(h.statusLine.contains("med lukkede sager"), h.statusLine)
        h.press(.char("l"))
        h.assertHides("Lukket 03-02-2025")
        h.press(.char("l"))

        h.press(.enter)                                                    // its plan
        h.assertRow(1, startsWith: " Lukket 03-02-2025 · Søren Sørensen")
        XCTAssertTrue(h.statusLine.contains("Plan: Søren Sørensen · Lukket 03-02-2025"), h.statusLine)
        h.press(.char("C"))                                                // nothing but reopening goes
        h.type("0101901236"); h.press(.tab); h.type("Nyt nummer"); h.press(.enter); h.press(.char("j"))
        h.assertShows("Sagen blev lukket 03-02-2025: genåbn den for at registrere mere")
        h.press(.escape); h.press(.char("j"))                             // leave the form (it asks first)
        h.press(.char("L"))
        h.assertShows("Genåbn sagen: Søren Sørensen")
        h.press(.enter)
        h.assertShows("Begrundelse:")
        h.type("Flyttet tilbage"); h.press(.enter)
        h.assertShows("Genåbn sagen for Søren Sørensen? j: ja")
        h.press(.char("n"))                                                // any other key: back to the fields
        h.assertHides("Genåbn sagen for Søren Sørensen?")
        h.press(.enter); h.press(.char("j"))
        XCTAssertTrue(h.statusLine.contains("Sagen er genåbnet"), h.statusLine)
        h.assertHides("Lukket 03-02-2025")
        h.press(.char("b"))                                                // the journey shows both
        h.assertShows("Sag lukket: 03-02-2025 · begrundelse: “Flyttet fra kommu")
        h.assertShows("Sag genåbnet: 23-11-2026 · begrundelse: “Flyttet tilbage”")
    }

    func testARegistrationSaysMuligDubletNamingOnlyWhomTheUserMaySee() throws {
        let h = try Harness()
        h.login("mette")
        h.press(.char("n"))
        h.type("010190-1299"); h.press(.tab); h.type("Soren Sorensen"); h.press(.enter)
        XCTAssertTrue(h.statusLine.contains("Borgeren er registreret: Soren Sorensen · Mulig dublet: Søren Sørensen, født 01-01-1990"), h.statusLine)
        XCTAssertFalse(h.text.contains("c1"), "no id on the screen")

        let j = try Harness()
        j.login("jonas")                                                   // social: Søren is mette's (employment)
        j.press(.char("n"))
        j.type("010190-1299"); j.press(.tab); j.type("Søren Sørensen"); j.press(.enter)
        XCTAssertTrue(j.statusLine.contains("Der findes måske allerede en registrering: spørg din teamleder"), j.statusLine)
        XCTAssertFalse(j.statusLine.contains("Mulig dublet"), "no name of a citizen jonas may not see")
    }

    func testATeamLeaderLinksAPairFromTheDuplicatesList() throws {
        let h = try Harness(citizens: Self.names)
        h.login("mette")
        h.press(.char(":")); h.type("dubletter"); h.press(.enter)
        h.assertShows("Kun teamledere ser, sammenkæder og afviser mulige dubletter")

        let k = try Harness(citizens: Self.names, cols: 160)
        k.login("karen")
        k.press(.char(":")); k.type("dubletter"); k.press(.enter)
        k.assertShows("Søren Sørensen 010190-XXXX")
        k.assertShows("Soeren Sorensen 010190-XXXX")
        k.assertShows("samme fødselsdato, navn ligner")
        XCTAssertTrue(k.statusLine.contains("Mulige dubletter: 1 mulige dubletter"), k.statusLine)
        k.press(.char("l"))
        k.assertShows("Samme person: Søren Sørensen (010190-XXXX) og Soeren Sorensen (010190-XXXX)")
        k.press(.enter)
        k.assertShows("skal udfyldes", "a link needs a reason")
        k.type("Samme person: tjekket i CPR"); k.press(.enter)
        XCTAssertTrue(k.statusLine.contains("Sat sammen som samme person"), k.statusLine)
        k.assertShows("Ingen mulige dubletter.")
        k.press(.escape)
        k.press(.char("/")); k.type("soren"); k.press(.enter)
        let rows = (2...3).map { k.screen.line($0) }
        XCTAssertTrue(rows.contains { $0.hasPrefix("Søren Sørensen · samme person som Soeren") }, k.numbered)
        XCTAssertTrue(rows.contains { $0.hasPrefix("Soeren Sorensen · samme person som Søren") }, k.numbered)
        XCTAssertFalse(k.text.contains("c9") || k.text.contains("c1 "), "no id on the screen")
    }

    func testANewCPRNumberFromThePlanIsFoundByEitherNumber() throws {
        let h = try Harness()
        h.login("mette")
        h.press(.char("/")); h.type("soren"); h.press(.enter); h.press(.enter)
        h.press(.char("C"))
        h.assertShows("Nyt CPR-nummer: Søren Sørensen")
        h.type("010190-1236"); h.press(.tab); h.type("Nyt personnummer fra CPR"); h.press(.enter)
        h.assertShows("Skift CPR-nummer for Søren Sørensen til 010190-1236? j: ja")
        h.press(.char("j"))
        XCTAssertTrue(h.statusLine.contains("CPR-nummeret er skiftet"), h.statusLine)
        h.assertShows("Tidligere CPR: 010190-XXXX")
        h.press(.char("#"))
        h.assertShows("CPR 010190-1236")
        h.assertShows("Tidligere CPR: 010190-1234")
        h.press(.escape)
        h.press(.escape)
        for number in ["0101901234", "010190-1236"] {
            h.press(.char("/")); h.type(number)
            XCTAssertEqual(h.listedNames, ["Søren Sørensen"], number)
            h.press(.escape)
        }
    }
}

/// A citizen named by name and birth date (the scheduling form, `:kalender borger`) is found by the
/// birth date of a number they had before a CPR change too.
final class CitizenLookupAfterACPRChangeTests: XCTestCase {
    func testAnOldBirthDateStillNamesTheCitizen() throws {
        let h = try Harness()
        try h.service.execute(.changeCPR(citizen: "c1", new: "010191-1234", reason: "Tastefejl i fødselsåret"), as: "mette")
        let rows = try h.service.citizens(as: "mette", logged: false)
        XCTAssertEqual(CitizenLookup.matches("Søren Sørensen 01-01-1990", in: rows).map(\.maskedCPR), ["010191-XXXX"], "the old birth date")
        XCTAssertEqual(CitizenLookup.matches("Soren 010191-XXXX", in: rows).map(\.maskedCPR), ["010191-XXXX"], "the new one")
    }
}
