// What a refusal names: the free text, the day or the piece of a plan it is about, the kind of id,
// what cannot be dated after today, and why a password is refused (`Refusals.swift` has bad input,
// `Refusals+Access.swift` what is not there, not allowed or clashes). New cases go at the END of their enum.
extension DomainError {
    /// A free text a command takes, named in a refusal ("the title is empty").
    public indirect enum TextField: Hashable, Sendable {
        case name, danishName, englishName, contactPerson, decisionText, domain, goal, legalBasis, provider, reason
        case referralText, targetName, templateName, title, outcome, agendaItem, source, ownWords
        case activity, action, authorityReviewer, findings, subject
        case note, room, guestName, organisation, place, description, email, phone
        /// The key of a template's goal `goal` (1-based).
        case templateGoalKey(goal: Int)
        /// A goal's text in a template, by the goal's key.
        case templateGoal(key: String)
        /// A field of effort `effort` (1-based) of template `template`.
        case templateEffort(TextField, effort: Int, template: String)

        public var description: String {
            switch self {
            case .name: return "name"
            case .danishName: return "Danish name"
            case .englishName: return "English name"
            case .contactPerson: return "contact person"
            case .decisionText: return "decision text"
            case .domain: return "domain"
            case .goal: return "goal"
            case .legalBasis: return "legal basis"
            case .provider: return "provider"
            case .reason: return "reason"
            case .referralText: return "referral text"
            case .targetName: return "target name"
            case .templateName: return "template name"
            case .title: return "title"
            case .outcome: return "outcome"
            case .agendaItem: return "agenda item"
            case .subject: return "subject"
            case .source: return "source"
            case .ownWords: return "own words"
            case .activity: return "activity"
            case .action: return "action"
            case .authorityReviewer: return "authority reviewer"
            case .findings: return "findings"
            case .note: return "note"
            case .room: return "room"
            case .guestName: return "guest's name"
            case .organisation: return "organisation"
            case .place: return "place"
            case .description: return "description"
            case .email: return "e-mail address"
            case .phone: return "phone number"
            case .templateGoalKey(let i): return "key of goal \(i)"
            case .templateGoal(let key): return "text of goal \(key)"
            case let .templateEffort(f, i, t): return "\(f.description) of effort \(i) of template \(t)"
            }
        }
    }

    /// Why a password is refused (libpwquality's checks, worded by the screens).
    public enum PasswordProblem: Equatable, Sendable, CustomStringConvertible {
        case dictionaryWord, palindrome, containsUserName, tooSimple, forbiddenWord
        /// The host cannot check it (cracklib's dictionary is missing: install cracklib-runtime).
        case notChecked

        public var description: String {
            switch self {
            case .dictionaryWord: return "the password is too easy to guess: it is (based on) a dictionary word"
            case .palindrome: return "the password reads the same backwards"
            case .containsUserName: return "the password contains the user's name"
            case .tooSimple: return "the password is too simple (too many repeated or consecutive characters)"
            case .forbiddenWord: return "the password contains a forbidden word"
            case .notChecked: return "the password cannot be checked on this server (cracklib's dictionary is missing: install cracklib-runtime)"
            }
        }
    }

    /// Kinds of id a user types (a user's, a target's, a template's).
    public enum IDKind: String, Equatable, Sendable { case user, target, template, unit }

    /// What cannot be dated after today.
    public enum Dated: Equatable, Sendable {
        case consent, contact, decision, assessment, followUpCompletion
        /// An effort recorded as ended on that day.
        case effortEnd(Day)
        /// A status, an own assessment, a flag or a baseline on that day.
        case day(Day)
    }

    /// The day a date refusal is about (`Invalid.dayOutOfRange`).
    public enum DayField: String, Equatable, Sendable {
        case date, start, end, due, done, deadline

        public var description: String {
            switch self {
            case .date: return "date"
            case .start: return "start"
            case .end: return "end"
            case .due: return "due date"
            case .done: return "completion date"
            case .deadline: return "deadline"
            }
        }
    }

    /// A piece of a citizen's plan, named by id.
    public enum PlanPart: String, Equatable, Sendable { case goal, effort, followUp = "follow-up", referral, meeting, decision }

}
