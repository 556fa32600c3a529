extension CaseService {
    /// Whose or which meetings a calendar shows.
    public enum MeetingScope: Sendable { case user(String), citizen(String), room(String) }

    /// Meetings from `from` to `to` (inclusive) for a user, a citizen or a room. A meeting about a
    /// citizen the viewer may not see shows as busy time only: no citizen, no guests. Logged.
    public func meetings(as viewerID: String, scope: MeetingScope, from: Day, to: Day, reason: String? = nil) throws -> [Meeting] {
        try store.refresh()
        let viewer = try user(viewerID)
        guard from <= to, to - from <= 3660 else { throw DomainError.invalid(.period) }
        let state = store.projection
        var ids: [String] = []
        switch scope {
        case .citizen(let cid):
            _ = try readable(cid, viewer: viewer, reason: reason, purpose: "meetings")
            ids = state.citizens[cid]?.meetings ?? []
        case .user(let uid):
            guard state.user(uid) != nil else { throw DomainError.notFound(.user(uid)) }
            fallthrough
        case .room:
            for d in from.daysSinceEpoch...to.daysSinceEpoch { ids += state.meetingsByDay[Day(daysSinceEpoch: d)] ?? [] }
        }
        let found = ids.compactMap { state.meetings[$0] }.filter { m in
            guard m.start.day >= from && m.start.day <= to else { return false }
            switch scope {
            case .user(let uid): return m.participants.contains(uid)
            case .room(let r): return m.room.map { Scheduling.sameRoom($0, r) } ?? false
            case .citizen: return true
            }
        }.map { Access.shown($0, to: viewer, in: state) }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        // A citizen's meetings were logged as a look at the citizen (`readable`).
        switch scope {
        case .user(let u): try record(.meetingsRead(by: viewer.id, count: found.count, user: u, room: nil))
        case .room(let r): try record(.meetingsRead(by: viewer.id, count: found.count, user: nil, room: r))
        case .citizen: break
        }
        return found
    }

    /// A meeting of the citizen's within 14 days of `start` that a new one could join instead, if
    /// `viewerID` may see the citizen (nil alike when there is none and when they may not).
    public func mergeCandidate(citizen: String, near start: LocalTime, as viewerID: String) -> Meeting? {
        guard let viewer = store.projection.user(viewerID), viewer.active, let c = store.projection.citizens.head(citizen),
              Access.canSee(viewer, c) else { return nil }
        return mergeCandidate(citizen: citizen, near: start)
    }

    /// The first time from `after` (never before now; nil: now) when every participant and the room
    /// are free, within the working hours; each participant must be a user of this store.
    public func firstFreeSlot(participants: [String], room: String?, minutes: Int, after: LocalTime?, hours: WorkingHours,
                              as viewerID: String) throws -> LocalTime? {
        try store.refresh()
        _ = try user(viewerID)
        for p in participants where store.projection.user(p) == nil { throw DomainError.notFound(.user(p)) }
        return firstFreeSlot(participants: participants, room: room, minutes: minutes, after: after ?? now, hours: hours)
    }
}
