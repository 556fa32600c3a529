/// Everything a user can change. The TUI's forms and the headless commands both build these;
/// `Decide` checks them. Passwords arrive already hashed (yescrypt is slow on purpose and
/// must not run while the store is locked).
public enum Command: Sendable {
    case createUser(User, passwordHash: String)
    case changePassword(user: String, passwordHash: String)
    case setUserActive(user: String, active: Bool)
    /// Only `CaseService.login` records these.
    case recordLogin(user: String, succeeded: Bool)
    case defineBenefit(Benefit)

    case registerCitizen(cpr: String, name: String, benefit: String?, responsible: String?)
    case changeCitizenDetails(citizen: String, name: String?, benefit: String?)
    /// `reason`: why (the screens ask for one; the journey shows it).
    case changeResponsible(citizen: String, user: String, reason: String? = nil)
    /// `chosenByCitizen`: the day the citizen chose the person themselves (nil: not their choice).
    case chooseContactPerson(citizen: String, name: String?, chosenByCitizen: Day? = nil)
    case linkHousehold(citizen: String, member: HouseholdMember)
    case giveConsent(citizen: String, sectors: [Sector], given: Day?)
    case withdrawConsent(citizen: String, consent: String, reason: String? = nil)

    case createPlan(citizen: String, overallGoal: OverallGoal, ownWords: String)
    case changePlanGoal(citizen: String, overallGoal: OverallGoal, ownWords: String)
    case addGoal(citizen: String, area: LifeArea, text: String)
    case setGoalStatus(citizen: String, goal: String, status: GoalStatus)
    case changeGoal(citizen: String, goal: String, area: LifeArea, text: String)
    /// `offer`: the offer in the register it is carried out at (its provider is then the offer's).
    case addEffort(citizen: String, goal: String?, title: String, sector: Sector, legalBasis: String, provider: String, start: Day, end: Day?,
                   welfareTechnology: Bool = false, offer: String? = nil)
    case setEffortStatus(citizen: String, effort: String, status: EffortStatus, end: Day?)
    case changeEffort(citizen: String, effort: String, goal: String?, title: String, legalBasis: String, provider: String, start: Day, end: Day?)
    /// Adds a template's goals, efforts and follow-ups, dated from `start` (default: today). An
    /// effort in a sector the citizen's consent does not share with the actor's is refused
    /// (`DomainError.sharingNotCovered`) unless `confirmedSharing` (the user said yes to it).
    case applyTemplate(citizen: String, template: String, start: Day?, confirmedSharing: Bool = false)
    case defineTemplate(PlanTemplate)
    /// `sent`: how the decision reaches the citizen (the appeal deadline runs from its receipt);
    /// `appealDeadline` overrides the reckoned one.
    case recordDecision(citizen: String, legalArea: LegalArea, date: Day, text: String, appealDeadline: Day?, sent: Delivery = .digital)
    /// A recorded decision corrected (a wrong law, date, text or deadline), with why; nil deadline:
    /// worked out again from the date, as when recorded.
    case correctDecision(citizen: String, decision: String, legalArea: LegalArea, date: Day, text: String, appealDeadline: Day?,
                         sent: Delivery = .digital, reason: String)
    /// A recorded decision annulled (it should not have been made, or was made in error), with why.
    case annulDecision(citizen: String, decision: String, reason: String)
    /// A follow-up on a day, with what it is about (nil: no subject, as older follow-ups).
    case scheduleFollowUp(citizen: String, due: Day, subject: String? = nil)
    case completeFollowUp(citizen: String, followUp: String, done: Day, result: FollowUpResult, note: String?)
    case recordAssessment(citizen: String, domain: String, score: Int, date: Day)
    /// Into a sector the consent does not share with the actor's: refused unless `confirmedSharing`.
    case sendReferral(citizen: String, to: Sector, text: String, confirmedSharing: Bool = false)
    case answerReferral(citizen: String, referral: String, status: ReferralStatus, reason: String? = nil)
    case logContact(citizen: String, channel: Channel, note: String?, at: Timestamp?)

    case scheduleMeeting(type: MeetingType, citizen: String?, start: LocalTime, minutes: Int, room: String?,
                         participants: [String], guests: [Guest], allowConflict: Bool, agenda: [String] = [])
    case setMeetingStatus(meeting: String, status: MeetingStatus, outcome: String?)
    /// The meeting was held (or not): its outcome, and the result that completes the open
    /// follow-ups on its agenda (nil: they stay open).
    case recordMeetingOutcome(meeting: String, status: MeetingStatus, outcome: String?, completeFollowUps: FollowUpResult?)
    /// Merge: add participants (and guests) to an existing meeting instead of holding another.
    case joinMeeting(meeting: String, participants: [String], guests: [Guest], allowConflict: Bool, agenda: [String] = [])

    /// A supervisor (or an administrator) moves citizens to another responsible caseworker: all or
    /// nothing, in one append; each citizen's stream records the change with the reason.
    case reassign(citizens: [String], to: String, reason: String)
    /// A target (måltal), as data: `id` names it; the same id again is refused (end it first).
    case defineTarget(id: String, kind: Target.Kind, name: String, value: Int, deadline: Day?, sector: Sector?)
    case endTarget(id: String)
    /// A status toward self-support (or an exit), dated, with where it came from.
    case recordOutcome(citizen: String, status: OutcomeStatus, date: Day, source: String?)
    /// The citizen's own assessment: a topic, a score 1-5, their own words.
    case recordOwnAssessment(citizen: String, topic: OwnAssessmentTopic, score: Int, words: String, date: Day)
    /// The vulnerability flag on the citizen (the youth target group may ask for it).
    case recordVulnerability(citizen: String, on: Bool, date: Day)
    /// The youth measure's target group, as a supervisor sets it (replaces the one before).
    case setYouthTargetGroup(maxAge: Int, benefits: [String], effortBasis: String, requireVulnerability: Bool, baseline: Day)
    /// A planned meeting moved or edited: its new type, time, length, room and agenda (the same
    /// conflict check as booking, for its participants and its room, unless `allowConflict`).
    case changeMeeting(meeting: String, type: MeetingType, start: LocalTime, minutes: Int, room: String?, agenda: [String],
                       allowConflict: Bool)
    /// A user's phone and e-mail (their own, or by an administrator); nil clears one.
    case setUserContact(user: String, phone: String?, email: String?)
    /// The quarter's review sample (supervisors and administrators): at least `size` active plans,
    /// one from each stratum, none reviewed in the last 12 months; `seed` makes it reproducible.
    case drawReviewSample(quarter: Quarter, size: Int, seed: Int)
    /// A drawn plan's review; each action becomes a follow-up on the plan (in the same write).
    case recordReview(citizen: String, draw: String, date: Day, authority: String, provider: String, invited: Bool, tookPart: Bool,
                      focus: ReviewFocus, findings: String, actions: [ReviewAction])
    /// An offer in the register (supervisors and administrators); its id is handed out ("o1", "o2" …).
    case defineOffer(provider: String, kind: Offer.Kind, activity: String, place: String, weekdays: [Int])
    /// The attendance a provider reported for a week: a count, no names.
    case reportAttendance(offer: String, week: IsoWeek, count: Int)
    /// An administrator lifts a user's lockout (five wrong passwords).
    case unlockUser(user: String)
    /// A planned meeting's participant who stops (a leaver) is replaced by another (or just taken
    /// off, `by` nil): administrators, or whoever may change the meeting's citizen.
    case replaceParticipant(meeting: String, leaving: String, by: String?)

    // A case's whole life (Decide+CaseLife.swift)
    /// The citizen's case closed on `date` (today or before; never before the citizen was born),
    /// with the reason: the responsible caseworker or a team leader.
    case closeCase(citizen: String, date: Day, reason: String)
    /// A closed case opened again today, with the reason: the responsible caseworker or a team leader.
    case reopenCase(citizen: String, reason: String)
    /// A team leader links two registrations as one person (nothing is merged: both stay, shown together).
    case linkCitizens(citizen: String, other: String, reason: String)
    /// A team leader dismisses a probable duplicate: two people, not flagged again.
    case dismissDuplicate(citizen: String, other: String, reason: String)
    /// The citizen's new CPR number (the old one kept in the history): the responsible caseworker
    /// or a team leader.
    case changeCPR(citizen: String, new: String, reason: String)
    /// Retention (`enplan retention run`): a closed case's personal data is erased; this is the
    /// record that stays, with the rule, the day the case closed and the archive copy (or the
    /// decision that exempts it from archiving). Administrators only.
    case eraseCitizen(citizen: String, rule: String, archive: String)

    // The organisation (Decide+Organisation.swift): administrators only.
    /// A unit defined (`new`: it must not exist yet) or changed (it must exist): its whole definition.
    case defineUnit(OrgUnit, new: Bool)
    /// A person placed in a unit from a day (a move between units is a new placement), with what they do.
    case placeUser(user: String, unit: String, from: Day, does: String?)
    /// A person's own mandates beside their unit's (empty: none of their own).
    case setUserMandate(user: String, areas: [LegalArea])

    /// What a refusal of the command is about, for the audit log: its stream, or the citizen a new
    /// meeting is about.
    public var subject: String? {
        if case let .scheduleMeeting(_, citizen, _, _, _, _, _, _, _) = self { return citizen }
        return stream
    }

    /// The stream the command changes, when it is known before deciding (for the stale check).
    public var stream: String? {
        switch self {
        case .createUser(let u, _): return Streams.user(u.id)
        case .changePassword(let u, _), .setUserActive(let u, _), .recordLogin(let u, _): return Streams.user(u)
        case .defineBenefit: return Streams.benefits
        case .defineTemplate(let t): return Streams.template(t.id)
        case .registerCitizen, .scheduleMeeting: return nil
        case .changeCitizenDetails(let c, _, _), .changeResponsible(let c, _, _), .chooseContactPerson(let c, _, _),
             .linkHousehold(let c, _), .giveConsent(let c, _, _), .withdrawConsent(let c, _, _), .createPlan(let c, _, _),
             .changePlanGoal(let c, _, _), .addGoal(let c, _, _), .setGoalStatus(let c, _, _),
             .addEffort(let c, _, _, _, _, _, _, _, _, _), .setEffortStatus(let c, _, _, _), .recordDecision(let c, _, _, _, _, _), .correctDecision(let c, _, _, _, _, _, _, _), .annulDecision(let c, _, _),
             .scheduleFollowUp(let c, _, _), .completeFollowUp(let c, _, _, _, _), .recordAssessment(let c, _, _, _),
             .sendReferral(let c, _, _, _), .answerReferral(let c, _, _, _), .logContact(let c, _, _, _),
             .changeGoal(let c, _, _, _), .changeEffort(let c, _, _, _, _, _, _, _), .applyTemplate(let c, _, _, _):
            return c
        case .setMeetingStatus(let m, _, _), .joinMeeting(let m, _, _, _, _), .recordMeetingOutcome(let m, _, _, _): return m
        case .changeMeeting(let m, _, _, _, _, _, _), .replaceParticipant(let m, _, _): return m
        case .setUserContact(let u, _, _): return Streams.user(u)
        case .reassign: return nil
        case .defineTarget(let id, _, _, _, _, _), .endTarget(let id): return Streams.target(id)
        case .recordOutcome(let c, _, _, _), .recordOwnAssessment(let c, _, _, _, _), .recordVulnerability(let c, _, _): return c
        case .setYouthTargetGroup: return Streams.youthTargetGroup
        case .drawReviewSample(let q, _, _): return Streams.review(q.id)
        case .recordReview(let c, _, _, _, _, _, _, _, _, _): return c
        case .defineOffer: return nil
        case .reportAttendance(let o, _, _): return Streams.offer(o)
        case .unlockUser(let u): return Streams.user(u)
        case .closeCase(let c, _, _), .reopenCase(let c, _), .linkCitizens(let c, _, _), .dismissDuplicate(let c, _, _),
             .changeCPR(let c, _, _), .eraseCitizen(let c, _, _):
            return c
        case .defineUnit(let u, _): return Streams.unit(u.id)
        case .placeUser(let u, _, _, _), .setUserMandate(let u, _): return Streams.user(u)
        }
    }
}
