/// Danish public holidays (helligdage) and the days municipal offices close, for scheduling.
/// Store Bededag was abolished from 2024 (it counts up to 2023).
public enum Holidays {
    public static func isHoliday(_ day: Day) -> Bool { name(of: day) != nil }

    /// The holiday's Danish name, or nil on an ordinary day.
    public static func name(of day: Day) -> String? {
        let (y, m, d) = day.components
        switch (m, d) {
        case (1, 1): return "Nytårsdag"
        case (6, 5): return "Grundlovsdag"
        case (12, 24): return "Juleaftensdag"
        case (12, 25): return "Juledag"
        case (12, 26): return "2. juledag"
        case (12, 31): return "Nytårsaftensdag"
        default: break
        }
        let easter = easterSunday(y)
        switch day - easter {
        case -3: return "Skærtorsdag"
        case -2: return "Langfredag"
        case 0: return "Påskedag"
        case 1: return "2. påskedag"
        case 26 where y <= 2023: return "Store Bededag"
        case 39: return "Kristi himmelfartsdag"
        case 49: return "Pinsedag"
        case 50: return "2. pinsedag"
        default: return nil
        }
    }

    /// Easter Sunday (the anonymous Gregorian algorithm).
    public static func easterSunday(_ y: Int) -> Day {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: y, month: month, day: day)!
    }
}

/// When meetings can be held: working days and hours (default Monday-Friday 08:00-16:00).
public struct WorkingHours: Equatable, Sendable {
    public var days: Set<Int> = [1, 2, 3, 4, 5]   // ISO weekdays
    public var startMinute = 8 * 60
    public var endMinute = 16 * 60
    public init() {}

    public func isWorkingDay(_ d: Day) -> Bool { days.contains(d.weekday) && !Holidays.isHoliday(d) }
}
