/// The one selection-and-scrolling state behind every list on screen: the citizen list, the plan's
/// rows, the journey and the calendar's day and agenda lists.
///
/// Invariants (after every mutating call):
/// - `selected` is in `0..<count`, or 0 when the list is empty;
/// - with `selects`, `selected` is inside the window `top..<top+height` of the last height given;
/// - `top` is never past the point where the last row reaches the bottom.
/// Drawing never changes it: `window(count:height:)` derives what to show from it, so a render
/// after a resize shows the selection even before the next key.
public struct ScrollList: Sendable, Equatable {
    public private(set) var selected = 0
    public private(set) var top = 0
    /// False for a list that only scrolls (the journey): moving moves the window.
    public var selects = true

    public init(selects: Bool = true) { self.selects = selects }

    /// Moves by `n` rows (a page is `height`), skipping rows `skip` says cannot be selected.
    public mutating func move(by n: Int, count: Int, height: Int, skip: (Int) -> Bool = { _ in false }) {
        guard selects else { top += n; clamp(count: count, height: height); return }
        guard count > 0 else { selected = 0; top = 0; return }
        var i = min(max(0, selected), count - 1)
        let step = n < 0 ? -1 : 1
        var left = abs(n)
        while left > 0 {
            var j = i + step
            while j >= 0 && j < count && skip(j) { j += step }
            guard j >= 0 && j < count else { break }
            i = j; left -= 1
        }
        selected = i
        clamp(count: count, height: height)
    }

    /// Selects row `i` (clamped) and scrolls to it.
    public mutating func select(_ i: Int, count: Int, height: Int) {
        if selects { selected = i } else { top = i }
        clamp(count: count, height: height)
    }

    public mutating func toTop(count: Int, height: Int) { select(0, count: count, height: height) }
    public mutating func toBottom(count: Int, height: Int) { select(count - 1, count: count, height: height) }

    /// A move key: a row, a page of `page` rows (default: the window less two), the first or the last.
    public mutating func apply(_ move: Move, count: Int, height: Int, page: Int? = nil, skip: (Int) -> Bool = { _ in false }) {
        let page = page ?? max(1, height - 2)
        switch move {
        case .up: self.move(by: -1, count: count, height: height, skip: skip)
        case .down: self.move(by: 1, count: count, height: height, skip: skip)
        case .pageUp: self.move(by: -page, count: count, height: height, skip: skip)
        case .pageDown: self.move(by: page, count: count, height: height, skip: skip)
        case .top: toTop(count: count, height: height)
        case .bottom: toBottom(count: count, height: height)
        }
    }

    /// After the rows or the height changed: the selection in range and in view.
    public mutating func clamp(count: Int, height: Int) {
        selected = max(0, min(selected, count - 1))
        top = Self.top(top, selected: selects ? selected : nil, count: count, height: height)
    }

    /// The rows to draw for `height` lines: starts at `top`, moved just enough to show the selection.
    public func window(count: Int, height: Int) -> Range<Int> {
        let first = Self.top(top, selected: selects ? min(max(0, selected), max(0, count - 1)) : nil, count: count, height: height)
        return first..<min(count, first + max(0, height))
    }

    private static func top(_ top: Int, selected: Int?, count: Int, height: Int) -> Int {
        guard height > 0 else { return 0 }
        var t = top
        if let s = selected {
            if s < t { t = s }
            if s >= t + height { t = s - height + 1 }
        }
        return max(0, min(t, max(0, count - height)))
    }

    /// Draws `count` rows into `height` lines from `row`, each from `line(i)`; the selected one in
    /// the selection role with the real cursor on it; `empty` when there are none.
    public func draw(into canvas: inout Canvas, row: Int, col: Int = 0, height: Int, width: Int, count: Int, empty: String,
                     line: (Int) -> (text: String, role: Role)) {
        guard count > 0 else {
            canvas.put(empty, row: row, col: col + 1, role: .dim)
            canvas.cursor = (row, 0)
            return
        }
        for (n, i) in window(count: count, height: height).enumerated() {
            let (text, role) = line(i)
            let isSelected = selects && i == selected
            canvas.put(TextWidth.fit(text, to: width), row: row + n, col: col, role: isSelected ? .selected : role, width: width)
            if isSelected { canvas.cursor = (row + n, col) }
        }
    }
}
