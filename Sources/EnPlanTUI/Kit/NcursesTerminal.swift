import EnPlanDomain
import CNcurses
import Foundation
import Glibc

/// The real terminal, through the wide-character ncurses.
public final class NcursesTerminal: Terminal {
    private var pairs: [Role: Int32] = [:]
    private var attributes: [Role: attr_t] = [:]
    private var colorsAvailable = false
    private var ended = false

    /// Why the terminal `TERM` names cannot show the screens, if it cannot.
    public enum Problem: Sendable { case unknown(String), noCursorAddressing(String) }

    public static func problem(term: String? = ProcessInfo.processInfo.environment["TERM"]) -> Problem? {
        let name = term ?? ""
        switch name.isEmpty ? 1 : enplan_terminal_problem(name) {
        case 0: return nil
        case 2: return .noCursorAddressing(name)
        default: return .unknown(name)
        }
    }

    /// Call after `setlocale` (the program's entry does it, falling back to C.UTF-8), and only for
    /// a terminal `problem` found usable.
    public init() {
        // Esc must answer quickly: 25 ms unless the user set ESCDELAY.
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { setenv("ESCDELAY", "25", 1) }
        initscr()
        raw()             // Ctrl-C is a key (the app asks before quitting: typed work is not lost); SIGTERM and SIGHUP still end it cleanly
        noecho()
        nonl()
        keypad(enplan_stdscr(), true)
        if ProcessInfo.processInfo.environment["ESCDELAY"] == "25" { set_escdelay(25) }
        colorsAvailable = enplan_has_colors() != 0 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        if colorsAvailable {
            start_color()
            use_default_colors()
        }
        curs_set(1)
        // Bracketed paste: what is pasted arrives between ESC[200~ and ESC[201~, as text (a paste
        // into a note must never run as keys).
        Self.write("\u{1B}[?2004h")
    }

    private static func write(_ s: String) {
        let bytes = Array(s.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
    }

    public var canUseColor: Bool { colorsAvailable }

    public var size: (rows: Int, cols: Int) { (Int(enplan_lines()), Int(enplan_cols())) }

    public func apply(_ theme: Theme) {
        pairs = [:]; attributes = [:]
        for (i, role) in Role.allCases.enumerated() {
            let style = theme.style(role)
            var a = enplan_a_normal()
            for attr in style.attributes {
                switch attr {
                case .bold: a |= enplan_a_bold()
                case .dim: a |= enplan_a_dim()
                case .reverse: a |= enplan_a_reverse()
                case .underline: a |= enplan_a_underline()
                }
            }
            attributes[role] = a
            if colorsAvailable {
                func number(_ c: Theme.Color) -> Int32 {
                    switch c {
                    case .terminalDefault: return -1
                    case .index(let n): return n < Int(enplan_colors()) ? Int32(n) : Int32(n % 8)
                    }
                }
                init_pair(Int16(i + 1), Int16(number(style.fg)), Int16(number(style.bg)))
                pairs[role] = Int32(i + 1)
            }
        }
    }

    public func present(_ canvas: Canvas) {
        guard !ended else { return }
        for row in 0..<canvas.rows {
            var col = 0
            while col < canvas.cols {
                // One run of cells with the same role, drawn with one call.
                let role = canvas.cell(row, col).role
                var text: [wchar_t] = []
                let start = col
                while col < canvas.cols, canvas.cell(row, col).role == role {
                    // `Canvas.put` let no control character in; this is the last door, kept shut anyway.
                    for u in canvas.cell(row, col).text.unicodeScalars {
                        text.append(wchar_t(bitPattern: TerminalSafe.isControl(u) ? TerminalSafe.visible(u).value : u.value))
                    }
                    col += 1
                }
                enplan_attr_set(attributes[role] ?? enplan_a_normal(), pairs[role] ?? 0)
                text.append(0)
                _ = text.withUnsafeBufferPointer { enplan_mvaddnwstr(Int32(row), Int32(start), $0.baseAddress, Int32(text.count - 1)) }
            }
        }
        if let c = canvas.cursor {
            curs_set(1)
            move(Int32(c.row), Int32(c.col))
        } else {
            curs_set(0)
        }
        refresh()
    }

    public func readKey(timeoutMs: Int) -> Key? {
        timeout(Int32(timeoutMs))
        var ch: wint_t = 0
        let r = enplan_get_wch(&ch)
        if r == ERR { return nil }
        if r == enplan_key_code_yes() { return Self.special(Int32(ch)) }
        switch ch {
        case 10, 13: return .enter
        case 27: return escapeSequence()
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 96)))
        default:
            guard let u = Unicode.Scalar(UInt32(ch)) else { return nil }
            return .char(Character(u))
        }
    }

    /// After an Esc: a key sequence the terminal description did not name (an xterm F12 under
    /// `TERM=vt100`, say) arrives as Esc and its bytes. Read them now, so they are taken as that key
    /// or dropped, never as Esc followed by "[24~" (which "2" would have opened the calendar with).
    private func escapeSequence() -> Key? {
        timeout(5)                                   // what arrived with the Esc, or just after it
        var ch: wint_t = 0
        guard enplan_get_wch(&ch) != ERR else { return .escape }
        timeout(25)                                  // a sequence's bytes follow within the Esc delay
        guard ch == 91 || ch == 79 else {            // not "[" or "O": Esc, then the key on its own
            _ = unget_wch(wchar_t(ch))
            return .escape
        }
        var seq = String(Character(Unicode.Scalar(UInt8(ch))))
        while seq.count < 12, enplan_get_wch(&ch) != ERR, let u = Unicode.Scalar(UInt32(ch)) {
            seq.append(Character(u))
            if seq.hasPrefix("O") || (0x40...0x7E).contains(u.value) { break }
        }
        if seq == "[200~" { return pasted() }
        return Self.decodeEscape(seq)
    }

    /// The text of a bracketed paste, read up to its end mark (ESC[201~). Past `limit` the rest is
    /// read and dropped (the form refuses a text too long anyway, saying so).
    private func pasted(limit: Int = 1 << 20) -> Key {
        let end = Array("\u{1B}[201~".unicodeScalars)
        var text: [Unicode.Scalar] = []
        var matched = 0
        var ch: wint_t = 0
        timeout(200)   // a paste arrives at once; a lost end mark must not hang the screen
        while enplan_get_wch(&ch) != ERR, let u = Unicode.Scalar(UInt32(ch)) {
            if u == end[matched] {
                matched += 1
                if matched == end.count { break }
                continue
            }
            if matched > 0 { if text.count < limit { text += end[0..<matched] }; matched = u == end[0] ? 1 : 0; if matched == 1 { continue } }
            if text.count < limit { text.append(u) }
        }
        var s = ""
        s.unicodeScalars.append(contentsOf: text)
        return .paste(s)
    }

    /// The xterm/VT220 sequences (after Esc) for the keys EnPlan uses; nil for any other.
    static func decodeEscape(_ seq: String) -> Key? {
        let table: [String: Key] = [
            "[A": .up, "[B": .down, "[C": .right, "[D": .left, "OA": .up, "OB": .down, "OC": .right, "OD": .left,
            "[H": .home, "[F": .end, "OH": .home, "OF": .end, "[1~": .home, "[4~": .end, "[5~": .pageUp, "[6~": .pageDown,
            "[3~": .delete, "[Z": .backTab, "OP": .function(1), "OQ": .function(2), "OR": .function(3), "OS": .function(4),
            "[11~": .function(1), "[12~": .function(2), "[13~": .function(3), "[14~": .function(4), "[15~": .function(5),
            "[17~": .function(6), "[18~": .function(7), "[19~": .function(8), "[20~": .function(9), "[21~": .function(10),
            "[23~": .function(11), "[24~": .function(12),
        ]
        return table[seq]
    }

    static func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where code == enplan_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    public func wipe() {
        guard !ended else { return }
        clear()
        refresh()
    }

    /// Restores the terminal and clears the screen and its scrollback (`ESC [3J`).
    public func end() {
        guard !ended else { return }
        ended = true
        Self.write("\u{1B}[?2004l")
        clear()
        refresh()
        endwin()
        Self.clearScreenAndScrollback()
    }

    /// Also safe from a signal handler's path: plain write(2) of escape sequences.
    public static func clearScreenAndScrollback() {
        let seq = Array("\u{1B}[?2004l\u{1B}[H\u{1B}[2J\u{1B}[3J".utf8)
        _ = seq.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
    }
}
