// The quarterly review and the offers register, read: the draws (supervisors and
// administrators; listing their citizens is logged like the citizen list), drawing again to
// check a draw, and the register (no personal data: any active user).
extension CaseService {
    /// One drawn plan as the review's lists show it: the citizen, its stratum, its review if done.
    public struct DrawnPlan: Sendable {
        public let citizen: String
        public let name: String
        public let stratum: ReviewDraw.Stratum?
        public let review: Review?
    }

    private func supervisor(_ viewerID: String) throws -> User {
        let viewer = try user(viewerID)
        try Decide.requireReviewer(viewer)
        return viewer
    }

    /// Draws the quarter's sample with a fresh seed (recorded in the event); the draw written.
    @discardableResult
    public func drawReviewSample(quarter: Quarter? = nil, size: Int = ReviewDraw.defaultSize, as viewerID: String) throws -> ReviewDraw {
        let q = quarter ?? Quarter(of: today)
        try execute(.drawReviewSample(quarter: q, size: size, seed: Int.random(in: 1...(1 << 53))), as: viewerID)
        return store.projection.reviewDraws[q.id]!
    }

    /// Every draw, newest first.
    public func reviewDraws(as viewerID: String) throws -> [ReviewDraw] {
        try store.refresh()
        _ = try supervisor(viewerID)
        return store.projection.reviewDraws.values.sorted { $0.quarter > $1.quarter }
    }

    /// Every draw, newest first, with how many of its plans have their review for it (counts only).
    public func reviewProgress(as viewerID: String) throws -> [(draw: ReviewDraw, reviewed: Int)] {
        try reviewDraws(as: viewerID).map { d in (d, d.plans.filter { review(of: $0, in: d.id) != nil }.count) }
    }

    /// A draw's plans in draw order, each with its review for the draw (logged as a list of citizens).
    public func drawnPlans(_ draw: String, as viewerID: String) throws -> [DrawnPlan] {
        try store.refresh()
        let viewer = try supervisor(viewerID)
        guard let d = store.projection.reviewDraws[draw] else { throw DomainError.notFound(.reviewSample(draw)) }
        let rows = d.plans.map { id in
            let c = store.projection.citizens[id]
            return DrawnPlan(citizen: id, name: c?.name ?? id, stratum: d.population.first { $0.citizens.contains(id) },
                             review: c?.plan?.reviews.first { $0.draw == draw })
        }
        try record(.citizensListed(by: viewer.id, count: rows.count))
        return rows
    }

    /// Draws again from what the draw's event holds (population, size, seed): the same plans?
    public func checkReviewDraw(_ draw: String, as viewerID: String) throws -> (draw: ReviewDraw, again: [String]) {
        try store.refresh()
        _ = try supervisor(viewerID)
        guard let d = store.projection.reviewDraws[draw] else { throw DomainError.notFound(.reviewSample(draw)) }
        return (d, ReviewDraw.sample(population: d.population, size: d.size, seed: d.seed))
    }

    /// A plan's review for a draw, if it has one (for the screen to say so before a form is filled in).
    public func review(of citizen: String, in draw: String) -> Review? {
        store.projection.citizens[citizen]?.plan?.reviews.first { $0.draw == draw }
    }

    /// Whether the quarter's sample is drawn.
    public func isDrawn(_ quarter: Quarter) -> Bool { store.projection.reviewDraws[quarter.id] != nil }

    /// The offers register, by id.
    public func offers(as viewerID: String) throws -> [Offer] {
        try store.refresh()
        _ = try user(viewerID)
        return store.projection.offers.values.sorted { FigureScope.idOrder($0.id, $1.id) }
    }

    /// The register for the effort form (no refresh, no user: the screen's session has both).
    public var offerRegister: [Offer] { store.projection.offers.values.sorted { FigureScope.idOrder($0.id, $1.id) } }
}
