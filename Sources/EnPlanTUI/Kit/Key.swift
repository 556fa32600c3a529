import EnPlanDomain

/// A key press, as screens see it (ncurses codes and escape sequences are the terminal's business).
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    case resize
    /// Text the user pasted (bracketed paste): always text, never keys, whatever it holds.
    case paste(String)

    /// How the help overlay and the bottom bar name the key.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .paste: return "paste"
        }
    }

    /// Pasted text for a text area: its line breaks kept ("\r\n" and "\r" made "\n"), a tab made a
    /// space, other control characters dropped (they are never keys, and the input rule refuses them).
    public static func pastedText(_ text: String) -> String {
        var out = ""
        var lastWasCR = false
        for u in text.unicodeScalars {
            defer { lastWasCR = u == "\r" }
            switch u {
            case "\r": out.unicodeScalars.append("\n")
            case "\n": if !lastWasCR { out.unicodeScalars.append("\n") }
            case "\t": out.unicodeScalars.append(" ")
            default: if !TerminalSafe.isControl(u) { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Pasted text as one line for a one-line field: line breaks and tabs become spaces, other
    /// control characters are dropped (they are never keys, and the input rule refuses them).
    public static func pastedLine(_ text: String) -> String {
        var out = ""
        var lastWasBreak = false
        for u in text.unicodeScalars {
            if u == "\r" || u == "\n" || u == "\t" {
                // "\r\n" is one break, not two spaces.
                if !(lastWasBreak && u == "\n") { out.unicodeScalars.append(" ") }
                lastWasBreak = u == "\r"
                continue
            }
            lastWasBreak = false
            if !TerminalSafe.isControl(u) { out.unicodeScalars.append(u) }
        }
        return out
    }
}
