@_spi(Store) import EnPlanDomain
import Foundation
import Glibc

/// The service account's `~/.ssh/authorized_keys`, the way gitolite and Gitea use it: each
/// person's key gets a line whose forced command names their EnPlan user, so whatever the client
/// asks for, sshd runs `enplan ssh-session --user U` and nothing else.
///
///     command="/usr/local/bin/enplan --data-dir /srv/enplan ssh-session --user mette --key SHA256:…",restrict,pty ssh-ed25519 AAAA… enplan:mette
///
/// `restrict` turns off forwarding, agent, X11 and ~/.ssh/rc; `pty` gives back the terminal the
/// full-screen interface needs. Lines that are not EnPlan's are kept as they are.
struct PublicKey: Equatable {
    let type: String
    let base64: String
    let comment: String
    let fingerprint: String

    static let types = ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"]

    /// A public key as `ssh-keygen` writes it (`TYPE BASE64 [COMMENT]`), checked: the blob must
    /// decode and name its own type.
    init(line: String) throws {
        let parts = line.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2, PublicKey.types.contains(parts[0]) else {
            throw UsageError("key add: not an SSH public key (expected `\(PublicKey.types[0]) AAAA… comment`, one line, the .pub file)")
        }
        guard let blob = Data(base64Encoded: parts[1]), blob.count > 4 else { throw UsageError("key add: the key's base64 does not decode") }
        let bytes = [UInt8](blob)
        let n = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        guard n > 0, 4 + n <= bytes.count, String(decoding: bytes[4..<(4 + n)], as: UTF8.self) == parts[0] else {
            throw UsageError("key add: the key's data does not name its type \(parts[0])")
        }
        type = parts[0]; base64 = parts[1]; comment = parts.count > 2 ? parts[2] : ""
        fingerprint = PublicKey.fingerprint(bytes)
    }

    /// As `ssh-keygen -l` prints it: SHA256: and the digest in base64 without padding.
    static func fingerprint(_ blob: [UInt8]) -> String {
        let hex = Array(Digest.sha256Hex(blob).utf8)
        var raw = [UInt8]()
        func v(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : c - 87 }
        for i in stride(from: 0, to: hex.count, by: 2) { raw.append(v(hex[i]) << 4 | v(hex[i + 1])) }
        return "SHA256:" + Data(raw).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }
}

/// One EnPlan line of authorized_keys.
struct KeyEntry: Equatable {
    /// nil for a kiosk key.
    let user: String?
    /// An administrator allowed headless commands with it (`key add --headless`).
    var headless = false
    let fingerprint: String
    let type: String
    let comment: String
}

enum AuthorizedKeys {
    /// `$HOME/.ssh/authorized_keys` of the account running enplan (the service account).
    static var defaultPath: String { (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.ssh/authorized_keys" }

    /// The forced-command line for a key: `user` nil is a kiosk key.
    static func line(_ key: PublicKey, user: String?, headless: Bool = false, executable: String, dataDirectory: String) throws -> String {
        for p in [executable, dataDirectory] where p.contains("\"") || p.contains("\\") || p.contains("'") {
            throw UsageError("key add: the path \(p) cannot go into a forced command (quotes or backslashes)")
        }
        func q(_ s: String) -> String { s.contains(where: { $0 == " " || $0 == "$" || $0 == "`" }) ? "'\(s)'" : s }
        let who = (user.map { "--user \($0)" } ?? "--kiosk") + (headless ? " --headless" : "")
        let command = "\(q(executable)) --data-dir \(q(dataDirectory)) ssh-session \(who) --key \(key.fingerprint)"
        return "command=\"\(command)\",restrict,pty \(key.type) \(key.base64) enplan:\(user ?? "kiosk")"
    }

    /// The EnPlan entries of a file's lines (others are skipped).
    static func entry(_ line: String) -> KeyEntry? {
        guard line.hasPrefix("command=\""), let end = line.dropFirst(9).firstIndex(of: "\"") else { return nil }
        let command = line[line.index(line.startIndex, offsetBy: 9)..<end].split(separator: " ").map(String.init)
        guard let s = command.firstIndex(of: "ssh-session"), let k = command.firstIndex(of: "--key"), k + 1 < command.count else { return nil }
        let user = command.firstIndex(of: "--user").flatMap { $0 + 1 < command.count ? command[$0 + 1] : nil }
        guard user != nil || command[s...].contains("--kiosk") else { return nil }
        let rest = line[line.index(after: end)...].split(separator: " ", maxSplits: 3).map(String.init)
        return KeyEntry(user: user, headless: command[s...].contains("--headless"), fingerprint: command[k + 1],
                        type: rest.count > 1 ? rest[1] : "?", comment: rest.count > 3 ? rest[3] : "")
    }

    static func read(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// Writes the file whole (a new file, fsynced, renamed over the old one), 0600 in a 0700 directory.
    static func write(_ lines: [String], to path: String) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: dir) {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let tmp = path + ".enplan-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw UsageError("cannot write \(tmp): \(String(cString: strerror(errno)))") }
        let bytes = Array((lines.map { $0 + "\n" }.joined()).utf8)
        let ok = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count && fsync(fd) == 0
        close(fd)
        guard ok, rename(tmp, path) == 0 else { unlink(tmp); throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))") }
    }
}
