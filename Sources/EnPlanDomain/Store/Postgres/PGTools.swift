import Glibc

// The administrator's tools on a PostgreSQL store: `verify` (the same checks as for the files,
// over one snapshot of the database), `backup` (JSON Lines that verify on their own) and
// `migrate` (a JSON Lines store copied into an empty database, then verified there).
extension Store {
    /// Every line of both logs checked from the start, against the head rows and the heads the
    /// sessions recorded in the audit log, read in one REPEATABLE READ transaction: a consistent
    /// cut while writers go on. Marks the store damaged (`enplan_damage`) when `mark`.
    public static func verify(database url: String, mark: Bool = true, clock: Clock = ProgramClock.shared) throws -> [VerifyReport] {
        let db = try PGConnection(url: url)
        try PGSchema.ensure(db)
        try db.begin("ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { db.rollback() }
        var cut = VerifyCut()
        let heads = try db.exec("SELECT log, seq, hash, at FROM enplan_heads")
        for log in [HeadFile.Log.events, .audit] {
            var one = PGConnection.Rows()
            one.values = heads.values.filter { $0[0].map { String(decoding: $0, as: UTF8.self) } == PGSchema.key(log) }.map { Array($0.dropFirst()) }
            cut.heads[log] = one.count == 0 ? nil : PGHeads.reading(one)
            let last = try db.exec("SELECT coalesce(max(seq), 0) FROM \(PGSchema.table(log))").int(0, 0) ?? 0
            cut.sizes[log == .events ? eventsFile : auditFile] = last
        }
        cut.marker = DamageMarker.read(db)
        cut.checkEvents = { size, watch, apply, problem in try PGLog.check(db, upTo: size, watch: watch, apply: apply, problem: problem) }
        cut.scan = { file, size, visit in try PGLog.scan(db, table: file == eventsFile ? PGSchema.events : PGSchema.audit, upTo: size, visit) }
        var reports = try verifyCut(cut)
        db.rollback()
        for i in reports.indices where reports[i].file == HeadFile.name { reports[i].file = "enplan_heads" }
        let findings = reports.flatMap { r in r.problems.map { DamageMarker.Finding(file: r.file, line: $0.line, reason: $0.reason) } }
        if cut.marker == nil, mark, !findings.isEmpty {
            DamageMarker.mark(url: url, by: .verify, findings: findings, at: clock.now())
        }
        return reports
    }

    /// `verify` of this store, wherever its logs are.
    public func verifyLogs(mark: Bool = true) throws -> [VerifyReport] {
        try databaseURL.map { try Store.verify(database: $0, mark: mark, clock: clock) } ?? Store.verify(directory: directory, mark: mark, clock: clock)
    }

    /// The damage marker of a PostgreSQL store, if it is marked.
    public static func marker(database url: String) throws -> DamageMarker? {
        let db = try PGConnection(url: url)
        try PGSchema.ensure(db)
        return DamageMarker.read(db)
    }

    /// Writes a JSON Lines copy of a PostgreSQL store into `dest` (a new or empty directory): both
    /// logs as they stood at one moment (a REPEATABLE READ snapshot, writers going on), the
    /// cache directory's settings and checkpoint key, a `store.head` naming the last lines; then
    /// the copy is verified on its own, as a backup of the files is.
    public static func backup(database url: String, cache: String, to dest: String, clock: Clock = ProgramClock.shared) throws -> BackupReport {
        let db = try PGConnection(url: url)
        try PGSchema.ensure(db)
        try Sys.makeDirectories(dest)
        var ends: [String: LogEnd] = [:]
        try db.begin("ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            for (file, table) in [(eventsFile, PGSchema.events), (auditFile, PGSchema.audit)] {
                let path = dest + "/" + file
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                guard fd >= 0 else { throw StoreError.io("cannot create \(path): \(Sys.errorText)") }
                defer { close(fd) }
                var bytes = 0, last = (seq: 0, hash: LogLine.genesisHash), buffer: [UInt8] = []
                func flush() throws {
                    var done = 0
                    while done < buffer.count {
                        let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, buffer.count - done) }
                        guard n > 0 else { throw StoreError.io("cannot write \(path): \(Sys.errorText)") }
                        done += n
                    }
                    bytes += buffer.count
                    buffer.removeAll(keepingCapacity: true)
                }
                var failure: Error?
                try PGLog.lines(db, table: table) { _, seq, line, _ in
                    buffer += line
                    buffer.append(0x0A)
                    if let chain = line.withUnsafeBytes({ LogLine.chainFields($0) }) { last = chain } else { last = (seq, last.hash) }
                    if buffer.count > 4 << 20 { do { try flush() } catch { failure = error; return false } }
                    return true
                }
                if let failure { throw failure }
                try flush()
                guard fsync(fd) == 0 else { throw StoreError.syncFailed(file: path, reason: Sys.errorText) }
                ends[file] = LogEnd(seq: last.seq, hash: last.hash, bytes: bytes)
            }
            db.rollback()
        } catch {
            db.rollback()
            throw error
        }
        for f in ["settings", Checkpoint.keyFile] where access(cache + "/" + f, R_OK) == 0 {
            guard var data = FileManagerLite.read(cache + "/" + f) else { throw StoreError.io("cannot read \(cache)/\(f): \(Sys.errorText)") }
            if f == "settings" { data = Array(Store.withoutStoreSetting(String(decoding: data, as: UTF8.self)).utf8) }
            try writeWhole(data, dest + "/" + f)
        }
        let events = ends[eventsFile]!, audit = ends[auditFile]!
        let now = clock.now()
        do {
            let head = HeadFile(directory: dest)
            if events.seq > 0 { head.write(.events, seq: events.seq, hash: events.hash, at: now) }
            if audit.seq > 0 { head.write(.audit, seq: audit.seq, hash: audit.hash, at: now) }
        }
        let hfd = open(dest + "/" + HeadFile.name, O_RDWR | O_CLOEXEC)
        if hfd >= 0 { _ = fsync(hfd); close(hfd) }
        Sys.syncDirectory(dest)
        for r in try verify(directory: dest, mark: false) {
            if let p = r.problems.first { throw StoreError.damaged(file: dest + "/" + r.file, line: p.line, reason: p.reason) }
        }
        return BackupReport(events: events, audit: audit, at: now)
    }

    /// The settings with their `store = URL` line commented out: the backup is a JSON Lines store,
    /// and opened (or restored) it must not send its commands to the database it came from.
    static func withoutStoreSetting(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let key = line.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces)
            return key == "store" ? "# " + line + "   (the PostgreSQL store this backup was made from)" : String(line)
        }.joined(separator: "\n")
    }

    private static func writeWhole(_ data: [UInt8], _ to: String) throws {
        let fd = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io("cannot create \(to): \(Sys.errorText)") }
        defer { close(fd) }
        let n = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard n == data.count, fsync(fd) == 0 else { throw StoreError.io("cannot write \(to): \(Sys.errorText)") }
    }

    /// A store URL without its password, for messages.
    public static func redacted(_ url: String) -> String { PGConnection.redacted(url) }

    /// What `migrate` copied.
    public struct Migration: Sendable {
        public let events: Int
        public let audit: Int
        public let reports: [VerifyReport]
    }

    /// Copies the JSON Lines store in `directory` into an empty PostgreSQL store: the source must
    /// verify first (nothing damaged is carried over), the lines go in byte for byte (COPY, in one
    /// transaction with the head rows, under their lock), and the database is then verified on
    /// its own. The files are left as they are (they stay a copy; the cache directory may be the same).
    public static func migrate(directory: String, to url: String, clock: Clock = ProgramClock.shared) throws -> Migration {
        guard access(directory + "/" + eventsFile, R_OK) == 0 else { throw StoreError.io("no store in \(directory) (no \(eventsFile))") }
        for r in try verify(directory: directory, mark: false, clock: clock) {
            if let p = r.problems.first { throw StoreError.damaged(file: directory + "/" + r.file, line: p.line, reason: p.reason + " (not migrated: verify and mend the files first)") }
        }
        let db = try PGConnection(url: url)
        try PGSchema.ensure(db)
        var counts: [String: Int] = [:]
        try ErasureJournal.guarding(directory, exclusive: false) {
            try LockFile(path: directory + "/store.lock").withLock(exclusive: false) {
                try PGLock(db).withLock(exclusive: true) {
                    guard try PGSchema.isEmpty(db) else { throw StoreError.io("the PostgreSQL store \(PGConnection.redacted(url)) is not empty: migrate copies into an empty database only") }
                    for (file, log) in [(eventsFile, HeadFile.Log.events), (auditFile, .audit)] {
                        var copy: [UInt8] = [], last = (seq: 0, hash: LogLine.genesisHash), n = 0
                        var failure: StoreError?
                        try LogFile.scan(path: directory + "/" + file) { line, result in
                            switch result {
                            case .failure(let p): failure = .damaged(file: file, line: line, reason: p.reason); return false
                            case .success(let e): last = (e.seq, e.hash); n += 1
                            }
                            return true
                        }
                        if let failure { throw failure }
                        // The file's bytes as they are (LogFile.scan checked each line): escaped for COPY's text format.
                        guard let raw = FileManagerLite.read(directory + "/" + file) else { throw StoreError.io("cannot read \(directory)/\(file)") }
                        copy.reserveCapacity(raw.count + raw.count / 8)
                        var seq = 0, atLineStart = true
                        for b in raw {
                            if atLineStart { seq += 1; copy += Array("\(seq)\t".utf8); atLineStart = false }
                            switch b {
                            case 0x5C: copy += [0x5C, 0x5C]
                            case 0x0A: copy.append(0x0A); atLineStart = true
                            case 0x09: copy += [0x5C, 0x74]
                            case 0x0D: copy += [0x5C, 0x72]
                            default: copy.append(b)
                            }
                        }
                        guard seq == n, n == last.seq else {
                            throw StoreError.io("\(file): \(n) lines end at seq \(last.seq); a log that does not start at seq 1 is not migrated")
                        }
                        if !copy.isEmpty { try db.copyIn("COPY \(PGSchema.table(log)) (seq, line) FROM STDIN", copy) }
                        try db.exec("UPDATE enplan_heads SET seq = $2, hash = $3, at = $4 WHERE log = $1", [PGSchema.key(log), "\(last.seq)", last.hash, clock.now().iso])
                        counts[file] = n
                    }
                }
            }
        }
        let reports = try verify(database: url, mark: false, clock: clock)
        if let r = reports.first(where: { !$0.problems.isEmpty }), let p = r.problems.first {
            throw StoreError.damaged(file: r.file, line: p.line, reason: p.reason + " (after the migration)")
        }
        return Migration(events: counts[eventsFile] ?? 0, audit: counts[auditFile] ?? 0, reports: reports)
    }
}

/// Reading a whole small file (settings, a key, a log to migrate) as bytes.
enum FileManagerLite {
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return Sys.readAll(fd, from: 0, count: Sys.fileSize(fd))
    }
}

extension PGLog {
    /// `verify`'s reading of the event log: every line checked and applied, going on past a bad
    /// line from its own seq and hash (as `LogFile.check` does for a file).
    static func check(_ db: PGConnection, upTo last: Int, watch: Int, apply: (LogLine.Envelope, DomainEvent) throws -> Void,
                      problem: (Int, String) -> Void) throws -> (lines: Int, last: (seq: Int, hash: String), watched: String?) {
        var lines = 0, good = (seq: 0, hash: LogLine.genesisHash), watched: String?
        try PGLog.lines(db, table: PGSchema.events, upTo: last) { lineNo, rowSeq, line, prev in
            lines = lineNo
            do {
                var (e, data) = try line.withUnsafeBytes { buf in
                    try prev.hash.withCString { p in
                        try LogLine.decodeEnvelope(buf, previousHash: UnsafeRawBufferPointer(start: p, count: 64), previousSeq: prev.seq)
                    }
                }
                let hash = line.withUnsafeBytes { String(decoding: LogLine.storedHash($0), as: UTF8.self) }
                prev = (e.seq, hash)
                good = prev
                if e.seq == watch { watched = hash }
                guard e.seq == rowSeq else { problem(lineNo, "the row's seq \(rowSeq) is not its line's (\(e.seq))"); return true }
                do {
                    let event: DomainEvent = e.erased ? .userUnlocked : try DomainEvent(type: e.type, fields: data)
                    e.type = event.type
                    data = Fields()
                    try apply(e, event)
                } catch { problem(lineNo, "\(error)") }
            } catch {
                problem(lineNo, (error as? LogLine.Problem)?.reason ?? "\(error)")
                if let chain = line.withUnsafeBytes({ LogLine.chainFields($0) }) { prev = chain }
            }
            return true
        }
        return (lines, good, watched)
    }
}
