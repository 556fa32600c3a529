/// The event catalogue: every event type, declared once.
///
/// Invariants:
/// - An `EventType`'s raw value is its name as written in a log line's "type" field. The names are
///   part of the file format: never rename one, add a new type instead (`EventCatalogueTests`
///   holds the list as it is on disk).
/// - Decoding goes by that name only, through `EventType.named`: there is no second, positional
///   tag that could fall out of step with the names.
/// - Each type has one row (`EventType.row`): how it is decoded, the sector that owns its content
///   (consent, `Access`), and its journey kind. `DomainEvent.eventType` and `.fields` are the
///   matching switches over the payload. Every switch here is exhaustive, without `default:`, so
///   a new type does not compile until each place that must handle it does.
public enum EventType: String, CaseIterable, Sendable {
    // Users (stream "user:<id>")
    case userCreated = "UserCreated"
    case passwordChanged = "PasswordChanged"
    case userActiveSet = "UserActiveSet"
    case loginFailed = "LoginFailed"
    case loginSucceeded = "LoginSucceeded"
    // The benefit code list (stream "benefits")
    case benefitDefined = "BenefitDefined"
    // A citizen (stream = the citizen's id)
    case citizenRegistered = "CitizenRegistered"
    case citizenDetailsChanged = "CitizenDetailsChanged"
    case responsibleChanged = "ResponsibleChanged"
    case contactPersonChosen = "ContactPersonChosen"
    case householdLinked = "HouseholdLinked"
    case consentGiven = "ConsentGiven"
    case consentWithdrawn = "ConsentWithdrawn"
    case planCreated = "PlanCreated"
    case planGoalChanged = "PlanGoalChanged"
    case goalAdded = "GoalAdded"
    case goalStatusChanged = "GoalStatusChanged"
    case goalChanged = "GoalChanged"
    case effortAdded = "EffortAdded"
    case effortStatusChanged = "EffortStatusChanged"
    case effortChanged = "EffortChanged"
    case templateApplied = "TemplateApplied"
    case decisionRecorded = "DecisionRecorded"
    case followUpScheduled = "FollowUpScheduled"
    case followUpCompleted = "FollowUpCompleted"
    case assessmentRecorded = "AssessmentRecorded"
    case referralSent = "ReferralSent"
    case referralAnswered = "ReferralAnswered"
    case contactLogged = "ContactLogged"
    // A meeting (stream = the meeting's id)
    case meetingScheduled = "MeetingScheduled"
    case meetingStatusChanged = "MeetingStatusChanged"
    case meetingJoined = "MeetingJoined"
    // Plan templates (stream "template:<id>")
    case templateDefined = "TemplateDefined"
    // Targets (stream "target:<id>")
    case targetDefined = "TargetDefined"
    case targetEnded = "TargetEnded"
    // Outcomes and the citizen's own assessment (a citizen's stream)
    case outcomeRecorded = "OutcomeRecorded"
    case ownAssessmentRecorded = "OwnAssessmentRecorded"
    case vulnerabilityRecorded = "VulnerabilityRecorded"
    // The youth measure's target group (stream "targetgroup:youth")
    case youthTargetGroupSet = "YouthTargetGroupSet"
    case meetingChanged = "MeetingChanged"
    case userContactSet = "UserContactSet"
    // The quarterly review (stream "review:QUARTER"; PlanReviewed in the citizen's stream)
    case reviewSampleDrawn = "ReviewSampleDrawn"
    case planReviewed = "PlanReviewed"
    // The offers register (stream "offer:ID")
    case offerDefined = "OfferDefined"
    case offerAttendanceReported = "OfferAttendanceReported"
    case userUnlocked = "UserUnlocked"
    case participantReplaced = "ParticipantReplaced"
    // A case's whole life (a citizen's stream)
    case caseClosed = "CaseClosed"
    case caseReopened = "CaseReopened"
    case citizensLinked = "CitizensLinked"
    case duplicateDismissed = "DuplicateDismissed"
    case cprChanged = "CPRChanged"
    case citizenErased = "CitizenErased"
    case decisionCorrected = "DecisionCorrected"
    case decisionAnnulled = "DecisionAnnulled"
    // The organisation (stream "unit:ID"; a person's place and mandate in "user:ID")
    case unitDefined = "UnitDefined"
    case userUnitSet = "UserUnitSet"
    case userMandateSet = "UserMandateSet"

    /// The log's name for the type.
    public var name: String { rawValue }

    /// The type of a name read from the log, by one dictionary lookup: `init(rawValue:)` compares
    /// the name with every case in turn, and Swift's comparison of unequal strings is slow — on
    /// every line of the replay.
    public static func named(_ name: String) -> EventType? { byName[name]?.type }

    /// The type of a name and its row, by the same one lookup (the replay decodes every line through it).
    static func withRow(named name: String) -> (type: EventType, row: EventRow)? { byName[name] }

    /// Each type with its row, made once.
    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, (type: $0, row: $0.makeRow())) })

    /// This type's row of the catalogue.
    public var row: EventRow { EventType.byName[rawValue]!.row }

    // MARK: the catalogue

    private func makeRow() -> EventRow {
        switch self {
        case .userCreated: EventRow(.actor, .caseFile) { .userCreated(try User(fields: $0), passwordHash: try $0.string("passwordHash")) }
        case .passwordChanged: EventRow(.actor, .caseFile) { .passwordChanged(passwordHash: try $0.string("passwordHash")) }
        case .userActiveSet: EventRow(.actor, .caseFile) { .userActiveSet(active: try $0.bool("active")) }
        case .loginFailed: EventRow(.actor, .caseFile) { _ in .loginFailed }
        case .loginSucceeded: EventRow(.actor, .caseFile) { _ in .loginSucceeded }
        case .benefitDefined: EventRow(.actor, .caseFile) { .benefitDefined(try Benefit(fields: $0)) }
        case .citizenRegistered:
            EventRow(.actor, .caseFile) { f in
                .citizenRegistered(cpr: try f.string("cpr"), name: try f.string("name"), benefit: try f.optionalString("benefit"),
                                   responsible: try f.string("responsible"), sectors: try f.values("sectors"))
            }
        case .citizenDetailsChanged:
            EventRow(.actor, .caseFile) { .citizenDetailsChanged(name: try $0.optionalString("name"), benefit: try $0.optionalString("benefit")) }
        case .responsibleChanged: EventRow(.shared, .caseFile) { .responsibleChanged(user: try $0.string("user"), reason: try $0.optionalString("reason")) }
        case .contactPersonChosen:
            EventRow(.shared, .caseFile) { .contactPersonChosen(name: try $0.optionalString("name"), chosenByCitizen: try $0.optionalDay("chosenByCitizen")) }
        case .householdLinked: EventRow(.actor, .caseFile) { .householdLinked(try HouseholdMember(fields: $0)) }
        case .consentGiven: EventRow(.shared, .consent) { .consentGiven(try Consent(fields: $0)) }
        case .consentWithdrawn: EventRow(.shared, .consent) { .consentWithdrawn(id: try $0.string("id"), date: try $0.day("date"), reason: try $0.optionalString("reason")) }
        case .planCreated:
            EventRow(.actor, .plan) { .planCreated(overallGoal: try $0.value("overallGoal"), ownWords: try $0.string("ownWords"), date: try $0.day("date")) }
        case .planGoalChanged:
            EventRow(.actor, .plan) { .planGoalChanged(overallGoal: try $0.value("overallGoal"), ownWords: try $0.string("ownWords")) }
        case .goalAdded: EventRow(.actor, .plan) { .goalAdded(try Goal(fields: $0)) }
        case .goalStatusChanged: EventRow(.goal, .plan) { .goalStatusChanged(id: try $0.string("id"), status: try $0.value("status")) }
        case .goalChanged: EventRow(.goal, .plan) { .goalChanged(id: try $0.string("id"), area: try $0.value("area"), text: try $0.string("text")) }
        case .effortAdded: EventRow(.recordedSector, .effort) { .effortAdded(try Effort(fields: $0)) }
        case .effortStatusChanged:
            EventRow(.effort, .effort) { .effortStatusChanged(id: try $0.string("id"), status: try $0.value("status"), end: try $0.optionalDay("end")) }
        case .effortChanged:
            EventRow(.effort, .effort) { f in
                .effortChanged(id: try f.string("id"), goal: try f.optionalString("goal"), title: try f.string("title"),
                               legalBasis: try f.string("legalBasis"), provider: try f.string("provider"),
                               start: try f.day("start"), end: try f.optionalDay("end"))
            }
        case .templateApplied:
            EventRow(.actor, .plan) { .templateApplied(template: try $0.string("template"), name: try $0.string("name"), start: try $0.day("start")) }
        case .decisionRecorded: EventRow(.decision, .decision) { .decisionRecorded(try Decision(fields: $0)) }
        case .followUpScheduled:
            EventRow(.actor, .followUp) {
                .followUpScheduled(id: try $0.string("id"), due: try $0.day("due"), planned: try $0.optionalDay("planned"), subject: try $0.optionalString("subject"))
            }
        case .followUpCompleted:
            EventRow(.actor, .followUp) { f in
                .followUpCompleted(id: try f.string("id"), done: try f.day("done"), result: try f.value("result"), note: try f.optionalString("note"))
            }
        case .assessmentRecorded: EventRow(.actor, .assessment) { .assessmentRecorded(try Assessment(fields: $0)) }
        case .referralSent: EventRow(.referral, .referral) { .referralSent(try Referral(fields: $0)) }
        case .referralAnswered: EventRow(.referral, .referral) { .referralAnswered(id: try $0.string("id"), status: try $0.value("status"), reason: try $0.optionalString("reason")) }
        case .contactLogged:
            EventRow(.recordedSector, .contact) { f in
                let at = try f.optionalString("at")
                guard at == nil || Timestamp(iso: at!) != nil else { throw Fields.Missing(key: "at", problem: "is not an ISO 8601 UTC time") }
                return .contactLogged(channel: try f.value("channel"), sector: try f.value("sector"), note: try f.optionalString("note"),
                                      at: at.flatMap(Timestamp.init(iso:)))
            }
        case .meetingScheduled: EventRow(.actor, .meeting) { .meetingScheduled(try Meeting(fields: $0)) }
        case .meetingStatusChanged:
            EventRow(.actor, .meeting) { .meetingStatusChanged(status: try $0.value("status"), outcome: try $0.optionalString("outcome")) }
        case .meetingJoined:
            EventRow(.actor, .meeting) { f in
                .meetingJoined(participants: try f.strings("participants"), guests: try f.objects("guests").map(Guest.init(fields:)),
                               agenda: try f.strings("agenda"))
            }
        case .templateDefined: EventRow(.actor, .caseFile) { .templateDefined(try PlanTemplate(fields: $0)) }
        case .targetDefined: EventRow(.actor, .caseFile) { .targetDefined(try Target(fields: $0)) }
        case .targetEnded: EventRow(.actor, .caseFile) { .targetEnded(date: try $0.day("date")) }
        case .outcomeRecorded: EventRow(.recordedSector, .outcome) { .outcomeRecorded(try Outcome(fields: $0)) }
        case .ownAssessmentRecorded: EventRow(.recordedSector, .assessment) { .ownAssessmentRecorded(try OwnAssessment(fields: $0)) }
        case .vulnerabilityRecorded:
            EventRow(.recordedSector, .caseFile) { .vulnerabilityRecorded(on: try $0.bool("on"), date: try $0.day("date"), sector: try $0.value("sector")) }
        case .youthTargetGroupSet: EventRow(.actor, .caseFile) { .youthTargetGroupSet(try YouthTargetGroup(fields: $0)) }
        case .meetingChanged:
            EventRow(.actor, .meeting) { f in
                guard let start = LocalTime(iso: try f.string("start")) else { throw Fields.Missing(key: "start", problem: "is not YYYY-MM-DDTHH:MM") }
                return .meetingChanged(type: try f.value("type"), start: start, minutes: try f.int("minutes"), room: try f.optionalString("room"),
                                       agenda: try f.strings("agenda"))
            }
        case .userContactSet: EventRow(.actor, .caseFile) { .userContactSet(phone: try $0.optionalString("phone"), email: try $0.optionalString("email")) }
        case .reviewSampleDrawn: EventRow(.actor, .caseFile) { .reviewSampleDrawn(try ReviewDraw(fields: $0)) }
        case .planReviewed: EventRow(.recordedSector, .plan) { .planReviewed(try Review(fields: $0)) }
        case .offerDefined: EventRow(.actor, .caseFile) { .offerDefined(try Offer(fields: $0)) }
        case .userUnlocked: EventRow(.actor, .caseFile) { _ in .userUnlocked }
        case .participantReplaced: EventRow(.actor, .meeting) { .participantReplaced(leaving: try $0.string("leaving"), by: try $0.optionalString("by")) }
        // Whether a case is open, which registrations are one person, and its CPR number are for
        // everyone who may see the citizen (as the responsible caseworker is).
        case .decisionCorrected:
            EventRow(.decision, .decision) { f in
                .decisionCorrected(id: try f.string("id"), legalArea: try f.value("legalArea"), date: try f.day("date"), text: try f.string("text"),
                                   appealDeadline: try f.day("appealDeadline"), sector: try f.value("sector"), reason: try f.string("reason"))
            }
        case .decisionAnnulled:
            EventRow(.decision, .decision) { f in
                .decisionAnnulled(id: try f.string("id"), date: try f.day("date"), sector: try f.value("sector"), reason: try f.string("reason"))
            }
        case .citizenErased:
            EventRow(.shared, .caseFile) { .citizenErased(rule: try $0.string("rule"), closed: try $0.day("closed"), archive: try $0.string("archive")) }
        case .caseClosed: EventRow(.shared, .caseFile) { .caseClosed(date: try $0.day("date"), reason: try $0.string("reason")) }
        case .caseReopened: EventRow(.shared, .caseFile) { .caseReopened(date: try $0.day("date"), reason: try $0.string("reason")) }
        case .citizensLinked: EventRow(.shared, .caseFile) { .citizensLinked(other: try $0.string("other"), reason: try $0.string("reason")) }
        case .duplicateDismissed: EventRow(.shared, .caseFile) { .duplicateDismissed(other: try $0.string("other"), reason: try $0.string("reason")) }
        case .cprChanged:
            EventRow(.shared, .caseFile) { f in
                let old = try f.string("old"), new = try f.string("new")
                for (key, digits) in [("old", old), ("new", new)] where Projection.cprKey(digits) == nil {
                    throw Fields.Missing(key: key, problem: "is not ten digits")
                }
                return .cprChanged(old: old, new: new, reason: try f.string("reason"))
            }
        case .unitDefined: EventRow(.actor, .caseFile) { .unitDefined(try OrgUnit(fields: $0)) }
        case .userUnitSet:
            EventRow(.actor, .caseFile) { .userUnitSet(unit: try $0.string("unit"), from: try $0.day("from"), does: try $0.optionalString("does")) }
        case .userMandateSet: EventRow(.actor, .caseFile) { .userMandateSet(areas: try $0.values("areas")) }
        case .offerAttendanceReported:
            EventRow(.actor, .caseFile) { f in
                guard let week = IsoWeek(try f.string("week")) else { throw Fields.Missing(key: "week", problem: "is not an ISO week like 2026-W48") }
                return .offerAttendanceReported(week: week, count: try f.int("count"))
            }
        }
    }
}

/// One row of the event catalogue: what the rest of the domain needs to know of an event type.
public struct EventRow: Sendable {
    /// Which sector owns the content of an event of this type (what consent is checked against).
    public let owner: ContentOwner
    /// Where the citizen's journey files it.
    public let journey: JourneyKind
    /// The payload read back into the typed event.
    let decode: @Sendable (Fields) throws -> DomainEvent

    init(_ owner: ContentOwner, _ journey: JourneyKind, decode: @escaping @Sendable (Fields) throws -> DomainEvent) {
        self.owner = owner; self.journey = journey; self.decode = decode
    }
}

extension DomainEvent {
    /// The event's type in the catalogue.
    public var eventType: EventType {
        switch self {
        case .userCreated: .userCreated
        case .passwordChanged: .passwordChanged
        case .userActiveSet: .userActiveSet
        case .loginFailed: .loginFailed
        case .loginSucceeded: .loginSucceeded
        case .benefitDefined: .benefitDefined
        case .citizenRegistered: .citizenRegistered
        case .citizenDetailsChanged: .citizenDetailsChanged
        case .responsibleChanged: .responsibleChanged
        case .contactPersonChosen: .contactPersonChosen
        case .householdLinked: .householdLinked
        case .consentGiven: .consentGiven
        case .consentWithdrawn: .consentWithdrawn
        case .planCreated: .planCreated
        case .planGoalChanged: .planGoalChanged
        case .goalAdded: .goalAdded
        case .goalStatusChanged: .goalStatusChanged
        case .goalChanged: .goalChanged
        case .effortAdded: .effortAdded
        case .effortStatusChanged: .effortStatusChanged
        case .effortChanged: .effortChanged
        case .templateApplied: .templateApplied
        case .decisionRecorded: .decisionRecorded
        case .followUpScheduled: .followUpScheduled
        case .followUpCompleted: .followUpCompleted
        case .assessmentRecorded: .assessmentRecorded
        case .referralSent: .referralSent
        case .referralAnswered: .referralAnswered
        case .contactLogged: .contactLogged
        case .meetingScheduled: .meetingScheduled
        case .meetingStatusChanged: .meetingStatusChanged
        case .meetingJoined: .meetingJoined
        case .templateDefined: .templateDefined
        case .targetDefined: .targetDefined
        case .targetEnded: .targetEnded
        case .outcomeRecorded: .outcomeRecorded
        case .ownAssessmentRecorded: .ownAssessmentRecorded
        case .vulnerabilityRecorded: .vulnerabilityRecorded
        case .youthTargetGroupSet: .youthTargetGroupSet
        case .meetingChanged: .meetingChanged
        case .userContactSet: .userContactSet
        case .reviewSampleDrawn: .reviewSampleDrawn
        case .planReviewed: .planReviewed
        case .offerDefined: .offerDefined
        case .offerAttendanceReported: .offerAttendanceReported
        case .userUnlocked: .userUnlocked
        case .participantReplaced: .participantReplaced
        case .caseClosed: .caseClosed
        case .caseReopened: .caseReopened
        case .citizensLinked: .citizensLinked
        case .duplicateDismissed: .duplicateDismissed
        case .cprChanged: .cprChanged
        case .citizenErased: .citizenErased
        case .decisionCorrected: .decisionCorrected
        case .decisionAnnulled: .decisionAnnulled
        case .unitDefined: .unitDefined
        case .userUnitSet: .userUnitSet
        case .userMandateSet: .userMandateSet
        }
    }

    /// The payload as it is written: the inverse of the row's `decode`.
    public var fields: Fields {
        var f = Fields()
        switch self {
        case let .userCreated(u, hash): f = u.fields; f.set("passwordHash", hash)
        case let .passwordChanged(hash): f.set("passwordHash", hash)
        case let .userActiveSet(active): f.set("active", active)
        case .loginFailed, .loginSucceeded, .userUnlocked: break
        case let .benefitDefined(b): f = b.fields
        case let .citizenRegistered(cpr, name, benefit, responsible, sectors):
            f.set("cpr", cpr); f.set("name", name); f.set("benefit", benefit); f.set("responsible", responsible); f.set("sectors", sectors)
        case let .citizenDetailsChanged(name, benefit): f.set("name", name); f.set("benefit", benefit)
        case let .responsibleChanged(user, reason): f.set("user", user); f.set("reason", reason)
        case let .contactPersonChosen(name, chosen): f.set("name", name); f.set("chosenByCitizen", chosen)
        case let .householdLinked(m): f = m.fields
        case let .consentGiven(c): f = c.fields
        case let .consentWithdrawn(id, date, reason): f.set("id", id); f.set("date", date); f.set("reason", reason)
        case let .planCreated(goal, words, date): f.set("overallGoal", goal); f.set("ownWords", words); f.set("date", date)
        case let .planGoalChanged(goal, words): f.set("overallGoal", goal); f.set("ownWords", words)
        case let .goalAdded(g): f = g.fields
        case let .goalStatusChanged(id, status): f.set("id", id); f.set("status", status)
        case let .goalChanged(id, area, text): f.set("id", id); f.set("area", area); f.set("text", text)
        case let .effortAdded(e): f = e.fields
        case let .effortStatusChanged(id, status, end): f.set("id", id); f.set("status", status); f.set("end", end)
        case let .effortChanged(id, goal, title, basis, provider, start, end):
            f.set("id", id); f.set("goal", goal); f.set("title", title); f.set("legalBasis", basis); f.set("provider", provider)
            f.set("start", start); f.set("end", end)
        case let .templateApplied(template, name, start): f.set("template", template); f.set("name", name); f.set("start", start)
        case let .decisionRecorded(d): f = d.fields
        case let .followUpScheduled(id, due, planned, subject): f.set("id", id); f.set("due", due); f.set("planned", planned); f.set("subject", subject)
        case let .followUpCompleted(id, done, result, note): f.set("id", id); f.set("done", done); f.set("result", result); f.set("note", note)
        case let .assessmentRecorded(a): f = a.fields
        case let .referralSent(r): f = r.fields
        case let .referralAnswered(id, status, reason): f.set("id", id); f.set("status", status); f.set("reason", reason)
        case let .contactLogged(channel, sector, note, at):
            f.set("channel", channel); f.set("sector", sector); f.set("note", note); f.set("at", at?.iso)
        case let .meetingScheduled(m): f = m.fields
        case let .meetingStatusChanged(status, outcome): f.set("status", status); f.set("outcome", outcome)
        case let .meetingJoined(participants, guests, agenda):
            f.set("participants", participants); f.set("guests", guests.map(\.fields)); f.set("agenda", agenda)
        case let .participantReplaced(leaving, by): f.set("leaving", leaving); f.set("by", by)
        case let .caseClosed(date, reason), let .caseReopened(date, reason): f.set("date", date); f.set("reason", reason)
        case let .citizensLinked(other, reason), let .duplicateDismissed(other, reason): f.set("other", other); f.set("reason", reason)
        case let .cprChanged(old, new, reason): f.set("old", old); f.set("new", new); f.set("reason", reason)
        case let .citizenErased(rule, closed, archive): f.set("rule", rule); f.set("closed", closed); f.set("archive", archive)
        case let .decisionCorrected(id, area, date, text, appeal, sector, reason):
            f.set("id", id); f.set("legalArea", area); f.set("date", date); f.set("text", text); f.set("appealDeadline", appeal)
            f.set("sector", sector); f.set("reason", reason)
        case let .decisionAnnulled(id, date, sector, reason): f.set("id", id); f.set("date", date); f.set("sector", sector); f.set("reason", reason)
        case let .unitDefined(u): f = u.fields
        case let .userUnitSet(unit, from, does): f.set("unit", unit); f.set("from", from); f.set("does", does)
        case let .userMandateSet(areas): f.set("areas", areas)
        case let .templateDefined(t): f = t.fields
        case let .targetDefined(t): f = t.fields
        case let .targetEnded(date): f.set("date", date)
        case let .outcomeRecorded(o): f = o.fields
        case let .ownAssessmentRecorded(a): f = a.fields
        case let .vulnerabilityRecorded(on, date, sector): f.set("on", on); f.set("date", date); f.set("sector", sector)
        case let .youthTargetGroupSet(g): f = g.fields
        case let .meetingChanged(type, start, minutes, room, agenda):
            f.set("type", type); f.set("start", start.iso); f.set("minutes", minutes); f.set("room", room); f.set("agenda", agenda)
        case let .userContactSet(phone, email): f.set("phone", phone); f.set("email", email)
        case let .reviewSampleDrawn(d): f = d.fields
        case let .planReviewed(r): f = r.fields
        case let .offerDefined(o): f = o.fields
        case let .offerAttendanceReported(week, count): f.set("week", week.iso); f.set("count", count)
        }
        return f
    }
}
