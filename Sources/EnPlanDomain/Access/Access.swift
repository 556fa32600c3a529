/// Who may see and change which citizen, and (`Redaction.swift`) what of a case they may see. The
/// one place these rules live: the TUI and every headless command ask here, through `CaseService`,
/// with the acting user; `Decide` asks here before a change.
public enum Access {
    /// A caseworker works on a citizen they are responsible for, meet in one of the citizen's
    /// meetings, or whose case involves their sector (an effort, a referral, the registration).
    public static func worksOn(_ user: User, _ c: some CaseAccessFacts) -> Bool {
        guard user.active else { return false }
        if c.responsible == user.id || c.takesPart(user.id) { return true }
        return user.role == .caseworker && c.sectorMask & user.sector.bit != 0
    }

    /// Supervisors and administrators see every citizen; a caseworker those they work on.
    /// Anyone else needs a stated reason, which is audit-logged (`CaseService`).
    public static func canSee(_ user: User, _ c: some CaseAccessFacts) -> Bool {
        user.active && (user.role.seesAllCitizens || worksOn(user, c))
    }

    /// The full CPR number appears only to users who work on the citizen; lists always mask it.
    public static func canSeeFullCPR(_ user: User, _ c: some CaseAccessFacts) -> Bool { worksOn(user, c) }

    /// Changing a citizen's case: the users who work on it, and supervisors.
    public static func canChange(_ user: User, _ c: some CaseAccessFacts) -> Bool {
        user.active && (worksOn(user, c) || user.role == .supervisor)
    }

    /// Whether `viewer` sees the content of something owned by `sector` in this citizen's case:
    /// across sectors only where the citizen's active consent covers both.
    public static func seesContent(_ viewer: User, of sector: Sector, in c: some CaseAccessFacts, on day: Day) -> Bool {
        Consent.covers(c.consents, viewer.sector, sector, on: day)
    }

    /// Whether a figure counts a piece owned by `sector` (an outcome, an own assessment, a
    /// vulnerability flag): the team's figures (supervisors, administrators) count every one, as
    /// they count every plan, and show counts and citizens only; a caseworker's own figures count
    /// only what the citizen's consent lets them see.
    public static func countsInFigures(_ viewer: User, of sector: Sector, consents: [Consent], on day: Day) -> Bool {
        viewer.role.seesAllCitizens || Consent.covers(consents, viewer.sector, sector, on: day)
    }

    /// The benefit belongs to the sector that recorded it.
    public static func seesBenefit(_ viewer: User, _ c: some CaseAccessFacts, on day: Day) -> Bool {
        c.benefitRecorder.map { seesContent(viewer, of: $0, in: c, on: day) } ?? true
    }

    /// A referral is read by the sector that sent it and the one it went to; others need consent.
    public static func seesReferral(_ viewer: User, _ r: Referral, in c: Citizen, on day: Day) -> Bool {
        viewer.sector == r.to || seesContent(viewer, of: r.from, in: c, on: day)
    }
}
