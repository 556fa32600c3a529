/// Every change in EnPlan is one of these, appended to the log as one line. Each case has its row
/// in the catalogue (`EventCatalogue.swift`): its name in the log, its decoding and encoding, the
/// sector that owns its content and its journey kind.
public enum DomainEvent: Equatable, Sendable {
    // Users (stream "user:<id>")
    case userCreated(User, passwordHash: String)
    case passwordChanged(passwordHash: String)
    case userActiveSet(active: Bool)
    /// A wrong password (5 in a row lock the user for 5 minutes, at every terminal).
    case loginFailed
    /// A login after failures: the count starts again.
    case loginSucceeded
    // The benefit code list (stream "benefits")
    case benefitDefined(Benefit)
    // A citizen (stream = the citizen's id)
    case citizenRegistered(cpr: String, name: String, benefit: String?, responsible: String, sectors: [Sector])
    case citizenDetailsChanged(name: String?, benefit: String?)
    /// `reason`: why, when a supervisor moved the citizen to another caseworker (`Command.reassign`).
    case responsibleChanged(user: String, reason: String? = nil)
    /// `chosenByCitizen`: the day the citizen chose the contact person themselves (the evaluation after a year).
    case contactPersonChosen(name: String?, chosenByCitizen: Day? = nil)
    case householdLinked(HouseholdMember)
    case consentGiven(Consent)
    /// `reason`: why (asked for since; older logs lack it).
    case consentWithdrawn(id: String, date: Day, reason: String? = nil)
    case planCreated(overallGoal: OverallGoal, ownWords: String, date: Day)
    case planGoalChanged(overallGoal: OverallGoal, ownWords: String)
    case goalAdded(Goal)
    case goalStatusChanged(id: String, status: GoalStatus)
    case effortAdded(Effort)
    case effortStatusChanged(id: String, status: EffortStatus, end: Day?)
    case decisionRecorded(Decision)
    /// `planned`: the day it was planned (older logs lack it: the event's own day then).
    case followUpScheduled(id: String, due: Day, planned: Day?, subject: String? = nil)
    case followUpCompleted(id: String, done: Day, result: FollowUpResult, note: String?)
    case assessmentRecorded(Assessment)
    case referralSent(Referral)
    /// `reason`: why (a rejection asks for one; older logs lack it).
    case referralAnswered(id: String, status: ReferralStatus, reason: String? = nil)
    /// `at`: when the contact happened, if not when it was logged.
    case contactLogged(channel: Channel, sector: Sector, note: String?, at: Timestamp?)
    // A meeting (stream = the meeting's id)
    case meetingScheduled(Meeting)
    case meetingStatusChanged(status: MeetingStatus, outcome: String?)
    /// More participants (and their agenda) added to a meeting: merging instead of a new meeting.
    case meetingJoined(participants: [String], guests: [Guest], agenda: [String])
    // The plan, edited (a citizen's stream)
    case goalChanged(id: String, area: LifeArea, text: String)
    /// An effort's details corrected (its sector and status stay; the status has its own event).
    case effortChanged(id: String, goal: String?, title: String, legalBasis: String, provider: String, start: Day, end: Day?)
    /// A template was applied: its goals, efforts and follow-ups follow as events of their own.
    case templateApplied(template: String, name: String, start: Day)
    // Plan templates (stream "template:<id>")
    case templateDefined(PlanTemplate)
    // Targets (stream "target:<id>")
    case targetDefined(Target)
    case targetEnded(date: Day)
    // Outcomes and the citizen's own assessment (a citizen's stream)
    case outcomeRecorded(Outcome)
    case ownAssessmentRecorded(OwnAssessment)
    /// A vulnerability flag set (or cleared) on the citizen, for the youth target group.
    case vulnerabilityRecorded(on: Bool, date: Day, sector: Sector)
    // The youth measure's target group (stream "targetgroup:youth")
    case youthTargetGroupSet(YouthTargetGroup)
    // A meeting moved or edited (stream = the meeting's id): its new type, time, length, room and agenda.
    case meetingChanged(type: MeetingType, start: LocalTime, minutes: Int, room: String?, agenda: [String])
    // A user's contact details (stream "user:<id>"): nil clears one.
    case userContactSet(phone: String?, email: String?)
    // The quarterly review: a draw (stream "review:QUARTER"); a plan's review (the citizen's stream)
    case reviewSampleDrawn(ReviewDraw)
    case planReviewed(Review)
    // The offers register (stream "offer:ID")
    case offerDefined(Offer)
    /// The count a provider reported for a week (no names); a later report for the week replaces it.
    case offerAttendanceReported(week: IsoWeek, count: Int)
    /// An administrator lifted a lockout (five wrong passwords): the count starts again (stream "user:<id>").
    case userUnlocked
    /// A participant of a planned meeting replaced (a leaver's successor), or taken off (`by` nil).
    case participantReplaced(leaving: String, by: String?)
    // A case's whole life (a citizen's stream)
    /// The case closed on `date` (today or before: a case may have ended before EnPlan or elsewhere).
    case caseClosed(date: Day, reason: String)
    /// A closed case opened again, on `date` (the day it was reopened).
    case caseReopened(date: Day, reason: String)
    /// A team leader linked this registration and `other` as one person (written on both streams).
    case citizensLinked(other: String, reason: String)
    /// A team leader found this registration and `other` to be two people: the pair is not flagged
    /// again (written on both streams).
    case duplicateDismissed(other: String, reason: String)
    /// The citizen's CPR number changed (ten digits each); the old one stays in the history
    /// (`Citizen.formerCPRs`) and still finds the citizen.
    case cprChanged(old: String, new: String, reason: String)
    /// The citizen's personal data was erased after the retention period (`Command.eraseCitizen`):
    /// what stays is this record and a nameless closed case (`Citizen.isErased`).
    case citizenErased(rule: String, closed: Day, archive: String)
    /// A decision corrected, whole as it now reads (with the deciding sector, as recorded), and why.
    case decisionCorrected(id: String, legalArea: LegalArea, date: Day, text: String, appealDeadline: Day, sector: Sector, reason: String)
    /// A decision annulled on `date`, and why.
    case decisionAnnulled(id: String, date: Day, sector: Sector, reason: String)
    // The organisation (issue 27)
    /// A unit defined, or its definition changed (stream "unit:<id>"): the whole unit each time.
    case unitDefined(OrgUnit)
    /// A person placed in a unit from a day (stream "user:<id>"), with what they do there.
    case userUnitSet(unit: String, from: Day, does: String?)
    /// A person's own mandates (the legal areas they may decide under beside their unit's; stream "user:<id>").
    case userMandateSet(areas: [LegalArea])

    /// The type's name as written in the log.
    public var type: String { eventType.rawValue }

    public struct UnknownType: Error, CustomStringConvertible {
        public let type: String
        public var description: String { "unknown event type \"\(type)\"" }
    }

    /// Reads an event back from its log name and payload, through the catalogue's row for the name.
    public init(type: String, fields: Fields) throws {
        guard let found = EventType.withRow(named: type) else { throw UnknownType(type: type) }
        self = try found.row.decode(fields)
    }
}
