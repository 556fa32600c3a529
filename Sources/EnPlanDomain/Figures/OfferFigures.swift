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
        // Per row, per week, a count; the citizens themselves only for the week shown (the list
        // behind its cells). Each citizen's weeks are a 12-bit mask per offer and per sector, so
        // two efforts at one offer are one user, and nothing is hashed per week.
        let index = Dictionary(uniqueKeysWithValues: offers.enumerated().map { ($1.id, $0) })
        let sectors = Sector.allCases, shown = 1 << 11
        var allN = [Int](repeating: 0, count: 12), allIDs: [String] = []
        var offerN = [[Int]](repeating: allN, count: offers.count), offerIDs = [[String]](repeating: [], count: offers.count)
        var sectorN = [[Int]](repeating: allN, count: sectors.count), sectorIDs = [[String]](repeating: [], count: sectors.count)
        var offersOf = [Set<Int>](repeating: [], count: sectors.count)
        func count(_ mask: Int, into n: inout [Int]) { for i in 0..<12 where mask & (1 << i) != 0 { n[i] += 1 } }
        // Most citizens have no effort at an offer: asked field by field, before anything is copied.
        for c in s.all() where c.hasOfferEffort && s.includes(c) {
            let efforts = c.efforts!
            var any = 0, byOffer: [(Int, Int)] = [], bySector = [Int](repeating: 0, count: sectors.count)
            for e in efforts.indices {
                guard let o = efforts[e].offer, let oi = index[o] else { continue }
                var mask = 0
                for (i, week) in weeks.enumerated() where efforts[e].ran(in: week) { mask |= 1 << i }
                guard mask != 0 else { continue }
                let si = sectors.firstIndex(of: efforts[e].sector)!
                any |= mask; bySector[si] |= mask
                if let k = byOffer.firstIndex(where: { $0.0 == oi }) { byOffer[k].1 |= mask } else { byOffer.append((oi, mask)) }
                if mask & shown != 0 { offersOf[si].insert(oi) }
            }
            guard any != 0 else { continue }
            let id = c.id
            count(any, into: &allN); if any & shown != 0 { allIDs.append(id) }
            for (oi, mask) in byOffer { count(mask, into: &offerN[oi]); if mask & shown != 0 { offerIDs[oi].append(id) } }
            for si in sectors.indices where bySector[si] != 0 {
                count(bySector[si], into: &sectorN[si]); if bySector[si] & shown != 0 { sectorIDs[si].append(id) }
            }
        }
        func attendance(_ list: [Offer]) -> [Int] { weeks.map { wk in list.reduce(0) { $0 + ($1.attendance[wk] ?? 0) } } }
        var rows = [FigureRow(key: "all", label: FigureScope.all, cells: [
            .plain(.count(offers.count)), .count(FigureScope.sortedByID(allIDs)), .plain(.count(attendance(offers)[11])), .plain(.spark(allN.map(Double.init))),
            .plain(.spark(attendance(offers).map(Double.init))),
        ])]
        for (oi, o) in offers.enumerated() {
            let a = attendance([o])
            rows.append(FigureRow(key: "offer:" + o.id, label: Bilingual(o.label, o.label), cells: [
                .plain(.text(kind(o.kind))), .count(FigureScope.sortedByID(offerIDs[oi])), .plain(.count(a[11])), .plain(.spark(offerN[oi].map(Double.init))), .plain(.spark(a.map(Double.init))),
            ]))
        }
        for (si, sector) in sectors.enumerated() where sectorN[si].contains(where: { $0 > 0 }) {
            rows.append(FigureRow(key: "sector:" + sector.rawValue, label: FigureScope.label(sector), cells: [
                .plain(.count(offersOf[si].count)), .count(FigureScope.sortedByID(sectorIDs[si])), .plain(.none), .plain(.spark(sectorN[si].map(Double.init))), .plain(.none),
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
