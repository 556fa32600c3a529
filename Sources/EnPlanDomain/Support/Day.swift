import Foundation

/// A calendar date without time or zone (effort start, follow-up due date, birth date).
/// Stored as days since 1970-01-01 so comparisons and arithmetic are integer operations.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        daysSinceEpoch = Day.civilToDays(year, month, day)
    }

    /// "YYYY-MM-DD", strictly.
    public init?(iso s: String) {
        var s = s
        guard let day = s.withUTF8({ Day(utf8: $0) }) else { return nil }
        self = day
    }

    /// "YYYY-MM-DD" from its bytes, without making a String (the replay reads one on most lines).
    public init?(utf8 u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 10, u[4] == 45, u[7] == 45,
              let y = Day.digits(u, 0, 4), let m = Day.digits(u, 5, 2), let d = Day.digits(u, 8, 2)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
    public static func + (a: Day, n: Int) -> Day { Day(daysSinceEpoch: a.daysSinceEpoch + n) }
    public static func - (a: Day, b: Day) -> Int { a.daysSinceEpoch - b.daysSinceEpoch }

    public var components: (year: Int, month: Int, day: Int) { Day.daysToCivil(daysSinceEpoch) }

    public var iso: String {
        let (y, m, d) = components
        return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
    }

    /// dd-mm-yyyy, as Danish users write dates.
    public var danish: String {
        let (y, m, d) = components
        return Day.pad(d, 2) + "-" + Day.pad(m, 2) + "-" + Day.pad(y, 4)
    }

    public var description: String { iso }

    /// 1 = Monday ... 7 = Sunday. 1970-01-01 was a Thursday.
    public var weekday: Int { ((daysSinceEpoch % 7 + 7) % 7 + 3) % 7 + 1 }

    /// ISO 8601 week number and its year.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = self + (4 - weekday)
        let year = thursday.components.year
        let jan1 = Day(year: year, month: 1, day: 1)!
        return (year, (thursday - jan1) / 7 + 1)
    }

    public func adding(months: Int) -> Day {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let ny = total / 12, nm = total % 12 + 1
        return Day(year: ny, month: nm, day: min(d, Day.daysIn(month: nm, year: ny)))!
    }

    /// The `n`th anniversary: the first day `years(until:)` reaches `n` (29 February's is 1 March
    /// in a year without one).
    public func adding(years n: Int) -> Day {
        let (y, m, d) = components
        return Day(year: y + n, month: m, day: d) ?? Day(year: y + n, month: 3, day: 1)!
    }

    /// Whole years from `self` to `other` (an age).
    public func years(until other: Day) -> Int {
        let a = components, b = other.components
        var years = b.year - a.year
        if (b.month, b.day) < (a.month, a.day) { years -= 1 }
        return years
    }

    public static func today(_ clock: Clock = ProgramClock.shared) -> Day { clock.now().day }

    // MARK: civil calendar (Howard Hinnant's algorithms)

    static func civilToDays(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func daysToCivil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    @inline(__always)
    static func digits(_ u: UnsafeBufferPointer<UInt8>, _ at: Int, _ n: Int) -> Int? {
        var v = 0
        for i in at..<(at + n) {
            let c = u[i]
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    public static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// A point in time, in milliseconds since the epoch, written as ISO 8601 UTC with milliseconds.
/// Fixed-format parsing: ICU-backed formatters cost ~90 us a call, this ~0.03 us.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let millis: Int64

    public init(millis: Int64) { self.millis = millis }
    public init(_ date: Date) { millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.millis < b.millis }

    public var day: Day { Day(daysSinceEpoch: Int((millis >= 0 ? millis : millis - 86_399_999) / 86_400_000)) }
    public var date: Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    /// "2026-11-23T09:15:02.123Z"
    public var iso: String {
        let d = day
        let msOfDay = Int(millis - Int64(d.daysSinceEpoch) * 86_400_000)
        let h = msOfDay / 3_600_000, mi = msOfDay / 60_000 % 60, s = msOfDay / 1000 % 60, ms = msOfDay % 1000
        return d.iso + "T" + Day.pad(h, 2) + ":" + Day.pad(mi, 2) + ":" + Day.pad(s, 2) + "." + Day.pad(ms, 3) + "Z"
    }

    public var description: String { iso }

    public init?(iso s: String) {
        var s = s
        guard let t = s.withUTF8({ Timestamp(utf8: $0) }) else { return nil }
        self = t
    }

    /// Parses "2026-11-23T09:15:02.123Z" from 24 bytes.
    public init?(utf8 u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 24, u[10] == UInt8(ascii: "T"), u[13] == 58, u[16] == 58, u[19] == 46, u[23] == UInt8(ascii: "Z"),
              u[4] == 45, u[7] == 45,
              let y = Day.digits(u, 0, 4), let mo = Day.digits(u, 5, 2), let d = Day.digits(u, 8, 2),
              let day = Day(year: y, month: mo, day: d),
              let h = Day.digits(u, 11, 2), let mi = Day.digits(u, 14, 2), let sec = Day.digits(u, 17, 2),
              let ms = Day.digits(u, 20, 3), h < 24, mi < 60, sec < 61
        else { return nil }
        millis = Int64(day.daysSinceEpoch) * 86_400_000 + Int64(h * 3_600_000 + mi * 60_000 + sec * 1000 + ms)
    }
}

/// Where "now" comes from: the system clock, or a fixed one in tests and in the demo data.
public protocol Clock: Sendable {
    func now() -> Timestamp
}

public struct SystemClock: Clock {
    public init() {}
    public func now() -> Timestamp { Timestamp(Date()) }
}

/// A clock that runs from a set start: the system clock moved by a fixed offset, so time still
/// passes (events keep their order, idle locks fire) on the day a test or a demo chose.
public struct OffsetClock: Clock {
    public let offsetMillis: Int64
    /// Runs from `start` on, as if the system clock had shown `start` when this was made.
    public init(startingAt start: Timestamp) { offsetMillis = start.millis - Timestamp(Date()).millis }
    public func now() -> Timestamp { Timestamp(millis: Timestamp(Date()).millis + offsetMillis) }
}

/// The program's one clock: the system's, unless `ENPLAN_CLOCK` sets the time it starts from
/// ("2026-12-07T09:00" or "2026-12-07", Copenhagen wall-clock time; "2026-12-07T08:00:00.000Z"
/// in UTC). Tests and demonstrations set it so that nothing depends on the day they run; every
/// process of a test shares it through the environment. Everything that asks "what day is it"
/// (the store, the screens before the store is open, relative dates on the command line) asks this.
public enum ProgramClock {
    public static let variable = "ENPLAN_CLOCK"

    /// The clock this process runs on (an unreadable `ENPLAN_CLOCK` is the system clock here; the
    /// command line refuses it before anything runs: `problem`).
    public static let shared: Clock = clock(ProcessInfo.processInfo.environment[variable]) ?? SystemClock()

    /// The variable's value when it is set but is not a time, for the one-line refusal at start.
    public static var problem: String? {
        guard let v = ProcessInfo.processInfo.environment[variable], clock(v) == nil else { return nil }
        return v
    }

    /// nil for an unset variable and for one that is not a time.
    public static func clock(_ value: String?) -> Clock? {
        guard let value, !value.isEmpty else { return nil }
        if let t = Timestamp(iso: value) { return OffsetClock(startingAt: t) }
        let local = value.count == 10 ? LocalTime(iso: value + "T09:00") : LocalTime(iso: value)
        guard let local, (1900...2999).contains(local.day.components.year), let start = local.instant else { return nil }
        return OffsetClock(startingAt: start)
    }
}

public struct FixedClock: Clock {
    public let time: Timestamp
    public init(_ time: Timestamp) { self.time = time }
    public func now() -> Timestamp { time }
}
