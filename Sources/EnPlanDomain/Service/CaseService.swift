import Foundation

/// The domain's front door. Every command and query takes the acting user; access rules and the
/// audit trail are applied here, so no caller (TUI or headless) can go around them.
public final class CaseService {
    public let store: Store
    /// Which terminal this process serves (for the audit log): a tty, or "headless:host:pid".
    public let terminal: String

    public init(store: Store, terminal: String) {
        self.store = store
        self.terminal = terminal
    }

    public var today: Day { store.clock.now().local.day }
    public var state: Projection { store.projection }

    /// The acting user: must exist and be active.
    public func user(_ id: String) throws -> User {
        guard let u = store.projection.user(id) else { throw DomainError.notFound("no user \(id)") }
        guard u.active else { throw DomainError.forbidden("user \(id) is deactivated") }
        return u
    }

    // MARK: login

    /// Checks a user's password. Five failures in a row lock the user for five minutes at every
    /// terminal. Every attempt goes to the audit log; the error never says which part was wrong.
    public func login(_ userID: String, password: String) throws -> User {
        try store.refresh()
        let now = store.clock.now()
        func audit(_ type: String, _ detail: String? = nil) throws {
            var f = Fields(); f.set("terminal", terminal); f.set("detail", detail)
            try store.appendAudit(actor: userID.isEmpty ? "-" : userID, type: type, subject: Streams.user(userID), data: f)
        }
        guard let account = store.projection.accounts[userID], account.user.active else {
            // As slow as a wrong password, so the answer's timing does not tell which user ids exist.
            _ = Passwords.verify(password, against: Passwords.timingDecoy)
            try audit("LoginFailed", "unknown or deactivated user")
            throw DomainError.invalid("wrong user id or password")
        }
        if let until = account.lockedUntil(now: now) {
            try audit("LoginRefused", "locked after 5 failed attempts")
            throw DomainError.forbidden("too many failed attempts: \(userID) is locked until \(until.local.iso.suffix(5))")
        }
        guard Passwords.verify(password, against: account.passwordHash) else {
            try execute(.recordLogin(user: userID, succeeded: false), as: userID)
            try audit("LoginFailed", "wrong password")
            throw DomainError.invalid("wrong user id or password")
        }
        if account.failedLogins > 0 { try execute(.recordLogin(user: userID, succeeded: true), as: userID) }
        try audit("LoginSucceeded")
        return account.user
    }

    // MARK: commands

    /// Checks `command` for `actorID` against the latest state and appends its events durably.
    /// `expectedVersion`: the version of the stream the user saw; a stale edit is refused.
    @discardableResult
    public func execute(_ command: Command, as actorID: String, expectedVersion: Int? = nil) throws -> [RecordedEvent] {
        try store.transact(actor: actorID) { state in
            try Decide(state: state, actor: try actor(actorID, in: state), today: store.clock.now().local.day)
                .events(for: command, expectedVersion: expectedVersion)
        }
    }

    /// Commands from one form, all or nothing, in one write; the first is checked against the
    /// version the user saw (an effort's details and its status, say).
    @discardableResult
    public func execute(_ commands: [Command], as actorID: String, expectedVersion: Int?) throws -> [RecordedEvent] {
        let today = store.clock.now().local.day
        return try store.transact(commands.enumerated().map { i, command in
            (actorID, { state in
                try Decide(state: state, actor: try self.actor(actorID, in: state), today: today)
                    .events(for: command, expectedVersion: i == 0 ? expectedVersion : nil)
            })
        })
    }

    /// Several commands, all or nothing, in one write (the demo data).
    @discardableResult
    public func execute(batch: [(actor: String, command: Command)]) throws -> [RecordedEvent] {
        let today = store.clock.now().local.day
        return try store.transact(batch.map { step in
            (step.actor, { state in try Decide(state: state, actor: try self.actor(step.actor, in: state), today: today).events(for: step.command) })
        })
    }

    /// The first administrator of an empty store acts as themself.
    private func actor(_ id: String, in state: Projection) throws -> User {
        if state.accounts.isEmpty { return User(id: id, name: id, sector: .employment, role: .admin) }
        guard let u = state.user(id) else { throw DomainError.notFound("no user \(id)") }
        return u
    }

    // MARK: queries (each reads other terminals' changes first, and is audit-logged)

    /// The citizens `viewerID` may see, in name order, with the CPR number masked. `logged: false`
    /// is for a screen re-reading the list it already shows because another terminal changed it.
    public func citizens(as viewerID: String, logged: Bool = true) throws -> [CitizenRow] {
        try store.refresh()
        let viewer = try user(viewerID)
        let today = self.today
        let rows = store.projection.citizens.values.compactMap { c -> CitizenRow? in
            guard Access.canSee(viewer, c) else { return nil }
            return row(c, viewer: viewer, today: today)
        }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        if logged {
            var f = Fields(); f.set("what", "list"); f.set("count", rows.count); f.set("terminal", terminal)
            try store.appendAudit(actor: viewer.id, type: "CitizensListed", subject: "-", data: f)
        }
        return rows
    }

    /// Rows for some citizens (those another terminal changed), for a list already shown: the ones
    /// the viewer may see, and the ids they may no longer see. Not logged here: the caller logs
    /// citizens that are new to the list.
    public func rows(for ids: Set<String>, as viewerID: String) throws -> (rows: [CitizenRow], hidden: [String]) {
        let viewer = try user(viewerID)
        let today = self.today
        var rows: [CitizenRow] = [], hidden: [String] = []
        for id in ids {
            guard let c = store.projection.citizens[id] else { continue }
            if Access.canSee(viewer, c) { rows.append(row(c, viewer: viewer, today: today)) } else { hidden.append(id) }
        }
        return (rows, hidden)
    }

    func row(_ c: Citizen, viewer: User, today: Day) -> CitizenRow {
        let next = c.meetings.compactMap { store.projection.meetings[$0] }
            .filter { $0.status == .planned && $0.start.day >= today }.map(\.start).min()
        let age = c.age(on: today)
        return CitizenRow(id: c.id, name: c.name, maskedCPR: c.cpr.masked, age: age, targetGroup: TargetGroup(age: age),
                          benefit: c.benefit, sectors: c.sectors, responsible: c.responsible, nextMeeting: next,
                          overdueFollowUps: c.plan?.overdueFollowUps(on: today) ?? 0, planStatus: c.plan == nil ? .none : .active,
                          mine: Access.worksOn(viewer, c))
    }

    /// Records that a list already shown grew by citizens another terminal made visible.
    public func recordListRefresh(added: Int, total: Int, as viewerID: String) throws {
        var f = Fields(); f.set("what", "list-refresh"); f.set("added", added); f.set("count", total); f.set("terminal", terminal)
        try store.appendAudit(actor: viewerID, type: "CitizensListed", subject: "-", data: f)
    }

    /// Records a search (what was typed) in the audit log.
    public func recordSearch(_ query: String, results: Int, as viewerID: String) throws {
        var f = Fields(); f.set("what", "search"); f.set("query", query); f.set("count", results); f.set("terminal", terminal)
        try store.appendAudit(actor: viewerID, type: "CitizensSearched", subject: "-", data: f)
    }

    /// One citizen in full, as `viewerID` may see it. Users who do not work on the citizen need a
    /// `reason`, which goes to the audit log with the look.
    public func citizen(_ id: String, as viewerID: String, reason: String? = nil, purpose: String = "detail") throws -> CitizenDetail {
        try store.refresh()
        let viewer = try user(viewerID)
        let c = try readable(id, viewer: viewer, reason: reason, purpose: purpose)
        let today = self.today
        var shown = c
        var hidden: [String] = []
        if var plan = shown.plan {
            for i in plan.efforts.indices where !Access.seesContent(viewer, of: plan.efforts[i].sector, in: c, on: today) {
                hidden.append(plan.efforts[i].id)
                plan.efforts[i].title = ""; plan.efforts[i].provider = ""; plan.efforts[i].legalBasis = ""
            }
            for i in plan.decisions.indices where !Access.seesContent(viewer, of: plan.decisions[i].sector, in: c, on: today) {
                hidden.append(plan.decisions[i].id)
                plan.decisions[i].text = ""
            }
            for i in plan.referrals.indices where !Access.seesReferral(viewer, plan.referrals[i], in: c, on: today) {
                hidden.append(plan.referrals[i].id)
                plan.referrals[i].text = ""
            }
            shown.plan = plan
        }
        let meetings = c.meetings.compactMap { store.projection.meetings[$0] }.sorted { $0.start < $1.start }
        return CitizenDetail(citizen: shown, cpr: Access.canSeeFullCPR(viewer, c) ? c.cpr.formatted : c.cpr.masked,
                             age: c.age(on: today), targetGroup: c.targetGroup(on: today), hidden: hidden,
                             meetings: meetings, brokeTheGlass: !Access.canSee(viewer, c), today: today)
    }

    /// The citizen's events in time order, with the content of other sectors' events left out
    /// where the citizen's consent does not cover the viewer's sector.
    public func history(_ id: String, as viewerID: String, reason: String? = nil) throws -> [RecordedEvent] {
        try store.refresh()
        let viewer = try user(viewerID)
        let c = try readable(id, viewer: viewer, reason: reason, purpose: "log")
        return try visibleEvents(of: c, to: viewer).map(\.event)
    }

    /// The citizen's and their meetings' events, read through the line index, as `viewer` may see them.
    func visibleEvents(of c: Citizen, to viewer: User) throws -> [SeenEvent] {
        let today = self.today
        var out: [SeenEvent] = []
        for e in try store.events(of: [c.id] + c.meetings) {
            let sector = Self.sector(of: e, in: store.projection)
            let referralToViewer = Self.referralConcerns(viewer, e, in: c)
            if e.type == "CitizenRegistered", !Access.canSeeFullCPR(viewer, c) {
                // The registration carries the full CPR number: masked, as everywhere else it shows.
                out.append(SeenEvent(event: RecordedEvent(seq: e.seq, ts: e.ts, actor: e.actor, type: e.type, stream: e.stream, version: e.version,
                                                          data: e.data.replacing("cpr", with: c.cpr.masked), hash: e.hash),
                                     sector: sector, hidden: false))
            } else if let sector, !referralToViewer, !Access.seesContent(viewer, of: sector, in: c, on: today) {
                var f = Fields(); f.set("hidden", "no consent covers \(sector.rawValue)"); f.set("sector", sector)
                out.append(SeenEvent(event: RecordedEvent(seq: e.seq, ts: e.ts, actor: e.actor, type: e.type, stream: e.stream,
                                                          version: e.version, data: f, hash: e.hash), sector: sector, hidden: true))
            } else {
                out.append(SeenEvent(event: e, sector: sector, hidden: false))
            }
        }
        return out
    }

    /// A referral (sent or answered) is read by the sector that sent it and the one it went to.
    static func referralConcerns(_ viewer: User, _ e: RecordedEvent, in c: Citizen) -> Bool {
        guard e.type == "ReferralSent" || e.type == "ReferralAnswered", let id = try? e.data.string("id"),
              let r = c.plan?.referrals.first(where: { $0.id == id }) else { return false }
        return viewer.sector == r.from || viewer.sector == r.to
    }

    /// The sector an event belongs to: an effort's or a decision's own sector, else the sector of
    /// whoever did it.
    static func sector(of e: RecordedEvent, in state: Projection) -> Sector? {
        switch e.type {
        case "EffortAdded", "ContactLogged":
            if let s = try? e.data.value("sector", Sector.self) { return s }
        case "DecisionRecorded":
            // Decisions recorded before they carried their sector: the law's usual one, as the plan shows.
            if let s = try? e.data.value("sector", Sector.self) { return s }
            if let area = try? e.data.value("legalArea", LegalArea.self) { return area.usualSector }
        case "EffortChanged", "EffortStatusChanged":
            if let id = try? e.data.string("id"), let effort = state.citizens[e.stream]?.plan?.efforts.first(where: { $0.id == id }) {
                return effort.sector
            }
        default: break
        }
        return state.user(e.actor)?.sector
    }

    /// Whose or which meetings a calendar shows.
    public enum MeetingScope: Sendable { case user(String), citizen(String), room(String) }

    /// Meetings from `from` to `to` (inclusive) for a user, a citizen or a room. A meeting about a
    /// citizen the viewer may not see shows as busy time only: no citizen, no guests. Logged.
    public func meetings(as viewerID: String, scope: MeetingScope, from: Day, to: Day, reason: String? = nil) throws -> [Meeting] {
        try store.refresh()
        let viewer = try user(viewerID)
        guard from <= to, to - from <= 3660 else { throw DomainError.invalid("the period must run forwards and be at most ten years") }
        let state = store.projection
        var ids: [String] = []
        switch scope {
        case .citizen(let cid):
            _ = try readable(cid, viewer: viewer, reason: reason, purpose: "meetings")
            ids = state.citizens[cid]?.meetings ?? []
        case .user(let uid):
            guard state.user(uid) != nil else { throw DomainError.notFound("no user \(uid)") }
            fallthrough
        case .room:
            for d in from.daysSinceEpoch...to.daysSinceEpoch { ids += state.meetingsByDay[Day(daysSinceEpoch: d)] ?? [] }
        }
        let found = ids.compactMap { state.meetings[$0] }.filter { m in
            guard m.start.day >= from && m.start.day <= to else { return false }
            switch scope {
            case .user(let uid): return m.participants.contains(uid)
            case .room(let r): return m.room == r
            case .citizen: return true
            }
        }.map { m -> Meeting in
            guard let cid = m.citizen, let c = state.citizens[cid], !Access.canSee(viewer, c) else { return m }
            var busy = m; busy.citizen = nil; busy.guests = []; busy.outcome = nil
            return busy
        }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        var f = Fields(); f.set("what", "meetings"); f.set("count", found.count); f.set("terminal", terminal)
        switch scope {
        case .user(let u): f.set("user", u)
        case .room(let r): f.set("room", r)
        case .citizen: break
        }
        if case .citizen = scope {} else { try store.appendAudit(actor: viewer.id, type: "MeetingsRead", subject: "-", data: f) }
        return found
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
        var f = Fields(); f.set("what", "audit"); f.set("terminal", terminal)
        try store.appendAudit(actor: viewer.id, type: "AuditRead", subject: citizen ?? "-", data: f)
        return out
    }

    private func readable(_ id: String, viewer: User, reason: String?, purpose: String) throws -> Citizen {
        guard let c = store.projection.citizens[id] else { throw DomainError.notFound("no citizen \(id)") }
        let reasonText = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if !Access.canSee(viewer, c) && (reasonText ?? "").isEmpty {
            throw DomainError.forbidden("\(viewer.id) does not work on \(id); to look anyway, state a reason (it is logged)")
        }
        var f = Fields()
        f.set("what", purpose); f.set("terminal", terminal)
        if !Access.canSee(viewer, c) { f.set("reason", reasonText) }
        try store.appendAudit(actor: viewer.id, type: "CitizenViewed", subject: id, data: f)
        return c
    }
}

extension CaseService {
    /// The citizen's journey as `viewerID` may see it (logged like any look at the case).
    public func journey(_ id: String, as viewerID: String, reason: String? = nil) throws -> Journey {
        try store.refresh()
        let viewer = try user(viewerID)
        let c = try readable(id, viewer: viewer, reason: reason, purpose: "journey")
        let entries = try visibleEvents(of: c, to: viewer).map { seen -> Journey.Entry in
            var at = seen.event.ts
            if seen.event.type == "ContactLogged", !seen.hidden, let iso = try? seen.event.data.optionalString("at"), let t = Timestamp(iso: iso) { at = t }
            return Journey.Entry(seen: seen, kind: JourneyKind(eventType: seen.event.type), at: at)
        }.sorted { ($0.at, $0.event.seq) < ($1.at, $1.event.seq) }
        let meetings = c.meetings.compactMap { store.projection.meetings[$0] }
        let figures = Journey.figures(for: c, meetings: meetings, entries: entries, users: { self.store.projection.user($0) }, today: today)
        return Journey(citizen: id, entries: entries, figures: figures)
    }

    /// What changed in a citizen's case after `version` (the one a form was opened on): shown when
    /// a save is refused as stale, so the user sees the other edit before redoing their own.
    public func changes(to id: String, since version: Int, as viewerID: String) throws -> [SeenEvent] {
        try store.refresh()
        let viewer = try user(viewerID)
        guard let c = store.projection.citizens[id] else { throw DomainError.notFound("no citizen \(id)") }
        guard Access.canSee(viewer, c) else { throw DomainError.forbidden("\(viewer.id) does not work on \(id)") }
        return try visibleEvents(of: c, to: viewer).filter { $0.event.stream == id && $0.event.version > version }
    }

    /// The plan templates, by name.
    public func templates() -> [PlanTemplate] {
        store.projection.templates.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }
}
