// What a viewer may see of a citizen's case, piece by piece: the one place content is hidden.
//
// Invariants:
// - Every piece of a case belongs to the sector that recorded it (`ContentOwner`, named for each
//   event type in the catalogue; `Citizen.recorded` for the pieces without a sector of their own:
//   sub-goals, follow-ups, assessments, household, benefit, the plan's own words). Another sector
//   sees its content only where the citizen's active consent covers both (`Access.seesContent`);
//   otherwise it sees that something happened, when, and in which sector — never the text
//   (`Withheld`, and the ids in `CitizenDetail.hidden`).
// - Always shown to whoever may see the citizen: name, masked CPR, age, the responsible caseworker,
//   the contact person, the consent state (`ContentOwner.shared`).
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
    /// Seen by everyone who may see the citizen: the responsible caseworker, the contact person, consent.
    case shared
    /// The sector that recorded the sub-goal the event names by its "id".
    case goal
}

/// A piece of a case whose content the viewer may not see: what it is, its id where it has one,
/// and the sector it belongs to. Goals, efforts, decisions, follow-ups and referrals stay in the
/// plan with their text blanked (their ids are also in `CitizenDetail.hidden`); assessments,
/// household members, the benefit and the plan's own words are taken out and listed only here.
public struct Withheld: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case goal, effort, decision, followUp, assessment, referral, household, benefit, ownWords, outcome, ownAssessment, vulnerability
    }
    public let kind: Kind
    public let id: String?
    public let sector: Sector
    public init(_ kind: Kind, _ id: String?, _ sector: Sector) { self.kind = kind; self.id = id; self.sector = sector }
}

extension Access {
    /// The sector an event of a case belongs to (nil: its actor is not known).
    static func owner(of e: RecordedEvent, in state: Projection) -> Sector? {
        let actorSector = state.user(e.actor)?.sector
        guard let type = EventType.named(e.type) else { return actorSector }
        switch type.row.owner {
        case .actor, .referral, .shared:
            return actorSector
        case .goal:
            if let id = try? e.data.string("id"), let c = state.citizens[e.stream], let i = c.plan?.goals.firstIndex(where: { $0.id == id }),
               let s = Recorders.at(c.recorded.goals, i) { return s }
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
        if EventType.named(e.type) == .citizenRegistered {
            // Name, responsible and sectors are for everyone who may see the citizen; the full CPR
            // number only as everywhere else it shows, the benefit only as the benefit's sector allows.
            var data = e.data
            if !canSeeFullCPR(viewer, c) { data = data.replacing("cpr", with: c.cpr.masked) }
            if let sector, !seesContent(viewer, of: sector, in: c, on: today) { data = data.removing("benefit") }
            return SeenEvent(event: e.withData(data), sector: sector, hidden: false)
        }
        if EventType.named(e.type) == .cprChanged, !canSeeFullCPR(viewer, c) {
            // Both numbers as every list shows a number: masked.
            var data = e.data
            for key in ["old", "new"] {
                if let digits = try? data.string(key), let cpr = try? CPR(digits) { data = data.replacing(key, with: cpr.masked) }
            }
            return SeenEvent(event: e.withData(data), sector: sector, hidden: false)
        }
        let shared = EventType.named(e.type)?.row.owner == .shared
        if let sector, !shared, !referralConcerns(viewer, e, in: c), !seesContent(viewer, of: sector, in: c, on: today) {
            var f = Fields(); f.set("hidden", "no consent covers \(sector.rawValue)"); f.set("sector", sector)
            return SeenEvent(event: e.withData(f), sector: sector, hidden: true)
        }
        return SeenEvent(event: e, sector: sector, hidden: false)
    }

    /// The citizen as `viewer` may see them: the text of pieces of other sectors that no consent
    /// covers blanked (or, with no text to blank, taken out), and what was withheld.
    static func redacted(_ c: Citizen, for viewer: User, on today: Day) -> (citizen: Citizen, hidden: [String], withheld: [Withheld]) {
        func sees(_ s: Sector) -> Bool { seesContent(viewer, of: s, in: c, on: today) }
        var shown = c, withheld: [Withheld] = []
        if let b = c.recorded.benefit, c.benefit != nil, !sees(b) { shown.benefit = nil; withheld.append(Withheld(.benefit, nil, b)) }
        var household: [HouseholdMember] = [], householdBy: [Sector] = []
        for (i, m) in c.household.enumerated() {
            let s = Recorders.at(c.recorded.household, i) ?? c.registeredSectors.first ?? viewer.sector
            if sees(s) { household.append(m); householdBy.append(s) } else { withheld.append(Withheld(.household, nil, s)) }
        }
        shown.household = household; shown.recorded.household = householdBy
        // Outcomes, own assessments and the vulnerability flag carry their recorder's sector.
        shown.outcomes.statuses = c.outcomes.statuses.filter { o in sees(o.sector) || { withheld.append(Withheld(.outcome, nil, o.sector)); return false }() }
        shown.outcomes.assessments = c.outcomes.assessments.filter { a in sees(a.sector) || { withheld.append(Withheld(.ownAssessment, nil, a.sector)); return false }() }
        shown.outcomes.vulnerability = c.outcomes.vulnerability.filter { v in sees(v.sector) || { withheld.append(Withheld(.vulnerability, nil, v.sector)); return false }() }
        guard var plan = c.plan else { return (shown, [], withheld) }
        if let s = c.recorded.plan, !sees(s), !plan.ownWords.isEmpty { plan.ownWords = ""; withheld.append(Withheld(.ownWords, nil, s)) }
        for i in plan.goals.indices {
            if let s = Recorders.at(c.recorded.goals, i), !sees(s) { plan.goals[i].text = ""; withheld.append(Withheld(.goal, plan.goals[i].id, s)) }
        }
        for i in plan.efforts.indices where !sees(plan.efforts[i].sector) {
            withheld.append(Withheld(.effort, plan.efforts[i].id, plan.efforts[i].sector))
            plan.efforts[i].title = ""; plan.efforts[i].provider = ""; plan.efforts[i].legalBasis = ""
        }
        for i in plan.decisions.indices where !sees(plan.decisions[i].sector) {
            withheld.append(Withheld(.decision, plan.decisions[i].id, plan.decisions[i].sector))
            plan.decisions[i].text = ""
        }
        for i in plan.followUps.indices {
            if let s = Recorders.at(c.recorded.followUps, i), !sees(s) {
                plan.followUps[i].result = nil; withheld.append(Withheld(.followUp, plan.followUps[i].id, s))
            }
        }
        var assessments: [Assessment] = [], assessedBy: [Sector] = []
        for (i, a) in plan.assessments.enumerated() {
            let s = Recorders.at(c.recorded.assessments, i) ?? viewer.sector
            if sees(s) { assessments.append(a); assessedBy.append(s) } else { withheld.append(Withheld(.assessment, nil, s)) }
        }
        plan.assessments = assessments; shown.recorded.assessments = assessedBy
        for i in plan.referrals.indices where !seesReferral(viewer, plan.referrals[i], in: c, on: today) {
            withheld.append(Withheld(.referral, plan.referrals[i].id, plan.referrals[i].from))
            plan.referrals[i].text = ""
        }
        // A quarterly review's findings belong to the recorder's sector, like the rest of the case.
        plan.reviews = plan.reviews.filter { sees($0.sector) }
        shown.plan = plan
        return (shown, withheld.compactMap(\.id), withheld)
    }

    /// A meeting of a citizen the viewer may see, in the citizen's detail: the outcome note only
    /// for those who took part.
    static func shownInCase(_ m: Meeting, to viewer: User) -> Meeting {
        guard !m.participants.contains(viewer.id) else { return m }
        var shown = m
        shown.outcome = nil
        return shown
    }

    /// A meeting as `viewer` may see it: busy time only when it is about a citizen they may not see.
    /// Busy time is the time, the room and the meeting's id: no type, citizen, participants,
    /// guests, agenda or outcome.
    static func shown(_ m: Meeting, to viewer: User, in state: Projection) -> Meeting {
        guard let cid = m.citizen, let c = state.citizens[cid], !canSee(viewer, c) else { return m }
        var busy = m
        busy.citizen = nil; busy.guests = []; busy.outcome = nil; busy.agenda = []; busy.participants = []; busy.type = .other
        busy.busy = true
        return busy
    }
}

extension RecordedEvent {
    /// The same line with another payload (what a viewer is shown in its place).
    func withData(_ data: Fields) -> RecordedEvent {
        RecordedEvent(seq: seq, ts: ts, actor: actor, type: type, stream: stream, version: version, data: data, hash: hash)
    }
}
