// The audit screen's queries, the spot checks (stikprøver) and the citizen's access report: for
// supervisors and administrators only, and each read of the log is itself logged.
extension CaseService {
    /// Audit records matching `filter`, break-the-glass looks and refused lookups first when asked.
    /// `logged: false` for a screen's re-read of the scope it has logged already (a new kind or period).
    public func auditEntries(_ filter: AuditFilter, as viewerID: String, logged: Bool = true) throws -> [AuditRecord] {
        let viewer = try auditor(viewerID)
        let citizens = filter.citizen.map(matchingCitizens)
        var out: [AuditRecord] = []
        try store.scan(audit: true) { e in
            let r = AuditRecord(e)
            if filter.admits(r, citizens: citizens) { out.append(r) }
            return true
        }
        if logged { try record(.auditRead(by: viewer.id, citizen: citizens.flatMap { $0.count == 1 ? $0.first : nil })) }
        return AuditFilter.ordered(out, exceptionsFirst: filter.exceptionsFirst)
    }

    /// `count` lookups (looks at a citizen, exports, searches) of the last `days` days, drawn at
    /// random, skipping those already spot-checked and the supervisor's own.
    public func drawSpotCheck(count: Int, as viewerID: String, days: Int = 30) throws -> [AuditRecord] {
        let viewer = try auditor(viewerID)
        let since = Day(daysSinceEpoch: today.daysSinceEpoch - days)
        var candidates: [AuditRecord] = [], checked = Set<Int>()
        try store.scan(audit: true) { e in
            let r = AuditRecord(e)
            if let entry = r.checkedEntry { checked.insert(entry) }
            if r.isLookup, r.user != viewer.id, r.at.local.day >= since { candidates.append(r) }
            return true
        }
        let drawn = Array(candidates.filter { !checked.contains($0.seq) }.shuffled().prefix(max(0, count)))
        try record(.auditRead(by: viewer.id, citizen: nil))
        return drawn.sorted { $0.seq < $1.seq }
    }

    /// Records a spot check's verdict on the audit record with seq `entry` (in the audit log, as
    /// one of its events). A record is checked once.
    public func recordSpotCheck(entry: Int, verdict: SpotCheckVerdict, note: String?, as viewerID: String) throws {
        let viewer = try auditor(viewerID)
        var target: AuditRecord?, done = false
        try store.scan(audit: true) { e in
            let r = AuditRecord(e)
            if r.seq == entry { target = r }
            if r.checkedEntry == entry { done = true }
            return true
        }
        guard let target, target.isLookup else { throw DomainError.notFound(.lookup("\(entry)")) }
        guard !done else { throw DomainError.conflict(.spotChecked(lookup: "\(entry)")) }
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        try record(.spotChecked(by: viewer.id, entry: entry, citizen: target.citizen, verdict: verdict, note: text))
    }

    /// Spot checks done, by month ("2026-11"), oldest first.
    public func spotCheckCounts(as viewerID: String) throws -> [(month: String, count: Int)] {
        _ = try auditor(viewerID)
        var counts: [String: Int] = [:]
        try store.scan(audit: true) { e in
            if e.type == AuditKind.spotChecked.rawValue { counts[String(e.ts.local.day.iso.prefix(7)), default: 0] += 1 }
            return true
        }
        return counts.sorted { $0.key < $1.key }.map { (month: $0.key, count: $0.value) }
    }

    /// Every look at one citizen (and every refused one) from `from` to `to`, oldest first: what
    /// the access report tells the citizen (`AccessReport.render`).
    public func accessReport(citizen id: String, from: Day? = nil, to: Day? = nil, as viewerID: String) throws -> AccessReport {
        let viewer = try auditor(viewerID)
        guard let c = store.projection.citizens[id], !c.isErased else { throw DomainError.notFound(.citizen(id)) }
        let filter = AuditFilter(from: from, to: to, kinds: [.citizenViewed, .exported, .lookupRefused], exceptionsFirst: false)
        var looks: [AuditRecord] = []
        try store.scan(audit: true) { e in
            let r = AuditRecord(e)
            if r.citizen == id, filter.admits(r, citizens: nil) { looks.append(r) }
            return true
        }
        try record(.auditRead(by: viewer.id, citizen: id))
        let staff = Dictionary(uniqueKeysWithValues: store.projection.users.map { ($0.id, $0) })
        return AccessReport(citizen: id, name: c.name, from: from, to: to, looks: looks, staff: staff, made: store.clock.now())
    }

    /// A supervisor or an administrator.
    func auditor(_ id: String) throws -> User {
        let viewer = try user(id)
        guard viewer.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.readAuditLog)) }
        return viewer
    }

    /// The citizens an audit filter's text names: an id, a CPR number, or part of a name.
    func matchingCitizens(_ text: String) -> Set<String> {
        let t = text.trimmingCharacters(in: .whitespaces)
        let citizens = store.projection.citizens
        if citizens.contains(t) { return [t] }
        let digits = t.filter(\.isNumber)
        if digits.count == 10, let id = store.projection.citizenID(cpr: digits) { return [id] }
        let folded = t.lowercased()
        let byName = citizens.heads.filter { $0.name.lowercased().contains(folded) }.map(\.id)
        return byName.isEmpty ? [t] : Set(byName)
    }
}

// An administrator's decision on a damaged store.
extension CaseService {
    /// An administrator releases a store marked damaged (or accepts logs that end before their
    /// heads: a restored backup, a known cut). `verify` runs first: damage a release cannot mend
    /// (a damaged line with good lines after it, a missing log) is refused, saying where, so that
    /// a backup is restored first. Otherwise a damaged last line is moved aside, the heads are set
    /// to the logs' ends, the marker is lifted, and each step is recorded in the audit log with the
    /// reason.
    @discardableResult
    public func releaseDamage(as adminID: String, reason: String) throws -> Store.Release {
        let admin = try user(adminID)
        guard admin.role == .admin else { throw DomainError.forbidden(.adminOnly(.acceptTruncation)) }
        guard let why = reason.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty else {
            throw DomainError.invalid(.truncationNeedsReason)
        }
        let reports = try store.verifyLogs(mark: false)
        let blocking = reports.flatMap { r in r.problems.filter { !$0.releasable }.map { "\(r.file):\($0.line): \($0.reason)" } }
        if let first = blocking.first {
            throw DomainError.readOnly("not released: \(first)\(blocking.count > 1 ? " (and \(blocking.count - 1) more)" : ""); "
                                       + "a release cannot mend this: restore a backup (enplan restore), then release")
        }
        let released = try store.release()
        for t in released.truncations {
            try record(.truncationAccepted(by: admin.id, file: t.file, expectedSeq: t.expectedSeq, expectedHash: t.expectedHash,
                                           foundSeq: t.endsAt, reason: why))
        }
        if released.marker != nil || !released.movedAside.isEmpty {
            try record(.damageReleased(by: admin.id, reason: why, findings: released.marker?.findings.map(\.description) ?? [],
                                       movedAside: released.movedAside))
        }
        return released
    }

    /// The same decision, for what it accepts of logs that end before their heads.
    @discardableResult
    public func acceptTruncation(as adminID: String, reason: String) throws -> [Truncation] {
        try releaseDamage(as: adminID, reason: reason).truncations
    }
}

// A restore from a backup.
extension CaseService {
    /// Records in the restored store's audit log that it was restored, from where and to which heads.
    public func recordRestore(by who: String, source: String, report: BackupReport) throws {
        try record(.restored(by: who, source: source, eventsSeq: report.events.seq, eventsHash: report.events.hash,
                             auditSeq: report.audit.seq, auditHash: report.audit.hash))
    }
}

// SSH keys tied to users.
extension CaseService {
    /// Records that an administrator added or removed the SSH key `fingerprint` of `user` (nil: a kiosk key).
    public func recordKeyChange(user: String?, fingerprint: String, added: Bool, headless: Bool = false, as adminID: String) throws {
        let admin = try self.user(adminID)
        guard admin.role == .admin else { throw DomainError.forbidden(.adminOnly(.sshKeys)) }
        try record(.keyChanged(by: admin.id, user: user, fingerprint: fingerprint, added: added, headless: headless))
    }
}
