import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The supervisors' figures on a small store built by hand, with answers counted on paper.
/// Today is Monday 23-11-2026 (Fixture.now); the clock is moved back to make the past.
final class FigureTests: XCTestCase {
    var clock: TestClock!
    var f: Fixture!
    var s: CaseService { f.service }
    let today = Day(year: 2026, month: 11, day: 23)!

    override func setUpWithError() throws {
        clock = TestClock(Timestamp(iso: "2026-08-03T09:00:00.000Z")!)
        f = try Fixture(clock: clock)
        try s.execute(.createUser(User(id: "ole", name: "Ole Bak", sector: .health, role: .caseworker), passwordHash: Fixture.hash), as: "admin")
    }

    func at(_ iso: String, _ body: () throws -> Void) rethrows {
        let old = clock.time
        clock.time = Timestamp(iso: iso + "T09:00:00.000Z")!
        defer { clock.time = old }
        try body()
    }
    func day(_ iso: String) -> Day { Day(iso: iso)! }
    func now() { clock.time = Fixture.now }
    var quarter: FigureFilter { FigureFilter(period: Period.named(.thisQuarter, today: today)) }

    func cell(_ t: FigureTable, _ row: String, _ column: String, file: StaticString = #filePath, line: UInt = #line) -> FigureCell? {
        guard let r = t.row(row), let c = t.column(column) else { XCTFail("no cell \(row)/\(column)", file: file, line: line); return nil }
        let cell = t.rows[r].cells[c]
        // A count of citizens is its list's length; a count of follow-ups (or contacts …) lists their citizens once each.
        if let ids = cell.citizens, case .count(let n) = cell.value {
            if cell.unit == .citizens { XCTAssertEqual(n, ids.count, "a count and its list agree", file: file, line: line) }
            else { XCTAssertTrue(Set(ids).count == ids.count && ids.count <= n, "each citizen once, no more than counted", file: file, line: line) }
        }
        return cell
    }
    func count(_ t: FigureTable, _ row: String, _ column: String, file: StaticString = #filePath, line: UInt = #line) -> Int? {
        guard case .count(let n)? = cell(t, row, column, file: file, line: line)?.value else { return nil }
        return n
    }
    func ids(_ t: FigureTable, _ row: String, _ column: String) -> [String] { (cell(t, row, column)?.citizens ?? []).sorted() }

    // MARK: caseload

    func testCaseloadPerCaseworkerWithTheUnassignedRow() throws {
        let youth = try f.citizen("111299-1444", name: "Unge Ulla")                 // 26: youth, mette
        let adult = try f.citizen("010170-1234", name: "Voksne Viggo")              // 56: adult, mette, no plan
        let child = try f.citizen("010120-4440", name: "Barn Bo")                   // 6: a child, counts in the total only
        let olesCitizen = try s.execute(.registerCitizen(cpr: "020280-1111", name: "Oles Otto", benefit: nil, responsible: "ole"), as: "mette")[0].stream
        try s.execute(.giveConsent(citizen: youth, sectors: [.employment, .social], given: nil), as: "mette")
        try s.execute(.createPlan(citizen: youth, overallGoal: .education, ownWords: "Skole"), as: "mette")
        try s.execute(.scheduleFollowUp(citizen: youth, due: day("2026-11-20")), as: "mette")     // overdue on the 23rd
        try s.execute(.scheduleFollowUp(citizen: youth, due: day("2026-11-23")), as: "mette")     // due today: not overdue
        try at("2026-09-07") {                                                                       // moved to jonas for a while
            try s.execute(.changeResponsible(citizen: adult, user: "jonas"), as: "mette")
        }
        try at("2026-10-05") { try s.execute(.changeResponsible(citizen: adult, user: "mette"), as: "karen") }
        now()
        try s.execute(.scheduleMeeting(type: .network, citizen: adult, start: LocalTime(iso: "2026-12-01T10:00")!, minutes: 60, room: nil,
                                       participants: ["mette"], guests: [], allowConflict: false), as: "mette")
        try s.execute(.setUserActive(user: "ole", active: false), as: "admin")

        let t = try s.figures(.caseload, filter: quarter, settings: FigureSettings(caseloadWarn: 2, caseloadMax: 2), as: "karen")
        XCTAssertEqual(count(t, "user:mette", "responsible"), 3)
        XCTAssertEqual(ids(t, "user:mette", "youth"), [youth])
        XCTAssertEqual(ids(t, "user:mette", "adults"), [adult])
        XCTAssertEqual(ids(t, "user:mette", "withPlan"), [youth])
        XCTAssertEqual(ids(t, "user:mette", "overdue"), [youth])
        XCTAssertEqual(ids(t, "user:mette", "meetings14"), [adult])
        XCTAssertEqual(ids(t, "unassigned", "responsible"), [olesCitizen], "a deactivated caseworker's citizens")
        XCTAssertNil(t.row("user:ole"))
        XCTAssertEqual(t.rows[t.row("user:mette")!].flag, .over, "3 > max 2")
        XCTAssertNil(t.rows[t.row("user:jonas")!].flag)
        XCTAssertTrue(ids(t, "user:mette", "responsible").contains(child))
        guard case .spark(let trend)? = cell(t, "user:mette", "trend")?.value,
              case .spark(let jonas)? = cell(t, "user:jonas", "trend")?.value else { return XCTFail("no sparkline") }
        // Week ends 07-09 … 23-11: jonas had the adult from 07-09 to 05-10 (the week ends 07-09 … 28-09).
        XCTAssertEqual(jonas, [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(trend, [2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3])

        // The list behind a cell: the citizen list's rows, logged like it.
        let rows = try s.citizensBehind(t, row: t.row("user:mette")!, column: t.column("responsible")!, as: "karen")
        XCTAssertEqual(rows.map(\.id).sorted(), [youth, adult, child].sorted())
        XCTAssertEqual(Set(rows.map(\.id)), Set(try s.citizens(as: "karen").filter { $0.responsible == "mette" }.map(\.id)))
        XCTAssertThrowsDomainError(try s.citizensBehind(t, row: 0, column: t.column("trend")!, as: "karen")) { $0.isBadInput }
    }

    func testACaseworkerSeesTheirOwnCaseloadOnly() throws {
        try f.citizen()
        let mine = try s.figures(.caseload, filter: quarter, as: "mette")
        XCTAssertEqual(mine.filter.user, "mette", "forced to the caseworker")
        XCTAssertEqual(mine.rows.map(\.key), ["user:mette"])
        XCTAssertThrowsDomainError(try s.figures(.caseload, filter: FigureFilter(period: quarter.period, user: "jonas"), as: "mette")) {
            if case .forbidden = $0 { return true }; return false
        }
        XCTAssertThrowsDomainError(try s.figures(.targets, filter: quarter, as: "mette")) { if case .forbidden = $0 { return true }; return false }
        XCTAssertThrowsDomainError(try s.figures(.caseload, filter: FigureFilter(period: quarter.period, user: "nobody"), as: "karen")) { $0.isBadInput }
        let audit = try String(contentsOfFile: f.auditPath, encoding: .utf8)
        XCTAssertTrue(audit.contains("\"type\":\"FiguresRead\""), "an aggregate read is logged")
    }

    // MARK: timeliness

    func testTimelinessOnTimeOnTheDueDayAndLateByBands() throws {
        let c = try f.citizenWithPlan()
        let plan = try f.citizenWithPlan("010170-1234")
        for due in ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2026-11-10", "2026-11-30", "2026-09-30"] {
            try s.execute(.scheduleFollowUp(citizen: c, due: day(due)), as: "mette")
        }
        try s.execute(.scheduleFollowUp(citizen: plan, due: day("2026-11-01")), as: "mette")
        now()
        func done(_ id: String, _ d: String) throws { try s.execute(.completeFollowUp(citizen: c, followUp: id, done: day(d), result: .continue, note: nil), as: "mette") }
        try done("f1", "2026-10-01")   // on its due day: on time
        try done("f2", "2026-10-09")   // 7 days late
        try done("f3", "2026-10-13")   // 8 days: 1-3 weeks
        try done("f4", "2026-10-28")   // 22 days: more than 3 weeks
        try done("f8", "2026-10-20")   // due 30-09: outside the quarter
        // f5 due 07-10 open: 47 days over; f6 due 10-11 open: 13 days; f7 due 30-11: not yet due (left out).
        let t = try s.figures(.timeliness, filter: quarter, as: "karen")
        XCTAssertEqual(cell(t, "all", "onTime")?.value, .share(numerator: 1, denominator: 7))
        XCTAssertEqual(count(t, "all", "due"), 7)
        XCTAssertEqual(count(t, "all", "late7"), 1)
        XCTAssertEqual(count(t, "all", "late21"), 1)
        XCTAssertEqual(count(t, "all", "lateMore"), 1)
        XCTAssertEqual(count(t, "all", "open7"), 0)
        XCTAssertEqual(count(t, "all", "open21"), 1, "13 days")
        XCTAssertEqual(count(t, "all", "openMore"), 2, "47 days, and 22 days (the other citizen's, due 01-11)")
        XCTAssertEqual(count(t, "user:mette", "due"), 7)
        XCTAssertEqual(count(t, "sector:employment", "due"), 7)
        XCTAssertEqual(count(t, "group:youth", "due"), 6)
        XCTAssertEqual(count(t, "group:adult", "due"), 1)
        // The last quarter holds only f8, done 20 days late.
        let last = try s.figures(.timeliness, filter: FigureFilter(period: Period.named(.lastQuarter, today: today)), as: "karen")
        XCTAssertEqual(count(last, "all", "due"), 1)
        XCTAssertEqual(count(last, "all", "late21"), 1)
    }

    func testPeriodsCrossingAQuarter() {
        XCTAssertEqual(Period.named(.lastQuarter, today: day("2026-01-15")), Period(from: day("2025-10-01"), to: day("2025-12-31")))
        XCTAssertEqual(Period.named(.lastMonth, today: day("2026-01-15")), Period(from: day("2025-12-01"), to: day("2025-12-31")))
        XCTAssertEqual(Period.named(.thisQuarter, today: day("2026-11-23")), Period(from: day("2026-10-01"), to: day("2026-12-31")))
        XCTAssertEqual(Period.named(.thisMonth, today: day("2024-02-10")), Period(from: day("2024-02-01"), to: day("2024-02-29")))
        XCTAssertEqual(Period.named(.lastYear, today: day("2026-11-23")), Period(from: day("2025-01-01"), to: day("2025-12-31")))
    }

    // MARK: one caseworker

    func testDistinctCaseworkersInTheLast90Days() throws {
        let one = try f.citizenWithPlan()
        let three = try f.citizenWithPlan("010170-1234")
        let none = try f.citizen("020280-1111")
        for x in [one, three] { try s.execute(.sendReferral(citizen: x, to: .social, text: "Støtte"), as: "mette") }
        try s.execute(.sendReferral(citizen: three, to: .misuse, text: "Behandling", confirmedSharing: true), as: "mette")
        try at("2026-08-10") { try s.execute(.logContact(citizen: one, channel: .phone, note: nil, at: nil), as: "jonas") }  // > 90 days ago
        now()
        try s.execute(.logContact(citizen: one, channel: .phone, note: nil, at: nil), as: "mette")
        try s.execute(.logContact(citizen: three, channel: .phone, note: nil, at: nil), as: "mette")
        try s.execute(.addEffort(citizen: three, goal: nil, title: "Mentor", sector: .social, legalBasis: "SEL § 85", provider: "P",
                                 start: today, end: nil), as: "jonas")
        let m = try s.execute(.scheduleMeeting(type: .network, citizen: three, start: LocalTime(iso: "2026-11-23T08:00")!, minutes: 30, room: nil,
                                               participants: ["per"], guests: [], allowConflict: false), as: "per")[0].stream
        try s.execute(.setMeetingStatus(meeting: m, status: .held, outcome: nil), as: "per")
        try s.execute(.logContact(citizen: three, channel: .phone, note: nil, at: nil), as: "karen")   // a supervisor: no caseworker
        let t = try s.figures(.caseworkers, filter: quarter, as: "karen")
        XCTAssertEqual(ids(t, "all", "one"), [one])
        XCTAssertEqual(ids(t, "all", "three"), [three])
        XCTAssertEqual(ids(t, "all", "none"), [none])
        XCTAssertEqual(count(t, "all", "fourPlus"), 0)
        XCTAssertEqual(count(t, "user:mette", "three"), 1)
    }

    // MARK: contacts and meetings

    func testContactsAndMeetingsPerCitizenPerMonthAndMergedMeetings() throws {
        let a = try f.citizenWithPlan()
        _ = try f.citizenWithPlan("010170-1234")
        try at("2026-08-04") { for _ in 0..<6 { try s.execute(.logContact(citizen: a, channel: .phone, note: nil, at: nil), as: "mette") } }
        now()
        let m = try s.execute(.scheduleMeeting(type: .network, citizen: a, start: LocalTime(iso: "2026-11-23T13:00")!, minutes: 60, room: nil,
                                               participants: ["mette"], guests: [], allowConflict: false), as: "mette")[0].stream
        try s.execute(.joinMeeting(meeting: m, participants: ["jonas"], guests: [], allowConflict: false), as: "mette")
        let t = try s.figures(.contacts, filter: quarter, as: "karen")
        XCTAssertEqual(count(t, "all", "citizens"), 2)
        // Q3 2026: 6 contacts over 2 citizens × 3 months = 1.0; Q4 so far: 1 meeting over 2 × (54/92 × 3) months.
        XCTAssertEqual(cell(t, "all", "contacts:2026Q3")?.value, .text(Bilingual("1,0", "1.0")))
        XCTAssertEqual(cell(t, "all", "meetings:2026Q4")?.value, .text(Bilingual("0,3", "0.3")))
        XCTAssertEqual(cell(t, "all", "contacts:2026Q1")?.value, FigureValue.none, "nobody was registered yet")
        XCTAssertEqual(ids(t, "all", "avoided"), [a], "the merged meeting: one avoided")
        XCTAssertEqual(t.columns.map(\.key).filter { $0.hasPrefix("contacts:") }, ["contacts:2026Q1", "contacts:2026Q2", "contacts:2026Q3", "contacts:2026Q4"])
    }

    // MARK: coverage

    func testPlanCoverageOfSharedCitizens() throws {
        let shared = try f.citizenWithPlan()                                  // consent employment+social, plan
        try s.execute(.sendReferral(citizen: shared, to: .social, text: "Støtte"), as: "mette")
        try s.execute(.scheduleFollowUp(citizen: shared, due: day("2027-03-01")), as: "mette")
        let withdrawn = try f.citizenWithPlan("010170-1234")
        try s.execute(.sendReferral(citizen: withdrawn, to: .misuse, text: "Behandling", confirmedSharing: true), as: "mette")
        try s.execute(.scheduleFollowUp(citizen: withdrawn, due: day("2027-08-01")), as: "mette")    // beyond 6 months
        try s.execute(.withdrawConsent(citizen: withdrawn, consent: "s1"), as: "mette")
        let single = try f.citizenWithPlan("020280-1111")                   // employment only: not shared
        let noPlan = try f.citizen("030390-2222")                           // no plan, one sector
        now()
        let t = try s.figures(.coverage, filter: quarter, as: "karen")
        XCTAssertEqual(ids(t, "all", "shared"), [shared, withdrawn].sorted())
        XCTAssertEqual(cell(t, "all", "withPlan")?.value, .share(numerator: 2, denominator: 2))
        XCTAssertEqual(ids(t, "all", "withConsent"), [shared])
        XCTAssertEqual(ids(t, "all", "withFollowUp"), [shared])
        XCTAssertFalse(ids(t, "all", "shared").contains(single), "one sector only")
        XCTAssertFalse(ids(t, "all", "shared").contains(noPlan))
    }

    // MARK: referrals

    func testReferralMatrixWithAReferralNeverAnswered() throws {
        let a = try f.citizenWithPlan(), b = try f.citizenWithPlan("010170-1234"), c = try f.citizenWithPlan("020280-1111")
        try at("2026-10-01") {
            for x in [a, b, c] { try s.execute(.sendReferral(citizen: x, to: .social, text: "Støtte"), as: "mette") }
        }
        try at("2026-10-04") { try s.execute(.answerReferral(citizen: a, referral: "r1", status: .accepted), as: "jonas") }
        try at("2026-10-21") { try s.execute(.answerReferral(citizen: b, referral: "r1", status: .accepted), as: "jonas") }
        now()
        try s.execute(.addEffort(citizen: a, goal: nil, title: "Bostøtte", sector: .social, legalBasis: "SEL § 85", provider: "P",
                                 start: day("2026-10-11"), end: nil), as: "jonas")
        try s.execute(.setEffortStatus(citizen: a, effort: "e1", status: .active, end: nil), as: "jonas")
        let t = try s.figures(.referrals, filter: quarter, as: "karen")
        XCTAssertEqual(count(t, "employment>social", "sent"), 3)
        XCTAssertEqual(cell(t, "employment>social", "answerMedian")?.value, .days(11.5), "3 and 20 days")
        XCTAssertEqual(cell(t, "employment>social", "answerP90")?.value, .days(20))
        XCTAssertEqual(cell(t, "employment>social", "effortMedian")?.value, .days(10))
        XCTAssertEqual(ids(t, "employment>social", "unanswered14"), [c], "never answered")
        XCTAssertEqual(count(t, "all", "sent"), 3)
    }

    // MARK: targets

    func testTargetsStandingPaceAndBehind() throws {
        try s.execute(.defineTarget(id: "plan10", kind: .planCoverage, name: "10 borgere på tværs med én plan", value: 10,
                                    deadline: day("2027-12-31"), sector: nil), as: "karen")
        let c = try f.citizenWithPlan()
        try s.execute(.sendReferral(citizen: c, to: .social, text: "Støtte"), as: "mette")
        now()
        try s.execute(.defineTarget(id: "loft", kind: .caseloadMax, name: "Højst 1 borger pr. sagsbehandler", value: 1, deadline: nil, sector: nil), as: "karen")
        try f.citizen("010170-1234")
        XCTAssertThrowsDomainError(try s.execute(.defineTarget(id: "x1", kind: .caseloadMax, name: "x", value: 1, deadline: nil, sector: nil), as: "mette")) {
            if case .forbidden = $0 { return true }; return false
        }
        let t = try s.figures(.targets, filter: quarter, as: "karen")
        XCTAssertEqual(t.rows.map(\.key), ["target:loft", "target:plan10"])
        XCTAssertEqual(ids(t, "target:plan10", "now"), [c])
        XCTAssertEqual(t.rows[1].flag, .behind, "1 of 10 after 16 of 73 weeks")
        XCTAssertEqual(t.rows[1].cells[t.column("pace")!].value, .text(Bilingual("1 pr. uge", "1 a week")))
        XCTAssertEqual(t.rows[0].flag, .behind, "mette has 2")
        try s.execute(.endTarget(id: "loft"), as: "karen")
        XCTAssertEqual(try s.figures(.targets, filter: quarter, as: "karen").rows.map(\.key), ["target:plan10"])
        XCTAssertEqual(s.targets(as: "karen").map(\.id), ["loft", "plan10"])
        XCTAssertNotNil(s.targets(as: "karen")[0].ended)
    }

    func testAContactsTargetsBurnUpIsOnTheScaleOfItsStatus() throws {
        try s.execute(.defineTarget(id: "kontakt", kind: .contactsPerQuarter, name: "Højst 6 kontakter", value: 6, deadline: nil, sector: nil), as: "karen")
        let a = try f.citizen("010170-1234"), b = try f.citizen("020270-1234")
        for _ in 0..<3 { try s.execute(.logContact(citizen: a, channel: .phone, note: nil, at: nil), as: "mette") }
        try s.execute(.logContact(citizen: b, channel: .phone, note: nil, at: nil), as: "mette")
        let t = try s.figures(.targets, filter: quarter, as: "karen")
        let row = t.rows[try XCTUnwrap(t.row("target:kontakt"))]
        guard case .text(let now) = row.cells[t.column("now")!].value, case .spark(let burnup) = row.cells[t.column("burnup")!].value else {
            return XCTFail("a status and a burn-up")
        }
        XCTAssertEqual(now.da, "2,0", "4 contacts with 2 citizens")
        XCTAssertEqual(burnup.last, 2, "the burn-up ends where the status stands, not at 20")
        let csv = FigureCSV.render(t, danish: true, names: [:])
        let line = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.hasPrefix("target:kontakt;") })
        XCTAssertTrue(line.contains(";0;0;0;2;"), "the CSV's burn-up columns on the same scale: \(line)")
    }

    // MARK: reassign

    func testReassignIsAllOrNothingAndForSupervisors() throws {
        let a = try f.citizen(), b = try f.citizen("010170-1234")
        XCTAssertThrowsDomainError(try s.execute(.reassign(citizens: [a], to: "jonas", reason: "Ny fordeling"), as: "mette")) {
            if case .forbidden = $0 { return true }; return false
        }
        let before = s.state.lastSeq
        XCTAssertThrowsDomainError(try s.execute(.reassign(citizens: [a, "c99"], to: "jonas", reason: "Ny fordeling"), as: "karen")) { $0.isBadInput }
        XCTAssertEqual(s.state.lastSeq, before, "nothing written")
        let preview = try s.caseloadPreview(moving: [a, b], to: "jonas", as: "karen")
        XCTAssertEqual(preview.map(\.user), ["jonas", "mette"])
        XCTAssertEqual(preview.map(\.before), [0, 2])
        XCTAssertEqual(preview.map(\.after), [2, 0])
        XCTAssertEqual(s.state.citizens[a]?.responsible, "mette", "a preview writes nothing")
        let events = try s.execute(.reassign(citizens: [a, b], to: "jonas", reason: "Ny fordeling"), as: "karen")
        XCTAssertEqual(events.map(\.stream), [a, b])
        XCTAssertEqual(Set(events.map(\.seq)).count, 2)
        XCTAssertEqual(s.state.citizens[b]?.responsible, "jonas")
        let journey = try s.journey(a, as: "karen")
        XCTAssertEqual(try journey.entries.last?.event.data.optionalString("reason"), "Ny fordeling")
    }

    // MARK: CSV

    func testCSVForDanishSpreadsheets() throws {
        let c = try f.citizenWithPlan()
        try s.execute(.scheduleFollowUp(citizen: c, due: day("2026-10-01")), as: "mette")
        now()
        try s.execute(.completeFollowUp(citizen: c, followUp: "f1", done: day("2026-10-01"), result: .continue, note: nil), as: "mette")
        try s.execute(.scheduleFollowUp(citizen: c, due: day("2026-10-02")), as: "mette", on: day("2026-09-01"))
        let t = try s.figures(.timeliness, filter: FigureFilter(period: quarter.period, user: "mette"), as: "karen")
        let csv = FigureCSV.render(t, danish: true, names: ["mette": "Mette Kjær"])
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}Afsnit;Rettidighed i opfølgninger\r\n"))
        XCTAssertTrue(csv.contains("Sagsbehandler;Mette Kjær (mette)\r\n"))
        XCTAssertTrue(csv.contains("Opgjort;23-11-2026 11:00\r\n"), "dd-mm-yyyy throughout: \(csv)")
        XCTAssertTrue(csv.contains("Rettidige;Udført senest på fristdagen;"))
        // A share is three cells, each a number: the share, its numerator, its denominator.
        XCTAssertTrue(csv.contains(";Rettidige (%);Rettidige: tæller;Rettidige: nævner;"), csv)
        XCTAssertTrue(csv.contains("all;I alt;2;50;1;2;"), csv)
        XCTAssertFalse(csv.contains("%)") && csv.contains("(1/2)"), "no share as text")
        XCTAssertFalse(csv.contains("111299"), "no CPR number")
        try s.recordExport(t, as: "karen")
        XCTAssertTrue(try String(contentsOfFile: f.auditPath, encoding: .utf8).contains("\"type\":\"FiguresExported\""))
    }

    // MARK: the projection's facts survive the snapshot

    func testTheFactsAreInTheSnapshot() throws {
        let c = try f.citizenWithPlan()
        try s.execute(.sendReferral(citizen: c, to: .social, text: "x"), as: "mette")
        try s.execute(.answerReferral(citizen: c, referral: "r1", status: .accepted), as: "jonas")
        try s.execute(.defineTarget(id: "plan10", kind: .planCoverage, name: "n", value: 10, deadline: day("2027-12-31"), sector: nil), as: "karen")
        try f.store.writeSnapshot()
        let reopened = try Store(directory: f.dir, clock: clock)
        XCTAssertTrue(reopened.usedSnapshot)
        XCTAssertEqual(reopened.projection.citizens[c]?.facts, f.store.projection.citizens[c]?.facts)
        XCTAssertEqual(reopened.projection.citizens[c]?.facts.answered.map(\.what), ["r1"])
        XCTAssertEqual(reopened.projection.targets, f.store.projection.targets)
    }

    func testCopenhagenDayAgreesWithTheTimeZone() {
        for iso in ["2026-03-29T00:59:59.000Z", "2026-03-29T01:00:00.000Z", "2026-10-24T22:30:00.000Z", "2026-10-25T22:30:00.000Z",
                    "2026-12-31T23:30:00.000Z", "2026-06-30T21:59:00.000Z", "2026-06-30T22:00:00.000Z", "1999-01-01T00:00:00.000Z"] {
            let t = Timestamp(iso: iso)!
            XCTAssertEqual(t.copenhagenDay, t.local.day, iso)
        }
    }
}
