import Foundation
import TestSupport
import Testing
@testable import EnPlanTUI

/// Columns, not Characters: what makes "Søren", "Åse" and "李小龙" line up.
@Suite struct TextWidthTests {
    @Test(arguments: [("Søren", 5), ("Åse", 3), ("李小龙", 6), ("e\u{301}", 1), ("", 0), ("Æbel Ørum", 9)])
    func columns(_ text: String, _ expected: Int) {
        #expect(TextWidth.columns(text) == expected)
    }

    @Test func truncatingNeverSplitsAWideCharacter() {
        #expect(TextWidth.truncate("李小龙 Lee", to: 4) == "李…")
        #expect(TextWidth.truncate("Søren Sørensen", to: 8) == "Søren S…")
        #expect(TextWidth.columns(TextWidth.fit("Åse", to: 6)) == 6)
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var c = Canvas(rows: 1, cols: 5)
        c.put("a李b李", row: 0, col: 0)
        #expect(c.line(0) == "a李b")
        #expect(c.cell(0, 2).text == "", "the second column of 李")
    }

    /// Emoji sequences are one cluster, two columns, and are drawn so that a terminal that shows
    /// their parts apart cannot push the row: "Søren 🧑🏽‍🦱 Ørsted-Ålund" keeps every letter and the
    /// CPR's dash in its column.
    @Test(arguments: [("🧑🏽‍🦱", 2), ("👨‍👩‍👧", 2), ("👍🏿", 2), ("🇩🇰", 1)])
    func anEmojiSequenceIsDrawnAsOneGlyph(_ emoji: String, _ width: Int) {
        #expect(TextWidth.columns(emoji) == width)
        var c = Canvas(rows: 1, cols: 30)
        let used = c.put("Søren \(emoji) Ørsted-Ålund|", row: 0, col: 0)
        #expect(used == 6 + width + 1 + 13)
        #expect(c.cell(0, 6).text.unicodeScalars.count == 1, "one glyph in the columns the model gives it")
        if width == 2 { #expect(c.cell(0, 7).text == "") }
        #expect(c.line(0).hasSuffix(" Ørsted-Ålund|"))
        #expect(c.cell(0, 6 + width + 1 + 12).text == "|", "what follows stays in its column")
    }

    @Test func aCombiningAccentStaysOnItsLetter() {
        var c = Canvas(rows: 1, cols: 10)
        c.put("Zoe\u{308} e\u{301}", row: 0, col: 0)
        #expect(c.cell(0, 2).text == "e\u{308}")
        #expect(c.cell(0, 4).text == "e\u{301}")
    }

    @Test func danishFolding() {
        let name = FoldedText("Søren Sørensen")
        #expect(name.contains(FoldedText.query("soren")))
        #expect(name.contains(FoldedText.query("soeren")))
        #expect(name.contains(FoldedText.query("SØREN")))
        #expect(!name.contains(FoldedText.query("sarensen")))
        #expect(FoldedText("Åse").match(FoldedText.query("aase")) == 0..<3)
        #expect(FoldedText("Åse").match(FoldedText.query("ase")) == 0..<3)
        #expect(FoldedText("Æbel").contains(FoldedText.query("aebel")))
        #expect(FoldedText("José").contains(FoldedText.query("jose")))
    }
}

/// What the terminal layer decides before any screen is drawn.
@Suite struct TerminalTests {
    @Test(arguments: [("[24~", Key.function(12)), ("OP", .function(1)), ("[A", .up), ("[Z", .backTab), ("[6~", .pageDown)])
    func anEscapeSequenceTheDescriptionLacksIsStillItsKey(_ seq: String, _ key: Key) {
        #expect(NcursesTerminal.decodeEscape(seq) == key)
    }

    @Test func anUnknownSequenceIsDroppedNotTypedAsKeys() {
        #expect(NcursesTerminal.decodeEscape("[99~") == nil)
    }

    @Test func terminalsThatCannotShowTheScreensAreNamed() {
        #expect(NcursesTerminal.problem(term: "xterm-256color") == nil)
        guard case .noCursorAddressing("dumb")? = NcursesTerminal.problem(term: "dumb") else { Issue.record("dumb"); return }
        guard case .unknown("no-such-terminal")? = NcursesTerminal.problem(term: "no-such-terminal") else { Issue.record("unknown"); return }
        #expect(NcursesTerminal.Problem.unknown("x").describe(Strings(.da)).hasPrefix("TERM=x: kender ikke terminalen"))
    }
}
