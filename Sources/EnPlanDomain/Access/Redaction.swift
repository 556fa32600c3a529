// What a viewer may see of a citizen's case, piece by piece: the one place content is hidden.
//
// Invariants:
// - Every piece of a case belongs to the sector that recorded it (`ContentOwner`, named for each
//   event type in the catalogue). Another sector sees its content only where the citizen's active
//   consent covers both (`Access.seesContent`); otherwise it sees that something happened, when,
//   and in which sector — never the text.
// - A referral is read by the sector that sent it and the one it went to, consent or not.
// - The full CPR number reaches only users who work on the citizen (`Access.canSeeFullCPR`).
// - A meeting about a citizen the viewer may not see is busy time only: no citizen, guests or outcome.
// - These functions only take away: what they return is never more than what they were given.

/// Which sector owns the content of an event of one type: a column of the event catalogue.
public enum ContentOwner: Sendable, Equatable {
    /// The sector of the user who recorded it.
    case actor
    /// The sector the event names in its own "sector" field (an effort, a contact), else the actor's.
    case recordedSector
    /// A decision's own sector; for one recorded before decisions carried it, its law's usual sector.
    case decision
    /// The sector of the effort the event names by its "id".
    case effort
    /// The actor's sector; and the two sectors of the referral the event names always read it.
    case referral
}

extension Access {
    /// The sector an event of a case belongs to (nil: its actor is not known).
    static func owner(of e: RecordedEvent, in state: Projection) -> Sector? {
        let actorSector = state.user(e.actor)?.sector
        guard let type = EventType.named(e.type) else { return actorSector }
        switch type.row.owner {
        case .actor, .referral:
            return actorSector
        case .recordedSector:
            return (try? e.data.value("sector", Sector.self)) ?? actorSector
        case .decision:
            if let s = try? e.data.value("sector", Sector.self) { return s }
            if let area = try? e.data.value("legalArea", LegalArea.self) { return area.usualSector }
            return actorSector
        case .effort:
            if let id = try? e.data.string("id"), let effort = state.citizens[e.stream]?.plan?.efforts.first(where: { $0.id == id }) {
                return effort.sector
            }
            return actorSector
        }
    }

    /// Whether the event is about a referral that was sent from or to the viewer's sector.
    static func referralConcerns(_ viewer: User, _ e: RecordedEvent, in c: Citizen) -> Bool {
        guard EventType.named(e.type)?.row.owner == .referral, let id = try? e.data.string("id"),
              let r = c.plan?.referrals.first(where: { $0.id == id }) else { return false }
        return viewer.sector == r.from || viewer.sector == r.to
    }

    /// One event of the citizen's case (or of one of their meetings) as `viewer` may see it.
    static func seen(_ e: RecordedEvent, of c: Citizen, by viewer: User, in state: Projection, on today: Day) -> SeenEvent {
        let sector = owner(of: e, in: state)
        if EventType.named(e.type) == .citizenRegistered, !canSeeFullCPR(viewer, c) {
            // The registration carries the full CPR number: masked, as everywhere else it shows.
            return SeenEvent(event: e.withData(e.data.replacing("cpr", with: c.cpr.masked)), sector: sector, hidden: false)
        }
        if let sector, !referralConcerns(viewer, e, in: c), !seesContent(viewer, of: sector, in: c, on: today) {
            var f = Fields(); f.set("hidden", "no consent covers \(sector.rawValue)"); f.set("sector", sector)
            return SeenEvent(event: e.withData(f), sector: sector, hidden: true)
        }
        return SeenEvent(event: e, sector: sector, hidden: false)
    }

    /// The citizen with the text of efforts, decisions and referrals the viewer may not read blanked,
    /// and the ids of those pieces.
    static func redacted(_ c: Citizen, for viewer: User, on today: Day) -> (citizen: Citizen, hidden: [String]) {
        guard var plan = c.plan else { return (c, []) }
        var hidden: [String] = []
        for i in plan.efforts.indices where !seesContent(viewer, of: plan.efforts[i].sector, in: c, on: today) {
            hidden.append(plan.efforts[i].id)
            plan.efforts[i].title = ""; plan.efforts[i].provider = ""; plan.efforts[i].legalBasis = ""
        }
        for i in plan.decisions.indices where !seesContent(viewer, of: plan.decisions[i].sector, in: c, on: today) {
            hidden.append(plan.decisions[i].id)
            plan.decisions[i].text = ""
        }
        for i in plan.referrals.indices where !seesReferral(viewer, plan.referrals[i], in: c, on: today) {
            hidden.append(plan.referrals[i].id)
            plan.referrals[i].text = ""
        }
        var shown = c
        shown.plan = plan
        return (shown, hidden)
    }

    /// A meeting as `viewer` may see it: busy time only when it is about a citizen they may not see.
    static func shown(_ m: Meeting, to viewer: User, in state: Projection) -> Meeting {
        guard let cid = m.citizen, let c = state.citizens[cid], !canSee(viewer, c) else { return m }
        var busy = m
        busy.citizen = nil; busy.guests = []; busy.outcome = nil
        return busy
    }
}

extension RecordedEvent {
    /// The same line with another payload (what a viewer is shown in its place).
    func withData(_ data: Fields) -> RecordedEvent {
        RecordedEvent(seq: seq, ts: ts, actor: actor, type: type, stream: stream, version: version, data: data, hash: hash)
    }
}
