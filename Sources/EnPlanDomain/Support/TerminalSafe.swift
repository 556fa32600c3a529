/// Text made safe for a terminal. Everything EnPlan prints or exports (headless output, error
/// messages, plan documents, CSV, iCalendar, the audit report, the screens) passes through here,
/// so a stored text cannot clear, retitle or reorder a colleague's terminal, also when it was
/// written by an older version that took any text.
///
/// Invariants:
/// - `isControl` is the one definition of a character a terminal may act on; the input rule
///   (`InputRules`) refuses exactly these in what users type.
/// - Nothing is dropped silently: each such character becomes a visible stand-in one column wide
///   (ESC shows as "␛", NUL as "␀", DEL as "␡", a C1 control or a bidi control as "�").
/// - A text without such characters comes back unchanged (the same string, no copy).
public enum TerminalSafe {
    /// C0 controls (U+0000-U+001F, with TAB, CR, LF, ESC and BEL), DEL, C1 controls (U+0080-U+009F:
    /// U+009B is a one-byte CSI to many terminals), the bidi embeddings, overrides and isolates
    /// (U+202A-U+202E, U+2066-U+2069: they reorder what is shown) and the line and paragraph
    /// separators (U+2028, U+2029). The left-to-right and right-to-left marks (U+200E, U+200F)
    /// only mark a direction and are allowed.
    @inline(__always)
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The visible stand-in of a control: a C0 control's picture (U+2400 block), "␡" for DEL, "�" else.
    public static func visible(_ u: Unicode.Scalar) -> Unicode.Scalar {
        switch u.value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + u.value)!
        case 0x7F: return "\u{2421}"
        default: return "\u{FFFD}"
        }
    }

    /// One value on one line (a table cell, a name, an error message): every control becomes
    /// visible, a newline and a tab too.
    public static func field(_ s: String) -> String { made(s, keepingLines: false) }

    /// A document of lines (a plan, a report, iCalendar, CSV, JSON): its line ends ("\n" and
    /// "\r\n") and tabs stay; every other control becomes visible (a lone CR too: it would let a
    /// line overwrite itself).
    public static func text(_ s: String) -> String { made(s, keepingLines: true) }

    /// One value on one line where a long text's line break is allowed (a note, own words,
    /// findings, a decision: `InputRules.TextKind.allowsLineBreaks`): each "\n" shows as " ¶ "
    /// (the paragraph mark), every other control as in `field`. A line break still never starts
    /// a line of its own.
    public static func oneLine(_ s: String) -> String {
        guard s.utf8.contains(0x0A) else { return field(s) }
        return field(s.replacingOccurrences(of: "\n", with: " ¶ "))
    }

    /// A document from its lines (a plan, a case, an access report): each made one safe line
    /// (`oneLine`: a line break stored in a value cannot start a line of its own), joined with
    /// newlines, ending with one.
    public static func lines(_ lines: [String]) -> String { lines.map(oneLine).joined(separator: "\n") + "\n" }

    /// Whether `s` has a control (`isControl`) anywhere.
    public static func hasControl(_ s: String) -> Bool { s.unicodeScalars.contains(where: isControl) }

    private static func made(_ s: String, keepingLines: Bool) -> String {
        let scalars = s.unicodeScalars
        // The common case: nothing to do (a CR is looked at closer: only CR LF is a line end).
        guard scalars.contains(where: { isControl($0) && !(keepingLines && ($0 == "\n" || $0 == "\t")) }) else { return s }
        var out = String.UnicodeScalarView()
        var i = scalars.startIndex
        while i != scalars.endIndex {
            let u = scalars[i]
            let next = scalars.index(after: i)
            if !isControl(u) {
                out.append(u)
            } else if keepingLines && (u == "\n" || u == "\t") {
                out.append(u)
            } else if keepingLines && u == "\r" && next != scalars.endIndex && scalars[next] == "\n" {
                out.append(u); out.append("\n")
                i = scalars.index(after: next)
                continue
            } else {
                out.append(visible(u))
            }
            i = next
        }
        return String(out)
    }
}
