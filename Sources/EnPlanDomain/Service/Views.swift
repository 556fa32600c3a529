/// What queries return: read models shaped for lists and detail views, already filtered by the
/// access rules. A view never carries the full CPR number unless the viewer may see it.
public enum PlanStatus: String, Sendable { case none, active }

public struct CitizenRow: Sendable, Equatable {
    public let id: String
    public let name: String
    public let maskedCPR: String
    public let age: Int
    public let targetGroup: TargetGroup
    public let benefit: String?
    public let sectors: [Sector]
    public let responsible: String
    public let nextMeeting: LocalTime?
    public let overdueFollowUps: Int
    public let planStatus: PlanStatus
    /// Whether the viewer works on this citizen (versus seeing it as supervisor or admin).
    public let mine: Bool
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
}
