/// Checks a command against the current state and returns the events it causes, or refuses it
/// with a `DomainError`. Pure: no files, no clock but `today`, so every rule is unit-testable
/// (TestSupport's `DecideCase`: events so far + a command -> the events or the refusal).
///
/// Invariants:
/// - Nothing here reads or writes a file, the clock or the environment; the same state, actor,
///   day and command always give the same answer.
/// - A deactivated actor is refused every command but the store's own record of a login.
/// - A stale command (the stream moved on since the user looked) is refused before any rule.
/// - Nothing is recorded in a closed case but its reopening and a team leader's word on its
///   duplicates (`refuseOnClosedCase`, `Decide+CaseLife`).
/// - Every free text and every day a command carries passes `InputRules` (no control character,
///   a stated length, a sane window, a time that exists) before it goes into an event.
/// - One method a command, in a file per aggregate: `Decide+Users`, `+Citizen`, `+Plan`,
///   `+Templates`, `+Meetings`, `+Supervision`, `+Reviews`, `+Offers`, `+CaseLife`, `+Organisation`; the checks they share are in `+Checks`.
public struct Decide {
    public let state: Projection
    public let actor: User
    public let today: Day

    public init(state: Projection, actor: User, today: Day) {
        self.state = state; self.actor = actor; self.today = today
    }

    /// Who `id` acts as: a user of the store; the first administrator of an empty store acts as
    /// themself (before any user exists, there is no one else to create them).
    public static func actor(_ id: String, in state: Projection) throws -> User {
        if state.accounts.isEmpty { return User(id: id, name: id, sector: .employment, role: .admin) }
        guard let u = state.user(id) else { throw DomainError.notFound(.user(id)) }
        return u
    }

    /// The events `command` causes (each with its stream), or the reason it is refused.
    public func events(for command: Command, expectedVersion: Int? = nil) throws -> [Store.Pending] {
        if case .recordLogin = command {} else if !actor.active {
            throw DomainError.forbidden(.deactivated(user: actor.id))
        }
        if let expectedVersion, let stream = command.stream {
            let actual = state.version(of: stream)
            guard actual == expectedVersion else { throw DomainError.stale(stream: stream, expected: expectedVersion, actual: actual) }
        }
        try refuseOnClosedCase(command)
        switch command {
        // users (Decide+Users.swift)
        case let .createUser(user, hash): return try createUser(user, passwordHash: hash)
        case let .changePassword(id, hash): return try changePassword(user: id, passwordHash: hash)
        case let .recordLogin(id, succeeded): return try recordLogin(user: id, succeeded: succeeded)
        case let .setUserActive(id, active): return try setUserActive(user: id, active: active)
        case let .defineBenefit(b): return try defineBenefit(b)
        // citizen (Decide+Citizen.swift)
        case let .registerCitizen(cprText, name, benefit, responsible):
            return try registerCitizen(cpr: cprText, name: name, benefit: benefit, responsible: responsible)
        case let .changeCitizenDetails(cid, name, benefit): return try changeCitizenDetails(citizen: cid, name: name, benefit: benefit)
        case let .changeResponsible(cid, user, reason): return try changeResponsible(citizen: cid, user: user, reason: reason)
        case let .chooseContactPerson(cid, name, chosen): return try chooseContactPerson(citizen: cid, name: name, chosenByCitizen: chosen)
        case let .linkHousehold(cid, member): return try linkHousehold(citizen: cid, member: member)
        case let .giveConsent(cid, sectors, given): return try giveConsent(citizen: cid, sectors: sectors, given: given)
        case let .withdrawConsent(cid, id, reason): return try withdrawConsent(citizen: cid, consent: id, reason: reason)
        case let .logContact(cid, channel, note, at): return try logContact(citizen: cid, channel: channel, note: note, at: at)
        // plan (Decide+Plan.swift)
        case let .createPlan(cid, goal, words): return try createPlan(citizen: cid, overallGoal: goal, ownWords: words)
        case let .changePlanGoal(cid, goal, words): return try changePlanGoal(citizen: cid, overallGoal: goal, ownWords: words)
        case let .addGoal(cid, area, goalText): return try addGoal(citizen: cid, area: area, text: goalText)
        case let .setGoalStatus(cid, gid, status): return try setGoalStatus(citizen: cid, goal: gid, status: status)
        case let .changeGoal(cid, gid, area, goalText): return try changeGoal(citizen: cid, goal: gid, area: area, text: goalText)
        case let .addEffort(cid, goal, title, sector, basis, provider, start, end, welfare, offer):
            return try addEffort(citizen: cid, goal: goal, title: title, sector: sector, legalBasis: basis, provider: provider,
                                 start: start, end: end, welfareTechnology: welfare, offer: offer)
        case let .setEffortStatus(cid, eid, status, end):
            return try setEffortStatus(citizen: cid, effort: eid, status: status, end: end)
        case let .changeEffort(cid, eid, goal, title, basis, provider, start, end):
            return try changeEffort(citizen: cid, effort: eid, goal: goal, title: title, legalBasis: basis, provider: provider,
                                    start: start, end: end)
        case let .recordDecision(cid, area, date, decisionText, deadline, sent):
            return try recordDecision(citizen: cid, legalArea: area, date: date, text: decisionText, appealDeadline: deadline, sent: sent)
        case let .correctDecision(cid, did, area, date, decisionText, deadline, sent, reason):
            return try correctDecision(citizen: cid, decision: did, legalArea: area, date: date, text: decisionText, appealDeadline: deadline,
                                       sent: sent, reason: reason)
        case let .annulDecision(cid, did, reason): return try annulDecision(citizen: cid, decision: did, reason: reason)
        case let .scheduleFollowUp(cid, due, subject): return try scheduleFollowUp(citizen: cid, due: due, subject: subject)
        case let .completeFollowUp(cid, fid, done, result, note):
            return try completeFollowUp(citizen: cid, followUp: fid, done: done, result: result, note: note)
        case let .recordAssessment(cid, domain, score, date):
            return try recordAssessment(citizen: cid, domain: domain, score: score, date: date)
        case let .sendReferral(cid, to, referralText, confirmed):
            return try sendReferral(citizen: cid, to: to, text: referralText, confirmedSharing: confirmed)
        case let .answerReferral(cid, rid, status, reason): return try answerReferral(citizen: cid, referral: rid, status: status, reason: reason)
        // templates (Decide+Templates.swift)
        case let .defineTemplate(t): return try defineTemplate(t)
        case let .applyTemplate(cid, tid, start, confirmed):
            return try applyTemplate(citizen: cid, template: tid, start: start, confirmedSharing: confirmed)
        // meetings (Decide+Meetings.swift)
        case let .scheduleMeeting(type, cid, start, minutes, room, participants, guests, allowConflict, agenda):
            return try scheduleMeeting(type: type, citizen: cid, start: start, minutes: minutes, room: room,
                                       participants: participants, guests: guests, allowConflict: allowConflict, agenda: agenda)
        case let .setMeetingStatus(mid, status, outcome): return try setMeetingStatus(meeting: mid, status: status, outcome: outcome)
        case let .recordMeetingOutcome(mid, status, outcome, result):
            return try recordMeetingOutcome(meeting: mid, status: status, outcome: outcome, completeFollowUps: result)
        case let .joinMeeting(mid, participants, guests, allowConflict, agenda):
            return try joinMeeting(meeting: mid, participants: participants, guests: guests, allowConflict: allowConflict,
                                   agenda: agenda)
        // supervision (Decide+Supervision.swift)
        case let .reassign(cids, to, reason): return try reassign(citizens: cids, to: to, reason: reason)
        case let .defineTarget(id, kind, name, value, deadline, sector):
            return try defineTarget(id: id, kind: kind, name: name, value: value, deadline: deadline, sector: sector)
        case let .endTarget(id): return try endTarget(id: id)
        // outcomes (Decide+Outcomes.swift)
        case let .recordOutcome(cid, status, date, source): return try recordOutcome(citizen: cid, status: status, date: date, source: source)
        case let .recordOwnAssessment(cid, topic, score, words, date):
            return try recordOwnAssessment(citizen: cid, topic: topic, score: score, words: words, date: date)
        case let .recordVulnerability(cid, on, date): return try recordVulnerability(citizen: cid, on: on, date: date)
        case let .setYouthTargetGroup(maxAge, benefits, basis, vulnerability, baseline):
            return try setYouthTargetGroup(maxAge: maxAge, benefits: benefits, effortBasis: basis, requireVulnerability: vulnerability, baseline: baseline)
        case let .changeMeeting(mid, type, start, minutes, room, agenda, allowConflict):
            return try changeMeeting(meeting: mid, type: type, start: start, minutes: minutes, room: room, agenda: agenda, allowConflict: allowConflict)
        case let .setUserContact(id, phone, email): return try setUserContact(user: id, phone: phone, email: email)
        // the quarterly review and the offers register (Decide+Reviews.swift, Decide+Offers.swift)
        case let .drawReviewSample(quarter, size, seed): return try drawReviewSample(quarter: quarter, size: size, seed: seed)
        case let .recordReview(cid, draw, date, authority, provider, invited, tookPart, focus, findings, actions):
            return try recordReview(citizen: cid, draw: draw, date: date, authority: authority, provider: provider, invited: invited,
                                    tookPart: tookPart, focus: focus, findings: findings, actions: actions)
        case let .defineOffer(provider, kind, activity, place, weekdays):
            return try defineOffer(provider: provider, kind: kind, activity: activity, place: place, weekdays: weekdays)
        case let .reportAttendance(offer, week, count): return try reportAttendance(offer: offer, week: week, count: count)
        case let .unlockUser(id): return try unlockUser(id)
        case let .replaceParticipant(mid, leaving, by): return try replaceParticipant(meeting: mid, leaving: leaving, by: by)
        // a case's whole life (Decide+CaseLife.swift)
        case let .closeCase(cid, date, reason): return try closeCase(citizen: cid, date: date, reason: reason)
        case let .reopenCase(cid, reason): return try reopenCase(citizen: cid, reason: reason)
        case let .linkCitizens(cid, other, reason): return try linkCitizens(cid, other, reason: reason)
        case let .dismissDuplicate(cid, other, reason): return try dismissDuplicate(cid, other, reason: reason)
        case let .changeCPR(cid, new, reason): return try changeCPR(citizen: cid, new: new, reason: reason)
        case let .eraseCitizen(cid, rule, archive): return try eraseCitizen(citizen: cid, rule: rule, archive: archive)
        // the organisation (Decide+Organisation.swift)
        case let .defineUnit(u, new): return try defineUnit(u, new: new)
        case let .placeUser(id, unit, from, does): return try placeUser(id, in: unit, from: from, does: does)
        case let .setUserMandate(id, areas): return try setUserMandate(id, areas: areas)
        }
    }
}
