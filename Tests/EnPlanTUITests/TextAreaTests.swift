@_spi(Store) import EnPlanDomain
import XCTest
import TestSupport
@testable import EnPlanTUI

/// Long texts (a note, the citizen's own words, findings, a decision) are text areas: several
/// lines, Enter a new line, ↑/↓ between lines, a paste keeps its lines; one-line views show a
/// break as " ¶ ", documents as lines of their own.
final class TextAreaTests: XCTestCase {
    func testLinesWrapAtSpacesAndBreakAWordWiderThanTheBox() {
        func lines(_ s: String, _ w: Int) -> [String] { Form.areaLines(s, width: w).map { String(Array(s)[$0]) } }
        XCTAssertEqual(lines("", 10), [""])
        XCTAssertEqual(lines("Ringede om praktik", 10), ["Ringede om ", "praktik"], "the space at a wrap ends the line (not drawn)")
        XCTAssertEqual(lines("Ringede om praktik", 9), ["Ringede ", "om ", "praktik"])
        XCTAssertEqual(lines("a\n\nb", 10), ["a", "", "b"], "an empty paragraph is an empty line")
        XCTAssertEqual(lines("abcdefghijkl", 5), ["abcde", "fghij", "kl"], "a word wider than the box is broken")
        // Wide characters count two columns: 🙂 and 李 take two each.
        XCTAssertEqual(lines("李小龙🙂ø", 6), ["李小龙", "🙂ø"])
        XCTAssertEqual(lines("æøå\n", 10), ["æøå", ""], "after a final break the cursor has a line of its own")
    }

    func testEnterIsANewLineArrowsMoveBetweenLinesAndOutOfTheArea() {
        var f = Form(title: "T", fields: [.area("note", "Notat"), .text("other", "Andet", required: false)])
        for c in "Ringede" { _ = f.handle(.char(c)) }
        XCTAssertEqual(f.handle(.enter), .none, "Enter in a text area does not save")
        for c in "Aftalt møde" { _ = f.handle(.char(c)) }
        XCTAssertEqual(f["note"], "Ringede\nAftalt møde")
        // ↑ goes to the same column of the line above (or its end), and types there.
        _ = f.handle(.up)
        XCTAssertEqual(f.focusedKey, "note")
        _ = f.handle(.char("!"))
        XCTAssertEqual(f["note"], "Ringede!\nAftalt møde")
        _ = f.handle(.home); _ = f.handle(.down)
        XCTAssertEqual(f.cursor, 9, "the start of the second line (after \"Ringede!\" and its break)")
        _ = f.handle(.char(">"))
        XCTAssertEqual(f["note"], "Ringede!\n>Aftalt møde")
        // Home and End keep to the cursor's line.
        _ = f.handle(.end)
        XCTAssertEqual(f.cursor, f["note"].count, "the end of the second line")
        _ = f.handle(.up); _ = f.handle(.end)
        XCTAssertEqual(f.cursor, 8, "the end of the first line, before its break")
        _ = f.handle(.home)
        XCTAssertEqual(f.cursor, 0)
        _ = f.handle(.down)
        // From the last line ↓ leaves the area; from the first ↑ does (round to the last field).
        _ = f.handle(.down)
        XCTAssertEqual(f.focusedKey, "other")
        _ = f.handle(.up)
        XCTAssertEqual(f.focusedKey, "note")
        // Enter in another field saves; the value keeps its line, trimmed at its ends.
        _ = f.handle(.enter)
        _ = f.handle(.tab)
        XCTAssertEqual(f.handle(.enter), .save)
        XCTAssertEqual(f.value("note"), "Ringede!\n>Aftalt møde")
    }

    func testTheAreaIsDrawnOnSeveralRowsScrolledToTheCursorAndTheHintSaysHowToLeave() {
        var f = Form(title: "Registrér kontakt", fields: [.area("note", "Notat"), .date("date", "Dato", "23-11-2026")])
        f.inputWidth = 20
        _ = f.handle(.paste((1...6).map { "Linje \($0)" }.joined(separator: "\n")))
        var c = Canvas(rows: 14, cols: 60)
        f.render(into: &c, top: 0, left: 0, width: 60, strings: Strings(.da))
        // Four rows; the cursor on the last line, so lines 3-6 show, with ▲ for what is above.
        XCTAssertTrue(c.line(2).contains("Notat:") && c.line(2).contains("Linje 3"), c.text)
        XCTAssertTrue(c.line(5).contains("Linje 6"), c.text)
        XCTAssertTrue(c.text.contains("▲"), c.text)
        XCTAssertEqual(c.cursor?.row, 5)
        XCTAssertTrue(c.line(6).contains("Dato:"), "the next field under the area's four rows:\n\(c.text)")
        XCTAssertTrue(c.text.contains("Enter: ny linje"), c.text)
        // Unfocused: from its first line, ▼ for more below; the form's own hint again.
        _ = f.handle(.tab)
        c = Canvas(rows: 14, cols: 60)
        f.render(into: &c, top: 0, left: 0, width: 60, strings: Strings(.da))
        XCTAssertTrue(c.line(2).contains("Linje 1"), c.text)
        XCTAssertTrue(c.text.contains("▼"), c.text)
        XCTAssertFalse(c.text.contains("Enter: ny linje"), c.text)
    }

    /// In a window as narrow as 64 columns the counter is whole: a one-line box leaves room for it
    /// beside, a text area (which keeps its width) shows it under its label.
    func testTheCounterIsWholeInANarrowWindow() {
        var f = Form(title: "T", fields: [.area("note", "Note (valgfri)", required: false), .text("subject", "Emne")])
        f.limit("note", as: .note, strings: Strings(.da))
        f.limit("subject", as: .subject, strings: Strings(.da))
        _ = f.handle(.paste("Ringede 🙂 om æøå"))
        var c = Canvas(rows: 14, cols: 62)
        f.render(into: &c, top: 0, left: 0, width: 62, strings: Strings(.da))
        XCTAssertTrue(c.text.contains("16/4000"), c.text)
        _ = f.handle(.tab); _ = f.handle(.paste("Samtale"))
        c = Canvas(rows: 14, cols: 62)
        f.render(into: &c, top: 0, left: 0, width: 62, strings: Strings(.da))
        XCTAssertTrue(c.text.contains("7/200"), c.text)
    }

    /// The contact form in the plan: the note takes two paragraphs, Tab and Enter save it, and
    /// the journey shows it on one line with the paragraph mark; the printed plan's own words
    /// keep their lines.
    func testANoteOfTwoParagraphsIsSavedAndShownWithItsBreak() throws {
        let h = try Harness(rows: 40, cols: 120)
        try h.service.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: nil), as: "mette")
        try h.service.execute(.createPlan(citizen: "c1", overallGoal: .education, ownWords: "Jeg vil være tømrer.\nOg bo tæt på min datter."),
                              as: "mette")
        h.login("mette")
        h.press(.char(":")); h.type("plan Søren"); h.press(.enter)
        h.assertShows("“Jeg vil være tømrer. ¶ Og bo tæt på min datter.”")
        h.press(.char("c"))
        h.assertShows("Registrér kontakt")
        h.type("Ringede om praktik."); h.press(.enter, .enter); h.type("Aftalt møde 🙂")
        h.assertShows("Registrér kontakt", "Enter did not save")
        XCTAssertTrue(h.keyBar.contains("Enter Ny linje") && h.keyBar.contains("Tab Næste felt, så Enter: gem"), h.keyBar)
        h.press(.tab)
        XCTAssertTrue(h.keyBar.contains("Enter Gem"), h.keyBar)
        h.press(.enter)
        h.assertShows("Gemt")
        let last = try XCTUnwrap(h.service.store.events(of: ["c1"]).last)
        XCTAssertEqual(last.type, "ContactLogged")
        XCTAssertEqual(try last.data.string("note"), "Ringede om praktik.\n\nAftalt møde 🙂")
        h.press(.char("b"))                                   // the journey
        h.assertShows("Ringede om praktik. ¶  ¶ Aftalt møde 🙂")
        for row in 0..<h.screen.rows {
            for col in 0..<h.screen.cols where h.screen.cell(row, col).text.unicodeScalars.contains(where: TerminalSafe.isControl) {
                XCTFail("a control character on the screen at \(row), \(col)")
            }
        }
        // The plan for the citizen: the own words as two lines, not one with a mark.
        let detail = try h.service.citizen("c1", as: "mette", purpose: "export", logged: false)
        let doc = PlanDocument.render(detail, names: Names(h.service, Strings(.da)), strings: Strings(.da), format: .text)
        XCTAssertTrue(doc.contains("“Jeg vil være tømrer.\n  Og bo tæt på min datter.”"), doc)
        XCTAssertFalse(doc.contains("¶"), doc)
    }
}
