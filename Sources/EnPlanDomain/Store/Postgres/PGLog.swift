import Foundation

/// The PostgreSQL backend's tables (created on first use, when the role may):
///
///     enplan_events(seq bigint primary key, line text)   every change, the exact line text
///     enplan_audit(seq bigint primary key, line text)    every read, search and login
///     enplan_heads(log text primary key, seq, hash, at)  one row a log: the last acknowledged line;
///                                                        a writer locks both rows (FOR UPDATE)
///     enplan_damage(id, body)                            the damage marker (`DamageMarker`'s text)
///     enplan_damage_released(at, body)                   lifted markers, kept
///
/// Lines are `text`, never `jsonb` (which reorders keys and drops the bytes the hash covers).
enum PGSchema {
    static let events = "enplan_events"
    static let audit = "enplan_audit"
    static let notifyChannel = "enplan_events"

    static func table(_ log: HeadFile.Log) -> String { log == .events ? events : audit }
    static func key(_ log: HeadFile.Log) -> String { log == .events ? "events" : "audit" }

    /// Creates what is missing (an administrator's role does it once; the service role, which may
    /// not create tables, finds them there).
    static func ensure(_ db: PGConnection) throws {
        let there = try db.exec("SELECT to_regclass('enplan_events') IS NOT NULL, to_regclass('enplan_audit') IS NOT NULL, "
                                + "to_regclass('enplan_heads') IS NOT NULL, to_regclass('enplan_damage') IS NOT NULL, "
                                + "to_regclass('enplan_damage_released') IS NOT NULL")
        if (0..<5).allSatisfy({ there.text(0, $0) == "t" }) {
            // The head rows are made with the tables; a missing one is found by the heads' check.
            return
        }
        try db.begin()
        do {
            try db.exec("CREATE TABLE IF NOT EXISTS enplan_events (seq bigint PRIMARY KEY CHECK (seq > 0), line text NOT NULL)")
            try db.exec("CREATE TABLE IF NOT EXISTS enplan_audit (seq bigint PRIMARY KEY CHECK (seq > 0), line text NOT NULL)")
            try db.exec("CREATE TABLE IF NOT EXISTS enplan_heads (log text PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL, at text)")
            try db.exec("CREATE TABLE IF NOT EXISTS enplan_damage (id int PRIMARY KEY CHECK (id = 1), body text NOT NULL)")
            try db.exec("CREATE TABLE IF NOT EXISTS enplan_damage_released (at text NOT NULL, body text NOT NULL)")
            try db.exec("INSERT INTO enplan_heads (log, seq, hash) VALUES ('events', 0, $1), ('audit', 0, $1) ON CONFLICT DO NOTHING",
                        [LogLine.genesisHash])
            try db.commit()
        } catch {
            db.rollback()
            throw error
        }
    }

    /// Whether the database holds no line yet (migrate's target).
    static func isEmpty(_ db: PGConnection) throws -> Bool {
        let r = try db.exec("SELECT (SELECT count(*) FROM enplan_events) + (SELECT count(*) FROM enplan_audit)")
        return r.int(0, 0) == 0
    }
}

/// The store's lock in PostgreSQL. Exclusive: a transaction that first locks both head rows
/// (`SELECT … FOR UPDATE`), so writers from every host take turns and each sees every line
/// committed before it: one gapless global order, as Commanded's eventstore keeps it. Shared: a
/// read-only REPEATABLE READ transaction, so a log and its head are read from one snapshot (as
/// flock's shared lock keeps appends out while both are read).
///
/// An append commits the transaction itself (`PGLog.append`): the commit is the durable point, as
/// fdatasync is for a file; what the section does after it runs outside the lock.
final class PGLock: StoreLock {
    let db: PGConnection
    private var depth = 0

    init(_ db: PGConnection) { self.db = db }

    func withLock<T>(exclusive: Bool, _ body: () throws -> T) throws -> T {
        if depth > 0 { return try body() }
        depth += 1
        defer { depth -= 1 }
        if exclusive {
            try db.begin()
            do { try db.exec("SELECT log FROM enplan_heads ORDER BY log FOR UPDATE") } catch { db.rollback(); throw error }
        } else {
            try db.begin("ISOLATION LEVEL REPEATABLE READ READ ONLY")
        }
        do {
            let result = try body()
            try db.commit()
            return result
        } catch {
            db.rollback()
            throw error
        }
    }
}

/// `enplan_heads`: the last acknowledged seq and hash of each log, written in the same transaction
/// as the lines (so, unlike `store.head`, never behind its log).
final class PGHeads: HeadStorage {
    let db: PGConnection

    init(_ db: PGConnection) { self.db = db }

    /// Written inside the exclusive transaction only (an administrator's release); an append has
    /// written its head with its lines already, and outside the lock nothing may move a head.
    func write(_ log: HeadFile.Log, seq: Int, hash: String, at: Timestamp) {
        guard db.inTransaction else { return }
        _ = try? db.exec("UPDATE enplan_heads SET seq = $2, hash = $3, at = $4 WHERE log = $1", [PGSchema.key(log), "\(seq)", hash, at.iso])
    }

    func reading(_ log: HeadFile.Log) -> HeadFile.Reading {
        guard let r = try? db.exec("SELECT seq, hash, at FROM enplan_heads WHERE log = $1", [PGSchema.key(log)]) else { return .garbage }
        return PGHeads.reading(r)
    }

    static func reading(_ r: PGConnection.Rows) -> HeadFile.Reading {
        guard r.count == 1 else { return .garbage }
        guard let seq = r.int(0, 0), seq >= 0, let hash = r.text(0, 1), hash.utf8.count == 64,
              hash.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return .garbage }
        if seq == 0 { return .none }
        return .head(.init(seq: seq, hash: hash, at: r.text(0, 2).flatMap(Timestamp.init(iso:))))
    }
}

/// One log in a table: lines read by seq (`WHERE seq > $1 ORDER BY seq`), appended with the head
/// row's update in the transaction the exclusive lock opened, and committed (synchronous_commit
/// on) before the append returns.
///
/// A position is a seq. A transaction commits whole or not at all, so there are no torn tails:
/// every line that does not check is damage.
final class PGLog: LogStorage {
    let db: PGConnection
    let log: HeadFile.Log
    let table: String
    let name: String
    let clock: Clock
    private(set) var offset = 1
    private(set) var lastSeq = 0
    private(set) var lastHash = LogLine.genesisHash
    private(set) var damage: StoreError?
    /// Rows read at a time.
    let batch: Int

    init(_ db: PGConnection, _ log: HeadFile.Log, clock: Clock, batch: Int = 5000) {
        self.db = db
        self.log = log
        self.clock = clock
        self.batch = batch
        table = PGSchema.table(log)
        name = log == .events ? Store.eventsFile : Store.auditFile
    }

    var size: Int { (try? db.exec("SELECT coalesce(max(seq), 0) FROM \(table)").int(0, 0)) ?? 0 }
    var replaced: Bool { false }

    func rewind() { offset = 1; lastSeq = 0; lastHash = LogLine.genesisHash; damage = nil }

    private func line(atSeq seq: Int) -> [UInt8]? {
        guard let r = try? db.exec("SELECT line FROM \(table) WHERE seq = $1", ["\(seq)"]), r.count == 1 else { return nil }
        return r.values[0][0]
    }

    func resume(offset: Int, seq: Int, hash: String) -> Bool {
        guard seq > 0, offset == seq + 1, let line = line(atSeq: seq),
              let e = try? line.withUnsafeBytes({ try LogLine.decode($0, previousHash: nil, previousSeq: 0) }),
              e.seq == seq, e.hash == hash else { return false }
        self.offset = offset; lastSeq = seq; lastHash = hash
        return true
    }

    /// The last line, checked on its own (the audit log is read from its tail).
    func seekTail() -> LogFile.Tear? {
        guard let r = try? db.exec("SELECT seq, line FROM \(table) ORDER BY seq DESC LIMIT 1"), r.count == 1,
              let seq = r.int(0, 0), let line = r.values[0][1] else { return nil }
        do {
            let e = try line.withUnsafeBytes { try LogLine.decode($0, previousHash: nil, previousSeq: 0) }
            guard e.seq == seq else { throw LogLine.Problem(reason: "the row's seq \(seq) is not its line's (\(e.seq))") }
            offset = seq + 1; lastSeq = seq; lastHash = e.hash
        } catch {
            damage = .damaged(file: name, line: seq, reason: "\(error)")
        }
        return nil
    }

    func chainFields(atSeq target: Int, before end: Int?) -> (seq: Int, hash: String)? {
        line(atSeq: target).flatMap { l in l.withUnsafeBytes { LogLine.chainFields($0) } }
    }

    func markDamaged(_ e: StoreError) { damage = e }
    func clearDamage() { damage = nil }

    func readNew(typed: Bool, _ apply: (LogLine.Envelope, DomainEvent?) throws -> Void) throws -> LogFile.Tear? {
        if damage != nil { return nil }
        while true {
            let r = try db.exec("SELECT seq, line FROM \(table) WHERE seq > $1 ORDER BY seq LIMIT \(batch)", ["\(lastSeq)"])
            for i in 0..<r.count {
                let rowSeq = r.int(i, 0) ?? 0
                let line = r.values[i][1] ?? []
                let decoded: (LogLine.Envelope, DomainEvent?, String)
                do {
                    decoded = try line.withUnsafeBytes { buf in
                        var (e, data) = try lastHash.withCString { p in
                            try LogLine.decodeEnvelope(buf, previousHash: UnsafeRawBufferPointer(start: p, count: 64), previousSeq: lastSeq)
                        }
                        guard e.seq == rowSeq else { throw LogLine.Problem(reason: "the row's seq \(rowSeq) is not its line's (\(e.seq))") }
                        var event: DomainEvent?
                        if typed && e.erased {
                            event = .userUnlocked   // never applied: the appliers look at `erased` first
                        } else if typed {
                            let ev = try DomainEvent(type: e.type, fields: data)
                            e.type = ev.type
                            event = ev
                        }
                        data = Fields()
                        return (e, event, String(decoding: LogLine.storedHash(buf), as: UTF8.self))
                    }
                } catch {
                    damage = .damaged(file: name, line: lastSeq + 1, reason: "\(error)")
                    return nil
                }
                offset = rowSeq
                do { try apply(decoded.0, decoded.1) } catch {
                    offset = lastSeq + 1
                    damage = .damaged(file: name, line: rowSeq, reason: "\(error)")
                    return nil
                }
                lastSeq = rowSeq; lastHash = decoded.2; offset = rowSeq + 1
            }
            if r.count < batch { return nil }
        }
    }

    func repair(_ tear: LogFile.Tear, now: Timestamp) throws -> String {
        throw StoreError.io("\(name): a database log has no torn tail to repair")
    }

    /// Inserts the lines and moves the head row, in the transaction the exclusive lock opened,
    /// then commits: acknowledged only once the commit returned. The event log also notifies
    /// `enplan_events` (delivered at the commit): other hosts' sessions wake and read by seq.
    func append(_ bytes: [UInt8], lastSeq newSeq: Int, lastHash newHash: String) throws {
        if let damage { throw damage }
        guard db.inTransaction else { throw StoreError.io("\(name): an append outside the store's exclusive lock") }
        var seq = lastSeq, start = 0
        do {
            for (i, b) in bytes.enumerated() where b == 0x0A {
                seq += 1
                try db.exec("INSERT INTO \(table) (seq, line) VALUES ($1, $2)", ["\(seq)", String(decoding: bytes[start..<i], as: UTF8.self)])
                start = i + 1
            }
            guard seq == newSeq else { throw StoreError.io("\(name): the lines appended end at seq \(seq), not \(newSeq)") }
            try db.exec("UPDATE enplan_heads SET seq = $2, hash = $3, at = $4 WHERE log = $1", [PGSchema.key(log), "\(newSeq)", newHash, clock.now().iso])
            if log == .events { try db.exec("SELECT pg_notify('\(PGSchema.notifyChannel)', $1)", ["\(newSeq)"]) }
        } catch {
            db.rollback()
            throw StoreError.diskFull(file: name, reason: "\(error)")
        }
        do {
            try db.commit()
        } catch {
            // The commit may have reached the server before the connection broke: the caller reads
            // the log again (whatever is there is the truth).
            throw StoreError.io("\(name): the commit did not answer (\(error)): the change may or may not have been kept; it is read back from the database")
        }
        offset = newSeq + 1
        lastSeq = newSeq
        lastHash = newHash
    }

    func position(appending bytesBefore: Int, seq: Int) -> Int { seq }

    func lines(at positions: [Int]) throws -> [RecordedEvent] {
        guard !positions.isEmpty else { return [] }
        let list = "{" + positions.map(String.init).joined(separator: ",") + "}"
        let r = try db.exec("SELECT seq, line FROM \(table) WHERE seq = ANY($1::bigint[]) ORDER BY seq", [list])
        guard r.count == Set(positions).count else {
            throw StoreError.damaged(file: name, line: 0, reason: "\(Set(positions).count - r.count) lines the index names are not in the database")
        }
        return try (0..<r.count).map { i in
            let seq = r.int(i, 0) ?? 0
            let e = try (r.values[i][1] ?? []).withUnsafeBytes { buf -> RecordedEvent in
                do { return try LogLine.decode(buf, previousHash: nil, previousSeq: 0) } catch {
                    throw StoreError.damaged(file: name, line: seq, reason: "\(error)")
                }
            }
            guard e.seq == seq else { throw StoreError.damaged(file: name, line: seq, reason: "the row's seq is not its line's (\(e.seq))") }
            return e
        }
    }

    func scanAll(_ visit: (Int, Result<RecordedEvent, LogLine.Problem>) -> Bool) throws {
        try PGLog.scan(db, table: table, visit)
    }

    /// Every line from the start with a fresh chain, a batch at a time, as `LogFile.scan` reads a file.
    static func scan(_ db: PGConnection, table: String, upTo last: Int = Int.max, _ visit: (Int, Result<RecordedEvent, LogLine.Problem>) -> Bool) throws {
        try lines(db, table: table, upTo: last) { lineNo, rowSeq, line, prev in
            do {
                let e = try line.withUnsafeBytes { try LogLine.decode($0, previousHash: prev.hash, previousSeq: prev.seq) }
                if e.seq != rowSeq { throw LogLine.Problem(reason: "the row's seq \(rowSeq) is not its line's (\(e.seq))") }
                prev = (e.seq, e.hash)
                return visit(lineNo, .success(e))
            } catch {
                let p = error as? LogLine.Problem ?? LogLine.Problem(reason: "\(error)")
                if let chain = line.withUnsafeBytes({ LogLine.chainFields($0) }) { prev = chain } else { prev = (rowSeq, prev.hash) }
                return visit(lineNo, .failure(p))
            }
        }
    }

    /// The raw lines of a table in seq order with their line number, their row's seq and the chain so far.
    static func lines(_ db: PGConnection, table: String, upTo last: Int = Int.max,
                      _ visit: (Int, Int, [UInt8], inout (seq: Int, hash: String)) -> Bool) throws {
        var after = 0, lineNo = 0, prev = (seq: 0, hash: LogLine.genesisHash)
        while true {
            let r = try db.exec("SELECT seq, line FROM \(table) WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT 5000", ["\(after)", "\(last)"])
            for i in 0..<r.count {
                lineNo += 1
                after = r.int(i, 0) ?? after
                if !visit(lineNo, after, r.values[i][1] ?? [], &prev) { return }
            }
            if r.count < 5000 { return }
        }
    }

    func firstLine() -> [UInt8]? {
        guard let r = try? db.exec("SELECT line FROM \(table) ORDER BY seq LIMIT 1"), r.count == 1 else { return nil }
        return r.values[0][0]
    }
}
