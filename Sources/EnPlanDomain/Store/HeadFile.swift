import Glibc

/// `store.head`: the last seq and hash (and time) acknowledged in each log, kept beside the logs
/// so that a log cut short cleanly, or replaced by an older copy, cannot take the evidence with
/// it. Two fixed-width records of 128 bytes (events at 0, the audit log at 128), each rewritten
/// in place with one pwrite(2) after every durable append, under the store's exclusive lock.
///
/// It is not synced on its own: after a crash the head may be behind its log, which is no alarm
/// (only a log that ends *before* its head is). So the durable append costs one pwrite more.
final class HeadFile {
    static let name = "store.head"
    static let recordSize = 128

    enum Log: Int { case events = 0, audit = 1 }

    struct Head: Equatable, Sendable {
        var seq: Int
        var hash: String
        var at: Timestamp?
    }

    let path: String
    private let fd: Int32

    init(directory: String) {
        path = directory + "/" + HeadFile.name
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    }

    deinit { if fd >= 0 { close(fd) } }

    func write(_ log: Log, seq: Int, hash: String, at: Timestamp) {
        guard fd >= 0 else { return }
        let bytes = HeadFile.record(log, seq: seq, hash: hash, at: at)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(log.rawValue * HeadFile.recordSize)) }
    }

    func read(_ log: Log) -> Head? {
        if case .head(let h) = reading(log) { return h }
        return nil
    }

    /// What the file says of `log`: nothing yet (never written, or zeros a crash left), a head, or
    /// bytes that are no head (damage: the store cannot tell what was acknowledged).
    enum Reading: Equatable { case none, head(Head), garbage }

    func reading(_ log: Log) -> Reading {
        guard fd >= 0 else { return .none }
        return HeadFile.reading(Sys.readAll(fd, from: log.rawValue * HeadFile.recordSize, count: HeadFile.recordSize))
    }

    static func reading(_ bytes: [UInt8]?) -> Reading {
        guard let bytes, bytes.contains(where: { $0 != 0 }) else { return .none }
        return parse(bytes).map(Reading.head) ?? .garbage
    }

    /// Reads the head file of a data directory without creating it (`enplan verify`): nil when
    /// there is no head file.
    static func reading(directory: String, _ log: Log) -> Reading? {
        let fd = open(directory + "/" + name, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return reading(Sys.readAll(fd, from: log.rawValue * recordSize, count: recordSize))
    }

    static func read(directory: String, _ log: Log) -> Head? {
        if case .head(let h)? = reading(directory: directory, log) { return h }
        return nil
    }

    static func record(_ log: Log, seq: Int, hash: String, at: Timestamp) -> [UInt8] {
        let name = log == .events ? "events" : "audit "
        var s = "\(name) \(seq) \(hash) \(at.iso)"
        s += String(repeating: " ", count: max(0, recordSize - 1 - s.utf8.count)) + "\n"
        return Array(s.utf8.prefix(recordSize))
    }

    static func parse(_ bytes: [UInt8]) -> Head? {
        guard bytes.count == recordSize, bytes.last == 0x0A else { return nil }
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 3, parts[0] == "events" || parts[0] == "audit", let seq = Int(parts[1]), seq >= 0,
              parts[2].utf8.count == 64, parts[2].utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        let at = parts.count > 3 ? Timestamp(iso: String(parts[3]).trimmingCharacters(in: .whitespacesAndNewlines)) : nil
        return Head(seq: seq, hash: String(parts[2]), at: at)
    }
}

/// A log that ends before the head recorded for it: cut short, or replaced by an older copy.
public struct Truncation: Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// The seq of the log's last line now (0: empty).
    public let endsAt: Int
    /// What the head says was written.
    public let expectedSeq: Int
    public let expectedHash: String
    public let writtenAt: Timestamp?

    public var description: String {
        let when = writtenAt.map { " was written on \(String($0.iso.prefix(19)).replacingOccurrences(of: "T", with: " ")) UTC" } ?? " was written"
        let what = endsAt == expectedSeq ? "\(file) ends at seq \(endsAt) with another line than seq \(expectedSeq) (hash \(expectedHash.prefix(16))…), which"
            : "\(file) ends at seq \(endsAt), but seq \(expectedSeq) (hash \(expectedHash.prefix(16))…)"
        return what + when + "; the store is read-only until an administrator accepts it (enplan verify --accept-truncation --as ADMIN --reason TEXT)"
    }

    /// Compares a log's last line with its recorded head: nil when the log reaches the head.
    static func check(file: String, seq: Int, hash: String, head: HeadFile.Head?) -> Truncation? {
        guard let head, head.seq > 0 else { return nil }
        if seq > head.seq { return nil }   // the head is behind (not synced before a crash): no alarm
        if seq == head.seq && hash == head.hash { return nil }
        return Truncation(file: file, endsAt: seq, expectedSeq: head.seq, expectedHash: head.hash, writtenAt: head.at)
    }
}
