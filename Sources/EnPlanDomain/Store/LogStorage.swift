import Glibc

// The seam between the store and where its two logs live (docs/architecture.md, "Store backends").
//
// `Store` decides, chains, checks heads and keeps the damage states; a backend only keeps lines
// in order and hands them back. Two backends implement the three parts below:
//
//   JSON Lines files (the default)    LogFile (one file a log)   LockFile (flock)       HeadFile (store.head)
//   PostgreSQL (`--store URL`)        PGLog (one table a log)    PGLock (the head rows)  PGHeads (enplan_heads)
//
// Both keep each line's exact text, so the line format, the hash chain and the checks are one
// code (`LogLine`), and a line reads the same from either.

/// A log's lines: read on from where this process is, appended to under the exclusive lock.
///
/// A *position* is where a line is found again: a byte offset in a file, a seq in a table. The
/// line index (`Projection.lines`) and the snapshot keep positions; only the backend reads them.
protocol LogStorage: AnyObject {
    /// The log's name in findings and messages (its file name in either backend, so damage reads
    /// the same: `events.jsonl` is the `enplan_events` table).
    var name: String { get }
    /// The position of the next line to read; while `readNew` applies a line, that line's position.
    var offset: Int { get }
    var lastSeq: Int { get }
    var lastHash: String { get }
    var damage: StoreError? { get }
    /// Nonzero when the log holds any line (a file's bytes, a table's last seq).
    var size: Int { get }
    /// Whether the log was replaced under this process (an upgrade renamed a new file into place).
    var replaced: Bool { get }
    func rewind()
    func resume(offset: Int, seq: Int, hash: String) -> Bool
    func seekTail() -> LogFile.Tear?
    func chainFields(atSeq target: Int, before end: Int?) -> (seq: Int, hash: String)?
    func markDamaged(_ e: StoreError)
    func clearDamage()
    func readNew(typed: Bool, _ apply: (LogLine.Envelope, DomainEvent?) throws -> Void) throws -> LogFile.Tear?
    func repair(_ tear: LogFile.Tear, now: Timestamp) throws -> String
    /// Appends whole lines (each with its newline) as one durable unit.
    func append(_ bytes: [UInt8], lastSeq newSeq: Int, lastHash newHash: String) throws
    /// The position of a line about to be appended `bytesBefore` bytes into this append, with `seq`.
    func position(appending bytesBefore: Int, seq: Int) -> Int
    /// The lines at these positions (the line index's), each decoded and its hash checked.
    func lines(at positions: [Int]) throws -> [RecordedEvent]
    /// Every line from the start with a fresh chain (`enplan log`, the audit screen).
    func scanAll(_ visit: (Int, Result<RecordedEvent, LogLine.Problem>) -> Bool) throws
    /// The first line's bytes (the store's identity), if there is one.
    func firstLine() -> [UInt8]?
}

extension LogStorage {
    /// Reads and checks every line after `offset` without handing them on (the audit log).
    @discardableResult
    func readNew() throws -> LogFile.Tear? { try readNew(typed: false) { _, _ in } }
}

/// The store's lock: shared to read a consistent state, exclusive to append.
protocol StoreLock: AnyObject {
    func withLock<T>(exclusive: Bool, _ body: () throws -> T) throws -> T
}

/// The last seq and hash acknowledged in each log.
protocol HeadStorage: AnyObject {
    func write(_ log: HeadFile.Log, seq: Int, hash: String, at: Timestamp)
    func reading(_ log: HeadFile.Log) -> HeadFile.Reading
}

extension HeadStorage {
    func read(_ log: HeadFile.Log) -> HeadFile.Head? {
        if case .head(let h) = reading(log) { return h }
        return nil
    }
}

extension LockFile: StoreLock {}
extension HeadFile: HeadStorage {}

extension LogFile: LogStorage {
    func position(appending bytesBefore: Int, seq: Int) -> Int { offset + bytesBefore }

    func scanAll(_ visit: (Int, Result<RecordedEvent, LogLine.Problem>) -> Bool) throws {
        try LogFile.scan(path: path, visit)
    }

    func firstLine() -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        defer { if fd >= 0 { close(fd) } }
        guard fd >= 0, let head = Sys.readAll(fd, from: 0, count: 4096), let nl = head.firstIndex(of: 0x0A) else { return nil }
        return Array(head[..<nl])
    }

    func lines(at offsets: [Int]) throws -> [RecordedEvent] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("cannot open \(path): \(Sys.errorText)") }
        defer { close(fd) }
        var out: [RecordedEvent] = []
        out.reserveCapacity(offsets.count)
        for offset in offsets {
            var count = 2048
            while true {
                guard let bytes = Sys.readAll(fd, from: offset, count: count) else {
                    throw StoreError.io("cannot read \(path): \(Sys.errorText)")
                }
                guard let nl = bytes.firstIndex(of: 0x0A) else {
                    guard bytes.count == count else { throw StoreError.damaged(file: name, line: 0, reason: "a line at byte \(offset) has no end") }
                    count *= 4
                    continue
                }
                let e = try bytes.withUnsafeBytes { buf -> RecordedEvent in
                    do { return try LogLine.decode(UnsafeRawBufferPointer(rebasing: buf[0..<nl]), previousHash: nil, previousSeq: 0) } catch {
                        throw StoreError.damaged(file: name, line: 0, reason: "the line at byte \(offset): \(error)")
                    }
                }
                out.append(e)
                break
            }
        }
        return out
    }
}
