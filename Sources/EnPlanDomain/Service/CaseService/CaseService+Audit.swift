import Foundation

// The audit log: every record goes through `record(_:)`, built from one `AuditEntry`.
extension CaseService {
    /// Appends one audit record, durably, from this terminal.
    func record(_ entry: AuditEntry) throws {
        let line = entry.line(terminal: terminal)
        try store.appendAudit(actor: line.actor, type: entry.kind.rawValue, subject: line.subject, data: line.data)
    }

    /// Records that a list already shown grew by citizens another terminal made visible.
    public func recordListRefresh(added: Int, total: Int, as viewerID: String) throws {
        try record(.listRefreshed(by: viewerID, added: added, count: total))
    }

    /// Records a search (what was typed) in the audit log.
    public func recordSearch(_ query: String, results: Int, as viewerID: String) throws {
        try record(.citizensSearched(by: viewerID, query: query, count: results))
    }

    /// The audit log, for supervisors and administrators (reading it is itself logged).
    public func auditTrail(as viewerID: String, citizen: String? = nil) throws -> [RecordedEvent] {
        let viewer = try user(viewerID)
        guard viewer.role != .caseworker else { throw DomainError.forbidden("only supervisors and administrators read the audit log") }
        var out: [RecordedEvent] = []
        try store.scan(audit: true) { e in
            if citizen == nil || e.stream == citizen { out.append(e) }
            return true
        }
        try record(.auditRead(by: viewer.id, citizen: citizen))
        return out
    }

    /// The citizen, if `viewer` may look at them, with the look recorded. A viewer who does not
    /// work on the citizen must state a reason, which is recorded with it.
    func readable(_ id: String, viewer: User, reason: String?, purpose: String) throws -> Citizen {
        guard let c = store.projection.citizens[id] else { throw DomainError.notFound("no citizen \(id)") }
        let reasonText = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let maySee = Access.canSee(viewer, c)
        if !maySee && (reasonText ?? "").isEmpty {
            throw DomainError.forbidden("\(viewer.id) does not work on \(id); to look anyway, state a reason (it is logged)")
        }
        try record(.citizenViewed(by: viewer.id, citizen: id, purpose: purpose, reason: maySee ? nil : reasonText))
        return c
    }
}
