/// A screen's list of items (the inbox, the duplicates, the units): the items, the selection and
/// window (a `ScrollList`), what the shared keys do (a resize, the frame's keys, moving, back), and
/// the drawing under a header with a text for no items. The screen keeps what is its own: Enter
/// on an item and its own keys (`press` hands them over with the selected item).
///
/// Invariant: the selection is in range and in view of the last height given (`ScrollList`'s).
public struct ItemList<Item> {
    public private(set) var items: [Item]
    public private(set) var scroll = ScrollList()

    public init(_ items: [Item] = []) { self.items = items }

    /// What a key in a list comes to (`press`).
    public enum Pressed<Own> {
        /// The list or the frame took it (a move, a resize, help, back …): the effect to answer.
        case done(Effect)
        /// Enter on an item.
        case open(Item)
        /// One of the screen's own keys, with the item selected (nil: the list is empty).
        case own(Own, Item?)
    }

    public var selectedIndex: Int { scroll.selected }
    public var selected: Item? { items.indices.contains(scroll.selected) ? items[scroll.selected] : nil }

    /// New items (read again): the selection stays at its place, in range.
    public mutating func set(_ items: [Item], height: Int) {
        self.items = items
        scroll.clamp(count: items.count, height: height)
    }

    public mutating func select(_ i: Int, height: Int) { scroll.select(i, count: items.count, height: height) }

    /// The key as the list's screen has it in `table`: a resize and the shared keys are carried
    /// out here (a page: the window less two rows); Enter and the screen's own keys are handed back.
    public mutating func press<Own: ScreenAction>(_ key: Key, in table: [Binding], height: Int, as: Own.Type = Own.self) -> Pressed<Own> {
        if key == .resize { scroll.clamp(count: items.count, height: height); return .done(.none) }
        switch KeyTable.pressed(key, in: table, as: Own.self) {
        case nil: return .done(.none)
        case .frame(let effect)?: return .done(effect)
        case .back?: return .done(.back)
        case .move(let move)?: scroll.apply(move, count: items.count, height: height); return .done(.none)
        case .open?: return selected.map { .open($0) } ?? .done(.none)
        case .own(let action)?: return .own(action, selected)
        }
    }

    /// The header on `row` (as given: the screen fits it), the items below it (`height` rows), or
    /// `empty` when there are none.
    public func draw(into canvas: inout Canvas, header: String, row: Int, col: Int = 1, height: Int, width: Int, empty: String,
                     line: (Item) -> (text: String, role: Role)) {
        canvas.put(header, row: row, col: col, role: .header)
        scroll.draw(into: &canvas, row: row + 1, col: col, height: height, width: width, count: items.count, empty: empty) { line(items[$0]) }
    }
}

extension KeyTable {
    /// A list screen's keys: its own, then up and down (a row, a page) and back (Esc, q).
    public static func list(_ own: [Binding]) -> [Binding] {
        own + rows + [Binding(action: .back, keys: [.escape, .char("q")], label: Strings.T.kBack, help: Strings.T.hBack, inBar: true)]
    }
}
