import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The figures' one-pass shortcuts against the plain many-pass definitions they replaced, on the
/// demo data (with reassignments, so that responsible histories have several spans).
final class FigureFastPathTests: XCTestCase {
    func withScope(_ f: Fixture, _ body: (FigureScope) throws -> Void) throws {
        let viewer = try f.service.user(f.service.state.users.first { $0.role == .supervisor }!.id)
        let citizens = Array(f.service.state.citizens.values)
        var userIDs: [String] = []
        func number(_ id: String) -> Int {
            if let i = userIDs.firstIndex(of: id) { return i }
            userIDs.append(id); return userIDs.count - 1
        }
        let summaries = citizens.map { FigureSummary($0, f.service.state, user: number) }
        try citizens.map(FigureCitizen.init).withUnsafeBufferPointer { rows in try summaries.withUnsafeBufferPointer { sums in
            try body(FigureScope(state: f.service.state, viewer: viewer, filter: FigureFilter(period: Period.named(.thisQuarter, today: f.today)),
                                 settings: FigureSettings(), today: f.today, asOf: Fixture.now, rows: rows, summaries: sums, userIDs: userIDs))
        } }
    }

    /// The packed work log gives back every day and user as appended: days far apart, backwards
    /// (a contact logged late), before 1970, user numbers past one byte; and it stops when asked.
    func testTheWorkLogGivesBackWhatWasAppended() {
        let entries: [(Int, Int)] = [(20_789, 0), (20_789, 3), (20_700, 127), (20_701, 128), (-400, 70_000), (60_000, 1), (20_790, 2)]
        var log = WorkLog()
        for (d, u) in entries { log.append(day: Day(daysSinceEpoch: d), user: u) }
        var back: [(Int, Int)] = []
        log.forEach { back.append(($0.daysSinceEpoch, $1)); return true }
        XCTAssertEqual(back.map(\.0), entries.map(\.0))
        XCTAssertEqual(back.map(\.1), entries.map(\.1))
        XCTAssertEqual(log.count, entries.count)
        var firstThree: [Int] = []
        log.days(first: 3) { firstThree.append($0.daysSinceEpoch) }
        XCTAssertEqual(firstThree, [20_789, 20_789, 20_700])
        var seen = 0
        log.forEach { _, _ in seen += 1; return seen < 2 }
        XCTAssertEqual(seen, 2)
        XCTAssertLessThan(log.bytes.count, 8 * entries.count / 2, "packed: under half of two 32-bit numbers an entry")
    }

    /// The marks keep a plan's days in 32 bits: the same days back (none stays none), in the sizes
    /// their comments promise.
    func testTheMarksKeepTheDaysInLess() {
        let due = Day(year: 2026, month: 12, day: 24)!, planned = Day(year: 1969, month: 7, day: 20)!
        let f = FigureSummary.FollowUpMark(FollowUp(id: "f1", due: due, done: nil, result: .change, planned: planned))
        XCTAssertEqual(f.due, due); XCTAssertNil(f.done); XCTAssertEqual(f.planned, planned); XCTAssertEqual(f.result, .change)
        XCTAssertEqual(MemoryLayout<FigureSummary.FollowUpMark>.stride, 16)
        XCTAssertEqual(MemoryLayout<FigureSummary.EffortMark>.stride, 48)
    }

    /// The summary's shortcuts answer as the citizen does: the target group from two birthdays
    /// (29 February included) on every day around them, the sectors, each contact's day, the meetings.
    func testSummaryAnswersAsTheCitizen() throws {
        let f = try demo()
        for c in f.service.state.citizens.values {
            let s = FigureSummary(c, f.service.state, user: { _ in 0 })
            XCTAssertEqual(s.sectorMask, c.sectorMask, c.id)
            XCTAssertEqual(s.contactDays, c.contacts.map(\.at.copenhagenDay), c.id)
            XCTAssertEqual(s.meetings.map(\.day), c.meetings.compactMap { f.service.state.meetings[$0]?.start.day }, c.id)
            XCTAssertEqual(s.planCreated, c.plan?.created, c.id)
            for day in [f.today, s.youthFrom + -1, s.youthFrom, s.adultFrom + -1, s.adultFrom] {
                XCTAssertEqual(s.targetGroup(on: day), c.targetGroup(on: day), "\(c.id) \(day.iso)")
            }
        }
        let leap = Day(year: 2008, month: 2, day: 29)!
        XCTAssertEqual(leap.adding(years: 15).iso, "2023-03-01")
        XCTAssertEqual(leap.adding(years: 16).iso, "2024-02-29")
        for day in [Day(year: 2023, month: 2, day: 28)!, Day(year: 2023, month: 3, day: 1)!] {
            XCTAssertEqual(leap.years(until: day) >= 15, day >= leap.adding(years: 15), day.iso)
        }
    }

    func demo() throws -> Fixture {
        let f = try Fixture(seedUsers: false)
        var options = DemoData.Options(); options.citizens = 120
        _ = try DemoData.fill(f.service, options: options)
        return f
    }

    func testCaseloadWeeksInOnePassEqualTwelvePasses() throws {
        let f = try demo()
        try withScope(f) { s in
        for sector in [nil] + Sector.allCases.map(Optional.some) {
            var expected: [Int] = []
            for end in CaseloadFigures.weekEnds(s.today) {
                var n: [String: Int] = [:]
                for c in s.state.citizens.values where c.facts.registered <= end {
                    if let who = c.facts.responsible(on: end), s.isActiveCaseworker(who), sector == nil || s.state.user(who)?.sector == sector {
                        n[who, default: 0] += 1
                    }
                }
                expected.append(n.values.max() ?? 0)
            }
            XCTAssertEqual(TargetFigures.caseloadWeeks(s, sector: sector), expected, "\(String(describing: sector))")
        }
        }
    }

    func testContactsPerQuarterInOnePassEqualOnePassAQuarter() throws {
        let f = try demo()
        try withScope(f) { s in
        var q = Period.quarter(of: s.today), quarters: [Period] = []
        for _ in 0..<4 { quarters.append(q); q = Period.quarter(of: q.from + -1) }
        for sector in [nil] + Sector.allCases.map(Optional.some) {
            let fast = ContactFigures.perCitizen(s, quarters: quarters, sector: sector)
            for (k, q) in quarters.enumerated() {
                var contacts = 0, citizens = 0
                let to = min(q.to, s.today)
                for c in s.state.citizens.values where (sector == nil || c.sectors.contains(sector!)) && c.facts.registered <= to {
                    citizens += 1
                    for contact in c.contacts { let d = contact.at.copenhagenDay; if d >= q.from && d <= to { contacts += 1 } }
                }
                XCTAssertEqual(fast[k].contacts, contacts); XCTAssertEqual(fast[k].citizens, citizens)
            }
        }
        }
    }

    func testSectorsAndIdOrderAsBefore() throws {
        let f = try demo()
        for c in f.service.state.citizens.values {
            var set = Set(c.registeredSectors)
            if let plan = c.plan {
                for e in plan.efforts where e.status != .cancelled { set.insert(e.sector) }
                for r in plan.referrals where r.status == .requested || r.status == .accepted { set.insert(r.to) }
            }
            XCTAssertEqual(c.sectors, set.sorted { Sector.allCases.firstIndex(of: $0)! < Sector.allCases.firstIndex(of: $1)! })
        }
        for id in ["c1", "c42", "c", "", "x+5", "c-3", "cø12", "øc12", "c0012", "c99999999999999999999", "k7a", "c 4"] {
            XCTAssertEqual(FigureScope.number(id), Int(id.dropFirst()), id)
        }
    }

    /// Tables after changes taken in citizen by citizen equal tables computed from nothing, for
    /// every section and a few filters, through random changes here and in another terminal.
    func testTakingInChangesEqualsComputingFromNothing() throws {
        let f = try demo()
        let other = CaseService(store: try Store(directory: f.dir, clock: FixedClock(Fixture.now)), terminal: "other-tty")
        let supervisor = f.service.state.users.first { $0.role == .supervisor }!.id
        let workers = f.service.state.users.filter { $0.role == .caseworker && $0.active }.map(\.id)
        let period = Period.named(.thisQuarter, today: f.today)
        var youth = FigureFilter(period: period); youth.group = .youth
        var social = FigureFilter(period: period); social.sector = .social
        let filters = [FigureFilter(period: period), youth, social]
        // A cell's list is in no particular order (the dictionary's, seeded anew in each process): compared sorted.
        func tables(_ s: CaseService) throws -> [String] {
            try filters.flatMap { filter in try FigureSection.allCases.map { section in
                try s.figures(section, filter: filter, as: supervisor, logged: false).rows.map { row in
                    "\(row.key) \(row.label) \(String(describing: row.flag)): " + row.cells.map { "\($0.value) \(($0.citizens ?? []).sorted())" }.joined(separator: " | ")
                }.joined(separator: "\n")
            } }
        }
        _ = try tables(f.service)
        var rng = SeededRandom(seed: 9)
        for round in 0..<6 {
            let writer = round % 2 == 0 ? f.service : other
            try writer.store.refresh()
            let ids = writer.state.citizens.values.map(\.id).sorted()
            for _ in 0..<5 {
                let c = writer.state.citizens[rng.pick(ids)]!
                switch rng.int(0...3) {
                case 0: try writer.execute(.logContact(citizen: c.id, channel: .phone, note: nil, at: nil), as: c.responsible)
                case 1: _ = try? writer.execute(.changeResponsible(citizen: c.id, user: rng.pick(workers)), as: supervisor)
                case 2: _ = try? writer.execute(.registerCitizen(cpr: String(format: "0101%02d-%04d", 80 + round, rng.int(1000...9999)), name: "Ny Borger",
                                                            benefit: nil, responsible: nil), as: rng.pick(workers))
                default: if let m = c.meetings.first, writer.state.meetings[m]?.status == .planned {
                    _ = try? writer.execute(.setMeetingStatus(meeting: m, status: .cancelled, outcome: nil), as: supervisor)
                }
                }
            }
            let fresh = CaseService(store: try Store(directory: f.dir, clock: FixedClock(Fixture.now)), terminal: "fresh")  // its own base, filled from nothing
            let taken = try tables(f.service), expected = try tables(fresh)
            XCTAssertEqual(taken.count, expected.count)
            for (a, b) in zip(taken, expected) { XCTAssertEqual(a, b, "round \(round)") }
            XCTAssertLessThan(f.store.readModel(FigureBase.self) { FigureBase() }.lastTakenIn, 20, "only the changed citizens are taken in")
        }
    }

    func testCopenhagenDayFromTheTableAsWorkedOut() {
        for year in [1950, 1996, 2026, 2199] {
            let (start, end) = Timestamp.summerTime(year)
            XCTAssertTrue(Timestamp.summerTimes[year - Timestamp.summerFirstYear] == (start, end))
        }
    }
}
