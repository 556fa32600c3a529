public enum TargetGroup: String, CaseIterable, Sendable {
    case child, youth, adult

    /// Youth 15-29, adults 30+ (under 15: a child, in the family sector's care).
    public init(age: Int) { self = age < 15 ? .child : age < 30 ? .youth : .adult }
}

public enum Relation: String, CaseIterable, Sendable { case partner, child, parent, sibling, other }

public struct HouseholdMember: Equatable, Sendable {
    public var relation: Relation
    public var name: String
    /// The linked citizen's id, when the member is a citizen in EnPlan too.
    public var citizen: String?

    public init(relation: Relation, name: String, citizen: String?) { self.relation = relation; self.name = name; self.citizen = citizen }
}

/// A scoped, dated consent to share data between the listed sectors; it can be withdrawn.
public struct Consent: Equatable, Sendable {
    public var id: String
    public var sectors: [Sector]
    public var given: Day
    public var withdrawn: Day?

    public init(id: String, sectors: [Sector], given: Day, withdrawn: Day?) {
        self.id = id; self.sectors = sectors; self.given = given; self.withdrawn = withdrawn
    }

    public func isActive(on day: Day) -> Bool { Consent.isActive(given: given, withdrawn: withdrawn, on: day) }
    static func isActive(given: Day, withdrawn: Day?, on day: Day) -> Bool { given <= day && (withdrawn.map { $0 > day } ?? true) }

    /// Whether one of `consents`, active on `day`, lets `viewer`'s sector see content from `owner`'s sector.
    public static func covers(_ consents: [Consent], _ viewer: Sector, _ owner: Sector, on day: Day) -> Bool {
        viewer == owner || consents.contains { $0.isActive(on: day) && $0.sectors.contains(viewer) && $0.sectors.contains(owner) }
    }
}

public enum Channel: String, CaseIterable, Sendable { case phone, meeting, letter, digital }

/// What the projection keeps of a contact: enough for counts and the journey's figures.
/// The note stays in the log (keeping every event in memory would cost ~1.6x the log's size).
public struct ContactEntry: Equatable, Sendable {
    public var at: Timestamp
    public var channel: Channel
    public var sector: Sector
    public var user: String
}

/// Which sector recorded each piece of a case that carries no sector of its own (`Access`'s
/// crossing rule): index-aligned with the plan's goals, follow-ups and assessments and with the
/// household; the benefit's and the plan's own words' recorder.
public struct Recorders: Equatable, Sendable {
    public var goals: [Sector] = []
    public var followUps: [Sector] = []
    public var assessments: [Sector] = []
    public var household: [Sector] = []
    public var benefit: Sector?
    public var plan: Sector?
    public init() {}

    static func at(_ list: [Sector], _ i: Int) -> Sector? { i < list.count ? list[i] : nil }
}

public struct Citizen: Equatable, Sendable {
    public var id: String
    public var cpr: CPR
    public var name: String
    public var benefit: String?
    public var responsible: String
    public var registeredSectors: [Sector]
    public var contactPerson: String?
    public var household: [HouseholdMember] = []
    public var consents: [Consent] = []
    public var plan: Plan?
    public var contacts: [ContactEntry] = []
    public var meetings: [String] = []
    /// Users who take part in one of the citizen's meetings.
    public var participants: Set<String> = []
    /// What the supervisors' figures need beyond the case (`Figures/CitizenFacts.swift`).
    public var facts = CitizenFacts()
    /// The stream's version: the number of events in the citizen's stream.
    public var version: Int = 0
    /// Who (which sector) recorded the pieces that carry no sector of their own.
    public var recorded = Recorders()
    /// Outcomes toward self-support, the citizen's own assessments, the vulnerability flag (`Outcome.swift`).
    public var outcomes = CitizenOutcomes()
    /// The day the case closed (`CaseClosed`); nil while it is open (never closed, or reopened).
    /// A closed case leaves the caseload: see `isOpen(on:)`.
    public var closed: Day?
    /// The CPR numbers the citizen had before (`CPRChanged`), oldest first: they still find them.
    public var formerCPRs: [CPR] = []
    /// The other registrations a team leader linked to this one as the same person.
    public var linked: [String] = []
    /// The other registrations a team leader found to be another person: not flagged again.
    public var notDuplicates: [String] = []

    public init(id: String, cpr: CPR, name: String, benefit: String?, responsible: String, registeredSectors: [Sector]) {
        self.id = id; self.cpr = cpr; self.name = name; self.benefit = benefit
        self.responsible = responsible; self.registeredSectors = registeredSectors
    }

    public func age(on day: Day) -> Int { cpr.birthDate.years(until: day) }
    public func targetGroup(on day: Day) -> TargetGroup { TargetGroup(age: age(on: day)) }

    /// Whether the case is open on `day`: never closed, or closed only after it.
    public func isOpen(on day: Day) -> Bool { closed.map { $0 > day } ?? true }

    /// What stays of a citizen whose personal data was erased (`CitizenErased`): the id, a closed
    /// case, no name (no registration has an empty name), a number that is nobody's.
    static func erased(id: String, closed: Day) -> Citizen {
        var c = Citizen(id: id, cpr: CPR.nobody, name: "", benefit: nil, responsible: "", registeredSectors: [])
        c.closed = closed
        return c
    }

    /// Whether this is what stays of an erased citizen.
    public var isErased: Bool { name.isEmpty }

    /// Sectors involved: where registered, where an effort runs, where a referral went.
    public var sectors: [Sector] {
        let mask = sectorMask
        return Sector.allCases.filter { mask & $0.bit != 0 }
    }

    /// `sectors` as one bit per sector (`Sector.bit`), without building a set: the figures ask it of every citizen.
    public var sectorMask: UInt8 {
        var m: UInt8 = 0
        for s in registeredSectors { m |= s.bit }
        if let plan {
            for e in plan.efforts where e.status != .cancelled { m |= e.sector.bit }
            for r in plan.referrals where r.status == .requested || r.status == .accepted { m |= r.to.bit }
        }
        return m
    }

    /// Whether `sectors` holds `sector`.
    func involves(_ sector: Sector) -> Bool { sectorMask & sector.bit != 0 }

    public func activeConsents(on day: Day) -> [Consent] { consents.filter { $0.isActive(on: day) } }

    /// Whether an active consent lets `viewer`'s sector see content from `owner`'s sector.
    public func consentCovers(_ viewer: Sector, _ owner: Sector, on day: Day) -> Bool {
        Consent.covers(consents, viewer, owner, on: day)
    }
}
