import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// `Decide` on its own, given/when/then: the events so far, a command, and the events that must
/// come of it or the refusal. No store and no disk (TestSupport's `DecideCase`).
final class DecideCaseTests: XCTestCase {
    typealias Given = DecideCase.Given
    let day = DecideCase.day
    var citizen: [Given] { DecideCase.staff + [.registered("c1")] }
    /// c1 at version 3: registered, consent (employment + social), a plan.
    var withPlan: [Given] { citizen + [.consent("c1"), .plan("c1")] }

    func testCitizensAndTheirCaseFiles() {
        let cases = [
            DecideCase("registering a citizen: trimmed name, the actor's sector, the next id", given: DecideCase.staff,
                       when: .registerCitizen(cpr: "111299-1444", name: "  Åse Ærø ", benefit: nil, responsible: nil), as: "mette",
                       then: .events([.init("c1", .citizenRegistered(cpr: "1112991444", name: "Åse Ærø", benefit: nil, responsible: "mette",
                                                                     sectors: [.employment]))])),
            DecideCase("the same CPR number twice", given: citizen,
                       when: .registerCitizen(cpr: "1112991444", name: "Åse", benefit: nil, responsible: nil), as: "mette",
                       then: .refused(.conflict, "registered already (c1)")),
            DecideCase("administrators do not register citizens", given: DecideCase.staff,
                       when: .registerCitizen(cpr: "111299-1444", name: "Åse", benefit: nil, responsible: nil), as: "admin",
                       then: .refused(.forbidden, "administrators manage users, not citizens")),
            DecideCase("another sector may not change the case: the same words as for no such citizen", given: citizen,
                       when: .changeCitizenDetails(citizen: "c1", name: "X", benefit: nil), as: "per",
                       then: .refused(.notFound, "no citizen c1 among those you may change")),
            DecideCase("no such citizen: the same words as for one not yours", given: citizen,
                       when: .changeCitizenDetails(citizen: "c9", name: "X", benefit: nil), as: "per",
                       then: .refused(.notFound, "no citizen c9 among those you may change")),
            DecideCase("a deactivated user is refused", given: citizen + [Given("user:mette", .userActiveSet(active: false), by: "admin")],
                       when: .logContact(citizen: "c1", channel: .phone, note: nil, at: nil), as: "mette",
                       then: .refused(.forbidden, "deactivated")),
            DecideCase("a contact belongs to the actor's sector", given: citizen,
                       when: .logContact(citizen: "c1", channel: .phone, note: "Ringede", at: nil), as: "mette",
                       then: .events([.init("c1", .contactLogged(channel: .phone, sector: .employment, note: "Ringede", at: nil))])),
            DecideCase("the first user must be an administrator", given: [],
                       when: .createUser(User(id: "bo", name: "Bo", sector: .health, role: .caseworker), passwordHash: "h"), as: "bo",
                       then: .refused(.invalid, "the first user must be an administrator")),
        ]
        cases.forEach { assertDecide($0) }
    }

    func testThePlanAndStaleEdits() {
        let ended = withPlan + [
            Given("c1", .effortAdded(Effort(id: "e1", goal: nil, title: "Mentor", sector: .employment, legalBasis: "LAB § 31",
                                            provider: "Jobcentret", start: day + -30, end: nil, status: .active))),
            Given("c1", .effortStatusChanged(id: "e1", status: .ended, end: day)),
        ]
        let cases = [
            DecideCase("a plan needs the citizen's consent", given: citizen,
                       when: .createPlan(citizen: "c1", overallGoal: .employment, ownWords: ""), as: "mette",
                       then: .refused(.invalid, "needs the citizen's consent")),
            DecideCase("one plan per citizen", given: withPlan,
                       when: .createPlan(citizen: "c1", overallGoal: .employment, ownWords: ""), as: "mette",
                       then: .refused(.conflict, "one plan per citizen")),
            DecideCase("an edit on the version the user saw", given: withPlan,
                       when: .addGoal(citizen: "c1", area: .job, text: "Job"), as: "mette", expectedVersion: 3,
                       then: .events([.init("c1", .goalAdded(Goal(id: "g1", area: .job, text: "Job", status: .open)))])),
            DecideCase("a stale edit is refused, whatever it is", given: withPlan,
                       when: .addGoal(citizen: "c1", area: .job, text: "Job"), as: "mette", expectedVersion: 2,
                       then: .refused(.stale, "c1 was changed by someone else since you looked (version 3, you had 2)")),
            DecideCase("an ended effort stays ended", given: ended,
                       when: .setEffortStatus(citizen: "c1", effort: "e1", status: .cancelled, end: nil), as: "mette",
                       then: .refused(.invalid, "effort e1 is ended already")),
            DecideCase("an unknown goal", given: withPlan,
                       when: .setGoalStatus(citizen: "c1", goal: "g7", status: .achieved), as: "mette",
                       then: .refused(.notFound, "no goal g7 in c1's plan")),
        ]
        cases.forEach { assertDecide($0) }
    }

    func testReferralsTemplatesAndMeetings() {
        let referred = withPlan + [Given("c1", .referralSent(Referral(id: "r1", from: .employment, to: .misuse, text: "Vurdering",
                                                                      date: day, status: .requested)))]
        let template = PlanTemplate(id: "ung", name: "Ung i job", description: "",
                                    goals: [.init(key: "job", area: .job, text: "Job")],
                                    efforts: [.init(goal: "job", title: "Mentor", sector: .employment, legalBasis: "LAB § 31",
                                                    provider: "Jobcentret", startAfterDays: 7, days: 90)],
                                    followUpDays: [30])
        var meeting = Meeting(id: "m1", type: .network, citizen: "c1", start: LocalTime(day: day, minuteOfDay: 9 * 60), minutes: 60,
                              room: "Mødelokale 1", participants: ["mette"], guests: [], status: .planned, outcome: nil)
        meeting.agenda = ["f1"]
        let met = withPlan + [Given("c1", .followUpScheduled(id: "f1", due: day, planned: nil)), Given("m1", .meetingScheduled(meeting))]
        var tomorrow = meeting
        tomorrow.id = "m2"; tomorrow.start = LocalTime(day: day + 1, minuteOfDay: 9 * 60); tomorrow.agenda = []
        let cases = [
            DecideCase("a referral is answered by the sector it went to", given: referred,
                       when: .answerReferral(citizen: "c1", referral: "r1", status: .accepted), as: "mette",
                       then: .refused(.forbidden, "only the misuse sector answers referral r1")),
            DecideCase("the receiving sector accepts", given: referred,
                       when: .answerReferral(citizen: "c1", referral: "r1", status: .accepted), as: "per",
                       then: .events([.init("c1", .referralAnswered(id: "r1", status: .accepted))])),
            DecideCase("a rejection keeps its reason, trimmed", given: referred,
                       when: .answerReferral(citizen: "c1", referral: "r1", status: .rejected, reason: " Ikke vores målgruppe "), as: "per",
                       then: .events([.init("c1", .referralAnswered(id: "r1", status: .rejected, reason: "Ikke vores målgruppe"))])),
            DecideCase("a reason is not empty when given", given: referred,
                       when: .answerReferral(citizen: "c1", referral: "r1", status: .rejected, reason: "  "), as: "per",
                       then: .refused(.invalid, "the reason is empty")),
            DecideCase("a withdrawn consent keeps its reason", given: withPlan,
                       when: .withdrawConsent(citizen: "c1", consent: "s1", reason: "Borgeren ønsker det"), as: "mette",
                       then: .events([.init("c1", .consentWithdrawn(id: "s1", date: day, reason: "Borgeren ønsker det"))])),
            DecideCase("so does a new responsible caseworker", given: withPlan,
                       when: .changeResponsible(citizen: "c1", user: "jonas", reason: "Flytter"), as: "mette",
                       then: .events([.init("c1", .responsibleChanged(user: "jonas", reason: "Flytter"))])),
            DecideCase("a template adds its goals, efforts and follow-ups, dated from today",
                       given: withPlan + [Given("template:ung", .templateDefined(template), by: "karen")],
                       when: .applyTemplate(citizen: "c1", template: "ung", start: nil), as: "mette",
                       then: .events([
                           .init("c1", .templateApplied(template: "ung", name: "Ung i job", start: day)),
                           .init("c1", .goalAdded(Goal(id: "g1", area: .job, text: "Job", status: .open))),
                           .init("c1", .effortAdded(Effort(id: "e1", goal: "g1", title: "Mentor", sector: .employment, legalBasis: "LAB § 31",
                                                           provider: "Jobcentret", start: day + 7, end: day + 97, status: .planned))),
                           .init("c1", .followUpScheduled(id: "f1", due: day + 30, planned: day, subject: "Ung i job")),
                       ])),
            DecideCase("caseworkers do not define templates", given: DecideCase.staff,
                       when: .defineTemplate(template), as: "mette",
                       then: .refused(.forbidden, "supervisors and administrators define plan templates")),
            DecideCase("a meeting held completes the follow-ups on its agenda", given: met,
                       when: .recordMeetingOutcome(meeting: "m1", status: .held, outcome: "Godt møde", completeFollowUps: .continue),
                       as: "mette",
                       then: .events([.init("m1", .meetingStatusChanged(status: .held, outcome: "Godt møde")),
                                      .init("c1", .followUpCompleted(id: "f1", done: day, result: .continue, note: "m1"))])),
            DecideCase("a meeting tomorrow cannot be held yet", given: met + [Given("m2", .meetingScheduled(tomorrow))],
                       when: .recordMeetingOutcome(meeting: "m2", status: .held, outcome: nil, completeFollowUps: nil), as: "mette",
                       then: .refused(.invalid, "meeting m2 has not begun: it can be cancelled, not held")),
            DecideCase("nor be a no-show", given: met + [Given("m2", .meetingScheduled(tomorrow))],
                       when: .recordMeetingOutcome(meeting: "m2", status: .noshow, outcome: nil, completeFollowUps: nil), as: "mette",
                       then: .refused(.invalid, "not noshow")),
            DecideCase("but it can be cancelled ahead", given: met + [Given("m2", .meetingScheduled(tomorrow))],
                       when: .recordMeetingOutcome(meeting: "m2", status: .cancelled, outcome: "Syg", completeFollowUps: nil), as: "mette",
                       then: .events([.init("m2", .meetingStatusChanged(status: .cancelled, outcome: "Syg"))])),
            DecideCase("a room is one room whatever its case and spacing", given: met,
                       when: .scheduleMeeting(type: .network, citizen: nil, start: LocalTime(day: day, minuteOfDay: 9 * 60 + 30), minutes: 30,
                                              room: "mødelokale  1", participants: ["per"], guests: [], allowConflict: false), as: "per",
                       then: .refused(.conflict, "room mødelokale  1 is booked in meeting m1")),
            DecideCase("a meeting is moved: its new time, length, room and agenda", given: met + [Given("m2", .meetingScheduled(tomorrow))],
                       when: .changeMeeting(meeting: "m2", type: .roundtable, start: LocalTime(day: day + 2, minuteOfDay: 13 * 60), minutes: 90,
                                            room: "Lille sal", agenda: [], allowConflict: false), as: "mette",
                       then: .events([.init("m2", .meetingChanged(type: .roundtable, start: LocalTime(day: day + 2, minuteOfDay: 13 * 60),
                                                                 minutes: 90, room: "Lille sal", agenda: []))])),
            DecideCase("moved onto another booking of a participant: the same conflict as booking", given: met + [Given("m2", .meetingScheduled(tomorrow))],
                       when: .changeMeeting(meeting: "m2", type: .network, start: LocalTime(day: day, minuteOfDay: 9 * 60 + 30), minutes: 60,
                                            room: nil, agenda: [], allowConflict: false), as: "mette",
                       then: .refused(.conflict, "mette is booked in meeting m1")),
            DecideCase("only those who may change it move it", given: met + [Given("m2", .meetingScheduled(tomorrow))],
                       when: .changeMeeting(meeting: "m2", type: .network, start: LocalTime(day: day, minuteOfDay: 9 * 60 + 30), minutes: 60,
                                            room: "mødelokale 1", agenda: [], allowConflict: true), as: "per",
                       then: .refused(.forbidden, "only the meeting's participants change meeting m2")),
            DecideCase("not into the past", given: met + [Given("m2", .meetingScheduled(tomorrow))],
                       when: .changeMeeting(meeting: "m2", type: .network, start: LocalTime(day: day + -1, minuteOfDay: 9 * 60), minutes: 60,
                                            room: nil, agenda: [], allowConflict: false), as: "mette",
                       then: .refused(.invalid, "cannot be moved into the past")),
            DecideCase("nor unchanged", given: met + [Given("m2", .meetingScheduled(tomorrow))],
                       when: .changeMeeting(meeting: "m2", type: .network, start: tomorrow.start, minutes: 60, room: "Mødelokale 1", agenda: [],
                                            allowConflict: false), as: "mette",
                       then: .refused(.invalid, "meeting m2 is like that already")),
            DecideCase("a decision is not dated in the future", given: withPlan,
                       when: .recordDecision(citizen: "c1", legalArea: .lab, date: day + 1, text: "Bevilget", appealDeadline: nil), as: "mette",
                       then: .refused(.invalid, "a decision cannot be dated in the future")),
            DecideCase("a meeting's participants are active users", given: citizen,
                       when: .scheduleMeeting(type: .network, citizen: "c1", start: LocalTime(day: day + 1, minuteOfDay: 600), minutes: 30,
                                              room: nil, participants: ["mette", "nobody"], guests: [], allowConflict: false),
                       as: "mette",
                       then: .refused(.notFound, "no active user nobody")),
        ]
        cases.forEach { assertDecide($0) }
    }

    /// A follow-up is planned for today or later, records the day it was planned, and is not
    /// completed before that day (an older log's follow-up: the day of its event).
    func testFollowUpsArePlannedAheadAndNotCompletedBeforeTheyWerePlanned() {
        let plannedAWeekAgo = withPlan + [Given("c1", .followUpScheduled(id: "f1", due: day + 7, planned: day + -7))]
        let oldLog = withPlan + [Given("c1", .followUpScheduled(id: "f1", due: day + 7, planned: nil))]
        let cases = [
            DecideCase("a follow-up today or later records its planning day", given: withPlan,
                       when: .scheduleFollowUp(citizen: "c1", due: day), as: "mette",
                       then: .events([.init("c1", .followUpScheduled(id: "f1", due: day, planned: day))])),
            DecideCase("not in the past", given: withPlan,
                       when: .scheduleFollowUp(citizen: "c1", due: day + -1), as: "mette",
                       then: .refused(.invalid, "a follow-up cannot be planned in the past (2026-11-22)")),
            DecideCase("completed after it was planned", given: plannedAWeekAgo,
                       when: .completeFollowUp(citizen: "c1", followUp: "f1", done: day + -7, result: .continue, note: nil), as: "mette",
                       then: .events([.init("c1", .followUpCompleted(id: "f1", done: day + -7, result: .continue, note: nil))])),
            DecideCase("not before", given: plannedAWeekAgo,
                       when: .completeFollowUp(citizen: "c1", followUp: "f1", done: day + -8, result: .continue, note: nil), as: "mette",
                       then: .refused(.invalid, "cannot be completed (2026-11-15) before it was planned (2026-11-16)")),
            DecideCase("an older log's follow-up was planned on the day of its event", given: oldLog,
                       when: .completeFollowUp(citizen: "c1", followUp: "f1", done: day + -1, result: .continue, note: nil), as: "mette",
                       then: .refused(.invalid, "before it was planned (2026-11-23)")),
        ]
        cases.forEach { assertDecide($0) }
    }
}
