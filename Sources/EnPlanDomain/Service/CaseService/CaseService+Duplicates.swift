// Probable duplicates (`Duplicates`), as a viewer may know them: a team leader's list, and the
// hint a registration gets. Nothing here names a citizen the viewer may not see.

/// A hint that a registration is probably a duplicate of another one.
public struct DuplicateHint: Sendable, Equatable {
    public enum Other: Sendable, Equatable {
        /// A registration the viewer may see: named by name and birth date.
        case named(id: String, name: String, born: Day, closed: Day?)
        /// Registrations the viewer may not see: only that there may be one ("ask your team leader").
        case unseen
    }
    public let other: Other
    public let reasons: [Duplicates.Reason]
}

/// One registration of a probable duplicate pair, as a team leader's list shows it.
public struct DuplicateRegistration: Sendable, Equatable {
    public let id: String
    public let name: String
    public let maskedCPR: String
    public let born: Day
    public let responsible: String
    public let closed: Day?
}

/// A probable duplicate pair for a team leader, the earlier registration first.
public struct DuplicatePair: Sendable, Equatable {
    public let first: DuplicateRegistration
    public let second: DuplicateRegistration
    public let reasons: [Duplicates.Reason]
}

extension CaseService {
    /// Every probable duplicate that no team leader has linked or dismissed: for team leaders
    /// (supervisors), who see every citizen. Logged as a read of the citizens it names.
    public func duplicates(as viewerID: String, logged: Bool = true) throws -> [DuplicatePair] {
        try store.refresh()
        let viewer = try user(viewerID)
        guard viewer.role == .supervisor else { throw DomainError.forbidden(.supervisorsOnly(.duplicates)) }
        let state = store.projection
        func registration(_ id: String) -> DuplicateRegistration? {
            guard let h = state.citizens.head(id), Access.canSee(viewer, h) else { return nil }
            return DuplicateRegistration(id: id, name: h.name, maskedCPR: h.cpr.masked, born: h.cpr.birthDate, responsible: h.responsible, closed: h.closed)
        }
        let pairs = Duplicates.all(in: state).compactMap { p -> DuplicatePair? in
            guard let a = registration(p.first), let b = registration(p.second) else { return nil }
            return DuplicatePair(first: a, second: b, reasons: p.reasons)
        }
        if logged { try record(.citizensListed(by: viewer.id, count: Set(pairs.flatMap { [$0.first.id, $0.second.id] }).count)) }
        return pairs
    }

    /// The registrations `id` is probably a duplicate of (after registering it, say), as
    /// `viewerID` may know them: those they may see by name and birth date (each a logged look),
    /// any others as one `unseen` hint that says neither how many, whose, nor why.
    public func duplicateHints(of id: String, as viewerID: String) throws -> [DuplicateHint] {
        try store.refresh()
        let viewer = try user(viewerID)
        let state = store.projection
        guard let me = state.citizens.head(id), Access.canSee(viewer, me) else { return [] }
        var out: [DuplicateHint] = [], unseen = false
        for (other, reasons) in Duplicates.of(id, in: state) {
            guard let h = state.citizens.head(other) else { continue }
            if Access.canSee(viewer, h) {
                try record(.citizenViewed(by: viewer.id, citizen: other, purpose: "duplicate", reason: nil))
                out.append(DuplicateHint(other: .named(id: other, name: h.name, born: h.cpr.birthDate, closed: h.closed), reasons: reasons))
            } else {
                unseen = true
            }
        }
        if unseen { out.append(DuplicateHint(other: .unseen, reasons: [])) }
        return out
    }
}
