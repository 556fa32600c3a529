// Queries of citizens and their cases. Each reads other terminals' changes first, shows only what
// `Access` clears, and is audit-logged (`CaseService+Audit`).
extension CaseService {
    /// The citizens `viewerID` may see, in name order, with the CPR number masked. `logged: false`
    /// is for a screen re-reading the list it already shows because another terminal changed it.
    /// `ordered: false`: in the order they were registered, for a caller that sorts them its own
    /// way (the full-screen list sorts by the Danish alphabet: a second sort was a tenth of login).
    public func citizens(as viewerID: String, logged: Bool = true, ordered: Bool = true) throws -> [CitizenRow] {
        try store.refresh()
        let viewer = try user(viewerID)
        let today = self.today
        // Heads, not whole citizens: the list reads no case (`CitizenHead`).
        let rows = store.projection.citizens.heads.compactMap { c -> CitizenRow? in
            // An erased citizen (retention) is nobody's to list: a nameless record stays, no case.
            guard !c.name.isEmpty, Access.canSee(viewer, c) else { return nil }
            return row(c, viewer: viewer, today: today)
        }
        if logged { try record(.citizensListed(by: viewer.id, count: rows.count)) }
        return ordered ? rows.inNameOrder() : rows
    }

    /// Rows for some citizens (those another terminal changed), for a list already shown: the ones
    /// the viewer may see, and the ids they may no longer see. Not logged here: the caller logs
    /// citizens that are new to the list.
    public func rows(for ids: Set<String>, as viewerID: String) throws -> (rows: [CitizenRow], hidden: [String]) {
        let viewer = try user(viewerID)
        let today = self.today
        var rows: [CitizenRow] = [], hidden: [String] = []
        for id in ids {
            guard let c = store.projection.citizens.head(id), !c.name.isEmpty else { continue }
            if Access.canSee(viewer, c) { rows.append(row(c, viewer: viewer, today: today)) } else { hidden.append(id) }
        }
        return (rows, hidden)
    }

    func row(_ c: CitizenHead, viewer: User, today: Day) -> CitizenRow {
        let next = c.meetings.compactMap { store.projection.meetings[$0] }
            .filter { $0.status == .planned && $0.start.day >= today }.map(\.start).min()
        return CitizenRow(id: c.id, name: c.name, maskedCPR: c.cpr.masked, age: c.age(on: today),
                          benefit: Access.seesBenefit(viewer, c, on: today) ? c.benefit : nil, sectorMask: c.sectorMask, responsible: c.responsible, nextMeeting: next,
                          overdueFollowUps: c.isOpen(on: today) ? c.overdueFollowUps(on: today) : 0, planStatus: c.hasPlan ? .active : .none,
                          mine: Access.worksOn(viewer, c), closed: c.closed, linked: linked(c.linked, viewer: viewer),
                          formerMaskedCPRs: c.formerCPRs.map(\.masked))
    }

    /// Linked registrations as `viewer` may know them: named where they may see them.
    func linked(_ ids: [String], viewer: User) -> [LinkedRegistration] {
        ids.compactMap { id in
            guard let h = store.projection.citizens.head(id) else { return nil }
            guard Access.canSee(viewer, h) else { return LinkedRegistration(id: id, name: nil, maskedCPR: nil, closed: nil) }
            return LinkedRegistration(id: id, name: h.name, maskedCPR: h.cpr.masked, closed: h.closed)
        }
    }

    /// One citizen in full, as `viewerID` may see it. Users who do not work on the citizen need a
    /// `reason` (else `DomainError.needsReason`), which goes to the audit log with the look.
    /// `purpose` names the view ("plan", "search", "export" …); `logged: false` is a screen
    /// re-reading the citizen it already shows (a refresh): no view is recorded.
    public func citizen(_ id: String, as viewerID: String, reason: String? = nil, purpose: String = "detail",
                        logged: Bool = true) throws -> CitizenDetail {
        try store.refresh()
        let viewer = try user(viewerID)
        let c = try readable(id, viewer: viewer, reason: reason, purpose: purpose, logged: logged)
        let today = self.today
        let (shown, hidden, withheld) = Access.redacted(c, for: viewer, on: today)
        let meetings = c.meetings.compactMap { store.projection.meetings[$0] }.sorted { $0.start < $1.start }
            .map { Access.shownInCase($0, to: viewer) }
        let full = Access.canSeeFullCPR(viewer, c)
        var detail = CitizenDetail(citizen: shown, cpr: full ? c.cpr.formatted : c.cpr.masked,
                                   age: c.age(on: today), targetGroup: c.targetGroup(on: today), hidden: hidden, withheld: withheld,
                                   meetings: meetings, brokeTheGlass: !Access.canSee(viewer, c), today: today)
        detail.linked = linked(c.linked, viewer: viewer)
        detail.formerCPRs = c.formerCPRs.reversed().map { full ? $0.formatted : $0.masked }
        return detail
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
        return try store.events(of: [c.id] + c.meetings).map { Access.seen($0, of: c, by: viewer, in: store.projection, on: today) }
    }

    /// The citizen's journey as `viewerID` may see it (logged like any look at the case, unless
    /// `logged` is false: a refresh of the journey already shown).
    public func journey(_ id: String, as viewerID: String, reason: String? = nil, logged: Bool = true) throws -> Journey {
        try store.refresh()
        let viewer = try user(viewerID)
        let c = try readable(id, viewer: viewer, reason: reason, purpose: "journey", logged: logged)
        let entries = try visibleEvents(of: c, to: viewer).map { seen -> Journey.Entry in
            var at = seen.event.ts
            if EventType.named(seen.event.type) == .contactLogged, !seen.hidden,
               let iso = try? seen.event.data.optionalString("at"), let t = Timestamp(iso: iso) { at = t }
            // A thing dated another day than it was typed (a decision of last week, a case closed in
            // 2020, a follow-up done on Friday) stands on its own day, at noon.
            if !seen.hidden, let day = (try? seen.event.data.day("date")) ?? (try? seen.event.data.day("done")), day != seen.event.ts.copenhagenDay,
               let noon = LocalTime(day: day, minuteOfDay: 12 * 60).instant { at = noon }
            return Journey.Entry(seen: seen, kind: JourneyKind(eventType: seen.event.type), at: at)
        }.sorted { ($0.at, $0.event.seq) < ($1.at, $1.event.seq) }
        let meetings = c.meetings.compactMap { store.projection.meetings[$0] }
        let figures = Journey.figures(for: c, meetings: meetings, entries: entries, users: { self.store.projection.user($0) }, today: today)
        var journey = Journey(citizen: id, entries: entries, figures: figures)
        for other in linked(c.linked + c.notDuplicates, viewer: viewer) { journey.others[other.id] = other }
        journey.items = PlanItemLabel.labels(of: c, hidden: Set(Access.redacted(c, for: viewer, on: today).hidden))
        return journey
    }

    /// What changed in a citizen's case after `version` (the one a form was opened on): shown when
    /// a save is refused as stale, so the user sees the other edit before redoing their own.
    public func changes(to id: String, since version: Int, as viewerID: String) throws -> [SeenEvent] {
        try store.refresh()
        let viewer = try user(viewerID)
        guard let c = store.projection.citizens[id], Access.canSee(viewer, c) else { throw DomainError.needsReason(citizen: id) }
        return try visibleEvents(of: c, to: viewer).filter { $0.event.stream == id && $0.event.version > version }
    }

    /// The plan templates, by name.
    public func templates() -> [PlanTemplate] {
        store.projection.templates.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }
}

extension Array where Element == CitizenRow {
    /// The rows by name, then id, in String's order. Sorted first by the names' UTF-8 bytes (the
    /// same order for text in NFC, as typed text is, and a fraction of the cost: String's
    /// comparison normalises non-ASCII names on every compare), as places into one buffer of every
    /// name's bytes (no row moved until the order is known); then checked pair by pair with
    /// String's own comparison. A list that fails the check (a name in another normal form) is
    /// sorted again the slow way, so the order is always String's.
    func inNameOrder() -> [CitizenRow] {
        func before(_ a: CitizenRow, _ b: CitizenRow) -> Bool { (a.name, a.id) < (b.name, b.id) }
        var keys = FlatBytes(capacity: count, bytes: count * 24)
        for r in self {
            keys.append(r.name.utf8)
            keys.extendLast(CollectionOfOne(0))   // 0 ends a name: a prefix sorts first
            keys.extendLast(r.id.utf8)
        }
        let order = indices.sorted { keys.less($0, $1) }
        let bytewise = order.map { self[$0] }
        for i in bytewise.indices.dropFirst() where before(bytewise[i], bytewise[i - 1]) { return sorted(by: before) }
        return bytewise
    }
}
