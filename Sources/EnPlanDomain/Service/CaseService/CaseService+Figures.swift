// The supervisors' figures (Figures/): one section's table for a viewer, the citizens behind a
// cell, a preview of moving citizens, the targets. Each read goes through `Access` and is logged:
// a table as an aggregate read, the list behind a cell like the citizen list, an export as such.
extension CaseService {
    /// One section's figures for the viewer (logged once as an aggregate read). A caseworker gets
    /// their own caseload only: `filter.user` is forced to them; asking for another's or the team's is `DomainError.forbidden`.
    /// `logged: false` for a screen's refresh of figures it already shows (not a new look).
    public func figures(_ section: FigureSection, filter: FigureFilter, settings: FigureSettings = FigureSettings(), as viewerID: String,
                        logged: Bool = true) throws -> FigureTable {
        try store.refresh()
        let viewer = try user(viewerID)
        let f = try allowed(filter, section: section, for: viewer)
        let seq = store.lastSeq
        let base = figureBase()
        let table = figureCache.table(FigureCache.Key(section: section, filter: f, settings: settings, viewer: viewer.id, today: today,
                                                      seq: seq)) { base.withCitizens { rows, summaries in
            let scope = FigureScope(state: store.projection, viewer: viewer, filter: f, settings: settings, today: today, asOf: store.clock.now(),
                                    rows: rows, summaries: summaries, userIDs: base.userIDs)
            switch section {
            case .caseload: return CaseloadFigures.table(scope)
            case .timeliness: return TimelinessFigures.table(scope)
            case .caseworkers: return CaseworkerFigures.table(scope)
            case .contacts: return ContactFigures.table(scope)
            case .coverage: return CoverageFigures.table(scope)
            case .referrals: return ReferralFigures.table(scope)
            case .targets: return TargetFigures.table(scope)
            case .youth: return YouthFigures.table(scope)
            case .assessments: return AssessmentFigures.table(scope)
            case .reviews: return ReviewFigures.table(scope)
            case .offers: return OfferFigures.table(scope)
            }
        } }
        if logged { try record(.figuresRead(by: viewer.id, section: section.rawValue, rows: table.rows.count)) }
        return table
    }

    /// Brings the figures' citizen array and summaries up to the store's last seq (from nothing
    /// the first time: about a third of a second at 100,000 citizens). The figures call it; a
    /// screen may call it while the user is idle, so that the dashboard opens at once.
    public func prepareFigures() { _ = figureBase() }

    /// Whether another host announced a change (PostgreSQL's NOTIFY): the session refreshes at
    /// once rather than at its next second. A wake-up only; the refresh reads by seq.
    public func changesAnnounced() -> Bool { store.changesAnnounced() }

    func figureBase() -> FigureBase {
        let base = store.readModel(FigureBase.self) { FigureBase() }
        base.update(store.projection, seq: store.lastSeq)
        return base
    }

    /// The filter a viewer may have: a caseworker's is their own caseload; the targets are the team's.
    /// The one place a leader's scope is decided: in a store with an organisation, a supervisor's
    /// figures are of a unit they lead or one below it (`Organisation.leaderScope`; the first they
    /// lead when none is asked for), and a caseworker filtered on must be in that unit; the
    /// director (a leader of the one root) sees everyone; administrators may ask for any unit.
    func allowed(_ filter: FigureFilter, section: FigureSection, for viewer: User) throws -> FigureFilter {
        guard filter.period.from <= filter.period.to, filter.period.to - filter.period.from <= 3660 else {
            throw DomainError.invalid(.period)
        }
        var f = filter
        let org = store.projection.organisation
        if let unit = f.unit, org.units[unit] == nil { throw DomainError.notFound(.unit(unit)) }
        if viewer.role == .caseworker {
            if section == .targets || section == .youth || section == .assessments { throw DomainError.forbidden(.supervisorsOnly(.teamFigures)) }
            if let u = f.user, u != viewer.id { throw DomainError.forbidden(.ownFiguresOnly(user: viewer.id, other: u)) }
            f.user = viewer.id
            f.unit = nil
            return f
        }
        if let u = f.user, store.projection.user(u) == nil { throw DomainError.notFound(.user(u)) }
        if viewer.role == .supervisor, !org.isEmpty {
            let scope = org.leaderScope(of: viewer.id)
            guard let first = scope.first else { throw DomainError.forbidden(.leadsNoUnit(user: viewer.id)) }
            if let unit = f.unit {
                guard scope.contains(unit) else { throw DomainError.forbidden(.otherUnit(user: viewer.id, unit: unit)) }
            } else {
                f.unit = first
            }
        }
        if let unit = f.unit, let u = f.user, !org.coversAll(unit) {
            let day = min(f.period.to, today)
            guard org.members(of: org.subtree(of: unit), on: day).contains(u) else {
                throw DomainError.forbidden(.otherUnit(user: viewer.id, unit: org.unit(of: u, on: day) ?? u))
            }
        }
        return f
    }

    /// The units whose figures a viewer may ask for, in tree order with their depth: a leader's
    /// own and those below, every unit for an administrator, none for a caseworker (or without an
    /// organisation). The dashboard's unit filter walks them.
    public func figureUnits(as viewerID: String) -> [(unit: OrgUnit, depth: Int)] {
        guard let viewer = try? user(viewerID) else { return [] }
        let tree = store.projection.organisation.tree()
        switch viewer.role {
        case .caseworker: return []
        case .admin: return tree
        case .supervisor:
            let scope = Set(store.projection.organisation.leaderScope(of: viewer.id))
            return tree.filter { scope.contains($0.unit.id) }
        }
    }

    /// The citizens behind one cell, as the citizen list's rows (same access rules; logged like the citizen list).
    /// `logged: false` for a screen's refresh of a list it already shows; citizens who became
    /// visible in it since are then logged as a list refresh.
    public func citizensBehind(_ table: FigureTable, row: Int, column: Int, as viewerID: String, logged: Bool = true) throws -> [CitizenRow] {
        try store.refresh()
        let viewer = try user(viewerID)
        _ = try allowed(table.filter, section: table.section, for: viewer)
        guard table.rows.indices.contains(row), table.rows[row].cells.indices.contains(column) else {
            throw DomainError.invalid(.noCell(row: row, column: column))
        }
        guard let ids = table.rows[row].cells[column].citizens else {
            throw DomainError.invalid(.notACount(column: table.columns[column].title, row: table.rows[row].label))
        }
        let today = self.today
        var seen = Set<String>()
        let rows = ids.compactMap { id -> CitizenRow? in
            guard seen.insert(id).inserted, let c = store.projection.citizens.head(id), Access.canSee(viewer, c) else { return nil }
            return self.row(c, viewer: viewer, today: today)
        }.inNameOrder()
        if logged { try record(.citizensListed(by: viewer.id, count: rows.count)) }
        return rows
    }

    /// Caseloads after moving `citizens` to `to` (for a preview), without writing.
    public func caseloadPreview(moving citizens: [String], to: String, as viewerID: String) throws -> [(user: String, before: Int, after: Int)] {
        try store.refresh()
        let viewer = try user(viewerID)
        guard viewer.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.moveCitizens)) }
        guard let target = store.projection.user(to), target.active, target.role == .caseworker else { throw DomainError.notFound(.activeCaseworker(to)) }
        var moved: [String: Int] = [:]
        for id in Set(citizens) {
            guard let c = store.projection.citizens[id], !c.isErased else { throw DomainError.notFound(.citizen(id)) }
            if c.responsible != to { moved[c.responsible, default: 0] += 1 }
        }
        let affected = Set(moved.keys).union([to])
        var before: [String: Int] = [:]
        for c in store.projection.citizens.heads where affected.contains(c.responsible) { before[c.responsible, default: 0] += 1 }
        let gained = moved.values.reduce(0, +)
        return affected.sorted().map { u in
            let b = before[u] ?? 0
            return (u, b, u == to ? b + gained : b - (moved[u] ?? 0))
        }
    }

    /// Records that a table left the system (the CSV export): call it when the file is written.
    public func recordExport(_ table: FigureTable, as viewerID: String) throws {
        try record(.figuresExported(by: viewerID, section: table.section.rawValue, rows: table.rows.count))
    }

    /// Every target, in force or ended, by id (targets are no personal data: any active user).
    public func targets(as viewerID: String) -> [Target] {
        guard (try? user(viewerID)) != nil else { return [] }
        return store.projection.targets.values.sorted { $0.id < $1.id }
    }
}

/// Tables already computed, by what they were computed from: the same section, filter, settings,
/// viewer and day at the same last seq is the same table. Another terminal's change moves the seq
/// on, and the next read computes the tables afresh from the store's `FigureBase` read model, which takes in
/// just the citizens that changed.
public final class FigureCache: @unchecked Sendable {
    struct Key: Hashable {
        let section: FigureSection
        let filter: FigureFilter
        let settings: FigureSettings
        let viewer: String
        let today: Day
        let seq: Int
    }
    private var tables: [Key: FigureTable] = [:]
    private var seq = -1

    public init() {}

    func table(_ key: Key, compute: () -> FigureTable) -> FigureTable {
        if key.seq != seq { tables = [:]; seq = key.seq }
        if let t = tables[key] { return t }
        let t = compute()
        tables[key] = t
        return t
    }
}
