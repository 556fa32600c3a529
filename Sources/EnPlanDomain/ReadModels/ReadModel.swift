/// A read model: state kept only for queries (the figures' citizens, what changed for the
/// screens), beside the write model (`Projection`, what `Decide` checks). The store feeds every
/// registered read model each event it applies after opening, in log order, and tells it to
/// forget when it reads its state back from disk; it knows none of them by name.
///
/// Invariants:
/// - A read model is fed from the one thread that uses its store, after the projection has
///   applied the event (so it may read the projection as of that event, or later).
/// - `forget()` means "what you were told may not have happened": start again from the projection.
/// - One read model of a kind per store (`Store.readModel(_:make:)`), shared by its services.
///
/// Adding one: a folder under `ReadModels/`, a final class conforming to this protocol, and the
/// query that asks `store.readModel(MyModel.self) { MyModel() }` for it.
public protocol ReadModel: AnyObject {
    /// The event at `seq` of `stream` was applied to the projection.
    func applied(seq: Int, stream: String)
    /// The projection was read back from disk: start afresh at the next read.
    func forget()
}
