import Foundation
import Glibc

/// A cache of the projection at one line of the event log, in the binary encoding of
/// `SnapshotCodec.swift`. Valid only while the log still has, at `offset`, the
/// line with `seq` and `hash`; otherwise it is ignored and rebuilt. Deleting it loses nothing.
enum Snapshot {
    static let format = 21   // 21: a referral's sender and answer day, the last answer's day in each head (after the inbox flags); 20: the organisation (units, memberships, mandates, duties) after the former numbers; 19: a decision's correction and annulment; 18: a follow-up's subject; 17: a case's closing day, former CPR numbers and linked registrations in each head, the former numbers' index; 16: the checksum (`magic` 3); 15: sectors in the heads and consents by number; 14: the inbox flags in each head; 13: the citizens' heads in one block, then their rests, each behind its length (`CitizenTable`)

    struct Loaded {
        let projection: Projection
        let offset: Int
        let seq: Int
        let hash: String
    }

    static func path(_ directory: String) -> String { directory + "/" + Store.snapshotFile }

    static func write(_ p: Projection, offset: Int, seq: Int, hash: String, directory: String) throws {
        var w = SnapshotWriter()
        w.bytes.reserveCapacity(p.citizens.count * 400 + 4096)
        w.bytes += magic
        w.int(format); w.int(seq); w.int(offset); w.string(hash)
        w.int(p.citizenCount); w.int(p.meetingCount); w.int(p.benefitsVersion)
        w.array(Array(p.accounts.values)) { w, a in
            w.value(a.user); w.string(a.passwordHash); w.int(a.version); w.int(a.failedLogins); w.optional(a.lastFailure) { $0.int(Int($1.millis)) }
        }
        w.values(Array(p.benefits.values))
        // Each citizen two records behind their lengths, read in place by `CitizenTable` after
        // loading: every head in one block (a pass over the heads reads one stretch of the file),
        // then every rest of the case.
        w.int(p.citizens.count)
        for i in 0..<p.citizens.count { w.record { p.citizens.writeHead(place: i, to: &$0) } }
        for i in 0..<p.citizens.count { w.record { p.citizens.writeRest(place: i, to: &$0) } }
        w.values(Array(p.meetings.values))
        w.array(Array(p.templates.values)) { w, t in w.string(t.fields.json); w.int(p.templateVersions[t.id] ?? 1) }
        w.values(Array(p.targets.values))
        w.optional(p.youthTargetGroup) { $0.value($1) }
        w.values(Array(p.reviewDraws.values))
        w.values(Array(p.offers.values))
        // Former CPR numbers (`CPRChanged`) by number, with their citizens' places: few, and not in a head's first fields.
        w.array(p.formerCPRPlaces.sorted { $0.key < $1.key }) { w, e in w.int(Int(e.key)); w.int(Int(e.value)) }
        w.value(p.organisation)
        // The line index: stream names with their counts, then every offset in one raw block.
        let streams = p.lines.streams, offsets = streams.map { p.lines.offsets($0) }
        w.array(Array(zip(streams, offsets))) { w, s in w.string(s.0); w.int(s.1.count) }
        w.int(offsets.reduce(0) { $0 + $1.count })
        for o in offsets { w.rawInts(o) }
        // The body's checksum at the end (`XXH64`, 16 hex digits): a snapshot cut short or changed
        // is ignored, not trusted.
        var out = w.bytes
        out += Array(out[magic.count...].withUnsafeBytes { XXH64.hex($0) }.utf8)

        // Every process may write it: each writes aside under a name of its own.
        try Sys.writeDurably(out, to: path(directory), aside: ".tmp-\(getpid())")
    }

    static let magic = Array("ENPLAN-SNAPSHOT-3\n".utf8)   // 3: the body's checksum is XXH64 (16 hex digits), not SHA-256; 2: citizens carry `Recorders`
    static let checksumLength = 16

    /// nil when there is no snapshot or it cannot be read: the caller replays the log instead.
    ///
    /// The file is mapped, not read into an array, and the pages already decoded are given back
    /// as decoding goes on, so the whole file is not held beside the whole state (58 MB off the
    /// peak on the benchmark store).
    static func load(directory: String) -> Loaded? {
        let fd = open(path(directory), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let size = Sys.fileSize(fd)
        guard size > magic.count + checksumLength, let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        // Kept mapped by the citizens' table and the line index (read in place); unmapped with them.
        let mapping = SnapshotMapping(base: map, size: size)
        let bytes = UnsafeRawBufferPointer(start: map, count: size)
        guard bytes.starts(with: magic) else { return nil }
        let bodyEnd = size - checksumLength
        let stored = String(decoding: bytes[bodyEnd...], as: UTF8.self)
        guard XXH64.hex(UnsafeRawBufferPointer(rebasing: bytes[magic.count..<bodyEnd])) == stored else { return nil }
        // Hashing read every page in; decoding gives them back behind it, as the state grows.
        let release = PageRelease(base: map)   // never past the line index's block (it is read in place)
        return try? {
            var r = SnapshotReader(UnsafeRawBufferPointer(rebasing: bytes[magic.count..<bodyEnd]))
            guard try r.int() == format else { return nil }
            let seq = try r.int(), offset = try r.int(), hash = try r.string()
            let citizenCount = try r.int(), meetingCount = try r.int(), benefitsVersion = try r.int()
            // Straight into the dictionaries, indexes built in the same pass: no intermediate arrays,
            // so no citizen is copied or destroyed on the way (that was a third of the load time).
            var p = Projection()
            var accounts: [String: Projection.Account] = [:], benefits: [String: Benefit] = [:]
            for _ in 0..<(try r.count()) {
                var a = Projection.Account(user: try User(from: &r), passwordHash: try r.string(), version: try r.int())
                a.failedLogins = try r.int()
                a.lastFailure = try r.optional { Timestamp(millis: Int64(try $0.int())) }
                accounts[a.user.id] = a
            }
            for _ in 0..<(try r.count()) { let b = try Benefit(from: &r); benefits[b.code] = b }
            // The citizens stay records in the mapped file (`CitizenTable`): only each head's id,
            // version, CPR number and inbox flags are read here.
            let citizenTotal = try r.count()
            var citizens = CitizenTable(mapping: mapping, minimumCapacity: citizenTotal), byCPR = [UInt64: Int32](minimumCapacity: citizenTotal)
            for _ in 0..<citizenTotal {
                let length = try r.recordLength(), start = r.pos
                let (id, version, cpr, inboxFlags, lastAnswered) = try CitizenHead.peek(from: &r)
                guard r.pos <= start + length, magic.count + start + length <= Int(UInt32.max), let key = Projection.cprKey(cpr) else { return nil }
                byCPR[key] = Int32(citizens.count)
                citizens.addRecord(id: id, version: version, offset: magic.count + start, length: length, inboxFlags: inboxFlags,
                                   lastAnswered: lastAnswered)
                try r.skip(start + length - r.pos)
            }
            for i in 0..<citizenTotal {
                let length = try r.recordLength()
                guard magic.count + r.pos + length <= Int(UInt32.max) else { return nil }
                citizens.addRest(place: i, offset: magic.count + r.pos, length: length)
                try r.skip(length)
            }
            let meetingTotal = try r.count()
            var meetings = [String: Meeting](minimumCapacity: meetingTotal), byDay: [Day: [String]] = [:]
            for _ in 0..<meetingTotal {
                let m = try Meeting(from: &r)
                byDay[m.start.day, default: []].append(m.id)
                meetings[m.id] = m
            }
            var templates: [String: PlanTemplate] = [:], templateVersions: [String: Int] = [:]
            for _ in 0..<(try r.count()) {
                let t = try PlanTemplate(fields: try Fields(json: try r.string()))
                templates[t.id] = t
                templateVersions[t.id] = try r.int()
            }
            var targets: [String: Target] = [:]
            for t in try r.values(Target.self) { targets[t.id] = t }
            let youth = try r.optional { try YouthTargetGroup(from: &$0) }
            var draws: [String: ReviewDraw] = [:], offers: [String: Offer] = [:]
            for d in try r.values(ReviewDraw.self) { draws[d.id] = d }
            for o in try r.values(Offer.self) { offers[o.id] = o }
            var formerByCPR: [UInt64: Int32] = [:]
            for (key, place) in try r.array({ (try $0.int(), try $0.int()) }) {
                guard key >= 0, place >= 0, place < citizenTotal else { return nil }
                formerByCPR[UInt64(key)] = Int32(place)
            }
            let organisation = try Organisation(from: &r)
            release.upTo(magic.count + r.pos)
            let streams = try r.array { r in (try r.string(), try r.count()) }
            guard try r.count() == streams.reduce(0, { $0 + $1.1 }) else { return nil }
            // The raw block stays where it is, in the mapped file (`LineIndex`): checked, not copied.
            mapping.block = magic.count + r.pos
            let total = streams.reduce(0, { $0 + $1.1 })
            guard total < Int(UInt32.max) else { return nil }
            try r.skip(total * MemoryLayout<Int>.size)
            var spans = NumberedMap<LineIndex.Span>(prefix: "c", minimumCapacity: citizenTotal)
            var first = 0
            for (stream, n) in streams {
                // Each stream's lines ascend and lie before the snapshot's own line: else it is not trusted.
                var previous = -1
                for i in first..<first + n {
                    let o = mapping.offset(i)
                    guard o > previous, o < offset else { return nil }
                    previous = o
                }
                spans[stream] = LineIndex.Span(first: UInt32(first), count: UInt32(n))
                first += n
            }
            let lines = LineIndex(mapping: mapping, spans: spans)
            guard r.atEnd else { return nil }
            p.restore(accounts: accounts, citizens: citizens, placeByCPR: byCPR, meetings: meetings, meetingsByDay: byDay,
                      benefits: benefits, benefitsVersion: benefitsVersion, templates: templates, templateVersions: templateVersions,
                      lines: lines, citizenCount: citizenCount, meetingCount: meetingCount, lastSeq: seq, targets: targets, youthTargetGroup: youth,
                      reviewDraws: draws, offers: offers, formerByCPR: formerByCPR, organisation: organisation)
            return Loaded(projection: p, offset: offset, seq: seq, hash: hash)
        }()
    }
}

/// Gives back the pages of a mapped file up to an offset (they are read in again if touched).
private final class PageRelease {
    let base: UnsafeMutableRawPointer
    private var released = 0
    private let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    init(base: UnsafeMutableRawPointer) { self.base = base }

    func upTo(_ offset: Int) {
        let end = offset / page * page
        guard end > released else { return }
        madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }
}
