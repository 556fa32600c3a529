import Foundation
import Glibc

/// A person's outbox: what they export on a screen (the plan for the citizen, a calendar, a
/// figure's CSV) is kept here, in the data directory, for them alone, until they fetch it over SSH
/// (`ssh enplan@host outbox get CODE > file`) or it expires. Nothing lands in a shared home
/// directory, nothing is overwritten, and nobody else can fetch it.
///
///     outbox/<user>/<CODE>--<name>     one file an export, 0600, in directories 0700
///
/// Invariants:
/// - The code is random (40 bits, Crockford base 32) and shown only on the screen of the person
///   who made the export, after their password: the SSH key and the code are the two factors, so
///   an ordinary key may fetch by code (`SSHSession.harmless`).
/// - A fetched item is removed (fetched once); an unfetched one is removed after `keepDays`.
/// - An item is looked up in its owner's folder only: another person's code finds nothing.
public struct Outbox: Sendable {
    public static let folder = "outbox"
    /// How long an unfetched export is kept.
    public static let keepDays = 7

    public struct Item: Equatable, Sendable {
        public let code: String
        public let name: String
        public let bytes: Int
        public let made: Timestamp
    }

    public let directory: String
    public let user: String
    public let clock: Clock

    public init(dataDirectory: String, user: String, clock: Clock = ProgramClock.shared) {
        directory = dataDirectory + "/" + Outbox.folder + "/" + user
        self.user = user
        self.clock = clock
    }

    /// Keeps `text` as `name` (a file name, no folders) and returns the item with its code.
    public func put(name: String, text: String) throws -> Item {
        try Sys.makeDirectories(directory)
        purge()
        let base = String(name.split(separator: "/").last ?? "export").filter { !$0.isWhitespace || $0 == " " }
        for _ in 0..<8 {
            let code = Outbox.newCode()
            let path = directory + "/" + code + "--" + base
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 { if errno == EEXIST { continue }; throw StoreError.io("cannot write \(path): \(Sys.errorText)") }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            // Made "now" on the program's clock (the one expiry is reckoned by).
            let now = clock.now()
            var times = [timespec(tv_sec: Int(now.millis / 1000), tv_nsec: Int(now.millis % 1000) * 1_000_000),
                         timespec(tv_sec: Int(now.millis / 1000), tv_nsec: Int(now.millis % 1000) * 1_000_000)]
            _ = futimens(fd, &times)
            let synced = fsync(fd)
            close(fd)
            guard written == bytes.count, synced == 0 else { unlink(path); throw StoreError.io("cannot write \(path): \(Sys.errorText)") }
            return Item(code: code, name: base, bytes: bytes.count, made: now)
        }
        throw StoreError.io("cannot find a free code in \(directory)")
    }

    /// The person's items, newest first (expired ones are removed first).
    public func list() -> [Item] {
        purge()
        return entries().sorted { $0.item.made > $1.item.made }.map(\.item)
    }

    /// The item with `code` (any case, with or without its dash), read and removed; nil when the
    /// person has no such item.
    public func take(code: String) throws -> (item: Item, data: Data)? {
        purge()
        let wanted = Outbox.normalised(code)
        guard !wanted.isEmpty, let e = entries().first(where: { $0.item.code == wanted }) else { return nil }
        let data = try Data(contentsOf: URL(fileURLWithPath: e.path))
        unlink(e.path)
        return (e.item, data)
    }

    /// Removes the item with `code`; false when there is none.
    public func remove(code: String) -> Bool {
        let wanted = Outbox.normalised(code)
        guard let e = entries().first(where: { $0.item.code == wanted }) else { return false }
        return unlink(e.path) == 0
    }

    /// Removes what is older than `keepDays`.
    public func purge() {
        let limit = clock.now().millis - Int64(Outbox.keepDays) * 86_400_000
        for e in entries() where e.item.made.millis < limit { unlink(e.path) }
    }

    private func entries() -> [(path: String, item: Item)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { file in
            guard let dash = file.range(of: "--") else { return nil }
            let path = directory + "/" + file
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            let made = Timestamp(millis: Int64(st.st_mtim.tv_sec) * 1000 + Int64(st.st_mtim.tv_nsec) / 1_000_000)
            return (path, Item(code: String(file[..<dash.lowerBound]), name: String(file[dash.upperBound...]), bytes: Int(st.st_size), made: made))
        }
    }

    /// Crockford's base 32 (no I, L, O, U): read aloud and typed without mistakes.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func newCode() -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet[Int.random(in: 0..<32, using: &rng)] })
    }

    /// "7kq2-xm4p" -> "7KQ2XM4P" (and O as 0, I and L as 1, as Crockford reads them).
    static func normalised(_ code: String) -> String {
        String(code.uppercased().compactMap { c -> Character? in
            switch c {
            case "O": return "0"
            case "I", "L": return "1"
            default: return alphabet.contains(c) ? c : nil
            }
        })
    }

    /// A code as it is shown: two groups of four.
    public static func shown(_ code: String) -> String { code.count == 8 ? String(code.prefix(4)) + "-" + String(code.suffix(4)) : code }
}
