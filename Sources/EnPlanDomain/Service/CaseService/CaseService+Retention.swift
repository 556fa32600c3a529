@preconcurrency import Foundation
import Glibc

// Retention: what is due, the archive copy, and the run that erases (docs/architecture.md,
// "Erasure: forgetting a person and proving nothing else changed").
//
// Invariants:
// - Administrators only; a run erases only closed cases past their period that an archive copy
//   holds (an `Archived` record names them), or all due when the settings name the decision that
//   exempts them from archiving.
// - The record goes first (`CitizenErased`, durable), then the payloads (`Store.erasePayloads`):
//   a crash between leaves a record whose lines a second run erases; never erased lines without
//   a record, which a live session could write after.
// - What stays holds no one's data: the envelopes (seq, time, staff id, type, case id), the
//   salted commitments whose salts are gone, the record, and nameless closed cases.
extension CaseService {
    /// What is due under `policy` today.
    public func retention(as adminID: String, policy: RetentionPolicy) throws -> RetentionReport {
        try requireAdministrator(adminID)
        try store.refresh()
        let today = self.today, archived = try archivedCitizens()
        var due: [RetentionReport.Case] = [], upcoming: [RetentionReport.Case] = []
        for h in store.projection.citizens.heads where !h.name.isEmpty {
            guard let closed = h.closed else { continue }
            let c = RetentionReport.Case(id: h.id, closed: closed, due: policy.due(closed: closed), archived: archived.contains(h.id))
            if c.due <= today { due.append(c) } else { upcoming.append(c) }
        }
        let before = policy.auditBefore(today: today)
        var auditDue = 0
        try store.scan(audit: true) { e in
            guard e.ts.copenhagenDay < before else { return false }
            if !RetentionPolicy.keptAuditKinds.contains(e.type) { auditDue += 1 }
            return true
        }
        let order = { (a: RetentionReport.Case, b: RetentionReport.Case) in a.due != b.due ? a.due < b.due : FigureScope.idOrder(a.id, b.id) }
        return RetentionReport(policy: policy, today: today, cases: due.sorted(by: order), upcoming: upcoming.sorted(by: order),
                               auditBefore: before, auditRecords: auditDue,
                               needsUpgrade: [Store.eventsFile, Store.auditFile].contains { Store.holdsFormatOne(path: store.directory + "/" + $0) })
    }

    /// Writes an archive copy of the cases due to `dest`, reads it back, and records it.
    public func archive(as adminID: String, policy: RetentionPolicy, to dest: String) throws -> ArchiveReport {
        let due = try retention(as: adminID, policy: policy)
        guard !due.cases.isEmpty else { throw DomainError.invalid(.nothingDue) }
        let meetings = Set(due.cases.flatMap { store.projection.citizens.head($0.id)?.meetings ?? [] })
        let report = try ArchivePackage.write(from: store, cases: due.cases, meetings: meetings, store: store.identity,
                                              by: adminID, policy: policy, to: dest, now: store.clock.now())
        try record(.archived(by: adminID, destination: dest, citizens: report.citizens, manifest: report.manifest))
        return report
    }

    /// Erases the personal data of the erasable cases due, and the audit records past their period.
    public func runRetention(as adminID: String, policy: RetentionPolicy, dryRun: Bool) throws -> RetentionRun {
        let report = try retention(as: adminID, policy: policy)
        if report.needsUpgrade && !dryRun { throw DomainError.invalid(.formatOneLog) }
        let erasable = report.erasable
        let ids = Set(erasable.map(\.id))
        let notArchived = report.cases.filter { !ids.contains($0.id) }.map(\.id)
        let state = store.projection
        let meetings = Set(erasable.flatMap { state.citizens.head($0.id)?.meetings ?? [] })
        // What names the people, for the searches in the audit log and the files beside the logs.
        var terms: [String] = []
        for c in erasable {
            guard let h = state.citizens.head(c.id) else { continue }
            terms.append(h.name)
            for cpr in [h.cpr] + h.formerCPRs { terms += [cpr.digits, cpr.description] }
        }
        let before = report.auditBefore
        let termSet = Set(terms)
        func auditDue(_ e: RecordedEvent) -> Bool {
            if ids.contains(e.stream) || termSet.contains(e.stream) { return true }
            if e.type == AuditKind.citizensSearched.rawValue, let q = try? e.data.string("query"), Self.mentions(q, terms) { return true }
            return e.ts.copenhagenDay < before && !RetentionPolicy.keptAuditKinds.contains(e.type)
        }
        if dryRun {
            var events = 0, audit = 0
            try store.scan { e in events += ArchivePackage.belongs(e, citizens: ids, meetings: meetings) ? 1 : 0; return true }
            try store.scan(audit: true) { e in audit += auditDue(e) ? 1 : 0; return true }
            return RetentionRun(dryRun: true, citizens: erasable.map(\.id), notArchived: notArchived, eventLines: events, auditLines: audit,
                                filesRemoved: [], residue: [])
        }
        let rule = policy.caseRule
        let archiveOf = try archiveRecords()
        if !erasable.isEmpty {
            try execute(batch: erasable.map { c in
                (adminID, .eraseCitizen(citizen: c.id, rule: rule, archive: archiveOf[c.id] ?? "Undtaget fra arkivering: \(policy.archiveExempt ?? "")"))
            })
        }
        let erased = try store.erasePayloads { isAudit, e in
            isAudit ? auditDue(e) : ArchivePackage.belongs(e, citizens: ids, meetings: meetings)
        }
        let removed = removeCopies(naming: terms + Array(ids))
        try store.writeSnapshot()
        // Where a name or number is still found, by file and line, and whose line it is.
        let now = store.projection
        let residue = terms.isEmpty ? [] : Residue.find(terms, in: store.directory, erased: ids) { stream in
            now.citizens.contains(stream) ? stream : now.meetings[stream]?.citizen
        }
        try record(.retentionRun(by: adminID, citizens: erasable.map(\.id), rule: rule, eventLines: erased.events.count,
                                 auditLines: erased.audit.count, auditBefore: before.iso, files: removed))
        return RetentionRun(dryRun: false, citizens: erasable.map(\.id), notArchived: notArchived, eventLines: erased.events.count,
                            auditLines: erased.audit.count, filesRemoved: removed, residue: residue)
    }

    /// Records an upgrade to format 2 in the (new) audit log: the old heads and the new.
    public func recordUpgrade(_ u: FormatUpgrade, as adminID: String) throws {
        let events = u.logs.first { $0.file == Store.eventsFile }, audit = u.logs.first { $0.file == Store.auditFile }
        try record(.storeUpgraded(by: adminID, converted: u.converted, oldEventsSeq: events?.oldHead.seq ?? 0, oldEventsHash: events?.oldHead.hash ?? "",
                                  oldAuditSeq: audit?.oldHead.seq ?? 0, oldAuditHash: audit?.oldHead.hash ?? "",
                                  eventsHash: events?.newHead.hash ?? "", auditHash: audit?.newHead.hash ?? ""))
    }

    /// The citizens an `Archived` record names, and the manifest digest that holds each.
    func archiveRecords() throws -> [String: String] {
        var out: [String: String] = [:]
        try store.scan(audit: true) { e in
            if e.type == AuditKind.archived.rawValue, let ids = try? e.data.strings("citizens"), let m = try? e.data.string("manifest") {
                for id in ids { out[id] = "Arkivkopi \(m)" }
            }
            return true
        }
        return out
    }

    func archivedCitizens() throws -> Set<String> { Set(try archiveRecords().keys) }

    private func requireAdministrator(_ id: String) throws {
        guard try user(id).role == .admin else { throw DomainError.forbidden(.adminOnly(.anything)) }
    }

    /// Copies beside the logs that name a person: a crash's torn tails, a released marker's lines,
    /// exports waiting in an outbox. Removed; returns their paths within the data directory.
    private func removeCopies(naming terms: [String]) -> [String] {
        guard !terms.isEmpty else { return [] }
        let dir = store.directory
        var removed: [String] = []
        let fm = FileManager.default
        var candidates = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.contains(".torn-") || $0.contains(".released-") }
        let outbox = dir + "/" + Outbox.folder
        for user in (try? fm.contentsOfDirectory(atPath: outbox)) ?? [] {
            candidates += ((try? fm.contentsOfDirectory(atPath: outbox + "/" + user)) ?? []).map { Outbox.folder + "/" + user + "/" + $0 }
        }
        let search = TermSearch(terms)
        for name in candidates.sorted() {
            guard search.found(inFile: dir + "/" + name) else { continue }
            if unlink(dir + "/" + name) == 0 { removed.append(name) }
        }
        if !removed.isEmpty { Sys.syncDirectory(dir) }
        return removed
    }

    static func mentions(_ text: String, _ terms: [String]) -> Bool {
        let folded = text.lowercased()
        return terms.contains { !$0.isEmpty && folded.contains($0.lowercased()) }
    }

    /// Every file under the data directory that still holds one of `terms`, byte for byte.
    @_spi(Store) public static func filesMentioning(_ terms: [String], in dir: String) -> [String] {
        let search = TermSearch(terms)
        guard !search.isEmpty else { return [] }
        var hits: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
        while let name = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDir), !isDir.boolValue else { continue }
            if search.found(inFile: dir + "/" + name) { hits.append(name) }
        }
        return hits.sorted()
    }

    /// Whether a file holds one of `terms` (mapped, read once however many terms).
    static func file(_ path: String, holdsAnyOf terms: [String]) -> Bool { TermSearch(terms).found(inFile: path) }
}
