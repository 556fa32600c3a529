/// What the projection keeps of a citizen's case for the supervisors' figures, beyond the case
/// itself: who was responsible when, who recorded efforts and decisions, when referrals were
/// answered, and which of the citizen's meetings took in another (merged: a meeting avoided).
/// Kept as the events are applied (`Projection.swift`), carried in the snapshot.
public struct CitizenFacts: Equatable, Sendable {
    /// The day the citizen was registered.
    public var registered = Day(daysSinceEpoch: 0)
    /// Each responsible caseworker from the day they became responsible, oldest first.
    public var responsible: [Span] = []
    /// Efforts and decisions recorded: by whom, on which day.
    public var recorded: [Mark] = []
    /// Referrals answered (accepted, rejected or revoked): the referral's id and the day.
    public var answered: [Mark] = []
    /// The days of the citizen's meetings that others joined instead of holding one of their own.
    public var merged: [Day] = []

    public struct Span: Equatable, Sendable {
        public var from: Day
        public var user: String
    }

    /// `what`: a user id (recorded) or a referral id (answered).
    public struct Mark: Equatable, Sendable {
        public var day: Day
        public var what: String
    }

    public init() {}

    /// Who was responsible at the end of `day` (nil before the citizen was registered).
    public func responsible(on day: Day) -> String? {
        var who: String?
        for s in responsible { if s.from <= day { who = s.user } else { break } }
        return who
    }

    public func answerDay(of referral: String) -> Day? { answered.first { $0.what == referral }?.day }
}

extension CitizenFacts: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.day(registered)
        w.array(responsible) { $0.day($1.from); $0.string($1.user) }
        w.array(recorded) { $0.day($1.day); $0.string($1.what) }
        w.array(answered) { $0.day($1.day); $0.string($1.what) }
        w.array(merged) { $0.day($1) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init()
        registered = try r.day()
        responsible = try r.array { Span(from: try $0.day(), user: try $0.string()) }
        recorded = try r.array { Mark(day: try $0.day(), what: try $0.string()) }
        answered = try r.array { Mark(day: try $0.day(), what: try $0.string()) }
        merged = try r.array { try $0.day() }
    }
}

extension Timestamp {
    /// The Copenhagen calendar day of this instant, by the EU summer-time rule (since 1996: from
    /// the last Sunday of March to the last Sunday of October, 01:00 UTC) instead of the time-zone
    /// database: the figures ask this of two million contacts. Agrees with `local.day`.
    public var copenhagenDay: Day {
        let secs = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let utc = Day(daysSinceEpoch: Int(secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400))
        let year = utc.components.year
        let (start, end) = year >= Timestamp.summerFirstYear && year < Timestamp.summerFirstYear + Timestamp.summerTimes.count
            ? Timestamp.summerTimes[year - Timestamp.summerFirstYear] : Timestamp.summerTime(year)
        let summer = secs >= start && secs < end
        let local = secs + (summer ? 7200 : 3600)
        return Day(daysSinceEpoch: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
    }

    /// Summer time's start and end in a year, in seconds since the epoch (UTC).
    static func summerTime(_ year: Int) -> (start: Int64, end: Int64) {
        func lastSunday(_ month: Int) -> Int64 {
            let last = Day(year: year, month: month, day: 31)!
            return Int64((last + -(last.weekday % 7)).daysSinceEpoch) * 86_400 + 3600
        }
        return (lastSunday(3), lastSunday(10))
    }
    /// `summerTime` worked out once for the years the figures meet (others are worked out each time).
    static let summerFirstYear = 1900
    static let summerTimes: [(start: Int64, end: Int64)] = (summerFirstYear..<2200).map(summerTime)
}
