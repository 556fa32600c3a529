import Foundation
import Glibc

/// Where each stream's lines start in the event log, in order: a citizen's history is read from
/// these lines instead of scanning millions (`Store.events(of:)`).
///
/// Two parts, so that what grows with the log's history is not each session's own memory:
/// - the lines up to the snapshot, read in place from the snapshot's raw block of offsets, the file
///   mapped read-only (`Snapshot.load`): the page cache holds one copy for every session on the
///   store, and a session keeps only a span (first, count) a stream;
/// - the lines applied since the store opened (or all of them, without a snapshot), in memory.
/// The mapping keeps the file it was made from even when a newer snapshot is renamed over it
/// (snapshots are written aside and renamed, never changed in place).
public struct LineIndex: Sendable {
    struct Span: Sendable {
        var first: UInt32
        var count: UInt32
    }

    private var mapping: SnapshotMapping?
    private var mapped = NumberedMap<Span>(prefix: "c")
    private var added: [String: [Int]] = [:]

    public init() {}

    init(mapping: SnapshotMapping, spans: NumberedMap<Span>) {
        self.mapping = mapping
        mapped = spans
    }

    /// The stream's line offsets, oldest first (empty for a stream with none).
    public func offsets(_ stream: String) -> [Int] {
        var out: [Int] = []
        if let s = mapped[stream], let m = mapping {
            out.reserveCapacity(Int(s.count) + (added[stream]?.count ?? 0))
            for i in Int(s.first)..<Int(s.first) + Int(s.count) { out.append(m.offset(i)) }
        }
        if let a = added[stream] { out += a }
        return out
    }

    /// Notes where an applied event's line starts.
    mutating func note(_ stream: String, at offset: Int) { added[stream, default: []].append(offset) }

    /// Every stream with a line.
    public var streams: [String] { Array(Set(mapped.keys).union(added.keys)) }

    /// Lines noted in memory (not in the mapped snapshot): what the session holds of its own.
    public var inMemory: Int { added.values.reduce(0) { $0 + $1.count } }
}
