/// The projection's citizens by id: in the order they were registered, each either read in place
/// from the mapped snapshot or held as a `Citizen` of the session's own.
///
/// Why two kinds: a session that opens with the snapshot needs every citizen's state, but most of
/// it is never changed and seldom read in full. Those citizens stay records in the snapshot file,
/// mapped read-only (`SnapshotMapping`): the page cache holds one copy for every session on the
/// store, and a session keeps 24 bytes a citizen of its own. A citizen is decoded when it is read
/// (one case, ~10 µs), and taken into the session's own memory the first time it changes (an
/// event of this terminal or another: `Store.refresh`). The passes over every citizen read the
/// record's head alone (`CitizenHead`). A store opened without a snapshot (a replay) holds every
/// citizen of its own.
///
/// Invariants:
/// - `index[id] == i` exactly when the citizen at place `i` has that id; places are never reused.
/// - A slot with `owned < 0` is the snapshot's record of that citizen, unchanged since; a slot with
///   `owned >= 0` is `owned[owned]`, and its record (if any) is no longer read.
/// - The mapped records never change (a snapshot is written aside and renamed, never rewritten in
///   place), and `mapping` keeps the file mapped while any table uses it.
/// - Citizens are added, never removed (a citizen's history is kept): setting a citizen to nil
///   is a programming error.
/// - Changing a citizen through the subscript changes it in place (`_modify`), so appending to a
///   citizen's contacts does not copy the citizen or its arrays.
public struct CitizenTable: Sendable, Equatable {
    private struct Slot {
        var owned: Int32
        /// The mapped record's version (an owned citizen's is `Citizen.version`).
        var version: Int32
        /// Where the record's head and its rest lie in the mapped file, and their lengths.
        var head: UInt32, headLength: UInt32
        var rest: UInt32, restLength: UInt32
        /// The mapped head's `CitizenHead.inboxFlags`, and its `lastAnswered` as days since
        /// 1970-01-01 plus one (0: none; 16 bits last to 2149 and keep the slot at 28 bytes).
        var inboxFlags: UInt8
        var lastAnswered: UInt16 = 0
    }

    private var slots: [Slot] = []
    private var owned: [Citizen?] = []
    /// Each id's place (`NumberedMap`: by number for the ids the projection hands out).
    private var index = NumberedMap<Int32>(prefix: "c")
    private var mapping: SnapshotMapping?

    public init() {}

    public init(minimumCapacity n: Int) {
        slots.reserveCapacity(n)
        index = NumberedMap(prefix: "c", minimumCapacity: n)
    }

    /// An empty table whose citizens will be records in `mapping` (`addRecord`).
    init(mapping: SnapshotMapping, minimumCapacity n: Int) {
        self.init(minimumCapacity: n)
        self.mapping = mapping
    }

    /// The same citizens, whatever the order they were added in, and however each is held.
    public static func == (a: CitizenTable, b: CitizenTable) -> Bool {
        a.count == b.count && (0..<a.count).allSatisfy { i in b[a.id(at: i)] == a[place: i] }
    }

    public var count: Int { slots.count }
    public var isEmpty: Bool { slots.isEmpty }
    /// How many citizens are still read in place from the snapshot (not held of the session's own).
    public var inSnapshot: Int { slots.reduce(0) { $0 + ($1.owned < 0 ? 1 : 0) } }

    /// Adds a citizen kept as records of the mapped file: its head, `length` bytes at `offset`,
    /// written by `CitizenHead.write(to:)` (`Snapshot.load`); its rest follows (`addRest`).
    mutating func addRecord(id: String, version: Int, offset: Int, length: Int, inboxFlags: UInt8, lastAnswered: Day? = nil) {
        precondition(mapping != nil && offset + length <= mapping!.size && offset <= Int(UInt32.max), "a record lies in the mapped file")
        index[id] = Int32(slots.count)
        slots.append(Slot(owned: -1, version: Int32(version), head: UInt32(offset), headLength: UInt32(length), rest: 0, restLength: 0, inboxFlags: inboxFlags,
                          lastAnswered: lastAnswered.map { UInt16(clamping: $0.daysSinceEpoch + 1) } ?? 0))
    }

    /// The rest of the case of the citizen at place `i` (`Citizen.writeRest(to:)`), as `addRecord`.
    mutating func addRest(place i: Int, offset: Int, length: Int) {
        precondition(slots[i].owned < 0 && offset + length <= mapping!.size && offset <= Int(UInt32.max), "a record lies in the mapped file")
        slots[i].rest = UInt32(offset); slots[i].restLength = UInt32(length)
    }

    private func bytes(_ offset: UInt32, _ length: UInt32) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: mapping!.base + Int(offset), count: Int(length))
    }

    private func reader(_ s: Slot) -> SnapshotReader { SnapshotReader(bytes(s.head, s.headLength)) }

    /// A mapped record read. The file's checksum was checked when it was mapped, and it never
    /// changes: a record that does not decode is a bug in the codec, not bad input.
    private func checked<T>(_ read: () throws -> T) -> T {
        guard let value = try? read() else { preconditionFailure("a snapshot record that was checked does not decode") }
        return value
    }

    private func decoded(_ s: Slot) -> Citizen {
        var h = reader(s), r = SnapshotReader(bytes(s.rest, s.restLength))
        return checked { try Citizen(head: try CitizenHead(from: &h), rest: &r) }
    }

    /// Every citizen, in the order they were added (each decoded as it is read, when mapped).
    public var values: Values { Values(table: self) }

    public struct Values: RandomAccessCollection, Sendable {
        let table: CitizenTable
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.count }
        public subscript(i: Int) -> Citizen { table[place: i] }
    }

    /// Every citizen's head, in the order they were added: read in place from the record when
    /// mapped (the case is not decoded), worked out from the citizen when owned.
    public var heads: Heads { Heads(table: self) }

    public struct Heads: RandomAccessCollection, Sendable {
        let table: CitizenTable
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.count }
        public subscript(i: Int) -> CitizenHead { table.head(place: i) }
    }

    public func head(place i: Int) -> CitizenHead {
        let s = slots[i]
        if s.owned >= 0 { return CitizenHead(owned[Int(s.owned)]!) }
        var r = reader(s)
        return checked { try CitizenHead(from: &r) }
    }

    /// The heads that hold something for the inbox (a requested referral, a handover, a referral
    /// answered since `since`, sent by `sender` when given), in order: a mapped head without is
    /// skipped unread (its flags and last answer were read at opening), and one whose only news is
    /// an answer is read whole only when the answer is to `sender`.
    public func headsForTheInbox(answeredSince since: Day, sentBy sender: String? = nil) -> [CitizenHead] {
        let from = UInt16(clamping: since.daysSinceEpoch + 1)
        func news(_ a: [CitizenHead.AnsweredReferral]) -> Bool { a.contains { $0.answered >= since && (sender == nil || $0.sentBy == sender) } }
        return slots.indices.compactMap { i in
            let s = slots[i]
            if s.owned < 0 {
                guard s.inboxFlags & 3 != 0 || (s.inboxFlags & 4 != 0 && s.lastAnswered >= from) else { return nil }
                if s.inboxFlags & 3 == 0 {
                    var r = reader(s)
                    guard news(checked { try CitizenHead.answers(from: &r) }) else { return nil }
                }
            }
            let h = head(place: i)
            return h.inboxFlags & 3 != 0 || news(h.answeredReferrals) ? h : nil
        }
    }

    public func head(_ id: String) -> CitizenHead? { place(of: id).map { head(place: $0) } }

    /// The id of the citizen at a place (read from the record's start when mapped).
    public func id(at i: Int) -> String {
        let s = slots[i]
        if s.owned >= 0 { return owned[Int(s.owned)]!.id }
        var r = reader(s)
        return checked { try CitizenHead.peek(from: &r).id }
    }

    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// A citizen's stream version, read without decoding or copying the citizen.
    public func version(of id: String) -> Int? { place(of: id).map(version(at:)) }

    public func version(at i: Int) -> Int {
        let s = slots[i]
        return s.owned >= 0 ? owned[Int(s.owned)]!.version : Int(s.version)
    }

    /// Where a citizen is kept (for reading and changing it in place by `subscript(place:)`).
    public func place(of id: String) -> Int? { index[id].map(Int.init) }

    /// Takes the citizen at place `i` into the session's own memory (once), and says where.
    private mutating func own(_ i: Int) -> Int {
        if slots[i].owned >= 0 { return Int(slots[i].owned) }
        let c = decoded(slots[i])
        slots[i].owned = Int32(owned.count)
        owned.append(c)
        return owned.count - 1
    }

    /// The citizen at a place, read and changed in place.
    public subscript(place i: Int) -> Citizen {
        get {
            let s = slots[i]
            return s.owned >= 0 ? owned[Int(s.owned)]! : decoded(s)
        }
        _modify {
            let j = own(i)
            yield &owned[j]!
        }
    }

    public subscript(id: String) -> Citizen? {
        get { place(of: id).map { self[place: $0] } }
        _modify {
            if let i = place(of: id) {
                let j = own(i)
                yield &owned[j]
                precondition(owned[j]?.id == id, "a citizen is never removed or given another id")
            } else {
                var added: Citizen?
                yield &added
                if let added {
                    precondition(added.id == id, "a citizen is kept under its own id")
                    index[id] = Int32(slots.count)
                    slots.append(Slot(owned: Int32(owned.count), version: 0, head: 0, headLength: 0, rest: 0, restLength: 0, inboxFlags: 0))
                    owned.append(added)
                }
            }
        }
    }

    /// Writes the head of the citizen at place `i` as a snapshot record's body: a record still
    /// mapped is copied as it is (the same citizen in the same format), an owned citizen encoded.
    func writeHead(place i: Int, to w: inout SnapshotWriter) {
        let s = slots[i]
        if s.owned >= 0 { CitizenHead(owned[Int(s.owned)]!).write(to: &w) } else { w.bytes.append(contentsOf: bytes(s.head, s.headLength)) }
    }

    /// The same for the rest of the citizen's case.
    func writeRest(place i: Int, to w: inout SnapshotWriter) {
        let s = slots[i]
        if s.owned >= 0 { owned[Int(s.owned)]!.writeRest(to: &w) } else { w.bytes.append(contentsOf: bytes(s.rest, s.restLength)) }
    }
}
