@_spi(Store) import EnPlanDomain
import XCTest
import TestSupport
@testable import EnPlanTUI

/// The screens draw no control character: `Canvas.put`, the one way text gets onto a screen,
/// shows each as its visible stand-in (ncurses shows C0 as ^X, but a C1 control or a bidi
/// override would pass raw to a UTF-8 terminal).
final class TerminalSafetyScreenTests: XCTestCase {
    static let hostile = "Søren \u{1B}[2J\u{1B}]0;x\u{07}\u{9B}31m\u{202E}Bo\nX"

    private func controls(_ c: Canvas) -> [String] {
        var found: [String] = []
        for row in 0..<c.rows {
            for col in 0..<c.cols where c.cell(row, col).text.unicodeScalars.contains(where: TerminalSafe.isControl) {
                found.append("row \(row), column \(col)")
            }
        }
        return found
    }

    func testACanvasShowsControlCharactersAsStandIns() {
        var c = Canvas(rows: 2, cols: 40)
        let used = c.put(Self.hostile, row: 0, col: 0)
        // A line break is the paragraph mark on a row (a long text may hold one), never a new line.
        XCTAssertEqual(c.line(0), "Søren ␛[2J␛]0;x␇�31m�Bo ¶ X")
        XCTAssertEqual(used, TextWidth.columns("Søren ␛[2J␛]0;x␇�31m�Bo ¶ X"))
        XCTAssertEqual(controls(c), [])
    }

    func testAnOlderVersionsNameIsShownHarmlesslyInTheList() throws {
        let h = try Harness(citizens: [])
        // As an older version took it: past the input rule, straight into the store.
        try h.service.store.transact(actor: "mette") { _ in
            [.init("c1", .citizenRegistered(cpr: "0101901234", name: Self.hostile, benefit: nil, responsible: "mette", sectors: [.employment]))]
        }
        h.login("mette")
        h.assertShows("Søren ␛[2J␛]0;x␇�31m�Bo ¶")            // the name column ends there
        XCTAssertEqual(controls(h.screen), [], h.numbered)
    }

    /// A note too long, or with an escape in it (as a paste may bring): the field takes no more
    /// than the rule and says so; the escape is refused beside the note field; nothing is appended.
    func testTheContactFormSaysAtTheNoteWhatIsWrongAndCutsNothing() throws {
        let h = try Harness(rows: 40, cols: 120)
        try h.service.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: nil), as: "mette")
        try h.service.execute(.createPlan(citizen: "c1", overallGoal: .education, ownWords: "Jeg vil være tømrer"), as: "mette")
        h.login("mette")
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        let before = try h.service.store.events(of: ["c1"]).count
        h.press(.char("c"))                                     // the contact form opens at the note
        h.type(String(repeating: "ø", count: 4001))
        h.assertShows("Højst 4000 tegn: resten blev ikke taget med")   // the field takes no more, and says so
        h.press(.ctrl("u")); h.type("Ringede \u{1B}]0;x\u{07}"); h.press(.tab, .enter)
        h.assertShows("Notatet indeholder et skjult styretegn")
        XCTAssertEqual(controls(h.screen), [], h.numbered)
        XCTAssertEqual(try h.service.store.events(of: ["c1"]).count, before, "nothing appended")
    }
}
