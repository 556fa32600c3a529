/// The quarterly review (kvartalsgennemgang): a supervisor draws a stratified sample of active
/// plans each quarter (stream "review:QUARTER", event `ReviewSampleDrawn`); authority and provider
/// review each drawn plan with the citizen invited (`PlanReviewed` in the citizen's stream), and
/// the review's actions become follow-ups on the plan.
///
/// Invariants:
/// - A draw is a pure function of its recorded population, size and seed (`ReviewDraw.sample`):
///   drawing again from what the event holds gives the same plans, in the same order.
/// - Every stratum (the responsible caseworker's sector × the citizen's target group on the day
///   of the draw) that has plans gives at least one; the rest are drawn at random from the others.
/// - Plans reviewed in the 12 months before the draw are not in its population.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 … 4
    public let number: Int

    public init(of day: Day) { year = day.components.year; number = (day.components.month - 1) / 3 + 1 }

    /// "2026Q4" (also "2026-Q4", "2026K4").
    public init?(_ text: String) {
        let t = text.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "K", with: "Q")
        let parts = t.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let q = Int(parts[1]), (1...4).contains(q), y >= 1900 else { return nil }
        year = y; number = q
    }

    public var id: String { "\(year)Q\(number)" }
    public var description: String { id }
    public var period: Period { Period.quarter(of: Day(year: year, month: (number - 1) * 3 + 1, day: 1)!) }
    public var label: Bilingual { Bilingual("\(number). kvartal \(year)", "Q\(number) \(year)") }
    public var previous: Quarter { Quarter(of: period.from + -1) }
    public var next: Quarter { Quarter(of: period.to + 1) }
    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }
}

public struct ReviewDraw: Equatable, Sendable {
    /// One stratum's plans (the citizens' ids, in id order).
    public struct Stratum: Equatable, Sendable {
        public var sector: Sector
        public var group: TargetGroup
        public var citizens: [String]
        public init(sector: Sector, group: TargetGroup, citizens: [String]) { self.sector = sector; self.group = group; self.citizens = citizens }
        public var key: String { "\(sector.rawValue)/\(group.rawValue)" }
    }

    /// The quarter's id: one draw a quarter.
    public var id: String { quarter.id }
    public var quarter: Quarter
    public var seed: Int
    /// The size asked for (the sample is larger when there are more strata than this).
    public var size: Int
    public var drawn: Day
    /// The population drawn from, by stratum in key order.
    public var population: [Stratum]
    /// Plans left out because they were reviewed in the 12 months before the draw.
    public var excluded: [String]
    /// The drawn plans (citizens), in draw order.
    public var plans: [String]
    public var version = 0

    public init(quarter: Quarter, seed: Int, size: Int, drawn: Day, population: [Stratum], excluded: [String], plans: [String]) {
        self.quarter = quarter; self.seed = seed; self.size = size; self.drawn = drawn
        self.population = population; self.excluded = excluded; self.plans = plans
    }

    public static let defaultSize = 16

    /// The draw: one plan from each stratum that has any (strata in key order), then the rest at
    /// random from the remaining plans; SplitMix64 from `seed`, indices by remainder.
    public static func sample(population: [Stratum], size: Int, seed: Int) -> [String] {
        var rng = SeededRandom(seed: UInt64(bitPattern: Int64(seed)))
        func index(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        var chosen: [String] = [], rest: [String] = []
        for s in population.sorted(by: { $0.key < $1.key }) where !s.citizens.isEmpty {
            let ids = FigureScope.sortedByID(s.citizens)
            let i = index(ids.count)
            chosen.append(ids[i])
            rest += ids.enumerated().filter { $0.offset != i }.map(\.element)
        }
        let more = max(0, min(size - chosen.count, rest.count))
        for j in 0..<more {
            rest.swapAt(j, j + index(rest.count - j))
            chosen.append(rest[j])
        }
        return chosen
    }

    /// Whether drawing again from the recorded population, size and seed gives the recorded plans.
    public var reproduces: Bool { ReviewDraw.sample(population: population, size: size, seed: seed) == plans }

    public var fields: Fields {
        var f = Fields()
        f.set("quarter", quarter.id); f.set("seed", seed); f.set("size", size); f.set("drawn", drawn)
        f.set("population", population.map { s -> Fields in
            var o = Fields(); o.set("sector", s.sector); o.set("group", s.group); o.set("citizens", s.citizens); return o
        })
        f.set("excluded", excluded); f.set("plans", plans)
        return f
    }

    public init(fields f: Fields) throws {
        guard let q = Quarter(try f.string("quarter")) else { throw Fields.Missing(key: "quarter", problem: "is not a quarter like 2026Q4") }
        self.init(quarter: q, seed: try f.int("seed"), size: try f.int("size"), drawn: try f.day("drawn"),
                  population: try f.objects("population").map { Stratum(sector: try $0.value("sector"), group: try $0.value("group"),
                                                                         citizens: try $0.strings("citizens")) },
                  excluded: try f.strings("excluded"), plans: try f.strings("plans"))
    }
}

/// The (re)habilitation focus of the support, as the reviewers judge it.
public enum ReviewFocus: Int, CaseIterable, Sendable {
    case none = 1, little, some, high

    /// "3 i nogen grad"
    public var words: Bilingual {
        switch self {
        case .none: Bilingual("1 ikke rehabiliterende", "1 not rehabilitative")
        case .little: Bilingual("2 i ringe grad", "2 to a small degree")
        case .some: Bilingual("3 i nogen grad", "3 to some degree")
        case .high: Bilingual("4 i høj grad", "4 to a high degree")
        }
    }
}

public struct ReviewAction: Equatable, Sendable {
    public var text: String
    public var due: Day
    /// The follow-up it became on the plan (set when it is recorded).
    public var followUp: String
    public init(text: String, due: Day, followUp: String = "") { self.text = text; self.due = due; self.followUp = followUp }
}

/// One plan's review record.
public struct Review: Equatable, Sendable {
    public var id: String
    /// The draw (quarter) the plan was drawn in.
    public var draw: String
    public var date: Day
    /// Who reviewed it: for the authority (the municipality) and for the provider.
    public var authority: String
    public var provider: String
    public var invited: Bool
    public var tookPart: Bool
    public var focus: ReviewFocus
    public var findings: String
    public var actions: [ReviewAction]
    /// The recorder's sector (whose content it is, for consent).
    public var sector: Sector

    public init(id: String, draw: String, date: Day, authority: String, provider: String, invited: Bool, tookPart: Bool,
                focus: ReviewFocus, findings: String, actions: [ReviewAction], sector: Sector) {
        self.id = id; self.draw = draw; self.date = date; self.authority = authority; self.provider = provider
        self.invited = invited; self.tookPart = tookPart; self.focus = focus; self.findings = findings; self.actions = actions
        self.sector = sector
    }

    public var fields: Fields {
        var f = Fields()
        f.set("id", id); f.set("draw", draw); f.set("date", date); f.set("authority", authority); f.set("provider", provider)
        f.set("invited", invited); f.set("tookPart", tookPart); f.set("focus", focus.rawValue); f.set("findings", findings)
        f.set("actions", actions.map { a -> Fields in var o = Fields(); o.set("text", a.text); o.set("due", a.due); o.set("followUp", a.followUp); return o })
        f.set("sector", sector)
        return f
    }

    public init(fields f: Fields) throws {
        guard let focus = ReviewFocus(rawValue: try f.int("focus")) else { throw Fields.Missing(key: "focus", problem: "is not 1-4") }
        self.init(id: try f.string("id"), draw: try f.string("draw"), date: try f.day("date"), authority: try f.string("authority"),
                  provider: try f.string("provider"), invited: try f.bool("invited"), tookPart: try f.bool("tookPart"), focus: focus,
                  findings: try f.string("findings"),
                  actions: try f.objects("actions").map { ReviewAction(text: try $0.string("text"), due: try $0.day("due"), followUp: try $0.string("followUp")) },
                  sector: try f.value("sector"))
    }
}
