/// The supervisors' figures: the shared shapes every section's table is made of.
///
/// Invariants:
/// - A table is computed from the projection only (never a scan of the log), for one viewer,
///   through `Access`, and each cell with a count carries the ids of the citizens it counts, built
///   in the same pass: a count and the list behind it always agree.
/// - Every column has a definition (numerator, denominator, exclusions, period) in Danish and
///   English: what the screen's `i` shows and what the CSV export's header block holds.
/// - Rows are in a stable order (the section's own order, then by key).
public enum FigureSection: String, CaseIterable, Sendable {
    case caseload, timeliness, caseworkers, contacts, coverage, referrals, targets, youth, assessments, reviews, offers

    public var title: Bilingual {
        switch self {
        case .caseload: Bilingual("Sagsbelastning", "Caseloads")
        case .timeliness: Bilingual("Rettidighed i opfølgninger", "Timeliness of follow-ups")
        case .caseworkers: Bilingual("Én ansvarlig sagsbehandler", "One responsible caseworker")
        case .contacts: Bilingual("Færre kontakter og møder", "Fewer contacts and meetings")
        case .coverage: Bilingual("Dækning med én plan", "Unified plan coverage")
        case .referrals: Bilingual("Flaskehalse i henvisninger", "Referral bottlenecks")
        case .targets: Bilingual("Måltal", "Targets")
        case .youth: Bilingual("Unge under 30: 2-års-kohorter", "Youth under 30: 2-year cohorts")
        case .assessments: Bilingual("Borgernes egen vurdering", "The citizens' own assessment")
        case .reviews: Bilingual("Kvartalsgennemgang af planer", "Quarterly review of plans")
        case .offers: Bilingual("Tilbud og ugentlige brugere", "Offers and weekly users")
        }
    }
}

/// A text in Danish and English side by side (the domain words definitions; the UI picks one).
public struct Bilingual: Sendable, Equatable {
    public let da: String
    public let en: String
    public init(_ da: String, _ en: String) { self.da = da; self.en = en }

    public func text(danish: Bool) -> String { danish ? da : en }
}

public struct Period: Hashable, Sendable {
    public enum Named: String, CaseIterable, Sendable { case thisMonth, lastMonth, thisQuarter, lastQuarter, thisYear, lastYear }
    /// Inclusive days.
    public var from: Day
    public var to: Day

    public init(from: Day, to: Day) { self.from = from; self.to = to }

    public func contains(_ d: Day) -> Bool { from <= d && d <= to }

    /// Calendar months, quarters and years around `today` (whole periods: "this month" runs to its last day).
    public static func named(_ n: Named, today: Day) -> Period {
        let (y, m, _) = today.components
        func months(_ y: Int, _ m: Int, _ count: Int) -> Period {
            let first = Day(year: y, month: m, day: 1)!
            return Period(from: first, to: first.adding(months: count) + -1)
        }
        let q = (m - 1) / 3 * 3 + 1
        switch n {
        case .thisMonth: return months(y, m, 1)
        case .lastMonth: return m == 1 ? months(y - 1, 12, 1) : months(y, m - 1, 1)
        case .thisQuarter: return months(y, q, 3)
        case .lastQuarter: return q == 1 ? months(y - 1, 10, 3) : months(y, q - 3, 3)
        case .thisYear: return months(y, 1, 12)
        case .lastYear: return months(y - 1, 1, 12)
        }
    }

    /// The quarter a day is in.
    public static func quarter(of d: Day) -> Period { named(.thisQuarter, today: d) }
}

public struct FigureFilter: Hashable, Sendable {
    public var period: Period
    public var sector: Sector?
    public var group: TargetGroup?
    public var user: String?
    /// The unit (with the units below) whose citizens count: those whose responsible caseworker was
    /// in it on the period's last day (today, for a period still running). nil: no unit's scope.
    /// A leader's figures are always of a unit they lead or one below it (`CaseService.allowed`).
    public var unit: String?

    public init(period: Period, sector: Sector? = nil, group: TargetGroup? = nil, user: String? = nil, unit: String? = nil) {
        self.period = period; self.sector = sector; self.group = group; self.user = user; self.unit = unit
    }
}

public struct FigureSettings: Hashable, Sendable {
    public var caseloadWarn = 25
    public var caseloadMax = 30
    public init(caseloadWarn: Int = 25, caseloadMax: Int = 30) { self.caseloadWarn = caseloadWarn; self.caseloadMax = caseloadMax }
}

/// What a figure counts: shown by the screen's `i` and in the export's header block.
public struct FigureDefinition: Sendable, Equatable {
    public let numerator, denominator, exclusions, period: Bilingual

    public init(numerator: Bilingual, denominator: Bilingual, exclusions: Bilingual, period: Bilingual) {
        self.numerator = numerator; self.denominator = denominator; self.exclusions = exclusions; self.period = period
    }
}

public enum FigureValue: Sendable, Equatable {
    case count(Int), share(numerator: Int, denominator: Int), days(Double?), text(Bilingual), none
    /// A series on the figure's own scale (counts, per cent, or contacts per citizen with one decimal).
    case spark([Double])
}

/// What a cell counts. The list behind a cell is of citizens: a cell that counts something else
/// lists each one's citizen once, and the list says both numbers ("40 opfølgninger hos 38 borgere").
public enum FigureUnit: String, Sendable, Equatable { case citizens, followUps, contacts, meetings, referrals }

public struct FigureCell: Sendable {
    public let value: FigureValue
    /// The citizens behind it, nil when not drillable.
    public let citizens: [String]?
    /// What the value counts (the citizens listed, unless it says otherwise).
    public let unit: FigureUnit

    public init(value: FigureValue, citizens: [String]?, unit: FigureUnit = .citizens) { self.value = value; self.citizens = citizens; self.unit = unit }

    /// A count and its citizens, from one list (so they cannot disagree).
    public static func count(_ ids: [String]) -> FigureCell { FigureCell(value: .count(ids.count), citizens: ids) }
    /// A share: the numerator's citizens are the list behind it.
    public static func share(_ ids: [String], of denominator: Int) -> FigureCell {
        FigureCell(value: .share(numerator: ids.count, denominator: denominator), citizens: ids)
    }
    public static func plain(_ v: FigureValue) -> FigureCell { FigureCell(value: v, citizens: nil) }
}

public enum FigureFlag: String, Sendable { case warn, over, behind, interim }

public struct FigureRow: Sendable {
    /// Stable, e.g. "user:mette", "unassigned", "employment>social".
    public let key: String
    public let label: Bilingual
    public let cells: [FigureCell]
    public let flag: FigureFlag?

    public init(key: String, label: Bilingual, cells: [FigureCell], flag: FigureFlag? = nil) {
        self.key = key; self.label = label; self.cells = cells; self.flag = flag
    }
}

public struct FigureColumn: Sendable {
    public let key: String
    public let title: Bilingual
    public let definition: FigureDefinition

    public init(key: String, title: Bilingual, definition: FigureDefinition) { self.key = key; self.title = title; self.definition = definition }
}

public struct FigureTable: Sendable {
    public let section: FigureSection
    public let title: Bilingual
    public let columns: [FigureColumn]
    public let rows: [FigureRow]
    public let asOf: Timestamp
    public let filter: FigureFilter

    public init(section: FigureSection, columns: [FigureColumn], rows: [FigureRow], asOf: Timestamp, filter: FigureFilter) {
        self.section = section; self.title = section.title; self.columns = columns; self.rows = rows; self.asOf = asOf; self.filter = filter
    }

    /// The column with a key, and the row with a key (the headless `--list ROW/COLUMN`).
    public func column(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }
    public func row(_ key: String) -> Int? { rows.firstIndex { $0.key == key } }
}
