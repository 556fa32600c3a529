@_spi(Store) import EnPlanDomain

/// One sample event of every type in the catalogue, optional fields both set and left out. The
/// switch has no `default:`: a new event type does not compile until it has a sample, and the
/// round-trip and format tests, which go over `EventType.allCases`, then cover it.
public enum EventSamples {
    public static let day = Day(year: 2026, month: 11, day: 23)!

    /// Every type's sample, in the catalogue's order.
    public static var all: [DomainEvent] { EventType.allCases.map(sample) }

    public static func sample(_ type: EventType) -> DomainEvent {
        switch type {
        case .userCreated: .userCreated(User(id: "u1", name: "Ü", sector: .health, role: .supervisor), passwordHash: "$y$x")
        case .passwordChanged: .passwordChanged(passwordHash: "$y$y")
        case .userActiveSet: .userActiveSet(active: false)
        case .loginFailed: .loginFailed
        case .loginSucceeded: .loginSucceeded
        case .benefitDefined: .benefitDefined(Benefit(code: "x", danish: "Ø", english: "O", validFrom: day, validTo: day + 3))
        case .citizenRegistered: .citizenRegistered(cpr: "0101901234", name: "Å", benefit: nil, responsible: "u1", sectors: [.family, .misuse])
        case .citizenDetailsChanged: .citizenDetailsChanged(name: "B", benefit: "fleksjob")
        case .responsibleChanged: .responsibleChanged(user: "u2")
        case .contactPersonChosen: .contactPersonChosen(name: nil)
        case .householdLinked: .householdLinked(HouseholdMember(relation: .child, name: "C", citizen: "c2"))
        case .consentGiven: .consentGiven(Consent(id: "s1", sectors: [.employment, .health], given: day, withdrawn: nil))
        case .consentWithdrawn: .consentWithdrawn(id: "s1", date: day, reason: "Borgeren ønsker det")
        case .planCreated: .planCreated(overallGoal: .education, ownWords: "ord", date: day)
        case .planGoalChanged: .planGoalChanged(overallGoal: .employment, ownWords: "")
        case .goalAdded: .goalAdded(Goal(id: "g1", area: .housing, text: "t", status: .open))
        case .goalStatusChanged: .goalStatusChanged(id: "g1", status: .achieved)
        case .goalChanged: .goalChanged(id: "g1", area: .health, text: "Ny tekst")
        case .effortAdded:
            .effortAdded(Effort(id: "e1", goal: nil, title: "t", sector: .social, legalBasis: "SEL § 85", provider: "p", start: day, end: nil, status: .planned))
        case .effortStatusChanged: .effortStatusChanged(id: "e1", status: .ended, end: day)
        case .effortChanged:
            .effortChanged(id: "e1", goal: "g1", title: "Mentor", legalBasis: "LAB § 31", provider: "Jobcentret", start: day, end: day + 90)
        case .templateApplied: .templateApplied(template: "ung", name: "Ung i job", start: day)
        case .decisionRecorded: .decisionRecorded(Decision(id: "d1", legalArea: .barnetsLov, date: day, text: "t", appealDeadline: day + 28))
        case .followUpScheduled: .followUpScheduled(id: "f1", due: day, planned: day + -7)
        case .followUpCompleted: .followUpCompleted(id: "f1", done: day, result: .reassess, note: "n")
        case .assessmentRecorded: .assessmentRecorded(Assessment(domain: "Helbred", score: 9, date: day))
        case .referralSent: .referralSent(Referral(id: "r1", from: .employment, to: .misuse, text: "t", date: day, status: .requested))
        case .referralAnswered: .referralAnswered(id: "r1", status: .rejected, reason: "Ikke vores målgruppe")
        case .contactLogged: .contactLogged(channel: .digital, sector: .family, note: nil, at: Timestamp(iso: "2026-11-01T08:00:00.000Z"))
        case .meetingScheduled:
            .meetingScheduled(Meeting(id: "m1", type: .roundtable, citizen: "c1", start: LocalTime(iso: "2026-11-24T10:00")!, minutes: 60,
                                      room: "R", participants: ["u1", "u2"], guests: [Guest(kind: .partner, name: "A", organisation: "O")],
                                      status: .planned, outcome: nil))
        case .meetingStatusChanged: .meetingStatusChanged(status: .noshow, outcome: "x")
        case .meetingJoined: .meetingJoined(participants: ["u3"], guests: [Guest(kind: .relative, name: "R", organisation: nil)], agenda: ["f1"])
        case .userContactSet: .userContactSet(phone: "+45 46 31 30 00", email: "mette@kommune.dk")
        case .meetingChanged: .meetingChanged(type: .followup, start: LocalTime(iso: "2026-11-25T13:30")!, minutes: 45, room: "Lille sal", agenda: ["f1"])
        case .templateDefined:
            .templateDefined(PlanTemplate(id: "ung", name: "Ung i job", description: "d",
                                          goals: [.init(key: "job", area: .job, text: "Job")],
                                          efforts: [.init(goal: "job", title: "Mentor", sector: .employment, legalBasis: "LAB § 31",
                                                          provider: "Jobcentret", startAfterDays: 7, days: 90),
                                                    .init(goal: nil, title: "Samtale", sector: .social, legalBasis: "SEL § 11",
                                                          provider: "Rådgivningen", startAfterDays: 0, days: nil)],
                                          followUpDays: [30, 90]))
        case .targetDefined:
            .targetDefined(Target(id: "plan1000", kind: .planCoverage, name: "1.000 borgere med én plan", value: 1000,
                                  deadline: Day(year: 2027, month: 12, day: 31)!, sector: nil, defined: day))
        case .targetEnded: .targetEnded(date: day)
        case .outcomeRecorded: .outcomeRecorded(Outcome(status: .educationReady, date: day, source: "Jobnet", sector: .employment))
        case .ownAssessmentRecorded: .ownAssessmentRecorded(OwnAssessment(topic: .welfareTechnology, score: 4, words: "Appen hjælper", date: day, sector: .social))
        case .vulnerabilityRecorded: .vulnerabilityRecorded(on: true, date: day, sector: .social)
        case .youthTargetGroupSet:
            .youthTargetGroupSet(YouthTargetGroup(benefits: ["kontanthjaelp"], requireVulnerability: true, baseline: day, setOn: day))
        case .reviewSampleDrawn:
            .reviewSampleDrawn(ReviewDraw(quarter: Quarter("2026Q4")!, seed: 42, size: 2, drawn: day,
                                          population: [.init(sector: .employment, group: .youth, citizens: ["c1", "c3"]),
                                                       .init(sector: .social, group: .adult, citizens: ["c2"])],
                                          excluded: ["c4"], plans: ["c3", "c2"]))
        case .planReviewed:
            .planReviewed(Review(id: "v1", draw: "2026Q4", date: day, authority: "Karen", provider: "Kirkens Korshær", invited: true,
                                 tookPart: false, focus: .some, findings: "Mere fokus på job", actions: [ReviewAction(text: "Praktik", due: day + 28, followUp: "f2")],
                                 sector: .employment))
        case .offerDefined:
            .offerDefined(Offer(id: "o1", provider: "Kirkens Korshær", kind: .civilSociety, activity: "Madklub", place: "Algade 3", weekdays: [2, 4], defined: day))
        case .offerAttendanceReported: .offerAttendanceReported(week: IsoWeek(day), count: 14)
        case .userUnlocked: .userUnlocked
        case .participantReplaced: .participantReplaced(leaving: "mette", by: "jonas")
        case .caseClosed: .caseClosed(date: Day(year: 2025, month: 2, day: 3)!, reason: "Borgeren er i job")
        case .caseReopened: .caseReopened(date: day, reason: "Borgeren er ledig igen")
        case .citizensLinked: .citizensLinked(other: "c2", reason: "Samme fødselsdato og navn; tjekket i CPR")
        case .duplicateDismissed: .duplicateDismissed(other: "c3", reason: "To forskellige personer: tvillinger")
        case .cprChanged: .cprChanged(old: "0101901234", new: "0101901236", reason: "Nyt personnummer fra CPR")
        case .decisionCorrected:
            .decisionCorrected(id: "d1", legalArea: .lab, date: day, text: "Mentor bevilget i 6 måneder", appealDeadline: day + 28, sector: .employment,
                               reason: "Forkert periode")
        case .decisionAnnulled: .decisionAnnulled(id: "d1", date: day, sector: .employment, reason: "Truffet ved en fejl")
        case .citizenErased: .citizenErased(rule: "P1825D: 5 år efter sagens afslutning", closed: Day(year: 2020, month: 3, day: 1)!, archive: "sha256:ab12")
        case .unitDefined:
            .unitDefined(OrgUnit(id: "ung", name: "Ungeteamet", parent: "unge", targetGroups: [.youth], sectors: [.employment, .social],
                                 description: "Unge 15-29 på vej mod job og uddannelse", leaders: ["karen"], mandates: [.lab, .sel]))
        case .userUnitSet: .userUnitSet(unit: "ung", from: day, does: "Uddannelsespålæg og mentorer")
        case .userMandateSet: .userMandateSet(areas: [.sul])
        }
    }
}
