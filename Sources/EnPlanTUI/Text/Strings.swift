import EnPlanDomain
import Foundation

/// The screens' language. Danish whatever the locale (servers often run `LANG=C.UTF-8`);
/// English by `--lang en`, `lang = en` in the settings file, or `:lang en`.
public enum Language: String, CaseIterable, Sendable {
    case da, en
}

/// A text the screens show, in Danish and English side by side, so neither can be forgotten.
/// Each screen keeps its own catalogue (an enum) in its folder: `T` the frame's, `G` the login's,
/// `L` the citizen list's, `C` the calendar's, `P` the plan's and the journey's.
public protocol Localized: Sendable {
    var pair: (da: String, en: String) { get }
}

/// A one-off pair where no catalogue fits (a figure's unit, say).
public struct Words: Localized {
    public let pair: (da: String, en: String)
    public init(_ da: String, _ en: String) { pair = (da, en) }
}

/// Every string the screens show, in the user's language.
public struct Strings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public func text(_ k: any Localized) -> String { pick(k.pair.da, k.pair.en) }
    public func t(_ k: T) -> String { text(k) }
    /// The same sentence in the user's language: `s.pick("møder", "meetings")`.
    public func pick(_ da: String, _ en: String) -> String { language == .da ? da : en }

    /// dd-mm-yyyy in Danish, ISO in English.
    public func date(_ d: Day) -> String { pick(d.danish, d.iso) }

    public func time(_ t: LocalTime) -> String { date(t.day) + " " + Day.pad(t.minuteOfDay / 60, 2) + ":" + Day.pad(t.minuteOfDay % 60, 2) }

    /// "uge 48" / "week 48"
    public func week(_ d: Day) -> String { t(.week) + " " + String(d.isoWeek.week) }

    public func weekdayName(_ d: Day) -> String {
        let da = ["man", "tir", "ons", "tor", "fre", "lør", "søn"], en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return pick(da[d.weekday - 1], en[d.weekday - 1])
    }

    /// "fredag 18. december 2026" / "Friday 18 December 2026": a day as a letter writes it.
    public func longDate(_ d: Day) -> String {
        let da = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
        let en = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let (y, _, day) = d.components
        return pick("\(da[d.weekday - 1]) \(day). \(monthName(d)) \(y)", "\(en[d.weekday - 1]) \(day) \(monthName(d)) \(y)")
    }

    public func monthName(_ d: Day) -> String {
        let da = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return pick(da[d.components.month - 1], en[d.components.month - 1])
    }

    public func sector(_ s: Sector) -> String {
        switch (language, s) {
        case (.da, .employment): return "beskæftigelse"
        case (.da, .social): return "social"
        case (.da, .health): return "sundhed"
        case (.da, .family): return "familie"
        case (.da, .misuse): return "misbrug"
        default: return s.rawValue
        }
    }

    /// One letter a sector, for compact columns: B S U F M (Danish), E S H F M (English).
    public func sectorLetter(_ s: Sector) -> String {
        switch (language, s) {
        case (.da, .employment): return "B"
        case (.da, .health): return "U"
        case (_, .employment): return "E"
        case (_, .social): return "S"
        case (_, .health): return "H"
        case (_, .family): return "F"
        case (_, .misuse): return "M"
        }
    }

    public func role(_ r: EnPlanDomain.Role) -> String {
        switch (language, r) {
        case (.da, .caseworker): return "sagsbehandler"
        case (.da, .supervisor): return "leder"
        case (.da, .admin): return "administrator"
        default: return r.rawValue
        }
    }

    public func overallGoal(_ g: OverallGoal) -> String {
        switch (language, g) {
        case (.da, .employment): return "beskæftigelse først"
        case (.da, .education): return "uddannelse først"
        case (.en, .employment): return "employment first"
        case (.en, .education): return "education first"
        }
    }

    public func targetGroup(_ g: TargetGroup) -> String {
        switch (language, g) {
        case (.da, .child): return "barn"
        case (.da, .youth): return "ung"
        case (.da, .adult): return "voksen"
        default: return g.rawValue
        }
    }
}

