@_spi(Store) import EnPlanDomain
import Foundation
import XCTest
import TestSupport
@testable import EnPlanTUI

/// `P` with more than one printer: a chooser, the person's own printer marked and chosen to start
/// with, Enter prints, Esc prints nothing, the choice is kept for the session.
final class PrinterChoiceTests: XCTestCase {
    func testWhatPDoesByTheNumberOfPrinters() {
        XCTAssertEqual(Printers(queues: [], own: nil).decide(remembered: nil), .none)
        XCTAssertEqual(Printers(queues: ["A"], own: nil).decide(remembered: nil), .print(on: "A"))
        XCTAssertEqual(Printers(queues: ["A"], own: "A").decide(remembered: "B"), .print(on: "A"))
        // The settings' queue CUPS does not list is still offered (lp says if it is wrong): as before.
        XCTAssertEqual(Printers(queues: [], own: "Jobcenter").decide(remembered: nil), .print(on: "Jobcenter"))
        XCTAssertEqual(Printers(queues: ["A", "B"], own: "C").decide(remembered: nil), .ask(queues: ["C", "A", "B"], selected: 0, own: 0))
        // More than one: the own one chosen to start with and marked; else the first.
        XCTAssertEqual(Printers(queues: ["A", "B", "C"], own: "B").decide(remembered: nil), .ask(queues: ["A", "B", "C"], selected: 1, own: 1))
        XCTAssertEqual(Printers(queues: ["A", "B", "C"], own: nil).decide(remembered: nil), .ask(queues: ["A", "B", "C"], selected: 0, own: nil))
        // The one chosen earlier in the session wins, while it is there.
        XCTAssertEqual(Printers(queues: ["A", "B", "C"], own: "B").decide(remembered: "C"), .ask(queues: ["A", "B", "C"], selected: 2, own: 1))
        XCTAssertEqual(Printers(queues: ["A", "B", "C"], own: "B").decide(remembered: "gone"), .ask(queues: ["A", "B", "C"], selected: 1, own: 1))
        XCTAssertEqual(Printers(queues: ["A", "A", "", "B"], own: nil).decide(remembered: nil), .ask(queues: ["A", "B"], selected: 0, own: nil))
    }

    func testTheChooserMovesWithArrowsAndJKAndClosesWithEsc() {
        var c = Chooser(title: "t", items: ["A", "B", "C"], selected: 1, marked: 1, mark: "standard for dig")
        XCTAssertEqual(c.shown(1), "B  (standard for dig)")
        XCTAssertEqual(c.handle(.char("j")), .none); XCTAssertEqual(c.selected, 2)
        XCTAssertEqual(c.handle(.down), .none); XCTAssertEqual(c.selected, 2, "stops at the last")
        XCTAssertEqual(c.handle(.char("k")), .none); XCTAssertEqual(c.handle(.up), .none); XCTAssertEqual(c.selected, 0)
        XCTAssertEqual(c.handle(.char("G")), .none); XCTAssertEqual(c.selected, 2)
        XCTAssertEqual(c.handle(.char("x")), .none, "other keys do nothing")
        XCTAssertEqual(c.handle(.enter), .choose(2))
        XCTAssertEqual(c.handle(.escape), .cancel)
    }

    /// What the test's printing got: the queue asked for and the PostScript, one a job.
    final class Spool: @unchecked Sendable {
        var jobs: [(queue: String?, title: String, ps: String)] = []
    }

    /// mette's plan for Søren Sørensen open, three printers, hers ("Jobcenter-2sal") by the settings.
    private func harness(queues: [String] = ["Borgerservice-1", "Jobcenter-2sal", "Jobcenter-3sal"], own: String? = "Jobcenter-2sal",
                         spool: Spool) throws -> Harness {
        let h = try Harness(rows: 40, cols: 120)
        try h.service.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: nil), as: "mette")
        try h.service.execute(.createPlan(citizen: "c1", overallGoal: .employment, ownWords: "Arbejde"), as: "mette")
        h.app.options.printers = { _ in Printers(queues: queues, own: own) }
        h.app.options.printDocument = { _, queue, title, ps in
            spool.jobs.append((queue, title, ps))
            let q = queue ?? own ?? "standard"
            return (q, "\(q)-\(spool.jobs.count)")
        }
        h.login("mette")
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.assertShows("Ansvarlig sagsbehandler")
        return h
    }

    private func printed(_ h: Harness) throws -> [String] {
        try h.service.auditTrail(as: "admin").filter { $0.type == "Exported" && (try? $0.data.string("what")) == "plan-printed" }
            .map { (try? $0.data.string("reason")) ?? "" }
    }

    /// The row the cursor is on (the chooser puts it on the selected printer).
    private func cursorLine(_ h: Harness) -> String {
        let c = h.screen
        return c.cursor.map { c.line($0.row) } ?? ""
    }

    func testPAsksWhichPrinterPrintsOnTheChosenOneAndRemembersIt() throws {
        let spool = Spool()
        let h = try harness(spool: spool)
        h.press(.char("P"))
        h.assertShows("Hvilken printer skal det udskrives på?")
        h.assertShows("Din plan: Søren Sørensen")
        h.assertShows("Jobcenter-2sal  (standard for dig)")
        h.assertShows("Borgerservice-1")
        h.assertShows("Jobcenter-3sal")
        XCTAssertTrue(cursorLine(h).contains("Jobcenter-2sal"), "hers is chosen to start with:\n\(h.numbered)")
        XCTAssertTrue(h.keyBar.contains("Enter Udskriv") && h.keyBar.contains("Annullér"), h.keyBar)
        XCTAssertTrue(spool.jobs.isEmpty, "nothing printed before the choice")

        // Another printer, by k (up): Borgerservice-1.
        h.press(.char("k"))
        XCTAssertTrue(cursorLine(h).contains("Borgerservice-1"), h.numbered)
        h.press(.enter)
        h.assertHides("Hvilken printer")
        h.assertShows("Planen er sendt til printeren Borgerservice-1 (job Borgerservice-1-1)")
        XCTAssertEqual(spool.jobs.count, 1)
        XCTAssertEqual(spool.jobs[0].queue, "Borgerservice-1")
        XCTAssertTrue(spool.jobs[0].ps.hasPrefix("%!PS-Adobe-3.0"))
        XCTAssertEqual(try printed(h), ["Borgerservice-1 · Borgerservice-1-1"], "the queue and the job in the audit record")

        // The next P starts on the one chosen; Esc prints nothing and logs nothing.
        h.press(.char("P"))
        XCTAssertTrue(cursorLine(h).contains("Borgerservice-1"), "remembered:\n\(h.numbered)")
        h.assertShows("Jobcenter-2sal  (standard for dig)")
        h.press(.escape)
        h.assertHides("Hvilken printer")
        h.assertShows("Der blev ikke udskrevet noget")
        h.assertShows("Ansvarlig sagsbehandler", "back on the plan")
        XCTAssertEqual(spool.jobs.count, 1)
        XCTAssertEqual(try printed(h).count, 1)

        // Down twice (↓ and j) to the last, Enter.
        h.press(.char("P"), .down, .char("j"), .enter)
        XCTAssertEqual(spool.jobs.last?.queue, "Jobcenter-3sal")
        h.assertShows("Planen er sendt til printeren Jobcenter-3sal")
        // The choice outlives leaving the plan and a lock (the session is kept).
        h.press(.function(12)); h.type("demo"); h.press(.enter)
        h.assertShows("Ansvarlig sagsbehandler")
        h.press(.char("P"))
        XCTAssertTrue(cursorLine(h).contains("Jobcenter-3sal"), h.numbered)
        // The lock closes an open chooser; nothing printed by it.
        h.press(.function(12))
        h.assertShows("Skærmen er låst")
        h.type("demo"); h.press(.enter)
        h.assertHides("Hvilken printer")
        XCTAssertEqual(spool.jobs.count, 2)
    }

    func testOnePrinterPrintsAtOnceAndNoneSaysAskIT() throws {
        let spool = Spool()
        let h = try harness(queues: ["Jobcenter-2sal"], spool: spool)
        h.press(.char("P"))
        h.assertHides("Hvilken printer")
        h.assertShows("Planen er sendt til printeren Jobcenter-2sal (job Jobcenter-2sal-1)")
        XCTAssertEqual(spool.jobs.map(\.queue), ["Jobcenter-2sal"])

        let none = Spool()
        let n = try harness(queues: [], own: nil, spool: none)
        n.press(.char("P"))
        n.assertHides("Hvilken printer")
        n.assertShows("Der er ingen printer sat op til EnPlan: spørg IT")
        XCTAssertTrue(none.jobs.isEmpty)
        XCTAssertEqual(try printed(n), [])
    }

    func testTheChooserInEnglishAndInASmallTerminal() throws {
        let spool = Spool()
        let h = try harness(queues: (1...30).map { "Printer-\($0)" }, own: "Printer-25", spool: spool)
        h.press(.escape)
        h.press(.char(":")); h.type("lang en"); h.press(.enter)
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.press(.char("P"))
        h.assertShows("Which printer should it be printed on?")
        h.assertShows("Printer-25  (your default)")
        XCTAssertTrue(cursorLine(h).contains("Printer-25"), h.numbered)
        // The smallest terminal: the list scrolls, the selection shows.
        h.terminal.size = (App.minimumSize.rows, App.minimumSize.cols)
        h.press(.resize)
        XCTAssertTrue(cursorLine(h).contains("Printer-25"), h.numbered)
        h.press(.char("g"))
        XCTAssertTrue(cursorLine(h).contains("Printer-1 ") || cursorLine(h).hasSuffix("Printer-1"), h.numbered)
        h.press(.enter)
        XCTAssertEqual(spool.jobs.map(\.queue), ["Printer-1"])
    }

    func testTheAccessReportIsPrintedThroughTheSameChooser() throws {
        let spool = Spool()
        let h = try Harness(rows: 34, cols: 140)
        h.app.options.printers = { _ in Printers(queues: ["A-1", "B-2"], own: "B-2") }
        h.app.options.printDocument = { _, queue, title, ps in spool.jobs.append((queue, title, ps)); return (queue ?? "?", "job-9") }
        _ = try h.service.citizen("c1", as: "jonas", reason: "Borgeren ringede til os", purpose: "plan")
        h.login("karen")
        h.press(.char(":")); h.type("audit"); h.press(.enter)
        h.press(.enter)
        h.assertShows("Borgerens opslagslog: Søren Sørensen")
        h.press(.char("P"))
        h.assertShows("B-2  (standard for dig)")
        h.press(.enter)
        h.assertShows("Dokumentet er sendt til printeren B-2 (job job-9)")
        XCTAssertEqual(spool.jobs.map(\.queue), ["B-2"])
        XCTAssertTrue(try h.service.auditTrail(as: "admin").contains {
            $0.type == "Exported" && (try? $0.data.string("what")) == "access-report" && (try? $0.data.string("reason")) == "B-2 · job-9"
        })
    }
}
