import Glibc

/// The snapshot's encoding: positional binary (varints and length-prefixed UTF-8), no keys.
/// The event log is JSON because people, jq and later versions must read it; the snapshot is a
/// cache that is simply rebuilt when `Snapshot.format` changes, so it can be as fast as possible:
/// loading 100,000 citizens from JSON took ~3 s here.
struct SnapshotWriter {
    var bytes: [UInt8] = []

    mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: Int64(v)) << 1 ^ UInt64(bitPattern: Int64(v) >> 63)   // zigzag
        while u >= 0x80 { bytes.append(UInt8(u & 0x7F) | 0x80); u >>= 7 }
        bytes.append(UInt8(u))
    }
    mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }
    mutating func string(_ s: String) { var s = s; s.withUTF8 { int($0.count); bytes.append(contentsOf: $0) } }
    mutating func day(_ d: Day) { int(d.daysSinceEpoch) }
    mutating func optional<T>(_ v: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        if let v { bool(true); write(&self, v) } else { bool(false) }
    }
    mutating func raw<R: RawRepresentable>(_ v: R) where R.RawValue == String { string(v.rawValue) }
    /// A sector by its place in `Sector.allCases` (one byte; read without matching a string).
    mutating func sector(_ s: Sector) { int(Sector.allCases.firstIndex(of: s)!) }
    mutating func array<T>(_ items: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        int(items.count); for i in items { write(&self, i) }
    }
    /// A record behind its length in 4 bytes, so that a reader can step over it or read it alone.
    mutating func record(_ write: (inout SnapshotWriter) -> Void) {
        let at = bytes.count
        bytes += [0, 0, 0, 0]
        write(&self)
        let n = UInt32(bytes.count - at - 4)
        for k in 0..<4 { bytes[at + k] = UInt8(truncatingIfNeeded: n >> (8 * UInt32(k))) }
    }
    /// Many integers as raw 8-byte words (loaded with one copy, not decoded one by one).
    mutating func rawInts(_ values: [Int]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

struct SnapshotReader {
    struct Corrupt: Error {}
    let base: UnsafePointer<UInt8>
    let end: Int
    var pos = 0

    init(_ buffer: UnsafeRawBufferPointer) {
        base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        end = buffer.count
    }

    var atEnd: Bool { pos >= end }

    mutating func int() throws -> Int {
        var u: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard pos < end, shift < 64 else { throw Corrupt() }
            let b = base[pos]; pos += 1
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }
    /// A number of items that follow: never negative, never more than the bytes left.
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= end - pos else { throw Corrupt() }
        return n
    }

    /// A record's length (`SnapshotWriter.record`): never more than the bytes left.
    mutating func recordLength() throws -> Int {
        guard pos + 4 <= end else { throw Corrupt() }
        let n = Int(UInt32(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt32.self)))
        pos += 4
        guard n <= end - pos else { throw Corrupt() }
        return n
    }

    /// Steps over `n` bytes (a raw block read in place).
    mutating func skip(_ n: Int) throws {
        guard n >= 0, pos + n <= end else { throw Corrupt() }
        pos += n
    }

    mutating func bool() throws -> Bool {
        guard pos < end else { throw Corrupt() }
        pos += 1
        return base[pos - 1] != 0
    }
    mutating func string() throws -> String {
        let n = try int()
        guard n >= 0, pos + n <= end else { throw Corrupt() }
        defer { pos += n }
        return String(decoding: UnsafeBufferPointer(start: base + pos, count: n), as: UTF8.self)
    }
    mutating func day() throws -> Day { Day(daysSinceEpoch: try int()) }
    mutating func optional<T>(_ read: (inout SnapshotReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }
    mutating func raw<R: RawRepresentable>(_ t: R.Type = R.self) throws -> R where R.RawValue == String {
        guard let v = R(rawValue: try string()) else { throw Corrupt() }
        return v
    }
    mutating func sector() throws -> Sector {
        let i = try int()
        guard Sector.allCases.indices.contains(i) else { throw Corrupt() }
        return Sector.allCases[i]
    }
    mutating func array<T>(_ read: (inout SnapshotReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }
}

/// Each type's snapshot encoding, field by field in a fixed order. Change the order or a field,
/// and bump `Snapshot.format`: old snapshots are then ignored and rebuilt from the log.
protocol SnapshotCodable {
    func write(to w: inout SnapshotWriter)
    init(from r: inout SnapshotReader) throws
}

extension SnapshotWriter {
    mutating func value<T: SnapshotCodable>(_ v: T) { v.write(to: &self) }
    mutating func values<T: SnapshotCodable>(_ v: [T]) { array(v) { $1.write(to: &$0) } }
}

extension SnapshotReader {
    mutating func values<T: SnapshotCodable>(_ t: T.Type = T.self) throws -> [T] { try array { try T(from: &$0) } }
}

extension User: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(name); w.raw(sector); w.raw(role); w.bool(active); w.optional(phone) { $0.string($1) }; w.optional(email) { $0.string($1) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init(id: try r.string(), name: try r.string(), sector: try r.raw(), role: try r.raw(), active: try r.bool(),
                  phone: try r.optional { try $0.string() }, email: try r.optional { try $0.string() })
    }
}

extension Benefit: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(code); w.string(danish); w.string(english); w.day(validFrom); w.optional(validTo) { $0.day($1) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init(code: try r.string(), danish: try r.string(), english: try r.string(), validFrom: try r.day(), validTo: try r.optional { try $0.day() })
    }
}

extension HouseholdMember: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.raw(relation); w.string(name); w.optional(citizen) { $0.string($1) } }
    init(from r: inout SnapshotReader) throws {
        self.init(relation: try r.raw(), name: try r.string(), citizen: try r.optional { try $0.string() })
    }
}

extension Consent: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(id); w.array(sectors) { $0.sector($1) }; w.day(given); w.optional(withdrawn) { $0.day($1) } }
    init(from r: inout SnapshotReader) throws {
        self.init(id: try r.string(), sectors: try r.array { try $0.sector() }, given: try r.day(), withdrawn: try r.optional { try $0.day() })
    }
}

extension Goal: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(id); w.raw(area); w.string(text); w.raw(status) }
    init(from r: inout SnapshotReader) throws {
        self.init(id: try r.string(), area: try r.raw(), text: try r.string(), status: try r.raw())
    }
}

extension Effort: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.optional(goal) { $0.string($1) }; w.string(title); w.raw(sector); w.string(legalBasis); w.string(provider)
        w.day(start); w.optional(end) { $0.day($1) }; w.raw(status); w.bool(welfareTechnology); w.optional(offer) { $0.string($1) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init(id: try r.string(), goal: try r.optional { try $0.string() }, title: try r.string(), sector: try r.raw(),
                  legalBasis: try r.string(), provider: try r.string(), start: try r.day(), end: try r.optional { try $0.day() }, status: try r.raw(),
                  welfareTechnology: try r.bool(), offer: try r.optional { try $0.string() })
    }
}

extension Decision: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.raw(legalArea); w.day(date); w.string(text); w.day(appealDeadline); w.raw(sector)
        w.optional(corrected) { $0.day($1) }; w.optional(annulled) { $0.day($1) }; w.optional(annulReason) { $0.string($1) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init(id: try r.string(), legalArea: try r.raw(), date: try r.day(), text: try r.string(), appealDeadline: try r.day(),
                  sector: try r.raw())
        corrected = try r.optional { try $0.day() }; annulled = try r.optional { try $0.day() }; annulReason = try r.optional { try $0.string() }
    }
}

extension FollowUp: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.day(due); w.optional(done) { $0.day($1) }; w.optional(result) { $0.raw($1) }; w.optional(planned) { $0.day($1) }
        w.optional(subject) { $0.string($1) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init(id: try r.string(), due: try r.day(), done: try r.optional { try $0.day() }, result: try r.optional { try $0.raw() },
                  planned: try r.optional { try $0.day() }, subject: try r.optional { try $0.string() })
    }
}

extension Assessment: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(domain); w.int(score); w.day(date) }
    init(from r: inout SnapshotReader) throws { self.init(domain: try r.string(), score: try r.int(), date: try r.day()) }
}

extension Referral: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.raw(from); w.raw(to); w.string(text); w.day(date); w.raw(status)
        w.optional(sentBy) { $0.string($1) }; w.optional(answered) { $0.day($1) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init(id: try r.string(), from: try r.raw(), to: try r.raw(), text: try r.string(), date: try r.day(), status: try r.raw(),
                  sentBy: try r.optional { try $0.string() }, answered: try r.optional { try $0.day() })
    }
}

extension Plan: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.raw(overallGoal); w.string(ownWords); w.day(created)
        w.values(goals); w.values(efforts); w.values(decisions); w.values(followUps); w.values(assessments); w.values(referrals)
        w.array(reviews) { $0.string($1.fields.json) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init(overallGoal: try r.raw(), ownWords: try r.string(), created: try r.day())
        goals = try r.values(); efforts = try r.values(); decisions = try r.values()
        followUps = try r.values(); assessments = try r.values(); referrals = try r.values()
        reviews = try r.array { try Review(fields: try Fields(json: try $0.string())) }
    }
}

extension ContactEntry: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.int(Int(at.millis))
        w.int(Channel.allCases.firstIndex(of: channel)! * 8 + Sector.allCases.firstIndex(of: sector)!)
        w.string(user)
    }
    init(from r: inout SnapshotReader) throws {
        let at = try r.int(), kind = try r.int()
        guard kind >= 0, kind / 8 < Channel.allCases.count, kind % 8 < Sector.allCases.count else { throw SnapshotReader.Corrupt() }
        self.init(at: Timestamp(millis: Int64(at)), channel: Channel.allCases[kind / 8], sector: Sector.allCases[kind % 8], user: try r.string())
    }
}

extension Recorders: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        for list in [goals, followUps, assessments, household] { w.array(list) { $0.raw($1) } }
        w.optional(benefit) { $0.raw($1) }; w.optional(plan) { $0.raw($1) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init()
        goals = try r.array { try $0.raw() }; followUps = try r.array { try $0.raw() }
        assessments = try r.array { try $0.raw() }; household = try r.array { try $0.raw() }
        benefit = try r.optional { try $0.raw() }; plan = try r.optional { try $0.raw() }
    }
}

extension Guest: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.raw(kind); w.string(name); w.optional(organisation) { $0.string($1) } }
    init(from r: inout SnapshotReader) throws {
        self.init(kind: try r.raw(), name: try r.string(), organisation: try r.optional { try $0.string() })
    }
}

extension Meeting: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.raw(type); w.optional(citizen) { $0.string($1) }; w.int(start.minutesSinceEpoch); w.int(minutes)
        w.optional(room) { $0.string($1) }; w.array(participants) { $0.string($1) }; w.values(guests); w.raw(status)
        w.optional(outcome) { $0.string($1) }; w.int(version); w.int(Int(updated.millis)); w.array(agenda) { $0.string($1) }
    }
    init(from r: inout SnapshotReader) throws {
        let id = try r.string(), type: MeetingType = try r.raw(), citizen = try r.optional { try $0.string() }
        let start = LocalTime(day: Day(daysSinceEpoch: 0), minuteOfDay: 0).adding(minutes: try r.int())
        self.init(id: id, type: type, citizen: citizen, start: start, minutes: try r.int(), room: try r.optional { try $0.string() },
                  participants: try r.array { try $0.string() }, guests: try r.values(), status: try r.raw(),
                  outcome: try r.optional { try $0.string() })
        version = try r.int()
        updated = Timestamp(millis: Int64(try r.int()))
        agenda = try r.array { try $0.string() }
    }
}

extension ReviewDraw: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(fields.json); w.int(version) }
    init(from r: inout SnapshotReader) throws {
        try self.init(fields: try Fields(json: try r.string()))
        version = try r.int()
    }
}

extension Offer: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(fields.json)
        w.array(attendance.sorted { $0.key < $1.key }) { $0.day($1.key.monday); $0.int($1.value) }
        w.int(version)
    }
    init(from r: inout SnapshotReader) throws {
        try self.init(fields: try Fields(json: try r.string()))
        for (week, count) in try r.array({ (IsoWeek(try $0.day()), try $0.int()) }) { attendance[week] = count }
        version = try r.int()
    }
}

extension OrgUnit: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.string(name); w.optional(parent) { $0.string($1) }; w.array(targetGroups) { $0.raw($1) }
        w.array(sectors) { $0.sector($1) }; w.string(description); w.array(leaders) { $0.string($1) }
        w.optional(mandates) { w, m in w.array(m) { $0.raw($1) } }; w.int(version)
    }
    init(from r: inout SnapshotReader) throws {
        self.init(id: try r.string(), name: try r.string(), parent: try r.optional { try $0.string() },
                  targetGroups: try r.array { try $0.raw() }, sectors: try r.array { try $0.sector() }, description: try r.string(),
                  leaders: try r.array { try $0.string() }, mandates: try r.optional { try $0.array { try $0.raw() } })
        version = try r.int()
    }
}

extension Organisation: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.values(units.values.sorted { $0.id < $1.id })
        w.array(memberships.sorted { $0.key < $1.key }) { w, e in
            w.string(e.key); w.array(e.value) { w, m in w.day(m.from); w.string(m.unit) }
        }
        w.array(personMandates.sorted { $0.key < $1.key }) { w, e in w.string(e.key); w.array(e.value) { $0.raw($1) } }
        w.array(duties.sorted { $0.key < $1.key }) { w, e in w.string(e.key); w.string(e.value) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init()
        for u in try r.values(OrgUnit.self) { units[u.id] = u }
        for _ in 0..<(try r.count()) {
            let user = try r.string()
            memberships[user] = try r.array { Membership(from: try $0.day(), unit: try $0.string()) }
        }
        for _ in 0..<(try r.count()) { let user = try r.string(); personMandates[user] = try r.array { try $0.raw() } }
        for _ in 0..<(try r.count()) { let user = try r.string(); duties[user] = try r.string() }
    }
}
