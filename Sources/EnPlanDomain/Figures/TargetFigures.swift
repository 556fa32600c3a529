import Foundation

/// Section 7, targets (måltal): each target in force, where it stands, its burn-up (week by week
/// since it was defined, or the last 12 weeks or 4 quarters for a ceiling), the weekly pace still
/// needed, and `.behind` when it is off its line. Targets are the municipality's: the filter does
/// not narrow them (a target may name its own sector).
enum TargetFigures {
    static let keys = ["goal", "now", "deadline", "burnup", "pace", "status"]

    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let now = Bilingual("I dag (\(s.today.danish))", "Today (\(s.today.iso))")
        let none = ("Ingen", "None")
        let kinds = ("Efter målets art: borgere på tværs med én plan; den største sagsstamme; kontakter pr. borger i kvartalet",
                     "By the target's kind: shared citizens with a plan; the largest caseload; contacts per citizen in the quarter")
        return [
            FigureColumn(key: "goal", title: Bilingual("Mål", "Goal"), definition: definition(("Målets værdi", "The target's value"), none, none, now)),
            FigureColumn(key: "now", title: Bilingual("Status nu", "Now"), definition: definition(kinds, none, ("Afsluttede mål", "Ended targets"), now)),
            FigureColumn(key: "deadline", title: Bilingual("Frist", "Deadline"), definition: definition(("Målets frist", "The target's deadline"), none, none, now)),
            FigureColumn(key: "burnup", title: Bilingual("Forløb", "Burn-up"),
                         definition: definition(("Værdien på samme skala som status, uge for uge siden målet blev sat (lofter: de sidste 12 uger eller 4 kvartaler)",
                                                 "The value on the status's scale, week by week since the target was set (ceilings: the last 12 weeks or 4 quarters)"), none,
                                                ("Planer tælles fra den dag, de blev oprettet, for borgere, der er på tværs i dag",
                                                 "Plans count from the day they were created, for citizens shared today"), now)),
            FigureColumn(key: "pace", title: Bilingual("Tempo, der mangler", "Pace needed"),
                         definition: definition(("Hvad der mangler pr. uge frem til fristen", "What is still needed a week until the deadline"), none, none, now)),
            FigureColumn(key: "status", title: Bilingual("Status", "Status"),
                         definition: definition(("På sporet eller bagud i forhold til en lige linje fra start til mål", "On track or behind a straight line from the start to the goal"),
                                                none, none, now)),
        ]
    }

    static func table(_ s: FigureScope) -> FigureTable {
        let rows = s.state.targets.values.filter { $0.ended == nil }.sorted { $0.id < $1.id }.map { row($0, s) }
        return s.table(.targets, columns(s), rows)
    }

    static func row(_ t: Target, _ s: FigureScope) -> FigureRow {
        let deadline = FigureCell.plain(t.deadline.map { .text(Bilingual($0.danish, $0.iso)) } ?? .none)
        func text(_ da: String, _ en: String) -> FigureCell { .plain(.text(Bilingual(da, en))) }
        func inSector(_ c: CitizenRef) -> Bool { t.sector == nil || c.involves(t.sector!) }
        switch t.kind {
        case .planCoverage:
            var ids: [String] = [], created: [Day] = []
            for c in s.unitCitizens() where inSector(c) && CoverageFigures.isShared(c) {
                guard let day = c.planCreated else { continue }
                ids.append(c.id); created.append(day)
            }
            ids = FigureScope.sortedByID(ids); created.sort()
            // Plans created on or before `d`: the first index past `d` in the sorted days.
            func at(_ d: Day) -> Int {
                var lo = 0, hi = created.count
                while lo < hi { let mid = (lo + hi) / 2; if created[mid] <= d { lo = mid + 1 } else { hi = mid } }
                return lo
            }
            var weeks: [Day] = []
            var d = t.defined
            while d < s.today { weeks.append(d); d = d + 7 }
            weeks.append(s.today)
            let burnup = weeks.suffix(52).map(at)
            let now = ids.count
            let end = t.deadline ?? s.today
            let weeksLeft = Double(end - s.today) / 7
            let missing = max(t.value - now, 0)
            let baseline = at(t.defined)
            let share = end > t.defined ? Double(min(s.today, end) - t.defined) / Double(end - t.defined) : 1
            let expected = Double(baseline) + Double(t.value - baseline) * share
            let behind = now < t.value && (Double(now) < expected.rounded(.down) || weeksLeft <= 0)
            let pace = missing == 0 ? text("Nået", "Reached")
                : weeksLeft <= 0 ? text("Fristen er overskredet: \(missing) mangler", "Past the deadline: \(missing) missing")
                : text("\(Int((Double(missing) / weeksLeft).rounded(.up))) pr. uge", "\(Int((Double(missing) / weeksLeft).rounded(.up))) a week")
            return FigureRow(key: "target:" + t.id, label: Bilingual(t.name, t.name),
                             cells: [.plain(.count(t.value)), .count(ids), deadline, .plain(.spark(burnup.map(Double.init))), pace, status(behind)],
                             flag: behind ? .behind : nil)
        case .caseloadMax:
            // Per user (by `responsibleNumber`): their citizens, when they are an active caseworker (of the sector).
            let counted = s.staff.map { FigureScope.isActiveCaseworker($0) && (t.sector == nil || $0?.sector == t.sector) }
            var loads = [[String]](repeating: [], count: s.staff.count)
            for c in s.unitCitizens() where c.isOpen(on: s.today) {
                let i = c.responsibleNumber
                if counted[i] { loads[i].append(c.id) }
            }
            let over = loads.filter { $0.count > t.value }
            let spark = caseloadWeeks(s, sector: t.sector)
            let largest = loads.map(\.count).max() ?? 0
            // The cell is the largest caseload, and its list that caseload's citizens (one caseworker's).
            let ids = FigureScope.sortedByID(loads.first { $0.count == largest && largest > 0 } ?? [])
            return FigureRow(key: "target:" + t.id, label: Bilingual(t.name, t.name),
                             cells: [.plain(.count(t.value)), FigureCell(value: .count(largest), citizens: ids), deadline, .plain(.spark(spark.map(Double.init))),
                                     text("\(over.count) sagsbehandlere over loftet", "\(over.count) caseworkers above the ceiling"), status(!over.isEmpty)],
                             flag: over.isEmpty ? nil : .behind)
        case .contactsPerQuarter:
            var q = Period.quarter(of: s.today)
            var quarters: [Period] = []
            for _ in 0..<4 { quarters.append(q); q = Period.quarter(of: q.from + -1) }
            let rates: [Double] = Array(ContactFigures.perCitizen(s, quarters: quarters, sector: t.sector)
                .map { $0.citizens > 0 ? Double($0.contacts) / Double($0.citizens) : 0 }.reversed())
            let this = Period.quarter(of: s.today)
            let elapsed = Double(s.today - this.from + 1) / Double(this.to - this.from + 1)
            let now = rates[3], projected = now / max(elapsed, 0.01)
            let behind = projected > Double(t.value)
            let room = Stats.decimal(max(Double(t.value) - now, 0))
            return FigureRow(key: "target:" + t.id, label: Bilingual(t.name, t.name),
                             cells: [.plain(.count(t.value)), .plain(.text(Stats.decimal(now))), deadline, .plain(.spark(rates.map { ($0 * 10).rounded() / 10 })),
                                     text("højst \(room.da) mere pr. borger i kvartalet", "at most \(room.en) more per citizen this quarter"), status(behind)],
                             flag: behind ? .behind : nil)
        }
    }

    /// The largest caseload of an active caseworker (of `sector`, if given) at the end of each of
    /// the 12 weeks of `CaseloadFigures.weekEnds`, in one pass: each citizen's responsible history
    /// is walked once along the ascending week ends.
    static func caseloadWeeks(_ s: FigureScope, sector: Sector?) -> [Int] {
        let ends = CaseloadFigures.weekEnds(s.today), n = ends.count
        let counted = s.staff.map { FigureScope.isActiveCaseworker($0) && (sector == nil || $0?.sector == sector) }
        var counts = StaffWeeks(staff: s.staff.count, weeks: n)
        for c in s.unitCitizens() {
            let closed = c.closed
            c.responsibleIndex(at: ends) { w, user in if counted[user], closed.map({ $0 > ends[w] }) ?? true { counts[user, w] += 1 } }
        }
        return ends.indices.map { counts.largest(in: $0) }
    }

    static func status(_ behind: Bool) -> FigureCell {
        .plain(.text(behind ? Bilingual("Bagud", "Behind") : Bilingual("På sporet", "On track")))
    }
}
