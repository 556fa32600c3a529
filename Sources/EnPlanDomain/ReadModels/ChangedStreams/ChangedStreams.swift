/// The streams changed since a screen last looked (this terminal's events and others', applied
/// through the log), so that it updates just those rows. A read model of the store.
public final class ChangedStreams: ReadModel {
    private var changed = Set<String>()

    public init() {}

    public func applied(seq: Int, stream: String) { changed.insert(stream) }
    /// The store read its state back after a refused write: nothing it applied was lost, so what
    /// changed still stands.
    public func forget() {}

    /// What changed since the last call, and forgets it.
    public func take() -> Set<String> {
        defer { changed = [] }
        return changed
    }
}
