import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain
@testable import EnPlanTUI

/// The supervisors' dashboard in memory: sections, the citizens behind a figure and back,
/// definitions, filters, freezing, the CSV export, a caseworker's own view, moving citizens.
final class DashboardScreenTests: XCTestCase {
    final class Saved: @unchecked Sendable { var name = "", text = "" }

    /// mette is responsible for six of the eight citizens, jonas for two.
    private func harness(_ user: String = "karen", saved: Saved? = nil) throws -> Harness {
        var save: (@Sendable (String, String) throws -> String)?
        if let saved { save = { @Sendable name, text in saved.name = name; saved.text = text; return "/home/x/" + name } }
        let h = try Harness(rows: 34, cols: 130, saveExport: save)
        h.login(user)
        h.press(.char("3"))
        return h
    }

    private func row(_ h: Harness, _ label: String) -> String? {
        h.text.split(separator: "\n").map(String.init).first { $0.hasPrefix(" " + label) }
    }

    func testTheCaseloadsPerCaseworkerAndTheSections() throws {
        let h = try harness()
        XCTAssertTrue(h.statusLine.hasPrefix("Overblik: Sagsbelastning"), h.statusLine)
        h.assertShows("Overblik · opgjort 23-11-2026 11:00 · dette kvartal (01-10-2026 – 31-12-2026) · alle fagområder · alle målgrupper")
        let mette = try XCTUnwrap(row(h, "Mette Kjær"), h.numbered)
        XCTAssertEqual(mette.split(separator: " ").dropFirst(2).first, "6", "responsible for six: \(mette)")
        XCTAssertTrue(row(h, "Jonas Dahl")?.contains(" 2 ") ?? false, h.numbered)
        for (key, title) in [("t", "Rettidighed"), ("e", "Én sagsbehandler"), ("k", "Kontakter og møder"), ("p", "Én plan"),
                             ("h", "Henvisninger"), ("m", "Mål"), ("b", "Sagsbelastning")] {
            h.press(.char(Character(key)))
            XCTAssertTrue(h.statusLine.hasPrefix("Overblik: \(title)"), "\(key): \(h.statusLine)")
        }
        h.press(.tab)
        XCTAssertTrue(h.statusLine.hasPrefix("Overblik: Rettidighed"), "Tab: the next section")
    }

    func testACellOpensTheCitizensBehindItAndEscGoesBackStepByStep() throws {
        let h = try harness()
        while !(h.screen.line(h.screen.cursor!.row).hasPrefix(" Mette Kjær")) { h.press(.down) }
        h.press(.enter)
        h.assertShows("Borgerne bag: Sagsbelastning · Mette Kjær · Ansvarlig for")
        XCTAssertEqual(h.text.split(separator: "\n").filter { $0.contains("XXXX") }.count, 6, "the count and its list agree:\n\(h.numbered)")
        XCTAssertTrue(h.statusLine.hasPrefix("6 · Borgerne bag"), h.statusLine)
        h.press(.enter)                                     // a plan, from the list
        XCTAssertTrue(h.statusLine.hasPrefix("Plan: "), h.statusLine)
        h.press(.escape)
        h.assertShows("Borgerne bag: Sagsbelastning")
        h.press(.escape)
        XCTAssertTrue(h.statusLine.hasPrefix("Overblik: Sagsbelastning"), "back at the figure")
        XCTAssertTrue(h.screen.line(h.screen.cursor!.row).contains("6"), "the cursor still on Mette's count")
        // The list behind a figure was logged like the citizen list; the figures as an aggregate read.
        let trail = try h.service.auditTrail(as: "admin").map(\.type)
        XCTAssertTrue(trail.contains("FiguresRead") && trail.contains("CitizensListed"), "\(trail.suffix(6))")
    }

    func testADefinitionFiltersAndFreezing() throws {
        let h = try harness()
        h.press(.char("i"))
        h.assertShows("Definition af \"Ansvarlig for\" (Sagsbelastning)")
        h.assertShows("Tæller:")
        h.press(.escape)
        h.assertHides("Definition af")
        h.press(.char("d"))
        h.assertShows("sidste kvartal (01-07-2026 – 30-09-2026)")
        h.press(.char("f"))
        h.assertShows("· beskæftigelse ·")
        for _ in 0..<5 { h.press(.char("f")) }              // round to every sector again
        h.assertShows("· alle fagområder ·")
        h.press(.char("D"))                                 // dates of one's own
        h.assertShows("Fra:")
        h.type("01-01-2026"); h.press(.tab); h.type("31-03-2026"); h.press(.enter)
        h.assertShows("valgte datoer (01-01-2026 – 31-03-2026)")
        // Frozen figures stay while another terminal changes things; r refreshes.
        h.press(.char("F"))
        h.assertShows("FROSSET")
        let before = row(h, "Jonas Dahl")
        try h.service.execute(.registerCitizen(cpr: "0909901234", name: "Ny Borger", benefit: nil, responsible: nil), as: "jonas")
        h.app.tick(now: Date().addingTimeInterval(5))
        XCTAssertEqual(row(h, "Jonas Dahl"), before)
        h.assertShows("ændret siden")
        h.press(.char("F"), .char("r"))
        XCTAssertTrue(row(h, "Jonas Dahl")?.contains(" 3 ") ?? false, h.numbered)
    }

    func testTheSectionExportsAsCSVForDanishSpreadsheets() throws {
        let saved = Saved()
        let h = try harness(saved: saved)
        h.press(.char("x"))
        XCTAssertTrue(h.statusLine.hasPrefix("Gemt som /home/x/enplan-caseload-2026-11-23.csv"), h.statusLine)
        XCTAssertTrue(saved.text.hasPrefix("\u{FEFF}"), "UTF-8 with a BOM")
        XCTAssertTrue(saved.text.contains(";") && saved.text.contains("Mette Kjær"))
        XCTAssertFalse(saved.text.contains("0101901234") || saved.text.contains("010190"), "no CPR numbers")
    }

    func testACaseworkerSeesTheirOwnCaseloadOnly() throws {
        let h = try harness("mette")
        XCTAssertNotNil(row(h, "Mette Kjær"), h.numbered)
        XCTAssertNil(row(h, "Jonas Dahl"), "no one else's: \(h.numbered)")
        h.assertShows("alle målgrupper · Mette Kjær")
        h.press(.char("m"))                                 // the targets are the team's
        XCTAssertFalse(h.statusLine.hasPrefix("Overblik: Mål"), h.statusLine)
    }

    func testMovingCitizensToAnotherCaseworkerPreviewsBothCaseloads() throws {
        let h = try harness()
        while !(h.screen.line(h.screen.cursor!.row).hasPrefix(" Mette Kjær")) { h.press(.down) }
        h.press(.enter)
        h.press(.char(" "), .char(" "))                     // mark the first two
        XCTAssertTrue(h.statusLine.contains("2 ✓"), h.statusLine)
        h.press(.char("o"))                                 // overdrag
        h.assertShows("Flyt borgere til en anden sagsbehandler (2)")
        h.press(.char("j"))                                 // to: Jonas (a letter picks the name)
        h.assertShows("Mette Kjær: 6 → 4")
        h.assertShows("Jonas Dahl: 2 → 4")
        h.press(.tab); h.type("Ferie og fordeling"); h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Borgerne er flyttet"), h.statusLine)
        let moved = h.service.state.citizens.values.filter { $0.responsible == "jonas" }.count
        XCTAssertEqual(moved, 4, "both moved, in one write")
        XCTAssertTrue(h.statusLine.hasPrefix("Borgerne er flyttet") || h.text.contains("4 · Borgerne bag"))
        h.press(.escape)
        XCTAssertTrue(row(h, "Jonas Dahl")?.contains(" 4 ") ?? false, "the figure took the move in:\n\(h.numbered)")
    }

    func testThreeFromDeeperGoesBackToTheOpenDashboard() throws {
        let h = try harness()
        while !(h.screen.line(h.screen.cursor!.row).hasPrefix(" Mette Kjær")) { h.press(.down) }
        h.press(.enter)
        h.assertShows("Borgerne bag")
        h.press(.char("3"))                                 // back down to the dashboard under the list
        XCTAssertTrue(h.statusLine.hasPrefix("Overblik: Sagsbelastning"), h.statusLine)
        XCTAssertTrue(h.screen.line(h.screen.cursor!.row).hasPrefix(" Mette Kjær"), "the same dashboard, cursor kept")
        h.press(.escape)
        h.assertShows("Navn▲")
    }
}

/// A figure that counts follow-ups says so over its list of citizens.
final class FigureUnitScreenTests: XCTestCase {
    func testTheListBehindAFollowUpCountSaysBothNumbers() throws {
        let h = try Harness(rows: 34, cols: 130)
        h.login("karen")
        h.press(.char("3"), .char("t"))
        h.assertShows("Overblik: Rettidighed")
        h.press(.enter)
        XCTAssertTrue(h.statusLine.range(of: #"^\d+ opfølgninger hos \d+ borgere · Borgerne bag: Rettidighed"#, options: .regularExpression) != nil, h.statusLine)
    }
}
