import Foundation

/// What every section computes from: the projection, the viewer, the filter, the day. The
/// citizens a section counts are those `Access` lets the viewer see, narrowed by the filter's
/// sector (the citizen's case involves it), target group and caseworker (responsible).
///
/// Invariant (speed): no section copies a whole `Citizen` per pass. A copy retains its two dozen
/// arrays and strings one by one, which was a third of the figures' time at 100,000 citizens;
/// sections read citizens through `CitizenRef`, which reads each field in place in the
/// projection's dictionary, so a pass pays only for the fields it uses.
struct FigureScope {
    let state: Projection
    let viewer: User
    let filter: FigureFilter
    let settings: FigureSettings
    let today: Day
    let asOf: Timestamp
    /// The projection's citizens, readable in place (`FigureBase`).
    let rows: UnsafeBufferPointer<Citizen>

    func includes(_ c: CitizenRef) -> Bool {
        if let u = filter.user, c.responsible != u { return false }
        if let g = filter.group, c.targetGroup(on: today) != g { return false }
        if let s = filter.sector, !c.involves(s) { return false }
        // `Access.canSee`, asked of the whole citizen only when the role does not see everyone.
        return viewer.role.seesAllCitizens ? viewer.active : Access.canSee(viewer, c.citizen)
    }

    /// Every citizen of the projection, read in place (`CitizenRef`).
    func all() -> LazyMapSequence<Range<Int>, CitizenRef> {
        let rows = self.rows
        return (0..<rows.count).lazy.map { CitizenRef(rows.baseAddress! + $0) }
    }

    /// Every citizen in scope, read in place (no copy of 100,000 citizens); the lists behind the
    /// cells are put in order when they are opened.
    func citizens() -> LazyFilterSequence<LazyMapSequence<Range<Int>, CitizenRef>> {
        all().filter(includes)
    }

    /// c2 before c10: ids by their number, then as text.
    static func idOrder(_ a: String, _ b: String) -> Bool {
        let na = number(a), nb = number(b)
        if let na, let nb, na != nb { return na < nb }
        return a < b
    }

    /// `ids` in `idOrder`, each id's number read once (not at each of the sort's comparisons).
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
    func isActiveCaseworker(_ id: String) -> Bool {
        guard let u = state.user(id) else { return false }
        return u.active && u.role == .caseworker
    }

    func name(_ id: String) -> String { state.user(id)?.name ?? id }

    /// The caseworkers who get a row: active caseworkers (one, with a user filter).
    func caseworkers() -> [User] {
        state.users.filter { $0.active && $0.role == .caseworker && (filter.user == nil || $0.id == filter.user) }
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
}

/// A citizen read in place: each property reads one field through the pointer (`pointee` is an
/// address, so only that field is loaded and retained), where `for c in citizens` would copy
/// every field of every citizen. Names as on `Citizen`. Valid while `FigureBase.withCitizens` runs.
struct CitizenRef {
    let p: UnsafePointer<Citizen>
    init(_ p: UnsafePointer<Citizen>) { self.p = p }

    var id: String { p.pointee.id }
    var responsible: String { p.pointee.responsible }
    // The plan's parts one by one: a whole `Plan` copied is a dozen retains more.
    var hasPlan: Bool { p.pointee.plan != nil }
    var planCreated: Day? { p.pointee.plan?.created }
    var followUps: [FollowUp]? { p.pointee.plan?.followUps }
    var efforts: [Effort]? { p.pointee.plan?.efforts }
    var referrals: [Referral]? { p.pointee.plan?.referrals }
    var contacts: [ContactEntry] { p.pointee.contacts }
    var meetings: [String] { p.pointee.meetings }
    var consents: [Consent] { p.pointee.consents }
    var facts: CitizenFacts { p.pointee.facts }
    var registered: Day { p.pointee.facts.registered }
    /// The whole citizen, copied (for `Access` with a role that does not see everyone).
    var citizen: Citizen { p.pointee }

    func targetGroup(on day: Day) -> TargetGroup { TargetGroup(age: p.pointee.cpr.birthDate.years(until: day)) }
    func activeConsents(on day: Day) -> [Consent] { consents.filter { $0.isActive(on: day) } }

    /// `Citizen.sectorMask`, from the fields.
    var sectorMask: UInt8 {
        var m: UInt8 = 0
        for s in p.pointee.registeredSectors { m |= s.bit }
        // By index, field by field: `for e in efforts` would copy each effort (and retain its strings).
        if let efforts = p.pointee.plan?.efforts {
            for i in efforts.indices where efforts[i].status != .cancelled { m |= efforts[i].sector.bit }
        }
        if let referrals = p.pointee.plan?.referrals {
            for i in referrals.indices where referrals[i].status == .requested || referrals[i].status == .accepted { m |= referrals[i].to.bit }
        }
        return m
    }
    func involves(_ sector: Sector) -> Bool { sectorMask & sector.bit != 0 }

    /// Whether an effort of the plan is at an offer of the register, read by index (no effort copied).
    var hasOfferEffort: Bool {
        guard let efforts = p.pointee.plan?.efforts else { return false }
        for i in efforts.indices where efforts[i].offer != nil { return true }
        return false
    }

    /// The Copenhagen day of each contact, in order (`at.copenhagenDay`), read field by field.
    func forEachContactDay(_ body: (Day) -> Void) {
        let contacts = p.pointee.contacts
        for i in contacts.indices { body(contacts[i].at.copenhagenDay) }
    }
}

/// One column's definition, written once.
func definition(_ numerator: (String, String), _ denominator: (String, String), _ exclusions: (String, String),
                _ period: Bilingual) -> FigureDefinition {
    FigureDefinition(numerator: Bilingual(numerator.0, numerator.1), denominator: Bilingual(denominator.0, denominator.1),
                     exclusions: Bilingual(exclusions.0, exclusions.1), period: period)
}

/// Lists of citizens by row and column key, filled in one pass: each count is its list's length.
/// A row is found by its key once per run of adds to it (the last row is remembered), a column by
/// a look along the few columns seen: no hashing of both keys at every add.
struct Tally {
    private var rowSlot: [String: Int] = [:]
    private var columns: [String] = []
    /// Per row slot, per column slot: the citizens.
    private var lists: [[[String]]] = []
    private var lastRow: String?, lastSlot = 0

    mutating func add(_ row: String, _ column: String, _ citizen: String) {
        let r: Int
        if let last = lastRow, last == row { r = lastSlot } else {
            if let slot = rowSlot[row] { r = slot } else { r = lists.count; rowSlot[row] = r; lists.append([]) }
            lastRow = row; lastSlot = r
        }
        let c = columns.firstIndex(of: column) ?? { columns.append(column); return columns.count - 1 }()
        if lists[r].count <= c { lists[r] += Array(repeating: [], count: c + 1 - lists[r].count) }
        lists[r][c].append(citizen)
    }
    func ids(_ row: String, _ column: String) -> [String] {
        guard let r = rowSlot[row], let c = columns.firstIndex(of: column), c < lists[r].count else { return [] }
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
