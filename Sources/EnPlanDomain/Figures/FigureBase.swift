/// The citizens the figures count, kept in an array beside the projection (one per store,
/// `Store.figureBase`, shared by its services), and brought up to date by taking in only the
/// citizens that changed. Used from the one thread that uses the store.
///
/// Invariants:
/// - After `update(_:seq:changed:)`, `citizens` holds exactly the projection's citizens as they
///   are at `seq`, each once (`position` says where), in no particular order: the figures are
///   sums and lists that are put in order when shown, so the order does not matter.
/// - A citizen changes only through its own stream or a meeting stream about it (`Projection`):
///   the streams changed since `seq` (`Store.streams(after:)`) name every citizen to take in
///   again. When the store cannot say (nil), everything is read afresh.
/// - Only citizens are kept: meetings, users and targets are read from the projection each time.
///
/// Why an array: its elements can be read in place through a pointer (`CitizenRef`), one field
/// at a time. The projection's dictionary hands out whole copies, and copying every field of
/// 100,000 citizens (retaining two dozen arrays and strings each) was a third of the figures' time.
/// The array shares the citizens' arrays and strings with the projection (copy-on-write): it adds
/// the citizens' fixed-size part only.
final class FigureBase {
    private(set) var citizens: [Citizen] = []
    private var position: [String: Int] = [:]
    /// The seq the array is at (-1: never filled).
    private(set) var seq = -1
    /// How many citizens the last update took in (all of them when it started from nothing).
    private(set) var lastTakenIn = 0

    func update(_ state: Projection, seq: Int, changed: Set<String>?) {
        guard seq != self.seq else { return }
        defer { self.seq = seq }
        guard self.seq >= 0, let changed else {
            citizens = Array(state.citizens.values)
            position = Dictionary(uniqueKeysWithValues: citizens.indices.map { (citizens[$0].id, $0) })
            lastTakenIn = citizens.count
            return
        }
        var ids = Set<String>()
        for stream in changed {
            if state.citizens.index(forKey: stream) != nil { ids.insert(stream) }
            else if let i = state.meetings.index(forKey: stream), let c = state.meetings.values[i].citizen { ids.insert(c) }
        }
        for id in ids {
            guard let c = state.citizens[id] else { continue }
            if let p = position[id] { citizens[p] = c } else { position[id] = citizens.count; citizens.append(c) }
        }
        lastTakenIn = ids.count
    }

    /// Calls `body` with the citizens, readable in place for as long as it runs.
    func withCitizens<R>(_ body: (UnsafeBufferPointer<Citizen>) throws -> R) rethrows -> R {
        try citizens.withUnsafeBufferPointer(body)
    }
}
