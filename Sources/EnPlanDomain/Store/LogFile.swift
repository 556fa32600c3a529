import Foundation
import Glibc

/// One append-only JSON Lines file with a hash chain: how it is read, checked, repaired at a torn
/// tail, and appended to. Locking is the caller's (`Store`): reads run under a shared lock,
/// repairs and appends under the exclusive one.
final class LogFile {
    let path: String
    let name: String
    private let fd: Int32
    private let io: FileIO
    /// The end of the last good line: everything before it has been read and checked.
    private(set) var offset = 0
    private(set) var lastSeq = 0
    private(set) var lastHash = LogLine.genesisHash
    /// Set when a line in the middle is damaged: reading stops there and writing is refused.
    private(set) var damage: StoreError?
    /// Set after a failed fdatasync.
    private var poisoned: StoreError?

    private let readAheadAbove: Int
    private let chunkBytes: Int

    init(path: String, io: FileIO, readAheadAbove: Int = 8 << 20, chunkBytes: Int = 4 << 20) throws {
        self.path = path
        self.io = io
        self.readAheadAbove = readAheadAbove
        self.chunkBytes = chunkBytes
        name = String(path.split(separator: "/").last ?? Substring(path))
        var existed = access(path, F_OK) == 0
        fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io("cannot open \(path): \(Sys.errorText)") }
        if !existed {
            existed = true
            Sys.syncDirectory(String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]))
        }
    }

    deinit { close(fd) }

    var size: Int { Sys.fileSize(fd) }

    /// Whether another file now lies at `path` than the one this process has open (an upgrade to
    /// format 2 renamed a new log into place): nothing more is read from or written to the old one.
    var replaced: Bool {
        var open = stat(), there = stat()
        guard fstat(fd, &open) == 0, stat(path, &there) == 0 else { return false }
        return open.st_ino != there.st_ino || open.st_dev != there.st_dev
    }

    /// Back to the start of the file, to read it all again.
    func rewind() { offset = 0; lastSeq = 0; lastHash = LogLine.genesisHash; damage = nil }

    /// Continue after a line known from a snapshot, if that line is really there.
    func resume(offset: Int, seq: Int, hash: String) -> Bool {
        guard offset > 0, offset <= size, let line = lineEnding(at: offset),
              let e = try? line.withUnsafeBytes({ try LogLine.decode($0, previousHash: nil, previousSeq: 0) }),
              e.seq == seq, e.hash == hash else { return false }
        self.offset = offset; lastSeq = seq; lastHash = hash
        return true
    }

    /// The complete line (without newline) whose newline is the byte before `end`.
    private func lineEnding(at end: Int) -> [UInt8]? {
        var start = end - 1
        let step = 4096
        var collected: [UInt8] = []
        while start > 0 {
            let from = max(0, start - step)
            guard let chunk = Sys.readAll(fd, from: from, count: start - from) else { return nil }
            if let nl = chunk.lastIndex(of: 0x0A) {
                return Array(chunk[(nl + 1)...]) + collected
            }
            collected = chunk + collected
            start = from
        }
        guard let last = Sys.readAll(fd, from: end - 1, count: 1), last == [0x0A] else { return nil }
        return collected
    }

    /// Finds the last good line from the end of the file without reading what comes before it
    /// (the audit log is only ever appended to in normal use). What a crash can leave is a tear:
    /// a fragment after the last newline, and at most one garbled last line. Anything else (two bad
    /// lines, a line from a newer schema, a broken chain at the end) is damage, never truncated.
    func seekTail() -> Tear? {
        let end = size
        guard end > 0 else { return nil }
        var lineEnd = end
        if let last = Sys.readAll(fd, from: end - 1, count: 1), last != [0x0A] {
            lineEnd = lastNewline(before: end).map { $0 + 1 } ?? 0
        }
        func tear(from start: Int, reason: String) -> Tear {
            Tear(line: lastSeq + 1, start: start, length: end - start, reason: reason)
        }
        func settle(_ e: RecordedEvent, at offset: Int) { self.offset = offset; lastSeq = e.seq; lastHash = e.hash }
        guard lineEnd > 0, let line = lineEnding(at: lineEnd) else {
            return lineEnd < end ? tear(from: 0, reason: "the only line has no newline (a write cut short)") : nil
        }
        do {
            settle(try line.withUnsafeBytes { try LogLine.decode($0, previousHash: nil, previousSeq: 0) }, at: lineEnd)
            return lineEnd < end ? tear(from: lineEnd, reason: "the last line has no newline (a write cut short)") : nil
        } catch let p as LogLine.Problem where p.isTear {
            // The last complete line is garbled: the one before it must be sound.
            let start = lineEnd - line.count - 1
            if start == 0 { return tear(from: 0, reason: p.reason) }
            guard let previous = lineEnding(at: start),
                  let e = try? previous.withUnsafeBytes({ try LogLine.decode($0, previousHash: nil, previousSeq: 0) }) else {
                damage = .damaged(file: name, line: 0, reason: "the last two lines are damaged (not what a crash leaves); nothing was changed")
                return nil
            }
            settle(e, at: start)
            return tear(from: start, reason: p.reason)
        } catch {
            let seq = line.withUnsafeBytes { LogLine.chainFields($0)?.seq } ?? 0
            damage = .damaged(file: name, line: seq, reason: "\(error)")
            return nil
        }
    }

    private func lastNewline(before end: Int) -> Int? {
        var hi = end
        while hi > 0 {
            let lo = max(0, hi - 4096)
            guard let chunk = Sys.readAll(fd, from: lo, count: hi - lo) else { return nil }
            if let nl = chunk.lastIndex(of: 0x0A) { return lo + nl }
            hi = lo
        }
        return nil
    }

    /// The seq and hash written on the line whose seq is `target`, found by bisecting the file's
    /// bytes before `end` (lines are in seq order): a few reads, not the whole log. nil when no
    /// such line reads. Used to check that a log longer than its head is the log the head was
    /// written for (not another store's log put in its place).
    func chainFields(atSeq target: Int, before end: Int? = nil) -> (seq: Int, hash: String)? {
        LogFile.chainFields(fd: fd, atSeq: target, before: end ?? size)
    }

    static func chainFields(fd: Int32, atSeq target: Int, before end: Int) -> (seq: Int, hash: String)? {
        // The first whole line that starts at or after `p` and before `hi`: its start, end and fields.
        func firstLine(from p: Int, before hi: Int) -> (start: Int, end: Int, seq: Int, hash: String)? {
            var start = p
            if p > 0 {
                guard let nl = newline(fd: fd, from: p - 1, before: hi) else { return nil }
                start = nl + 1
            }
            guard start < hi, let nl = newline(fd: fd, from: start, before: end),
                  let bytes = Sys.readAll(fd, from: start, count: nl - start),
                  let chain = bytes.withUnsafeBytes({ LogLine.chainFields($0) }) else { return nil }
            return (start, nl + 1, chain.seq, chain.hash)
        }
        var lo = 0, hi = end
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            guard let l = firstLine(from: mid, before: hi) else { hi = mid; continue }
            if l.seq == target { return (l.seq, l.hash) }
            if l.seq < target { lo = l.end } else { hi = l.start }
        }
        return nil
    }

    /// The offset of the first newline at or after `from` and before `end`.
    private static func newline(fd: Int32, from: Int, before end: Int) -> Int? {
        var at = from
        while at < end {
            guard let chunk = Sys.readAll(fd, from: at, count: min(4096, end - at)), !chunk.isEmpty else { return nil }
            if let i = chunk.firstIndex(of: 0x0A) { return at + i }
            at += chunk.count
        }
        return nil
    }

    /// Marks the file damaged (an acknowledged line found torn): reading stops and writing is refused.
    func markDamaged(_ e: StoreError) { damage = e }

    /// Forgets damage found before, to read again from the last good line (an administrator's
    /// release: what is still damaged is found again).
    func clearDamage() { damage = nil }

    /// A last line cut short or garbled by a crash.
    struct Tear: Equatable {
        let line: Int
        let start: Int
        let length: Int
        let reason: String
    }

    /// Reads and checks every complete line after `offset` (hash, JSON, chain), without handing
    /// them on (the audit log, before an append). Returns a torn tail, if any.
    @discardableResult
    func readNew() throws -> Tear? {
        try readNew(typed: false) { _, _ in }
    }

    /// Reads and checks every complete line after `offset`, handing each line's envelope to `apply`
    /// with its event decoded (when `typed`). Stops at damage in the middle (recorded in `damage`)
    /// and returns a torn tail, if any.
    ///
    /// Decoding (hash check, JSON, chain) runs a chunk ahead on a second thread while this one
    /// applies: the replay of two million events is bound by decoding, and this machine has two cores.
    @discardableResult
    func readNew(typed: Bool, _ apply: (LogLine.Envelope, DomainEvent?) throws -> Void) throws -> Tear? {
        if damage != nil { return nil }
        let end = size
        guard end > offset else { return nil }
        let reader = ChunkReader(fd: fd, path: path, from: offset, to: end, seq: lastSeq, hash: lastHash, typed: typed, chunkBytes: chunkBytes)
        let parallel = end - offset > readAheadAbove
        if parallel { reader.startAhead() }
        defer { if parallel { reader.cancel() } }
        while let chunk = try (parallel ? reader.nextAhead() : reader.next()) {
            for i in chunk.lines.indices {
                let (envelope, length) = chunk.lines[i]
                do {
                    try apply(envelope, typed ? chunk.typed[i] : nil)
                } catch {
                    reader.cancel()
                    if i > 0 { lastHash = chunk.hash(at: i - 1) }
                    damage = .damaged(file: name, line: envelope.seq, reason: "\(error)")
                    return nil
                }
                lastSeq = envelope.seq; offset += length
            }
            if !chunk.lines.isEmpty { lastHash = chunk.hash(at: chunk.lines.count - 1) }
            if let failure = chunk.failure {
                reader.cancel()
                // A garbled line with nothing complete after it is a torn tail; anything else is damage.
                let restHasLines = failure.lineEnd < end && (Sys.readAll(fd, from: failure.lineEnd, count: end - failure.lineEnd)?.contains(0x0A) ?? false)
                if failure.problem.isTear && !restHasLines {
                    return Tear(line: failure.line, start: offset, length: end - offset, reason: failure.problem.reason)
                }
                damage = .damaged(file: name, line: failure.line, reason: failure.problem.reason)
                return nil
            }
        }
        // Bytes after the last newline: a write cut short (or zeros from a crash).
        if offset < end {
            return Tear(line: lastSeq + 1, start: offset, length: end - offset, reason: "the last line has no newline (a write cut short)")
        }
        return nil
    }

    /// Moves a torn tail aside into `<file>.torn-<line>-<time>` (kept, never deleted), truncates the
    /// file to its last good line and syncs it. Caller holds the exclusive lock.
    func repair(_ tear: Tear, now: Timestamp) throws -> String {
        guard let bytes = Sys.readAll(fd, from: tear.start, count: tear.length) else {
            throw StoreError.io("cannot read the torn tail of \(path): \(Sys.errorText)")
        }
        let stamp = now.iso.filter { $0.isNumber || $0 == "T" }
        let aside = "\(path).torn-\(tear.line)-\(stamp)-\(getpid())"
        let out = open(aside, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard out >= 0 else { throw StoreError.io("cannot save the torn tail to \(aside): \(Sys.errorText)") }
        let written = bytes.withUnsafeBytes { Glibc.write(out, $0.baseAddress, $0.count) }
        let synced = fsync(out)
        close(out)
        guard written == bytes.count, synced == 0 else { throw StoreError.io("cannot save the torn tail to \(aside): \(Sys.errorText)") }
        Sys.syncDirectory(String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]))
        guard ftruncate(fd, off_t(tear.start)) == 0, fsync(fd) == 0 else {
            throw StoreError.io("cannot truncate the torn tail of \(path): \(Sys.errorText)")
        }
        return "\(name): line \(tear.line) was a torn write (\(tear.reason)); its \(tear.length) bytes were saved to \(aside.split(separator: "/").last!) and the file truncated to line \(tear.line - 1)"
    }

    /// Appends whole lines with one write(2) on the O_APPEND descriptor, then fdatasync.
    /// Caller holds the exclusive lock and has read every line before (`offset == size`).
    func append(_ bytes: [UInt8], lastSeq newSeq: Int, lastHash newHash: String) throws {
        if let poisoned { throw poisoned }
        if let damage { throw damage }
        // `offset` is the file's end: the caller read up to it under the same exclusive lock.
        let before = offset
        let n = bytes.withUnsafeBytes { io.write(fd, $0.baseAddress!, $0.count) }
        if n != bytes.count {
            let reason = n < 0 ? Sys.errorText : "only \(n) of \(bytes.count) bytes written"
            // Leave no partial line behind: the file goes back to its last good line.
            if ftruncate(fd, off_t(before)) != 0 || fsync(fd) != 0 {
                poisoned = .syncFailed(file: name, reason: "\(reason), and the partial line could not be removed")
                throw poisoned!
            }
            throw StoreError.diskFull(file: name, reason: reason)
        }
        if io.fdatasync(fd) != 0 {
            poisoned = .syncFailed(file: name, reason: Sys.errorText)
            throw poisoned!
        }
        offset = before + n
        lastSeq = newSeq
        lastHash = newHash
    }

    /// Reads every line from the start with a fresh chain, for `verify` and for `log`.
    static func scan(path: String, to: Int? = nil, _ visit: (Int, Result<RecordedEvent, LogLine.Problem>) -> Bool) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("cannot open \(path): \(Sys.errorText)") }
        defer { close(fd) }
        let lines = LineBuffer(fd: fd, path: path, from: 0, to: min(to ?? Int.max, Sys.fileSize(fd)), chunkBytes: 4 << 20)
        var lineNo = 0, prevHash = LogLine.genesisHash, prevSeq = 0, stopped = false
        while try lines.read({ line, _ in
            lineNo += 1
            do {
                let e = try LogLine.decode(line, previousHash: prevHash, previousSeq: prevSeq)
                prevHash = e.hash; prevSeq = e.seq
                if !visit(lineNo, .success(e)) { stopped = true; return false }
            } catch {
                let p = error as? LogLine.Problem ?? LogLine.Problem(reason: "\(error)")
                if !visit(lineNo, .failure(p)) { stopped = true; return false }
                // Carry on from this line's own fields so one bad line is reported once.
                if let chain = LogLine.chainFields(line) { prevHash = chain.hash; prevSeq = chain.seq }
            }
            return true
        }) {}
        if !stopped && lines.fragment > 0 {
            _ = visit(lineNo + 1, .failure(LogLine.Problem(reason: "the last line has no newline (a write cut short)", isTear: true)))
        }
    }
}
