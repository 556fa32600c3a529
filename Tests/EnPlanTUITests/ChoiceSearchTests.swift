import EnPlanDomain
import XCTest
@testable import EnPlanTUI

/// Typing in a choice field searches its choices (the start of a choice or of one of its words,
/// æøå folded as the list's search folds them); the same letter again goes on to the next.
final class ChoiceSearchTests: XCTestCase {
    private func form() -> Form {
        Form(title: "T", fields: [
            .text("note", "Note"),
            .choice("user", "Bruger", ["mette", "jonas", "soeren", "sara", "aase"],
                    shown: ["Mette Kjær, beskæftigelse", "Jonas Dahl, social", "Søren Ørum, sundhed", "Sara Dahl, social", "Aase Ærø, familie"]),
        ])
    }

    func testLettersSearchAndTheSameLetterGoesOn() {
        var f = form()
        _ = f.handle(.tab)
        for c in "so" { _ = f.handle(.char(c)) }
        XCTAssertEqual(f["user"], "soeren", "“so”: Søren, folded")
        _ = f.handle(.char("c"))
        XCTAssertEqual(f["user"], "sara", "“soc”: no name starts so; the next (from Søren) with a word that does: social")
        XCTAssertEqual(f.choiceSearch, "soc")
        var g = form(); _ = g.handle(.tab)
        for c in "kj" { _ = g.handle(.char(c)) }
        XCTAssertEqual(g["user"], "mette", "a word's start: Kjær")
        var h = form(); _ = h.handle(.tab)
        _ = h.handle(.char("s")); XCTAssertEqual(h["user"], "soeren")
        _ = h.handle(.char("s")); XCTAssertEqual(h["user"], "sara", "the same letter again: the next that starts with it")
        _ = h.handle(.char("æ")); XCTAssertEqual(h["user"], "aase", "Ærø by æ")
        _ = h.handle(.char("q")); XCTAssertEqual(h["user"], "aase", "nothing matches: the choice stays")
        XCTAssertEqual(h.choiceSearch, "")
        // Shown beside the field while typing; gone when the focus moves.
        _ = h.handle(.char("d"))
        var c = Canvas(rows: 8, cols: 80)
        h.render(into: &c, top: 0, left: 0, width: 80, strings: Strings(.da))
        XCTAssertTrue(c.text.contains("‹ Jonas Dahl, social › ←/→ · d"), c.text)
        _ = h.handle(.tab)
        XCTAssertEqual(h.choiceSearch, "")
    }
}
