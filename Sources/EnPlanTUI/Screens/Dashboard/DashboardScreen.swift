import EnPlanDomain

/// The supervisors' dashboard: a section of figures at a time, each cell a count whose citizens
/// open with Enter (the same query built both: a count and its list agree). One filter line
/// (sector, target group, caseworker, period), the time the figures are "as of", `F` freezes them.
/// Supervisors and administrators see every team; a caseworker sees their own caseload only.
public struct DashboardScreen: Screen {
    public private(set) var section: FigureSection = .caseload
    public private(set) var filter: FigureFilter
    /// The named period in force (nil: dates typed with `D`).
    var periodName: Period.Named? = .thisQuarter
    public private(set) var table: FigureTable?
    var problem: String?
    var rows = ScrollList()
    var column = 0
    var frozen = false
    var showDefinition = false
    /// Typing the period's dates.
    var dates: Form?
    /// Setting the youth cohorts' target group (`M` on the youth section).
    var groupForm: Form?
    /// Drawing the quarter's review sample: its size.
    var draw: Form?
    /// Another terminal changed something since the figures were computed (shown until `r`, or
    /// the next automatic recompute).
    var changedSince = false

    /// Figures are recomputed by themselves at most this often (each takes a full pass over the
    /// citizens; a supervisor reads them "as of" a time, and `r` recomputes at once).
    static let refreshSeconds = 60

    public init(context x: ScreenContext) {
        filter = FigureFilter(period: Period.named(.thisQuarter, today: x.today))
        compute(x)
    }

    public var route: Route { .dashboard }

    /// The rows the table has: the body less the filter line, the section line and the header.
    static func height(_ x: ScreenContext) -> Int { max(1, x.rows - 4) }

    public func keys(_ context: ScreenContext) -> [Binding] {
        if dates != nil || groupForm != nil || draw != nil { return KeyTable.form + KeyTable.whileTyping }
        let drawing = section == .reviews && context.user.role != .caseworker ? KeyTable.reviewDrawing : []
        return KeyTable.dashboard + drawing + KeyTable.global
    }

    /// Asks the domain for the section's figures (logged as an aggregate read, unless it is a
    /// refresh of what is shown).
    mutating func compute(_ x: ScreenContext, logged: Bool = true) {
        changedSince = false
        do {
            table = try x.service.figures(section, filter: filter, settings: x.figureSettings, as: x.user.id, logged: logged)
            problem = nil
        } catch {
            table = nil
            problem = x.strings.refusal(error, names: x.names)
        }
        // The unit the domain chose (a leader's own, when none was asked for) is the filter's from now on.
        if let unit = table?.filter.unit { filter.unit = unit }
        let count = table?.rows.count ?? 0
        rows.clamp(count: count, height: Self.height(x))
        column = max(0, min(column, (table?.columns.count ?? 1) - 1))
    }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        let height = Self.height(x), count = table?.rows.count ?? 0
        if key == .resize { rows.clamp(count: count, height: height); return .none }
        if var form = dates { return typeDates(key, &form, x) }
        if var form = groupForm { return typeGroup(key, &form, x) }
        if var form = draw { return typeDraw(key, &form, x) }
        if showDefinition { showDefinition = false; if key == .escape || key == .char("i") { return .none } }
        let action: DashboardAction
        switch KeyTable.pressed(key, in: keys(x), as: DashboardAction.self) {
        case nil: return .none
        case .frame(let effect)?: return effect
        case .back?: return .back
        case .open?: return openCell(x)
        case .move(.up)?: rows.move(by: -1, count: count, height: height); return .none
        case .move(.down)?: rows.move(by: 1, count: count, height: height); return .none
        case .move?: return .none   // a page, the first, the last: the tables are short
        case .own(let own)?: action = own
        }
        switch action {
        case .left: column = max(0, column - 1)
        case .right: column = min(max(0, (table?.columns.count ?? 1) - 1), column + 1)
        case .nextSection, .previousSection:
            let all = FigureSection.allCases, i = all.firstIndex(of: section)!
            show(all[(i + (action == .nextSection ? 1 : all.count - 1)) % all.count], x)
        case .figures(let s): show(s, x)
        case .definition: showDefinition = table != nil
        case .sector:
            let all: [Sector?] = [nil] + Sector.allCases
            filter.sector = all[((all.firstIndex(of: filter.sector) ?? 0) + 1) % all.count]
            compute(x)
        case .filterGroup:
            let all: [TargetGroup?] = [nil, .child, .youth, .adult]
            filter.group = all[((all.firstIndex(of: filter.group) ?? 0) + 1) % all.count]
            compute(x)
        case .filterCaseworker:
            guard x.user.role != .caseworker else { return .none }
            // Only the caseworkers of the unit shown (today's members): another team's are not offered.
            let org = x.service.organisation
            let members = filter.unit.flatMap { org.coversAll($0) ? nil : org.members(of: org.subtree(of: $0), on: x.today) }
            let all: [String?] = [nil] + x.service.activeCaseworkers.map(\.id).filter { members?.contains($0) ?? true }
            filter.user = all[((all.firstIndex(of: filter.user) ?? 0) + 1) % all.count]
            compute(x)
        case .filterUnit:
            // The units this viewer may see figures of, in tree order; an administrator also "all".
            let units = x.service.figureUnits(as: x.user.id).map(\.unit.id)
            guard !units.isEmpty else { return .none }
            let all: [String?] = (x.user.role == .admin ? [nil] : []) + units.map(Optional.some)
            filter.unit = all[((all.firstIndex(of: filter.unit) ?? -1) + 1) % all.count]
            filter.user = nil
            rows = ScrollList()
            compute(x)
        case .period:
            let all = Period.Named.allCases
            let next = periodName.map { all[(all.firstIndex(of: $0)! + 1) % all.count] } ?? .thisMonth
            periodName = next
            filter.period = Period.named(next, today: x.today)
            compute(x)
        case .dates:
            typealias F = Form.Field
            var form = Form(title: x.strings.d(.datesTitle), fields: [
                F.date("from", x.strings.d(.fFrom), x.strings.date(filter.period.from)),
                F.date("to", x.strings.d(.fTo), x.strings.date(filter.period.to)),
            ], hint: x.strings.d(.datesHint))
            form.confirmDiscard = false
            dates = form
        case .targetGroup:
            guard section == .youth else { return .message(x.strings.d(.groupOnYouth), .alert) }
            groupForm = TargetGroupForm.make(x.service.youthTargetGroup, benefits: Array(x.service.benefits.values), today: x.today, strings: x.strings)
        case .freeze: frozen.toggle()
        case .refresh: compute(x)
        case .drawSample:
            guard !x.service.isDrawn(Quarter(of: x.today)) else { return .message(x.strings.v(.alreadyDrawn), .alert) }
            var form = Form(title: "\(x.strings.v(.drawTitle)) · \(x.strings.text(Quarter(of: x.today).label))", fields: [
                Form.Field(key: "size", label: x.strings.v(.fSize), kind: .number(1...1000, extra: []), value: String(ReviewDraw.defaultSize)),
            ], hint: x.strings.v(.drawHint))
            form.confirmDiscard = false
            draw = form
        case .exportCSV:
            guard let table else { return .none }
            return .export(name: "enplan-\(section.rawValue)-\(x.today.iso).csv",
                           text: FigureCSV.render(table, danish: x.strings.language == .da, names: x.staffNames,
                                                 units: x.service.organisation.units.mapValues(\.name)),
                           done: x.strings.d(.exported), record: .figures(table))
        }
        return .none
    }

    private mutating func show(_ s: FigureSection, _ x: ScreenContext) {
        guard s != section else { return }
        section = s
        rows = ScrollList()
        column = 0
        compute(x)
    }

    private mutating func typeDraw(_ key: Key, _ form: inout Form, _ x: ScreenContext) -> Effect {
        if let frame = KeyTable.frame(key) { return frame }
        switch form.handle(key) {
        case .none: draw = form
        case .cancel: draw = nil
        case .save:
            draw = form
            guard form.validate(today: x.today, strings: x.strings), let size = Int(form.value("size")) else { return .none }
            // A fresh seed, recorded in the event: the draw can be made again from it (`review sample --check`).
            return .write([.drawReviewSample(quarter: Quarter(of: x.today), size: size, seed: Int.random(in: 1...(1 << 53)))], expectedVersion: nil)
        }
        return .none
    }

    /// The answer to the draw's or the target group's form (the dashboard writes nothing else).
    public mutating func written(_ result: WriteResult, context x: ScreenContext) -> Effect {
        switch result {
        case .saved:
            if draw != nil { draw = nil; return .message(x.strings.v(.drawn), .normal) }
            guard groupForm != nil else { return .none }
            groupForm = nil
            compute(x)
            return .message(x.strings.d(.groupSaved), .normal)
        case .refused(let e):
            if draw != nil { draw?.show(refusal: e, strings: x.strings, names: x.names, fields: [.value: "size"]); return .none }
            guard groupForm != nil else { return .message(x.strings.refusal(e, names: x.names), .error) }
            groupForm?.show(refusal: e, strings: x.strings, names: x.names, fields: [.benefit: "benefits", .value: "age", .date: "baseline", .textOf(.legalBasis): "basis"])
            return .none
        }
    }

    private mutating func typeDates(_ key: Key, _ form: inout Form, _ x: ScreenContext) -> Effect {
        if let frame = KeyTable.frame(key) { return frame }
        switch form.handle(key) {
        case .none: dates = form
        case .cancel: dates = nil
        case .save:
            guard form.validate(today: x.today, strings: x.strings), let from = form.day("from", today: x.today),
                  let to = form.day("to", today: x.today) else { dates = form; return .none }
            guard from <= to else { form.show("\(x.strings.d(.fFrom)) > \(x.strings.d(.fTo))", at: "to"); dates = form; return .none }
            dates = nil
            periodName = nil
            filter.period = Period(from: from, to: to)
            compute(x)
        }
        return .none
    }

    private mutating func typeGroup(_ key: Key, _ form: inout Form, _ x: ScreenContext) -> Effect {
        if let frame = KeyTable.frame(key) { return frame }
        switch form.handle(key) {
        case .none: groupForm = form
        case .cancel: groupForm = nil
        case .save:
            groupForm = form
            guard form.validate(today: x.today, strings: x.strings) else { groupForm = form; return .none }
            let benefits = Array(x.service.benefits.values)
            if let unknown = TargetGroupForm.codes(form.value("benefits"), benefits: benefits).unknown {
                form.show("\"\(unknown)\"? \(x.strings.d(.unknownBenefit))", at: "benefits"); groupForm = form; return .none
            }
            return .write([TargetGroupForm.command(form, benefits: benefits, today: x.today)], expectedVersion: nil)
        }
        return .none
    }

    /// The target group's save: the form closes and the cohorts are counted again; a refusal stays in the form.
    /// Enter on a cell: the citizens behind it, on a screen of their own above the dashboard.
    private func openCell(_ x: ScreenContext) -> Effect {
        guard let table, table.rows.indices.contains(rows.selected), table.columns.indices.contains(column) else { return .none }
        let row = table.rows[rows.selected]
        guard row.cells.indices.contains(column), row.cells[column].citizens != nil else {
            return .message(x.strings.d(.notDrillable), .alert)
        }
        return .open(.figureList(FigureRef(table: table, row: rows.selected, column: column)))
    }

    /// A write here: computed again at once. Another terminal's change: computed again unless
    /// frozen or computed less than a minute ago (then the filter line says "changed since").
    public mutating func reload(_ changes: CaseService.Changes?, context x: ScreenContext) -> Effect {
        guard !frozen else { changedSince = true; return .none }
        let age = table.map { (x.service.now.minutesSinceEpoch - $0.asOf.local.minutesSinceEpoch) * 60 } ?? Self.refreshSeconds
        if changes == nil || changes?.afterOwnWrite == true || age >= Self.refreshSeconds { compute(x, logged: false) } else { changedSince = true }
        return .none
    }

    public func status(_ x: ScreenContext) -> Status {
        let s = x.strings
        if let problem { return Status(problem, .error) }
        let count = table?.rows.count ?? 0
        return Status("\(s.d(.title)): \(s.d(section.name)) · \(count) \(s.d(count == 1 ? .row : .rows))" + (frozen ? " · \(s.d(.frozen))" : ""))
    }
}

/// One cell of a figure table: what `.figureList` opens. Equal when it names the same cell of the
/// same figure under the same filter (the table itself is carried, not compared).
public struct FigureRef: Equatable, Sendable {
    public let table: FigureTable
    public let row: Int
    public let column: Int

    public var section: FigureSection { table.section }
    public var rowKey: String { table.rows[row].key }
    public var columnKey: String { table.columns[column].key }

    public static func == (a: FigureRef, b: FigureRef) -> Bool {
        a.section == b.section && a.table.filter == b.table.filter && a.rowKey == b.rowKey && a.columnKey == b.columnKey
    }
}
