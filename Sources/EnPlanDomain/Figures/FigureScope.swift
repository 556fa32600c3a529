import Foundation

/// What every section computes from: the projection, the viewer, the filter, the day. The
/// citizens a section counts are those `Access` lets the viewer see, narrowed by the filter's
/// sector (the citizen's case involves it), target group, caseworker (responsible) and unit: the
/// citizens whose responsible caseworker on `unitDay` (the period's last day, or today while it
/// runs) was in the unit or a unit below it on that day (`Organisation.members`), so a figure of
/// a past period follows who was responsible and where they worked then, not today's chart.
///
/// Invariant (speed): no section copies a whole `Citizen` per pass. A copy retains its two dozen
/// arrays and strings one by one, which was a third of the figures' time at 100,000 citizens;
/// sections read citizens through `CitizenRef`, which reads each field in place in the
/// figures' arrays (`FigureBase`), so a pass pays only for the fields it uses.
struct FigureScope {
    let state: Projection
    let viewer: User
    let filter: FigureFilter
    let settings: FigureSettings
    let today: Day
    let asOf: Timestamp
    /// The projection's citizens, readable in place (`FigureBase`).
    let rows: UnsafeBufferPointer<FigureCitizen>
    /// Index-aligned with `rows`: each citizen's `FigureSummary`.
    let summaries: UnsafeBufferPointer<FigureSummary>
    /// The users the summaries name by number (`FigureBase.userIDs`), as they are now (nil: no such user).
    let staff: [User?]

    init(state: Projection, viewer: User, filter: FigureFilter, settings: FigureSettings, today: Day, asOf: Timestamp,
         rows: UnsafeBufferPointer<FigureCitizen>, summaries: UnsafeBufferPointer<FigureSummary>, userIDs: [String]) {
        self.state = state; self.viewer = viewer; self.filter = filter; self.settings = settings; self.today = today; self.asOf = asOf
        self.rows = rows; self.summaries = summaries
        staff = userIDs.map { state.user($0) }
        onlyUser = filter.user; onlyGroup = filter.group; onlySector = filter.sector
        seesAll = viewer.role.seesAllCitizens ? viewer.active : nil
        unitDay = min(filter.period.to, today)
        if let unit = filter.unit, !state.organisation.coversAll(unit) {
            let members = state.organisation.members(of: state.organisation.subtree(of: unit), on: unitDay)
            unitMembers = members
            inUnit = userIDs.map(members.contains)
        } else {
            unitMembers = nil; inUnit = nil
        }
    }

    /// The day the unit's members and each citizen's responsible caseworker are taken on.
    let unitDay: Day
    /// The people in the filter's unit (and those below) on `unitDay`; nil: no unit's scope.
    let unitMembers: Set<String>?
    /// `unitMembers` by user number (`FigureBase.userIDs`), for the passes.
    private let inUnit: [Bool]?

    /// Whether the citizen's responsible caseworker on `unitDay` was in the filter's unit (always,
    /// without a unit's scope). The targets count the unit's citizens through it, whatever the other filters.
    func inUnitScope(_ c: CitizenRef) -> Bool {
        guard let inUnit else { return true }
        var user = c.responsibleNumber
        if unitDay < today { c.responsibleIndex(at: [unitDay]) { _, u in user = u } }
        return inUnit[user]
    }

    // `includes`' terms, read once: reading them from `filter` and `viewer` at each citizen
    // copied those structs (a retain for each of their strings) 100,000 times a pass.
    private let onlyUser: String?, onlyGroup: TargetGroup?, onlySector: Sector?
    /// Whether the viewer sees every citizen (nil: ask `Access` citizen by citizen).
    private let seesAll: Bool?

    /// The responsible caseworker of `c` as they are now (nil: no such user).
    func responsibleUser(_ c: CitizenRef) -> User? { staff[c.responsibleNumber] }

    func includes(_ c: CitizenRef) -> Bool {
        inUnitScope(c) && includesBesidesUnit(c)
    }

    private func includesBesidesUnit(_ c: CitizenRef) -> Bool {
        if let u = onlyUser, c.responsible != u { return false }
        if let g = onlyGroup, c.targetGroup(on: today) != g { return false }
        if let s = onlySector, !c.involves(s) { return false }
        // `Access.canSee`, asked of the whole citizen only when the role does not see everyone.
        return seesAll ?? Access.canSee(viewer, c.p.pointee)
    }

    /// Whether a citizen read from the projection (not from `rows`) is in scope: for the few
    /// citizens a section looks up by id (a summary is worked out for it).
    func includes(_ c: Citizen) -> Bool {
        if let unitMembers {
            let responsible = c.facts.responsible.last { $0.from <= unitDay }?.user ?? c.responsible
            guard unitMembers.contains(responsible) else { return false }
        }
        var summary = FigureSummary(c, state, user: { _ in 0 }), c = FigureCitizen(c)
        return withUnsafePointer(to: &c) { cp in withUnsafePointer(to: &summary) { includesBesidesUnit(CitizenRef(cp, $0)) } }
    }

    /// Every citizen of the filter's unit (all, without one), whatever the other filters: the targets'.
    func unitCitizens() -> LazyFilterSequence<LazyMapSequence<Range<Int>, CitizenRef>> {
        all().filter(inUnitScope)
    }

    /// Every citizen of the projection, read in place (`CitizenRef`).
    func all() -> LazyMapSequence<Range<Int>, CitizenRef> {
        let rows = self.rows, summaries = self.summaries
        return (0..<rows.count).lazy.map { CitizenRef(rows.baseAddress! + $0, summaries.baseAddress! + $0) }
    }

    /// Every citizen in scope, read in place (no copy of 100,000 citizens); the lists behind the
    /// cells are put in order when they are opened.
    func citizens() -> LazyFilterSequence<LazyMapSequence<Range<Int>, CitizenRef>> {
        all().filter(includes)
    }

    /// The citizens in scope whose case is open today: the caseload (a closed case leaves it).
    func openCitizens() -> LazyFilterSequence<LazyMapSequence<Range<Int>, CitizenRef>> {
        let today = self.today
        return all().filter { self.includes($0) && $0.isOpen(on: today) }
    }

    /// An exclusion every figure of the caseload has: closed cases.
    static let closedCases = ("Lukkede sager (lukket i dag eller før)", "Closed cases (closed today or before)")

    /// c2 before c10: ids by their number, then as text.
    static func idOrder(_ a: String, _ b: String) -> Bool {
        let na = number(a), nb = number(b)
        if let na, let nb, na != nb { return na < nb }
        return a < b
    }

    /// `ids` in `idOrder`, each id's number read once (not at each of the sort's comparisons).
    /// Each id once, in the order first seen.
    static func distinct(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    static func sortedByID(_ ids: [String]) -> [String] {
        ids.map { (number($0), $0) }.sorted { a, b in
            if let na = a.0, let nb = b.0, na != nb { return na < nb }
            return a.1 < b.1
        }.map(\.1)
    }

    /// `Int(id.dropFirst())`, read from the bytes when the id is an ASCII letter and digits (the
    /// sorts ask it a million times); anything else the slow way, for the same answer.
    static func number(_ id: String) -> Int? {
        var n = 0, digits = 0, first = true
        for b in id.utf8 {
            if first { first = false; if b >= 0x80 { return Int(id.dropFirst()) }; continue }
            guard b >= 48, b <= 57, digits < 18 else { return Int(id.dropFirst()) }
            n = n * 10 + Int(b - 48); digits += 1
        }
        return digits > 0 ? n : Int(id.dropFirst())
    }

    /// Whether a user is an active caseworker (a row of their own; else "unassigned or deactivated").
    func isActiveCaseworker(_ id: String) -> Bool { FigureScope.isActiveCaseworker(state.user(id)) }
    static func isActiveCaseworker(_ u: User?) -> Bool { u.map { $0.active && $0.role == .caseworker } ?? false }

    func name(_ id: String) -> String { state.user(id)?.name ?? id }

    /// The caseworkers who get a row: active caseworkers (one, with a user filter).
    func caseworkers() -> [User] {
        state.users.filter { $0.active && $0.role == .caseworker && (filter.user == nil || $0.id == filter.user)
            && (unitMembers?.contains($0.id) ?? true) }
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    func table(_ section: FigureSection, _ columns: [FigureColumn], _ rows: [FigureRow]) -> FigureTable {
        FigureTable(section: section, columns: columns, rows: rows, asOf: asOf, filter: filter)
    }

    /// The filter's period in words, for definitions.
    var periodText: Bilingual {
        Bilingual("\(filter.period.from.danish) til \(filter.period.to.danish)", "\(filter.period.from.iso) to \(filter.period.to.iso)")
    }

    static func label(_ group: TargetGroup) -> Bilingual {
        switch group {
        case .child: Bilingual("Børn (under 15)", "Children (under 15)")
        case .youth: Bilingual("Unge (15-29)", "Youth (15-29)")
        case .adult: Bilingual("Voksne (30+)", "Adults (30+)")
        }
    }

    static func label(_ sector: Sector) -> Bilingual {
        switch sector {
        case .employment: Bilingual("Beskæftigelse", "Employment")
        case .social: Bilingual("Social", "Social")
        case .health: Bilingual("Sundhed", "Health")
        case .family: Bilingual("Familie", "Family")
        case .misuse: Bilingual("Misbrug", "Misuse")
        }
    }

    static let all = Bilingual("I alt", "All")

    /// The row keys of a target group and a sector ("group:youth", "sector:social"): constants,
    /// so a pass does not join a string per citizen.
    static func row(_ g: TargetGroup) -> String {
        switch g {
        case .child: "group:child"
        case .youth: "group:youth"
        case .adult: "group:adult"
        }
    }

    static func row(_ s: Sector) -> String {
        switch s {
        case .employment: "sector:employment"
        case .social: "sector:social"
        case .health: "sector:health"
        case .family: "sector:family"
        case .misuse: "sector:misuse"
        }
    }
}

/// A citizen read in place: each property reads one field through the pointer (`pointee` is an
/// address, so only that field is loaded and retained), where `for c in citizens` would copy
/// every field of every citizen. Names as on `Citizen`. Valid while `FigureBase.withCitizens` runs.
struct CitizenRef {
    let p: UnsafePointer<FigureCitizen>
    /// What the passes ask most, worked out when the citizen was taken in.
    let summary: UnsafePointer<FigureSummary>
    init(_ p: UnsafePointer<FigureCitizen>, _ summary: UnsafePointer<FigureSummary>) { self.p = p; self.summary = summary }

    var id: String { p.pointee.id }
    var responsible: String { p.pointee.responsible }
    /// The responsible caseworker's number in `FigureScope.staff` (today's): a figure asks this,
    /// never the summary's fields.
    var responsibleNumber: Int { summary.pointee.responsibleIndex }
    /// "user:" + `responsible`, the row key, made once.
    var userRow: String { summary.pointee.userRow }
    // The plan's parts from the summary (nil: no plan): `p.pointee.plan?` copies the whole plan.
    var hasPlan: Bool { summary.pointee.planCreated != nil }
    var planCreated: Day? { summary.pointee.planCreated }
    var followUps: [FigureSummary.FollowUpMark]? { hasPlan ? summary.pointee.followUps : nil }
    var efforts: [FigureSummary.EffortMark]? { hasPlan ? summary.pointee.efforts : nil }
    var referrals: [FigureSummary.ReferralMark]? { hasPlan ? summary.pointee.referrals : nil }
    var registered: Day { summary.pointee.registered }
    /// The day the case closed (nil: open).
    var closed: Day? { summary.pointee.closedDay.day }
    /// Whether the case is open on `day` (`Citizen.isOpen(on:)`): a closed case leaves the caseload.
    func isOpen(on day: Day) -> Bool { closed.map { $0 > day } ?? true }
    /// The number (`staff`) of the caseworker responsible at the end of each of `ends` (ascending),
    /// nil before the citizen was registered or had one: the responsible history walked once.
    func responsibleIndex(at ends: [Day], _ body: (_ week: Int, _ user: Int) -> Void) {
        let spans = summary.pointee.spans, registered = summary.pointee.registered
        var k = -1
        for w in ends.indices where registered <= ends[w] {
            while k + 1 < spans.count, spans[k + 1].from <= ends[w] { k += 1 }
            if k >= 0 { body(w, spans[k].user) }
        }
    }
    var merged: [Day] { summary.pointee.merged }
    func answerDay(of referral: String) -> Day? {
        let answered = summary.pointee.answered
        for i in answered.indices where answered[i].what == referral { return answered[i].day }
        return nil
    }
    /// The citizen's meetings: day and status (`FigureSummary`).
    var meetings: [FigureSummary.MeetingMark] { summary.pointee.meetings }
    /// Each day someone (by user number) worked on the citizen, until `body` returns false (`FigureSummary.work`).
    func forEachWork(_ body: (_ day: Day, _ user: Int) -> Bool) { summary.pointee.work.forEach(body) }
    var consents: [Consent] { p.pointee.consents }
    var outcomes: CitizenOutcomes { p.pointee.outcomes }
    // The outcomes' parts one by one (a whole `CitizenOutcomes` copied retains each array).
    var statuses: [Outcome] { p.pointee.outcomes.statuses }
    var outcomesBenefits: [CitizenOutcomes.BenefitSpan] { p.pointee.outcomes.benefits }
    var vulnerability: [CitizenOutcomes.Flag] { p.pointee.outcomes.vulnerability }
    var ownAssessments: [OwnAssessment] { p.pointee.outcomes.assessments }
    var contactChosen: Day? { p.pointee.outcomes.contactChosen }
    var birthDate: Day { p.pointee.birthDate }

    func targetGroup(on day: Day) -> TargetGroup { summary.pointee.targetGroup(on: day) }
    /// Whether a consent is in force on `day`.
    func hasConsent(on day: Day) -> Bool { summary.pointee.consents.contains { Consent.isActive(given: $0.given, withdrawn: $0.withdrawn, on: day) } }

    /// `Citizen.sectorMask`.
    var sectorMask: UInt8 { summary.pointee.sectorMask }
    func involves(_ sector: Sector) -> Bool { sectorMask & sector.bit != 0 }

    /// Whether an effort of the plan is at an offer of the register, read by index (no effort copied).
    var hasOfferEffort: Bool {
        let efforts = summary.pointee.efforts
        for i in efforts.indices where efforts[i].offer != nil { return true }
        return false
    }

    /// The Copenhagen day of each contact, in order (`at.copenhagenDay`), worked out when taken in.
    func forEachContactDay(_ body: (Day) -> Void) {
        summary.pointee.work.days(first: summary.pointee.contactCount, body)
    }
}

/// One column's definition, written once.
func definition(_ numerator: (String, String), _ denominator: (String, String), _ exclusions: (String, String),
                _ period: Bilingual) -> FigureDefinition {
    FigureDefinition(numerator: Bilingual(numerator.0, numerator.1), denominator: Bilingual(denominator.0, denominator.1),
                     exclusions: Bilingual(exclusions.0, exclusions.1), period: period)
}

/// Lists of citizens by row and column key, filled in one pass: each count is its list's length.
/// A pass over 100,000 citizens finds its rows and columns by number (`row(_:)`, `column(_:)`,
/// asked once for each key, then `add(_:_:_:)` with the numbers): comparing and hashing the
/// keys' strings at every add was most of a pass's time. `add` with the keys themselves is for
/// the passes over few things.
struct Tally {
    private var rowSlot: [String: Int] = [:]
    private var columnSlot: [String: Int] = [:]
    /// Per row number, per column number: the citizens.
    private var lists: [[[String]]] = []

    /// The number of a row key (made on first use).
    mutating func row(_ key: String) -> Int {
        if let r = rowSlot[key] { return r }
        rowSlot[key] = lists.count
        lists.append(Array(repeating: [], count: columnSlot.count))
        return lists.count - 1
    }

    /// The number of a column key (made on first use).
    mutating func column(_ key: String) -> Int {
        if let c = columnSlot[key] { return c }
        columnSlot[key] = columnSlot.count
        for r in lists.indices { lists[r].append([]) }
        return columnSlot.count - 1
    }

    mutating func add(_ row: Int, _ column: Int, _ citizen: String) { lists[row][column].append(citizen) }
    mutating func add(_ row: String, _ column: String, _ citizen: String) {
        let c = self.column(column)
        add(self.row(row), c, citizen)
    }

    func ids(_ row: String, _ column: String) -> [String] {
        guard let r = rowSlot[row], let c = columnSlot[column] else { return [] }
        return lists[r][c]
    }
    func count(_ row: String, _ column: String) -> FigureCell { .count(ids(row, column)) }
}

enum Stats {
    /// The median (the mean of the middle two of an even count); nil for none.
    static func median(_ xs: [Int]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted(), n = s.count
        return n % 2 == 1 ? Double(s[n / 2]) : Double(s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// The 90th percentile by nearest rank (the smallest value at or above 90 % of them).
    static func p90(_ xs: [Int]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        let rank = Int((0.9 * Double(s.count)).rounded(.up))
        return Double(s[max(rank, 1) - 1])
    }

    /// "1,4" / "1.4": one decimal.
    static func decimal(_ v: Double) -> Bilingual {
        let r = (v * 10).rounded() / 10
        let s = String(format: "%.1f", r)
        return Bilingual(s.replacingOccurrences(of: ".", with: ","), s)
    }
}

/// A count for each staff member (by number in `FigureScope.staff`) and each week of a figure's
/// weeks: the figures add to it and read it by staff member and week, not by index arithmetic.
struct StaffWeeks {
    let weeks: Int
    private var counts: [Int]
    init(staff: Int, weeks: Int) { self.weeks = weeks; counts = Array(repeating: 0, count: staff * weeks) }
    subscript(staff: Int, week: Int) -> Int {
        get { counts[staff * weeks + week] }
        set { counts[staff * weeks + week] = newValue }
    }
    /// One staff member's weeks, oldest first.
    func weeks(of staff: Int) -> ArraySlice<Int> { counts[staff * weeks..<staff * weeks + weeks] }
    /// The largest count of any staff member in `week`.
    func largest(in week: Int) -> Int { stride(from: week, to: counts.count, by: weeks).map { counts[$0] }.max() ?? 0 }
}
