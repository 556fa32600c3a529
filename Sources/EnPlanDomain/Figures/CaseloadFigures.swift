/// Section 1, caseloads (sagsstammer): per caseworker, the citizens they are responsible for, by
/// target group, with a unified plan, with overdue follow-ups and with meetings in the next 14
/// days, and the caseload week by week over the last 12 weeks. Citizens whose responsible is no
/// active caseworker (deactivated, or never one) have a row of their own: "unassigned". A closed
/// case is in no caseload from the day it closed (`Citizen.closed`). With an organisation, a row
/// for each unit of the table's scope follows ("by unit", issue 27): the sum of its caseworkers'
/// rows (`unitRows`).
enum CaseloadFigures {
    static let unassigned = "unassigned"

    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let now = Bilingual("I dag (\(s.today.danish))", "Today (\(s.today.iso))")
        let none = FigureScope.closedCases
        let mine = ("Borgere med åben sag, sagsbehandleren er ansvarlig for", "Citizens with an open case the caseworker is responsible for")
        return [
            FigureColumn(key: "responsible", title: Bilingual("Ansvarlig for", "Responsible"),
                         definition: definition(("Borgere med åben sag og sagsbehandleren som ansvarlig", "Citizens with an open case and the caseworker as responsible"),
                                                ("Ingen (et antal)", "None (a count)"), none, now)),
            FigureColumn(key: "youth", title: Bilingual("Unge", "Youth"),
                         definition: definition(("Borgere på 15-29 år", "Citizens aged 15-29"), mine, none, now)),
            FigureColumn(key: "adults", title: Bilingual("Voksne", "Adults"),
                         definition: definition(("Borgere på 30 år og derover", "Citizens aged 30 and over"), mine,
                                                ("Børn under 15 år tælles kun i det samlede antal; lukkede sager", "Children under 15 count in the total only; closed cases"), now)),
            FigureColumn(key: "withPlan", title: Bilingual("Med én plan", "With a plan"),
                         definition: definition(("Borgere med en aktiv helhedsorienteret plan", "Citizens with an active unified plan"), mine, none, now)),
            FigureColumn(key: "overdue", title: Bilingual("Overskredne opfølgninger", "Overdue follow-ups"),
                         definition: definition(("Borgere med mindst én opfølgning, hvis frist er overskredet", "Citizens with at least one follow-up past its due day"),
                                                mine, ("Opfølgninger med frist i dag er ikke overskredet; lukkede sager", "A follow-up due today is not overdue; closed cases"), now)),
            FigureColumn(key: "meetings14", title: Bilingual("Møder 14 dage", "Meetings 14 days"),
                         definition: definition(("Borgere med et planlagt møde de næste 14 dage", "Citizens with a planned meeting in the next 14 days"),
                                                mine, ("Aflyste og afholdte møder; lukkede sager", "Cancelled and held meetings; closed cases"),
                                                Bilingual("\(s.today.danish) til \((s.today + 13).danish)", "\(s.today.iso) to \((s.today + 13).iso)"))),
            FigureColumn(key: "trend", title: Bilingual("12 uger", "12 weeks"),
                         definition: definition(("Sagsstammen ved udgangen af hver af de sidste 12 uger", "The caseload at the end of each of the last 12 weeks"),
                                                ("Ingen (et antal pr. uge)", "None (a count a week)"),
                                                ("Borgere, der endnu ikke var oprettet, og sager, der var lukket", "Citizens not yet registered, and cases closed by then"),
                                                Bilingual("\((s.today + -77).danish) til \(s.today.danish)", "\((s.today + -77).iso) to \(s.today.iso)"))),
        ]
    }

    /// The 12 week ends of the sparkline, oldest first (the last one today).
    static func weekEnds(_ today: Day) -> [Day] { (0..<12).map { today + -7 * (11 - $0) } }

    static func table(_ s: FigureScope) -> FigureTable {
        var t = Tally()
        let ends = weekEnds(s.today)
        let horizon = s.today + 13
        var rowOf = [Int?](repeating: nil, count: s.staff.count)   // the row's number, by staff member
        let unassignedRow = t.row(unassigned)
        let (responsible, youth, adults, withPlan, overdue, meetings14) = (t.column("responsible"), t.column("youth"), t.column("adults"),
                                                                          t.column("withPlan"), t.column("overdue"), t.column("meetings14"))
        // The sparkline's counts by user number (`s.staff`), 12 a user; rows summed from them below.
        var weekly = StaffWeeks(staff: s.staff.count, weeks: 12)
        for c in s.citizens() {
            // The sparkline counts each week the case was open at its end; the rest only an open case.
            let closed = c.closed
            c.responsibleIndex(at: ends) { w, user in if closed.map({ $0 > ends[w] }) ?? true { weekly[user, w] += 1 } }
            guard c.isOpen(on: s.today) else { continue }
            let i = c.responsibleNumber
            let r: Int
            if let known = rowOf[i] { r = known } else { r = FigureScope.isActiveCaseworker(s.staff[i]) ? t.row(c.userRow) : unassignedRow; rowOf[i] = r }
            let id = c.id
            t.add(r, responsible, id)
            switch c.targetGroup(on: s.today) {
            case .youth: t.add(r, youth, id)
            case .adult: t.add(r, adults, id)
            case .child: break
            }
            if let followUps = c.followUps {
                t.add(r, withPlan, id)
                if followUps.contains(where: { $0.isOverdue(on: s.today) }) { t.add(r, overdue, id) }
            }
            if c.meetings.contains(where: { $0.status == .planned && $0.day >= s.today && $0.day <= horizon }) { t.add(r, meetings14, id) }
        }
        var trend: [String: [Int]] = [:]
        for (i, user) in s.staff.enumerated() where weekly.weeks(of: i).contains(where: { $0 > 0 }) {
            let r = FigureScope.isActiveCaseworker(user) ? "user:" + user!.id : unassigned
            var sum = trend[r] ?? Array(repeating: 0, count: 12)
            for w in 0..<12 { sum[w] += weekly[i, w] }
            trend[r] = sum
        }
        let keys = ["responsible", "youth", "adults", "withPlan", "overdue", "meetings14"]
        func cells(_ r: String) -> [FigureCell] {
            keys.map { t.count(r, $0) } + [.plain(.spark((trend[r] ?? Array(repeating: 0, count: 12)).map(Double.init)))]
        }
        func flag(_ n: Int) -> FigureFlag? { n > s.settings.caseloadMax ? .over : n >= s.settings.caseloadWarn ? .warn : nil }
        var rows = s.caseworkers().map { u in
            let r = "user:" + u.id
            return FigureRow(key: r, label: Bilingual(u.name, u.name), cells: cells(r), flag: flag(t.ids(r, "responsible").count))
        }.filter { s.filter.sector == nil || !$0.cells[0].citizens!.isEmpty || s.state.user(String($0.key.dropFirst(5)))?.sector == s.filter.sector }
        let byUnit = unitRows(s, caseworkerRows: rows)
        if s.filter.user == nil || !t.ids(unassigned, "responsible").isEmpty {
            rows.append(FigureRow(key: unassigned, label: Bilingual("Uden ansvarlig eller deaktiveret sagsbehandler",
                                                                    "Unassigned or deactivated caseworker"), cells: cells(unassigned)))
        }
        return s.table(.caseload, columns(s), rows + byUnit)
    }

    /// "By unit" (issue 27): a row ("unit:ID") for each unit of the table's scope — the filter's
    /// unit and those below it in tree order, every unit without one — that sums the rows of its
    /// caseworkers: those in it or in a unit below it on the reference day (`FigureScope.unitDay`,
    /// as the scope takes them). Each cell's list is its caseworkers' lists put together (a citizen
    /// is in one caseworker's row), so a count is still its list's length; the sparkline is the sum
    /// of theirs. No organisation, or one caseworker's figures (`--user`, a caseworker's own): none.
    static func unitRows(_ s: FigureScope, caseworkerRows: [FigureRow]) -> [FigureRow] {
        let org = s.state.organisation
        guard !org.isEmpty, s.filter.user == nil, s.viewer.role != .caseworker else { return [] }
        let within = s.filter.unit.map { org.subtree(of: $0) }
        let counted = 6   // the columns with lists; the last is the sparkline
        // Each caseworker's row goes to their unit on the reference day and every unit above it
        // (in a unit's subtree = the unit is among their unit's ancestors): one walk up a caseworker.
        var theirs: [String: [FigureRow]] = [:]
        for r in caseworkerRows where r.key.hasPrefix("user:") {
            guard let unit = org.unit(of: String(r.key.dropFirst(5)), on: s.unitDay) else { continue }
            for a in org.ancestors(of: unit) { theirs[a, default: []].append(r) }
        }
        return org.tree().filter { within?.contains($0.unit.id) ?? true }.map { e in
            let mine = theirs[e.unit.id] ?? []
            var cells: [FigureCell] = (0..<counted).map { k in .count(mine.flatMap { $0.cells[k].citizens ?? [] }) }
            var spark = [Double](repeating: 0, count: 12)
            for r in mine { if case .spark(let xs) = r.cells[counted].value { for w in xs.indices where w < 12 { spark[w] += xs[w] } } }
            cells.append(.plain(.spark(spark)))
            return FigureRow(key: "unit:" + e.unit.id, label: Bilingual("Enhed: " + e.unit.name, "Unit: " + e.unit.name), cells: cells)
        }
    }
}
