import EnPlanDomain

/// The citizen list: the rows a user may see, filtered as they type and by quick filters, sorted
/// by any column. The model behind `CitizenListScreen`: a value, no drawing, no domain calls.
public struct CitizenList: Sendable {
    public enum Column: Int, CaseIterable, Sendable {
        case name, cpr, age, group, benefit, sectors, responsible, nextMeeting, overdue, plan
    }

    /// Every row the user may see, in Danish name order as loaded (rows new since are appended);
    /// `sortNames` holds their Danish sort keys (index-aligned), flat, so 100,000 rows do not keep
    /// 100,000 small arrays.
    private(set) var entries: [CitizenRow] = []
    private var sortNames = FlatBytes()
    /// What the filter reads, kept flat (no per-row structs to copy on every keystroke): the two
    /// folded spellings of every name, one after the other, and each row's flags.
    private var search = SearchColumns()
    /// Indices into `entries`, sorted, then filtered: what is shown.
    public private(set) var visible: [Int] = []
    private var sorted: [Int] = []

    /// Whose citizens: those I am responsible for ("mine"), those I work on (responsible, or
    /// with an effort, a meeting or a contact of mine), or all I may see.
    public enum Scope: Sendable { case responsible, workingOn, all }
    public var scope: Scope
    /// The viewer (for "mine").
    public let user: String
    public var youthOnly = false
    public var overdueOnly = false
    public var noPlanOnly = false
    /// Closed cases are hidden unless asked for ("Vis lukkede sager").
    public var showClosed = false
    public var sector: Sector?
    public private(set) var query = ""
    private var foldedQuery: [UInt8] = []
    private var digitQuery: [UInt8] = []
    public var editingQuery = false
    public private(set) var sortColumn: Column = .name
    public private(set) var descending = false
    /// The selection and the window (the list's height as last seen, for keeping it in view).
    public private(set) var scroll = ScrollList()
    public var lastHeight = 20

    public init(scope: Scope, user: String) { self.scope = scope; self.user = user }

    public var count: Int { visible.count }
    public var total: Int { entries.count }
    public var selectedRow: CitizenRow? { visible.indices.contains(scroll.selected) ? entries[visible[scroll.selected]] : nil }

    /// New rows from the domain, in any order; the selection stays on the same citizen if it is
    /// still there. The rows are kept in Danish name order (equal names in the order given), so a
    /// search by name reads its columns front to back.
    /// `warmed`: the names' keys computed behind the login form (the first list after Enter).
    public mutating func load(_ rows: [CitizenRow], names: [String: String], warmed: NameKeys? = nil) {
        let keep = selectedRow?.id
        let given = rows.map { warmed?.keys($0.name) ?? NameKeys.compute($0.name) }
        let order = NameKeys.ranked(given) ?? {
            let byName = FlatBytes(given.map(\.sort))
            return rows.indices.sorted { byName.less($0, $1) || (!byName.less($1, $0) && $0 < $1) }
        }()
        let keys = order.map { given[$0] }
        entries = order.map { rows[$0] }
        sortNames = FlatBytes(keys.map(\.sort))
        indexByID = [:]   // made when first needed (`indexed`)
        search = SearchColumns(entries, keys, user: user)
        self.names = names
        resort()
        if let keep, let i = visible.firstIndex(where: { entries[$0].id == keep }) { select(i) } else { select(scroll.selected) }
    }

    /// Changed rows from the domain, applied in place: flags and columns updated, new citizens
    /// appended. Returns the number of new rows, or nil when only a full `load` will do (a renamed
    /// citizen, or one the user may no longer see).
    public mutating func update(_ rows: [CitizenRow], hidden: [String]) -> Int? {
        indexed()
        if hidden.contains(where: { indexByID[$0] != nil }) { return nil }
        var added = 0
        for r in rows {
            if let i = indexByID[r.id] {
                guard entries[i].name == r.name else { return nil }
                entries[i] = r
                search.update(i, r)
            } else {
                indexByID[r.id] = entries.count
                let keys = NameKeys.compute(r.name)
                entries.append(r)
                sortNames.append(keys.sort)
                search.append(r, keys)
                added += 1
            }
        }
        if added > 0 || sortColumn != .name { resort() } else { refilter() }
        return added
    }

    /// Each entry's place by citizen id: made when first needed (another terminal's change, a full
    /// CPR number typed), not when the list is loaded.
    private var indexByID: [String: Int] = [:]
    private mutating func indexed() {
        if entries.count != indexByID.count { indexByID = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.id, $0) }) }
    }

    /// The responsible caseworkers' names, for the column.
    private(set) var names: [String: String] = [:]

    /// A full CPR number typed (10 digits, with or without the dash) finds its citizen only
    /// through the domain (the list holds masked numbers): the one row it names, if any.
    public private(set) var exact: String?
    public mutating func setQuery(_ q: String, exact: String? = nil) {
        self.exact = exact
        let previous = foldedQuery, previousDigits = digitQuery
        query = q
        foldedQuery = FoldedText.query(q.trimmingCharacters(in: .whitespaces))
        let digits = q.utf8.filter { $0 >= 48 && $0 <= 57 }
        digitQuery = digits.count == q.utf8.filter({ $0 != 45 && $0 != 32 }).count ? Array(digits) : []
        // Typing one more letter can only narrow the result: filter what is shown, not everything.
        let narrows = !previous.isEmpty && foldedQuery.starts(with: previous) && digitQuery.starts(with: previousDigits)
            && previousDigits.isEmpty == digitQuery.isEmpty
        refilter(within: narrows ? visible : nil)
    }

    public mutating func sort(by column: Column, descending: Bool = false) {
        sortColumn = column; self.descending = descending
        resort()
    }

    public mutating func nextSort() { sort(by: Column(rawValue: (sortColumn.rawValue + 1) % Column.allCases.count)!) }
    public mutating func reverseSort() { sort(by: sortColumn, descending: !descending) }

    public mutating func cycleSector() {
        let all = Sector.allCases
        if let s = sector, let i = all.firstIndex(of: s) { sector = i + 1 < all.count ? all[i + 1] : nil } else { sector = all.first }
        refilter()
    }

    public mutating func refilter() { refilter(within: nil) }

    private mutating func refilter(within subset: [Int]?) {
        let keep = selectedRow?.id
        let filter = Filter(scope: scope, youthOnly: youthOnly, overdueOnly: overdueOnly, noPlanOnly: noPlanOnly, showClosed: showClosed,
                            sector: sector.map { UInt8(1) << UInt8(Sector.allCases.firstIndex(of: $0)!) }, query: foldedQuery, digits: digitQuery)
        if exact != nil { indexed() }
        if let exact { visible = indexByID[exact].map { [$0] } ?? [] } else { visible = search.filter(subset ?? sorted, filter) }
        if let keep, let i = visible.firstIndex(where: { entries[$0].id == keep }) { select(i) } else { select(0) }
    }

    private mutating func resort() {
        let e = entries, sortNames = self.sortNames
        // The responsible caseworker sorts by name, the Danish way (Å last), not by user id.
        var keys: [String: [UInt8]] = [:]
        for (id, name) in names { keys[id] = DanishCollation.key(name) }
        func responsibleKey(_ id: String) -> [UInt8] { keys[id] ?? DanishCollation.key(id) }
        func less(_ a: Int, _ b: Int) -> Bool {
            let x = e[a], y = e[b]
            switch sortColumn {
            case .name: return sortNames.less(a, b)
            case .cpr: return x.maskedCPR < y.maskedCPR
            case .age: return x.age < y.age
            case .group: return x.targetGroup.rawValue < y.targetGroup.rawValue
            case .benefit: return (x.benefit ?? "") < (y.benefit ?? "")
            case .sectors: return x.sectorCount < y.sectorCount
            case .responsible: return responsibleKey(x.responsible).lexicographicallyPrecedes(responsibleKey(y.responsible))
            case .nextMeeting: return (x.nextMeeting?.minutesSinceEpoch ?? .max) < (y.nextMeeting?.minutesSinceEpoch ?? .max)
            case .overdue: return x.overdueFollowUps > y.overdueFollowUps
            case .plan: return x.planStatus.rawValue < y.planStatus.rawValue
            }
        }
        // Ties fall back to name order, so the list never jumps between equal rows.
        sorted = Array(e.indices).sorted { a, b in
            if less(a, b) { return !descending }
            if less(b, a) { return descending }
            return sortNames.less(a, b)
        }
        refilter()
    }

    /// The match to highlight in a row's name (Character offsets).
    func highlight(_ i: Int) -> Range<Int>? {
        guard !foldedQuery.isEmpty, let r = FoldedText(entries[i].name).match(foldedQuery), !r.isEmpty else { return nil }
        return r
    }

    // MARK: moving

    public mutating func move(by n: Int, height: Int) { scroll.move(by: n, count: visible.count, height: height) }
    public mutating func moveToTop(height: Int) { scroll.toTop(count: visible.count, height: height) }
    public mutating func moveToBottom(height: Int) { scroll.toBottom(count: visible.count, height: height) }
    /// A move key (a page: the window less two rows).
    public mutating func apply(_ move: Move, height: Int) { scroll.apply(move, count: visible.count, height: height) }
    /// After the rows or the window changed: the selection in range and in view.
    public mutating func clamp(height: Int) { scroll.clamp(count: visible.count, height: height) }
    private mutating func select(_ i: Int) { scroll.select(i, count: visible.count, height: lastHeight) }
    /// Selects the row of citizen `id`, if it is shown; false when it is not.
    @discardableResult
    public mutating func select(id: String) -> Bool {
        guard let i = visible.firstIndex(where: { entries[$0].id == id }) else { return false }
        select(i)
        return true
    }
    public var selected: Int { scroll.selected }

    // MARK: drawing

    struct Layout {
        var columns: [(Column, Int)]
    }

    /// Which columns fit in `width`: the name takes what is left; others drop out from the right
    /// of the priority list on narrow terminals.
    func layout(width: Int, strings: Strings) -> Layout {
        var wanted: [(Column, Int)] = [(.cpr, 11), (.age, 5), (.sectors, 5), (.overdue, 9), (.responsible, 16), (.nextMeeting, 17),
                                       (.group, 6), (.plan, 4), (.benefit, 16)]
        // The column the list is sorted by is shown first of all, so its arrow is never off screen.
        if let i = wanted.firstIndex(where: { $0.0 == sortColumn }) { wanted.insert(wanted.remove(at: i), at: 0) }
        var chosen: [(Column, Int)] = []
        var used = 18   // the name's minimum
        for (c, w) in wanted {
            let header = TextWidth.columns(strings.l(Self.header(c)))
            let width0 = max(w, header)
            if used + width0 + 1 <= width { chosen.append((c, width0)); used += width0 + 1 }
        }
        let order: [Column] = [.cpr, .age, .group, .benefit, .sectors, .responsible, .nextMeeting, .overdue, .plan]
        chosen.sort { order.firstIndex(of: $0.0)! < order.firstIndex(of: $1.0)! }
        return Layout(columns: [(.name, width - used + 18)] + chosen)
    }

    static func header(_ c: Column) -> Strings.L {
        switch c {
        case .name: return .colName
        case .cpr: return .colCPR
        case .age: return .colAge
        case .group: return .colGroup
        case .benefit: return .colBenefit
        case .sectors: return .colSectors
        case .responsible: return .colResponsible
        case .nextMeeting: return .colNextMeeting
        case .overdue: return .colOverdue
        case .plan: return .colPlan
        }
    }

    func cell(_ c: Column, _ r: CitizenRow, strings: Strings, benefits: [String: Benefit]) -> String {
        switch c {
        // After the name (the search's highlight counts from its start): a closed case and its
        // day, and the registrations a team leader linked to it.
        case .name: return ([r.name] + (r.closed.map { [strings.closedMark($0)] } ?? []) + r.linked.map(strings.sameAs)).joined(separator: " · ")
        case .cpr: return r.maskedCPR
        case .age: return String(r.age)
        case .group: return strings.targetGroup(r.targetGroup)
        case .benefit:
            guard let code = r.benefit else { return "" }
            return benefits[code].map { strings.pick($0.danish, $0.english) } ?? code
        case .sectors: return Sector.allCases.map { r.involves($0) ? strings.sectorLetter($0) : "·" }.joined()
        case .responsible: return names[r.responsible] ?? r.responsible
        // A closed case has no next meeting to speak of: the column says when it closed instead.
        case .nextMeeting: return r.closed.map(strings.closedMark) ?? r.nextMeeting.map(strings.time) ?? ""
        case .overdue: return r.overdueFollowUps > 0 ? String(r.overdueFollowUps) : ""
        case .plan: return strings.l(r.planStatus == .active ? .planActive : .planNone)
        }
    }


    /// The name cell in `width` columns, and how many of them the name itself takes: the name, then
    /// a closed case's "Lukket 03-02-2025" where no other column says it (`closedShown`; kept whole:
    /// the name gives way to it), then "samme person som …" for each linked registration (cut where
    /// the column ends).
    func nameCell(_ r: CitizenRow, width w: Int, strings: Strings, mark: String, closedShown: Bool = false) -> (text: String, nameColumns: Int) {
        let closed = closedShown ? "" : r.closed.map { " · " + strings.closedMark($0) } ?? ""
        let linked = r.linked.map { " · " + strings.sameAs($0) }.joined()
        let room = w - TextWidth.columns(mark) - TextWidth.columns(closed)
        let name = closed.isEmpty || room < 8 || TextWidth.columns(r.name) <= room ? r.name : TextWidth.truncate(r.name, to: room)
        return (TextWidth.truncate(mark + name + closed + linked, to: w), TextWidth.columns(mark) + TextWidth.columns(name))
    }

    /// Draws the header and the visible rows into rows `from..<from+height`; the matched part of
    /// each name in the match role; with `marks`, a column of marks before the name (✓ for the
    /// rows in it). Changes nothing.
    func render(into canvas: inout Canvas, from: Int, height: Int, width: Int, strings: Strings, benefits: [String: Benefit],
                marks: Set<String>? = nil) {
        guard height > 1 else { return }
        let layout = self.layout(width: width, strings: strings)
        // Where the next meeting's column is shown, it says "Lukket 03-02-2025"; else the name does.
        let closedShown = layout.columns.contains { $0.0 == .nextMeeting }
        var col = 0
        for (c, w) in layout.columns {
            // The sort arrow stays visible however narrow the column: the title gives way.
            let arrow = c == sortColumn ? (descending ? "▼" : "▲") : ""
            let title = TextWidth.truncate(strings.l(CitizenList.header(c)), to: w - TextWidth.columns(arrow)) + arrow
            canvas.put(TextWidth.fit(title, to: w), row: from, col: col, role: .header, width: w)
            col += w + 1
        }
        guard count > 0 else {
            canvas.put(strings.l(.noCitizens), row: from + 1, col: 1, role: .dim)
            canvas.cursor = (from + 1, 0)
            return
        }
        for (line, index) in scroll.window(count: count, height: height - 1).enumerated() {
            let entry = entries[visible[index]]   // one copy per drawn row, not per filtered row
            let row = from + 1 + line
            let isSelected = index == selected
            let base: Role = isSelected ? .selected : .normal
            canvas.clear(row: row, role: base)
            col = 0
            for (c, w) in layout.columns {
                var text = cell(c, entry, strings: strings, benefits: benefits)
                var nameRoom = w
                if c == .name {
                    (text, nameRoom) = nameCell(entry, width: w, strings: strings, mark: marks.map { $0.contains(entry.id) ? "✓ " : "  " } ?? "",
                                                closedShown: closedShown)
                }
                let role: Role = (c == .overdue && entry.overdueFollowUps > 0 && !isSelected) ? .alert
                    : (entry.closed != nil && !isSelected) ? .dim : base
                canvas.put(TextWidth.truncate(text, to: w), row: row, col: col, role: role, width: w)
                if c == .name, marks == nil, let h = highlight(visible[index]) {
                    // Re-draw the matched characters in the match role, at their column (within the name as shown).
                    let before = String(entry.name.prefix(h.lowerBound))
                    let matched = String(entry.name.dropFirst(h.lowerBound).prefix(h.count))
                    let start = TextWidth.columns(before)
                    if start < nameRoom { canvas.put(matched, row: row, col: col + start, role: .match, width: nameRoom - start) }
                }
                col += w + 1
            }
            if isSelected { canvas.cursor = (row, 0) }
        }
    }
}
