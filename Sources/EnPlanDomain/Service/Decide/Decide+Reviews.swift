// The quarterly review (kvartalsgennemgang): the quarter's draw and each drawn plan's review.
extension Decide {
    /// Who may draw, record and list reviews: supervisors and administrators (one refusal for all).
    static func requireReviewer(_ user: User) throws {
        guard user.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.review)) }
    }
    private func requireSupervisor() throws { try Decide.requireReviewer(actor) }

    /// The plans a draw on `day` chooses from, by stratum (the responsible caseworker's sector ×
    /// the target group on the day), and those left out as reviewed in the 12 months before. A
    /// closed case is no active plan: it is not in the population.
    static func reviewPopulation(_ state: Projection, on day: Day) -> (strata: [ReviewDraw.Stratum], excluded: [String]) {
        let since = day.adding(months: -12)
        var strata: [String: ReviewDraw.Stratum] = [:], excluded: [String] = []
        for c in state.citizens.values {
            guard let plan = c.plan, c.isOpen(on: day) else { continue }
            if plan.reviews.contains(where: { $0.date > since && $0.date <= day }) { excluded.append(c.id); continue }
            let sector = state.user(c.responsible)?.sector ?? c.registeredSectors.first ?? .employment
            let group = c.targetGroup(on: day)
            let key = "\(sector.rawValue)/\(group.rawValue)"
            strata[key, default: ReviewDraw.Stratum(sector: sector, group: group, citizens: [])].citizens.append(c.id)
        }
        let sorted = strata.keys.sorted().map { k -> ReviewDraw.Stratum in
            var s = strata[k]!
            s.citizens = FigureScope.sortedByID(s.citizens)
            return s
        }
        return (sorted, FigureScope.sortedByID(excluded))
    }

    func drawReviewSample(quarter: Quarter, size: Int, seed: Int) throws -> [Store.Pending] {
        try requireSupervisor()
        guard (1...1000).contains(size) else { throw DomainError.invalid(.reviewSampleSize(1...1000)) }
        guard quarter.period.to >= today else { throw DomainError.invalid(.quarterEnded(quarter.id)) }
        try checkDay(quarter.period.from, .any, .date)
        guard state.reviewDraws[quarter.id] == nil else { throw DomainError.conflict(.sampleDrawn(quarter: quarter.id)) }
        let (strata, excluded) = Decide.reviewPopulation(state, on: today)
        guard strata.contains(where: { !$0.citizens.isEmpty }) else { throw DomainError.invalid(.noPlansToDraw) }
        let plans = ReviewDraw.sample(population: strata, size: size, seed: seed)
        let draw = ReviewDraw(quarter: quarter, seed: seed, size: size, drawn: today, population: strata, excluded: excluded, plans: plans)
        return [.init(Streams.review(quarter.id), .reviewSampleDrawn(draw))]
    }

    func recordReview(citizen cid: String, draw: String, date: Day, authority: String, provider: String, invited: Bool, tookPart: Bool,
                      focus: ReviewFocus, findings: String, actions: [ReviewAction]) throws -> [Store.Pending] {
        try requireSupervisor()
        guard let d = state.reviewDraws[draw] else { throw DomainError.notFound(.reviewSample(draw)) }
        guard let c = state.citizens[cid], let plan = c.plan else { throw DomainError.notFound(.citizenWithPlan(cid)) }
        guard d.plans.contains(cid) else { throw DomainError.invalid(.notDrawn(citizen: cid, draw: draw)) }
        guard !plan.reviews.contains(where: { $0.draw == draw }) else { throw DomainError.conflict(.planReviewed(citizen: cid, draw: draw)) }
        guard date <= today, date >= d.drawn else { throw DomainError.invalid(.reviewDate(drawn: d.drawn)) }
        guard invited || !tookPart else { throw DomainError.invalid(.tookPartNotInvited) }
        var followUps = plan.followUps.count
        let checked = try actions.map { a -> ReviewAction in
            followUps += 1
            guard a.due >= today else { throw DomainError.invalid(.followUpInPast(due: a.due)) }
            try checkDay(a.due, .planned, .due)
            return ReviewAction(text: try text(a.text, .action), due: a.due, followUp: "f\(followUps)")
        }
        let review = Review(id: "v\(plan.reviews.count + 1)", draw: draw, date: date, authority: try text(authority, .authorityReviewer),
                            provider: try textOrBlank(provider, .provider), invited: invited, tookPart: tookPart,
                            focus: focus, findings: try text(findings, .findings), actions: checked, sector: actor.sector)
        return [.init(cid, .planReviewed(review))] + checked.map { .init(cid, .followUpScheduled(id: $0.followUp, due: $0.due, planned: today, subject: $0.text)) }
    }
}
