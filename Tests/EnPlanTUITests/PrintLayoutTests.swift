@_spi(Store) import EnPlanDomain
import Foundation
import XCTest
import TestSupport
@testable import EnPlanTUI

/// Paper breaks by the document's shape: a heading never ends a page, a decision's appeal
/// guidance is not split when it fits on a page, and every line is printed once, in order.
final class PrintPageBreakTests: XCTestCase {
    /// A document: `sections` of (heading, body lines, blocks as (offset in the body, length)).
    private func document(_ sections: [(title: String, body: Int, blocks: [(at: Int, count: Int)])], lead: Int = 0) -> DocumentText {
        var d = DocumentText()
        for i in 0..<lead { d.append("indledning \(i)") }
        for s in sections {
            if !d.lines.isEmpty { d.append("") }
            d.heading([s.title, String(repeating: "-", count: s.title.count)])
            var i = 0
            while i < s.body {
                if let b = s.blocks.first(where: { $0.at == i }) {
                    let start = d.lines.count
                    for j in 0..<b.count { d.append("\(s.title) blok \(i) linje \(j)") }
                    d.keepTogether(from: start)
                    i += b.count
                } else {
                    d.append("\(s.title) linje \(i)")
                    i += 1
                }
            }
        }
        return d
    }

    /// Every line once, in order, on pages neither empty nor longer than a page.
    private func assertCovers(_ pages: [Range<Int>], _ d: DocumentText, size: Int = PrintLayout.linesPerPage,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(pages.first?.lowerBound, 0, file: file, line: line)
        XCTAssertEqual(pages.last?.upperBound, d.lines.count, file: file, line: line)
        for (a, b) in zip(pages, pages.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound, "pages follow on", file: file, line: line) }
        for p in pages {
            XCTAssertFalse(p.isEmpty, "no empty page: \(pages)", file: file, line: line)
            XCTAssertLessThanOrEqual(p.count, size, "no page longer than \(size): \(pages)", file: file, line: line)
        }
    }

    private func page(of line: Int, _ pages: [Range<Int>]) -> Int { pages.firstIndex { $0.contains(line) }! }

    func testAHeadingWithTooFewLinesUnderItGoesToTheNextPage() throws {
        // Section A fills lines 0-55; a blank; B's heading at 57-58 would have one line under it on page 1.
        let d = document([("Afsnit A", 54, []), ("Afsnit B", 10, [])])
        let b = d.sections[1]
        XCTAssertEqual(b.heading, 57..<59)
        XCTAssertEqual(d.lines[56], "", "the blank before the heading")
        let pages = PrintLayout.pages(d)
        assertCovers(pages, d)
        XCTAssertEqual(pages[0], 0..<57, "the blank stays, the heading goes on")
        XCTAssertEqual(pages[1].lowerBound, 57)
        // Three lines under it fit: it stays.
        let fits = document([("Afsnit A", 51, []), ("Afsnit B", 10, [])])
        XCTAssertEqual(fits.sections[1].heading, 54..<56)
        XCTAssertEqual(PrintLayout.pages(fits)[0], 0..<60)
    }

    func testAShortSectionGoesWholeWithItsHeading() throws {
        // B has two lines: both must be under its heading on its page (or it moves).
        let d = document([("Afsnit A", 54, []), ("Afsnit B", 2, []), ("Afsnit C", 5, [])])
        let pages = PrintLayout.pages(d)
        assertCovers(pages, d)
        let b = d.sections[1]
        XCTAssertEqual(b.heading.lowerBound, 57)
        XCTAssertEqual(pages[0], 0..<57)
        XCTAssertEqual(page(of: b.heading.lowerBound, pages), page(of: b.body.upperBound - 1, pages), "\(pages) \(b)")
    }

    func testAnAppealBlockIsNotSplitWhenItFits() throws {
        // A 12-line decision-and-guidance block starting at line 52 would be cut at 60.
        let d = document([("Afgørelser", 40, [(at: 30, count: 12)])], lead: 20)
        let block = try XCTUnwrap(d.blocks.first)
        XCTAssertTrue(block.lowerBound < 60 && block.upperBound > 60, "the block straddles the blind break: \(block)")
        let pages = PrintLayout.pages(d)
        assertCovers(pages, d)
        XCTAssertEqual(page(of: block.lowerBound, pages), page(of: block.upperBound - 1, pages), "\(pages) \(block)")
        XCTAssertEqual(pages[0].upperBound, block.lowerBound)
    }

    func testABlockLongerThanAPageIsCutAndNothingIsLost() throws {
        let d = document([("Afgørelser", 150, [(at: 5, count: 130)])])
        let pages = PrintLayout.pages(d)
        assertCovers(pages, d)
        XCTAssertEqual(pages.map(\.count), [60, 60, 32])
    }

    func testAHeadingIsNotLeftAloneForABlockThatCannotShareItsPage() throws {
        // Heading + 59-line block = 61 lines: the block is cut, the heading keeps three lines under it.
        let d = document([("Afsnit A", 30, []), ("Afgørelser", 65, [(at: 0, count: 59)])])
        let pages = PrintLayout.pages(d)
        assertCovers(pages, d)
        let h = d.sections[1].heading
        let p = pages[page(of: h.lowerBound, pages)]
        XCTAssertGreaterThanOrEqual(p.upperBound - h.upperBound, PrintLayout.linesAfterHeading, "\(pages)")
    }

    /// Many shapes (a fixed seed, the same every run): the rules hold for every one.
    func testTheRulesHoldForManyDocuments() throws {
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for size in [60, 20, 7] {
            for _ in 0..<300 {
                var sections: [(title: String, body: Int, blocks: [(at: Int, count: Int)])] = []
                for s in 0..<(1 + next(8)) {
                    let body = next(size * 2)
                    var blocks: [(at: Int, count: Int)] = []
                    var at = next(4)
                    while at < body {
                        let count = 1 + next(min(body - at, size + 10))
                        if next(2) == 0 { blocks.append((at, count)) }
                        at += count + next(5)
                    }
                    sections.append(("Afsnit \(s)", body, blocks.filter { $0.at + $0.count <= body }))
                }
                let d = document(sections, lead: next(3))
                let pages = PrintLayout.pages(d, linesPerPage: size)
                assertCovers(pages, d, size: size)
                for s in d.sections {
                    let p = pages[page(of: s.heading.lowerBound, pages)]
                    XCTAssertTrue(p.contains(s.heading.upperBound - 1), "a heading on one page: \(pages) \(s)")
                    let under = min(p.upperBound, s.body.upperBound) - s.heading.upperBound
                    XCTAssertGreaterThanOrEqual(under, min(PrintLayout.linesAfterHeading, s.body.count), "heading orphaned: \(pages) \(s)")
                }
                for b in d.blocks where b.count <= size - 2 - PrintLayout.linesAfterHeading {
                    XCTAssertEqual(page(of: b.lowerBound, pages), page(of: b.upperBound - 1, pages), "block split: \(pages) \(b)")
                }
            }
        }
    }

    // MARK: the real documents

    /// The PostScript's pages: each page's printed lines (as written, Latin-1 escaped), without the header.
    private func printedPages(_ ps: String) -> [[String]] {
        ps.components(separatedBy: "%%Page: ").dropFirst().map { page in
            page.split(separator: "\n").compactMap { l -> String? in
                guard l.hasPrefix("("), l.hasSuffix(" L"), !l.hasSuffix(" 800 L"), let close = l.range(of: ") ", options: .backwards) else { return nil }
                return String(l[l.index(after: l.startIndex)..<close.lowerBound])
            }
        }
    }

    func testThePlanForTheCitizenKeepsEachDecisionWithItsGuidanceOnPaper() throws {
        let h = try Harness(rows: 40, cols: 120)
        let s = h.service, today = s.today
        try s.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: nil), as: "mette")
        try s.execute(.createPlan(citizen: "c1", overallGoal: .employment, ownWords: "Arbejde"), as: "mette")
        for i in 0..<9 { try s.execute(.addGoal(citizen: "c1", area: .job, text: "Delmål nummer \(i) med en tekst, der fylder en hel del på linjen"), as: "mette") }
        for i in 0..<16 {
            try s.execute(.recordDecision(citizen: "c1", legalArea: i % 2 == 0 ? .lab : .sel, date: today + -i, text: "Afgørelse \(i): bevilget", appealDeadline: nil), as: "mette")
        }
        let detail = try s.citizen("c1", as: "mette", purpose: "export", logged: false)
        let d = PlanDocument.document(detail, names: Names(s, Strings(.da)), strings: Strings(.da), format: .text,
                                      letterhead: .init(municipality: "Roskilde Kommune"))
        XCTAssertEqual(d.text, PlanDocument.render(detail, names: Names(s, Strings(.da)), strings: Strings(.da), format: .text,
                                                   letterhead: .init(municipality: "Roskilde Kommune")), "the screen's and the paper's text are one")
        // The structure is the document's own: headings, and one block a decision.
        XCTAssertEqual(d.blocks.count, 16)
        for b in d.blocks {
            XCTAssertTrue(d.lines[b.lowerBound].contains("Afgørelse "), d.lines[b].joined(separator: "\n"))
            XCTAssertTrue(d.lines[b.upperBound - 1].contains("senest"), "the guidance ends the block: \(d.lines[b].joined(separator: "\n"))")
        }
        let headings = d.sections.map { d.lines[$0.heading.lowerBound] }
        XCTAssertTrue(headings.contains("Afgørelser") && headings.contains("Din kontakt i kommunen"), "\(headings)")
        XCTAssertGreaterThan(d.lines.count, 2 * PrintLayout.linesPerPage, "the test needs pages to break")
        XCTAssertTrue(d.blocks.contains { $0.lowerBound / PrintLayout.linesPerPage != ($0.upperBound - 1) / PrintLayout.linesPerPage },
                      "cut blindly, a decision's guidance would be split: \(d.blocks)")

        let pages = PrintLayout.pages(d)
        assertCovers(pages, d)
        for b in d.blocks { XCTAssertEqual(page(of: b.lowerBound, pages), page(of: b.upperBound - 1, pages), "a decision's guidance split: \(pages) \(b)") }
        for sec in d.sections {
            let p = pages[page(of: sec.heading.lowerBound, pages)]
            XCTAssertGreaterThanOrEqual(min(p.upperBound, sec.body.upperBound) - sec.heading.upperBound, min(3, sec.body.count), "\(pages) \(sec)")
        }
        // On paper: every line once, in order, page by page as laid out.
        let ps = PrintLayout.postScript(d, header: "Roskilde Kommune · Din plan: Søren Sørensen", title: "t", strings: Strings(.da))
        let printed = printedPages(ps)
        XCTAssertEqual(printed.count, pages.count)
        XCTAssertTrue(ps.contains("%%Pages: \(pages.count)\n") && ps.contains("(Side \(pages.count) af \(pages.count))"))
        XCTAssertEqual(printed.flatMap { $0 }, d.lines.map(PrintLayout.latin1))
        XCTAssertEqual(printed.map(\.count), pages.map(\.count))
    }

    func testTheAccessReportEndsWithItsLastLookOnOnePage() throws {
        let h = try Harness()
        // Looks until the last one is the page's last line (59), the blank and the total after it:
        // cut blindly, the total would stand alone on page 2.
        var n = 0
        func report() throws -> (AccessReport, DocumentText) {
            let r = try h.service.accessReport(citizen: "c1", as: "karen")
            return (r, r.document(names: false, format: .text))
        }
        var (r, d) = try report()
        while d.lines.count < 62 {
            _ = try h.service.citizen("c1", as: n % 2 == 0 ? "mette" : "karen", purpose: "plan")
            n += 1
            (r, d) = try report()
        }
        XCTAssertEqual(d.lines.count, 62, d.text)
        XCTAssertEqual(d.text, r.render(names: false, format: .text))
        XCTAssertTrue(d.lines[61].hasPrefix("I alt ") && d.lines[60].isEmpty, d.text)
        let pages = PrintLayout.pages(d)
        assertCovers(pages, d)
        XCTAssertGreaterThanOrEqual(pages.count, 2, "\(d.lines.count) lines")
        XCTAssertGreaterThanOrEqual(pages.last!.count, 3, "the total is not alone on its page: \(pages)")
        let printed = printedPages(PrintLayout.postScript(d, header: "Opslag", title: "t", strings: Strings(.da)))
        XCTAssertEqual(printed.flatMap { $0 }, d.lines.map(PrintLayout.latin1))
    }
}
