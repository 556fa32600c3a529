/// Section 4, fewer contacts and meetings: contacts and meetings per citizen per month in each of
/// the last four quarters (a trend; the last one is the quarter the period ends in), per target
/// group; and the meetings avoided: meetings others joined (`MeetingJoined`) instead of holding
/// one of their own.
enum ContactFigures {
    struct Quarter {
        let period: Period
        /// The quarter up to today: what has been counted so far.
        let counted: Period
        let label: String
        /// Months counted so far (a quarter under way counts its days).
        var months: Double { Double(counted.to - counted.from + 1) / Double(period.to - period.from + 1) * 3 }
    }

    static func quarters(_ s: FigureScope) -> [Quarter] {
        var q = Period.quarter(of: s.filter.period.to)
        var out: [Quarter] = []
        for _ in 0..<4 {
            let (y, m, _) = q.from.components
            out.append(Quarter(period: q, counted: Period(from: q.from, to: min(q.to, max(s.today, q.from))), label: "\(y)Q\((m - 1) / 3 + 1)"))
            q = Period.quarter(of: q.from + -1)
        }
        return out.reversed()
    }

    static func columns(_ s: FigureScope, _ qs: [Quarter]) -> [FigureColumn] {
        let citizens = ("Borgere i målgruppen, oprettet ved kvartalets udgang og med åben sag ved dets begyndelse, gange antal måneder",
                        "Citizens in the group, registered by the quarter's end and with a case open at its start, times the months")
        var cols = [FigureColumn(key: "citizens", title: Bilingual("Borgere", "Citizens"),
                                 definition: definition(("Borgere i målgruppen i dag", "Citizens in the group today"), ("Ingen (et antal)", "None (a count)"),
                                                        ("Ingen", "None"), Bilingual("I dag", "Today")))]
        for q in qs {
            let p = Bilingual("\(q.counted.from.danish) til \(q.counted.to.danish)", "\(q.counted.from.iso) to \(q.counted.to.iso)")
            // Quarters named one way everywhere: "1. kvartal 2026" (the key keeps "2026Q1").
            let named = EnPlanDomain.Quarter(q.label)?.label ?? Bilingual(q.label, q.label)
            cols.append(FigureColumn(key: "contacts:" + q.label, title: Bilingual("Kontakter \(named.da)", "Contacts \(named.en)"),
                                     definition: definition(("Loggede kontakter (telefon, møde, brev, digitalt)", "Logged contacts (phone, meeting, letter, digital)"),
                                                            citizens, ("Ingen", "None"), p)))
            cols.append(FigureColumn(key: "meetings:" + q.label, title: Bilingual("Møder \(named.da)", "Meetings \(named.en)"),
                                     definition: definition(("Møder om borgeren: afholdt, udeblevet eller planlagt", "Meetings about the citizen: held, missed or planned"),
                                                            citizens, ("Aflyste møder", "Cancelled meetings"), p)))
        }
        let all = Period(from: qs[0].counted.from, to: qs[3].counted.to)
        cols.append(FigureColumn(key: "avoided", title: Bilingual("Møder undgået", "Meetings avoided"),
                                 definition: definition(("Gange, andre deltagere blev føjet til et eksisterende møde i stedet for et nyt", "Times participants joined an existing meeting instead of holding a new one"),
                                                        ("Ingen (et antal)", "None (a count)"), ("Ingen", "None"),
                                                        Bilingual("\(all.from.danish) til \(all.to.danish)", "\(all.from.iso) to \(all.to.iso)"))))
        return cols
    }

    static func table(_ s: FigureScope) -> FigureTable {
        let qs = quarters(s)
        let groups: [TargetGroup] = [.child, .youth, .adult]
        // Per row key: per quarter (citizens, contacts, meetings).
        var sums: [String: [(citizens: Int, contacts: Int, meetings: Int)]] = [:]
        var t = Tally()
        let first = qs[0].counted.from, last = qs[3].counted.to
        let rowKeys = ["all"] + groups.map(FigureScope.row)            // by number: all, then the groups in order
        let rowOf = rowKeys.map { t.row($0) }, citizensColumn = t.column("citizens"), avoided = t.column("avoided")
        // By row number, then quarter: (citizens, contacts, meetings), 4 a row.
        var perRow = Array(repeating: (citizens: 0, contacts: 0, meetings: 0), count: rowKeys.count * 4)
        var seen = Array(repeating: false, count: rowKeys.count)
        let ends = qs.map(\.counted.to)
        func quarter(_ d: Day) -> Int? {
            guard d >= first, d <= last else { return nil }
            return qs.firstIndex { $0.counted.contains(d) }
        }
        for c in s.citizens() {
            // The citizen's two rows ("all" and its group's) and where their quarters start in `perRow`.
            let rows = [0, 1 + groups.firstIndex(of: c.targetGroup(on: s.today))!], a = rows[0] * 4, g = rows[1] * 4
            let registered = c.registered, closed = c.closed
            for i in 0..<4 where registered <= ends[i] && closed.map({ $0 > qs[i].counted.from }) ?? true {
                perRow[a + i].citizens += 1; perRow[g + i].citizens += 1
            }
            c.forEachContactDay { if let i = quarter($0) { perRow[a + i].contacts += 1; perRow[g + i].contacts += 1 } }
            for m in c.meetings where m.status != .cancelled { if let i = quarter(m.day) { perRow[a + i].meetings += 1; perRow[g + i].meetings += 1 } }
            let id = c.id, merged = c.merged
            for r in rows {
                t.add(rowOf[r], citizensColumn, id)
                seen[r] = true
                for d in merged where d >= first && d <= last { t.add(rowOf[r], avoided, id) }
            }
        }
        for r in rowKeys.indices where seen[r] { sums[rowKeys[r]] = Array(perRow[r * 4..<r * 4 + 4]) }
        func row(_ key: String, _ label: Bilingual) -> FigureRow {
            var cells = [t.count(key, "citizens")]
            let acc = sums[key] ?? Array(repeating: (0, 0, 0), count: 4)
            for (i, q) in qs.enumerated() {
                let months = Double(acc[i].citizens) * q.months
                cells.append(.plain(months > 0 ? .text(Stats.decimal(Double(acc[i].contacts) / months)) : .none))
                cells.append(.plain(months > 0 ? .text(Stats.decimal(Double(acc[i].meetings) / months)) : .none))
            }
            cells.append(t.count(key, "avoided"))
            return FigureRow(key: key, label: label, cells: cells)
        }
        let rows = [row("all", FigureScope.all)] + groups.filter { sums[FigureScope.row($0)] != nil }.map { row(FigureScope.row($0), FigureScope.label($0)) }
        return s.table(.contacts, columns(s, qs), rows)
    }

    /// Contacts per citizen in one quarter, as a number (the targets' "contacts per quarter").
    static func perCitizen(_ s: FigureScope, quarter q: Period, sector: Sector?) -> (contacts: Int, citizens: Int) {
        perCitizen(s, quarters: [q], sector: sector)[0]
    }

    /// The same for several quarters in one pass (each contact's day worked out once).
    static func perCitizen(_ s: FigureScope, quarters: [Period], sector: Sector?) -> [(contacts: Int, citizens: Int)] {
        var out = Array(repeating: (contacts: 0, citizens: 0), count: quarters.count)
        let spans = quarters.map { Period(from: $0.from, to: min($0.to, s.today)) }
        for c in s.unitCitizens() {
            if let sector, !c.involves(sector) { continue }
            let registered = c.registered, closed = c.closed
            var counted = false
            for (k, q) in spans.enumerated() where registered <= q.to && closed.map({ $0 > q.from }) ?? true { out[k].citizens += 1; counted = true }
            guard counted else { continue }
            c.forEachContactDay { d in
                for (k, q) in spans.enumerated() where d >= q.from && d <= q.to && registered <= q.to { out[k].contacts += 1 }
            }
        }
        return out
    }
}
