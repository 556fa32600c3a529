import Foundation

// The unified plan: its goal, sub-goals, efforts, decisions, follow-ups, assessments and referrals (the citizen's stream).
extension Decide {
    func createPlan(citizen cid: String, overallGoal goal: OverallGoal, ownWords words: String) throws -> [Store.Pending] {
        let c = try changeable(cid)
        guard c.plan == nil else { throw DomainError.conflict(.planExists(citizen: cid)) }
        guard !c.activeConsents(on: today).isEmpty else {
            throw DomainError.invalid(.planNeedsConsent)
        }
        return [.init(cid, .planCreated(overallGoal: goal, ownWords: try textOrBlank(words, .ownWords), date: today))]
    }

    func changePlanGoal(citizen cid: String, overallGoal goal: OverallGoal, ownWords words: String) throws -> [Store.Pending] {
        _ = try planOf(cid)
        return [.init(cid, .planGoalChanged(overallGoal: goal, ownWords: try textOrBlank(words, .ownWords)))]
    }

    func addGoal(citizen cid: String, area: LifeArea, text goalText: String) throws -> [Store.Pending] {
        let p = try planOf(cid)
        return [.init(cid, .goalAdded(Goal(id: "g\(p.goals.count + 1)", area: area, text: try text(goalText, .goal), status: .open)))]
    }

    func setGoalStatus(citizen cid: String, goal gid: String, status: GoalStatus) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard p.goals.contains(where: { $0.id == gid }) else { throw DomainError.notFound(.inPlan(.goal, gid, citizen: cid)) }
        try checkSeesGoal(cid, gid)
        return [.init(cid, .goalStatusChanged(id: gid, status: status))]
    }

    func changeGoal(citizen cid: String, goal gid: String, area: LifeArea, text goalText: String) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard let g = p.goals.first(where: { $0.id == gid }) else { throw DomainError.notFound(.inPlan(.goal, gid, citizen: cid)) }
        try checkSeesGoal(cid, gid)
        let t = try text(goalText, .goal)
        guard g.area != area || g.text != t else { throw DomainError.invalid(.unchanged(.goal, gid)) }
        return [.init(cid, .goalChanged(id: gid, area: area, text: t))]
    }

    /// A sub-goal another sector recorded, that no consent shares with the actor's, is not theirs to change.
    private func checkSeesGoal(_ cid: String, _ gid: String) throws {
        guard let c = state.citizens[cid], let i = c.plan?.goals.firstIndex(where: { $0.id == gid }),
              let owner = Recorders.at(c.recorded.goals, i) else { return }
        guard Access.seesContent(actor, of: owner, in: c, on: today) else {
            throw DomainError.forbidden(.notShared(.goal, gid, owner: owner, actor: actor.sector))
        }
    }

    func addEffort(citizen cid: String, goal: String?, title: String, sector: Sector, legalBasis basis: String,
                   provider: String, start: Day, end: Day?, welfareTechnology: Bool = false, offer: String? = nil) throws -> [Store.Pending] {
        let p = try planOf(cid)
        if let goal, !p.goals.contains(where: { $0.id == goal }) { throw DomainError.notFound(.inPlan(.goal, goal, citizen: cid)) }
        // At an offer of the register: its provider, whatever was typed.
        let atOffer = try offer.map { id -> Offer in
            guard let o = state.offers[id] else { throw DomainError.notFound(.offer(id)) }
            return o
        }
        try checkDay(start, .planned, .start)
        if let end { try checkDay(end, .planned, .end) }
        if let end, end < start { throw DomainError.invalid(.endsBeforeStart(end: end, start: start)) }
        let effort = Effort(id: "e\(p.efforts.count + 1)", goal: goal, title: try text(title, .title), sector: sector,
                            legalBasis: try text(basis, .legalBasis), provider: try text(atOffer?.provider ?? provider, .provider),
                            start: start, end: end, status: start <= today ? .active : .planned, welfareTechnology: welfareTechnology,
                            offer: atOffer?.id)
        return [.init(cid, .effortAdded(effort))]
    }

    func setEffortStatus(citizen cid: String, effort eid: String, status: EffortStatus, end: Day?) throws -> [Store.Pending] {
        let c = try changeable(cid)
        let p = try planOf(cid)
        guard let e = p.efforts.first(where: { $0.id == eid }) else { throw DomainError.notFound(.inPlan(.effort, eid, citizen: cid)) }
        guard Access.seesContent(actor, of: e.sector, in: c, on: today) else {
            throw DomainError.forbidden(.notShared(.effort, eid, owner: e.sector, actor: actor.sector))
        }
        guard e.status != .ended && e.status != .cancelled else { throw DomainError.invalid(.effortClosed(effort: eid, status: e.status)) }
        // Ended: today unless told; cancelled before it began: on its start day.
        let endDay = status == .ended ? (end ?? today) : status == .cancelled ? (end ?? max(today, e.start)) : end
        if let endDay { try checkDay(endDay, status == .ended ? .happened(.effortEnd(endDay)) : .planned, .end) }
        if let endDay, endDay < e.start { throw DomainError.invalid(.endsBeforeStart(end: nil, start: e.start)) }
        return [.init(cid, .effortStatusChanged(id: eid, status: status, end: endDay))]
    }

    func changeEffort(citizen cid: String, effort eid: String, goal: String?, title: String, legalBasis basis: String,
                      provider: String, start: Day, end: Day?) throws -> [Store.Pending] {
        let c = try changeable(cid)
        let p = try planOf(cid)
        guard let e = p.efforts.first(where: { $0.id == eid }) else { throw DomainError.notFound(.inPlan(.effort, eid, citizen: cid)) }
        guard Access.seesContent(actor, of: e.sector, in: c, on: today) else {
            throw DomainError.forbidden(.notShared(.effort, eid, owner: e.sector, actor: actor.sector))
        }
        guard e.status == .planned || e.status == .active else { throw DomainError.invalid(.effortNotChangeable(effort: eid, status: e.status)) }
        if let goal, !p.goals.contains(where: { $0.id == goal }) { throw DomainError.notFound(.inPlan(.goal, goal, citizen: cid)) }
        try checkDay(start, .planned, .start)
        if let end { try checkDay(end, .planned, .end) }
        if let end, end < start { throw DomainError.invalid(.endsBeforeStart(end: end, start: start)) }
        let changed = DomainEvent.effortChanged(id: eid, goal: goal, title: try text(title, .title), legalBasis: try text(basis, .legalBasis),
                                                provider: try text(provider, .provider), start: start, end: end)
        guard changed != .effortChanged(id: eid, goal: e.goal, title: e.title, legalBasis: e.legalBasis, provider: e.provider, start: e.start, end: e.end) else {
            throw DomainError.invalid(.unchanged(.effort, eid))
        }
        return [.init(cid, changed)]
    }

    func recordDecision(citizen cid: String, legalArea area: LegalArea, date: Day, text decisionText: String,
                        appealDeadline deadline: Day?, sent: Delivery) throws -> [Store.Pending] {
        let p = try planOf(cid)
        try checkMandate(area)
        try checkDay(date, .happened(.decision), .date)
        if let deadline { try checkDay(deadline, .any, .deadline) }
        let appeal = deadline ?? AppealDeadline.deadline(sent: date, by: sent, area: area)
        guard appeal >= date else { throw DomainError.invalid(.appealBeforeDecision) }
        return [.init(cid, .decisionRecorded(Decision(id: "d\(p.decisions.count + 1)", legalArea: area, date: date,
                                                      text: try text(decisionText, .decisionText), appealDeadline: appeal,
                                                      sector: actor.sector)))]
    }

    /// A decision the actor may change: its sector's, content they may see, not annulled.
    private func changeableDecision(_ cid: String, _ did: String) throws -> Decision {
        let c = try changeable(cid)
        let p = try planOf(cid)
        guard let d = p.decisions.first(where: { $0.id == did }) else { throw DomainError.notFound(.inPlan(.decision, did, citizen: cid)) }
        guard Access.seesContent(actor, of: d.sector, in: c, on: today), actor.sector == d.sector || actor.role == .supervisor else {
            throw DomainError.forbidden(.notShared(.decision, did, owner: d.sector, actor: actor.sector))
        }
        if let day = d.annulled { throw DomainError.invalid(.decisionAnnulled(decision: did, on: day)) }
        return d
    }

    func correctDecision(citizen cid: String, decision did: String, legalArea area: LegalArea, date: Day, text decisionText: String,
                         appealDeadline deadline: Day?, sent: Delivery, reason: String) throws -> [Store.Pending] {
        let d = try changeableDecision(cid, did)
        // Correcting a decision is deciding under its (new) legal area: the mandate is checked as for a new one.
        try checkMandate(area)
        try checkDay(date, .happened(.decision), .date)
        if let deadline { try checkDay(deadline, .any, .deadline) }
        let appeal = deadline ?? AppealDeadline.deadline(sent: date, by: sent, area: area)
        guard appeal >= date else { throw DomainError.invalid(.appealBeforeDecision) }
        let newText = try text(decisionText, .decisionText)
        guard area != d.legalArea || date != d.date || newText != d.text || appeal != d.appealDeadline else {
            throw DomainError.invalid(.unchanged(.decision, did))
        }
        return [.init(cid, .decisionCorrected(id: did, legalArea: area, date: date, text: newText, appealDeadline: appeal, sector: d.sector,
                                              reason: try text(reason, .reason)))]
    }

    func annulDecision(citizen cid: String, decision did: String, reason: String) throws -> [Store.Pending] {
        let d = try changeableDecision(cid, did)
        try checkMandate(d.legalArea)
        return [.init(cid, .decisionAnnulled(id: did, date: today, sector: d.sector, reason: try text(reason, .reason)))]
    }

    func scheduleFollowUp(citizen cid: String, due: Day, subject: String?) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard due >= today else { throw DomainError.invalid(.followUpInPast(due: due)) }
        try checkDay(due, .planned, .due)
        return [.init(cid, .followUpScheduled(id: "f\(p.followUps.count + 1)", due: due, planned: today,
                                              subject: try InputRules.optionalText(subject, .subject)))]
    }

    func completeFollowUp(citizen cid: String, followUp fid: String, done: Day, result: FollowUpResult, note: String?) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard let f = p.followUps.first(where: { $0.id == fid }) else { throw DomainError.notFound(.inPlan(.followUp, fid, citizen: cid)) }
        guard f.done == nil else { throw DomainError.invalid(.followUpDone(fid)) }
        try checkDay(done, .happened(.followUpCompletion), .done)
        if let planned = f.planned, done < planned { throw DomainError.invalid(.completedBeforePlanned(done: done, planned: planned)) }
        return [.init(cid, .followUpCompleted(id: fid, done: done, result: result, note: try optionalText(note, .note)))]
    }

    func recordAssessment(citizen cid: String, domain: String, score: Int, date: Day) throws -> [Store.Pending] {
        _ = try planOf(cid)
        guard Assessment.isValidScore(score) else { throw DomainError.invalid(.scoreRange) }
        try checkDay(date, .happened(.assessment), .date)
        return [.init(cid, .assessmentRecorded(Assessment(domain: try text(domain, .domain), score: score, date: date)))]
    }

    func sendReferral(citizen cid: String, to: Sector, text referralText: String, confirmedSharing: Bool) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard to != actor.sector else { throw DomainError.invalid(.referralToOwnSector) }
        let body = try text(referralText, .referralText)
        try checkSharing(cid, with: [to], what: [body], confirmed: confirmedSharing)
        return [.init(cid, .referralSent(Referral(id: "r\(p.referrals.count + 1)", from: actor.sector, to: to,
                                                  text: body, date: today, status: .requested)))]
    }

    func answerReferral(citizen cid: String, referral rid: String, status: ReferralStatus, reason: String?) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard let r = p.referrals.first(where: { $0.id == rid }) else { throw DomainError.notFound(.inPlan(.referral, rid, citizen: cid)) }
        guard r.status == .requested || (r.status == .accepted && status == .revoked) else {
            throw DomainError.invalid(.referralTransition(referral: rid, from: r.status, to: status))
        }
        switch status {
        case .accepted, .rejected:
            guard actor.sector == r.to else { throw DomainError.forbidden(.referralSector(referral: rid, sector: r.to, revokes: false)) }
        case .revoked:
            guard actor.sector == r.from else { throw DomainError.forbidden(.referralSector(referral: rid, sector: r.from, revokes: true)) }
        case .requested: throw DomainError.invalid(.referralAnswer)
        }
        return [.init(cid, .referralAnswered(id: rid, status: status, reason: try reason.map { try text($0, .reason) }))]
    }
}
