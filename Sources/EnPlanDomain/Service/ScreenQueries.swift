import Foundation

/// The queries the full-screen interface needs besides the citizen, plan, journey and meeting
/// reads: names to show for ids, scheduling help, and what other terminals changed. The TUI asks
/// these and never the projection or the store itself.
extension CaseService {
    /// Whether anyone has an account yet (an empty store asks for the first administrator).
    public var hasAccounts: Bool { !store.projection.accounts.isEmpty }

    /// The time now, on the wall clock of Copenhagen.
    public var now: LocalTime { store.clock.now().local }

    /// Every user's name by id (the column and the plan show names, not ids).
    public var userNames: [String: String] {
        Dictionary(uniqueKeysWithValues: store.projection.users.map { ($0.id, $0.name) })
    }

    /// The users who no longer log in (deactivated: left): the screens mark them where they are named.
    public var inactiveUsers: Set<String> { Set(store.projection.users.filter { !$0.active }.map(\.id)) }

    /// Every user's phone and e-mail, where given (how a citizen reaches their caseworker).
    public var userContacts: [String: (phone: String?, email: String?)] {
        var out: [String: (phone: String?, email: String?)] = [:]
        for u in store.projection.users where u.phone != nil || u.email != nil { out[u.id] = (u.phone, u.email) }
        return out
    }

    /// The benefit code list.
    public var benefits: [String: Benefit] { store.projection.benefits }

    /// The active staff (everyone who logs in): whom an administrator places in a unit, and the
    /// supervisors among them who may lead one.
    public var activeUsers: [User] { store.projection.users.filter(\.active) }

    /// The caseworkers who can be made responsible for a citizen.
    public var activeCaseworkers: [User] { store.projection.users.filter { $0.role == .caseworker && $0.active } }

    /// A citizen's name, for a meeting's guest list and its label (initials). Only for a citizen
    /// the caller already got through an access-checked read (a meeting, a plan).
    public func citizenName(_ id: String) -> String? { store.projection.citizens.head(id)?.name }

    /// The citizen an id or a CPR number (any punctuation) names, if `viewerID` may see them. Nil
    /// alike for one that does not exist and one the user may not see: whether a CPR number is
    /// registered is not for everyone.
    public func visibleCitizen(_ idOrCPR: String, as viewerID: String) -> String? {
        let state = store.projection
        let digits = idOrCPR.filter(\.isNumber)
        let id = state.citizens.contains(idOrCPR) ? idOrCPR : digits.count == 10 ? state.citizenID(cpr: digits) : nil
        guard let id, let rows = try? rows(for: [id], as: viewerID), !rows.rows.isEmpty else { return nil }
        return id
    }

    /// The user's next planned meeting today that has not ended.
    public func nextMeetingToday(for user: String) -> Meeting? {
        let now = self.now, state = store.projection
        return (state.meetingsByDay[now.day] ?? []).compactMap { state.meetings[$0] }
            .filter { $0.participants.contains(user) && $0.status == .planned && $0.end > now }
            .min { $0.start < $1.start }
    }

    /// The first time from `after` (never before now) when everyone and the room are free.
    public func firstFreeSlot(participants: [String], room: String?, minutes: Int, after: LocalTime, hours: WorkingHours) -> LocalTime? {
        Scheduling.firstFreeSlot(participants: participants, room: room, minutes: minutes, after: max(now, after),
                                 in: store.projection, hours: hours)
    }

    /// A meeting of the citizen's within 14 days of `start` that a new one could join instead.
    public func mergeCandidate(citizen: String, near start: LocalTime) -> Meeting? {
        Scheduling.mergeCandidate(citizen: citizen, near: start, in: store.projection)
    }

    /// Meetings the user was given by `meetings(as:…)`, as an iCalendar file.
    public func calendarFile(_ meetings: [Meeting]) -> String {
        ICalendar.export(meetings, state: store.projection, storeID: store.identity)
    }

    /// What other terminals changed since the screen last looked.
    public struct Changes: Sendable {
        /// The citizens whose streams changed (a meeting's change is its citizen's).
        public var citizens: Set<String> = []
        /// A user was added, changed or deactivated, or a unit of the organisation defined or
        /// changed: names, units and access may differ.
        public var users = false
        /// The changes include a write this terminal just made (the screen that asked for it
        /// expects to see it at once; other changes may wait for their screen's own rhythm).
        public var afterOwnWrite = false
    }

    /// What changed for the screens (a read model of the store).
    private var changedStreams: ChangedStreams { store.readModel(ChangedStreams.self) { ChangedStreams() } }

    /// Reads what other processes appended. Nil when nothing happened since `seq` (the last
    /// sequence number the caller saw); else the new last sequence number and what changed.
    public func pollChanges(after seq: Int) throws -> (seq: Int, changes: Changes)? {
        try store.refresh()
        guard store.lastSeq != seq else { return nil }
        let state = store.projection
        var out = Changes()
        for stream in changedStreams.take() {
            if state.citizens.contains(stream) { out.citizens.insert(stream) }
            else if let c = state.meetings[stream]?.citizen { out.citizens.insert(c) }
            else if stream.hasPrefix(Streams.userPrefix) || stream.hasPrefix(Streams.unitPrefix) { out.users = true }
        }
        return (store.lastSeq, out)
    }

    /// The last sequence number, after forgetting what changed (the caller just read it all).
    public func markAllSeen() -> Int {
        _ = changedStreams.take()
        return store.lastSeq
    }

    /// Whether the user may still work: exists and is active.
    public func isActive(_ userID: String) -> Bool { store.projection.user(userID)?.active ?? false }
}

extension CaseService {
    /// The citizen a full CPR number names, for a user who states why they look (break the glass).
    /// Without a reason nothing is said; with one, an unknown number is refused and logged.
    public func citizenID(cpr digits: String, as viewerID: String, reason: String) throws -> String {
        let viewer = try user(viewerID)
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw DomainError.needsReason(citizen: digits) }
        guard let id = store.projection.citizenID(cpr: digits) else {
            try record(.lookupRefused(by: viewer.id, citizen: String(digits.prefix(6)) + "-XXXX", why: "unknown CPR number"))
            throw DomainError.notFound(.citizenWithCPR)
        }
        return id
    }
}

/// What is new for a user: referrals to their sector awaiting an answer, and citizens given to
/// them lately (the title bar counts them; the inbox lists them).
public struct Inbox: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            case referral(id: String, from: Sector), givenToMe
            /// A referral the user sent was answered (in the last `newForDays` days).
            case answered(id: String, to: Sector, status: ReferralStatus)
            /// For a team leader: the citizen's responsible has left (is deactivated): hand them on.
            case responsibleLeft(user: String)
        }
        public let citizen: String
        public let kind: Kind
        public let since: Day
        public init(citizen: String, kind: Kind, since: Day) { self.citizen = citizen; self.kind = kind; self.since = since }
    }
    public var items: [Item] = []
    public init(items: [Item] = []) { self.items = items }
    public var referrals: Int { items.filter { if case .referral = $0.kind { return true } else { return false } }.count }
    public var givenToMe: Int { items.filter { $0.kind == .givenToMe }.count }
    public var answers: Int { items.filter { if case .answered = $0.kind { return true } else { return false } }.count }
    public var orphaned: Int { items.count - referrals - givenToMe - answers }
}

extension CaseService {
    /// Days a citizen given to a caseworker counts as new.
    public static let newForDays = 14

    /// The user's inbox, newest first: among the citizens they may see, referrals to their sector
    /// still requested, and citizens they became responsible for in the last `newForDays` days.
    /// `only`: just these citizens' items (a refresh after they changed), not a pass over all.
    public func inbox(for userID: String, only: Set<String>? = nil) -> Inbox {
        guard let viewer = store.projection.user(userID), viewer.active else { return Inbox() }
        let today = self.today, state = store.projection
        var out = Inbox()
        // Heads, not whole citizens: the inbox reads no case (`CitizenHead`).
        func look(_ c: CitizenHead) {
            // A closed case waits for nothing: no referral to answer, no one to hand it to.
            guard Access.canSee(viewer, c), c.isOpen(on: today) else { return }
            for r in c.requestedReferrals where r.to == viewer.sector && r.from != viewer.sector {
                out.items.append(.init(citizen: c.id, kind: .referral(id: r.id, from: r.from), since: r.date))
            }
            // The answers to the referrals this user sent, from the head: told in their inbox for
            // `newForDays` days (a referral its own sector revoked needs no telling).
            for r in c.answeredReferrals where r.sentBy == viewer.id && today - r.answered <= Self.newForDays {
                out.items.append(.init(citizen: c.id, kind: .answered(id: r.id, to: r.to, status: r.status), since: r.answered))
            }
            if c.responsible == viewer.id, let last = c.handover, last.user == viewer.id, today - last.from <= Self.newForDays {
                out.items.append(.init(citizen: c.id, kind: .givenToMe, since: last.from))
            }
        }
        if let only { for id in only { if let c = state.citizens.head(id) { look(c) } } } else { for c in state.citizens.headsForTheInbox(answeredSince: today + -Self.newForDays, sentBy: viewer.id) { look(c) } }
        // A team leader's: the citizens of their sector whose responsible has left, to hand on.
        if viewer.role == .supervisor {
            let left = Set(state.users.filter { !$0.active && $0.sector == viewer.sector }.map(\.id))
            if !left.isEmpty {
                // Just the changed citizens on a refresh; a pass over the heads only when someone has left.
                let heads = only.map { ids in ids.compactMap { state.citizens.head($0) } } ?? Array(state.citizens.heads)
                for c in heads where left.contains(c.responsible) && c.isOpen(on: today) && Access.canSee(viewer, c) {
                    out.items.append(.init(citizen: c.id, kind: .responsibleLeft(user: c.responsible), since: today))
                }
            }
        }
        out.items.sort { ($0.since, $0.citizen) > ($1.since, $1.citizen) }
        return out
    }
}

/// One item on a meeting's agenda in words: a follow-up by its due day, an effort by its title;
/// `hidden`: an effort whose content the viewer's sector may not see (its id only).
public struct AgendaItem: Sendable, Equatable {
    public let id: String
    public let due: Day?
    public let title: String?
    public let hidden: Bool
}

extension CaseService {
    /// A meeting's agenda in words, read from its citizen's case as `viewerID` may see it: one
    /// look at the citizen, logged (purpose "meeting"). Empty for a meeting without a citizen or
    /// an agenda.
    public func agenda(of meetingID: String, as viewerID: String) throws -> [AgendaItem] {
        try store.refresh()
        guard let m = store.projection.meetings[meetingID], let cid = m.citizen, !m.agenda.isEmpty else { return [] }
        let d = try citizen(cid, as: viewerID, purpose: "meeting")
        let plan = d.citizen.plan
        return m.agenda.map { id in
            if let f = plan?.followUps.first(where: { $0.id == id }) { return AgendaItem(id: id, due: f.due, title: f.subject, hidden: false) }
            let hidden = d.hidden.contains(id)
            let title = hidden ? nil : plan?.efforts.first(where: { $0.id == id })?.title
            return AgendaItem(id: id, due: nil, title: title, hidden: hidden)
        }
    }
}
