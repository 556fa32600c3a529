// A case's whole life: closing and reopening it, a team leader's word on probable duplicates, and
// a changed CPR number (the citizen's stream; a link or a dismissal on both registrations' streams).
//
// Invariants:
// - Closing, reopening and changing the CPR number are for the responsible caseworker or a team
//   leader (a supervisor); linking and dismissing duplicates for a team leader. Administrators
//   manage users, not citizens.
// - A closed case takes nothing but its reopening and a team leader's link or dismissal
//   (`refuseOnClosedCase`): not a contact, a note, a plan change, a new meeting or a move to
//   another caseworker. Reopen it to record more (docs/architecture.md, "A case's whole life").
// - A case closes on a day today or before (a case may have ended before EnPlan or in another
//   system), never before the citizen was born; it closes once, and only a closed case reopens.
// - Nothing is merged: two linked registrations stay two streams, each naming the other.
extension Decide {
    /// The commands a closed case still takes: its reopening, a team leader's word on its
    /// duplicates, and closing (which refuses a closed case in its own words).
    func refuseOnClosedCase(_ command: Command) throws {
        let cids: [String]
        switch command {
        case .reopenCase, .closeCase, .linkCitizens, .dismissDuplicate, .eraseCitizen: return
        case let .scheduleMeeting(_, cid, _, _, _, _, _, _, _): cids = cid.map { [$0] } ?? []
        case let .reassign(citizens, _, _): cids = citizens
        default:
            guard let stream = command.stream, state.citizens.contains(stream) else { return }
            cids = [stream]
        }
        for cid in cids {
            // Only to those who may change the case: to anyone else it is "not among yours", as before.
            guard let h = state.citizens.head(cid), let day = h.closed, Access.canChange(actor, h) else { continue }
            throw DomainError.invalid(.caseClosed(citizen: cid, on: day))
        }
    }

    /// The citizen, when the actor is their responsible caseworker or a team leader.
    private func caseOwner(_ cid: String) throws -> Citizen {
        guard actor.role != .admin else { throw DomainError.forbidden(.adminsManageUsers(meetings: false)) }
        let c = try changeable(cid)
        guard actor.role == .supervisor || c.responsible == actor.id else {
            throw DomainError.forbidden(.responsibleOrSupervisor(user: actor.id, citizen: cid))
        }
        return c
    }

    func closeCase(citizen cid: String, date: Day, reason: String) throws -> [Store.Pending] {
        let c = try caseOwner(cid)
        if let closed = c.closed { throw DomainError.invalid(.caseAlreadyClosed(citizen: cid, on: closed)) }
        try checkDay(date, .happened(.day(date)), .date)
        guard date >= c.cpr.birthDate else { throw DomainError.invalid(.closedBeforeBirth(date: date, born: c.cpr.birthDate)) }
        return [.init(cid, .caseClosed(date: date, reason: try text(reason, .reason)))]
    }

    /// Retention's record of an erasure: an administrator's, of a closed case not erased before
    /// (which periods are due, and that an archive copy exists, `CaseService.runRetention` decides).
    func eraseCitizen(citizen cid: String, rule: String, archive: String) throws -> [Store.Pending] {
        try requireAdmin()
        guard let c = state.citizens[cid], !c.isErased else { throw DomainError.notFound(.citizen(cid)) }
        guard let closed = c.closed else { throw DomainError.invalid(.caseNotClosed(citizen: cid)) }
        return [.init(cid, .citizenErased(rule: try text(rule, .reason), closed: closed, archive: try text(archive, .reason)))]
    }

    func reopenCase(citizen cid: String, reason: String) throws -> [Store.Pending] {
        let c = try caseOwner(cid)
        guard c.closed != nil else { throw DomainError.invalid(.caseNotClosed(citizen: cid)) }
        return [.init(cid, .caseReopened(date: today, reason: try text(reason, .reason)))]
    }

    /// Two registrations a team leader may judge: both theirs to change, and not the same one.
    private func duplicatePair(_ a: String, _ b: String) throws -> Citizen {
        guard actor.role != .admin else { throw DomainError.forbidden(.adminsManageUsers(meetings: false)) }
        guard actor.role == .supervisor else { throw DomainError.forbidden(.supervisorsOnly(.duplicates)) }
        let c = try changeable(a)
        _ = try changeable(b)
        guard a != b else { throw DomainError.invalid(.sameRegistration(citizen: a)) }
        return c
    }

    func linkCitizens(_ a: String, _ b: String, reason: String) throws -> [Store.Pending] {
        let c = try duplicatePair(a, b)
        guard !c.linked.contains(b) else { throw DomainError.invalid(.alreadyLinked(citizen: a, other: b)) }
        let why = try text(reason, .reason)
        return [.init(a, .citizensLinked(other: b, reason: why)), .init(b, .citizensLinked(other: a, reason: why))]
    }

    func dismissDuplicate(_ a: String, _ b: String, reason: String) throws -> [Store.Pending] {
        let c = try duplicatePair(a, b)
        guard !c.linked.contains(b) else { throw DomainError.invalid(.alreadyLinked(citizen: a, other: b)) }
        guard !c.notDuplicates.contains(b) else { throw DomainError.invalid(.alreadyDismissed(citizen: a, other: b)) }
        let why = try text(reason, .reason)
        return [.init(a, .duplicateDismissed(other: b, reason: why)), .init(b, .duplicateDismissed(other: a, reason: why))]
    }

    /// Checked as a registration's number is; refused when it is (or was) another citizen's.
    func changeCPR(citizen cid: String, new newText: String, reason: String) throws -> [Store.Pending] {
        let c = try caseOwner(cid)
        let cpr: CPR
        do { cpr = try CPR(newText) } catch let p as CPR.Problem { throw DomainError.invalid(.badCPR(text: newText, p)) }
        guard cpr.birthDate <= today else { throw DomainError.invalid(.bornInFuture(text: newText)) }
        guard cpr != c.cpr else { throw DomainError.invalid(.cprUnchanged(masked: cpr.masked)) }
        if let other = state.citizenID(cpr: cpr.digits), other != cid {
            throw DomainError.conflict(.cprRegistered(masked: cpr.masked, citizen: other))
        }
        return [.init(cid, .cprChanged(old: c.cpr.digits, new: cpr.digits, reason: try text(reason, .reason)))]
    }
}
