/// Why a command or query was refused. Each reads as one line for the user; nothing was written.
public enum DomainError: Error, Equatable, CustomStringConvertible {
    /// The input is wrong (a bad CPR number, an unknown sector, an empty name).
    case invalid(String)
    /// No such citizen, user, meeting, effort …
    case notFound(String)
    /// The acting user may not do this.
    case forbidden(String)
    /// Someone else changed the same stream since the user last looked.
    case stale(stream: String, expected: Int, actual: Int)
    /// A double booking or a duplicate (the same CPR number twice).
    case conflict(String)
    /// A look at a citizen the viewer does not work on, or who does not exist (the same answer, so
    /// it does not tell which): a stated reason opens it (break the glass) and is logged.
    case needsReason(citizen: String)
    /// Recording content into sectors the citizen's consent does not share with the actor's
    /// (`items`: what would go to `to`); the same command with `confirmedSharing: true` goes through.
    case sharingNotCovered(citizen: String, from: Sector, to: [Sector], items: [String])
    /// The store is read-only (damage, or a log that ends before its recorded head): the store's words.
    case readOnly(String)

    /// The one answer to a failed login, whatever failed (unknown id, wrong password, a locked user).
    public static let wrongLogin = DomainError.invalid("wrong user id or password")

    public var description: String {
        switch self {
        case .invalid(let s), .notFound(let s), .forbidden(let s), .conflict(let s): return s
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
}
