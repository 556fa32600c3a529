extension CaseService {
    /// Checks a user's password. Five failures in a row lock the user for five minutes at every
    /// terminal. Every attempt goes to the audit log; the error never says which part was wrong.
    public func login(_ userID: String, password: String) throws -> User {
        try store.refresh()
        let now = store.clock.now()
        // An empty user id is no attempt: nothing to log, nothing to count.
        guard !userID.trimmingCharacters(in: .whitespaces).isEmpty else { throw DomainError.wrongLogin }
        guard let account = store.projection.accounts[userID], account.user.active else {
            // As slow as a wrong password, so the answer's timing does not tell which user ids exist.
            _ = Passwords.verify(password, against: Passwords.timingDecoy)
            try record(.loginFailed(user: userID, detail: "unknown or deactivated user"))
            throw DomainError.wrongLogin
        }
        if account.lockedUntil(now: now) != nil {
            // The same words as a wrong password: the answer must not confirm that the user id exists.
            try record(.loginRefused(user: userID, detail: "locked after 5 failed attempts"))
            throw DomainError.wrongLogin
        }
        guard Passwords.verify(password, against: account.passwordHash) else {
            try execute(.recordLogin(user: userID, succeeded: false), as: userID)
            try record(.loginFailed(user: userID, detail: "wrong password"))
            throw DomainError.wrongLogin
        }
        if account.failedLogins > 0 { try execute(.recordLogin(user: userID, succeeded: true), as: userID) }
        try record(.loginSucceeded(user: userID))
        // The session starts with both logs' heads in the audit log: a later cut of either shows.
        let head = store.heads
        try record(.storeHead(user: userID, eventsSeq: head.events.seq, eventsHash: head.events.hash,
                              auditSeq: head.audit.seq, auditHash: head.audit.hash))
        return account.user
    }
}

extension CaseService {
    /// Stands for a user's current password (equal while it is unchanged, within this process; it
    /// tells nothing of the password): a session compares it to lock when the password changed
    /// elsewhere (`user passwd`), so the other sessions of the person ask for the new one.
    public func credentialStamp(of userID: String) -> Int? {
        store.projection.accounts[userID].map { $0.passwordHash.hashValue }
    }
}

extension CaseService {
    /// What a user leaves behind when they stop (`user deactivate`): the citizens they are
    /// responsible for and the planned meetings from today on that they take part in.
    public struct Leaves: Sendable, Equatable {
        public var citizens: [String] = []
        public var meetings: [String] = []
        public var isEmpty: Bool { citizens.isEmpty && meetings.isEmpty }
    }

    public func leaves(_ userID: String) -> Leaves {
        let state = store.projection
        var out = Leaves()
        out.citizens = state.citizens.heads.filter { $0.responsible == userID }.map(\.id).sorted()
        out.meetings = state.meetings.values.filter { $0.status == .planned && $0.start.day >= today && $0.participants.contains(userID) }
            .sorted { $0.start < $1.start }.map(\.id)
        return out
    }

    /// Which of a leaver's coming meetings (`leaves(_:).meetings`) `successor` can take over in one
    /// write: free at that hour (and not double-booked by taking two of them); the others stay with
    /// the leaver, shown as "(fratrådt)", for someone to staff by hand.
    public func restaffing(_ meetings: [String], to successor: String) -> (free: [String], busy: [String]) {
        let state = store.projection
        var taken: [Meeting] = [], out: (free: [String], busy: [String]) = ([], [])
        for id in meetings {
            guard let m = state.meetings[id] else { continue }
            if m.participants.contains(successor) { out.free.append(id); continue }
            var probe = m; probe.participants = [successor]; probe.room = nil
            if Scheduling.conflicts(for: probe, in: state).isEmpty, !taken.contains(where: { $0.overlaps(m) }) {
                out.free.append(id); taken.append(m)
            } else {
                out.busy.append(id)
            }
        }
        return out
    }

    /// Until when a user is locked out (five wrong passwords), if they are.
    public func lockedUntil(_ userID: String) -> Timestamp? {
        store.projection.accounts[userID]?.lockedUntil(now: store.clock.now())
    }
}

extension CaseService {
    /// Every citizen's name, in the table's order, for the list's search index that is prepared
    /// while the login form is up (nobody reads it before a user's list filters it by access).
    public var namesForTheSearchIndex: [String] { store.projection.citizens.heads.map(\.name) }
}
