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

    public var description: String {
        switch self {
        case .invalid(let s), .notFound(let s), .forbidden(let s), .conflict(let s): return s
        case let .stale(stream, expected, actual):
            return "\(stream) was changed by someone else since you looked (version \(actual), you had \(expected)); look again and redo your change"
        }
    }

    /// Bad input is exit status 2; a refusal is 1.
    public var isBadInput: Bool {
        switch self {
        case .invalid, .notFound: return true
        case .forbidden, .stale, .conflict: return false
        }
    }
}
