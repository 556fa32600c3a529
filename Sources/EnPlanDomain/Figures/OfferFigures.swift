/// Section 9, offers (tilbud) and their weekly users: the number of offers in the register, and
/// for the week the period ends in (this week, when the period runs on): the citizens with an
/// effort at an offer that ran in that ISO week (Monday to Sunday), all together, per offer and
/// per the effort's sector; the attendance providers reported for the week (a count, no names);
/// and both over the 12 weeks up to it.
enum OfferFigures {
    static let keys = ["offers", "weeklyUsers", "attendance", "usersTrend", "attendanceTrend"]

    /// The week the figures are for: the one the period ends in, or this week.
    static func week(_ s: FigureScope) -> IsoWeek { IsoWeek(min(s.filter.period.to, s.today)) }

    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let w = week(s), first = w.adding(weeks: -11)
        let weekText = Bilingual("Uge \(w.number) \(w.year) (\(w.monday.danish) – \(w.sunday.danish))", "Week \(w.iso) (\(w.monday.iso) to \(w.sunday.iso))")
        let trendText = Bilingual("Uge \(first.number) \(first.year) til uge \(w.number) \(w.year)", "\(first.iso) to \(w.iso)")
        let users = ("Borgere med en indsats ved tilbuddet, der var i gang en dag i ugen", "Citizens with an effort at the offer that ran on a day of the week")
        let notRunning = ("Planlagte og aflyste indsatser; indsatser uden tilbud; borgere uden for filteret",
                          "Planned and cancelled efforts; efforts at no offer; citizens outside the filter")
        let reported = ("Fremmøde, som udføreren har oplyst for ugen (et antal, ingen navne)", "Attendance the provider reported for the week (a count, no names)")
        let none = ("Ingen (et antal)", "None (a count)")
        return [
            FigureColumn(key: "offers", title: Bilingual("Tilbud", "Offers"),
                         definition: definition(("Tilbud i registret (pr. fagområde: tilbud med brugere fra fagområdet i ugen)", "Offers in the register (per sector: offers with users from the sector in the week)"),
                                                none, ("Ingen", "None"), weekText)),
            FigureColumn(key: "weeklyUsers", title: Bilingual("Ugentlige brugere", "Weekly users"), definition: definition(users, none, notRunning, weekText)),
            FigureColumn(key: "attendance", title: Bilingual("Fremmøde oplyst", "Attendance reported"),
                         definition: definition(reported, none, ("Uger uden indberetning tæller 0", "Weeks with no report count 0"), weekText)),
            FigureColumn(key: "usersTrend", title: Bilingual("Brugere 12 uger", "Users 12 weeks"), definition: definition(users, none, notRunning, trendText)),
            FigureColumn(key: "attendanceTrend", title: Bilingual("Fremmøde 12 uger", "Attendance 12 weeks"),
                         definition: definition(reported, none, ("Uger uden indberetning tæller 0", "Weeks with no report count 0"), trendText)),
        ]
    }

    static func table(_ s: FigureScope) -> FigureTable {
        let w = week(s)
        let weeks = (0..<12).map { w.adding(weeks: $0 - 11) }
        let offers = s.state.offers.values.sorted { FigureScope.idOrder($0.id, $1.id) }
        // Per row, per week: the citizens (a set: two efforts at one offer are one user).
        var users: [String: [Set<String>]] = [:], offersOf: [Sector: Set<String>] = [:]
        func add(_ row: String, _ i: Int, _ id: String) { users[row, default: Array(repeating: [], count: 12)][i].insert(id) }
        // Most citizens have no effort at an offer: asked field by field, before anything is copied.
        for c in s.all() where c.hasOfferEffort && s.includes(c) {
            let efforts = c.efforts!, id = c.id
            for e in efforts.indices {
                guard let offer = efforts[e].offer else { continue }
                for (i, week) in weeks.enumerated() where efforts[e].ran(in: week) {
                    add("all", i, id); add("offer:" + offer, i, id); add("sector:" + efforts[e].sector.rawValue, i, id)
                    if i == 11 { offersOf[efforts[e].sector, default: []].insert(offer) }
                }
            }
        }
        func list(_ row: String) -> [String] { FigureScope.sortedByID(Array(users[row]?[11] ?? [])) }
        func trend(_ row: String) -> FigureCell { .plain(.spark((users[row] ?? Array(repeating: [], count: 12)).map(\.count))) }
        func attendance(_ list: [Offer]) -> [Int] { weeks.map { wk in list.reduce(0) { $0 + ($1.attendance[wk] ?? 0) } } }
        var rows = [FigureRow(key: "all", label: FigureScope.all, cells: [
            .plain(.count(offers.count)), .count(list("all")), .plain(.count(attendance(offers)[11])), trend("all"), .plain(.spark(attendance(offers))),
        ])]
        for o in offers {
            let key = "offer:" + o.id, a = attendance([o])
            rows.append(FigureRow(key: key, label: Bilingual(o.label, o.label), cells: [
                .plain(.text(kind(o.kind))), .count(list(key)), .plain(.count(a[11])), trend(key), .plain(.spark(a)),
            ]))
        }
        for sector in Sector.allCases where users["sector:" + sector.rawValue] != nil {
            let key = "sector:" + sector.rawValue
            rows.append(FigureRow(key: key, label: FigureScope.label(sector), cells: [
                .plain(.count(offersOf[sector]?.count ?? 0)), .count(list(key)), .plain(.none), trend(key), .plain(.none),
            ]))
        }
        return s.table(.offers, columns(s), rows)
    }

    static func kind(_ k: Offer.Kind) -> Bilingual {
        switch k {
        case .civilSociety: Bilingual("Civilsamfund", "Civil society")
        case .municipal: Bilingual("Kommunal", "Municipal")
        case .regional: Bilingual("Regional", "Regional")
        case .employer: Bilingual("Arbejdsgiver", "Employer")
        case .socialEconomy: Bilingual("Socialøkonomisk virksomhed", "Social-economy enterprise")
        }
    }
}
