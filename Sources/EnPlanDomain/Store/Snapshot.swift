import Foundation
import Glibc

/// A cache of the projection at one line of the event log: JSON Lines, a header and then one line
/// per user, benefit, citizen and meeting. Valid only while the log still has, at `offset`, the
/// line with `seq` and `hash`; otherwise it is ignored and rebuilt. Deleting it loses nothing.
enum Snapshot {
    static let format = 1

    struct Loaded {
        let projection: Projection
        let offset: Int
        let seq: Int
        let hash: String
    }

    static func path(_ directory: String) -> String { directory + "/" + Store.snapshotFile }

    static func write(_ p: Projection, offset: Int, seq: Int, hash: String, directory: String) throws {
        var out: [UInt8] = []
        out.reserveCapacity(p.citizens.count * 600 + 4096)
        func line(_ kind: String, _ f: Fields) {
            var w = JSONWriter()
            w.openObject(); w.field("k", kind); w.key("f"); f.encode(to: &w); w.closeObject()
            out += w.bytes; out.append(0x0A)
        }
        var header = Fields()
        header.set("format", format); header.set("seq", seq); header.set("offset", offset); header.set("hash", hash)
        header.set("citizenCount", p.citizenCount); header.set("meetingCount", p.meetingCount); header.set("benefitsVersion", p.benefitsVersion)
        line("header", header)
        for a in p.accounts.values {
            var f = a.user.fields; f.set("passwordHash", a.passwordHash); f.set("version", a.version)
            line("account", f)
        }
        for b in p.benefits.values { line("benefit", b.fields) }
        for c in p.citizens.values { line("citizen", c.fields) }
        for m in p.meetings.values { var f = m.fields; f.set("version", m.version); line("meeting", f) }

        let final = path(directory), temp = final + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io("cannot write \(temp): \(Sys.errorText)") }
        let n = out.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard n == out.count, rename(temp, final) == 0 else {
            unlink(temp)
            throw StoreError.io("cannot write the snapshot: \(Sys.errorText)")
        }
    }

    /// nil when there is no snapshot or it cannot be read: the caller replays the log instead.
    static func load(directory: String) -> Loaded? {
        let fd = open(path(directory), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let bytes = Sys.readAll(fd, from: 0, count: Sys.fileSize(fd)) else { return nil }
        var accounts: [String: Projection.Account] = [:], citizens: [String: Citizen] = [:]
        var meetings: [String: Meeting] = [:], benefits: [String: Benefit] = [:]
        var header: Fields?
        let ok: Bool = bytes.withUnsafeBytes { buf in
            guard let base = buf.baseAddress else { return false }
            var start = 0
            while start < buf.count, let nlPtr = memchr(base + start, 0x0A, buf.count - start) {
                let nl = base.distance(to: UnsafeRawPointer(nlPtr))
                var r = JSONReader(UnsafeRawBufferPointer(start: base + start, count: nl - start))
                start = nl + 1
                do {
                    var kind = "", f = Fields()
                    try r.openObject()
                    while let k = try r.nextKey() {
                        switch k {
                        case "k": kind = try r.string()
                        case "f": f = try Fields(from: &r)
                        default: try r.skip()
                        }
                    }
                    switch kind {
                    case "header":
                        guard try f.int("format") == format else { return false }
                        header = f
                    case "account":
                        accounts[try f.string("id")] = Projection.Account(user: try User(fields: f), passwordHash: try f.string("passwordHash"),
                                                                          version: try f.int("version"))
                    case "benefit": let b = try Benefit(fields: f); benefits[b.code] = b
                    case "citizen": let c = try Citizen(fields: f); citizens[c.id] = c
                    case "meeting": var m = try Meeting(fields: f); m.version = try f.int("version"); meetings[m.id] = m
                    default: return false
                    }
                } catch { return false }
            }
            return start == buf.count
        }
        guard ok, let h = header, let seq = try? h.int("seq"), let offset = try? h.int("offset"), let hash = try? h.string("hash"),
              let cc = try? h.int("citizenCount"), let mc = try? h.int("meetingCount"), let bv = try? h.int("benefitsVersion")
        else { return nil }
        var p = Projection()
        p.restore(accounts: accounts, citizens: citizens, meetings: meetings, benefits: benefits, benefitsVersion: bv,
                  citizenCount: cc, meetingCount: mc, lastSeq: seq)
        return Loaded(projection: p, offset: offset, seq: seq, hash: hash)
    }
}
