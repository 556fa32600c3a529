import Foundation

// The unified plan: its goal, sub-goals, efforts, decisions, follow-ups, assessments and referrals (the citizen's stream).
extension Decide {
    func createPlan(citizen cid: String, overallGoal goal: OverallGoal, ownWords words: String) throws -> [Store.Pending] {
        let c = try changeable(cid)
        guard c.plan == nil else { throw DomainError.conflict("\(cid) has a unified plan already: one plan per citizen") }
        guard !c.activeConsents(on: today).isEmpty else {
            throw DomainError.invalid("a unified plan needs the citizen's consent to share between sectors: record it first")
        }
        return [.init(cid, .planCreated(overallGoal: goal, ownWords: words.trimmingCharacters(in: .whitespacesAndNewlines), date: today))]
    }

    func changePlanGoal(citizen cid: String, overallGoal goal: OverallGoal, ownWords words: String) throws -> [Store.Pending] {
        _ = try planOf(cid)
        return [.init(cid, .planGoalChanged(overallGoal: goal, ownWords: words.trimmingCharacters(in: .whitespacesAndNewlines)))]
    }

    func addGoal(citizen cid: String, area: LifeArea, text goalText: String) throws -> [Store.Pending] {
        let p = try planOf(cid)
        return [.init(cid, .goalAdded(Goal(id: "g\(p.goals.count + 1)", area: area, text: try text(goalText, "goal"), status: .open)))]
    }

    func setGoalStatus(citizen cid: String, goal gid: String, status: GoalStatus) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard p.goals.contains(where: { $0.id == gid }) else { throw DomainError.notFound("no goal \(gid) in \(cid)'s plan") }
        try checkSeesGoal(cid, gid)
        return [.init(cid, .goalStatusChanged(id: gid, status: status))]
    }

    func changeGoal(citizen cid: String, goal gid: String, area: LifeArea, text goalText: String) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard let g = p.goals.first(where: { $0.id == gid }) else { throw DomainError.notFound("no goal \(gid) in \(cid)'s plan") }
        try checkSeesGoal(cid, gid)
        let t = try text(goalText, "goal")
        guard g.area != area || g.text != t else { throw DomainError.invalid("goal \(gid) is like that already: nothing to save") }
        return [.init(cid, .goalChanged(id: gid, area: area, text: t))]
    }

    /// A sub-goal another sector recorded, that no consent shares with the actor's, is not theirs to change.
    private func checkSeesGoal(_ cid: String, _ gid: String) throws {
        guard let c = state.citizens[cid], let i = c.plan?.goals.firstIndex(where: { $0.id == gid }),
              let owner = Recorders.at(c.recorded.goals, i) else { return }
        guard Access.seesContent(actor, of: owner, in: c, on: today) else {
            throw DomainError.forbidden("goal \(gid) belongs to the \(owner.rawValue) sector, and no consent shares it with yours")
        }
    }

    func addEffort(citizen cid: String, goal: String?, title: String, sector: Sector, legalBasis basis: String,
                   provider: String, start: Day, end: Day?, offer: String? = nil) throws -> [Store.Pending] {
        let p = try planOf(cid)
        if let goal, !p.goals.contains(where: { $0.id == goal }) { throw DomainError.notFound("no goal \(goal) in \(cid)'s plan") }
        // At an offer of the register: its provider, whatever was typed.
        let atOffer = try offer.map { id -> Offer in
            guard let o = state.offers[id] else { throw DomainError.notFound("no offer \(id) in the register") }
            return o
        }
        if let end, end < start { throw DomainError.invalid("an effort cannot end (\(end.iso)) before it starts (\(start.iso))") }
        let effort = Effort(id: "e\(p.efforts.count + 1)", goal: goal, title: try text(title, "title"), sector: sector,
                            legalBasis: try text(basis, "legal basis"), provider: try text(atOffer?.provider ?? provider, "provider"),
                            start: start, end: end, status: start <= today ? .active : .planned, offer: atOffer?.id)
        return [.init(cid, .effortAdded(effort))]
    }

    func setEffortStatus(citizen cid: String, effort eid: String, status: EffortStatus, end: Day?) throws -> [Store.Pending] {
        let c = try changeable(cid)
        let p = try planOf(cid)
        guard let e = p.efforts.first(where: { $0.id == eid }) else { throw DomainError.notFound("no effort \(eid) in \(cid)'s plan") }
        guard Access.seesContent(actor, of: e.sector, in: c, on: today) else {
            throw DomainError.forbidden("effort \(eid) belongs to \(e.sector.rawValue), and no consent lets \(actor.sector.rawValue) see it")
        }
        guard e.status != .ended && e.status != .cancelled else { throw DomainError.invalid("effort \(eid) is \(e.status.rawValue) already") }
        // Ended: today unless told; cancelled before it began: on its start day.
        let endDay = status == .ended ? (end ?? today) : status == .cancelled ? (end ?? max(today, e.start)) : end
        if status == .ended, let endDay, endDay > today { throw DomainError.invalid("an effort cannot have ended in the future (\(endDay.iso)); plan its end instead") }
        if let endDay, endDay < e.start { throw DomainError.invalid("an effort cannot end before it starts (\(e.start.iso))") }
        return [.init(cid, .effortStatusChanged(id: eid, status: status, end: endDay))]
    }

    func changeEffort(citizen cid: String, effort eid: String, goal: String?, title: String, legalBasis basis: String,
                      provider: String, start: Day, end: Day?) throws -> [Store.Pending] {
        let c = try changeable(cid)
        let p = try planOf(cid)
        guard let e = p.efforts.first(where: { $0.id == eid }) else { throw DomainError.notFound("no effort \(eid) in \(cid)'s plan") }
        guard Access.seesContent(actor, of: e.sector, in: c, on: today) else {
            throw DomainError.forbidden("effort \(eid) belongs to \(e.sector.rawValue), and no consent lets \(actor.sector.rawValue) see it")
        }
        guard e.status == .planned || e.status == .active else { throw DomainError.invalid("effort \(eid) is \(e.status.rawValue): it can no longer be changed") }
        if let goal, !p.goals.contains(where: { $0.id == goal }) { throw DomainError.notFound("no goal \(goal) in \(cid)'s plan") }
        if let end, end < start { throw DomainError.invalid("an effort cannot end (\(end.iso)) before it starts (\(start.iso))") }
        let changed = DomainEvent.effortChanged(id: eid, goal: goal, title: try text(title, "title"), legalBasis: try text(basis, "legal basis"),
                                                provider: try text(provider, "provider"), start: start, end: end)
        guard changed != .effortChanged(id: eid, goal: e.goal, title: e.title, legalBasis: e.legalBasis, provider: e.provider, start: e.start, end: e.end) else {
            throw DomainError.invalid("effort \(eid) is like that already: nothing to save")
        }
        return [.init(cid, changed)]
    }

    func recordDecision(citizen cid: String, legalArea area: LegalArea, date: Day, text decisionText: String,
                        appealDeadline deadline: Day?, sent: Delivery) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard date <= today else { throw DomainError.invalid("a decision cannot be dated in the future") }
        let appeal = deadline ?? AppealDeadline.deadline(sent: date, by: sent, area: area)
        guard appeal >= date else { throw DomainError.invalid("the appeal deadline cannot be before the decision") }
        return [.init(cid, .decisionRecorded(Decision(id: "d\(p.decisions.count + 1)", legalArea: area, date: date,
                                                      text: try text(decisionText, "decision text"), appealDeadline: appeal,
                                                      sector: actor.sector)))]
    }

    func scheduleFollowUp(citizen cid: String, due: Day) throws -> [Store.Pending] {
        let p = try planOf(cid)
        return [.init(cid, .followUpScheduled(id: "f\(p.followUps.count + 1)", due: due))]
    }

    func completeFollowUp(citizen cid: String, followUp fid: String, done: Day, result: FollowUpResult, note: String?) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard let f = p.followUps.first(where: { $0.id == fid }) else { throw DomainError.notFound("no follow-up \(fid) in \(cid)'s plan") }
        guard f.done == nil else { throw DomainError.invalid("follow-up \(fid) was completed already") }
        guard done <= today else { throw DomainError.invalid("a follow-up cannot be completed in the future") }
        return [.init(cid, .followUpCompleted(id: fid, done: done, result: result, note: note))]
    }

    func recordAssessment(citizen cid: String, domain: String, score: Int, date: Day) throws -> [Store.Pending] {
        _ = try planOf(cid)
        guard Assessment.isValidScore(score) else { throw DomainError.invalid("a mastery score is 0-4, or 9 for not relevant") }
        guard date <= today else { throw DomainError.invalid("an assessment cannot be dated in the future") }
        return [.init(cid, .assessmentRecorded(Assessment(domain: try text(domain, "domain"), score: score, date: date)))]
    }

    func sendReferral(citizen cid: String, to: Sector, text referralText: String, confirmedSharing: Bool) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard to != actor.sector else { throw DomainError.invalid("a referral goes to another sector than your own") }
        let body = try text(referralText, "referral text")
        try checkSharing(cid, with: [to], what: [body], confirmed: confirmedSharing)
        return [.init(cid, .referralSent(Referral(id: "r\(p.referrals.count + 1)", from: actor.sector, to: to,
                                                  text: body, date: today, status: .requested)))]
    }

    func answerReferral(citizen cid: String, referral rid: String, status: ReferralStatus) throws -> [Store.Pending] {
        let p = try planOf(cid)
        guard let r = p.referrals.first(where: { $0.id == rid }) else { throw DomainError.notFound("no referral \(rid) in \(cid)'s plan") }
        guard r.status == .requested || (r.status == .accepted && status == .revoked) else {
            throw DomainError.invalid("referral \(rid) is \(r.status.rawValue): it cannot become \(status.rawValue)")
        }
        switch status {
        case .accepted, .rejected:
            guard actor.sector == r.to else { throw DomainError.forbidden("only the \(r.to.rawValue) sector answers referral \(rid)") }
        case .revoked:
            guard actor.sector == r.from else { throw DomainError.forbidden("only the \(r.from.rawValue) sector revokes referral \(rid)") }
        case .requested: throw DomainError.invalid("a referral is answered with accepted, rejected or revoked")
        }
        return [.init(cid, .referralAnswered(id: rid, status: status))]
    }
}
