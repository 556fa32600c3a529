import Foundation
import Glibc

/// A data directory: the event log, the audit log, the lock and the snapshot cache.
///
///     events.jsonl    every change, one event a line, hash-chained
///     audit.jsonl     every read of personal data, every search and login, hash-chained
///     store.lock      flock(2): shared to read, exclusive to append
///     store.head      the last seq, hash and time acknowledged in each log (`HeadFile`)
///     snapshot.json   a cache of the projection at some seq; deleting it loses nothing
///
/// Data flows one way: a command is decided against the caught-up projection under the lock,
/// its events are appended and synced, and only then applied and acknowledged.
///
/// Invariants:
/// - Every line of a log is appended under the exclusive lock with one write(2) and fdatasync; it
///   is acknowledged only after that, and then its seq and hash are written to `store.head`.
/// - A torn last line (no newline, or a failing hash with nothing after it) beyond the last
///   acknowledged head is a crash: it is moved aside and the file truncated to its last good line.
///   A damaged line at or before the head was acknowledged (synced): that is damage, never a tear,
///   and it is never overwritten. Damage anywhere is never repaired: the store is marked damaged
///   (`DamageMarker`, `store.damaged`) and every process is read-only until an administrator
///   releases it (`release`), which is recorded in the audit log.
/// - Every file the store needs is there and agrees with `store.head`: a missing or unreadable
///   head, or a log longer than its head whose line at the head's seq is not the acknowledged one
///   (another store's log), is damage.
/// - A log that ends before its head (its last lines cut cleanly, or an older copy put in its
///   place) is no crash: the store opens read-only for that log (`truncations`), and
///   `enplan verify` says which seq and hash were written when, until an administrator accepts it
///   (`acceptTruncations`, recorded in the audit log). A head behind its log is no alarm (it is
///   not synced on its own). Each session also records both heads in the audit log (`StoreHead`),
///   which `verify` checks the event log against.
/// - After a failed fdatasync this process writes nothing more.
public final class Store {
    public static let eventsFile = "events.jsonl"
    public static let auditFile = "audit.jsonl"
    public static let snapshotFile = "snapshot.json"

    public let directory: String
    public let clock: Clock
    public private(set) var projection = Projection()
    /// What was repaired when the store opened (torn tails moved aside), for the user to see.
    public private(set) var repairs: [String] = []
    private let events: LogFile
    private let audit: LogFile
    private let lock: LockFile
    private let head: HeadFile?
    /// Logs that end before their recorded head: writes to them are refused until accepted.
    public private(set) var truncations: [Truncation] = []
    /// The persisted damage state, as this process last saw it (every write looks again).
    public private(set) var marker: DamageMarker?
    /// A marker this process wrote and has not yet recorded in the audit log.
    private var unrecordedMarker: DamageMarker?
    /// While an administrator releases the store: a damaged acknowledged last line is moved aside.
    private var releasing = false
    /// Whether `store.head` was there before this process opened the store.
    private let headExisted: Bool
    /// Logs that were missing when this process opened the store, though the head names lines in them.
    private let missing: [DamageMarker.Finding]
    private var auditTailKnown = false
    /// How many events were replayed from the log (not from the snapshot) when the store opened.
    public private(set) var replayedAtOpen = 0
    public private(set) var usedSnapshot = false
    /// The read models fed with every event applied after opening (`ReadModel`), by kind.
    private var readModels: [ObjectIdentifier: ReadModel] = [:]
    private var opened = false

    /// The store's read model of a kind, made and registered the first time it is asked for: it
    /// sees every event applied from then on.
    public func readModel<M: ReadModel>(_ kind: M.Type, make: () -> M) -> M {
        if let m = readModels[ObjectIdentifier(kind)] as? M { return m }
        let m = make()
        readModels[ObjectIdentifier(kind)] = m
        return m
    }

    private func applied(seq: Int, stream: String) {
        guard opened else { return }
        for m in readModels.values { m.applied(seq: seq, stream: stream) }
    }

    /// Applies an event read from the log. `events.offset` is still the start of its line (it moves
    /// on after this returns): the stream's line index notes it.
    private func replayed(_ e: LogLine.Envelope, _ event: DomainEvent) throws {
        try projection.apply(e, event: event)
        projection.noteLine(e.stream, at: events.offset)
        applied(seq: e.seq, stream: e.stream)
    }

    public struct Options: Sendable {
        public var io: FileIO = .system
        public var useSnapshot = true
        /// Write a fresh snapshot when this many events had to be replayed at open.
        public var snapshotAfter = 50_000
        /// Decode on a second thread when more than this many bytes are new (a full replay).
        public var readAheadAbove = 8 << 20
        /// How much of the log is read and decoded at a time.
        public var chunkBytes = 4 << 20
        /// Keep `store.head` (off only for the benchmark's comparison).
        public var keepHead = true
        public init() {}
    }

    public init(directory: String, clock: Clock = ProgramClock.shared, options: Options = Options()) throws {
        self.directory = directory
        self.clock = clock
        try Sys.makeDirectories(directory)
        try Store.requireOwner(directory)
        headExisted = access(directory + "/" + HeadFile.name, F_OK) == 0
        // A log the head says had lines, and is not there, is damage (opening creates it empty).
        missing = [(HeadFile.Log.events, Store.eventsFile), (.audit, Store.auditFile)].compactMap { log, file in
            guard access(directory + "/" + file, F_OK) != 0, let h = HeadFile.read(directory: directory, log), h.seq > 0 else { return nil }
            return .init(file: file, line: 0, reason: "\(file) is missing (seq \(h.seq) was acknowledged)")
        }
        lock = try LockFile(path: directory + "/store.lock")
        events = try LogFile(path: directory + "/" + Store.eventsFile, io: options.io, readAheadAbove: options.readAheadAbove, chunkBytes: options.chunkBytes)
        audit = try LogFile(path: directory + "/" + Store.auditFile, io: options.io, readAheadAbove: options.readAheadAbove, chunkBytes: options.chunkBytes)
        head = options.keepHead ? HeadFile(directory: directory) : nil

        if options.useSnapshot, let snap = Snapshot.load(directory: directory),
           try lock.withLock(exclusive: false, { events.resume(offset: snap.offset, seq: snap.seq, hash: snap.hash) }) {
            projection = snap.projection
            usedSnapshot = true
        }
        let before = projection.lastSeq
        marker = DamageMarker.read(directory: directory)
        try refresh(by: .open)
        try checkHeads()
        replayedAtOpen = projection.lastSeq - before
        opened = true
        if options.useSnapshot, replayedAtOpen >= options.snapshotAfter, events.damage == nil {
            try? Snapshot.write(projection, offset: events.offset, seq: events.lastSeq, hash: events.lastHash, directory: directory)
        }
        recordMarker()
    }

    /// Only the data directory's owner (the service account) opens the store: a file another user
    /// (root, say) made there, a snapshot or a log, could not be replaced or appended to by the
    /// service afterwards.
    static func requireOwner(_ directory: String) throws {
        var st = stat()
        guard stat(directory, &st) == 0, st.st_uid != geteuid() else { return }
        func name(_ uid: uid_t) -> String { getpwuid(uid).map { String(cString: $0.pointee.pw_name) } ?? "uid \(uid)" }
        throw StoreError.io("\(directory) belongs to \(name(st.st_uid)), not to \(name(geteuid())): run enplan as \(name(st.st_uid)) "
                            + "(sudo -u \(name(st.st_uid)) enplan …), so that every file it writes there stays theirs")
    }

    /// A stable name for this store: the start of its first line's hash (iCalendar UIDs use it).
    public lazy var identity: String = {
        let fd = open(directory + "/" + Store.eventsFile, O_RDONLY | O_CLOEXEC)
        defer { if fd >= 0 { close(fd) } }
        guard fd >= 0, let head = Sys.readAll(fd, from: 0, count: 4096), let nl = head.firstIndex(of: 0x0A),
              let chain = head[..<nl].withUnsafeBytes({ LogLine.chainFields($0) }) else { return "new" }
        return String(chain.hash.prefix(16))
    }()

    /// The reason the store refuses to write: a damaged line in the middle of a file, or a log that
    /// ends before its recorded head.
    public var readOnlyReason: StoreError? {
        events.damage ?? audit.damage ?? marker.map(StoreError.marked) ?? truncations.first.map(StoreError.truncated)
    }

    /// The last seq and hash of each log as this process knows them.
    public var heads: (events: (seq: Int, hash: String), audit: (seq: Int, hash: String)) {
        ((events.lastSeq, events.lastHash), (audit.lastSeq, audit.lastHash))
    }

    /// Under the shared lock (so no append runs between reading a log and its head): compares each
    /// log's last line with its head, and marks the store damaged for anything that is not sound.
    private func checkHeads() throws {
        guard let head else { return }
        var found = missing
        truncations = try lock.withLock(exclusive: false) {
            try events.readNew(typed: true) { try replayed($0, $1!) }
            _ = audit.seekTail()
            var cut: [Truncation] = []
            if !headExisted && (events.size > 0 || audit.size > 0) {
                found.append(.init(file: HeadFile.name, line: 0, reason: "store.head is missing: what was acknowledged cannot be checked"))
            }
            for (log, file, lf) in [(HeadFile.Log.events, Store.eventsFile, events), (.audit, Store.auditFile, audit)] {
                switch head.reading(log) {
                case .none: break
                case .garbage:
                    found.append(.init(file: HeadFile.name, line: log.rawValue + 1, reason: "the record of \(file) does not read: what was acknowledged cannot be checked"))
                case .head(let h):
                    if let t = Truncation.check(file: file, seq: lf.lastSeq, hash: lf.lastHash, head: h) {
                        cut.append(t)
                        found.append(.init(file: file, line: t.endsAt + 1, reason: t.description))
                    } else if let wrong = Store.notTheAcknowledged(file: file, head: h, lastSeq: lf.lastSeq, lookup: { lf.chainFields(atSeq: $0) }) {
                        found.append(wrong)
                    }
                }
            }
            return cut
        }
        let damaged = [events, audit].compactMap { lf -> DamageMarker.Finding? in
            guard case let .damaged(file, line, reason)? = lf.damage else { return nil }
            return .init(file: file, line: line, reason: reason)
        }
        if !(found + damaged).isEmpty { markDamaged(by: .open, damaged + found) }
    }

    /// A log longer than its head must hold the acknowledged line at the head's seq: otherwise it
    /// is another log (another store's, longer) put in its place.
    static func notTheAcknowledged(file: String, head h: HeadFile.Head, lastSeq: Int,
                                   lookup: (Int) -> (seq: Int, hash: String)?) -> DamageMarker.Finding? {
        guard h.seq > 0, lastSeq > h.seq, lookup(h.seq)?.hash != h.hash else { return nil }
        return .init(file: file, line: h.seq, reason: "seq \(h.seq) is not the line acknowledged (hash \(h.hash.prefix(16))…): another log is in its place")
    }

    /// Writes the persisted damage state (once: the first finding stands) and keeps it to record
    /// in the audit log once no lock is held.
    private func markDamaged(by finder: DamageMarker.Finder, _ findings: [DamageMarker.Finding]) {
        guard marker == nil else { return }
        let m = DamageMarker.mark(directory: directory, by: finder, findings: findings, at: clock.now())
        marker = m
        unrecordedMarker = m
    }

    /// Records in the audit log that the store is marked damaged (after `verify` marked it), when
    /// the audit log can take it.
    public func recordMarkerFound() {
        guard unrecordedMarker == nil, let m = DamageMarker.read(directory: directory) else { return recordMarker() }
        marker = m
        unrecordedMarker = m
        recordMarker()
    }

    /// Records a marker this process wrote in the audit log, when the audit log can take it (the
    /// marker stays the record when it cannot).
    private func recordMarker() {
        guard let m = unrecordedMarker, !m.auditInDoubt else { return }
        unrecordedMarker = nil
        let line = AuditEntry.storeDamaged(finder: m.by.rawValue, findings: m.findings.map(\.description)).line(terminal: "-")
        try? appendAudit(actor: line.actor, type: AuditKind.storeDamaged.rawValue, subject: line.subject, data: line.data)
    }

    /// Under the exclusive lock, before any append: a marker another process wrote (`verify`, or a
    /// session that found damage) stops this one's writes too.
    private func refuseIfMarked(auditOnly: Bool) throws {
        marker = DamageMarker.read(directory: directory)
        guard let m = marker else { return }
        if !auditOnly || m.auditInDoubt { throw StoreError.marked(m) }
    }

    private func refuseIfTruncated(_ file: String) throws {
        if let t = truncations.first(where: { $0.file == file }) { throw StoreError.truncated(t) }
    }

    /// What an administrator's release did: the marker lifted, the logs' ends accepted as the new
    /// heads, the damaged acknowledged last lines moved aside.
    public struct Release: Sendable {
        public var marker: DamageMarker?
        public var truncations: [Truncation] = []
        public var movedAside: [String] = []
    }

    /// An administrator's decision on a damaged store, after `verify` found nothing else wrong with
    /// it than what is released here: a damaged last line (acknowledged or not) is moved aside
    /// (kept, never deleted), the heads are set to the logs' ends, and the marker is lifted (kept as
    /// `store.damaged.released-…`). The caller records the decision in the audit log.
    public func release() throws -> Release {
        var out = Release()
        try lock.withLock(exclusive: true) {
            releasing = true
            defer { releasing = false }
            let before = repairs.count
            events.clearDamage()
            audit.clearDamage()
            try catchUpExclusive(by: .write)
            auditTailKnown = false
            try catchUpAudit(by: .write)
            out.movedAside = Array(repairs[before...])
            if let damage = events.damage ?? audit.damage { throw damage }
            let now = clock.now()
            out.truncations = [Truncation.check(file: Store.eventsFile, seq: events.lastSeq, hash: events.lastHash, head: head?.read(.events)),
                               Truncation.check(file: Store.auditFile, seq: audit.lastSeq, hash: audit.lastHash, head: head?.read(.audit))].compactMap { $0 }
            head?.write(.events, seq: events.lastSeq, hash: events.lastHash, at: now)
            head?.write(.audit, seq: audit.lastSeq, hash: audit.lastHash, at: now)
            truncations = []
            out.marker = DamageMarker.release(directory: directory, at: now)
            marker = nil
            unrecordedMarker = nil
        }
        return out
    }

    /// An administrator's acceptance of the logs as they are (a restored backup, a known cut): the
    /// same decision as `release`, for what it accepts. Returns the truncations accepted.
    public func acceptTruncations() throws -> [Truncation] { try release().truncations }

    public var lastSeq: Int { events.lastSeq }

    /// Reads what other processes appended since the last look. A torn tail (a crashed writer's
    /// cut-short line) is repaired under the exclusive lock.
    public func refresh() throws { try refresh(by: .write) }

    private func refresh(by finder: DamageMarker.Finder) throws {
        let tear = try lock.withLock(exclusive: false) { try events.readNew(typed: true) { try replayed($0, $1!) } }
        if tear != nil {
            try lock.withLock(exclusive: true) { try catchUpExclusive(by: finder, throwing: false) }
        }
        recordMarker()
    }

    /// Whether a torn line of `log` at `line` is beyond the last acknowledged head: only then is it
    /// a crash's leftover that may be cut off. At or before the head it was synced and acknowledged:
    /// damage (unless an administrator releases it).
    private func isCrashTear(_ log: HeadFile.Log, _ tear: LogFile.Tear) -> Bool {
        if releasing { return true }
        guard let head else { return true }
        switch head.reading(log) {
        case .none: return true
        case .garbage: return false
        case .head(let h): return tear.line > h.seq
        }
    }

    private func acknowledgedDamage(_ file: String, _ tear: LogFile.Tear) -> StoreError {
        .damaged(file: file, line: tear.line, reason: "line \(tear.line) was acknowledged (store.head) and is now damaged (\(tear.reason)); "
                 + "it is not a write cut short by a crash, so it was left as it is")
    }

    /// Under the exclusive lock: read everything new, repair a torn tail beyond the acknowledged
    /// head (mark the store damaged for one at or before it), and be at the file's end.
    private func catchUpExclusive(by finder: DamageMarker.Finder, throwing: Bool = true) throws {
        if let tear = try events.readNew(typed: true, { try replayed($0, $1!) }) {
            if isCrashTear(.events, tear) {
                repairs.append(try events.repair(tear, now: clock.now()))
                try events.readNew(typed: true) { try replayed($0, $1!) }
            } else {
                events.markDamaged(acknowledgedDamage(Store.eventsFile, tear))
            }
        }
        if case let .damaged(file, line, reason)? = events.damage { markDamaged(by: finder, [.init(file: file, line: line, reason: reason)]) }
        if throwing, let damage = events.damage { throw damage }
    }

    /// The same for the audit log, which is read from its tail (it is only appended to).
    private func catchUpAudit(by finder: DamageMarker.Finder) throws {
        var tear: LogFile.Tear?
        if !auditTailKnown {
            tear = audit.seekTail()
            auditTailKnown = true
        }
        if tear == nil, audit.damage == nil { tear = try audit.readNew() }
        if let tear {
            if isCrashTear(.audit, tear) {
                repairs.append(try audit.repair(tear, now: clock.now()))
            } else {
                audit.markDamaged(acknowledgedDamage(Store.auditFile, tear))
            }
        }
        if case let .damaged(file, line, reason)? = audit.damage { markDamaged(by: finder, [.init(file: file, line: line, reason: reason)]) }
    }

    /// An event a command causes, with the stream it goes to, before it has a line in the log.
    public struct Pending: Sendable, Equatable {
        public let stream: String
        public let event: DomainEvent
        public init(_ stream: String, _ event: DomainEvent) { self.stream = stream; self.event = event }
    }

    /// The one way to change anything: under the exclusive lock, catch up, let `decide` check the
    /// command against the current projection and return its events, append them in one write,
    /// fdatasync, apply. Returns the recorded events once they are durable.
    @discardableResult
    public func transact(actor: String, _ decide: (Projection) throws -> [Pending]) throws -> [RecordedEvent] {
        try withoutActuallyEscaping(decide) { try transact([(actor, $0)]) }
    }

    /// Several commands in one write and one fdatasync; each is decided against the projection with
    /// the events of the ones before it applied. All or nothing: if one is refused or the write
    /// fails, none is kept and the projection is read back from disk.
    @discardableResult
    public func transact(_ steps: [(actor: String, decide: (Projection) throws -> [Pending])]) throws -> [RecordedEvent] {
        defer { recordMarker() }
        return try lock.withLock(exclusive: true) {
            try catchUpExclusive(by: .write)
            try refuseIfMarked(auditOnly: false)
            let now = clock.now()
            var seq = events.lastSeq, prev = events.lastHash
            let start = events.offset
            var bytes: [UInt8] = []
            var recorded: [RecordedEvent] = []
            do {
                for (actor, decide) in steps {
                    // Decided in a scope of its own: the copy of the projection handed to `decide` must be
                    // gone before `apply` mutates it, or every apply would copy the whole state.
                    let pending = try Self.decided(decide, projection)
                    for p in pending {
                        seq += 1
                        let version = projection.version(of: p.stream) + 1
                        let data = p.event.fields
                        let line = LogLine.encode(seq: seq, ts: now, actor: actor, type: p.event.type, stream: p.stream,
                                                  version: version, data: data, prev: prev)
                        let lineStart = start + bytes.count
                        bytes += line.bytes
                        prev = line.hash
                        let e = RecordedEvent(seq: seq, ts: now, actor: actor, type: p.event.type, stream: p.stream,
                                              version: version, data: data, hash: line.hash)
                        try projection.apply(e)
                        projection.noteLine(p.stream, at: lineStart)
                        applied(seq: e.seq, stream: e.stream)
                        recorded.append(e)
                    }
                }
                if !bytes.isEmpty {
                    try refuseIfTruncated(Store.eventsFile)
                    try events.append(bytes, lastSeq: seq, lastHash: prev)
                    head?.write(.events, seq: seq, hash: prev, at: now)
                }
            } catch {
                if !recorded.isEmpty { try reload() }
                throw error
            }
            return recorded
        }
    }

    @inline(never)
    private static func decided(_ decide: (Projection) throws -> [Pending], _ state: Projection) throws -> [Pending] {
        try decide(state)
    }

    /// Forgets the in-memory state and reads it back from the snapshot and the log.
    private func reload() throws {
        projection = Projection()
        events.rewind()
        if let snap = Snapshot.load(directory: directory), events.resume(offset: snap.offset, seq: snap.seq, hash: snap.hash) {
            projection = snap.projection
        }
        try events.readNew(typed: true) { try replayed($0, $1!) }
        for m in readModels.values { m.forget() }
    }

    /// Appends one record to the audit log (durable before it returns, like every event). Refused
    /// when the audit log is damaged or in doubt: a look that cannot be logged is not made.
    public func appendAudit(actor: String, type: String, subject: String, data: Fields) throws {
        try lock.withLock(exclusive: true) {
            try catchUpAudit(by: .write)
            if let damage = audit.damage { throw damage }
            try refuseIfMarked(auditOnly: true)
            try refuseIfTruncated(Store.auditFile)
            let seq = audit.lastSeq + 1, now = clock.now()
            let line = LogLine.encode(seq: seq, ts: now, actor: actor, type: type, stream: subject,
                                      version: seq, data: data, prev: audit.lastHash)
            try audit.append(line.bytes, lastSeq: seq, lastHash: line.hash)
            head?.write(.audit, seq: seq, hash: line.hash, at: now)
        }
    }

    /// Every line of the event log (or the audit log) from the start, checked, in order. A damaged
    /// line is an error, never a silently shorter history.
    public func scan(audit scanAudit: Bool = false, _ visit: (RecordedEvent) -> Bool) throws {
        let file = scanAudit ? Store.auditFile : Store.eventsFile
        var problem: StoreError?
        try lock.withLock(exclusive: false) {
            try LogFile.scan(path: directory + "/" + file) { line, result in
                switch result {
                case .success(let e): return visit(e)
                case .failure(let p): problem = .damaged(file: file, line: line, reason: p.reason); return false
                }
            }
        }
        if let problem { throw problem }
    }

    /// The events of some streams, in log order, read line by line through the projection's index
    /// (a citizen's few hundred lines, not the whole log). Each line's hash is checked; one that
    /// does not match, or is not the stream's, is damage and an error.
    public func events(of streams: [String]) throws -> [RecordedEvent] {
        let offsets = streams.flatMap { projection.lines.offsets($0) }.sorted()
        guard !offsets.isEmpty else { return [] }
        let wanted = Set(streams)
        let path = directory + "/" + Store.eventsFile
        return try lock.withLock(exclusive: false) {
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
                        guard bytes.count == count else { throw StoreError.damaged(file: Store.eventsFile, line: 0, reason: "a line at byte \(offset) has no end") }
                        count *= 4
                        continue
                    }
                    let e = try bytes.withUnsafeBytes { buf -> RecordedEvent in
                        do { return try LogLine.decode(UnsafeRawBufferPointer(rebasing: buf[0..<nl]), previousHash: nil, previousSeq: 0) } catch {
                            throw StoreError.damaged(file: Store.eventsFile, line: 0, reason: "the line at byte \(offset): \(error)")
                        }
                    }
                    guard wanted.contains(e.stream) else {
                        throw StoreError.damaged(file: Store.eventsFile, line: e.seq, reason: "the line at byte \(offset) is not of the stream the index says")
                    }
                    out.append(e)
                    break
                }
            }
            return out
        }
    }

    /// Decodes every event of a data directory's log without applying it (the benchmark's yardstick).
    public static func scanFile(directory: String, _ visit: (RecordedEvent) -> Void) throws {
        try LogFile.scan(path: directory + "/" + eventsFile) { _, r in
            if case .success(let e) = r { visit(e); return true }
            return false
        }
    }

    /// Writes a snapshot of the current projection now (the benchmark and `enplan snapshot`).
    public func writeSnapshot() throws {
        try Snapshot.write(projection, offset: events.offset, seq: events.lastSeq, hash: events.lastHash, directory: directory)
    }
}
