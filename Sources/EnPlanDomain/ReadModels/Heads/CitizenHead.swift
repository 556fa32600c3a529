/// What the passes over every citizen read: the list, the inbox, the access checks, the names
/// for the search. A citizen kept in the mapped snapshot (`CitizenTable`) gives its head without
/// decoding its case (its plan, contacts, history), so a pass over 100,000 citizens reads small
/// records in place instead of building 100,000 whole citizens.
///
/// Invariant: a head is exactly `CitizenHead(citizen)` of its citizen as it is now: a mapped
/// head was written from the same citizen by that initializer (`SnapshotCodec`), and an owned
/// citizen's head is worked out from it when asked.
public struct CitizenHead: Sendable, Equatable, CaseAccessFacts {
    public let id: String
    public let version: Int
    public let cpr: CPR
    public let name: String
    public let benefit: String?
    public let responsible: String
    public let consents: [Consent]
    /// The citizen's meetings (ids), as `Citizen.meetings`.
    public let meetings: [String]
    /// `Citizen.participants`, sorted.
    public let participants: [String]
    /// `Citizen.sectorMask`.
    public let sectorMask: UInt8
    /// The sector that recorded the benefit (`Recorders.benefit`).
    public let benefitRecorder: Sector?
    public let hasPlan: Bool
    /// The due days of the plan's follow-ups not yet done (an overdue follow-up on a day is one of
    /// these before it).
    public let openFollowUps: [Day]
    /// The plan's referrals still requested.
    public let requestedReferrals: [RequestedReferral]
    /// The plan's referrals answered (not revoked) whose sender is known: the sender's inbox tells of
    /// an answer for `CaseService.newForDays` days. `lastAnswered` is the latest day among them,
    /// kept with the record's first fields so the inbox reads only the heads answered lately.
    public let answeredReferrals: [AnsweredReferral]
    public var lastAnswered: Day? { answeredReferrals.map(\.answered).max() }
    /// The last handover: who became responsible, from which day (nil when the citizen has had
    /// one responsible caseworker only).
    public let handover: CitizenFacts.Span?
    /// `Citizen.closed`: the day the case closed (nil while open).
    public let closed: Day?
    /// `Citizen.formerCPRs`.
    public let formerCPRs: [CPR]
    /// `Citizen.linked` and `Citizen.notDuplicates`: what the list and the duplicates check read.
    public let linked: [String]
    public let notDuplicates: [String]

    public struct RequestedReferral: Sendable, Equatable {
        public let id: String
        public let from: Sector, to: Sector
        public let date: Day
    }

    public struct AnsweredReferral: Sendable, Equatable {
        public let id: String
        public let to: Sector
        public let sentBy: String
        public let answered: Day
        public let status: ReferralStatus
    }

    public init(_ c: Citizen) {
        id = c.id; version = c.version; cpr = c.cpr; name = c.name; benefit = c.benefit; responsible = c.responsible
        consents = c.consents; meetings = c.meetings; participants = c.participants.sorted(); sectorMask = c.sectorMask
        benefitRecorder = c.recorded.benefit; hasPlan = c.plan != nil
        openFollowUps = c.plan?.followUps.compactMap { $0.done == nil ? $0.due : nil } ?? []
        requestedReferrals = c.plan?.referrals.compactMap {
            $0.status == .requested ? RequestedReferral(id: $0.id, from: $0.from, to: $0.to, date: $0.date) : nil
        } ?? []
        answeredReferrals = c.plan?.referrals.compactMap { r in
            guard let by = r.sentBy, let day = r.answered, r.status != .requested, r.status != .revoked else { return nil }
            return AnsweredReferral(id: r.id, to: r.to, sentBy: by, answered: day, status: r.status)
        } ?? []
        handover = c.facts.responsible.count > 1 ? c.facts.responsible.last : nil
        closed = c.closed; formerCPRs = c.formerCPRs; linked = c.linked; notDuplicates = c.notDuplicates
    }

    init(id: String, version: Int, cpr: CPR, name: String, benefit: String?, responsible: String, consents: [Consent],
         meetings: [String], participants: [String], sectorMask: UInt8, benefitRecorder: Sector?, hasPlan: Bool,
         openFollowUps: [Day], requestedReferrals: [RequestedReferral], answeredReferrals: [AnsweredReferral], handover: CitizenFacts.Span?,
         closed: Day?, formerCPRs: [CPR], linked: [String], notDuplicates: [String]) {
        self.id = id; self.version = version; self.cpr = cpr; self.name = name; self.benefit = benefit
        self.responsible = responsible; self.consents = consents; self.meetings = meetings; self.participants = participants
        self.sectorMask = sectorMask; self.benefitRecorder = benefitRecorder; self.hasPlan = hasPlan
        self.openFollowUps = openFollowUps; self.requestedReferrals = requestedReferrals; self.answeredReferrals = answeredReferrals
        self.handover = handover
        self.closed = closed; self.formerCPRs = formerCPRs; self.linked = linked; self.notDuplicates = notDuplicates
    }

    /// Whether the head holds anything the inbox shows (a requested referral: bit 0; a handover:
    /// bit 1; an answered referral: bit 2, with its day in `lastAnswered`). Kept with the record's
    /// first fields, so the inbox reads only the heads that do (and of the answered, only the recent).
    var inboxFlags: UInt8 { (requestedReferrals.isEmpty ? 0 : 1) | (handover == nil ? 0 : 2) | (lastAnswered == nil ? 0 : 4) }

    public func age(on day: Day) -> Int { cpr.birthDate.years(until: day) }
    /// `Citizen.isOpen(on:)`.
    public func isOpen(on day: Day) -> Bool { closed.map { $0 > day } ?? true }
    public var sectors: [Sector] { Sector.allCases.filter { sectorMask & $0.bit != 0 } }
    public func overdueFollowUps(on today: Day) -> Int { openFollowUps.reduce(0) { $0 + ($1 < today ? 1 : 0) } }
    public func takesPart(_ user: String) -> Bool { participants.contains(user) }
}

/// What `Access` reads of a citizen to decide who sees it: a whole `Citizen` or its `CitizenHead`
/// answer alike, so a pass over heads applies the same rules as a look at one case.
public protocol CaseAccessFacts {
    var responsible: String { get }
    var sectorMask: UInt8 { get }
    var consents: [Consent] { get }
    var benefitRecorder: Sector? { get }
    func takesPart(_ user: String) -> Bool
}

extension Citizen: CaseAccessFacts {
    public var benefitRecorder: Sector? { recorded.benefit }
    public func takesPart(_ user: String) -> Bool { participants.contains(user) }
}
