import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain
@testable import EnPlanTUI

/// The audit screen: lookups with the reasoned and refused ones first, filters, spot checks and
/// the citizen's access report.
final class AuditScreenTests: XCTestCase {
    /// mette looks at Søren (hers), jonas at Søren with a reason (not his), jonas is refused Åse.
    private func harness() throws -> Harness {
        let h = try Harness(rows: 34, cols: 140)
        _ = try h.service.citizen("c1", as: "mette", purpose: "plan")
        _ = try h.service.citizen("c1", as: "jonas", reason: "Borgeren ringede til os", purpose: "plan")
        XCTAssertThrowsError(try h.service.citizen("c2", as: "jonas", purpose: "plan"))
        h.login("karen")
        h.press(.char(":")); h.type("audit"); h.press(.enter)
        return h
    }

    private func rows(_ h: Harness) -> [String] { (2..<(h.screen.rows - 2)).map { h.screen.line($0) }.filter { !$0.isEmpty } }

    func testReasonedAndRefusedLooksComeFirst() throws {
        let h = try harness()
        XCTAssertTrue(h.statusLine.hasPrefix("Opslagslog:"), h.statusLine)
        let r = rows(h)
        XCTAssertTrue(r.first?.contains("Jonas Dahl") == true && r.first?.contains("⚠ BEGRUNDET: Borgeren ringede til os") == true, h.numbered)
        XCTAssertTrue(r.dropFirst().first?.contains("✖ AFVIST: ingen arbejdsrelation og ingen begrundelse") == true, "in Danish: \(h.numbered)")
        XCTAssertFalse(h.text.contains("no work relation"), h.numbered)
        h.assertShows("Opslag")
        h.assertShows("Søren Sørensen")
        XCTAssertFalse(h.text.contains("(c1)"), "no internal ids: \(h.numbered)")
    }

    func testFiltersByCitizenUserAndKind() throws {
        let h = try harness()
        h.press(.char("/")); h.type("søren"); h.press(.enter)
        XCTAssertFalse(rows(h).contains { $0.contains("Åse") }, h.numbered)
        h.press(.char("t"))                                  // kind: looks
        XCTAssertTrue(rows(h).allSatisfy { $0.contains("Opslag") }, h.numbered)
        h.press(.char("u"))                                  // the first user in the records
        h.assertShows("Opslagslog · de sidste 30 dage · Opslag · ")
    }

    func testDatesOfOnesOwn() throws {
        let h = try harness()
        h.press(.char("D"))
        h.assertShows("Fra:")
        h.type("01-11-2026"); h.press(.tab); h.type("20-11-2026"); h.press(.enter)
        h.assertShows("Opslagslog · 01-11-2026 – 20-11-2026")
        h.assertShows("Ingen opslag med dette filter.")
        h.press(.char("D"), .tab); h.type("23-11-2026"); h.press(.enter)
        h.assertShows("⚠ BEGRUNDET")
        h.press(.char("D")); h.type("24-11-2026"); h.press(.tab); h.type("23-11-2026"); h.press(.enter)
        h.assertShows("Fra > Til", "a period that runs backwards is refused at the field")
    }

    func testASpotCheckIsDrawnJudgedAndCounted() throws {
        let h = try harness()
        h.press(.char("s"), .char("n"))
        XCTAssertTrue(rows(h).contains { $0.contains("· ikke vurderet") }, h.numbered)
        h.press(.char("a"))
        h.assertShows("✓ arbejdsrelateret")
        XCTAssertTrue(h.statusLine.hasPrefix("Stikprøven er gemt"), h.statusLine)
        h.press(.char("f"))                                  // a flag says why: the note first
        h.assertShows("Markér opslaget til opfølgning")
        h.press(.enter)
        h.assertShows("skal udfyldes")                       // required
        h.type("Opslag uden sag i teamet"); h.press(.enter)
        h.assertShows("⚑ markeret til opfølgning")
        XCTAssertTrue(try h.service.auditTrail(as: "admin").contains { $0.type == "SpotChecked" && (try? $0.data.string("note")) == "Opslag uden sag i teamet" })
        h.press(.up)                                         // the message gives way to the tab's own line
        XCTAssertTrue(h.statusLine.contains("november 2026: 2"), "months in words: \(h.statusLine)")
        h.press(.char("l"), .char("t"), .char("t"), .char("t"), .char("t"), .char("t"), .char("t"))   // kind: spot checks
        XCTAssertEqual(rows(h).filter { $0.contains("Stikprøve") }.count, 2, h.numbered)
    }

    func testTheCitizensAccessReportInPlainDanish() throws {
        let h = try harness()
        h.press(.enter)                                      // the first record's citizen: Søren
        h.assertShows("Borgerens opslagslog: Søren Sørensen")
        h.assertShows("Borgeren ringede til os")
        h.assertHides("Jonas Dahl", "units only, unless the setting names staff")
        h.press(.char("n"))
        h.assertShows("Jonas Dahl")
        h.press(.escape)
        XCTAssertTrue(h.statusLine.hasPrefix("Opslagslog:"), h.statusLine)
    }

    func testCaseworkersHaveNoAuditScreen() throws {
        let h = try Harness()
        h.login("mette")
        h.press(.char(":")); h.type("audit"); h.press(.enter)
        XCTAssertTrue(h.statusLine.contains("Opslagsloggen er for ledere og administratorer."), h.statusLine)
        h.assertShows("Navn▲")
    }
}

/// The audit screen keeps the looks at citizens in view: the screens' own reads of figures are
/// left out at first, and changing the filter is no new logged read of the log.
final class QuietAuditScreenTests: XCTestCase {
    func testFigureReadsAreLeftOutAndFilterChangesAreNoNewLooks() throws {
        let h = try Harness(rows: 34, cols: 140)
        for _ in 0..<5 { _ = try h.service.figures(.caseload, filter: FigureFilter(period: Period.named(.thisQuarter, today: h.service.today)), as: "karen") }
        _ = try h.service.citizen("c1", as: "mette", purpose: "plan")
        h.login("karen")
        h.press(.char(":")); h.type("audit"); h.press(.enter)
        h.assertShows("Opslag")
        h.assertHides("Tal læst")
        let reads = { try h.service.auditTrail(as: "admin").filter { $0.type == "AuditRead" }.count }
        let before = try reads()
        h.press(.char("t"), .char("t"), .char("t"))
        XCTAssertEqual(try reads() - before, 1, "three filter changes, no new look (the count includes admin's own trail read)")
        for _ in 0..<4 { h.press(.char("t")) }                // round to "everything"
        h.assertShows("Tal læst")
    }
}

/// The citizen's access report reaches the citizen: saved to the outbox (or printed), and logged.
final class AccessReportExportTests: XCTestCase {
    func testTheReportGoesToTheOutboxAndIsLogged() throws {
        final class Box: @unchecked Sendable { var name = "", text = "" }
        let box = Box()
        let h = try Harness(rows: 34, cols: 140, saveExport: { name, text in box.name = name; box.text = text; return name })
        _ = try h.service.citizen("c1", as: "jonas", reason: "Borgeren ringede til os", purpose: "plan")
        h.login("karen")
        h.press(.char(":")); h.type("audit"); h.press(.enter)
        h.press(.enter)
        h.assertShows("Borgerens opslagslog: Søren Sørensen")
        h.press(.char("x"))
        h.assertShows("Opslagsloggen er gemt som enplan-opslagslog-c1-")
        XCTAssertTrue(box.text.contains("Opslag i dine oplysninger: Søren Sørensen") && box.text.contains("Borgeren ringede til os"), box.text)
        XCTAssertTrue(try h.service.auditTrail(as: "admin").contains { $0.type == "Exported" && (try? $0.data.string("what")) == "access-report" })
        h.press(.char("P"))
        h.assertShows("Der er ingen printer sat op til EnPlan")      // no printer in the harness: said, not silent
    }
}
