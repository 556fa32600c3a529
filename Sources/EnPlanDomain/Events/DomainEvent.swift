/// Every change in EnPlan is one of these, appended to the log as one line. The `type` names are
/// part of the file format: never rename one; add a new type instead.
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
    case responsibleChanged(user: String)
    case contactPersonChosen(name: String?)
    case householdLinked(HouseholdMember)
    case consentGiven(Consent)
    case consentWithdrawn(id: String, date: Day)
    case planCreated(overallGoal: OverallGoal, ownWords: String, date: Day)
    case planGoalChanged(overallGoal: OverallGoal, ownWords: String)
    case goalAdded(Goal)
    case goalStatusChanged(id: String, status: GoalStatus)
    case effortAdded(Effort)
    case effortStatusChanged(id: String, status: EffortStatus, end: Day?)
    case decisionRecorded(Decision)
    case followUpScheduled(id: String, due: Day)
    case followUpCompleted(id: String, done: Day, result: FollowUpResult, note: String?)
    case assessmentRecorded(Assessment)
    case referralSent(Referral)
    case referralAnswered(id: String, status: ReferralStatus)
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

    public var type: String {
        switch self {
        case .userCreated: return "UserCreated"
        case .passwordChanged: return "PasswordChanged"
        case .userActiveSet: return "UserActiveSet"
        case .loginFailed: return "LoginFailed"
        case .loginSucceeded: return "LoginSucceeded"
        case .benefitDefined: return "BenefitDefined"
        case .citizenRegistered: return "CitizenRegistered"
        case .citizenDetailsChanged: return "CitizenDetailsChanged"
        case .responsibleChanged: return "ResponsibleChanged"
        case .contactPersonChosen: return "ContactPersonChosen"
        case .householdLinked: return "HouseholdLinked"
        case .consentGiven: return "ConsentGiven"
        case .consentWithdrawn: return "ConsentWithdrawn"
        case .planCreated: return "PlanCreated"
        case .planGoalChanged: return "PlanGoalChanged"
        case .goalAdded: return "GoalAdded"
        case .goalStatusChanged: return "GoalStatusChanged"
        case .effortAdded: return "EffortAdded"
        case .effortStatusChanged: return "EffortStatusChanged"
        case .decisionRecorded: return "DecisionRecorded"
        case .followUpScheduled: return "FollowUpScheduled"
        case .followUpCompleted: return "FollowUpCompleted"
        case .assessmentRecorded: return "AssessmentRecorded"
        case .referralSent: return "ReferralSent"
        case .referralAnswered: return "ReferralAnswered"
        case .contactLogged: return "ContactLogged"
        case .meetingScheduled: return "MeetingScheduled"
        case .meetingStatusChanged: return "MeetingStatusChanged"
        case .meetingJoined: return "MeetingJoined"
        case .goalChanged: return "GoalChanged"
        case .effortChanged: return "EffortChanged"
        case .templateApplied: return "TemplateApplied"
        case .templateDefined: return "TemplateDefined"
        }
    }

    public var fields: Fields {
        var f = Fields()
        switch self {
        case let .userCreated(u, hash): f = u.fields; f.set("passwordHash", hash)
        case let .passwordChanged(hash): f.set("passwordHash", hash)
        case let .userActiveSet(active): f.set("active", active)
        case .loginFailed, .loginSucceeded: break
        case let .benefitDefined(b): f = b.fields
        case let .citizenRegistered(cpr, name, benefit, responsible, sectors):
            f.set("cpr", cpr); f.set("name", name); f.set("benefit", benefit); f.set("responsible", responsible); f.set("sectors", sectors)
        case let .citizenDetailsChanged(name, benefit): f.set("name", name); f.set("benefit", benefit)
        case let .responsibleChanged(user): f.set("user", user)
        case let .contactPersonChosen(name): f.set("name", name)
        case let .householdLinked(m): f = m.fields
        case let .consentGiven(c): f = c.fields
        case let .consentWithdrawn(id, date): f.set("id", id); f.set("date", date)
        case let .planCreated(goal, words, date): f.set("overallGoal", goal); f.set("ownWords", words); f.set("date", date)
        case let .planGoalChanged(goal, words): f.set("overallGoal", goal); f.set("ownWords", words)
        case let .goalAdded(g): f = g.fields
        case let .goalStatusChanged(id, status): f.set("id", id); f.set("status", status)
        case let .effortAdded(e): f = e.fields
        case let .effortStatusChanged(id, status, end): f.set("id", id); f.set("status", status); f.set("end", end)
        case let .decisionRecorded(d): f = d.fields
        case let .followUpScheduled(id, due): f.set("id", id); f.set("due", due)
        case let .followUpCompleted(id, done, result, note): f.set("id", id); f.set("done", done); f.set("result", result); f.set("note", note)
        case let .assessmentRecorded(a): f = a.fields
        case let .referralSent(r): f = r.fields
        case let .referralAnswered(id, status): f.set("id", id); f.set("status", status)
        case let .contactLogged(channel, sector, note, at):
            f.set("channel", channel); f.set("sector", sector); f.set("note", note); f.set("at", at?.iso)
        case let .meetingScheduled(m): f = m.fields
        case let .meetingStatusChanged(status, outcome): f.set("status", status); f.set("outcome", outcome)
        case let .meetingJoined(participants, guests, agenda):
            f.set("participants", participants); f.set("guests", guests.map(\.fields)); f.set("agenda", agenda)
        case let .goalChanged(id, area, text): f.set("id", id); f.set("area", area); f.set("text", text)
        case let .effortChanged(id, goal, title, basis, provider, start, end):
            f.set("id", id); f.set("goal", goal); f.set("title", title); f.set("legalBasis", basis); f.set("provider", provider)
            f.set("start", start); f.set("end", end)
        case let .templateApplied(template, name, start): f.set("template", template); f.set("name", name); f.set("start", start)
        case let .templateDefined(t): f = t.fields
        }
        return f
    }

    public struct UnknownType: Error, CustomStringConvertible {
        public let type: String
        public var description: String { "unknown event type \"\(type)\"" }
    }

    /// Decodes by one dictionary lookup: a `switch` over 26 type names compares strings one by
    /// one, and Swift's comparison of unequal strings is slow — on every line of the replay.
    public init(type: String, fields: Fields) throws {
        guard let tag = DomainEvent.tags[type] else { throw UnknownType(type: type) }
        try self.init(tag: tag, type: type, fields: fields)
    }

    private static let tags: [String: Int] = Dictionary(uniqueKeysWithValues: typeNames.enumerated().map { ($1, $0) })
    private static let typeNames = ["UserCreated", "PasswordChanged", "UserActiveSet", "BenefitDefined", "CitizenRegistered",
                                    "CitizenDetailsChanged", "ResponsibleChanged", "ContactPersonChosen", "HouseholdLinked",
                                    "ConsentGiven", "ConsentWithdrawn", "PlanCreated", "PlanGoalChanged", "GoalAdded",
                                    "GoalStatusChanged", "EffortAdded", "EffortStatusChanged", "DecisionRecorded",
                                    "FollowUpScheduled", "FollowUpCompleted", "AssessmentRecorded", "ReferralSent",
                                    "ReferralAnswered", "ContactLogged", "MeetingScheduled", "MeetingStatusChanged", "LoginFailed", "LoginSucceeded", "MeetingJoined",
                                    "GoalChanged", "EffortChanged", "TemplateApplied", "TemplateDefined"]

    private init(tag: Int, type: String, fields f: Fields) throws {
        switch tag {
        case 0: // UserCreated
            self = .userCreated(try User(fields: f), passwordHash: try f.string("passwordHash"))
        case 1: self = .passwordChanged(passwordHash: try f.string("passwordHash"))  // PasswordChanged
        case 2: self = .userActiveSet(active: try f.bool("active"))  // UserActiveSet
        case 3: // BenefitDefined
            self = .benefitDefined(try Benefit(fields: f))
        case 4: // CitizenRegistered
            self = .citizenRegistered(cpr: try f.string("cpr"), name: try f.string("name"), benefit: try f.optionalString("benefit"),
                                      responsible: try f.string("responsible"), sectors: try f.values("sectors"))
        case 5: self = .citizenDetailsChanged(name: try f.optionalString("name"), benefit: try f.optionalString("benefit"))  // CitizenDetailsChanged
        case 6: self = .responsibleChanged(user: try f.string("user"))  // ResponsibleChanged
        case 7: self = .contactPersonChosen(name: try f.optionalString("name"))  // ContactPersonChosen
        case 8: // HouseholdLinked
            self = .householdLinked(try HouseholdMember(fields: f))
        case 9: // ConsentGiven
            self = .consentGiven(try Consent(fields: f))
        case 10: self = .consentWithdrawn(id: try f.string("id"), date: try f.day("date"))  // ConsentWithdrawn
        case 11: self = .planCreated(overallGoal: try f.value("overallGoal"), ownWords: try f.string("ownWords"), date: try f.day("date"))  // PlanCreated
        case 12: self = .planGoalChanged(overallGoal: try f.value("overallGoal"), ownWords: try f.string("ownWords"))  // PlanGoalChanged
        case 13: // GoalAdded
            self = .goalAdded(try Goal(fields: f))
        case 14: self = .goalStatusChanged(id: try f.string("id"), status: try f.value("status"))  // GoalStatusChanged
        case 15: // EffortAdded
            self = .effortAdded(try Effort(fields: f))
        case 16: // EffortStatusChanged
            self = .effortStatusChanged(id: try f.string("id"), status: try f.value("status"), end: try f.optionalDay("end"))
        case 17: // DecisionRecorded
            self = .decisionRecorded(try Decision(fields: f))
        case 18: self = .followUpScheduled(id: try f.string("id"), due: try f.day("due"))  // FollowUpScheduled
        case 19: // FollowUpCompleted
            self = .followUpCompleted(id: try f.string("id"), done: try f.day("done"), result: try f.value("result"), note: try f.optionalString("note"))
        case 20: // AssessmentRecorded
            self = .assessmentRecorded(try Assessment(fields: f))
        case 21: // ReferralSent
            self = .referralSent(try Referral(fields: f))
        case 22: self = .referralAnswered(id: try f.string("id"), status: try f.value("status"))  // ReferralAnswered
        case 23: // ContactLogged
            let at = try f.optionalString("at")
            guard at == nil || Timestamp(iso: at!) != nil else { throw Fields.Missing(key: "at", problem: "is not an ISO 8601 UTC time") }
            self = .contactLogged(channel: try f.value("channel"), sector: try f.value("sector"), note: try f.optionalString("note"),
                                  at: at.flatMap(Timestamp.init(iso:)))
        case 24: self = .meetingScheduled(try Meeting(fields: f))  // MeetingScheduled
        case 25: self = .meetingStatusChanged(status: try f.value("status"), outcome: try f.optionalString("outcome"))  // MeetingStatusChanged
        case 26: self = .loginFailed
        case 27: self = .loginSucceeded
        case 28: self = .meetingJoined(participants: try f.strings("participants"), guests: try f.objects("guests").map(Guest.init(fields:)),
                                       agenda: try f.strings("agenda"))
        case 29: self = .goalChanged(id: try f.string("id"), area: try f.value("area"), text: try f.string("text"))
        case 30:
            self = .effortChanged(id: try f.string("id"), goal: try f.optionalString("goal"), title: try f.string("title"),
                                  legalBasis: try f.string("legalBasis"), provider: try f.string("provider"),
                                  start: try f.day("start"), end: try f.optionalDay("end"))
        case 31: self = .templateApplied(template: try f.string("template"), name: try f.string("name"), start: try f.day("start"))
        case 32: self = .templateDefined(try PlanTemplate(fields: f))
        default: throw UnknownType(type: type)
        }
    }
}
