/// Section 2, timeliness of follow-ups (rettidighed): of the follow-ups due in the period, the
/// share done on time, the late ones by how late (at most 1 week, 1-3 weeks, more than 3 weeks),
/// and the open ones already past their due day by age; row groups per responsible caseworker,
/// their sector and the citizen's target group, and all together.
///
/// A follow-up completed on its due day is on time. A cell's list holds one citizen id per
/// follow-up it counts (a citizen with two late follow-ups is in it twice).
enum TimelinessFigures {
    static let keys = ["due", "onTime", "late7", "late21", "lateMore", "open7", "open21", "openMore"]

    /// 1...7 days: "7", 8...21: "21", beyond: "More".
    static func band(_ days: Int) -> String { days <= 7 ? "7" : days <= 21 ? "21" : "More" }

    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let p = s.periodText
        let due = ("Opfølgninger med frist i perioden, som er udført eller har overskredet fristen",
                   "Follow-ups due in the period that are done or past their due day")
        let notYet = ("Opfølgninger, hvis frist ikke er nået endnu", "Follow-ups not yet due")
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
        for c in s.citizens() {
            guard let followUps = c.followUps else { continue }
            let group = c.targetGroup(on: s.today)
            let user = c.responsible
            let sector = s.state.user(user)?.sector
            let rows = ["all", "user:" + user, "group:" + group.rawValue] + (sector.map { ["sector:" + $0.rawValue] } ?? [])
            for f in followUps where s.filter.period.contains(f.due) {
                let column: String
                if let done = f.done {
                    column = done <= f.due ? "onTime" : "late" + band(done - f.due)
                } else if f.due < s.today {
                    column = "open" + band(s.today - f.due)
                } else { continue }
                for r in rows { t.add(r, column, c.id); t.add(r, "due", c.id) }
                usersSeen.insert(user); groupsSeen.insert(group); if let sector { sectorsSeen.insert(sector) }
            }
        }
        func row(_ key: String, _ label: Bilingual) -> FigureRow {
            let total = t.ids(key, "due").count
            let cells = keys.map { k -> FigureCell in k == "onTime" ? .share(t.ids(key, k), of: total) : t.count(key, k) }
            return FigureRow(key: key, label: label, cells: cells)
        }
        var rows = [row("all", FigureScope.all)]
        for u in usersSeen.sorted(by: { (s.name($0), $0) < (s.name($1), $1) }) {
            rows.append(row("user:" + u, Bilingual(s.name(u), s.name(u))))
        }
        for sector in Sector.allCases where sectorsSeen.contains(sector) { rows.append(row("sector:" + sector.rawValue, FigureScope.label(sector))) }
        for g in [TargetGroup.child, .youth, .adult] where groupsSeen.contains(g) { rows.append(row("group:" + g.rawValue, FigureScope.label(g))) }
        return s.table(.timeliness, columns(s), rows)
    }
}
