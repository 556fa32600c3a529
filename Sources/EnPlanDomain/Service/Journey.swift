/// One event of a citizen's case as a viewer sees it: content another sector's consent does not
/// cover is replaced by the fact that something happened, and in which sector.
public struct SeenEvent: Sendable {
    public let event: RecordedEvent
    public let sector: Sector?
    public let hidden: Bool
}

/// What kind of thing happened, for filtering the journey (a column of the event catalogue).
public enum JourneyKind: String, CaseIterable, Sendable {
    case caseFile = "case", consent, plan, effort, decision, followUp = "followup", assessment, referral, contact, meeting, outcome

    /// The kind the catalogue gives an event type (a name the catalogue does not know: the case file).
    public init(eventType: String) {
        self = EventType.named(eventType)?.row.journey ?? .caseFile
    }
}

/// The citizen's journey (borger-rejse): everything that happened in the case, in time order,
/// and the figures the municipality wants to bring down.
public struct Journey: Sendable {
    public struct Entry: Sendable {
        public let seen: SeenEvent
        public let kind: JourneyKind
        /// When it happened: a contact's own time when it was logged later, else the event's.
        public let at: Timestamp
        public var event: RecordedEvent { seen.event }
    }

    /// A count over the last 90 days and the last 12 months (365 days), today included.
    public struct Window: Equatable, Sendable {
        public var days90 = 0
        public var months12 = 0
    }

    /// From a start (the plan, a referral) to the first effort that actually started.
    public struct Lead: Equatable, Sendable {
        public let from: Day
        /// The first effort's start, or nil while none has started.
        public let started: Day?
        /// Days from `from` to `started`, or days waited so far.
        public let days: Int
    }

    public struct Figures: Equatable, Sendable {
        public var contacts = Window()
        public var meetings = Window()
        public var caseworkers = Window()
        public var planToFirstEffort: Lead?
        /// Per referral (its id, the sector it went to): to the first effort there.
        public var referrals: [(id: String, to: Sector, lead: Lead)] = []

        public static func == (a: Figures, b: Figures) -> Bool {
            a.contacts == b.contacts && a.meetings == b.meetings && a.caseworkers == b.caseworkers
                && a.planToFirstEffort == b.planToFirstEffort && a.referrals.map(\.id) == b.referrals.map(\.id)
                && a.referrals.map(\.lead) == b.referrals.map(\.lead)
        }
    }

    public let citizen: String
    public let entries: [Entry]
    public let figures: Figures
    /// The other registrations the journey's links and dismissed duplicates name, by id, as the
    /// viewer may know them (named only where they may see them).
    public var others: [String: LinkedRegistration] = [:]

    /// The plan's items the journey's events name by id (a goal's status, a follow-up done, a
    /// referral answered, a consent withdrawn), as the viewer may see them: an event names its
    /// item in words, never by id.
    public var items: [String: PlanItemLabel] = [:]

    /// The entries of some sectors and kinds (nil: all).
    public func filtered(sector: Sector?, kind: JourneyKind?) -> [Entry] {
        entries.filter { (sector == nil || $0.seen.sector == sector) && (kind == nil || $0.kind == kind) }
    }

    /// Figures from the projection (contacts, meetings, the plan) and the events' actors.
    static func figures(for c: Citizen, meetings: [Meeting], entries: [Entry], users: (String) -> User?, today: Day) -> Figures {
        var f = Figures()
        func inWindow(_ day: Day, _ days: Int) -> Bool { day <= today && today - day < days }
        func count(_ day: Day, into w: inout Window) {
            if inWindow(day, 90) { w.days90 += 1 }
            if inWindow(day, 365) { w.months12 += 1 }
        }
        var workers90 = Set<String>(), workers365 = Set<String>()
        func worked(_ id: String, on day: Day) {
            guard users(id)?.role == .caseworker else { return }
            if inWindow(day, 90) { workers90.insert(id) }
            if inWindow(day, 365) { workers365.insert(id) }
        }
        for contact in c.contacts {
            count(contact.at.local.day, into: &f.contacts)
            worked(contact.user, on: contact.at.local.day)
        }
        // Held, missed (the time was spent) and still-planned past meetings count; cancelled do not.
        for m in meetings where m.status != .cancelled {
            count(m.start.day, into: &f.meetings)
            for p in m.participants { worked(p, on: m.start.day) }
        }
        for e in entries { worked(e.event.actor, on: e.at.local.day) }
        f.caseworkers = Window(days90: workers90.count, months12: workers365.count)

        guard let plan = c.plan else { return f }
        let started = plan.efforts.filter { $0.status != .cancelled && $0.status != .planned && $0.start <= today }
        // For the plan, an effort already running on the day counts as starting that day (0 days):
        // the plan was written around help that was under way. For a referral, only an effort of
        // the receiving sector that started on or after it is its answer: one that was running
        // already was not brought about by it ("no effort yet", not "0 days").
        func lead(from day: Day, sector: Sector?, running: Bool) -> Lead {
            let first = started.filter { ($0.start >= day || (running && ($0.end ?? today) >= day)) && (sector == nil || $0.sector == sector) }
                .map { max($0.start, day) }.min()
            return Lead(from: day, started: first, days: (first ?? today) - day)
        }
        f.planToFirstEffort = lead(from: plan.created, sector: nil, running: true)
        for r in plan.referrals where r.status == .requested || r.status == .accepted {
            f.referrals.append((r.id, r.to, lead(from: r.date, sector: r.to, running: false)))
        }
        return f
    }
}

/// A plan item as a person names it, for a line that refers to it by id (the journey, the changes
/// behind a stale save): a goal and an effort by their text, a follow-up by its subject and due
/// day, a referral by where it went and what it asked, a consent by its sectors and day.
public enum PlanItemLabel: Sendable, Equatable {
    case goal(String)
    case effort(String)
    case followUp(subject: String?, due: Day)
    case referral(to: Sector, text: String)
    case consent([Sector], given: Day)

    /// The labels of a citizen's plan items and consents, leaving out what `hidden` holds (content
    /// the viewer's sector may not see: such an item is named by nothing).
    public static func labels(of c: Citizen, hidden: Set<String>) -> [String: PlanItemLabel] {
        var out: [String: PlanItemLabel] = [:]
        for k in c.consents where !hidden.contains(k.id) { out[k.id] = .consent(k.sectors, given: k.given) }
        guard let p = c.plan else { return out }
        for g in p.goals where !hidden.contains(g.id) { out[g.id] = .goal(g.text) }
        for e in p.efforts where !hidden.contains(e.id) { out[e.id] = .effort(e.title) }
        for f in p.followUps where !hidden.contains(f.id) { out[f.id] = .followUp(subject: f.subject, due: f.due) }
        for r in p.referrals where !hidden.contains(r.id) { out[r.id] = .referral(to: r.to, text: r.text) }
        return out
    }
}
