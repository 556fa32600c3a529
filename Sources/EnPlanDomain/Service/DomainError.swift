/// Why the domain refuses a command or a query. Every refusal is a typed case with its values
/// (days, ids, sectors, the field it is about), never a sentence: the screens word each case in
/// the user's language (EnPlanTUI's `Strings.refusal`, one exhaustive switch), and `description`
/// is the English the headless commands print (scripts and administrators read it).
///
/// Invariants:
/// - No case carries an English sentence meant for a user; a free `String` is an id, a name, a
///   text the user typed, or (`readOnly`, `Invalid.system`, `Invalid.templateFile`) a system's own words.
/// - `isBadInput` (exit status 2) for `invalid` and `notFound`; every other case is a refusal (1).
/// - New cases go at the END of their enum (other engineers add some in parallel).
public enum DomainError: Error, Equatable, CustomStringConvertible {
    /// The input is wrong (a bad CPR number, an empty name, a day in the future).
    case invalid(Invalid)
    /// No such citizen, user, meeting, effort …
    case notFound(Missing)
    /// The acting user may not do this.
    case forbidden(Forbidden)
    /// Someone else changed the same stream since the user last looked.
    case stale(stream: String, expected: Int, actual: Int)
    /// A double booking or a duplicate (the same CPR number twice).
    case conflict(Conflict)
    /// A look at a citizen the viewer does not work on, or who does not exist (the same answer, so
    /// it does not tell which): a stated reason opens it (break the glass) and is logged.
    case needsReason(citizen: String)
    /// Recording content into sectors the citizen's consent does not share with the actor's
    /// (`items`: what would go to `to`); the same command with `confirmedSharing: true` goes through.
    case sharingNotCovered(citizen: String, from: Sector, to: [Sector], items: [String])
    /// The store is read-only (damage, or a log that ends before its recorded head): the store's words.
    case readOnly(String)

    /// The one answer to a failed login, whatever failed (unknown id, wrong password, a locked user).
    public static let wrongLogin = DomainError.invalid(.wrongLogin)

    public var description: String {
        switch self {
        case .invalid(let r): return r.description
        case .notFound(let r): return r.description
        case .forbidden(let r): return r.description
        case .conflict(let r): return r.description
        case let .stale(stream, expected, actual):
            return "\(stream) was changed by someone else since you looked (version \(actual), you had \(expected)); look again and redo your change"
        case let .needsReason(citizen):
            return "no citizen \(citizen) among yours; to look anyway, state a reason (it is logged)"
        case let .sharingNotCovered(citizen, from, to, items):
            return "the consent of \(citizen) does not share \(from.rawValue) with \(to.map(\.rawValue).joined(separator: ", ")): "
                + "this would share \(items.map { "\"\($0)\"" }.joined(separator: ", ")); confirm to share it anyway"
        case let .readOnly(s): return s
        }
    }

    /// Bad input is exit status 2; a refusal is 1.
    public var isBadInput: Bool {
        switch self {
        case .invalid, .notFound: return true
        case .forbidden, .stale, .conflict, .needsReason, .sharingNotCovered, .readOnly: return false
        }
    }

    /// The input a refusal is about, so a form can show it beside that field; nil when it is
    /// about the command as a whole.
    public var field: RefusalField? {
        switch self {
        case .invalid(let r): return r.field
        case .notFound(let r): return r.field
        case .conflict(let r): return r.field
        case .forbidden, .stale, .needsReason, .sharingNotCovered, .readOnly: return nil
        }
    }
}

/// The input a refusal names. Each form maps these to its own fields' keys.
public enum RefusalField: Hashable, Sendable {
    case user, password, name, cpr, benefit, citizen, responsible
    case date, start, end, due, done, deadline, time
    case minutes, participants, room, status, score, sectors, goal, text
    case value, period, reason, template, consent
    /// A free text the command takes (a title, a provider, a decision text …).
    case textOf(DomainError.TextField)
    case phone, email
}
