import Glibc

// The store's damage states (`DamageMarker`): each log against its head at open, the persisted
// marker every write honours, a torn tail told from damage, and an administrator's release.
extension Store {
    /// Under the shared lock (so no append runs between reading a log and its head): compares each
    /// log's last line with its head, and marks the store damaged for anything that is not sound.
    func checkHeads() throws {
        guard let head else { return }
        var found = missing
        truncations = try lock.withLock(exclusive: false) {
            try events.readNew(typed: true) { try replayed($0, $1!) }
            _ = audit.seekTail()
            var cut: [Truncation] = []
            if !headExisted && (events.size > 0 || audit.size > 0) {
                found.append(.init(file: HeadFile.name, line: 0, reason: "store.head is missing: what was acknowledged cannot be checked"))
            }
            for (log, file, lf) in [(HeadFile.Log.events, Store.eventsFile, events), (.audit, Store.auditFile, audit)] {
                switch head.reading(log) {
                case .none: break
                case .garbage:
                    found.append(.init(file: HeadFile.name, line: log.rawValue + 1, reason: "the record of \(file) does not read: what was acknowledged cannot be checked"))
                case .head(let h):
                    if let t = Truncation.check(file: file, seq: lf.lastSeq, hash: lf.lastHash, head: h) {
                        cut.append(t)
                        found.append(.init(file: file, line: t.endsAt + 1, reason: t.description))
                    } else if let wrong = Store.notTheAcknowledged(file: file, head: h, lastSeq: lf.lastSeq, lookup: { lf.chainFields(atSeq: $0, before: nil) }) {
                        found.append(wrong)
                    }
                }
            }
            return cut
        }
        let damaged = [events, audit].compactMap { lf -> DamageMarker.Finding? in
            guard case let .damaged(file, line, reason)? = lf.damage else { return nil }
            return .init(file: file, line: line, reason: reason)
        }
        if !(found + damaged).isEmpty { markDamaged(by: .open, damaged + found) }
    }

    /// A log longer than its head must hold the acknowledged line at the head's seq: otherwise it
    /// is another log (another store's, longer) put in its place.
    static func notTheAcknowledged(file: String, head h: HeadFile.Head, lastSeq: Int,
                                   lookup: (Int) -> (seq: Int, hash: String)?) -> DamageMarker.Finding? {
        guard h.seq > 0, lastSeq > h.seq, lookup(h.seq)?.hash != h.hash else { return nil }
        return .init(file: file, line: h.seq, reason: "seq \(h.seq) is not the line acknowledged (hash \(h.hash.prefix(16))…): another log is in its place")
    }

    /// Writes the persisted damage state (once: the first finding stands) and keeps it to record
    /// in the audit log once no lock is held.
    func markDamaged(by finder: DamageMarker.Finder, _ findings: [DamageMarker.Finding]) {
        guard marker == nil else { return }
        let m = databaseURL.map { DamageMarker.mark(url: $0, by: finder, findings: findings, at: clock.now()) }
            ?? DamageMarker.mark(directory: directory, by: finder, findings: findings, at: clock.now())
        marker = m
        unrecordedMarker = m
    }

    /// Records in the audit log that the store is marked damaged (after `verify` marked it), when
    /// the audit log can take it.
    public func recordMarkerFound() {
        guard unrecordedMarker == nil, let m = readMarker() else { return recordMarker() }
        marker = m
        unrecordedMarker = m
        recordMarker()
    }

    /// Records a marker this process wrote in the audit log, when the audit log can take it (the
    /// marker stays the record when it cannot).
    func recordMarker() {
        guard let m = unrecordedMarker, !m.auditInDoubt else { return }
        unrecordedMarker = nil
        let line = AuditEntry.storeDamaged(finder: m.by.rawValue, findings: m.findings.map(\.description)).line(terminal: "-")
        try? appendAudit(actor: line.actor, type: AuditKind.storeDamaged.rawValue, subject: line.subject, data: line.data)
    }

    /// Under the exclusive lock, before any append: a marker another process wrote (`verify`, or a
    /// session that found damage) stops this one's writes too.
    func refuseIfMarked(auditOnly: Bool) throws {
        marker = readMarker()
        guard let m = marker else { return }
        if !auditOnly || m.auditInDoubt { throw StoreError.marked(m) }
    }

    /// The persisted damage marker: `store.damaged`, or the `enplan_damage` row.
    func readMarker() -> DamageMarker? {
        database.map { DamageMarker.read($0) } ?? DamageMarker.read(directory: directory)
    }

    func refuseIfTruncated(_ file: String) throws {
        if let t = truncations.first(where: { $0.file == file }) { throw StoreError.truncated(t) }
    }

    /// What an administrator's release did: the marker lifted, the logs' ends accepted as the new
    /// heads, the damaged acknowledged last lines moved aside.
    public struct Release: Sendable {
        public var marker: DamageMarker?
        public var truncations: [Truncation] = []
        public var movedAside: [String] = []
    }

    /// An administrator's decision on a damaged store, after `verify` found nothing else wrong with
    /// it than what is released here: a damaged last line (acknowledged or not) is moved aside
    /// (kept, never deleted), the heads are set to the logs' ends, and the marker is lifted (kept as
    /// `store.damaged.released-…`). The caller records the decision in the audit log.
    public func release() throws -> Release {
        var out = Release()
        try lock.withLock(exclusive: true) {
            releasing = true
            defer { releasing = false }
            let before = repairs.count
            events.clearDamage()
            audit.clearDamage()
            try catchUpExclusive(by: .write)
            auditTailKnown = false
            try catchUpAudit(by: .write)
            out.movedAside = Array(repairs[before...])
            if let damage = events.damage ?? audit.damage { throw damage }
            let now = clock.now()
            out.truncations = [Truncation.check(file: Store.eventsFile, seq: events.lastSeq, hash: events.lastHash, head: head?.read(.events)),
                               Truncation.check(file: Store.auditFile, seq: audit.lastSeq, hash: audit.lastHash, head: head?.read(.audit))].compactMap { $0 }
            head?.write(.events, seq: events.lastSeq, hash: events.lastHash, at: now)
            head?.write(.audit, seq: audit.lastSeq, hash: audit.lastHash, at: now)
            truncations = []
            out.marker = try database.map { try DamageMarker.release($0, at: now) } ?? DamageMarker.release(directory: directory, at: now)
            marker = nil
            unrecordedMarker = nil
        }
        return out
    }

    /// An administrator's acceptance of the logs as they are (a restored backup, a known cut): the
    /// same decision as `release`, for what it accepts. Returns the truncations accepted.
    public func acceptTruncations() throws -> [Truncation] { try release().truncations }

    /// Whether a torn line of `log` at `line` is beyond the last acknowledged head: only then is it
    /// a crash's leftover that may be cut off. At or before the head it was synced and acknowledged:
    /// damage (unless an administrator releases it).
    func isCrashTear(_ log: HeadFile.Log, _ tear: LogFile.Tear) -> Bool {
        // A transaction commits whole: a database log has no tears (`PGLog` reports none).
        if releasing { return true }
        guard let head else { return true }
        switch head.reading(log) {
        case .none: return true
        case .garbage: return false
        case .head(let h): return tear.line > h.seq
        }
    }

    func acknowledgedDamage(_ file: String, _ tear: LogFile.Tear) -> StoreError {
        .damaged(file: file, line: tear.line, reason: "line \(tear.line) was acknowledged (store.head) and is now damaged (\(tear.reason)); "
                 + "it is not a write cut short by a crash, so it was left as it is")
    }
}
