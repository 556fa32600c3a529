/// What queries return: read models shaped for lists and detail views, already filtered by the
/// access rules. A view never carries the full CPR number unless the viewer may see it.
public enum PlanStatus: String, Sendable { case none, active }

/// One row of the citizen list. Held for every citizen a user may see (100,000 for a supervisor),
/// so it is kept small: the sectors as a mask and the small numbers narrow (112 bytes and no
/// allocation of its own for a short name, where `[Sector]` and full-width numbers were 144 and
/// one allocation a row).
public struct CitizenRow: Sendable, Equatable {
    public let id: String
    public let name: String
    public let maskedCPR: String
    public let benefit: String?
    public let responsible: String
    public let nextMeeting: LocalTime?
    private let ageYears: UInt8
    /// The sectors the case involves, a bit each in `Sector.allCases`' order.
    public let sectorMask: UInt8
    private let overdue: UInt16
    public let planStatus: PlanStatus
    /// Whether the viewer works on this citizen (versus seeing it as supervisor or admin).
    public let mine: Bool
    /// The day the case closed, in 32 bits (`Int32.min`: open): `closed`.
    private let closedDay: Int32
    /// The other registrations a team leader linked to this one as the same person.
    public let linked: [LinkedRegistration]
    /// The CPR numbers the citizen had before (`CPRChanged`), masked as `maskedCPR`: a birth date
    /// typed from an old number still names them (`CitizenLookup`).
    public let formerMaskedCPRs: [String]

    /// The day the case closed (nil: open).
    public var closed: Day? { closedDay == .min ? nil : Day(daysSinceEpoch: Int(closedDay)) }

    public var age: Int { Int(ageYears) }
    public var targetGroup: TargetGroup { TargetGroup(age: age) }
    public var sectors: [Sector] { Sector.allCases.filter { sectorMask & $0.bit != 0 } }
    public var sectorCount: Int { sectorMask.nonzeroBitCount }
    public func involves(_ sector: Sector) -> Bool { sectorMask & sector.bit != 0 }
    public var overdueFollowUps: Int { Int(overdue) }

    public init(id: String, name: String, maskedCPR: String, age: Int, benefit: String?, sectorMask: UInt8, responsible: String,
                nextMeeting: LocalTime?, overdueFollowUps: Int, planStatus: PlanStatus, mine: Bool, closed: Day? = nil,
                linked: [LinkedRegistration] = [], formerMaskedCPRs: [String] = []) {
        self.id = id; self.name = name; self.maskedCPR = maskedCPR; self.benefit = benefit; self.responsible = responsible
        self.nextMeeting = nextMeeting; ageYears = UInt8(clamping: age); self.sectorMask = sectorMask
        overdue = UInt16(clamping: overdueFollowUps); self.planStatus = planStatus; self.mine = mine
        closedDay = closed.map { Int32(clamping: $0.daysSinceEpoch) } ?? .min
        self.linked = linked; self.formerMaskedCPRs = formerMaskedCPRs
    }
}

/// Another registration of the same person (a team leader linked them, `CitizensLinked`), as the
/// viewer may know it: its name and birth date only when they may see it, else that it exists.
public struct LinkedRegistration: Sendable, Equatable {
    public let id: String
    /// Nil when the viewer may not see that registration ("en anden registrering").
    public let name: String?
    public let maskedCPR: String?
    /// Its case's closing day, if it is closed (nil also when the viewer may not see it).
    public let closed: Day?

    public init(id: String, name: String?, maskedCPR: String?, closed: Day?) {
        self.id = id; self.name = name; self.maskedCPR = maskedCPR; self.closed = closed
    }
}

public struct CitizenDetail: Sendable {
    public let citizen: Citizen
    /// Full DDMMYY-SSSS for users who work on the citizen, else masked.
    public let cpr: String
    public let age: Int
    public let targetGroup: TargetGroup
    /// Efforts, decisions and referrals whose content the viewer may not see (another sector, no
    /// consent covering it): they show that they exist and their sector; their text is blanked in
    /// `citizen.plan`.
    public let hidden: [String]
    /// Every piece whose content the viewer may not see, with its kind and sector, including those
    /// taken out of `citizen` altogether (assessments, household members, the benefit, own words).
    public let withheld: [Withheld]
    public let meetings: [Meeting]
    public let brokeTheGlass: Bool
    /// The day it was read (what "overdue" and "the appeal runs" are measured against).
    public let today: Day
    /// The other registrations linked to this one as the same person (`CitizensLinked`).
    public var linked: [LinkedRegistration] = []
    /// The CPR numbers the citizen had before (`CPRChanged`), newest first: in full for a user who
    /// works on the citizen, else masked, as `cpr`.
    public var formerCPRs: [String] = []
    /// The day the case closed (nil: open).
    public var closed: Day? { citizen.closed }
}
