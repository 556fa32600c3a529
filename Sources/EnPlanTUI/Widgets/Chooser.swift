/// A short list to pick one item from, drawn over the screen: a title, a line saying what it is
/// for, the items (one may be marked, as the person's own printer is), ↑↓ or j/k (Home/End, g/G,
/// PgUp/PgDn) to move, Enter to choose, Esc or q to close without choosing. The selection and
/// scrolling are the lists' own (`ScrollList`); the keys are its table's (`KeyTable.chooser`), so
/// the bar and the help say what it takes. The printer chooser (`P`) is a configuration of it.
///
/// Invariants: `selected` is an index of `items` (or 0 when there are none); drawing changes nothing.
public struct Chooser: Sendable {
    public let title: String
    /// What the choice is for, under the title (the document to print).
    public var about: String?
    public let items: [String]
    /// The item marked, and the words after it ("standard for dig").
    public var marked: Int?
    public var mark: String = ""
    /// What Enter does, for the bar and the help ("Udskriv").
    public var choose: (label: any Localized, help: any Localized) = (Strings.T.kChoose, Strings.T.hChoose)
    private var list = ScrollList()

    public enum Outcome: Equatable, Sendable { case none, cancel, choose(Int) }

    /// Rows of items shown at most (more scroll).
    static let maxVisible = 12

    public init(title: String, about: String? = nil, items: [String], selected: Int = 0, marked: Int? = nil, mark: String = "") {
        self.title = title; self.about = about; self.items = items; self.marked = marked; self.mark = mark
        list.select(selected, count: items.count, height: visible)
    }

    public var selected: Int { list.selected }
    private var visible: Int { min(items.count, Self.maxVisible) }

    public mutating func handle(_ key: Key) -> Outcome {
        let n = items.count, h = visible
        switch KeyTable.pressed(key, in: KeyTable.chooser, as: Never.self) {
        case nil, .frame?: break
        case .open?: return n == 0 ? .cancel : .choose(list.selected)
        case .back?: return .cancel
        case .move(let move)?: list.apply(move, count: n, height: h, page: max(1, h - 1))
        }
        return .none
    }

    /// The item as the list shows it: the marked one with its mark.
    public func shown(_ i: Int) -> String { i == marked && !mark.isEmpty ? "\(items[i])  (\(mark))" : items[i] }

    /// A box in the middle of the body (rows 1 ..< rows-2), the real cursor on the selected item.
    func render(into canvas: inout Canvas) {
        let bodyRows = canvas.rows - 3
        let rows = max(1, min(visible, bodyRows - 5 - (about == nil ? 0 : 1)))
        let widest = ([title, about ?? ""] + items.indices.map(shown)).map(TextWidth.columns).max() ?? 0
        let width = min(canvas.cols - 2, max(30, widest + 6))
        let height = rows + 4 + (about == nil ? 0 : 1)
        let left = (canvas.cols - width) / 2, top = 1 + max(0, (bodyRows - height) / 2)
        for r in 0..<height { canvas.put(String(repeating: " ", count: width), row: top + r, col: left, role: .overlay) }
        canvas.put(TextWidth.truncate(" " + title + " ", to: width - 2), row: top, col: left + 1, role: .header)
        var row = top + 1
        if let about { canvas.put(TextWidth.truncate(about, to: width - 4), row: row, col: left + 2, role: .dim); row += 1 }
        row += 1
        let more = items.count > rows
        list.draw(into: &canvas, row: row, col: left + 2, height: rows, width: width - 4 - (more ? 2 : 0), count: items.count, empty: "") { i in
            (shown(i), i == marked ? .header : .overlay)
        }
        if more {
            let w = list.window(count: items.count, height: rows)
            if w.lowerBound > 0 { canvas.put("↑", row: row, col: left + width - 3, role: .dim) }
            if w.upperBound < items.count { canvas.put("↓", row: row + rows - 1, col: left + width - 3, role: .dim) }
        }
    }
}

extension Chooser {
    /// The keys in force while it is open (the bar and the help): its own, worded as configured,
    /// and the frame's that still work (help, lock).
    public var keys: [Binding] {
        [Binding(action: .open, keys: [.enter], label: choose.label, help: choose.help, inBar: true)]
            + KeyTable.chooser.filter { $0.action != .open } + KeyTable.whileTyping
    }
}

extension KeyTable {
    /// An open chooser (`Chooser`): move, choose, close.
    public static let chooser: [Binding] = [
        Binding(action: .open, keys: [.enter], label: Strings.T.kChoose, help: Strings.T.hChoose, inBar: true),
        Binding(action: .move(.up), keys: [.up, .char("k")], label: Strings.T.kMove, help: Strings.T.hMove, inBar: true),
        Binding(action: .move(.down), keys: [.down, .char("j")], label: Strings.T.kMove, help: Strings.T.hMove, inBar: false),
        Binding(action: .move(.top), keys: [.home, .char("g")], label: Strings.T.kTop, help: Strings.T.hTop, inBar: false),
        Binding(action: .move(.bottom), keys: [.end, .char("G")], label: Strings.T.kBottom, help: Strings.T.hBottom, inBar: false),
        Binding(action: .move(.pageUp), keys: [.pageUp], label: Strings.T.kPage, help: Strings.T.hPage, inBar: false),
        Binding(action: .move(.pageDown), keys: [.pageDown], label: Strings.T.kPage, help: Strings.T.hPage, inBar: false),
        Binding(action: .back, keys: [.escape, .char("q")], label: Strings.T.kCancel, help: Strings.T.hChooseCancel, inBar: true),
    ]
}
