/// The unified plan (én plan, LAB § 30 b): one per citizen, one overall goal, everything under it.
public enum OverallGoal: String, CaseIterable, Sendable { case employment, education }

public enum LifeArea: String, CaseIterable, Sendable {
    case job, education, health, social, family, housing, economy, network
}

public enum GoalStatus: String, CaseIterable, Sendable { case open, achieved, dropped }
public enum EffortStatus: String, CaseIterable, Sendable { case planned, active, ended, cancelled }
/// FSIII's follow-up results.
public enum FollowUpResult: String, CaseIterable, Sendable { case `continue`, change, end, reassess }
public enum ReferralStatus: String, CaseIterable, Sendable { case requested, accepted, rejected, revoked }
/// The laws efforts and decisions are made under.
public enum LegalArea: String, CaseIterable, Sendable {
    case lab = "LAB", sel = "SEL", barnetsLov = "BL", sul = "SUL", las = "LAS"

    /// The sector that usually decides under this law (for decisions recorded before a decision
    /// carried its sector).
    public var usualSector: Sector {
        switch self {
        case .lab, .las: return .employment
        case .sel: return .social
        case .barnetsLov: return .family
        case .sul: return .health
        }
    }
}

public struct Goal: Equatable, Sendable {
    public var id: String
    public var area: LifeArea
    public var text: String
    public var status: GoalStatus

    public init(id: String, area: LifeArea, text: String, status: GoalStatus) {
        self.id = id; self.area = area; self.text = text; self.status = status
    }
}

public struct Effort: Equatable, Sendable {
    public var id: String
    public var goal: String?
    public var title: String
    public var sector: Sector
    public var legalBasis: String
    public var provider: String
    public var start: Day
    public var end: Day?
    public var status: EffortStatus
    /// A welfare-technology effort (a smartphone, a tablet, an app): counted with the citizens' own assessment of it.
    public var welfareTechnology: Bool
    /// The offer in the register it is carried out at (nil: a provider given in words only).
    public var offer: String?

    public init(id: String, goal: String?, title: String, sector: Sector, legalBasis: String, provider: String, start: Day, end: Day?,
                status: EffortStatus, welfareTechnology: Bool = false, offer: String? = nil) {
        self.id = id; self.goal = goal; self.title = title; self.sector = sector; self.legalBasis = legalBasis
        self.provider = provider; self.start = start; self.end = end; self.status = status; self.welfareTechnology = welfareTechnology
        self.offer = offer
    }
}

public struct Decision: Equatable, Sendable {
    public var id: String
    public var legalArea: LegalArea
    public var date: Day
    public var text: String
    public var appealDeadline: Day
    /// The deciding sector: consent decides who else reads the text.
    public var sector: Sector
    /// The day it was last corrected (`DecisionCorrected`), and the day it was annulled
    /// (`DecisionAnnulled`) with why: an annulled decision stays in the plan, marked, and no
    /// longer runs an appeal deadline.
    public var corrected: Day?
    public var annulled: Day?
    public var annulReason: String?

    public init(id: String, legalArea: LegalArea, date: Day, text: String, appealDeadline: Day, sector: Sector? = nil) {
        self.id = id; self.legalArea = legalArea; self.date = date; self.text = text; self.appealDeadline = appealDeadline
        self.sector = sector ?? legalArea.usualSector
    }

    /// The citizen can still appeal (klagefrist): the screen highlights it.
    public func appealRuns(on today: Day) -> Bool { annulled == nil && date <= today && today <= appealDeadline }
}

public struct FollowUp: Equatable, Sendable {
    public var id: String
    public var due: Day
    public var done: Day?
    public var result: FollowUpResult?
    /// The day it was planned (nil only for one made outside a log): it is not completed before.
    public var planned: Day?
    /// What it is about ("Samtale om praktik"; a review's action, a template's name); nil for
    /// follow-ups from before subjects.
    public var subject: String?

    public init(id: String, due: Day, done: Day?, result: FollowUpResult?, planned: Day? = nil, subject: String? = nil) {
        self.id = id; self.due = due; self.done = done; self.result = result; self.planned = planned; self.subject = subject
    }
}

/// What the rules of a follow-up's timing read: a `FollowUp`, or the figures' mark of one.
public protocol FollowUpTiming {
    var due: Day { get }
    var done: Day? { get }
}

extension FollowUpTiming {
    public func isOverdue(on today: Day) -> Bool { done == nil && due < today }
}

/// What the rules of an effort's timing read (`ran(in:)`): an `Effort`, or the figures' mark of one.
public protocol EffortTiming {
    var sector: Sector { get }
    var status: EffortStatus { get }
    var start: Day { get }
    var end: Day? { get }
}

extension FollowUp: FollowUpTiming {}
extension Effort: EffortTiming {}

/// Mastery (egenmestring) on FSIII's scale: 0 none ... 4 total limitation; 9 not relevant.
public struct Assessment: Equatable, Sendable {
    public var domain: String
    public var score: Int
    public var date: Day

    public init(domain: String, score: Int, date: Day) { self.domain = domain; self.score = score; self.date = date }

    public static func isValidScore(_ s: Int) -> Bool { (0...4).contains(s) || s == 9 }
}

public struct Referral: Equatable, Sendable {
    public var id: String
    public var from: Sector
    public var to: Sector
    public var text: String
    public var date: Day
    public var status: ReferralStatus
    /// Who sent it (the `ReferralSent` line's actor; not part of the event's payload) and the day
    /// it was answered: the sender's inbox tells them of the answer.
    public var sentBy: String?
    public var answered: Day?

    public init(id: String, from: Sector, to: Sector, text: String, date: Day, status: ReferralStatus,
                sentBy: String? = nil, answered: Day? = nil) {
        self.id = id; self.from = from; self.to = to; self.text = text; self.date = date; self.status = status
        self.sentBy = sentBy; self.answered = answered
    }
}

public struct Plan: Equatable, Sendable {
    public var overallGoal: OverallGoal
    public var ownWords: String
    public var created: Day
    public var goals: [Goal] = []
    public var efforts: [Effort] = []
    public var decisions: [Decision] = []
    public var followUps: [FollowUp] = []
    public var assessments: [Assessment] = []
    public var referrals: [Referral] = []
    /// The quarterly reviews of the plan (`PlanReviewed`).
    public var reviews: [Review] = []

    public init(overallGoal: OverallGoal, ownWords: String, created: Day) {
        self.overallGoal = overallGoal; self.ownWords = ownWords; self.created = created
    }

    public func overdueFollowUps(on today: Day) -> Int { followUps.reduce(0) { $0 + ($1.isOverdue(on: today) ? 1 : 0) } }
}
