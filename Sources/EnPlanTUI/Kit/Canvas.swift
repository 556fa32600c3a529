import EnPlanDomain
/// What a screen draws: a grid of cells, each a character and a role (the theme gives roles their
/// colours). Screens render into a canvas; the terminal shows it; tests read its text.
public enum Role: String, CaseIterable, Sendable {
    case normal, title, bar, key, header, selected, match, alert, dim, error, input, overlay, frame
}

public struct Cell: Equatable, Sendable {
    /// One character, or "" for the second column of a wide character.
    public var text: String
    public var role: Role
}

public struct Canvas: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    public private(set) var cells: [Cell]
    /// Where the real cursor goes (the selected row or the active field), for screen readers.
    public var cursor: (row: Int, col: Int)?

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.rows == b.rows && a.cols == b.cols && a.cells == b.cells && a.cursor?.row == b.cursor?.row && a.cursor?.col == b.cursor?.col
    }

    public init(rows: Int, cols: Int) {
        self.rows = max(rows, 0); self.cols = max(cols, 0)
        cells = Array(repeating: Cell(text: " ", role: .normal), count: self.rows * self.cols)
    }

    /// Writes `text` from (row, col), at most `width` columns (default: to the edge). Returns the
    /// columns used. A wide character that does not fit whole becomes a space. The one way text
    /// gets onto the screen: a control character in it (ESC, a C1 control, a bidi override, a
    /// lone CR) is drawn as its visible stand-in (`TerminalSafe.field`), never sent to the terminal;
    /// a long text's line break shows as " ¶ " (`TerminalSafe.oneLine`): a row is one line.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, role: Role = .normal, width: Int? = nil) -> Int {
        guard row >= 0, row < rows, col < cols else { return 0 }
        let limit = min(cols, col + (width ?? cols))
        var c = col
        for ch in TerminalSafe.oneLine(text) {
            let w = TextWidth.columns(ch)
            if w == 0 { continue }
            if c + w > limit { if c < limit { set(row, c, " ", role) ; c += 1 }; break }
            if c >= 0 {
                set(row, c, TextWidth.drawable(ch), role)
                if w == 2 { set(row, c + 1, "", role) }
            }
            c += w
        }
        return c - col
    }

    /// Paints a whole row (or the columns given) with a role, keeping its text.
    public mutating func paint(row: Int, from: Int = 0, to: Int? = nil, role: Role) {
        guard row >= 0, row < rows else { return }
        for c in max(0, from)..<min(cols, to ?? cols) { cells[row * cols + c].role = role }
    }

    /// Blanks a row with a role.
    public mutating func clear(row: Int, role: Role = .normal) {
        guard row >= 0, row < rows else { return }
        for c in 0..<cols { cells[row * cols + c] = Cell(text: " ", role: role) }
    }

    private mutating func set(_ row: Int, _ col: Int, _ text: String, _ role: Role) {
        guard col >= 0, col < cols else { return }
        cells[row * cols + col] = Cell(text: text, role: role)
    }

    public func cell(_ row: Int, _ col: Int) -> Cell { cells[row * cols + col] }

    /// The text of one row, trailing spaces removed.
    public func line(_ row: Int) -> String {
        var s = ""
        for c in 0..<cols { s += cells[row * cols + c].text }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// Every row's text, one per line.
    public var text: String { (0..<rows).map(line).joined(separator: "\n") }

    /// The columns of `row` that have `role`.
    public func columns(withRole role: Role, row: Int) -> [Int] {
        (0..<cols).filter { cells[row * cols + $0].role == role }
    }
}
