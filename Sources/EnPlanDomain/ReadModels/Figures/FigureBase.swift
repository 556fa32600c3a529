/// The citizens the figures count, kept in an array beside the projection: a read model of the
/// store (`ReadModel`, one per store, shared by its services), brought up to date by taking in
/// only the citizens whose streams it was told changed. Used from the one thread that uses the store.
///
/// Invariants:
/// - After `update(_:seq:changed:)`, `citizens` holds exactly the projection's citizens as they
///   are at `seq`, each once (`position` says where), in no particular order: the figures are
///   sums and lists that are put in order when shown, so the order does not matter.
/// - A citizen changes only through its own stream or a meeting stream about it (`Projection`):
///   the streams the store applied since the last update (`applied`) name every citizen to take
///   in again. After `forget()` (the store read its state back from disk), everything is read afresh.
/// - Only citizens are kept: meetings, users and targets are read from the projection each time.
///
/// Why an array: its elements can be read in place through a pointer (`CitizenRef`), one field
/// at a time; copying every field of 100,000 citizens (retaining two dozen arrays and strings
/// each) was a third of the figures' time. It holds what the figures read (`FigureCitizen` and
/// `FigureSummary`), not whole citizens: most citizens are read from the mapped snapshot
/// (`CitizenTable`), one at a time, and only these parts are kept.
final class FigureBase: ReadModel {
    /// The streams applied since the last update.
    private var changedSince = Set<String>()

    func applied(seq: Int, stream: String) { if self.seq >= 0 { changedSince.insert(stream) } }
    func forget() { seq = -1; changedSince = [] }

    /// Brings the array up to the projection at `seq`.
    func update(_ state: Projection, seq: Int) {
        let changed = self.seq < 0 ? nil : changedSince
        changedSince = []
        update(state, seq: seq, changed: changed)
    }

    /// What the figures read of each citizen beyond its summary (`FigureCitizen`: not the case).
    private(set) var citizens: [FigureCitizen] = []
    /// Index-aligned with `citizens`: what the figures ask of each again and again, worked out
    /// when the citizen is taken in (`FigureSummary`).
    private(set) var summaries: [FigureSummary] = []
    private var position: [String: Int] = [:]
    /// The users the summaries name, each once, by a small number (`FigureSummary.responsibleIndex`):
    /// a pass looks a user up in an array (`FigureScope.staff`) instead of hashing the id.
    private(set) var userIDs: [String] = []
    private var userIndex: [String: Int] = [:]

    private func intern(_ id: String) -> Int {
        if let i = userIndex[id] { return i }
        userIndex[id] = userIDs.count
        userIDs.append(id)
        return userIDs.count - 1
    }

    private func summary(_ c: Citizen, _ state: Projection) -> FigureSummary { FigureSummary(c, state, user: intern) }
    /// The seq the array is at (-1: never filled).
    private(set) var seq = -1
    /// How many citizens the last update took in (all of them when it started from nothing).
    private(set) var lastTakenIn = 0

    func update(_ state: Projection, seq: Int, changed: Set<String>?) {
        guard seq != self.seq else { return }
        defer { self.seq = seq }
        guard self.seq >= 0, let changed else {
            // One citizen decoded at a time (`CitizenTable`), its summary and figure fields kept.
            let all = state.citizens
            citizens = []; summaries = []
            citizens.reserveCapacity(all.count); summaries.reserveCapacity(all.count)
            for i in 0..<all.count {
                let c = all[place: i]
                // An erased citizen (retention) counts in no figure: nothing of the case is left.
                if c.isErased { continue }
                citizens.append(FigureCitizen(c)); summaries.append(summary(c, state))
            }
            position = Dictionary(uniqueKeysWithValues: citizens.indices.map { (citizens[$0].id, $0) })
            lastTakenIn = citizens.count
            Heap.giveBack()   // the 100,000 citizens decoded on the way, freed
            return
        }
        var ids = Set<String>()
        for stream in changed {
            if state.citizens.contains(stream) { ids.insert(stream) }
            else if let i = state.meetings.index(forKey: stream), let c = state.meetings.values[i].citizen { ids.insert(c) }
        }
        for id in ids {
            guard let c = state.citizens[id] else { continue }
            if c.isErased {
                // Gone from the figures: the arrays are made again without it (an erasure is rare).
                if position[id] != nil { self.seq = -1; update(state, seq: seq, changed: nil) }
                continue
            }
            if let p = position[id] { citizens[p] = FigureCitizen(c); summaries[p] = summary(c, state) } else {
                position[id] = citizens.count; citizens.append(FigureCitizen(c)); summaries.append(summary(c, state))
            }
        }
        lastTakenIn = ids.count
    }

    /// Calls `body` with the citizens and their summaries, readable in place for as long as it runs.
    func withCitizens<R>(_ body: (UnsafeBufferPointer<FigureCitizen>, UnsafeBufferPointer<FigureSummary>) throws -> R) rethrows -> R {
        try citizens.withUnsafeBufferPointer { c in try summaries.withUnsafeBufferPointer { s in try body(c, s) } }
    }
}

/// What the figures read of a citizen beside its `FigureSummary`: who it is, whom `Access` lets
/// see it, its consents and outcomes; not its case (texts, contacts, history), which a summary
/// has already made into days and numbers. Holding whole citizens here kept every session's
/// figures as large as the whole state (370 MB at 100,000 citizens).
struct FigureCitizen: CaseAccessFacts {
    let id: String
    let responsible: String
    let birthDate: Day
    let consents: [Consent]
    let outcomes: CitizenOutcomes
    let participants: [String]
    let sectorMask: UInt8
    let benefitRecorder: Sector?

    init(_ c: Citizen) {
        id = c.id; responsible = c.responsible; birthDate = c.cpr.birthDate; consents = c.consents; outcomes = c.outcomes
        participants = c.participants.sorted(); sectorMask = c.sectorMask; benefitRecorder = c.recorded.benefit
    }

    func takesPart(_ user: String) -> Bool { participants.contains(user) }
}

/// What the figures ask of one citizen on every pass, worked out once when the citizen is taken
/// in: the passes then read small numbers in place instead of working out dates, looking up
/// meetings and hashing keys for 100,000 citizens each time. A citizen changes only through its
/// own stream or a meeting stream about it, and `FigureBase` takes in exactly those citizens
/// again, so a summary is never older than its citizen. What depends on today (the target
/// group, an overdue follow-up, a meeting in the next 14 days) is kept as the days it turns on.
struct FigureSummary {
    /// The 15th and 30th birthdays: the target group on a day is two comparisons.
    let youthFrom: Day, adultFrom: Day
    /// `Citizen.sectorMask`.
    let sectorMask: UInt8
    /// The row key of the responsible caseworker ("user:" + id), made once.
    let userRow: String
    /// The responsible caseworker's number in `FigureBase.userIDs`.
    let responsibleIndex: Int
    /// `CitizenFacts.responsible`: each responsible caseworker (by number) from the day they
    /// became it, oldest first, in one array (8 bytes a span).
    let spans: [Span]
    struct Span {
        private let fromDay: Day32
        private let userNumber: Int32
        init(from: Day, user: Int) { fromDay = Day32(from); userNumber = Int32(user) }
        var from: Day { fromDay.day! }
        var user: Int { Int(userNumber) }
    }
    /// How many of `work`'s first entries are the contacts, in the order logged (their Copenhagen
    /// days are those entries' days: not kept twice).
    let contactCount: Int
    /// Each contact's Copenhagen day, in the order logged.
    var contactDays: [Day] {
        var days: [Day] = []
        work.days(first: contactCount) { days.append($0) }
        return days
    }
    /// The citizen's meetings that exist: their day and status.
    let meetings: [MeetingMark]
    /// Who (by user number, `FigureBase.userIDs`) worked on the citizen on which day: contacts
    /// (first, in the order logged) by who logged them, held meetings by their participants,
    /// efforts and decisions by who recorded them (section 3). Packed, 2 bytes an entry mostly.
    let work: WorkLog
    /// The plan's day of creation (nil: no plan) and its lists, with the fields the figures count
    /// by and without their texts (titles, legal bases, providers, referral texts: most of a plan's
    /// memory, and no figure reads them).
    let planCreated: Day?
    let followUps: [FollowUpMark], efforts: [EffortMark], referrals: [ReferralMark]

    /// A day in 32 bits, or none: the marks are many (an effort or a follow-up each), and a
    /// `Day?` takes 16 bytes in a struct.
    struct Day32 {
        private let raw: Int32
        init(_ day: Day?) { raw = day.map { Int32(clamping: $0.daysSinceEpoch) } ?? .min }
        var day: Day? { raw == .min ? nil : Day(daysSinceEpoch: Int(raw)) }
    }
    /// An effort as the figures see it (`Effort` without its title and provider): 48 bytes.
    struct EffortMark: EffortTiming {
        let offer: String?
        /// The legal basis (the youth cohorts count efforts under their group's).
        let legalBasis: String
        private let startDay: Day32, endDay: Day32
        let sector: Sector, status: EffortStatus, welfareTechnology: Bool
        var start: Day { startDay.day! }
        var end: Day? { endDay.day }
        init(_ e: Effort) {
            sector = e.sector; status = e.status; welfareTechnology = e.welfareTechnology
            startDay = Day32(e.start); endDay = Day32(e.end); offer = e.offer; legalBasis = e.legalBasis
        }
    }
    /// A follow-up as the figures see it (`FollowUp` without its id): 16 bytes.
    struct FollowUpMark: FollowUpTiming {
        private let dueDay: Day32, doneDay: Day32, plannedDay: Day32
        let result: FollowUpResult?
        var due: Day { dueDay.day! }
        var done: Day? { doneDay.day }
        var planned: Day? { plannedDay.day }
        init(_ f: FollowUp) { dueDay = Day32(f.due); doneDay = Day32(f.done); plannedDay = Day32(f.planned); result = f.result }
    }
    /// A referral as the figures see it (`Referral` without its text).
    struct ReferralMark {
        let id: String
        let from: Sector, to: Sector, status: ReferralStatus
        let date: Day
        init(_ r: Referral) { id = r.id; from = r.from; to = r.to; status = r.status; date = r.date }
    }
    /// The day the case closed (`Citizen.closed`; none: open).
    let closedDay: Day32
    /// `CitizenFacts`' parts, one by one (a whole `CitizenFacts` copied is five retains).
    let registered: Day
    let merged: [Day], answered: [CitizenFacts.Mark]
    /// The consents' days they were given and withdrawn, one pair each (`Consent.isActive`'s terms).
    let consents: [ConsentSpan]
    struct ConsentSpan {
        private let givenDay: Day32, withdrawnDay: Day32
        init(given: Day, withdrawn: Day?) { givenDay = Day32(given); withdrawnDay = Day32(withdrawn) }
        var given: Day { givenDay.day! }
        var withdrawn: Day? { withdrawnDay.day }
    }

    struct MeetingMark {
        let day: Day
        let status: MeetingStatus
    }

    /// `user`: a user id's number (`FigureBase.userIDs`).
    init(_ c: Citizen, _ state: Projection, user: (String) -> Int) {
        responsibleIndex = user(c.responsible)
        spans = c.facts.responsible.map { Span(from: $0.from, user: user($0.user)) }
        let birth = c.cpr.birthDate
        youthFrom = birth.adding(years: 15)
        adultFrom = birth.adding(years: 30)
        sectorMask = c.sectorMask
        userRow = "user:" + c.responsible
        contactCount = c.contacts.count
        var meetings: [MeetingMark] = [], work = WorkLog()
        meetings.reserveCapacity(c.meetings.count)
        work.reserve(c.contacts.count + c.facts.recorded.count)
        for contact in c.contacts { work.append(day: contact.at.copenhagenDay, user: user(contact.user)) }
        for id in c.meetings {
            guard let m = state.meetings[id] else { continue }
            let day = m.start.day
            meetings.append(MeetingMark(day: day, status: m.status))
            if m.status == .held { for p in m.participants { work.append(day: day, user: user(p)) } }
        }
        for r in c.facts.recorded { work.append(day: r.day, user: user(r.what)) }
        self.meetings = meetings
        self.work = work
        registered = c.facts.registered
        closedDay = Day32(c.closed)
        merged = c.facts.merged
        answered = c.facts.answered
        planCreated = c.plan?.created
        followUps = c.plan?.followUps.map(FollowUpMark.init) ?? []
        efforts = c.plan?.efforts.map(EffortMark.init) ?? []
        referrals = c.plan?.referrals.map(ReferralMark.init) ?? []
        consents = c.consents.map { ConsentSpan(given: $0.given, withdrawn: $0.withdrawn) }
    }

    func targetGroup(on day: Day) -> TargetGroup { day < youthFrom ? .child : day < adultFrom ? .youth : .adult }
}
