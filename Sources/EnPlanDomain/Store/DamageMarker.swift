import Foundation
import Glibc

/// `store.damaged`: the store's persisted damage state, beside the logs. Its presence makes every
/// process read-only (each write looks for it under the exclusive lock, so a `verify` that finds
/// damage stops a running session's next write too); only an administrator's recorded decision
/// (`enplan verify --release --as ADMIN --reason TEXT`) lifts it, and the lifted marker is kept
/// as `store.damaged.released-<time>`.
///
/// The three states (DESIGN: "Damage states"), the same at open, in `verify` and at every write:
/// - sound: no marker, every log reaches its head;
/// - repaired: a torn last line beyond the last acknowledged head (a crash during a write) was
///   copied aside (`<log>.torn-…`) and cut off; nothing acknowledged was touched;
/// - damaged: anything else (a damaged or missing acknowledged line, a missing or unreadable file,
///   a log that ends before its head or is not the log the head was written for): the marker is
///   written and the store is read-only until released.
///
/// The file is a few lines of text, one finding each, written whole (a temporary file renamed into
/// place, the directory synced): `<time> <who> <file>:<line>: <reason>`.
public struct DamageMarker: Equatable, Sendable, CustomStringConvertible {
    public static let name = "store.damaged"

    /// What found the damage: opening the store, `verify`, or a write.
    public enum Finder: String, Sendable { case open, verify, write }

    public struct Finding: Equatable, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let reason: String
        public init(file: String, line: Int, reason: String) { self.file = file; self.line = line; self.reason = reason }
        public var description: String { "\(file):\(line): \(reason)" }
    }

    public let found: Timestamp
    public let by: Finder
    public let findings: [Finding]

    /// The marker of `directory`, if the store is marked damaged. A marker that does not read is
    /// still a marker (it says "damaged" by being there).
    public static func read(directory: String) -> DamageMarker? {
        let path = directory + "/" + name
        guard access(path, F_OK) == 0 else { return nil }
        return parse((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    /// The marker's text (`<time> <who> <file>:<line>: <reason>` a line) read back.
    static func parse(_ text: String) -> DamageMarker {
        var found: Timestamp?, by: Finder?, findings: [Finding] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3 else { continue }
            found = found ?? Timestamp(iso: String(parts[0]))
            by = by ?? Finder(rawValue: String(parts[1]))
            let rest = parts[2]
            if let colon = rest.firstIndex(of: ":"), let end = rest[rest.index(after: colon)...].firstIndex(of: ":"),
               let n = Int(rest[rest.index(after: colon)..<end]) {
                findings.append(Finding(file: String(rest[..<colon]), line: n,
                                        reason: String(rest[rest.index(after: end)...]).trimmingCharacters(in: .whitespaces)))
            } else {
                findings.append(Finding(file: "?", line: 0, reason: String(rest)))
            }
        }
        if findings.isEmpty { findings = [Finding(file: name, line: 0, reason: "the marker does not read")] }
        return DamageMarker(found: found ?? Timestamp(millis: 0), by: by ?? .open, findings: findings)
    }

    /// Marks `directory` damaged, unless it is already (the first finding stands; later ones are
    /// what the first caused). Returns the marker now in place.
    @discardableResult
    static func mark(directory: String, by: Finder, findings: [Finding], at now: Timestamp) -> DamageMarker {
        if let existing = read(directory: directory) { return existing }
        let marker = DamageMarker(found: now, by: by, findings: findings)
        let text = Self.text(by: by, findings: findings, at: now)
        let tmp = directory + "/." + name + ".\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd >= 0 {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            _ = fsync(fd)
            close(fd)
            rename(tmp, directory + "/" + name)
            Sys.syncDirectory(directory)
        }
        return marker
    }

    /// Lifts the marker (an administrator's decision, recorded by the caller): kept aside as
    /// `store.damaged.released-<time>`. Returns the marker that was lifted.
    static func release(directory: String, at now: Timestamp) -> DamageMarker? {
        guard let marker = read(directory: directory) else { return nil }
        let stamp = now.iso.filter { $0.isNumber || $0 == "T" }
        rename(directory + "/" + name, directory + "/" + name + ".released-" + stamp)
        Sys.syncDirectory(directory)
        return marker
    }

    static func text(by: Finder, findings: [Finding], at now: Timestamp) -> String {
        findings.map { "\(now.iso) \(by.rawValue) \($0.file):\($0.line): \(Self.oneLine($0.reason))\n" }.joined()
    }

    private static func oneLine(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    }

    /// The store's words for a write or a look refused because of the marker.
    public var description: String {
        let first = findings.first.map(\.description) ?? ""
        return "the store is marked damaged (found by \(by.rawValue) on \(String(found.iso.prefix(19)).replacingOccurrences(of: "T", with: " ")) UTC: \(first)"
            + (findings.count > 1 ? " and \(findings.count - 1) more" : "")
            + "); it is read-only until an administrator decides (enplan verify, then enplan verify --release --as ADMIN --reason TEXT)"
    }

    /// Whether the audit log itself is in doubt: then no look can be logged, so none may be made.
    public var auditInDoubt: Bool { findings.contains { $0.file == Store.auditFile || $0.file == HeadFile.name || $0.file == "?" } }
}
