/// The projection's citizens by id: the citizens in one array, in the order they were
/// registered, and an index from id to place.
///
/// Why not a dictionary of citizens: a `Citizen` is 320 bytes held inline, and a dictionary of
/// 100,000 of them keeps 262,144 buckets (its load factor stays under 3/4, its size a power of
/// two): 84 MB a session. The array holds the 100,000 and the index only ids and places (about
/// 38 MB together).
///
/// Invariants:
/// - `index[id] == i` exactly when `slots[i]` is the citizen with that id; every slot is filled.
/// - Citizens are added, never removed (a citizen's history is kept): setting a citizen to nil
///   is a programming error.
/// - Changing a citizen through the subscript changes it in place (`_modify`), so appending to a
///   citizen's contacts does not copy the citizen or its arrays.
public struct CitizenTable: Sendable, Equatable {
    private var slots: [Citizen?] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// The same citizens, whatever the order they were added in (as two dictionaries compare).
    public static func == (a: CitizenTable, b: CitizenTable) -> Bool {
        a.count == b.count && a.index.allSatisfy { id, i in b[id] == a.slots[i] }
    }

    public init(minimumCapacity n: Int) {
        slots.reserveCapacity(n)
        index.reserveCapacity(n)
    }

    public var count: Int { slots.count }
    public var isEmpty: Bool { slots.isEmpty }

    /// Every citizen, in the order they were added (an eager collection, as a dictionary's values are).
    public var values: Values { Values(slots: slots) }

    public struct Values: RandomAccessCollection, Sendable {
        let slots: [Citizen?]
        public var startIndex: Int { 0 }
        public var endIndex: Int { slots.count }
        public subscript(i: Int) -> Citizen { slots[i]! }
    }

    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// A citizen's stream version, read in place (no copy of the citizen).
    public func version(of id: String) -> Int? {
        guard let i = index[id] else { return nil }
        return slots[i]!.version
    }

    /// Where a citizen is kept (for reading and changing it in place by `subscript(place:)`).
    public func place(of id: String) -> Int? { index[id] }

    /// The citizen at a place, read and changed in place.
    public subscript(place i: Int) -> Citizen {
        get { slots[i]! }
        _modify { yield &slots[i]! }
    }

    public subscript(id: String) -> Citizen? {
        get { index[id].map { slots[$0]! } }
        _modify {
            if let i = index[id] {
                yield &slots[i]
                precondition(slots[i]?.id == id, "a citizen is never removed or given another id")
            } else {
                var added: Citizen?
                yield &added
                if let added {
                    precondition(added.id == id, "a citizen is kept under its own id")
                    index[id] = slots.count
                    slots.append(added)
                }
            }
        }
    }
}
