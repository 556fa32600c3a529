// The staff as the headless commands ask for them (`enplan users`, `key add`, `user contact`), and
// the store's own matters they need (whether it has an administrator, a summary in counts). Every
// read takes the acting user; what a caseworker sees of the staff is what the directory gives.
extension CaseService {
    /// One account as `enplan users` lists it.
    public struct AccountRow: Sendable, Equatable {
        public let user: User
        /// Until when the user is locked out (five wrong passwords): for an administrator only.
        public let lockedUntil: Timestamp?
    }

    /// Whether a viewer sees every account, deactivated ones too: the administrators (who manage
    /// accounts) and the team leaders (who hand on what a leaver leaves).
    static func seesAllAccounts(_ viewer: User) -> Bool { viewer.role == .admin || viewer.role == .supervisor }

    /// The accounts as `viewerID` may list them, by id: an administrator or a team leader every
    /// account, deactivated ones too (an administrator with the lockouts); anyone else the active
    /// colleagues with what the directory gives of them (name, sector, role, phone, e-mail).
    public func accounts(as viewerID: String) throws -> [AccountRow] {
        try store.refresh()
        let viewer = try user(viewerID)
        let all = Self.seesAllAccounts(viewer), now = store.clock.now()
        return store.projection.users.filter { all || $0.active }.map { u in
            AccountRow(user: u, lockedUntil: viewer.role == .admin ? store.projection.accounts[u.id]?.lockedUntil(now: now) : nil)
        }
    }

    /// One account as `viewerID` may know it (nil: no such user, or one they may not see: a
    /// caseworker sees active colleagues and themselves, as in the directory).
    public func account(_ id: String, as viewerID: String) throws -> User? {
        let viewer = try user(viewerID)
        guard let u = store.projection.user(id) else { return nil }
        return u.active || u.id == viewer.id || Self.seesAllAccounts(viewer) ? u : nil
    }

    /// Whether `id` is an active administrator of this store (the lifecycle commands ask).
    public func isAdministrator(_ id: String) -> Bool {
        guard let u = store.projection.user(id) else { return false }
        return u.active && u.role == .admin
    }

    /// The accounts of the demo store (`--demo`, every password `demo`), for the summary that says
    /// who to log in as: the demo's made-up staff, never a municipality's.
    public var demoLogins: [User] { store.projection.users }

    /// The store in counts, for `enplan` off a terminal: no one's data.
    public struct Summary: Sendable, Equatable {
        public let citizens: Int
        /// Citizens aged 15-29 (the youth target group) today.
        public let youth: Int
        public let users: Int
        public let meetings: Int
        public let overdueFollowUps: Int
        public let events: Int
    }

    public var summary: Summary {
        let s = store.projection, today = self.today
        let overdue = s.citizens.values.reduce(0) { $0 + ($1.plan?.overdueFollowUps(on: today) ?? 0) }
        let youth = s.citizens.values.filter { $0.targetGroup(on: today) == .youth }.count
        return Summary(citizens: s.citizens.count, youth: youth, users: s.accounts.count, meetings: s.meetings.count,
                       overdueFollowUps: overdue, events: store.lastSeq)
    }

    /// Whether `command` would be accepted from `actorID` now, without writing it (a headless
    /// command checks what it can before it asks for a password).
    public func check(_ command: Command, as actorID: String) throws {
        try store.refresh()
        let state = store.projection
        _ = try Decide(state: state, actor: try actor(actorID, in: state), today: today).events(for: command)
    }
}
