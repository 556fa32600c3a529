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
        guard viewer.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.readAuditLog)) }
        var out: [RecordedEvent] = []
        try store.scan(audit: true) { e in
            if citizen == nil || e.stream == citizen { out.append(e) }
            return true
        }
        try record(.auditRead(by: viewer.id, citizen: citizen))
        return out
    }

    /// Records that something was exported (the plan document, a calendar file), from a screen or
    /// a headless command; `reason`: the stated reason of a viewer who does not work on the citizen.
    public func recordExport(_ kind: ExportKind, citizen: String?, as viewerID: String, reason: String? = nil) throws {
        try record(.exported(by: try user(viewerID).id, kind: kind, citizen: citizen,
                             reason: try InputRules.optionalText(reason, .reason)))
    }

    /// The citizen, if `viewer` may look at them, with the look recorded (unless `logged` is false:
    /// a screen re-reading what it shows). A viewer who does not work on the citizen must state a
    /// reason, which is recorded with it. A citizen who does not exist and one the viewer may not see
    /// get the same answer (`needsReason`) until a reason is given; every refusal is recorded.
    func readable(_ id: String, viewer: User, reason: String?, purpose: String, logged: Bool = true) throws -> Citizen {
        let reasonText = try InputRules.optionalText(reason, .reason)
        guard let c = store.projection.citizens[id], !c.isErased else {
            try record(.lookupRefused(by: viewer.id, citizen: id, why: "unknown citizen"))
            if reasonText == nil && !viewer.role.seesAllCitizens { throw DomainError.needsReason(citizen: id) }
            throw DomainError.notFound(.citizen(id))
        }
        let maySee = Access.canSee(viewer, c)
        if !maySee && reasonText == nil {
            try record(.lookupRefused(by: viewer.id, citizen: id, why: viewer.active ? "no work relation and no reason" : "deactivated user"))
            throw DomainError.needsReason(citizen: id)
        }
        if logged { try record(.citizenViewed(by: viewer.id, citizen: id, purpose: purpose, reason: maySee ? nil : reasonText)) }
        return c
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
