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
///
/// Its rooms: this file opens, reads on and appends; `Store+Damage.swift` holds the damage states
/// (the heads' checks, the marker, an administrator's release); `Store+Reading.swift` the reads of
/// whole logs and of a citizen's lines; `Verify.swift` and `Backup.swift` the administrator's tools.
public final class Store {
    public static let eventsFile = "events.jsonl"
    public static let auditFile = "audit.jsonl"
    public static let snapshotFile = "snapshot.json"

    public let directory: String
    /// How it was opened (the line format and salts it writes with).
    let options: Options
    public let clock: Clock
    public private(set) var projection = Projection()
    /// What was repaired when the store opened (torn tails moved aside), for the user to see.
    public internal(set) var repairs: [String] = []
    let events: LogStorage
    let audit: LogStorage
    let lock: StoreLock
    let head: HeadStorage?
    /// The PostgreSQL store this one keeps its logs in (`Options.database`); nil: the files in `directory`.
    let database: PGConnection?
    /// Its URL, as given.
    public let databaseURL: String?
    /// Logs that end before their recorded head: writes to them are refused until accepted.
    public internal(set) var truncations: [Truncation] = []
    /// The persisted damage state, as this process last saw it (every write looks again).
    public internal(set) var marker: DamageMarker?
    /// A marker this process wrote and has not yet recorded in the audit log.
    var unrecordedMarker: DamageMarker?
    /// While an administrator releases the store: a damaged acknowledged last line is moved aside.
    var releasing = false
    /// Whether `store.head` was there before this process opened the store.
    let headExisted: Bool
    /// Logs that were missing when this process opened the store, though the head names lines in them.
    let missing: [DamageMarker.Finding]
    var auditTailKnown = false
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
    func replayed(_ e: LogLine.Envelope, _ event: DomainEvent) throws {
        if e.erased { projection.applyErased(e); applied(seq: e.seq, stream: e.stream); return }
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
        /// The line format written: 2; 1 only to make an old store in the tests (the upgrade's).
        public var lineFormat = LogLine.schemaVersion
        /// Each line's salt by its seq, where the tests need the same bytes every run (golden files);
        /// nil: 16 random bytes a line.
        public var salts: (@Sendable (Int) -> String)?
        /// A PostgreSQL store (`postgresql://…`, libpq's URL or key=value form) for the two logs, their
        /// heads and the damage marker; `directory` then holds this host's cache (snapshot, settings,
        /// outbox). nil: the JSON Lines files in `directory` (the default).
        public var database: String?
        public init() {}
    }

    public init(directory: String, clock: Clock = ProgramClock.shared, options: Options = Options()) throws {
        self.directory = directory
        self.options = options
        self.clock = clock
        try Sys.makeDirectories(directory)
        try Store.requireOwner(directory)
        databaseURL = options.database
        if let url = options.database {
            // PostgreSQL: the tables are the logs, the head rows the heads (never missing: made with the tables).
            let db = try PGConnection(url: url)
            try PGSchema.ensure(db)
            try db.listen(PGSchema.notifyChannel)
            database = db
            headExisted = true
            missing = []
            lock = PGLock(db)
            events = PGLog(db, .events, clock: clock)
            audit = PGLog(db, .audit, clock: clock)
            head = PGHeads(db)
        } else {
            database = nil
            headExisted = access(directory + "/" + HeadFile.name, F_OK) == 0
            // A log the head says had lines, and is not there, is damage (opening creates it empty).
            missing = [(HeadFile.Log.events, Store.eventsFile), (.audit, Store.auditFile)].compactMap { log, file in
                guard access(directory + "/" + file, F_OK) != 0, let h = HeadFile.read(directory: directory, log), h.seq > 0 else { return nil }
                return .init(file: file, line: 0, reason: "\(file) is missing (seq \(h.seq) was acknowledged)")
            }
            let lock = try LockFile(path: directory + "/store.lock")
            self.lock = lock
            // An erasure a crash cut short is finished (or forgotten, had it not begun) before a line is read.
            if access(directory + "/" + ErasureJournal.name, F_OK) == 0 {
                try ErasureJournal.guarding(directory, exclusive: true) { try lock.withLock(exclusive: true) { try ErasureJournal.recover(directory: directory) } }
            }
            events = try LogFile(path: directory + "/" + Store.eventsFile, io: options.io, readAheadAbove: options.readAheadAbove, chunkBytes: options.chunkBytes)
            audit = try LogFile(path: directory + "/" + Store.auditFile, io: options.io, readAheadAbove: options.readAheadAbove, chunkBytes: options.chunkBytes)
            head = options.keepHead ? HeadFile(directory: directory) : nil
        }

        if options.useSnapshot, let snap = Snapshot.load(directory: directory),
           try lock.withLock(exclusive: false, { events.resume(offset: snap.offset, seq: snap.seq, hash: snap.hash) }) {
            projection = snap.projection
            usedSnapshot = true
        }
        let before = projection.lastSeq
        marker = readMarker()
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
        guard let first = events.firstLine(), let chain = first.withUnsafeBytes({ LogLine.chainFields($0) }) else { return "new" }
        return String(chain.hash.prefix(16))
    }()

    /// Whether the store's logs are in PostgreSQL (the administrator's tools that work on files
    /// alone refuse then).
    public var inDatabase: Bool { database != nil }

    /// Whether another host announced new events (LISTEN/NOTIFY) since the last look: a wake-up
    /// only; `refresh` reads by seq whatever it says. Always false for the files.
    public func changesAnnounced() -> Bool { database?.takeNotified() ?? false }

    /// Refuses what only the files can do yet, in one line.
    func refuseInDatabase(_ what: String) throws {
        if database != nil { throw StoreError.io("\(what) is not available on a PostgreSQL store yet (it works on the JSON Lines files)") }
    }

    /// The reason the store refuses to write: a damaged line in the middle of a file, or a log that
    /// ends before its recorded head.
    public var readOnlyReason: StoreError? {
        events.damage ?? audit.damage ?? marker.map(StoreError.marked) ?? truncations.first.map(StoreError.truncated)
    }

    /// The last seq and hash of each log as this process knows them.
    public var heads: (events: (seq: Int, hash: String), audit: (seq: Int, hash: String)) {
        ((events.lastSeq, events.lastHash), (audit.lastSeq, audit.lastHash))
    }

    public var lastSeq: Int { events.lastSeq }

    /// Reads what other processes appended since the last look. A torn tail (a crashed writer's
    /// cut-short line) is repaired under the exclusive lock.
    public func refresh() throws { try refresh(by: .write) }

    private func refresh(by finder: DamageMarker.Finder) throws {
        if events.replaced || audit.replaced { throw StoreError.replaced }
        let tear = try lock.withLock(exclusive: false) { try events.readNew(typed: true) { try replayed($0, $1!) } }
        if tear != nil {
            try lock.withLock(exclusive: true) { try catchUpExclusive(by: finder, throwing: false) }
        }
        recordMarker()
    }

    /// Under the exclusive lock: read everything new, repair a torn tail beyond the acknowledged
    /// head (mark the store damaged for one at or before it), and be at the file's end.
    func catchUpExclusive(by finder: DamageMarker.Finder, throwing: Bool = true) throws {
        if events.replaced || audit.replaced { throw StoreError.replaced }
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
    func catchUpAudit(by finder: DamageMarker.Finder) throws {
        if audit.replaced || events.replaced { throw StoreError.replaced }
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
                                                  version: version, data: data, prev: prev, format: options.lineFormat, salt: options.salts?(seq))
                        let lineStart = events.position(appending: bytes.count, seq: seq)
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
                                      version: seq, data: data, prev: audit.lastHash, format: options.lineFormat, salt: options.salts?(seq))
            try audit.append(line.bytes, lastSeq: seq, lastHash: line.hash)
            head?.write(.audit, seq: seq, hash: line.hash, at: now)
        }
    }

    /// Writes a snapshot of the current projection now (the benchmark and `enplan snapshot`).
    public func writeSnapshot() throws {
        try Snapshot.write(projection, offset: events.offset, seq: events.lastSeq, hash: events.lastHash, directory: directory)
    }
}
