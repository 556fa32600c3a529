import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// Outcomes, the youth cohorts and the citizens' own assessment, with answers counted on paper.
/// Today is Monday 23-11-2026 (Fixture.now); the clock is moved back to make the past. The
/// baseline is 01-04-2023: the baseline cohort's windows run to 31-03-2025 (final), the entry
/// cohort 02-04-2026 to 01-04-2027 is interim.
final class OutcomeTests: XCTestCase {
    var clock: TestClock!
    var f: Fixture!
    var s: CaseService { f.service }

    override func setUpWithError() throws {
        clock = TestClock(Timestamp(iso: "2023-01-10T09:00:00.000Z")!)
        f = try Fixture(clock: clock)
    }

    func at(_ iso: String, _ body: () throws -> Void) rethrows {
        clock.time = Timestamp(iso: iso + "T09:00:00.000Z")!
        defer { clock.time = Fixture.now }
        try body()
    }
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// A young citizen on kontanthjælp from `from`, with an SEL effort running from the same day.
    func youth(_ cpr: String, _ name: String, from: String) throws -> String {
        var id = ""
        try at(from) {
            id = try f.citizen(cpr, name: name)
            try s.execute(.giveConsent(citizen: id, sectors: [.employment, .social], given: nil), as: "mette")
            try s.execute(.createPlan(citizen: id, overallGoal: .education, ownWords: "Uddannelse"), as: "mette")
            try s.execute(.addEffort(citizen: id, goal: nil, title: "Bostøtte", sector: .social, legalBasis: "SEL § 85", provider: "Bostøtten",
                                     start: day(from), end: nil), as: "mette")
        }
        return id
    }

    func outcome(_ id: String, _ status: OutcomeStatus, _ date: String) throws {
        try s.execute(.recordOutcome(citizen: id, status: status, date: day(date), source: "Jobnet"), as: "mette")
    }

    func setGroup(vulnerability: Bool = false) throws {
        clock.time = Fixture.now
        try s.execute(.setYouthTargetGroup(maxAge: 30, benefits: ["kontanthjaelp"], effortBasis: "SEL", requireVulnerability: vulnerability,
                                           baseline: day("2023-04-01")), as: "karen")
    }

    func row(_ t: FigureTable, _ key: String) -> FigureRow? { t.row(key).map { t.rows[$0] } }
    func ids(_ r: FigureRow?, _ t: FigureTable, _ column: String) -> [String] { r.flatMap { $0.cells[t.column(column)!].citizens } ?? [] }

    func testTheBaselineCohortsRateWithAnExitALateSuccessAndThe24MonthEdge() throws {
        let a = try youth("150599-1001", "Anna", from: "2023-01-10")
        let b = try youth("150599-1002", "Bo", from: "2023-01-10")
        let c = try youth("150599-1003", "Cille", from: "2023-01-10")
        let d = try youth("150599-1004", "Dan", from: "2023-01-10")
        let e = try youth("150599-1005", "Eva", from: "2023-01-10")
        clock.time = Fixture.now
        try outcome(a, .job, "2024-06-01")
        try outcome(b, .moved, "2024-01-10")           // an exit: counted apart
        try outcome(b, .job, "2024-03-01")             // after the exit: does not make it a success
        try outcome(c, .jobReady, "2025-03-31")        // the last day of the 24 months: counts
        try outcome(d, .education, "2025-04-01")       // the day after: does not
        try outcome(e, .activityReady, "2024-05-01")   // not a success
        try setGroup()
        let t = try s.figures(.youth, filter: FigureFilter(period: Period.named(.thisQuarter, today: s.today)), as: "karen")
        let base = try XCTUnwrap(row(t, "baseline"))
        XCTAssertNil(base.flag, "the baseline cohort's windows have all closed: a final rate")
        XCTAssertEqual(ids(base, t, "size").sorted(), [a, b, c, d, e].sorted())
        XCTAssertEqual(ids(base, t, "succeeded").sorted(), [a, c].sorted())
        XCTAssertEqual(ids(base, t, "exits"), [b])
        XCTAssertEqual(ids(base, t, "notYet").sorted(), [d, e].sorted())
        guard case let .share(n, of) = base.cells[t.column("rate")!].value else { return XCTFail("the rate is a share") }
        XCTAssertEqual([n, of], [2, 4], "succeeded / (size − exits)")
    }

    func testAnInterimCohortIsCensoredByMonth() throws {
        let early = try youth("150501-4001", "Frida", from: "2026-05-10")
        let late = try youth("150501-4002", "Gustav", from: "2026-10-01")
        clock.time = Fixture.now
        try outcome(early, .job, "2026-07-15")         // in month 3 (10-05 + 2 months − 1 day = 09-07 < 15-07 ≤ 09-08)
        try setGroup()
        let t = try s.figures(.youth, filter: FigureFilter(period: Period.named(.thisQuarter, today: s.today)), as: "karen")
        XCTAssertEqual(t.rows.map(\.key), ["baseline", "entry:2023-04-02", "entry:2024-04-02", "entry:2025-04-02", "entry:2026-04-02"])
        let cohort = try XCTUnwrap(row(t, "entry:2026-04-02"))
        XCTAssertEqual(cohort.flag, .interim)
        XCTAssertEqual(ids(cohort, t, "size").sorted(), [early, late].sorted())
        XCTAssertEqual(ids(cohort, t, "succeeded"), [early])
        XCTAssertEqual(ids(cohort, t, "notYet"), [late])
        // Month 1: both followed a whole month, none succeeded (0/2); from month 2 only Frida is
        // followed (Gustav's 2 months end 30-11-2026, after today): 0/1, then 1/1 from month 3 to
        // month 6 (her 7 months end 09-12-2026).
        let months = YouthFigures.byMonth(try XCTUnwrap(cohorts().last).members, today: s.today)
        XCTAssertEqual(months.map { [$0.n, $0.of] }, [[0, 2], [0, 1], [1, 1], [1, 1], [1, 1], [1, 1]])
        guard case .spark(let xs) = cohort.cells[t.column("byMonth")!].value else { return XCTFail("by month is a series") }
        XCTAssertEqual(xs, [0, 0, 100, 100, 100, 100])
    }

    func testTheTargetGroupIsDataAndTheVulnerabilityFlagNarrowsIt() throws {
        let a = try youth("150599-1001", "Anna", from: "2023-01-10")
        let b = try youth("150599-1002", "Bo", from: "2023-01-10")
        let old = try youth("150590-1003", "Carl", from: "2023-01-10")  // 33 at the baseline: not in it
        _ = old
        try at("2023-03-01") { try s.execute(.recordVulnerability(citizen: a, on: true, date: day("2023-03-01")), as: "mette") }
        try setGroup(vulnerability: true)
        var t = try s.figures(.youth, filter: FigureFilter(period: Period.named(.thisQuarter, today: s.today)), as: "karen")
        XCTAssertEqual(ids(row(t, "baseline"), t, "size"), [a])
        try setGroup(vulnerability: false)
        t = try s.figures(.youth, filter: FigureFilter(period: Period.named(.thisQuarter, today: s.today)), as: "karen")
        XCTAssertEqual(ids(row(t, "baseline"), t, "size").sorted(), [a, b].sorted())
        XCTAssertEqual(s.youthTargetGroup?.version, 2)
        // A caseworker may not set it; a bad definition changes nothing.
        XCTAssertThrowsDomainError(try s.execute(.setYouthTargetGroup(maxAge: 30, benefits: ["kontanthjaelp"], effortBasis: "SEL",
                                                                      requireVulnerability: false, baseline: day("2023-04-01")), as: "mette")) {
            if case .forbidden = $0 { return true } else { return false }
        }
        XCTAssertThrowsDomainError(try s.execute(.setYouthTargetGroup(maxAge: 30, benefits: ["nope"], effortBasis: "SEL",
                                                                      requireVulnerability: false, baseline: day("2023-04-01")), as: "karen")) {
            if case .invalid = $0 { return true } else { return false }
        }
        XCTAssertEqual(s.youthTargetGroup?.version, 2)
    }

    func testTheCurrentStatusAndWhoSeesIt() throws {
        clock.time = Fixture.now
        let id = try f.citizen()
        try s.execute(.giveConsent(citizen: id, sectors: [.employment, .misuse], given: nil), as: "mette")
        try s.execute(.createPlan(citizen: id, overallGoal: .employment, ownWords: "Job"), as: "mette")
        try s.execute(.addEffort(citizen: id, goal: nil, title: "Samtaler", sector: .social, legalBasis: "SEL § 11", provider: "Rådgivningen",
                                 start: s.today, end: nil), as: "mette")
        try outcome(id, .activityReady, "2026-01-05")
        try outcome(id, .jobReady, "2026-10-01")
        try outcome(id, .notReady, "2026-03-01")     // recorded late, filed by its date
        let detail = try s.citizen(id, as: "mette")
        XCTAssertEqual(detail.citizen.outcomes.statuses.map(\.status), [.activityReady, .notReady, .jobReady])
        XCTAssertEqual(detail.citizen.outcomes.current(on: s.today)?.status, .jobReady)
        // Jonas (social) works on the citizen through the effort, but no consent covers employment.
        let social = try s.citizen(id, as: "jonas")
        XCTAssertTrue(social.citizen.outcomes.statuses.isEmpty)
        XCTAssertEqual(social.withheld.filter { $0.kind == .outcome }.count, 3)
        XCTAssertThrowsDomainError(try s.execute(.recordOutcome(citizen: id, status: .job, date: s.today + 1, source: nil), as: "mette")) {
            if case .invalid = $0 { return true } else { return false }
        }
    }

    func testTheOwnAssessmentReport() throws {
        let id = try youth("150599-1001", "Anna", from: "2024-01-10")
        let other = try youth("150599-1002", "Bo", from: "2024-01-10")
        try at("2024-02-01") {
            try s.execute(.addEffort(citizen: id, goal: nil, title: "Tablet", sector: .social, legalBasis: "SEL § 112", provider: "Hjælpemidler",
                                     start: day("2024-02-01"), end: nil, welfareTechnology: true), as: "mette")
            try s.execute(.chooseContactPerson(citizen: id, name: "Lise Lund", chosenByCitizen: day("2024-01-20")), as: "mette")
            try s.execute(.chooseContactPerson(citizen: other, name: "Ole Bak", chosenByCitizen: day("2024-02-01")), as: "mette")
            try s.execute(.recordOwnAssessment(citizen: id, topic: .contactPerson, score: 2, words: "For tidligt", date: day("2024-02-01")), as: "mette")
        }
        clock.time = Fixture.now
        try s.execute(.recordOwnAssessment(citizen: id, topic: .welfareTechnology, score: 3, words: "", date: day("2025-01-01")), as: "mette")
        try s.execute(.recordOwnAssessment(citizen: id, topic: .welfareTechnology, score: 5, words: "Appen hjælper", date: day("2026-06-01")), as: "mette")
        try s.execute(.recordOwnAssessment(citizen: id, topic: .contactPerson, score: 4, words: "Godt valg", date: day("2025-03-01")), as: "mette")
        XCTAssertThrowsDomainError(try s.execute(.recordOwnAssessment(citizen: id, topic: .plan, score: 6, words: "", date: s.today), as: "mette")) {
            if case .invalid = $0 { return true } else { return false }
        }
        let t = try s.figures(.assessments, filter: FigureFilter(period: Period.named(.thisQuarter, today: s.today)), as: "karen")
        let welfare = t.rows[t.row("welfare")!], contact = t.rows[t.row("contact")!]
        XCTAssertEqual(welfare.cells[t.column("citizens")!].citizens, [id])
        XCTAssertEqual(welfare.cells[t.column("mean")!].value, .text(Bilingual("5,0", "5.0")), "the latest score per citizen")
        XCTAssertEqual(contact.cells[t.column("citizens")!].citizens?.sorted(), [id, other].sorted())
        XCTAssertEqual(contact.cells[t.column("yearPassed")!].citizens?.sorted(), [id, other].sorted())
        XCTAssertEqual(contact.cells[t.column("asked")!].value, .share(numerator: 1, denominator: 2), "only the assessment a year after counts")
        XCTAssertEqual(contact.cells[t.column("mean")!].value, .text(Bilingual("4,0", "4.0")))
    }

    func testOutcomesAssessmentsAndTheTargetGroupAreInTheSnapshot() throws {
        let id = try youth("150599-1001", "Anna", from: "2024-01-10")
        clock.time = Fixture.now
        try outcome(id, .jobReady, "2025-02-01")
        try s.execute(.recordOwnAssessment(citizen: id, topic: .meeting, score: 3, words: "Kort møde", date: s.today), as: "mette")
        try s.execute(.recordVulnerability(citizen: id, on: true, date: s.today), as: "mette")
        try s.execute(.chooseContactPerson(citizen: id, name: "Lise Lund", chosenByCitizen: day("2025-01-01")), as: "mette")
        try s.execute(.addEffort(citizen: id, goal: nil, title: "App", sector: .social, legalBasis: "SEL § 112", provider: "H",
                                 start: s.today, end: nil, welfareTechnology: true), as: "mette")
        try setGroup(vulnerability: true)
        try f.store.writeSnapshot()
        let reopened = try Store(directory: f.dir, clock: clock)
        XCTAssertTrue(reopened.usedSnapshot)
        XCTAssertEqual(reopened.projection.citizens[id]?.outcomes, f.store.projection.citizens[id]?.outcomes)
        XCTAssertEqual(reopened.projection.citizens[id]?.outcomes.contactChosen, day("2025-01-01"))
        XCTAssertEqual(reopened.projection.citizens[id]?.plan?.efforts.map(\.welfareTechnology), [false, true])
        XCTAssertEqual(reopened.projection.youthTargetGroup, f.store.projection.youthTargetGroup)
        XCTAssertEqual(reopened.projection.youthTargetGroup?.version, 1)
    }

    /// The cohorts as karen's figures count them (read while the citizens are in place).
    func cohorts() -> [YouthFigures.Cohort] {
        let base = f.store.readModel(FigureBase.self) { FigureBase() }
        base.forget()
        base.update(f.store.projection, seq: f.store.lastSeq)
        return base.withCitizens { rows, summaries in
            YouthFigures.cohorts(FigureScope(state: f.store.projection, viewer: f.store.projection.user("karen")!,
                                             filter: FigureFilter(period: Period(from: s.today, to: s.today)),
                                             settings: FigureSettings(), today: s.today, asOf: Fixture.now, rows: rows,
                                             summaries: summaries, userIDs: base.userIDs))
        }
    }
}
