/// Section 2, timeliness of follow-ups (rettidighed): of the follow-ups due in the period, the
/// share done on time, the late ones by how late (at most 1 week, 1-3 weeks, more than 3 weeks),
/// and the open ones already past their due day by age; row groups per responsible caseworker,
/// their sector and the citizen's target group, and all together.
///
/// A follow-up completed on its due day is on time; one not done in a closed case is left out (it
/// is no longer due). A cell's list holds one citizen id per
/// follow-up it counts (a citizen with two late follow-ups is in it twice).
enum TimelinessFigures {
    static let keys = ["due", "onTime", "late7", "late21", "lateMore", "open7", "open21", "openMore"]

    /// The column (in `keys`) of a follow-up done `days` late or open `days` past due: 1...7, 8...21, beyond.
    static func band(_ days: Int, open: Bool) -> Int { (open ? 5 : 2) + (days <= 7 ? 0 : days <= 21 ? 1 : 2) }

    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let p = s.periodText
        let due = ("Opfølgninger med frist i perioden, som er udført eller har overskredet fristen",
                   "Follow-ups due in the period that are done or past their due day")
        let notYet = ("Opfølgninger, hvis frist ikke er nået endnu, og ikke udførte opfølgninger i lukkede sager",
                      "Follow-ups not yet due, and follow-ups not done in closed cases")
        func late(_ key: String, _ da: String, _ en: String, _ nda: String, _ nen: String) -> FigureColumn {
            FigureColumn(key: key, title: Bilingual(da, en), definition: definition((nda, nen), due, notYet, p))
        }
        return [
            FigureColumn(key: "due", title: Bilingual("Opfølgninger", "Follow-ups"), definition: definition(due, ("Ingen (et antal)", "None (a count)"), notYet, p)),
            FigureColumn(key: "onTime", title: Bilingual("Rettidige", "On time"),
                         definition: definition(("Udført senest på fristdagen", "Done on or before the due day"), due, notYet, p)),
            late("late7", "Forsinket ≤ 1 uge", "Late ≤ 1 week", "Udført 1-7 dage efter fristen", "Done 1-7 days after the due day"),
            late("late21", "Forsinket 1-3 uger", "Late 1-3 weeks", "Udført 8-21 dage efter fristen", "Done 8-21 days after the due day"),
            late("lateMore", "Forsinket > 3 uger", "Late > 3 weeks", "Udført mere end 21 dage efter fristen", "Done more than 21 days after the due day"),
            late("open7", "Åbne ≤ 1 uge over", "Open ≤ 1 week over", "Ikke udført, 1-7 dage over fristen i dag", "Not done, 1-7 days past due today"),
            late("open21", "Åbne 1-3 uger over", "Open 1-3 weeks over", "Ikke udført, 8-21 dage over fristen i dag", "Not done, 8-21 days past due today"),
            late("openMore", "Åbne > 3 uger over", "Open > 3 weeks over", "Ikke udført, mere end 21 dage over fristen i dag", "Not done, more than 21 days past due today"),
        ]
    }

    static func table(_ s: FigureScope) -> FigureTable {
        var t = Tally()
        var sectorsSeen = Set<Sector>(), groupsSeen = Set<TargetGroup>(), usersSeen = Set<String>()
        // Rows and columns by number (`Tally`): "all", the groups', and by user number the caseworker's and their sector's.
        let all = t.row("all"), columnOf = keys.map { t.column($0) }, due = columnOf[0]
        let groupRow = Dictionary(uniqueKeysWithValues: TargetGroup.allCases.map { ($0, t.row(FigureScope.row($0))) })
        var userRow = [(user: Int, sector: Int?)?](repeating: nil, count: s.staff.count)
        for c in s.citizens() {
            guard let followUps = c.followUps else { continue }
            for i in followUps.indices where s.filter.period.contains(followUps[i].due) {
                let day = followUps[i].due
                let key: Int
                if let done = followUps[i].done {
                    key = done <= day ? 1 : band(done - day, open: false)
                } else if !c.isOpen(on: s.today) {
                    continue   // a closed case's open follow-ups are no longer due
                } else if day < s.today {
                    key = band(s.today - day, open: true)
                } else { continue }
                let column = columnOf[key]
                let group = c.targetGroup(on: s.today)
                let u = c.responsibleNumber
                let rows: (user: Int, sector: Int?)
                if let known = userRow[u] { rows = known } else {
                    let sector = s.staff[u]?.sector
                    rows = (t.row(c.userRow), sector.map { t.row(FigureScope.row($0)) })
                    userRow[u] = rows
                    usersSeen.insert(c.responsible); if let sector { sectorsSeen.insert(sector) }
                }
                let id = c.id
                for r in [all, rows.user, groupRow[group]!] { t.add(r, column, id); t.add(r, due, id) }
                if let r = rows.sector { t.add(r, column, id); t.add(r, due, id) }
                groupsSeen.insert(group)
            }
        }
        // The cells count follow-ups; the list behind each is their citizens, each once, and says
        // both numbers (`FigureUnit.followUps`).
        func row(_ key: String, _ label: Bilingual) -> FigureRow {
            let total = t.ids(key, "due").count
            let cells = keys.map { k -> FigureCell in
                let ids = t.ids(key, k)
                let value: FigureValue = k == "onTime" ? .share(numerator: ids.count, denominator: total) : .count(ids.count)
                return FigureCell(value: value, citizens: FigureScope.distinct(ids), unit: .followUps)
            }
            return FigureRow(key: key, label: label, cells: cells)
        }
        var rows = [row("all", FigureScope.all)]
        for u in usersSeen.sorted(by: { (s.name($0), $0) < (s.name($1), $1) }) {
            rows.append(row("user:" + u, Bilingual(s.name(u), s.name(u))))
        }
        for sector in Sector.allCases where sectorsSeen.contains(sector) { rows.append(row(FigureScope.row(sector), FigureScope.label(sector))) }
        for g in [TargetGroup.child, .youth, .adult] where groupsSeen.contains(g) { rows.append(row(FigureScope.row(g), FigureScope.label(g))) }
        return s.table(.timeliness, columns(s), rows)
    }
}
