// What an event on a citizen's stream does to their case (`Projection.apply` finds the citizen
// and hands the event here), and a change of CPR number with its indexes.
extension Projection {
    /// A citizen's new CPR number: the old one kept in their history and in `formerByCPR`, the new
    /// one in `placeByCPR` (taken from `formerByCPR` when it was one of theirs before).
    mutating func changeCPR(place i: Int, to new: String) throws {
        guard let cpr = try? CPR(new), let newKey = Projection.cprKey(cpr.digits) else { throw Inconsistent(reason: "\"\(new)\" is no CPR number") }
        let old = citizens.head(place: i).cpr
        guard let oldKey = Projection.cprKey(old.digits) else { throw Inconsistent(reason: "no CPR number at place \(i)") }
        if let other = placeByCPR[newKey] ?? formerByCPR[newKey], Int(other) != i {
            throw Inconsistent(reason: "CPR number \(cpr.masked) belongs to \(citizens.id(at: Int(other)))")
        }
        citizens[place: i].formerCPRs.removeAll { $0 == cpr }
        citizens[place: i].formerCPRs.append(old)
        citizens[place: i].cpr = cpr
        placeByCPR[oldKey] = nil
        formerByCPR[oldKey] = Int32(i)
        formerByCPR[newKey] = nil
        placeByCPR[newKey] = Int32(i)
    }

    /// The events whose piece of the case carries no sector of its own: the recorder's is noted.
    static func recordsSector(_ event: DomainEvent) -> Bool {
        switch event {
        case .citizenDetailsChanged, .householdLinked, .planCreated, .planGoalChanged, .goalAdded, .followUpScheduled,
             .assessmentRecorded:
            return true
        case .userCreated, .passwordChanged, .userActiveSet, .loginFailed, .loginSucceeded, .benefitDefined, .citizenRegistered,
             .responsibleChanged, .contactPersonChosen, .consentGiven, .consentWithdrawn, .goalStatusChanged, .goalChanged,
             .effortAdded, .effortStatusChanged, .effortChanged, .decisionRecorded, .followUpCompleted, .referralSent,
             .referralAnswered, .contactLogged, .meetingScheduled, .meetingStatusChanged, .meetingJoined, .participantReplaced, .templateDefined,
             .templateApplied, .targetDefined, .targetEnded, .outcomeRecorded, .ownAssessmentRecorded, .vulnerabilityRecorded,
             .youthTargetGroupSet, .meetingChanged, .userContactSet, .reviewSampleDrawn, .planReviewed, .offerDefined, .offerAttendanceReported,
             .userUnlocked, .caseClosed, .caseReopened, .citizensLinked, .duplicateDismissed, .cprChanged, .citizenErased,
             .decisionCorrected, .decisionAnnulled,
             .unitDefined, .userUnitSet, .userMandateSet:
            return false
        }
    }

    static func applyToCitizen(_ event: DomainEvent, _ c: inout Citizen, actor: String, sector recorder: Sector?, at ts: Timestamp) {
        func plan(_ change: (inout Plan) -> Void) { if c.plan != nil { change(&c.plan!) } }
        // The recorder's sector; an actor the store does not know falls back to the registration's.
        let sector = recorder ?? c.registeredSectors.first ?? .employment
        switch event {
        case let .citizenDetailsChanged(name, benefit):
            if let name { c.name = name }
            if let benefit {
                c.benefit = benefit; c.recorded.benefit = sector
                c.outcomes.benefits.append(.init(from: ts.copenhagenDay, code: benefit))
            }
        case let .responsibleChanged(user, _):
            c.responsible = user
            c.facts.responsible.append(.init(from: ts.copenhagenDay, user: user))
        case let .contactPersonChosen(name, chosen):
            c.contactPerson = name
            c.outcomes.contactChosen = name == nil ? nil : chosen
        case let .householdLinked(m): c.household.append(m); c.recorded.household.append(sector)
        case let .consentGiven(consent): c.consents.append(consent)
        case let .consentWithdrawn(id, date, _):
            if let i = c.consents.firstIndex(where: { $0.id == id }) { c.consents[i].withdrawn = date }
        case let .planCreated(goal, words, date): c.plan = Plan(overallGoal: goal, ownWords: words, created: date); c.recorded.plan = sector
        case let .planGoalChanged(goal, words): plan { $0.overallGoal = goal; $0.ownWords = words }; c.recorded.plan = sector
        case let .goalAdded(g): if c.plan != nil { c.plan!.goals.append(g); c.recorded.goals.append(sector) }
        case let .goalStatusChanged(id, status):
            plan { p in if let i = p.goals.firstIndex(where: { $0.id == id }) { p.goals[i].status = status } }
        case let .effortAdded(e):
            plan { $0.efforts.append(e) }
            c.facts.recorded.append(.init(day: ts.copenhagenDay, what: actor))
        case let .effortStatusChanged(id, status, end):
            plan { p in
                if let i = p.efforts.firstIndex(where: { $0.id == id }) {
                    p.efforts[i].status = status
                    if let end { p.efforts[i].end = end }
                }
            }
        case let .decisionRecorded(d):
            plan { $0.decisions.append(d) }
            c.facts.recorded.append(.init(day: ts.copenhagenDay, what: actor))
        case let .followUpScheduled(id, due, planned, subject):
            if c.plan != nil {
                c.plan!.followUps.append(FollowUp(id: id, due: due, done: nil, result: nil, planned: planned ?? ts.copenhagenDay, subject: subject))
                c.recorded.followUps.append(sector)
            }
        case let .followUpCompleted(id, done, result, _):
            plan { p in
                if let i = p.followUps.firstIndex(where: { $0.id == id }) { p.followUps[i].done = done; p.followUps[i].result = result }
            }
        case let .assessmentRecorded(a): if c.plan != nil { c.plan!.assessments.append(a); c.recorded.assessments.append(sector) }
        case let .referralSent(r): plan { var r = r; r.sentBy = actor; $0.referrals.append(r) }
        case let .referralAnswered(id, status, _):
            plan { p in
                if let i = p.referrals.firstIndex(where: { $0.id == id }) { p.referrals[i].status = status; p.referrals[i].answered = ts.copenhagenDay }
            }
            if c.facts.answerDay(of: id) == nil { c.facts.answered.append(.init(day: ts.copenhagenDay, what: id)) }
        case let .contactLogged(channel, sector, _, at):
            c.contacts.append(ContactEntry(at: at ?? ts, channel: channel, sector: sector, user: actor))
        case let .goalChanged(id, area, text):
            plan { p in if let i = p.goals.firstIndex(where: { $0.id == id }) { p.goals[i].area = area; p.goals[i].text = text } }
        case let .effortChanged(id, goal, title, basis, provider, start, end):
            plan { p in
                if let i = p.efforts.firstIndex(where: { $0.id == id }) {
                    p.efforts[i].goal = goal; p.efforts[i].title = title; p.efforts[i].legalBasis = basis
                    p.efforts[i].provider = provider; p.efforts[i].start = start; p.efforts[i].end = end
                }
            }
        case let .outcomeRecorded(o): c.outcomes.add(o)
        case let .ownAssessmentRecorded(a): c.outcomes.assessments.append(a)
        case let .vulnerabilityRecorded(on, date, sector): c.outcomes.vulnerability.append(.init(date: date, on: on, sector: sector))
        case let .planReviewed(r): plan { $0.reviews.append(r) }
        case let .caseClosed(date, _): c.closed = date
        case .caseReopened: c.closed = nil
        case let .citizensLinked(other, _): if !c.linked.contains(other) { c.linked.append(other) }
        case let .duplicateDismissed(other, _): if !c.notDuplicates.contains(other) { c.notDuplicates.append(other) }
        // The number and its indexes are changed before (`changeCPR`): the projection's indexes are not the citizen's.
        case .cprChanged, .citizenErased: break
        case let .decisionCorrected(id, area, date, text, appeal, _, _):
            plan { p in
                if let i = p.decisions.firstIndex(where: { $0.id == id }) {
                    p.decisions[i].legalArea = area; p.decisions[i].date = date; p.decisions[i].text = text
                    p.decisions[i].appealDeadline = appeal; p.decisions[i].corrected = ts.copenhagenDay
                }
            }
        case let .decisionAnnulled(id, date, _, reason):
            plan { p in
                if let i = p.decisions.firstIndex(where: { $0.id == id }) { p.decisions[i].annulled = date; p.decisions[i].annulReason = reason }
            }
        case .templateApplied, .templateDefined, .targetDefined, .targetEnded, .youthTargetGroupSet, .meetingChanged, .reviewSampleDrawn,
             .offerDefined, .offerAttendanceReported, .userUnlocked:
            break
        case .userCreated, .passwordChanged, .userActiveSet, .loginFailed, .loginSucceeded, .benefitDefined, .citizenRegistered,
             .meetingScheduled, .meetingStatusChanged, .meetingJoined, .meetingChanged, .userContactSet, .participantReplaced,
             .unitDefined, .userUnitSet, .userMandateSet:
            break
        }
    }

}
