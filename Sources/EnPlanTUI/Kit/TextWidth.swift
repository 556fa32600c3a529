/// Text measured in terminal columns, never in Characters: "Søren" is 5 columns, "李小龙" 6,
/// a combining accent 0. Lists align "Åse" and CJK names in the same columns as "Anne".
public enum TextWidth {
    public static func columns(_ s: String) -> Int { s.reduce(0) { $0 + columns($1) } }

    /// A cluster's columns: those of what is drawn of it (`drawable`).
    public static func columns(_ c: Character) -> Int {
        var width = 0
        for u in drawable(c).unicodeScalars { width = max(width, columns(u)) }
        return width
    }

    public static func columns(_ u: Unicode.Scalar) -> Int {
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    /// What a terminal can draw of one grapheme cluster in the columns `columns(_:)` gives it.
    /// A letter with combining accents stays whole (ncurses draws marks on their base). An emoji
    /// sequence (a skin tone, a ZWJ family, a flag) is drawn by most terminals as several glyphs,
    /// which would push the rest of the row right: only its first scalar is drawn (an emoji, two
    /// columns; a flag's first letter, one).
    public static func drawable(_ c: Character) -> String {
        let scalars = c.unicodeScalars
        guard scalars.count > 1 else { return String(c) }
        if scalars.dropFirst().allSatisfy({ [.nonspacingMark, .enclosingMark, .spacingMark].contains($0.properties.generalCategory) }) {
            return String(c)
        }
        return String(scalars.first!)
    }

    /// `s` cut to at most `width` columns (with "…" when cut), never splitting a wide character.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if columns(s) <= width { return s }
        var out = "", used = 0
        for c in s {
            let w = columns(c)
            if used + w > width - 1 { break }
            out.append(c); used += w
        }
        return out + "…"
    }

    /// Words laid out in lines of at most `width` columns. A line break ("\n", in a long text)
    /// starts a new line (an empty paragraph stays an empty line); a word wider than a line is
    /// broken across lines, never cut.
    public static func wrap(_ s: String, to width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if columns(candidate) <= width { current = candidate; continue }
                if !current.isEmpty { lines.append(current); current = "" }
                // A word wider than the line: as much as fits on each line.
                var piece = "", used = 0
                for c in word {
                    let w = columns(c)
                    if used + w > width, !piece.isEmpty { lines.append(piece); piece = ""; used = 0 }
                    piece.append(c); used += w
                }
                current = piece
            }
            lines.append(current)
        }
        // No empty line at the end (a text ending in a break), nor for an empty text.
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { truncate($0, to: width) }
    }

    /// `s` cut or padded with spaces to exactly `width` columns (padded on the left for figures).
    public static func fit(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        let t = truncate(s, to: width)
        let w = columns(t)
        guard w < width else { return t }
        let pad = String(repeating: " ", count: width - w)
        return alignRight ? pad + t : t + pad
    }
}
