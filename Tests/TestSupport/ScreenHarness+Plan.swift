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
