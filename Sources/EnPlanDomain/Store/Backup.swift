import Glibc

/// Online backups and restores of a data directory.
///
/// A backup takes the store's shared lock only long enough to read both logs' sizes (appends are
/// whole lines written under the exclusive lock, so both sizes end on a line boundary of the same
/// moment), then copies the bytes up to them while the writers go on. The copy ends on a whole
/// line (a crashed writer's torn tail is left behind), gets its own `store.head` naming its last
/// lines, is fsynced, and is verified line by line before it is reported.
public struct LogEnd: Equatable, Sendable {
    public let seq: Int
    public let hash: String
    public let bytes: Int
}

public struct BackupReport: Sendable {
    public let events: LogEnd
    public let audit: LogEnd
    public let at: Timestamp
}

extension Store {
    /// Files of a data directory a backup carries: the logs, the settings and the checkpoint
    /// signing key (a restored store signs as before; the snapshot is a cache).
    static let backedUpFiles = [eventsFile, auditFile, "settings", Checkpoint.keyFile]

    /// Copies the store in `directory` to `dest` (a new or empty directory) while it is in use.
    private static func backupReading(directory: String, to dest: String, clock: Clock) throws -> BackupReport {
        guard access(directory + "/" + eventsFile, R_OK) == 0 else { throw StoreError.io("no store in \(directory) (no \(eventsFile))") }
        let lock = try LockFile(path: directory + "/store.lock")
        let sizes: [String: Int] = try lock.withLock(exclusive: false) {
            var s: [String: Int] = [:]
            for f in backedUpFiles {
                let fd = open(directory + "/" + f, O_RDONLY | O_CLOEXEC)
                if fd >= 0 { s[f] = Sys.fileSize(fd); close(fd) }
            }
            return s
        }
        return try copy(from: directory, to: dest, sizes: sizes, clock: clock)
    }

    /// The same, with no erasure changing lines in place while they are copied.
    public static func backup(directory: String, to dest: String, clock: Clock = ProgramClock.shared) throws -> BackupReport {
        try ErasureJournal.guarding(directory, exclusive: false) { try backupReading(directory: directory, to: dest, clock: clock) }
    }

    /// Copies a backup into an empty data directory. `source` must verify; the copy gets its own head.
    public static func restore(from source: String, to dest: String, clock: Clock = ProgramClock.shared) throws -> BackupReport {
        guard access(source + "/" + eventsFile, R_OK) == 0 else { throw StoreError.io("no backup in \(source) (no \(eventsFile))") }
        for r in try verify(directory: source, mark: false) {
            if let p = r.problems.first { throw StoreError.damaged(file: source + "/" + r.file, line: p.line, reason: p.reason) }
        }
        var sizes: [String: Int] = [:]
        for f in backedUpFiles {
            let fd = open(source + "/" + f, O_RDONLY | O_CLOEXEC)
            if fd >= 0 { sizes[f] = Sys.fileSize(fd); close(fd) }
        }
        return try copy(from: source, to: dest, sizes: sizes, clock: clock)
    }

    private static func copy(from source: String, to dest: String, sizes: [String: Int], clock: Clock) throws -> BackupReport {
        try Sys.makeDirectories(dest)
        var ends: [String: LogEnd] = [:]
        for f in backedUpFiles {
            guard let size = sizes[f] else { continue }
            let log = f == eventsFile || f == auditFile
            try copyFile(source + "/" + f, dest + "/" + f, upTo: size, wholeLines: log)
            if log { ends[f] = try trimTornTail(dest + "/" + f) }
        }
        let events = ends[eventsFile] ?? LogEnd(seq: 0, hash: LogLine.genesisHash, bytes: 0)
        let audit = ends[auditFile] ?? LogEnd(seq: 0, hash: LogLine.genesisHash, bytes: 0)
        let now = clock.now()
        do {
            let head = HeadFile(directory: dest)
            if events.seq > 0 { head.write(.events, seq: events.seq, hash: events.hash, at: now) }
            if audit.seq > 0 { head.write(.audit, seq: audit.seq, hash: audit.hash, at: now) }
        }
        try syncFile(dest + "/" + HeadFile.name)
        Sys.syncDirectory(dest)
        for r in try verify(directory: dest, mark: false) {
            if let p = r.problems.first { throw StoreError.damaged(file: dest + "/" + r.file, line: p.line, reason: p.reason) }
        }
        return BackupReport(events: events, audit: audit, at: now)
    }

    /// Copies the first `size` bytes of `from` into a new file `to` (0600), cut after its last
    /// newline when `wholeLines`, and fsyncs it.
    private static func copyFile(_ from: String, _ to: String, upTo size: Int, wholeLines: Bool) throws {
        let src = open(from, O_RDONLY | O_CLOEXEC)
        guard src >= 0 else { throw StoreError.io("cannot open \(from): \(Sys.errorText)") }
        defer { close(src) }
        let dst = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard dst >= 0 else { throw StoreError.io("cannot create \(to): \(Sys.errorText)") }
        defer { close(dst) }
        var pos = 0, lastNewline = -1
        let chunk = 4 << 20
        while pos < size {
            guard let data = Sys.readAll(src, from: pos, count: min(chunk, size - pos)), !data.isEmpty else {
                throw StoreError.io("cannot read \(from): \(Sys.errorText)")
            }
            if let nl = data.lastIndex(of: 0x0A) { lastNewline = pos + nl }
            var done = 0
            while done < data.count {
                let n = data.withUnsafeBytes { Glibc.write(dst, $0.baseAddress! + done, data.count - done) }
                guard n > 0 else { throw StoreError.io("cannot write \(to): \(Sys.errorText)") }
                done += n
            }
            pos += data.count
        }
        if wholeLines && lastNewline + 1 < pos { _ = ftruncate(dst, off_t(lastNewline + 1)) }
        guard fsync(dst) == 0 else { throw StoreError.syncFailed(file: to, reason: Sys.errorText) }
    }

    /// The last good line of a copied log; a bad last line (a torn write) is cut off, damage before it refused.
    private static func trimTornTail(_ path: String) throws -> LogEnd {
        var last = (seq: 0, hash: LogLine.genesisHash), lines = 0
        var bad: (line: Int, reason: String)?
        try LogFile.scan(path: path) { line, result in
            lines = line
            switch result {
            case .success(let e): if bad == nil { last = (e.seq, e.hash) }
            case .failure(let p): if bad == nil { bad = (line, p.reason) }
            }
            return true
        }
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("cannot open \(path): \(Sys.errorText)") }
        defer { close(fd) }
        var size = Sys.fileSize(fd)
        if let bad {
            guard bad.line == lines else { throw StoreError.damaged(file: path, line: bad.line, reason: bad.reason) }
            // Cut the last line: back to the newline before it.
            let tail = Sys.readAll(fd, from: max(0, size - (1 << 20)), count: min(size, 1 << 20)) ?? []
            let body = tail.dropLast()
            size = (body.lastIndex(of: 0x0A).map { max(0, size - (1 << 20)) + $0 + 1 }) ?? 0
            guard ftruncate(fd, off_t(size)) == 0, fsync(fd) == 0 else { throw StoreError.io("cannot cut \(path): \(Sys.errorText)") }
        }
        return LogEnd(seq: last.seq, hash: last.hash, bytes: size)
    }

    private static func syncFile(_ path: String) throws {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0, fsync(fd) == 0 else { throw StoreError.syncFailed(file: path, reason: Sys.errorText) }
        close(fd)
    }
}
