import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The catalogue: the names on disk, and the columns the rest of the domain reads from it.
final class EventCatalogueTests: XCTestCase {
    /// The names as existing stores hold them. A name that changes here makes old logs unreadable.
    func testTheNamesOnDiskAreStable() {
        let onDisk = ["UserCreated", "PasswordChanged", "UserActiveSet", "LoginFailed", "LoginSucceeded", "BenefitDefined",
                      "CitizenRegistered", "CitizenDetailsChanged", "ResponsibleChanged", "ContactPersonChosen", "HouseholdLinked",
                      "ConsentGiven", "ConsentWithdrawn", "PlanCreated", "PlanGoalChanged", "GoalAdded", "GoalStatusChanged",
                      "GoalChanged", "EffortAdded", "EffortStatusChanged", "EffortChanged", "TemplateApplied", "DecisionRecorded",
                      "FollowUpScheduled", "FollowUpCompleted", "AssessmentRecorded", "ReferralSent", "ReferralAnswered",
                      "ContactLogged", "MeetingScheduled", "MeetingStatusChanged", "MeetingJoined", "TemplateDefined",
                      "TargetDefined", "TargetEnded", "OutcomeRecorded", "OwnAssessmentRecorded", "VulnerabilityRecorded",
                      "YouthTargetGroupSet", "MeetingChanged", "UserContactSet", "ReviewSampleDrawn", "PlanReviewed", "OfferDefined",
                      "OfferAttendanceReported", "UserUnlocked", "ParticipantReplaced", "CaseClosed", "CaseReopened",
                      "CitizensLinked", "DuplicateDismissed", "CPRChanged", "CitizenErased", "DecisionCorrected", "DecisionAnnulled",
                      "UnitDefined", "UserUnitSet", "UserMandateSet"]
        XCTAssertEqual(EventType.allCases.map(\.name), onDisk)
        for name in onDisk { XCTAssertEqual(EventType.named(name)?.name, name) }
        XCTAssertNil(EventType.named("goalAdded"), "names are matched exactly")
    }

    /// The journey's filter, as it was before the catalogue (a name the catalogue lacks: the case file).
    func testJourneyKinds() {
        let expected: [JourneyKind: [EventType]] = [
            .consent: [.consentGiven, .consentWithdrawn],
            .plan: [.planCreated, .planGoalChanged, .goalAdded, .goalStatusChanged, .goalChanged, .templateApplied, .planReviewed],
            .effort: [.effortAdded, .effortStatusChanged, .effortChanged],
            .decision: [.decisionRecorded, .decisionCorrected, .decisionAnnulled], .followUp: [.followUpScheduled, .followUpCompleted],
            .assessment: [.assessmentRecorded, .ownAssessmentRecorded], .outcome: [.outcomeRecorded], .referral: [.referralSent, .referralAnswered], .contact: [.contactLogged],
            .meeting: [.meetingScheduled, .meetingStatusChanged, .meetingJoined, .meetingChanged, .participantReplaced],
        ]
        for type in EventType.allCases {
            let kind = expected.first { $0.value.contains(type) }?.key ?? .caseFile
            XCTAssertEqual(JourneyKind(eventType: type.name), kind, type.name)
        }
        XCTAssertEqual(JourneyKind(eventType: "SomethingNew"), .caseFile)
    }

    /// Which sector owns an event: its own sector, the effort it names, the law's usual sector for
    /// an old decision, else whoever recorded it.
    func testTheSectorThatOwnsAnEvent() throws {
        var state = Projection()
        for g in DecideCase.staff + [.registered("c1"), .consent("c1"), .plan("c1")] {
            try state.apply(g.event, stream: g.stream, actor: g.actor, at: Fixture.now)
        }
        let effort = Effort(id: "e1", goal: nil, title: "Bostøtte", sector: .social, legalBasis: "SEL § 85", provider: "p",
                            start: EventSamples.day, end: nil, status: .active)
        try state.apply(.effortAdded(effort), stream: "c1", actor: "mette", at: Fixture.now)
        func owner(_ event: DomainEvent, by actor: String = "mette", data: Fields? = nil) -> Sector? {
            let e = RecordedEvent(seq: 1, ts: Fixture.now, actor: actor, type: event.type, stream: "c1", version: 1,
                                  data: data ?? event.fields, hash: "")
            return Access.owner(of: e, in: state)
        }
        XCTAssertEqual(owner(.effortAdded(effort)), .social, "an effort: its own sector")
        XCTAssertEqual(owner(.effortStatusChanged(id: "e1", status: .ended, end: nil)), .social, "the effort it names")
        XCTAssertEqual(owner(.effortStatusChanged(id: "e9", status: .ended, end: nil)), .employment, "no such effort: the actor's")
        XCTAssertEqual(owner(.contactLogged(channel: .phone, sector: .health, note: nil, at: nil)), .health)
        let decision = DomainEvent.decisionRecorded(Decision(id: "d1", legalArea: .sel, date: EventSamples.day, text: "t",
                                                             appealDeadline: EventSamples.day + 28, sector: .misuse))
        XCTAssertEqual(owner(decision), .misuse)
        var old = decision.fields
        old = Fields(pairs: old.pairs.filter { $0.0 != "sector" })
        XCTAssertEqual(owner(decision, data: old), .social, "a decision without its sector: the law's usual one")
        XCTAssertEqual(owner(.goalAdded(Goal(id: "g1", area: .job, text: "t", status: .open)), by: "jonas"), .social, "the actor's")
        XCTAssertNil(owner(.goalAdded(Goal(id: "g1", area: .job, text: "t", status: .open)), by: "nobody"))
    }
}

private extension Fields {
    init(pairs: [(String, FieldValue)]) {
        self.init()
        for (k, v) in pairs {
            switch v {
            case .string(let s): set(k, s)
            case .int(let i): set(k, i)
            case .bool(let b): set(k, b)
            case .strings(let a): set(k, a)
            case .ints(let a): set(k, a)
            case .objects(let a): set(k, a)
            }
        }
    }
}
