import Foundation

/// How long a municipality keeps what (`settings`: `retention-years`, `audit-retention-years`,
/// `archive-exempt`), and what is due under it.
///
/// - A closed case's personal data is erased `caseYears` after the day it closed (KLE's deletion
///   code P1825D: 5 years), and only once an archive copy holds it (`enplan archive`), unless the
///   archive authority exempted the cases from archiving (`archiveExempt` names that decision).
/// - The audit log's records of looks, searches, exports and logins are erased `auditYears` after
///   they were made (the municipality states its own period); the records of the store itself
///   (heads, restores, damage, upgrades, archives, retention runs) are kept, and hold no one's data.
public struct RetentionPolicy: Sendable, Equatable {
    public var caseYears = 5
    public var auditYears = 5
    /// The decision (its reference) that exempts the cases from archiving; nil: an archive copy first.
    public var archiveExempt: String?

    public init(caseYears: Int = 5, auditYears: Int = 5, archiveExempt: String? = nil) {
        self.caseYears = caseYears; self.auditYears = auditYears; self.archiveExempt = archiveExempt
    }

    /// The rule a case is erased under, as the record names it.
    public var caseRule: String { "P1825D: \(caseYears) år efter sagens afslutning" }
    public var auditRule: String { "Logning: \(auditYears) år" }

    /// The day from which a case closed on `closed` may be erased.
    public func due(closed: Day) -> Day { closed.adding(years: caseYears) }
    /// Audit records made before this day are due.
    public func auditBefore(today: Day) -> Day { today.adding(years: -auditYears) }

    /// The audit records that are no one's data, kept whatever their age.
    static let keptAuditKinds: Set<String> = Set([AuditKind.storeHead, .truncationAccepted, .restored, .storeDamaged, .damageReleased,
                                                  .storeUpgraded, .archived, .retentionRun].map(\.rawValue))
}

/// What is due under a policy today (`enplan retention list`).
public struct RetentionReport: Sendable {
    public struct Case: Sendable, Equatable {
        public let id: String
        public let closed: Day
        public let due: Day
        /// An archive copy holds it (an `Archived` record names it).
        public let archived: Bool
    }
    public let policy: RetentionPolicy
    public let today: Day
    /// Closed cases past their period, not erased yet.
    public let cases: [Case]
    /// Closed cases still within their period: when each falls due.
    public let upcoming: [Case]
    public let auditBefore: Day
    /// Audit records due (made before `auditBefore`, of a kind that holds someone's data, not erased yet).
    public let auditRecords: Int
    /// The logs still hold format-1 lines, which cannot be erased in place (`retention upgrade`).
    public let needsUpgrade: Bool

    /// The cases a run may erase now: archived, or all when exempt from archiving.
    public var erasable: [Case] { cases.filter { $0.archived || policy.archiveExempt != nil } }
}

/// What a retention run did (or, dry, would do).
public struct RetentionRun: Sendable {
    public let dryRun: Bool
    public let citizens: [String]
    /// Due but not erased: no archive copy holds them.
    public let notArchived: [String]
    public let eventLines: Int
    public let auditLines: Int
    public let filesRemoved: [String]
    /// Where a name or number of an erased person was still found afterwards, by file and line
    /// (another case's free text, or someone of the same name: `Residue.otherCitizen` says whose
    /// line it is): for an administrator to look at. Empty after a clean run.
    public let residue: [Residue]
}
