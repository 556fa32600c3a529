/// The offers register (tilbud): activities a provider runs that efforts can point to, counted
/// by their weekly users. Stream "offer:ID" (events `OfferDefined`, `OfferAttendanceReported`).
public struct Offer: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case civilSociety = "civil-society", municipal, regional, employer, socialEconomy = "social-economy"
    }

    public var id: String
    public var provider: String
    public var kind: Kind
    public var activity: String
    public var place: String
    /// ISO weekdays it runs on, 1 = Monday … 7 = Sunday, ascending.
    public var weekdays: [Int]
    public var defined: Day
    /// What the provider reported for a week (a count, no names), by ISO week; the last report wins.
    public var attendance: [IsoWeek: Int] = [:]
    public var version = 0

    public init(id: String, provider: String, kind: Kind, activity: String, place: String, weekdays: [Int], defined: Day) {
        self.id = id; self.provider = provider; self.kind = kind; self.activity = activity; self.place = place
        self.weekdays = weekdays; self.defined = defined
    }

    /// "Madklub · Kirkens Korshær · Hovedgaden 3"
    public var label: String { [activity, provider, place].filter { !$0.isEmpty }.joined(separator: " · ") }

    public var fields: Fields {
        var f = Fields()
        f.set("id", id); f.set("provider", provider); f.set("kind", kind); f.set("activity", activity); f.set("place", place)
        f.set("weekdays", weekdays); f.set("defined", defined)
        return f
    }

    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), provider: try f.string("provider"), kind: try f.value("kind"), activity: try f.string("activity"),
                  place: try f.string("place"), weekdays: try f.ints("weekdays"), defined: try f.day("defined"))
    }
}

/// An ISO 8601 week: "2026-W48" in the log and the JSON, "uge 48 2026" on a Danish screen.
public struct IsoWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Its Monday.
    public let monday: Day

    public init(_ day: Day) { monday = day + (1 - day.weekday) }

    /// "2026-W48", "2026W48" or "2026-48".
    public init?(_ text: String) {
        let t = text.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "W", with: " ")
        let parts = t.split(separator: " ")
        guard parts.count == 2, let y = Int(parts[0]), let w = Int(parts[1]), (1900...2200).contains(y), (1...53).contains(w),
              let jan4 = Day(year: y, month: 1, day: 4) else { return nil }
        let week = IsoWeek(IsoWeek(jan4).monday + (w - 1) * 7)
        guard week.year == y, week.number == w else { return nil }
        self = week
    }

    public var sunday: Day { monday + 6 }
    public var year: Int { monday.isoWeek.year }
    public var number: Int { monday.isoWeek.week }
    public var iso: String { "\(year)-W\(Day.pad(number, 2))" }
    public var description: String { iso }
    public func adding(weeks n: Int) -> IsoWeek { IsoWeek(monday + 7 * n) }
    public func contains(_ d: Day) -> Bool { monday <= d && d <= sunday }
    public static func < (a: IsoWeek, b: IsoWeek) -> Bool { a.monday < b.monday }
}

extension EffortTiming {
    /// Whether the effort ran during any day of `week`: begun (active or ended, not planned or
    /// cancelled), started by the week's Sunday and not ended before its Monday.
    public func ran(in week: IsoWeek) -> Bool {
        (status == .active || status == .ended) && start <= week.sunday && (end.map { $0 >= week.monday } ?? true)
    }
}
