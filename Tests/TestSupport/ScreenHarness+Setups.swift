@_spi(Store) import EnPlanDomain

extension Harness {
    /// Søren Sørensen's (c1, mette's) plan as the plan tests start from: consent for employment and
    /// social a month ago, the overall goal in his own words, a goal, an effort under it (Brobygning,
    /// LAB § 32) and a decision three days ago. Each test adds what it is about.
    public func giveSoerenAPlan() throws {
        let s = service, c = "c1", today = s.today
        try s.execute(.giveConsent(citizen: c, sectors: [.employment, .social], given: today + -30), as: "mette")
        try s.execute(.createPlan(citizen: c, overallGoal: .education, ownWords: "Jeg vil være tømrer"), as: "mette")
        try s.execute(.addGoal(citizen: c, area: .education, text: "Starte på tømreruddannelsen"), as: "mette")
        try s.execute(.addEffort(citizen: c, goal: "g1", title: "Brobygning", sector: .employment, legalBasis: "LAB § 32",
                                 provider: "UU Roskilde", start: today + -10, end: today + 80), as: "mette")
        try s.execute(.recordDecision(citizen: c, legalArea: .lab, date: today + -3, text: "Brobygning bevilget", appealDeadline: nil), as: "mette")
    }
}

extension Harness {
    /// The chart the organisation tests start from: team leaders lene (employment) and rasmus
    /// (social), the forvaltning "bam" led by karen, its team "Jobcenter Voksne" ("ja", adults,
    /// employment, led by lene, deciding under LAB) with mette placed in it 30 days ago; `more`
    /// (further units and placements) in the same batch.
    public func defineTheChart(_ more: [(actor: String, command: Command)] = []) throws {
        let day = service.today
        try service.execute(batch: [("lene", "Lene Dalgaard", Sector.employment), ("rasmus", "Rasmus Bech", .social)].map {
            ("admin", Command.createUser(User(id: $0.0, name: $0.1, sector: $0.2, role: .supervisor), passwordHash: Harness.hash))
        } + [
            ("admin", .defineUnit(OrgUnit(id: "bam", name: "Borger- og Arbejdsmarkedsforvaltningen", leaders: ["karen"]), new: true)),
            ("admin", .defineUnit(OrgUnit(id: "ja", name: "Jobcenter Voksne", parent: "bam", targetGroups: [.adults], sectors: [.employment],
                                          description: "Sygedagpenge og jobafklaring", leaders: ["lene"], mandates: [.lab]), new: true)),
            ("admin", .placeUser(user: "mette", unit: "ja", from: day + -30, does: nil)),
        ] + more)
    }
}
