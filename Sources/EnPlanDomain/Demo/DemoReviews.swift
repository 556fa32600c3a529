/// The demo's quarterly reviews and offers: the two quarters before this one drawn and reviewed
/// (each decided as on its own days, so every rule holds as it did then), this quarter's sample
/// with 7 of its plans reviewed; six offers in the register, efforts at them over the last 12
/// weeks, and the attendance their providers reported week by week.
enum DemoReviews {
    static let offers: [(provider: String, kind: Offer.Kind, activity: String, place: String, weekdays: [Int], sector: Sector, basis: String)] = [
        ("Kirkens Korshær", .civilSociety, "Fællesspisning og samtale", "Algade 3", [2, 4], .social, "SEL § 104"),
        ("Røde Kors", .civilSociety, "Netværksfamilie og lektiehjælp", "Frivilligcentret", [1, 3], .family, "Barnets lov § 32"),
        ("Café Ægte", .socialEconomy, "Praktik i café og køkken", "Stændertorvet 7", [1, 2, 3, 4, 5], .employment, "LAB § 42"),
        ("Jobcentrets Værksted", .municipal, "Afklaring i værksted", "Køgevej 12", [1, 2, 3, 4], .employment, "LAB § 32"),
        ("Region Sjælland, Psykiatrien", .regional, "Gruppeforløb om angst", "Psykiatrihuset", [3], .health, "SUL § 119"),
        ("Brugsen Ørsted", .employer, "Virksomhedspraktik i butik", "Ørsted Bygade 1", [1, 2, 3, 4, 5], .employment, "LAB § 42"),
    ]

    static func fill(_ service: CaseService, today: Day, rng: inout SeededRandom) throws -> Int {
        var events = 0
        let s = service.store
        func run(_ actor: String, on day: Day, _ command: Command) throws {
            events += try s.transact(actor: actor) { state in
                try Decide(state: state, actor: try Decide.actor(actor, in: state), today: day).events(for: command)
            }.count
        }
        // The offers, and efforts at them by each citizen's own caseworker in the offer's sector.
        for o in offers {
            try run("karen", on: today, .defineOffer(provider: o.provider, kind: o.kind, activity: o.activity, place: o.place, weekdays: o.weekdays))
        }
        let week = IsoWeek(today)
        for (i, o) in offers.enumerated() {
            for w in 0..<12 { try run("karen", on: today, .reportAttendance(offer: "o\(i + 1)", week: week.adding(weeks: w - 11), count: rng.int(4...22))) }
        }
        let state = s.projection
        let withPlans = FigureScope.sortedByID(state.citizens.values.filter { $0.plan != nil }.map(\.id))
        // The efforts in writes of up to 1,000 (one fdatasync each), as the rest of the demo.
        var batch: [(actor: String, command: Command)] = []
        for id in withPlans {
            guard let c = state.citizens[id], let sector = state.user(c.responsible)?.sector, rng.chance(0.35),
                  case let fits = offers.indices.filter({ offers[$0].sector == sector }), !fits.isEmpty else { continue }
            let i = rng.pick(fits)
            let o = offers[i], start = today + -rng.int(0...84)
            batch.append((c.responsible, .addEffort(citizen: id, goal: nil, title: o.activity, sector: sector, legalBasis: o.basis,
                                                     provider: o.provider, start: start, end: nil, offer: "o\(i + 1)")))
            if rng.chance(0.3) {
                let end = min(today, start + rng.int(14...56))
                batch.append((c.responsible, .setEffortStatus(citizen: id, effort: "e\(c.plan!.efforts.count + 1)", status: .ended, end: end)))
            }
            if batch.count >= 1000 { events += try service.execute(batch: batch).count; batch = [] }
        }
        if !batch.isEmpty { events += try service.execute(batch: batch).count }
        // The review: the two quarters before this one, then this one (when there are plans to draw).
        guard !withPlans.isEmpty else { return events }
        let now = Quarter(of: today)
        for (q, reviewed) in [(now.previous.previous, 16), (now.previous, 15), (now, 7)] {
            let drawDay = q == now ? max(q.period.from, today + -20) : q.period.from + 9
            // A small demo may have reviewed every plan already: nothing left to draw.
            guard !Decide.reviewPopulation(s.projection, on: drawDay).strata.isEmpty else { continue }
            try run("karen", on: drawDay, .drawReviewSample(quarter: q, size: ReviewDraw.defaultSize, seed: rng.int(1...1_000_000)))
            guard let draw = s.projection.reviewDraws[q.id] else { continue }
            for (n, id) in draw.plans.prefix(reviewed).enumerated() {
                let day = q == now ? min(today, drawDay + n * 2) : drawDay + 5 + n * 4
                let invited = rng.chance(0.85), action = rng.chance(0.4)
                try run(n % 2 == 0 ? "karen" : "bjarne", on: day, .recordReview(
                    citizen: id, draw: draw.id, date: day, authority: n % 2 == 0 ? "Karen Holm" : "Bjarne Friis",
                    provider: rng.pick(offers).provider, invited: invited, tookPart: invited && rng.chance(0.7),
                    focus: rng.pick(ReviewFocus.allCases), findings: rng.pick(findings),
                    actions: action ? [ReviewAction(text: rng.pick(actions), due: day + 28)] : []))
                // An earlier quarter's action was followed up on its day, by the responsible caseworker.
                if action, q != now, let c = s.projection.citizens[id], let f = c.plan?.followUps.last {
                    try run(c.responsible, on: f.due, .completeFollowUp(citizen: id, followUp: f.id, done: f.due, result: .continue, note: nil))
                }
            }
        }
        return events
    }

    static let findings = ["Planen har et klart mål om job, og borgerens egne ord er brugt.", "Indsatserne trækker ikke i samme retning.",
                           "God sammenhæng mellem beskæftigelses- og sundhedsindsats.", "Opfølgningerne er ikke holdt til tiden.",
                           "Borgeren oplever, at planen er hendes egen.", "For lidt fokus på uddannelse."]
    static let actions = ["Aftal fælles møde med udføreren", "Revidér delmålene med borgeren", "Planlæg opfølgning med psykiatrien",
                          "Undersøg praktikplads"]
}
