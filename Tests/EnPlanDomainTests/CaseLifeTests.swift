import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// A case's whole life: closing and reopening it, its CPR number changing, and a team leader's word
/// on probable duplicates. The rules as `Decide` cases first, then what they do on a real store.
final class CaseLifeTests: XCTestCase {
    typealias G = DecideCase.Given
    static let day = DecideCase.day                                  // Monday 23-11-2026
    static let past = Day(year: 2025, month: 2, day: 3)!
    /// c1: Søren Sørensen, born 11-12-1999, mette responsible, employment and social (jonas works on it too).
    static let given = DecideCase.staff + [G.registered("c1", sectors: [.employment, .social])]
    static let closed = given + [G("c1", .caseClosed(date: past, reason: "I job"))]

    // MARK: closing and reopening

    func testWhoClosesAndWhen() {
        for c in [
            DecideCase("the responsible caseworker closes, a date in the past allowed", given: Self.given,
                       when: .closeCase(citizen: "c1", date: Self.past, reason: " I job "), as: "mette",
                       then: .events([.init("c1", .caseClosed(date: Self.past, reason: "I job"))])),
            DecideCase("a team leader closes", given: Self.given, when: .closeCase(citizen: "c1", date: Self.day, reason: "Flyttet"), as: "karen",
                       then: .events([.init("c1", .caseClosed(date: Self.day, reason: "Flyttet"))])),
            DecideCase("a case closed before EnPlan knew it: years before its registration", given: Self.given,
                       when: .closeCase(citizen: "c1", date: Day(year: 2019, month: 6, day: 30)!, reason: "Afsluttet i det gamle system"), as: "mette",
                       then: .events([.init("c1", .caseClosed(date: Day(year: 2019, month: 6, day: 30)!, reason: "Afsluttet i det gamle system"))])),
            DecideCase("another caseworker on the case may not", given: Self.given, when: .closeCase(citizen: "c1", date: Self.day, reason: "x"), as: "jonas",
                       then: .refused(.forbidden, "responsible caseworker or a team leader")),
            DecideCase("a caseworker off the case: not among theirs", given: Self.given, when: .closeCase(citizen: "c1", date: Self.day, reason: "x"), as: "per",
                       then: .refused(.notFound, "among those you may change")),
            DecideCase("an administrator manages users", given: Self.given, when: .closeCase(citizen: "c1", date: Self.day, reason: "x"), as: "admin",
                       then: .refused(.forbidden, "not citizens")),
            DecideCase("not in the future", given: Self.given, when: .closeCase(citizen: "c1", date: Self.day + 1, reason: "x"), as: "mette",
                       then: .refused(.invalid, "in the future")),
            DecideCase("not before the citizen was born", given: Self.given,
                       when: .closeCase(citizen: "c1", date: Day(year: 1999, month: 12, day: 10)!, reason: "x"), as: "mette",
                       then: .refused(.invalid, "before the citizen was born (1999-12-11)")),
            DecideCase("with a reason", given: Self.given, when: .closeCase(citizen: "c1", date: Self.day, reason: "  "), as: "mette",
                       then: .refused(.invalid, "reason is empty")),
            DecideCase("closing twice", given: Self.closed, when: .closeCase(citizen: "c1", date: Self.day, reason: "x"), as: "mette",
                       then: .refused(.invalid, "closed already (since 2025-02-03)")),
            DecideCase("reopening an open case", given: Self.given, when: .reopenCase(citizen: "c1", reason: "x"), as: "mette",
                       then: .refused(.invalid, "is open")),
            DecideCase("reopening, dated today", given: Self.closed, when: .reopenCase(citizen: "c1", reason: "Ledig igen"), as: "mette",
                       then: .events([.init("c1", .caseReopened(date: Self.day, reason: "Ledig igen"))])),
            DecideCase("reopening needs a reason", given: Self.closed, when: .reopenCase(citizen: "c1", reason: ""), as: "karen",
                       then: .refused(.invalid, "reason is empty")),
            DecideCase("another caseworker does not reopen", given: Self.closed, when: .reopenCase(citizen: "c1", reason: "x"), as: "jonas",
                       then: .refused(.forbidden, "responsible")),
        ] { assertDecide(c) }
    }

    func testAClosedCaseTakesNoWriteButItsReopening() {
        let meeting = Command.scheduleMeeting(type: .network, citizen: "c1", start: LocalTime(iso: "2026-11-25T10:00")!, minutes: 30, room: nil,
                                              participants: ["mette"], guests: [], allowConflict: false)
        for c in [
            DecideCase("no contact", given: Self.closed, when: .logContact(citizen: "c1", channel: .phone, note: "Ringede", at: nil), as: "mette",
                       then: .refused(.invalid, "closed on 2025-02-03: reopen it")),
            DecideCase("no plan", given: Self.closed, when: .createPlan(citizen: "c1", overallGoal: .employment, ownWords: ""), as: "mette",
                       then: .refused(.invalid, "reopen it")),
            DecideCase("no new meeting", given: Self.closed, when: meeting, as: "mette", then: .refused(.invalid, "reopen it")),
            DecideCase("no move to another caseworker", given: Self.closed, when: .reassign(citizens: ["c1"], to: "jonas", reason: "x"), as: "karen",
                       then: .refused(.invalid, "reopen it")),
            DecideCase("no CPR change", given: Self.closed, when: .changeCPR(citizen: "c1", new: "111299-1446", reason: "x"), as: "mette",
                       then: .refused(.invalid, "reopen it")),
            DecideCase("a caseworker off the case hears nothing of the closing", given: Self.closed,
                       when: .logContact(citizen: "c1", channel: .phone, note: nil, at: nil), as: "per",
                       then: .refused(.notFound, "among those you may change")),
            DecideCase("a team leader still links a closed registration", given: Self.closed + [G.registered("c2", cpr: "1112991446", name: "Soeren Sorensen")],
                       when: .linkCitizens(citizen: "c2", other: "c1", reason: "Samme person"), as: "karen",
                       then: .events([.init("c2", .citizensLinked(other: "c1", reason: "Samme person")),
                                      .init("c1", .citizensLinked(other: "c2", reason: "Samme person"))])),
            DecideCase("reopened, it takes writes again", given: Self.closed + [G("c1", .caseReopened(date: Self.day, reason: "x"))],
                       when: .logContact(citizen: "c1", channel: .phone, note: nil, at: nil), as: "mette",
                       then: .events([.init("c1", .contactLogged(channel: .phone, sector: .employment, note: nil, at: nil))])),
        ] { assertDecide(c) }
    }

    // MARK: CPR changes

    func testACPRChangeIsCheckedAsARegistration() {
        let two = Self.given + [G.registered("c2", cpr: "0101901234", name: "Anne Holm")]
        let moved = two + [G("c2", .cprChanged(old: "0101901234", new: "0101901236", reason: "x"))]
        for c in [
            DecideCase("the responsible caseworker changes it", given: two, when: .changeCPR(citizen: "c1", new: "111299-1446", reason: " Nyt nummer "), as: "mette",
                       then: .events([.init("c1", .cprChanged(old: "1112991444", new: "1112991446", reason: "Nyt nummer"))])),
            DecideCase("a team leader too", given: two, when: .changeCPR(citizen: "c1", new: "1112991446", reason: "x"), as: "karen",
                       then: .events([.init("c1", .cprChanged(old: "1112991444", new: "1112991446", reason: "x"))])),
            DecideCase("not another caseworker", given: two, when: .changeCPR(citizen: "c1", new: "1112991446", reason: "x"), as: "jonas",
                       then: .refused(.forbidden, "responsible")),
            DecideCase("not a number", given: two, when: .changeCPR(citizen: "c1", new: "11129-91446", reason: "x"), as: "mette",
                       then: .refused(.invalid, "DDMMYY-SSSS")),
            DecideCase("not a date", given: two, when: .changeCPR(citizen: "c1", new: "321299-1446", reason: "x"), as: "mette",
                       then: .refused(.invalid, "not a real date")),
            DecideCase("not born in the future", given: two, when: .changeCPR(citizen: "c1", new: "010130-4000", reason: "x"), as: "mette",
                       then: .refused(.invalid, "in the future")),
            DecideCase("not the number it has", given: two, when: .changeCPR(citizen: "c1", new: "111299-1444", reason: "x"), as: "mette",
                       then: .refused(.invalid, "has the CPR number 111299-XXXX already")),
            DecideCase("not another citizen's number", given: two, when: .changeCPR(citizen: "c1", new: "010190-1234", reason: "x"), as: "mette",
                       then: .refused(.conflict, "is registered already")),
            DecideCase("nor a number another citizen had", given: moved, when: .changeCPR(citizen: "c1", new: "010190-1234", reason: "x"), as: "mette",
                       then: .refused(.conflict, "is registered already")),
            DecideCase("back to its own old number (a typing error undone)", given: moved,
                       when: .changeCPR(citizen: "c2", new: "010190-1234", reason: "Tastefejl"), as: "mette",
                       then: .events([.init("c2", .cprChanged(old: "0101901236", new: "0101901234", reason: "Tastefejl"))])),
            DecideCase("with a reason", given: two, when: .changeCPR(citizen: "c1", new: "111299-1446", reason: ""), as: "mette",
                       then: .refused(.invalid, "reason is empty")),
            DecideCase("a registration of a number someone had is refused", given: moved,
                       when: .registerCitizen(cpr: "010190-1234", name: "Anne Holm", benefit: nil, responsible: nil), as: "mette",
                       then: .refused(.conflict, "is registered already")),
        ] { assertDecide(c) }
    }

    // MARK: linking and dismissing

    func testATeamLeaderLinksOrDismissesAPair() {
        let two = Self.given + [G.registered("c2", cpr: "1112991446", name: "Soeren Sorensen")]
        let linked = two + [G("c1", .citizensLinked(other: "c2", reason: "x")), G("c2", .citizensLinked(other: "c1", reason: "x"))]
        let dismissed = two + [G("c1", .duplicateDismissed(other: "c2", reason: "x")), G("c2", .duplicateDismissed(other: "c1", reason: "x"))]
        for c in [
            DecideCase("linked on both registrations, with the reason", given: two, when: .linkCitizens(citizen: "c1", other: "c2", reason: "Tjekket i CPR"), as: "karen",
                       then: .events([.init("c1", .citizensLinked(other: "c2", reason: "Tjekket i CPR")), .init("c2", .citizensLinked(other: "c1", reason: "Tjekket i CPR"))])),
            DecideCase("dismissed on both", given: two, when: .dismissDuplicate(citizen: "c2", other: "c1", reason: "Tvillinger"), as: "karen",
                       then: .events([.init("c2", .duplicateDismissed(other: "c1", reason: "Tvillinger")), .init("c1", .duplicateDismissed(other: "c2", reason: "Tvillinger"))])),
            DecideCase("a caseworker may not", given: two, when: .linkCitizens(citizen: "c1", other: "c2", reason: "x"), as: "mette",
                       then: .refused(.forbidden, "team leaders")),
            DecideCase("an administrator may not", given: two, when: .dismissDuplicate(citizen: "c1", other: "c2", reason: "x"), as: "admin",
                       then: .refused(.forbidden, "not citizens")),
            DecideCase("not with itself", given: two, when: .linkCitizens(citizen: "c1", other: "c1", reason: "x"), as: "karen",
                       then: .refused(.invalid, "same registration")),
            DecideCase("not an unknown one", given: two, when: .linkCitizens(citizen: "c1", other: "c9", reason: "x"), as: "karen",
                       then: .refused(.notFound, "c9")),
            DecideCase("with a reason", given: two, when: .linkCitizens(citizen: "c1", other: "c2", reason: " "), as: "karen",
                       then: .refused(.invalid, "reason is empty")),
            DecideCase("linked once", given: linked, when: .linkCitizens(citizen: "c2", other: "c1", reason: "x"), as: "karen",
                       then: .refused(.invalid, "linked as one person already")),
            DecideCase("a linked pair is not dismissed", given: linked, when: .dismissDuplicate(citizen: "c1", other: "c2", reason: "x"), as: "karen",
                       then: .refused(.invalid, "linked as one person already")),
            DecideCase("dismissed once", given: dismissed, when: .dismissDuplicate(citizen: "c1", other: "c2", reason: "x"), as: "karen",
                       then: .refused(.invalid, "dismissed as duplicates already")),
            DecideCase("a dismissed pair can still be linked (a team leader learns more)", given: dismissed,
                       when: .linkCitizens(citizen: "c1", other: "c2", reason: "Alligevel samme"), as: "karen",
                       then: .events([.init("c1", .citizensLinked(other: "c2", reason: "Alligevel samme")), .init("c2", .citizensLinked(other: "c1", reason: "Alligevel samme"))])),
        ] { assertDecide(c) }
    }

    // MARK: the Danish folding and near numbers

    func testNamesFoldTheDanishWay() {
        let søren = ["Søren Sørensen", "Soeren Sorensen", "Soren Sorensen", "SØREN SØRENSEN", "Sørensen, Søren", "Soeren Soerensen"]
        for a in søren { for b in søren { XCTAssertTrue(DanishName.similar(a, b), "\(a) ~ \(b)") } }
        XCTAssertEqual(Set(søren.map(DanishName.key)), ["soren sorensen"])
        XCTAssertEqual(DanishName.key("Åse Ærø"), DanishName.key("Aase Aeroe"))
        XCTAssertEqual(DanishName.key("Åse"), DanishName.key("Ase"))
        XCTAssertEqual(DanishName.key("José Müller"), DanishName.key("Jose Mueller"), "other accents by Foundation's folding")
        XCTAssertEqual(DanishName.key("Anne-Grethe Hanssen"), DanishName.key("Anne Grethe Hansen"))
        XCTAssertTrue(DanishName.similar("Søren Holm Sørensen", "Søren Sørensen"), "a middle name in one only")
        XCTAssertTrue(DanishName.similar("Søren Sørensen", "Søren Sørensn"), "one letter left out")
        XCTAssertFalse(DanishName.similar("Søren Sørensen", "Mette Sørensen"))
        XCTAssertFalse(DanishName.similar("Søren Sørensen", "Søren Jensen"))
        XCTAssertFalse(DanishName.similar("Bo Li", "Bo Lu"), "short names need the same letters")
        XCTAssertFalse(DanishName.similar("", "Søren"))
    }

    func testNearCPRNumbers() {
        XCTAssertTrue(Duplicates.near(1112991444, 1112991446), "one digit")
        XCTAssertTrue(Duplicates.near(1112991444, 1121991444), "two neighbours swapped")
        XCTAssertTrue(Duplicates.near(101901234, 1101901234), "one digit, a leading zero")
        XCTAssertFalse(Duplicates.near(1112991444, 1112991444), "the same is no near number")
        XCTAssertFalse(Duplicates.near(1112991444, 1112991466), "two digits")
        XCTAssertFalse(Duplicates.near(1112991444, 4112991441), "a swap of digits not neighbours")
    }

    // MARK: on a real store

    var f: Fixture!
    var s: CaseService { f.service }
    override func setUpWithError() throws { f = try Fixture() }

    func testAClosedCaseLeavesTheCaseloadTheReviewDrawAndTheList() throws {
        let open = try f.citizenWithPlan("111299-1444")
        let gone = try f.citizenWithPlan("010170-1234")
        try s.execute(.scheduleFollowUp(citizen: gone, due: Day(year: 2026, month: 11, day: 10)!), as: "mette", on: Day(year: 2026, month: 11, day: 2)!)
        let filter = FigureFilter(period: Period.named(.thisQuarter, today: f.today))
        func timely() throws -> [String] { Array(try s.figures(.timeliness, filter: filter, as: "karen").rows.flatMap { $0.cells.compactMap(\.citizens) }.joined()) }
        XCTAssertTrue(try timely().contains(gone), "overdue while the case is open")
        try s.execute(.closeCase(citizen: gone, date: Day(year: 2021, month: 3, day: 1)!, reason: "Flyttet fra kommunen"), as: "mette")

        let caseload = try s.figures(.caseload, filter: filter, as: "karen")
        let row = caseload.row("user:mette")!
        XCTAssertEqual(caseload.rows[row].cells[caseload.column("responsible")!].citizens, [open])
        XCTAssertEqual(caseload.rows[row].cells[caseload.column("withPlan")!].citizens, [open])
        guard case .spark(let trend) = caseload.rows[row].cells[caseload.column("trend")!].value else { return XCTFail("no sparkline") }
        XCTAssertEqual(trend.last, 1, "the sparkline counts the open case only")
        let staff = try s.figures(.caseworkers, filter: filter, as: "karen")
        XCTAssertFalse(staff.rows.flatMap { $0.cells.compactMap(\.citizens) }.joined().contains(gone), "not in the one-caseworker figures")
        let coverage = try s.figures(.coverage, filter: filter, as: "karen")
        XCTAssertFalse(coverage.rows.flatMap { $0.cells.compactMap(\.citizens) }.joined().contains(gone))
        XCTAssertFalse(try timely().contains(gone), "its open follow-up is no longer due")

        let (strata, _) = Decide.reviewPopulation(s.state, on: f.today)
        XCTAssertEqual(strata.flatMap(\.citizens), [open], "the review draw's population: open plans only")

        let rows = try s.citizens(as: "mette")
        XCTAssertEqual(rows.first { $0.id == gone }?.closed, Day(year: 2021, month: 3, day: 1)!, "the list knows the day it closed")
        XCTAssertNil(rows.first { $0.id == open }?.closed)
        XCTAssertEqual(rows.first { $0.id == gone }?.overdueFollowUps, 0, "nothing is overdue in a closed case")

        // Reopened, it is back in the caseload.
        try s.execute(.reopenCase(citizen: gone, reason: "Flyttet tilbage"), as: "karen")
        let again = try s.figures(.caseload, filter: filter, as: "karen")
        XCTAssertEqual(Set(again.rows[again.row("user:mette")!].cells[again.column("responsible")!].citizens ?? []), [open, gone])
        let journey = try s.journey(gone, as: "mette")
        // Both, each on its own day: the closing on 01-03-2021 (before the rest, entered today), the reopening today.
        XCTAssertEqual(journey.entries.map(\.event.type).first, "CaseClosed", "the journey shows the closing on its day")
        XCTAssertEqual(journey.entries.map(\.event.type).last, "CaseReopened")
    }

    func testTheInboxLeavesOutAClosedCaseWhoseCaseworkerLeft() throws {
        let c = try f.citizen()
        try s.execute(.setUserActive(user: "mette", active: false), as: "admin")
        XCTAssertEqual(s.inbox(for: "karen").orphaned, 1)
        try s.execute(.closeCase(citizen: c, date: f.today, reason: "Afsluttet"), as: "karen")
        XCTAssertEqual(s.inbox(for: "karen").orphaned, 0, "a closed case needs no new caseworker")
    }

    func testACPRChangeFindsTheCitizenByEitherNumberAndKeepsTheOldOne() throws {
        let c = try f.citizen("111299-1444")
        try s.execute(.changeCPR(citizen: c, new: "111299-1446", reason: "Nyt personnummer fra CPR"), as: "mette")
        XCTAssertEqual(s.state.citizenID(cpr: "1112991444"), c, "the old number")
        XCTAssertEqual(s.state.citizenID(cpr: "1112991446"), c, "the new number")
        XCTAssertEqual(s.visibleCitizen("111299-1444", as: "mette"), c)
        XCTAssertNil(s.visibleCitizen("111299-1444", as: "per"), "still only for those who may see the citizen")
        let d = try s.citizen(c, as: "mette")
        XCTAssertEqual(d.cpr, "111299-1446", "the plan uses the new number")
        XCTAssertEqual(d.formerCPRs, ["111299-1444"])
        XCTAssertEqual(try s.citizen(c, as: "karen").formerCPRs, ["111299-XXXX"], "masked for one who does not work on the citizen")
        let change = try XCTUnwrap(try s.journey(c, as: "karen").entries.last)
        XCTAssertEqual(change.event.type, "CPRChanged")
        XCTAssertEqual(try change.event.data.string("old"), "111299-XXXX", "masked in the journey of one who does not work on them")

        // After a snapshot and a new session: still found by both.
        try f.store.writeSnapshot()
        let reopened = CaseService(store: try Store(directory: f.dir, clock: FixedClock(Fixture.now)), terminal: "t2")
        XCTAssertEqual(reopened.state.citizenID(cpr: "1112991444"), c)
        XCTAssertEqual(reopened.state.citizenID(cpr: "1112991446"), c)
        XCTAssertEqual(try reopened.citizen(c, as: "mette").formerCPRs, ["111299-1444"])
        XCTAssertEqual(reopened.state.citizens.inSnapshot, 1, "read from the snapshot, not replayed")
        XCTAssertThrowsDomainError(try reopened.execute(.registerCitizen(cpr: "111299-1444", name: "X", benefit: nil, responsible: nil), as: "mette")) {
            if case .conflict(.cprRegistered) = $0 { return true }; return false
        }
    }

    func testProbableDuplicatesByBirthDateAndFoldingOrByANearNumber() throws {
        let a = try f.citizen("111299-1444", name: "Søren Sørensen")
        let b = try f.citizen("111299-1455", name: "Soeren Sorensen")       // the same birth date, the name without æøå
        let c = try f.citizen("010190-1234", name: "Anne Holm")
        let d = try f.citizen("010190-1243", name: "Anne Holm")              // the same name, two digits swapped
        _ = try f.citizen("010190-1299", name: "Bente Holm")                 // the same birth date, another name
        let pairs = try s.duplicates(as: "karen")
        XCTAssertEqual(pairs.map { [$0.first.id, $0.second.id] }, [[a, b], [c, d]])
        XCTAssertEqual(pairs[0].reasons, [.sameBirthDate])
        XCTAssertEqual(pairs[1].reasons, [.sameBirthDate, .nearCPR])
        XCTAssertEqual(pairs[0].second.name, "Soeren Sorensen")
        XCTAssertThrowsDomainError(try s.duplicates(as: "mette")) { if case .forbidden(.supervisorsOnly(.duplicates)) = $0 { return true }; return false }

        try s.execute(.linkCitizens(citizen: a, other: b, reason: "Samme person: tjekket i CPR"), as: "karen")
        try s.execute(.dismissDuplicate(citizen: c, other: d, reason: "Tvillinger"), as: "karen")
        XCTAssertEqual(try s.duplicates(as: "karen"), [], "a linked or dismissed pair is not flagged again")

        // Linked registrations show together, each naming the other; nothing is merged.
        let row = try XCTUnwrap(try s.citizens(as: "mette").first { $0.id == a })
        XCTAssertEqual(row.linked, [LinkedRegistration(id: b, name: "Soeren Sorensen", maskedCPR: "111299-XXXX", closed: nil)])
        XCTAssertEqual(try s.citizen(b, as: "mette").linked.map(\.name), ["Søren Sørensen"])
        XCTAssertEqual(s.state.citizens.count, 5)
        let journey = try s.journey(a, as: "mette")
        XCTAssertEqual(journey.entries.last?.event.type, "CitizensLinked")
        XCTAssertEqual(journey.others[b]?.name, "Soeren Sorensen")
        XCTAssertTrue(try String(contentsOfFile: f.auditPath, encoding: .utf8).contains("CitizensListed"), "the list is a logged read")
    }

    func testAHintAtRegistrationNamesOnlyACitizenTheViewerMaySee() throws {
        // Mette's (employment) Søren; per (misuse) registers "Soren Sorensen" with the same birth date.
        let mettes = try f.citizen("111299-1444", name: "Søren Sørensen")
        let pers = try f.citizen("111299-1455", name: "Soren Sorensen", by: "per")
        let hints = try s.duplicateHints(of: pers, as: "per")
        XCTAssertEqual(hints, [DuplicateHint(other: .unseen, reasons: [])], "per may not see mette's citizen: no name, no reason, no count")
        XCTAssertEqual(try s.duplicateHints(of: pers, as: "karen"),
                       [DuplicateHint(other: .named(id: mettes, name: "Søren Sørensen", born: Day(year: 1999, month: 12, day: 11)!, closed: nil),
                                      reasons: [.sameBirthDate])], "a team leader sees every citizen")
        XCTAssertEqual(try s.duplicateHints(of: mettes, as: "mette"), [DuplicateHint(other: .unseen, reasons: [])])
        XCTAssertEqual(try s.duplicateHints(of: mettes, as: "per"), [], "no hint about a citizen the viewer may not see at all")
        // Seen: named, and the look is logged.
        let c3 = try f.citizen("111299-1466", name: "Søren Sørensen")
        let named = try s.duplicateHints(of: c3, as: "mette")
        XCTAssertEqual(named.count, 2, "mette's own Søren by name, per's as unseen")
        XCTAssertEqual(named.first?.other, .named(id: mettes, name: "Søren Sørensen", born: Day(year: 1999, month: 12, day: 11)!, closed: nil))
        XCTAssertEqual(named.last?.other, .unseen)
        let audit = try String(contentsOfFile: f.auditPath, encoding: .utf8)
        XCTAssertTrue(audit.contains("\"what\":\"duplicate\""), "a named hint is a logged look")
    }
}
