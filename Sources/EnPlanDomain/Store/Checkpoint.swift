import COpenSSL
import Foundation
import Glibc

/// A signed checkpoint: both logs' last seq and hash at a moment, signed with the store's own
/// Ed25519 key (`checkpoint.key`, made on first use, 0600), for an administrator to copy off the
/// host. `verify --checkpoint FILE` checks that each log still holds that line with that hash, so a
/// log cut short before the checkpoint is caught even when `store.head` went with it, and that the
/// signature is the store's. An erasure changes no hash: a checkpoint stays true across it.
public struct Checkpoint: Sendable, Equatable {
    public var store: String
    public var at: Timestamp
    public var events: (seq: Int, hash: String)
    public var audit: (seq: Int, hash: String)
    /// The signing key's public half, as 64 hex digits.
    public var key: String
    public var signature: String

    public static func == (a: Checkpoint, b: Checkpoint) -> Bool {
        a.store == b.store && a.at == b.at && a.events == b.events && a.audit == b.audit && a.key == b.key && a.signature == b.signature
    }

    static let keyFile = "checkpoint.key"

    /// What is signed: the fields in a fixed order, as one JSON object without the signature.
    var signedText: String {
        var w = JSONWriter()
        w.openObject()
        w.field("checkpoint", 1); w.field("store", store); w.field("at", at.iso)
        w.field("eventsSeq", events.seq); w.field("eventsHash", events.hash)
        w.field("auditSeq", audit.seq); w.field("auditHash", audit.hash); w.field("key", key)
        w.closeObject()
        return w.string
    }

    /// The file's text: the signed object with the signature added, and a newline.
    public var text: String { String(signedText.dropLast()) + #","signature":""# + signature + "\"}\n" }

    /// Reads a checkpoint file; a signature that does not hold is an error.
    public static func read(path: String) throws -> Checkpoint {
        guard let data = FileManager.default.contents(atPath: path),
              let f = try? Fields(json: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
              (try? f.int("checkpoint")) == 1, let at = (try? f.string("at")).flatMap(Timestamp.init(iso:)) else {
            throw StoreError.io("\(path) is not an EnPlan checkpoint")
        }
        let c = Checkpoint(store: try f.string("store"), at: at, events: (try f.int("eventsSeq"), try f.string("eventsHash")),
                           audit: (try f.int("auditSeq"), try f.string("auditHash")), key: try f.string("key"), signature: try f.string("signature"))
        guard c.signatureHolds else { throw StoreError.io("\(path): the signature does not hold (the checkpoint was changed)") }
        return c
    }

    var signatureHolds: Bool {
        guard let pub = Checkpoint.bytes(hex: key), pub.count == 32, let sig = Checkpoint.bytes(hex: signature), sig.count == 64 else { return false }
        let msg = Array(signedText.utf8)
        return msg.withUnsafeBytes { m in enplan_ed25519_verify(pub, m.baseAddress, m.count, sig) == 0 }
    }

    /// The store's signing key: made on first use, kept beside the logs, readable by its owner only.
    static func signingKey(directory: String) throws -> (privateKey: [UInt8], publicHex: String) {
        let path = directory + "/" + keyFile
        if let data = FileManager.default.contents(atPath: path), let raw = bytes(hex: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
           raw.count == 64 {
            return (Array(raw[0..<32]), String(decoding: LogLine.hex(Array(raw[32...])), as: UTF8.self))
        }
        var priv = [UInt8](repeating: 0, count: 32), pub = [UInt8](repeating: 0, count: 32)
        guard enplan_ed25519_keypair(&priv, &pub) == 0 else { throw StoreError.io("cannot make a signing key (libcrypto)") }
        try Sys.writeDurably(LogLine.hex(priv + pub) + [0x0A], to: path)
        return (priv, String(decoding: LogLine.hex(pub), as: UTF8.self))
    }

    /// The public half of the store's key, if it has one (to compare with a checkpoint's).
    public static func publicKey(directory: String) -> String? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + keyFile),
              let raw = bytes(hex: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)), raw.count == 64 else { return nil }
        return String(decoding: LogLine.hex(Array(raw[32...])), as: UTF8.self)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let u = Array(hex.utf8)
        guard u.count % 2 == 0 else { return nil }
        func v(_ c: UInt8) -> UInt8? {
            switch c { case 48...57: c - 48; case 97...102: c - 87; case 65...70: c - 55; default: nil }
        }
        var out: [UInt8] = []
        out.reserveCapacity(u.count / 2)
        for i in stride(from: 0, to: u.count, by: 2) {
            guard let a = v(u[i]), let b = v(u[i + 1]) else { return nil }
            out.append(a << 4 | b)
        }
        return out
    }
}

extension Store {
    /// A signed checkpoint of both logs as they are now (caught up first).
    public func checkpoint() throws -> Checkpoint {
        try refresh()
        let key = try Checkpoint.signingKey(directory: directory)
        let h = heads
        var c = Checkpoint(store: identity, at: clock.now(), events: h.events, audit: h.audit, key: key.publicHex, signature: "")
        let msg = Array(c.signedText.utf8)
        var sig = [UInt8](repeating: 0, count: 64)
        guard msg.withUnsafeBytes({ enplan_ed25519_sign(key.privateKey, $0.baseAddress, $0.count, &sig) }) == 0 else {
            throw StoreError.io("cannot sign the checkpoint (libcrypto)")
        }
        c.signature = String(decoding: LogLine.hex(sig), as: UTF8.self)
        return c
    }

    /// What a checkpoint finds in a PostgreSQL store's tables (the key: this host's cache's).
    public static func check(_ c: Checkpoint, database url: String, cache directory: String) throws -> [VerifyReport] {
        let db = try PGConnection(url: url)
        return check(c, keyDirectory: directory) { file, seq in
            let table = file == eventsFile ? PGSchema.events : PGSchema.audit
            guard let r = try? db.exec("SELECT line FROM \(table) WHERE seq = $1", ["\(seq)"]), r.count == 1, let line = r.values[0][0] else { return .missing(false) }
            return line.withUnsafeBytes { LogLine.chainFields($0) }.map { .found($0.seq, $0.hash) } ?? .missing(true)
        }
    }

    /// What a checkpoint finds in the logs of `directory`: one problem a log (or the key), if any.
    public static func check(_ c: Checkpoint, directory: String) -> [VerifyReport] {
        check(c, keyDirectory: directory) { file, seq in
            let fd = open(directory + "/" + file, O_RDONLY | O_CLOEXEC)
            if fd < 0 { return .missing(true) }
            defer { close(fd) }
            return LogFile.chainFields(fd: fd, atSeq: seq, before: Sys.fileSize(fd)).map { .found($0.seq, $0.hash) } ?? .missing(false)
        }
    }

    /// A checkpoint's line as a log has it: found (its seq and hash), or not there (`logGone`: the whole log is).
    enum CheckpointLine { case found(Int, String), missing(Bool) }

    static func check(_ c: Checkpoint, keyDirectory directory: String, line: (String, Int) -> CheckpointLine) -> [VerifyReport] {
        var reports: [VerifyReport] = []
        var keyReport = VerifyReport(file: Checkpoint.keyFile)
        if let own = Checkpoint.publicKey(directory: directory), own != c.key {
            keyReport.problems.append(.init(0, "the checkpoint was signed with another key than this store's (\(String(c.key.prefix(16)))…, not \(String(own.prefix(16)))…)"))
        }
        for (file, want) in [(eventsFile, c.events), (auditFile, c.audit)] where want.seq > 0 {
            var report = VerifyReport(file: file)
            switch line(file, want.seq) {
            case .missing(true):
                report.problems.append(.init(want.seq, "\(file) is missing (the checkpoint of \(c.at.iso) has seq \(want.seq))"))
            case .missing(false):
                report.problems.append(.init(want.seq, "\(file) has no line \(want.seq): it was cut short before the checkpoint of \(c.at.iso)"))
            case let .found(_, hash) where hash != want.hash:
                report.problems.append(.init(want.seq, "line \(want.seq) is not the line the checkpoint of \(c.at.iso) signed (another hash): the log was changed or replaced"))
            case .found: break
            }
            reports.append(report)
        }
        if !keyReport.problems.isEmpty { reports.append(keyReport) }
        return reports
    }
}
