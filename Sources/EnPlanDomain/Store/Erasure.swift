import Foundation
import Glibc

/// Erasing payloads in place (retention), and rewriting an old log in format 2 so that it can be.
///
/// An erased line keeps its length, its envelope and its hash (`LogLine.erasing`): every offset
/// the sessions, the line index and the snapshot hold stays true, and the chain is untouched. The
/// overwrites are made safe against a crash by a journal written first (`erasure.journal`: each
/// line's erased form and where it goes, then an end record, fsynced), applied, fsynced, and
/// removed; a store opened with a whole journal beside it applies it again (the same bytes to the
/// same places), one without its end record never began and is removed. The journal holds the
/// erased forms only, never a payload.
enum ErasureJournal {
    static let name = "erasure.journal"

    struct Entry: Equatable {
        let file: String
        let offset: Int
        let bytes: [UInt8]
    }

    /// The lock that keeps an erasure and the readers that read a log without the store's lock
    /// (`verify`, `backup`: they rely on lines never changing once written) apart. Taken before
    /// the store's lock, always; writers and sessions never take it.
    static func guarding<T>(_ directory: String, exclusive: Bool, _ body: () throws -> T) throws -> T {
        try LockFile(path: directory + "/erasure.lock").withLock(exclusive: exclusive, body)
    }

    static func write(_ entries: [Entry], directory: String) throws {
        var out: [UInt8] = []
        for e in entries {
            var w = JSONWriter(capacity: e.bytes.count + 64)
            w.openObject(); w.field("file", e.file); w.field("offset", e.offset)
            w.field("line", String(decoding: e.bytes, as: UTF8.self)); w.closeObject()
            out += w.bytes; out.append(0x0A)
        }
        out += Array(#"{"end":\#(entries.count)}"#.utf8); out.append(0x0A)
        try Sys.writeDurably(out, to: directory + "/" + name)
    }

    /// The journal's entries when it is whole; nil when there is none, or only a beginning.
    static func read(directory: String) -> [Entry]? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { return nil }
        var entries: [Entry] = []
        for line in data.split(separator: 0x0A) {
            guard let o = try? Fields(json: String(decoding: line, as: UTF8.self)) else { return nil }
            if let end = try? o.int("end") { return end == entries.count ? entries : nil }
            guard let file = try? o.string("file"), [Store.eventsFile, Store.auditFile].contains(file),
                  let offset = try? o.int("offset"), let text = try? o.string("line") else { return nil }
            entries.append(Entry(file: file, offset: offset, bytes: Array(text.utf8)))
        }
        return nil
    }

    /// Puts each erased line in place and makes it durable, then removes the journal. A place
    /// whose line is not that line (another seq or hash) is damage, and nothing is written.
    static func apply(_ entries: [Entry], directory: String) throws {
        var fds: [String: Int32] = [:]
        defer { for fd in fds.values { close(fd) } }
        for e in entries where fds[e.file] == nil {
            let fd = open(directory + "/" + e.file, O_RDWR | O_CLOEXEC)
            guard fd >= 0 else { throw StoreError.io("cannot open \(e.file) to erase: \(Sys.errorText)") }
            fds[e.file] = fd
        }
        for e in entries {
            guard let old = Sys.readAll(fds[e.file]!, from: e.offset, count: e.bytes.count + 1), old.count == e.bytes.count + 1, old.last == 0x0A,
                  let was = Array(old.dropLast()).withUnsafeBytes({ LogLine.chainFields($0) }),
                  let now = e.bytes.withUnsafeBytes({ LogLine.chainFields($0) }), was == now else {
                throw StoreError.damaged(file: e.file, line: 0, reason: "the erasure journal names a line at byte \(e.offset) that is not there")
            }
        }
        for e in entries {
            let n = e.bytes.withUnsafeBytes { pwrite(fds[e.file]!, $0.baseAddress, $0.count, off_t(e.offset)) }
            guard n == e.bytes.count else { throw StoreError.io("cannot erase in \(e.file): \(Sys.errorText)") }
        }
        for fd in fds.values where fdatasync(fd) != 0 { throw StoreError.syncFailed(file: "erasure", reason: Sys.errorText) }
        unlink(directory + "/" + name)
        Sys.syncDirectory(directory)
    }

    /// At open: finish an erasure a crash interrupted, or forget one that never began.
    static func recover(directory: String) throws {
        guard access(directory + "/" + name, F_OK) == 0 else { return }
        if let entries = read(directory: directory) {
            try apply(entries, directory: directory)
        } else {
            unlink(directory + "/" + name)
            Sys.syncDirectory(directory)
        }
    }
}

extension Store {
    /// What an erasure found and did.
    public struct Erased: Sendable, Equatable {
        public var events: [Int] = []
        public var audit: [Int] = []
    }

    /// Erases in place, under the exclusive lock, the payloads of the lines `pick` chooses in each
    /// log (`picked(audit:event:)`). Only format-2 lines can be: a chosen format-1 line is an error
    /// (`upgradeToFormatTwo` first). Erasing nothing is no error.
    @_spi(Store)
    public func erasePayloads(_ pick: (_ audit: Bool, RecordedEvent) -> Bool) throws -> Erased {
        try refuseInDatabase("erasure")
        return try ErasureJournal.guarding(directory, exclusive: true) { try lock.withLock(exclusive: true) {
            try catchUpExclusive(by: .write)
            try refuseIfMarked(auditOnly: false)
            var entries: [ErasureJournal.Entry] = [], erased = Erased()
            for (file, isAudit) in [(Store.eventsFile, false), (Store.auditFile, true)] {
                try Store.eachLine(path: directory + "/" + file) { line, start in
                    guard let e = try? LogLine.decode(line, previousHash: nil, previousSeq: 0), !e.erased, pick(isAudit, e) else { return }
                    guard let bytes = LogLine.erasing(line) else {
                        throw StoreError.io("\(file): line \(e.seq) is in format 1: run `enplan retention upgrade` first")
                    }
                    entries.append(.init(file: file, offset: start, bytes: bytes))
                    if isAudit { erased.audit.append(e.seq) } else { erased.events.append(e.seq) }
                }
            }
            guard !entries.isEmpty else { return erased }
            try ErasureJournal.write(entries, directory: directory)
            try ErasureJournal.apply(entries, directory: directory)
            // The snapshot holds the projection as it was: it goes, and is made again at an open.
            unlink(Snapshot.path(directory))
            return erased
        } }
    }

    /// Each complete line of a file with the offset it starts at.
    static func eachLine(path: String, _ visit: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("cannot open \(path): \(Sys.errorText)") }
        defer { close(fd) }
        let lines = LineBuffer(fd: fd, path: path, from: 0, to: Sys.fileSize(fd), chunkBytes: 4 << 20)
        var failure: Error?
        while try lines.read({ line, lineEnd in
            do { try visit(line, lineEnd - line.count - 1); return true } catch { failure = error; return false }
        }) {}
        if let failure { throw failure }
    }
}

/// A store's logs rewritten from format 1 to format 2 (`enplan retention upgrade`), so that their
/// payloads can be erased. Offline: the sessions must be closed (one still open finds its log
/// replaced at its next look and stops, saying so; none can write into the old file).
public struct FormatUpgrade: Sendable, Equatable {
    public struct Log: Sendable, Equatable {
        public let file: String
        public let lines: Int
        /// Lines that were in format 1.
        public let converted: Int
        public let oldHead: (seq: Int, hash: String)
        public let newHead: (seq: Int, hash: String)
        public static func == (a: Log, b: Log) -> Bool {
            a.file == b.file && a.lines == b.lines && a.converted == b.converted && a.oldHead == b.oldHead && a.newHead == b.newHead
        }
    }
    public let logs: [Log]
    public var converted: Int { logs.map(\.converted).reduce(0, +) }
}

/// Appends to a new file in large writes, fsynced at the end.
final class FileHandleWriter {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []

    init(path: String) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    }

    deinit { if fd >= 0 { close(fd) } }

    func write(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count > 1 << 20 { try flush() }
    }

    private func flush() throws {
        guard fd >= 0 else { throw StoreError.io("cannot write \(path): \(Sys.errorText)") }
        let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard n == buffer.count else { throw StoreError.io("cannot write \(path): \(Sys.errorText)") }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        try flush()
        guard fsync(fd) == 0 else { throw StoreError.syncFailed(file: path, reason: Sys.errorText) }
    }
}

extension Store {
    /// What a line says, folded into a running number: its seq, stream, type, whether erased, its payload.
    static func fingerprint(_ h: UInt64, _ e: RecordedEvent) -> UInt64 {
        let text = "\(e.seq)|\(e.stream)|\(e.type)|\(e.erased)|\(e.data.json)"
        return Array(text.utf8).withUnsafeBytes { (h &* 0x100000001B3) ^ XXH64.hash($0) }
    }

    static func fileSize(_ path: String) throws -> Int {
        var st = stat()
        guard stat(path, &st) == 0 else { throw StoreError.io("cannot read \(path): \(Sys.errorText)") }
        return Int(st.st_size)
    }

    /// Whether a log still holds a format-1 line (they come first: nothing writes format 1 now).
    static func holdsFormatOne(path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard let start = Sys.readAll(fd, from: 0, count: 8), !start.isEmpty else { return false }
        return !start.starts(with: LogLine.formatTwo)
    }

    /// Rewrites both logs in format 2 when either holds a format-1 line; nil when neither does.
    /// Each log's whole chain is checked first (a damaged store is not upgraded), every line is
    /// written again with a fresh salt and chained anew, the payloads read back from the new file
    /// are compared with the old ones line by line, and only then the new file is renamed into
    /// place. `store.head` follows; the snapshot goes. The old heads go in the audit record the
    /// caller writes (`AuditKind.storeUpgraded`), so a checkpoint or backup made before still
    /// proves the old chain.
    @_spi(Store)
    public static func upgradeToFormatTwo(directory: String, clock: Clock = ProgramClock.shared) throws -> FormatUpgrade? {
        try requireOwner(directory)
        let files = [eventsFile, auditFile]
        guard files.contains(where: { holdsFormatOne(path: directory + "/" + $0) }) else { return nil }
        return try ErasureJournal.guarding(directory, exclusive: true) {
            try LockFile(path: directory + "/store.lock").withLock(exclusive: true) {
                if let marker = DamageMarker.read(directory: directory) { throw StoreError.marked(marker) }
                var logs: [FormatUpgrade.Log] = []
                var staged: [(temp: String, final: String)] = []
                for file in files {
                    let path = directory + "/" + file, temp = path + ".format2"
                    // One pass: the old chain checked line by line, each line written anew, and a
                    // fingerprint of what the lines say (not how) to compare with the new file's.
                    let out = FileHandleWriter(path: temp)
                    var prevOld = LogLine.genesisHash, seqOld = 0, prev = LogLine.genesisHash
                    var lines = 0, converted = 0, bytes = 0, said: UInt64 = 0
                    try eachLine(path: path) { line, _ in
                        let e: RecordedEvent
                        do { e = try LogLine.decode(line, previousHash: prevOld, previousSeq: seqOld) } catch {
                            throw StoreError.damaged(file: file, line: lines + 1, reason: "not upgraded: \(error) (run `enplan verify`)")
                        }
                        prevOld = e.hash; seqOld = e.seq; lines += 1; bytes += line.count + 1
                        said = Store.fingerprint(said, e)
                        if line.starts(with: LogLine.formatTwo) && e.erased, let kept = LogLine.rechained(line, prev: prev) {
                            try out.write(kept.bytes); prev = kept.hash
                            return
                        }
                        if !line.starts(with: LogLine.formatTwo) { converted += 1 }
                        let l = LogLine.encode(seq: e.seq, ts: e.ts, actor: e.actor, type: e.type, stream: e.stream, version: e.version, data: e.data, prev: prev)
                        try out.write(l.bytes); prev = l.hash
                    }
                    try out.finish()
                    guard bytes == (try fileSize(path)) else {
                        unlink(temp)
                        throw StoreError.io("\(file) ends in a line cut short: open the store once (it repairs that), then upgrade")
                    }
                    // Read back: a sound chain in format 2 that says what the old one said.
                    var again: UInt64 = 0, count = 0, sound = true
                    try LogFile.scan(path: temp) { _, result in
                        guard case .success(let e) = result else { sound = false; return false }
                        again = Store.fingerprint(again, e); count += 1
                        return true
                    }
                    guard sound, count == lines, again == said else {
                        unlink(temp)
                        throw StoreError.io("\(file): the rewritten log did not read back the same; nothing was changed")
                    }
                    staged.append((temp, path))
                    logs.append(.init(file: file, lines: lines, converted: converted, oldHead: (seqOld, prevOld), newHead: (seqOld, prev)))
                }
                for s in staged where rename(s.temp, s.final) != 0 { throw StoreError.io("cannot put \(s.final) in place: \(Sys.errorText)") }
                Sys.syncDirectory(directory)
                let head = HeadFile(directory: directory), now = clock.now()
                for l in logs { head.write(l.file == eventsFile ? .events : .audit, seq: l.newHead.seq, hash: l.newHead.hash, at: now) }
                unlink(Snapshot.path(directory))
                return FormatUpgrade(logs: logs)
            }
        }
    }
}
