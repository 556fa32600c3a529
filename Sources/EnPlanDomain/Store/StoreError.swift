/// What the store reports. Every case reads as one clear line for the user.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case io(String)
    /// A line in the middle of a file is damaged: the store refuses to write.
    case damaged(file: String, line: Int, reason: String)
    /// An fdatasync failed: the kernel may have dropped the pages, so this process stops writing.
    case syncFailed(file: String, reason: String)
    case diskFull(file: String, reason: String)
    /// A log ends before the head recorded for it (cut short, or an older copy): read-only until accepted.
    case truncated(Truncation)
    /// The store is marked damaged (`store.damaged`): read-only until an administrator releases it.
    case marked(DamageMarker)
    /// The logs were rewritten (upgraded to format 2) since this process opened them.
    case replaced

    public var description: String {
        switch self {
        case .io(let s): return s
        case let .damaged(file, line, reason):
            return "\(file):\(line): \(reason); the store is open read-only (run `enplan verify`)"
        case let .syncFailed(file, reason):
            return "\(file): saving to disk failed (\(reason)): the change may or may not have been kept; this process writes nothing more: restart enplan and check"
        case let .diskFull(file, reason):
            return "\(file): the event was not saved (\(reason)); nothing was changed"
        case let .truncated(t): return t.description
        case let .marked(m): return m.description
        case .replaced: return "the store's logs were rewritten (upgraded) since this session opened them: close enplan and open it again"
        }
    }
}
