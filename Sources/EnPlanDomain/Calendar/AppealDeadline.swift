/// How a decision reached the citizen: it decides the day of receipt, from which the appeal
/// deadline (klagefrist) runs.
public enum Delivery: String, CaseIterable, Sendable {
    /// Digital Post (or other digital delivery): received the day it is sent, whatever the weekday.
    case digital
    /// A letter by PostNord.
    case letter
    /// Handed over in person: received that day.
    case hand
    /// Quickpost: two days.
    case quickpost
}

/// Appeal deadlines as Justitsministeriets vejledning nr. 9533 af 26. juni 2018 reckons them
/// (DANISH-RULES.md, "Appeal deadlines"):
/// - the deadline runs from the day of receipt, which is not counted; weeks are whole weeks (four
///   weeks = the same weekday four weeks later);
/// - receipt: Digital Post and by hand the same day; a letter sent Monday, Tuesday or Friday 5 days
///   later, Wednesday 7, Thursday 6 (sent on a Saturday or Sunday: as if sent the Monday after);
///   Quickpost 2 days;
/// - a deadline on a Saturday, a Sunday, a public holiday, Grundlovsdag, 24 or 31 December moves
///   to the next working day;
/// - the length is per legal area, as data: 4 weeks unless a law says otherwise.
public enum AppealDeadline {
    /// Weeks to appeal, by legal area (retssikkerhedsloven § 67: 4 weeks for social and employment matters).
    public static let weeks: [LegalArea: Int] = [.lab: 4, .sel: 4, .barnetsLov: 4, .sul: 4, .las: 4]

    /// The day the citizen receives a decision sent on `day`.
    public static func received(sent day: Day, by delivery: Delivery) -> Day {
        switch delivery {
        case .digital, .hand: return day
        case .quickpost: return day + 2
        case .letter:
            switch day.weekday {
            case 1, 2, 5: return day + 5
            case 3: return day + 7
            case 4: return day + 6
            default: return received(sent: day + (8 - day.weekday), by: .letter)   // the weekend: as if sent on Monday
            }
        }
    }

    /// The last day to appeal a decision under `area` sent on `day` by `delivery`.
    public static func deadline(sent day: Day, by delivery: Delivery, area: LegalArea) -> Day {
        var last = received(sent: day, by: delivery) + 7 * (weeks[area] ?? 4)
        while !isWorkingDay(last) { last = last + 1 }
        return last
    }

    /// Not a Saturday, a Sunday or a holiday (Holidays counts Grundlovsdag, 24 and 31 December).
    public static func isWorkingDay(_ d: Day) -> Bool { d.weekday <= 5 && !Holidays.isHoliday(d) }
}
