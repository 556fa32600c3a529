import Foundation
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The unified plan (#4): editing, templates, consent filtering, stale saves and the journey.
final class PlanTests: XCTestCase {
    // MARK: editing goals and efforts

    func testGoalsAndEffortsCanBeEditedAndTheEditIsAnEvent() throws {
        let f = try Fixture()
        let c = try f.citizenWithPlan()
        try f.service.execute(.addGoal(citizen: c, area: .education, text: "Tømrer"), as: "mette")
        try f.service.execute(.changeGoal(citizen: c, goal: "g1", area: .job, text: "Tømrerlærling"), as: "mette")
        try f.service.execute(.addEffort(citizen: c, goal: "g1", title: "Praktik", sector: .employment, legalBasis: "LAB § 42",
                                         provider: "Byg ApS", start: f.today, end: nil), as: "mette")
        try f.service.execute(.changeEffort(citizen: c, effort: "e1", goal: nil, title: "Virksomhedspraktik", legalBasis: "LAB § 42",
                                            provider: "Byg ApS", start: f.today, end: f.today + 30), as: "mette")
        let plan = try XCTUnwrap(f.store.projection.citizens[c]?.plan)
        XCTAssertEqual(plan.goals[0].area, .job)
        XCTAssertEqual(plan.goals[0].text, "Tømrerlærling")
        XCTAssertEqual(plan.efforts[0].title, "Virksomhedspraktik")
        XCTAssertEqual(plan.efforts[0].end, f.today + 30)
        XCTAssertNil(plan.efforts[0].goal)
        XCTAssertEqual(try f.eventLines().suffix(1).first?.contains(#""type":"EffortChanged""#), true)

        // Nothing changed: refused, nothing written.
        let lines = try f.eventLines().count
        XCTAssertThrowsDomainError(try f.service.execute(.changeGoal(citizen: c, goal: "g1", area: .job, text: "Tømrerlærling"), as: "mette")) {
            if case .invalid = $0 { return true } else { return false }
        }
        // An end before the start, an unknown goal: refused at the domain.
        XCTAssertThrowsDomainError(try f.service.execute(.changeEffort(citizen: c, effort: "e1", goal: nil, title: "x", legalBasis: "x",
                                                                       provider: "x", start: f.today, end: f.today + -1), as: "mette")) {
            if case .invalid = $0 { return true } else { return false }
        }
        XCTAssertThrowsDomainError(try f.service.execute(.changeEffort(citizen: c, effort: "e1", goal: "g9", title: "x", legalBasis: "x",
                                                                       provider: "x", start: f.today, end: nil), as: "mette")) {
            if case .notFound = $0 { return true } else { return false }
        }
        // An ended effort is history: it cannot be changed.
        try f.service.execute(.setEffortStatus(citizen: c, effort: "e1", status: .ended, end: nil), as: "mette")
        XCTAssertThrowsDomainError(try f.service.execute(.changeEffort(citizen: c, effort: "e1", goal: nil, title: "Ny", legalBasis: "x",
                                                                       provider: "x", start: f.today, end: nil), as: "mette")) {
            if case .invalid = $0 { return true } else { return false }
        }
        XCTAssertEqual(try f.eventLines().count, lines + 1, "only the status change was written")
    }

    /// A decision is corrected (whole, with why) or annulled (with why) by its own sector; an
    /// annulled one runs no appeal deadline and takes no more changes.
    func testADecisionIsCorrectedOrAnnulledWithAReason() throws {
        let f = try Fixture()
        let s = f.service
        let c = try f.citizenWithPlan()
        try s.execute(.recordDecision(citizen: c, legalArea: .lab, date: f.today, text: "Mentor bevilget", appealDeadline: nil), as: "mette")
        XCTAssertThrowsDomainError(try s.execute(.correctDecision(citizen: c, decision: "d1", legalArea: .lab, date: f.today, text: "Mentor bevilget",
                                                                  appealDeadline: nil, reason: "Ingen"), as: "mette")) {
            if case .invalid(.unchanged(.decision, "d1")) = $0 { return true }; return false
        }
        XCTAssertThrowsDomainError(try s.execute(.correctDecision(citizen: c, decision: "d1", legalArea: .lab, date: f.today, text: "Mentor i 6 måneder",
                                                                  appealDeadline: nil, reason: " "), as: "mette")) {
            if case .invalid(.emptyText(.reason)) = $0 { return true }; return false
        }
        try s.execute(.correctDecision(citizen: c, decision: "d1", legalArea: .lab, date: f.today, text: "Mentor bevilget i 6 måneder",
                                       appealDeadline: f.today + 40, reason: "Perioden manglede"), as: "mette")
        var d = try XCTUnwrap(f.store.projection.citizens[c]?.plan?.decisions.first)
        XCTAssertEqual([d.text, d.appealDeadline.iso], ["Mentor bevilget i 6 måneder", (f.today + 40).iso])
        XCTAssertEqual(d.corrected, f.today)
        XCTAssertTrue(d.appealRuns(on: f.today))
        // Another sector's caseworker may not touch it.
        XCTAssertThrowsError(try s.execute(.annulDecision(citizen: c, decision: "d1", reason: "Fejl"), as: "jonas"))
        try s.execute(.annulDecision(citizen: c, decision: "d1", reason: "Truffet ved en fejl"), as: "mette")
        d = try XCTUnwrap(f.store.projection.citizens[c]?.plan?.decisions.first)
        XCTAssertEqual(d.annulled, f.today)
        XCTAssertEqual(d.annulReason, "Truffet ved en fejl")
        XCTAssertFalse(d.appealRuns(on: f.today), "an annulled decision runs no appeal deadline")
        XCTAssertThrowsDomainError(try s.execute(.annulDecision(citizen: c, decision: "d1", reason: "Igen"), as: "mette")) {
            if case .invalid(.decisionAnnulled(decision: "d1", on: f.today)) = $0 { return true }; return false
        }
        // Both are in the case's history, and a replay gives the same decision.
        let types = try s.store.events(of: [c]).map(\.type)
        XCTAssertEqual(Array(types.suffix(2)), ["DecisionCorrected", "DecisionAnnulled"])
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertEqual(reopened.projection.citizens[c]?.plan?.decisions, f.store.projection.citizens[c]?.plan?.decisions)
    }

    /// The journey orders by when things happened: a decision of ten days ago, typed today after
    /// today's contact, stands before it.
    func testTheJourneyOrdersByTheDayThingsHappened() throws {
        let f = try Fixture()
        let s = f.service
        let c = try f.citizenWithPlan()
        try s.execute(.logContact(citizen: c, channel: .phone, note: "I dag", at: nil), as: "mette")
        try s.execute(.recordDecision(citizen: c, legalArea: .lab, date: f.today + -10, text: "Mentor bevilget", appealDeadline: nil), as: "mette")
        let types = try s.journey(c, as: "mette").entries.map(\.event.type)
        let decision = try XCTUnwrap(types.firstIndex(of: "DecisionRecorded")), contact = try XCTUnwrap(types.firstIndex(of: "ContactLogged"))
        XCTAssertLessThan(decision, contact, "\(types)")
    }

    func testAnEffortWhoseContentIsHiddenCannotBeEdited() throws {
        let f = try Fixture()
        let c = try f.citizenWithPlan()   // consent covers employment and social, not misuse
        try f.service.execute(.addEffort(citizen: c, goal: nil, title: "Stofbehandling", sector: .misuse, legalBasis: "SEL § 101",
                                         provider: "Misbrugscentret", start: f.today, end: nil), as: "mette")
        // jonas (social) works on the citizen through a referral he accepted.
        try f.service.execute(.sendReferral(citizen: c, to: .social, text: "Bostøtte?"), as: "mette")
        try f.service.execute(.answerReferral(citizen: c, referral: "r1", status: .accepted), as: "jonas")
        XCTAssertThrowsDomainError(try f.service.execute(.changeEffort(citizen: c, effort: "e1", goal: nil, title: "Noget andet",
                                                                       legalBasis: "x", provider: "x", start: f.today, end: nil), as: "jonas")) {
            if case .forbidden = $0 { return true } else { return false }
        }
        XCTAssertThrowsDomainError(try f.service.execute(.setEffortStatus(citizen: c, effort: "e1", status: .cancelled, end: nil), as: "jonas")) {
            if case .forbidden = $0 { return true } else { return false }
        }
        // The referral's answer is read by the sector that sent it (mette's), whatever the consent.
        let answer = try XCTUnwrap(try f.service.journey(c, as: "mette").entries.first { $0.event.type == "ReferralAnswered" })
        XCTAssertFalse(answer.seen.hidden)
    }

    func testEndingAndCancellingAnEffortAreDatedSensibly() throws {
        let f = try Fixture()
        let c = try f.citizenWithPlan()
        try f.service.execute(.addEffort(citizen: c, goal: nil, title: "Praktik", sector: .employment, legalBasis: "LAB § 42", provider: "Byg",
                                         start: f.today + -20, end: f.today + 40), as: "mette")
        try f.service.execute(.addEffort(citizen: c, goal: nil, title: "Senere", sector: .employment, legalBasis: "LAB § 31", provider: "JC",
                                         start: f.today + 10, end: nil), as: "mette")
        XCTAssertThrowsDomainError(try f.service.execute(.setEffortStatus(citizen: c, effort: "e1", status: .ended, end: f.today + 40), as: "mette")) {
            if case .invalid(.inFuture(.effortEnd(f.today + 40))) = $0 { return true } else { return false }
        }
        try f.service.execute(.setEffortStatus(citizen: c, effort: "e1", status: .ended, end: nil), as: "mette")
        try f.service.execute(.setEffortStatus(citizen: c, effort: "e2", status: .cancelled, end: nil), as: "mette")
        let efforts = try XCTUnwrap(f.store.projection.citizens[c]?.plan?.efforts)
        XCTAssertEqual(efforts[0].end, f.today, "ended today")
        XCTAssertEqual(efforts[1].end, f.today + 10, "cancelled before it began: on its start day")
    }

    // MARK: templates

    func testATemplateIsDataAndApplyingItIsOneAction() throws {
        let f = try Fixture()
        let c = try f.citizenWithPlan()
        try f.service.execute(.defineTemplate(DemoTemplates.all[1]), as: "karen")
        XCTAssertEqual(f.service.templates().map(\.id), ["misbrug-job"])

        let before = try f.eventLines().count
        let start = f.today + 7
        let events = try f.service.execute(.applyTemplate(citizen: c, template: "misbrug-job", start: start, confirmedSharing: true), as: "mette")
        // One write: the marker, two goals, three efforts, four follow-ups, in the citizen's stream.
        XCTAssertEqual(events.count, 1 + 2 + 3 + 4)
        XCTAssertEqual(Set(events.map(\.stream)), [c])
        XCTAssertEqual(events.map(\.version), Array((events[0].version)...(events[0].version + 9)))
        XCTAssertEqual(try f.eventLines().count, before + 10)
        let plan = try XCTUnwrap(f.store.projection.citizens[c]?.plan)
        XCTAssertEqual(plan.goals.map(\.area), [.health, .job])
        XCTAssertEqual(plan.efforts.map(\.start), [start, start + 28, start + 28])
        XCTAssertEqual(plan.efforts.map(\.end), [start + 182, start + 28 + 91, start + 28 + 182])
        XCTAssertEqual(plan.efforts.map(\.goal), ["g1", "g2", "g2"], "efforts hang under the goals the template made")
        XCTAssertEqual(plan.efforts.map(\.status), [.planned, .planned, .planned], "all start after today")
        XCTAssertEqual(plan.followUps.map(\.due), [14, 42, 91, 182].map { start + $0 })

        // Applied again, the ids go on from what is there.
        try f.service.execute(.applyTemplate(citizen: c, template: "misbrug-job", start: nil, confirmedSharing: true), as: "mette")
        let again = try XCTUnwrap(f.store.projection.citizens[c]?.plan)
        XCTAssertEqual(again.goals.map(\.id), ["g1", "g2", "g3", "g4"])
        XCTAssertEqual(again.efforts.last?.goal, "g4")
        XCTAssertEqual(again.efforts[3].status, .active, "started today")
    }

    func testTemplatesAreCheckedAndOnlySupervisorsDefineThem() throws {
        let f = try Fixture()
        var t = DemoTemplates.all[0]
        XCTAssertThrowsDomainError(try f.service.execute(.defineTemplate(t), as: "mette")) {
            if case .forbidden = $0 { return true } else { return false }
        }
        t.efforts[0].goal = "nowhere"
        XCTAssertThrowsDomainError(try f.service.execute(.defineTemplate(t), as: "karen")) {
            if case .invalid(.templateUnknownGoal(_, 1, "nowhere")) = $0 { return true } else { return false }
        }
        t = DemoTemplates.all[0]; t.followUpDays = [-3]
        XCTAssertThrowsDomainError(try f.service.execute(.defineTemplate(t), as: "karen")) {
            if case .invalid = $0 { return true } else { return false }
        }
        t = DemoTemplates.all[0]; t.id = "Bad Id"
        XCTAssertThrowsDomainError(try f.service.execute(.defineTemplate(t), as: "admin")) {
            if case .invalid = $0 { return true } else { return false }
        }
        XCTAssertTrue(f.service.templates().isEmpty)
        XCTAssertThrowsDomainError(try f.service.execute(.applyTemplate(citizen: try f.citizenWithPlan(), template: "ung-uddannelse", start: nil), as: "mette")) {
            if case .notFound = $0 { return true } else { return false }
        }
        // A template survives the round trip through the log and the snapshot.
        try f.service.execute(.defineTemplate(DemoTemplates.all[2]), as: "admin")
        try f.store.writeSnapshot()
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertTrue(reopened.usedSnapshot)
        XCTAssertEqual(reopened.projection.templates["familie-boern"], DemoTemplates.all[2])
        let replayed = try Store(directory: f.dir, clock: FixedClock(Fixture.now), options: { var o = Store.Options(); o.useSnapshot = false; return o }())
        XCTAssertEqual(replayed.projection.templates["familie-boern"], DemoTemplates.all[2])
    }

    // MARK: consent

    func testConsentHidesOtherSectorsDecisionsAndReferralsButNotThatTheyExist() throws {
        let f = try Fixture()
        let c = try f.citizenWithPlan()   // employment + social
        try f.service.execute(.sendReferral(citizen: c, to: .misuse, text: "Behandling for hash", confirmedSharing: true), as: "mette")
        try f.service.execute(.answerReferral(citizen: c, referral: "r1", status: .accepted), as: "per")
        try f.service.execute(.recordDecision(citizen: c, legalArea: .sel, date: f.today, text: "Bevilget stofbehandling § 101", appealDeadline: nil), as: "per")
        try f.service.execute(.recordDecision(citizen: c, legalArea: .lab, date: f.today, text: "Praktik bevilget", appealDeadline: nil), as: "mette")

        // per (misuse) is outside the consent: he sees his own decision and the referral to him, not mette's decision.
        let perSees = try f.service.citizen(c, as: "per")
        XCTAssertEqual(perSees.hidden, ["d2"])
        XCTAssertEqual(perSees.citizen.plan?.decisions[1].text, "")
        XCTAssertEqual(perSees.citizen.plan?.decisions[1].sector, .employment, "the sector still shows")
        XCTAssertEqual(perSees.citizen.plan?.decisions[0].text, "Bevilget stofbehandling § 101")
        XCTAssertEqual(perSees.citizen.plan?.referrals[0].text, "Behandling for hash", "a referral is read by the sector it went to")

        // The journey hides the same content from him.
        let perJourney = try f.service.journey(c, as: "per")
        let decision = try XCTUnwrap(perJourney.entries.first { $0.event.type == "DecisionRecorded" && $0.seen.sector == .employment })
        XCTAssertTrue(decision.seen.hidden)
        XCTAssertNil(try decision.event.data.optionalString("text"))

        // mette (employment) sent the referral; per's decision is misuse content she does not see.
        let metteSees = try f.service.citizen(c, as: "mette")
        XCTAssertEqual(metteSees.hidden, ["d1"])
        XCTAssertEqual(metteSees.citizen.plan?.decisions.count, 2)

        // The consent widened to misuse: she sees it, from that day.
        try f.service.execute(.giveConsent(citizen: c, sectors: [.employment, .misuse], given: nil), as: "mette")
        XCTAssertEqual(try f.service.citizen(c, as: "mette").hidden, [])
    }

    // MARK: stale saves

    func testAStaleSaveIsRefusedAndTheChangesSinceAreShown() throws {
        let f = try Fixture()
        let c = try f.citizenWithPlan()
        let seen = try XCTUnwrap(f.store.projection.citizens[c]?.version)
        // Another terminal adds a goal after this one opened its form.
        let other = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        try CaseService(store: other, terminal: "tty2").execute(.addGoal(citizen: c, area: .housing, text: "Egen bolig"), as: "mette")

        let lines = try f.eventLines().count
        XCTAssertThrowsDomainError(try f.service.execute(.addGoal(citizen: c, area: .job, text: "Job"), as: "mette", expectedVersion: seen)) {
            if case .stale(c, seen, seen + 1) = $0 { return true } else { return false }
        }
        XCTAssertEqual(try f.eventLines().count, lines, "nothing written")
        let changes = try f.service.changes(to: c, since: seen, as: "mette")
        XCTAssertEqual(changes.map(\.event.type), ["GoalAdded"])
        XCTAssertEqual(try changes.first?.event.data.string("text"), "Egen bolig")
        // Applied again on the new version, both edits are there.
        try f.service.execute(.addGoal(citizen: c, area: .job, text: "Job"), as: "mette", expectedVersion: seen + 1)
        XCTAssertEqual(f.store.projection.citizens[c]?.plan?.goals.map(\.text), ["Egen bolig", "Job"])
    }

    // MARK: the journey

    func testJourneyFiguresCountTheLast90DaysAnd12Months() throws {
        let f = try Fixture()
        let c = try f.citizenWithPlan()
        let now = Fixture.now
        func daysAgo(_ d: Int) -> Timestamp { Timestamp(millis: now.millis - Int64(d) * 86_400_000) }
        try f.service.execute(.logContact(citizen: c, channel: .phone, note: nil, at: daysAgo(10)), as: "mette")
        try f.service.execute(.logContact(citizen: c, channel: .meeting, note: nil, at: daysAgo(100)), as: "mette")
        try f.service.execute(.logContact(citizen: c, channel: .letter, note: nil, at: daysAgo(400)), as: "mette")
        try f.service.execute(.sendReferral(citizen: c, to: .social, text: "Bostøtte"), as: "mette")
        try f.service.execute(.answerReferral(citizen: c, referral: "r1", status: .accepted), as: "jonas")
        try f.service.execute(.logContact(citizen: c, channel: .phone, note: "Ringede", at: daysAgo(2)), as: "jonas")
        let past = LocalTime(day: f.today + -20, minuteOfDay: 10 * 60)
        // Booked before they were held (a new meeting is never in the past).
        try f.service.execute(.scheduleMeeting(type: .network, citizen: c, start: past, minutes: 60, room: nil, participants: ["mette", "per"],
                                               guests: [], allowConflict: false), as: "mette", on: f.today + -40)
        try f.service.execute(.scheduleMeeting(type: .network, citizen: c, start: LocalTime(day: f.today + -30, minuteOfDay: 600), minutes: 60,
                                               room: nil, participants: ["mette"], guests: [], allowConflict: false), as: "mette", on: f.today + -40)
        try f.service.execute(.setMeetingStatus(meeting: "m2", status: .cancelled, outcome: nil), as: "mette")
        // The plan started today; the first effort starts in 5 days (waiting 0 days so far).
        try f.service.execute(.addEffort(citizen: c, goal: nil, title: "Praktik", sector: .employment, legalBasis: "LAB § 42", provider: "Byg",
                                         start: f.today + 5, end: nil), as: "mette")

        let j = try f.service.journey(c, as: "mette")
        XCTAssertEqual(j.figures.contacts, Journey.Window(days90: 2, months12: 3))
        XCTAssertEqual(j.figures.meetings, Journey.Window(days90: 1, months12: 1), "the cancelled meeting does not count")
        // mette, jonas and per (a meeting participant): three caseworkers; karen the supervisor is not one.
        XCTAssertEqual(j.figures.caseworkers, Journey.Window(days90: 3, months12: 3))
        XCTAssertEqual(j.figures.planToFirstEffort, Journey.Lead(from: f.today, started: nil, days: 0))
        XCTAssertEqual(j.figures.referrals.map(\.to), [.social])
        XCTAssertNil(j.figures.referrals[0].lead.started)

        // Entries in time order, the backdated contact where it happened; filterable.
        XCTAssertEqual(j.entries.map(\.at), j.entries.map(\.at).sorted())
        XCTAssertEqual(j.entries.first?.event.type, "ContactLogged", "400 days ago comes first")
        XCTAssertEqual(j.filtered(sector: .social, kind: nil).map(\.event.type), ["ContactLogged", "ReferralAnswered"], "the call was 2 days ago")
        XCTAssertEqual(j.filtered(sector: nil, kind: .meeting).count, 3)
        XCTAssertEqual(j.filtered(sector: nil, kind: .referral).count, 2)
    }

    func testLeadTimesFromPlanAndReferralToTheFirstEffortThatStarted() throws {
        // The plan is made 40 days ago (the clock moves), efforts start later.
        let clock = TestClock(Timestamp(millis: Fixture.now.millis - 40 * 86_400_000))
        let f = try Fixture(clock: clock)
        let c = try f.citizenWithPlan()
        try f.service.execute(.sendReferral(citizen: c, to: .social, text: "Bostøtte"), as: "mette")
        clock.time = Fixture.now
        try f.service.execute(.addEffort(citizen: c, goal: nil, title: "Praktik", sector: .employment, legalBasis: "LAB § 42", provider: "Byg",
                                         start: f.today + -28, end: nil), as: "mette")
        try f.service.execute(.addEffort(citizen: c, goal: nil, title: "Bostøtte", sector: .social, legalBasis: "SEL § 85", provider: "Bostøtten",
                                         start: f.today + -10, end: nil), as: "mette")
        try f.service.execute(.addEffort(citizen: c, goal: nil, title: "Senere", sector: .employment, legalBasis: "LAB § 31", provider: "JC",
                                         start: f.today + 10, end: nil), as: "mette")
        let j = try f.service.journey(c, as: "mette")
        XCTAssertEqual(j.figures.planToFirstEffort, Journey.Lead(from: f.today + -40, started: f.today + -28, days: 12))
        XCTAssertEqual(j.figures.referrals.first?.lead, Journey.Lead(from: f.today + -40, started: f.today + -10, days: 30))

        // An effort already running when a referral is made was not brought about by it: the
        // referral waits for an effort of its own ("no effort yet", not "0 days"); the plan's lead
        // still counts help that was under way.
        try f.service.execute(.sendReferral(citizen: c, to: .social, text: "Mere bostøtte"), as: "mette")
        let again = try f.service.journey(c, as: "mette")
        XCTAssertEqual(again.figures.referrals.last?.lead, Journey.Lead(from: f.today, started: nil, days: 0))
    }

    // MARK: the line index

    func testTheLineIndexReadsAStreamAndSurvivesTheSnapshot() throws {
        let f = try Fixture()
        let a = try f.citizenWithPlan("111299-1444"), b = try f.citizenWithPlan("020304-4321")
        for i in 0..<5 { try f.service.execute(.addGoal(citizen: i % 2 == 0 ? a : b, area: .job, text: "Mål \(i)"), as: "mette") }
        let direct = try f.store.events(of: [a])
        XCTAssertEqual(direct.map(\.version), Array(1...direct.count))
        XCTAssertEqual(direct.count, f.store.projection.citizens[a]?.version)
        var scanned: [Int] = []
        try f.store.scan { if $0.stream == a { scanned.append($0.seq) }; return true }
        XCTAssertEqual(direct.map(\.seq), scanned)

        try f.store.writeSnapshot()
        try f.service.execute(.addGoal(citizen: a, area: .job, text: "Efter snapshot"), as: "mette")
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertTrue(reopened.usedSnapshot)
        XCTAssertEqual(try reopened.events(of: [a]).map(\.seq), direct.map(\.seq) + [f.store.lastSeq])
    }
}

