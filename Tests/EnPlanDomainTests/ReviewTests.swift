import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The quarterly review: the draw (reproducible, stratified, leaving out plans reviewed in the
/// last 12 months) and the review record, whose actions become follow-ups.
final class ReviewTests: XCTestCase {
    typealias Given = DecideCase.Given
    let day = DecideCase.day   // 2026-11-23, in 2026Q4

    let population = [ReviewDraw.Stratum(sector: .employment, group: .adult, citizens: ["c1", "c2", "c3"]),
                      ReviewDraw.Stratum(sector: .employment, group: .youth, citizens: ["c4", "c5"]),
                      ReviewDraw.Stratum(sector: .social, group: .adult, citizens: ["c6"])]

    /// The expected samples were worked out apart from this code (SplitMix64 by hand in a script:
    /// one index per stratum in key order, by remainder, then a partial Fisher-Yates of the rest).
    func testTheSameSeedAndPopulationGiveTheSameSampleAndAnotherPopulationAnother() {
        let drawn = ReviewDraw.sample(population: population, size: 4, seed: 2026)
        XCTAssertEqual(drawn, ["c2", "c5", "c6", "c1"])
        XCTAssertEqual(ReviewDraw.sample(population: population, size: 4, seed: 2026), drawn, "the same seed and population: the same sample")
        XCTAssertEqual(ReviewDraw.sample(population: population.reversed(), size: 4, seed: 2026), drawn, "the strata's order does not matter")
        XCTAssertEqual(ReviewDraw.sample(population: population, size: 4, seed: 99), ["c3", "c4", "c6", "c5"], "another seed")
        var more = population
        more[0].citizens.append("c7")
        XCTAssertEqual(ReviewDraw.sample(population: more, size: 4, seed: 2026), ["c7", "c5", "c6", "c3"], "another population: another sample")
    }

    func testEveryStratumGivesOneEvenWhenTheSizeIsSmaller() {
        let drawn = ReviewDraw.sample(population: population, size: 2, seed: 2026)
        XCTAssertEqual(drawn, ["c2", "c5", "c6"], "three strata: three plans, though two were asked for")
        for seed in 1...50 {
            let s = ReviewDraw.sample(population: population, size: 4, seed: seed)
            XCTAssertEqual(Set(s).count, 4, "no plan twice (seed \(seed))")
            for stratum in population { XCTAssertFalse(Set(stratum.citizens).isDisjoint(with: s), "\(stratum.key) has a plan (seed \(seed))") }
        }
        XCTAssertEqual(Set(ReviewDraw.sample(population: population, size: 16, seed: 5)), ["c1", "c2", "c3", "c4", "c5", "c6"], "all when there are fewer")
    }

    /// c1 adult (mette: employment), c2 youth (mette), c3 adult (jonas: social), c4 no plan,
    /// c5 reviewed 2 months ago (left out), c6 reviewed 13 months ago (in again).
    var staffAndPlans: [Given] {
        func review(_ draw: String, _ date: Day) -> DomainEvent {
            .planReviewed(Review(id: "v1", draw: draw, date: date, authority: "Karen Holm", provider: "", invited: true, tookPart: true,
                                 focus: .high, findings: "Godt", actions: [], sector: .employment))
        }
        return DecideCase.staff + [
            .registered("c1", cpr: "0101801234"), .consent("c1"), .plan("c1"),
            .registered("c2", cpr: "1112991444"), .consent("c2"), .plan("c2"),
            .registered("c3", cpr: "0202801234", responsible: "jonas", sectors: [.social]), .consent("c3"), .plan("c3"),
            .registered("c4", cpr: "0303801234"),
            .registered("c5", cpr: "0404801234"), .consent("c5"), .plan("c5"), Given("c5", review("2026Q3", day.adding(months: -2)), by: "karen"),
            .registered("c6", cpr: "0505801234"), .consent("c6"), .plan("c6"), Given("c6", review("2025Q4", day.adding(months: -13)), by: "karen"),
        ]
    }

    func testTheDrawsPopulationIsStratifiedAndLeavesOutPlansReviewedInTheLast12Months() throws {
        let c = DecideCase("draw", given: staffAndPlans, when: .drawReviewSample(quarter: Quarter("2026Q4")!, size: 2, seed: 7), as: "karen",
                           then: .events([]))
        let events = try c.run().get()
        guard events.count == 1, case let .reviewSampleDrawn(d) = events[0].event else { return XCTFail(describe(events)) }
        XCTAssertEqual(events[0].stream, "review:2026Q4")
        XCTAssertEqual(d.population.map(\.key), ["employment/adult", "employment/youth", "social/adult"])
        XCTAssertEqual(d.population.map(\.citizens), [["c1", "c6"], ["c2"], ["c3"]], "c4 has no plan; c5 was reviewed 2 months ago")
        XCTAssertEqual(d.excluded, ["c5"])
        XCTAssertEqual(d.plans.count, 3, "one from each of three strata, though 2 were asked for")
        XCTAssertTrue(d.plans.contains("c2") && d.plans.contains("c3"), "the strata with one plan give it")
        XCTAssertEqual(d.seed, 7); XCTAssertEqual(d.drawn, day)
        XCTAssertTrue(d.reproduces, "drawn again from the event: the same plans")
        // What the event holds reads back the same (the log is the record of the draw).
        XCTAssertEqual(try ReviewDraw(fields: d.fields), d)
    }

    func testWhoMayDrawAndWhen() {
        let q = Quarter("2026Q4")!
        let drawn = Given("review:2026Q4", .reviewSampleDrawn(ReviewDraw(quarter: q, seed: 1, size: 16, drawn: day, population: [], excluded: [], plans: ["c1"])), by: "karen")
        for c in [
            DecideCase("a caseworker may not draw", given: staffAndPlans, when: .drawReviewSample(quarter: q, size: 16, seed: 1), as: "mette",
                       then: .refused(.forbidden, "only supervisors and administrators")),
            DecideCase("one draw a quarter", given: staffAndPlans + [drawn], when: .drawReviewSample(quarter: q, size: 16, seed: 2), as: "karen",
                       then: .refused(.conflict, "drawn already")),
            DecideCase("not for a quarter that has ended", given: staffAndPlans, when: .drawReviewSample(quarter: Quarter("2026Q3")!, size: 16, seed: 1),
                       as: "karen", then: .refused(.invalid, "has ended")),
            DecideCase("no plans, no draw", given: DecideCase.staff, when: .drawReviewSample(quarter: q, size: 16, seed: 1), as: "karen",
                       then: .refused(.invalid, "no active plans")),
        ] { assertDecide(c) }
    }

    func testAReviewRecordAndItsActionsAsFollowUps() {
        let q = Quarter("2026Q4")!
        let given = staffAndPlans + [Given("c1", .followUpScheduled(id: "f1", due: day + 10, planned: nil)),
                                     Given("review:2026Q4", .reviewSampleDrawn(ReviewDraw(quarter: q, seed: 1, size: 16, drawn: day + -3,
                                                                                          population: [], excluded: [], plans: ["c1", "c2"])), by: "karen")]
        func record(_ cid: String, invited: Bool = true, tookPart: Bool = true, date: Day? = nil) -> Command {
            .recordReview(citizen: cid, draw: "2026Q4", date: date ?? day, authority: " Karen Holm ", provider: "Café Ægte", invited: invited, tookPart: tookPart,
                          focus: .some, findings: "Mere fokus på job", actions: [ReviewAction(text: "Aftal praktik", due: day + 28)])
        }
        let review = Review(id: "v1", draw: "2026Q4", date: day, authority: "Karen Holm", provider: "Café Ægte", invited: true, tookPart: true,
                            focus: .some, findings: "Mere fokus på job", actions: [ReviewAction(text: "Aftal praktik", due: day + 28, followUp: "f2")],
                            sector: .employment)
        let reviewed = given + [Given("c1", .planReviewed(review), by: "karen")]
        for c in [
            DecideCase("the review, and its action as the plan's next follow-up", given: given, when: record("c1"), as: "karen",
                       then: .events([.init("c1", .planReviewed(review)), .init("c1", .followUpScheduled(id: "f2", due: day + 28, planned: day, subject: "Aftal praktik"))])),
            DecideCase("a caseworker does not record reviews", given: given, when: record("c1"), as: "mette", then: .refused(.forbidden, "only supervisors")),
            DecideCase("only a drawn plan", given: given, when: record("c3"), as: "karen", then: .refused(.invalid, "was not drawn")),
            DecideCase("once a draw", given: reviewed, when: record("c1"), as: "karen", then: .refused(.conflict, "reviewed for 2026Q4 already")),
            DecideCase("took part, so was invited", given: given, when: record("c2", invited: false), as: "karen", then: .refused(.invalid, "invited")),
            DecideCase("not before the draw", given: given, when: record("c2", date: day + -4), as: "karen", then: .refused(.invalid, "between the draw")),
            DecideCase("not in the future", given: given, when: record("c2", date: day + 1), as: "karen", then: .refused(.invalid, "between the draw")),
        ] { assertDecide(c) }
    }

    /// The draws, the reviews, the offers with their attendance and an effort's offer survive the snapshot.
    func testTheReviewAndTheOffersAreInTheSnapshot() throws {
        let f = try Fixture()
        let s = f.service, c = try f.citizenWithPlan()
        try s.execute(.defineOffer(provider: "Røde Kors", kind: .civilSociety, activity: "Lektiehjælp", place: "", weekdays: [1]), as: "karen")
        try s.execute(.reportAttendance(offer: "o1", week: IsoWeek(f.today), count: 8), as: "mette")
        try s.execute(.addEffort(citizen: c, goal: nil, title: "Lektier", sector: .employment, legalBasis: "LAB § 32", provider: "",
                                 start: f.today, end: nil, offer: "o1"), as: "mette")
        let draw = try s.drawReviewSample(as: "karen")
        XCTAssertEqual(draw.plans, [c])
        try s.execute(.recordReview(citizen: c, draw: draw.id, date: f.today, authority: "Karen Holm", provider: "Røde Kors", invited: true,
                                    tookPart: true, focus: .high, findings: "Godt", actions: [ReviewAction(text: "Ring", due: f.today + 7)]), as: "karen")
        try f.store.writeSnapshot()
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertTrue(reopened.usedSnapshot)
        XCTAssertEqual(reopened.projection.reviewDraws, f.store.projection.reviewDraws)
        XCTAssertEqual(reopened.projection.offers, f.store.projection.offers)
        XCTAssertEqual(reopened.projection.offers["o1"]?.attendance[IsoWeek(f.today)], 8)
        XCTAssertEqual(reopened.projection.citizens[c]?.plan, f.store.projection.citizens[c]?.plan)
        XCTAssertEqual(reopened.projection.citizens[c]?.plan?.efforts.first?.offer, "o1")
        XCTAssertEqual(reopened.projection.citizens[c]?.plan?.reviews.first?.actions.first?.followUp, "f1")
        XCTAssertEqual(reopened.projection.version(of: "offer:o1"), 2)
        XCTAssertEqual(reopened.projection.version(of: "review:2026Q4"), 1)
    }

    func testAQuarterReadsAndCountsLikeTheCalendar() {
        XCTAssertEqual(Quarter(of: day).id, "2026Q4")
        XCTAssertEqual(Quarter("2026-K4"), Quarter("2026Q4"))
        XCTAssertNil(Quarter("2026Q5")); XCTAssertNil(Quarter("26Q1"))
        XCTAssertEqual(Quarter("2026Q1")!.period, Period(from: Day(year: 2026, month: 1, day: 1)!, to: Day(year: 2026, month: 3, day: 31)!))
        XCTAssertEqual(Quarter("2026Q1")!.previous.id, "2025Q4")
    }
}
