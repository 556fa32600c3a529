/// Section 8, the 2-year youth cohorts (DANISH-RULES.md, "Target groups and the youth measure").
///
/// Invariants (the measure, as the definitions say it):
/// - The target group is data (`YouthTargetGroup`, set by a supervisor): on a day a citizen is in
///   it when they are under `maxAge`, their benefit that day is one of `benefits`, an effort whose
///   legal basis starts with `effortBasis` (kept in capitals: "SEL") runs that day (active or ended, start to end), and, if
///   asked for, their vulnerability flag is on. The benefit they were registered with counts
///   from before the registration (EnPlan cannot know when it began); a change from its day.
/// - The baseline cohort: everyone in the group on the baseline day; their entry is that day.
///   Entry cohort k (k = 1, 2 …): everyone not in the baseline cohort whose first day in the group
///   after the baseline falls in the k-th year after it.
/// - The window is 24 months from entry: from the entry day to the day before the same date 24
///   months later (entry 01-04-2024: to 31-03-2026), both counted.
/// - In the window, the first success (job, education, job- or education-ready) or exit (moved,
///   pension, died) decides: succeeded, or left (counted apart, out of the denominator). Neither:
///   not yet. Rate = succeeded / (size − exits).
/// - A cohort whose every window has closed (today on or after its last possible entry + 24
///   months) is final; a younger one is interim (`FigureFlag.interim`), and its cumulative share
///   by month is censored: month m counts only members observed for m whole months.
enum YouthFigures {
    enum Result: Equatable { case succeeded(Day), exited(Day), notYet }

    struct Member { let id: String; let entry: Day; let result: Result }

    struct Cohort {
        let key: String
        let label: Bilingual
        /// The first and last possible entry day.
        let from: Day, to: Day
        var members: [Member] = []
        func isFinal(on today: Day) -> Bool { today >= to.adding(months: 24) }
    }

    /// The last day of the 24 months from `entry`.
    static func windowEnd(_ entry: Day) -> Day { entry.adding(months: 24) + -1 }

    /// What one citizen's membership is decided from, read once (each field in place: `CitizenRef`).
    struct Facts {
        let limit: Day
        let benefits: [CitizenOutcomes.BenefitSpan]
        let vulnerability: [CitizenOutcomes.Flag]
        /// The efforts under the group's legal basis that ran (active or ended).
        let efforts: [(start: Day, end: Day?)]
    }

    /// Whether the citizen is in the target group on `day`.
    static func inGroup(_ f: Facts, _ g: YouthTargetGroup, on day: Day) -> Bool {
        guard day < f.limit else { return false }
        // The benefit a citizen was registered with counts from before the registration (EnPlan
        // cannot know when it began: existing registrations); a change from the day it was recorded.
        guard let span = f.benefits.last(where: { $0.from <= day }) ?? f.benefits.first, let code = span.code, g.benefits.contains(code) else { return false }
        if g.requireVulnerability { guard f.vulnerability.last(where: { $0.date <= day })?.on == true else { return false } }
        return f.efforts.contains { $0.start <= day && ($0.end ?? day) >= day }
    }


    /// The baseline (entry = the baseline day) or the first day in the group after it, up to today.
    /// The cheap refusals first: too old at the baseline, no benefit on the list, no such effort.
    static func entry(_ c: CitizenRef, _ g: YouthTargetGroup, today: Day) -> (baseline: Bool, day: Day)? {
        let limit = c.birthDate.adding(months: 12 * g.maxAge)
        guard limit > g.baseline else { return nil }
        let benefits = c.outcomesBenefits
        guard benefits.contains(where: { $0.code.map(g.benefits.contains) ?? false }) else { return nil }
        guard let all = c.efforts else { return nil }
        var efforts: [(start: Day, end: Day?)] = []
        // The efforts that count: active or ended, under the group's legal basis (read field by
        // field: passing `all[i]` on would copy each effort and retain its strings).
        for i in all.indices where (all[i].status == .active || all[i].status == .ended) && all[i].legalBasis.hasPrefix(g.effortBasis) {
            efforts.append((all[i].start, all[i].end))
        }
        guard !efforts.isEmpty else { return nil }
        let f = Facts(limit: limit, benefits: benefits, vulnerability: g.requireVulnerability ? c.vulnerability : [], efforts: efforts)
        if inGroup(f, g, on: g.baseline) { return (true, g.baseline) }
        // The group's first day after the baseline is the start of one of its conditions.
        let candidates = benefits.map(\.from) + f.vulnerability.filter(\.on).map(\.date) + efforts.map(\.start)
        for d in Set(candidates).sorted() where d > g.baseline && d <= today {
            if inGroup(f, g, on: d) { return (false, d) }
        }
        return nil
    }

    /// The first success or exit in the window, as far as today (outcomes the viewer may count).
    static func result(_ statuses: [Outcome], entry: Day, today: Day) -> Result {
        let end = min(windowEnd(entry), today)
        for o in statuses where o.date >= entry && o.date <= end {
            if o.status.isSuccess { return .succeeded(o.date) }
            if o.status.isExit { return .exited(o.date) }
        }
        return .notYet
    }

    /// The cohorts and their members, from the baseline to today.
    static func cohorts(_ s: FigureScope) -> [Cohort] {
        guard let g = s.state.youthTargetGroup else { return [] }
        var cohorts = [Cohort(key: "baseline", label: Bilingual("Basislinje \(g.baseline.danish)", "Baseline \(g.baseline.iso)"),
                              from: g.baseline, to: g.baseline)]
        var k = 1
        while g.baseline.adding(months: 12 * (k - 1)) + 1 <= s.today {
            let from = g.baseline.adding(months: 12 * (k - 1)) + 1, to = g.baseline.adding(months: 12 * k)
            cohorts.append(Cohort(key: "entry:\(from.iso)", label: Bilingual("Tilgang \(from.danish)–\(to.danish)", "Entry \(from.iso) to \(to.iso)"),
                                  from: from, to: to))
            k += 1
        }
        for c in s.citizens() {
            guard let (baseline, day) = entry(c, g, today: s.today) else { continue }
            let i = baseline ? 0 : cohorts.firstIndex { !($0.key == "baseline") && $0.from <= day && day <= $0.to }
            guard let i else { continue }
            let consents = c.consents
            let seen = c.statuses.filter { Access.countsInFigures(s.viewer, of: $0.sector, consents: consents, on: s.today) }
            cohorts[i].members.append(Member(id: c.id, entry: day, result: result(seen, entry: day, today: s.today)))
        }
        return cohorts
    }

    /// The cumulative share succeeded by month 1 … n since entry, censored: month m counts the
    /// members observed for m whole months (entry + m months − 1 day is today or before), less
    /// those who left within them.
    static func byMonth(_ members: [Member], today: Day) -> [(n: Int, of: Int)] {
        var out: [(n: Int, of: Int)] = []
        // Each member's last day of month m (entry + m months - 1 day), worked out once: 24 a member.
        let lastDays = members.map { x in (1...24).map { x.entry.adding(months: $0) + -1 } }
        for m in 1...24 {
            guard lastDays.contains(where: { $0[m - 1] <= today }) else { break }
            var n = 0, of = 0
            for (k, x) in members.enumerated() where lastDays[k][m - 1] <= today {
                let last = lastDays[k][m - 1]
                switch x.result {
                case .exited(let d) where d <= last: continue
                case .succeeded(let d) where d <= last: n += 1; of += 1
                default: of += 1
                }
            }
            out.append((n, of))
        }
        return out
    }

    static let keys = ["size", "succeeded", "exits", "notYet", "rate", "byMonth"]

    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let window = Bilingual("24 måneder fra indgang (indgangsdagen til dagen før samme dato 24 måneder senere)",
                               "24 months from entry (the entry day to the day before the same date 24 months later)")
        let members = ("Borgere i kohorten: i målgruppen på basisdagen (basislinjen) eller første gang i årets løb efter den",
                       "Citizens in the cohort: in the target group on the baseline day (baseline) or first in it during the year after")
        let exits = ("Afgang i vinduet før en succes: fraflyttet, pension, død", "Exits in the window before a success: moved, pension, died")
        let none = ("Ingen", "None")
        return [
            FigureColumn(key: "size", title: Bilingual("Antal", "Size"), definition: definition(members, ("Ingen (et antal)", "None (a count)"), none, window)),
            FigureColumn(key: "succeeded", title: Bilingual("Lykkedes", "Succeeded"),
                         definition: definition(("I job eller uddannelse, eller job- eller uddannelsesparat, i vinduet (første status af succes eller afgang)",
                                                 "In a job or education, or job- or education-ready, in the window (the first status of success or exit)"),
                                                members, exits, window)),
            FigureColumn(key: "exits", title: Bilingual("Afgang", "Exits"), definition: definition(exits, members, none, window)),
            FigureColumn(key: "notYet", title: Bilingual("Endnu ikke", "Not yet"),
                         definition: definition(("Hverken succes eller afgang endnu", "Neither success nor exit yet"), members, exits, window)),
            FigureColumn(key: "rate", title: Bilingual("Andel", "Rate"),
                         definition: definition(("Lykkedes", "Succeeded"), ("Antal minus afgang", "Size less exits"), exits,
                                                Bilingual("24 måneder fra indgang; foreløbig, til alle vinduer er lukket", "24 months from entry; interim until every window has closed"))),
            FigureColumn(key: "byMonth", title: Bilingual("Pr. måned (%)", "By month (%)"),
                         definition: definition(("Lykkedes inden for m måneder fra indgang (kumuleret)", "Succeeded within m months of entry (cumulative)"),
                                                ("Borgere fulgt i m hele måneder (censureret), minus afgang inden da", "Citizens followed for m whole months (censored), less exits by then"),
                                                exits, window)),
        ]
    }

    static func row(_ c: Cohort, today: Day) -> FigureRow {
        var succeeded: [String] = [], exits: [String] = [], notYet: [String] = []
        for m in c.members {
            switch m.result {
            case .succeeded: succeeded.append(m.id)
            case .exited: exits.append(m.id)
            case .notYet: notYet.append(m.id)
            }
        }
        let months = byMonth(c.members, today: today).map { $0.of == 0 ? 0 : $0.n * 100 / $0.of }
        return FigureRow(key: c.key, label: c.label,
                         cells: [.count(c.members.map(\.id)), .count(succeeded), .count(exits), .count(notYet),
                                 .share(succeeded, of: c.members.count - exits.count), .plain(.spark(months.map(Double.init)))],
                         flag: c.isFinal(on: today) ? nil : .interim)
    }

    static func table(_ s: FigureScope) -> FigureTable {
        s.table(.youth, columns(s), cohorts(s).map { row($0, today: s.today) })
    }
}
