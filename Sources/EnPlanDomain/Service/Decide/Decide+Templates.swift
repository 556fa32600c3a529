import Foundation

// Plan templates: defining one (stream "template:<id>") and applying one to a plan (the citizen's stream).
extension Decide {
    func defineTemplate(_ t: PlanTemplate) throws -> [Store.Pending] {
        guard actor.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.defineTemplates)) }
        return [.init(Streams.template(t.id), .templateDefined(try checkedTemplate(t)))]
    }

    func applyTemplate(citizen cid: String, template tid: String, start: Day?, confirmedSharing: Bool) throws -> [Store.Pending] {
        var p = try planOf(cid)
        guard let t = state.templates[tid] else { throw DomainError.notFound(.template(tid)) }
        let crossing = t.efforts.filter { $0.sector != actor.sector }
        try checkSharing(cid, with: crossing.map(\.sector), what: crossing.map(\.title), confirmed: confirmedSharing)
        let base = start ?? today
        guard abs(base - today) <= 365 else { throw DomainError.invalid(.templateStart) }
        try checkDay(base, .planned, .start)
        var events: [Store.Pending] = [.init(cid, .templateApplied(template: t.id, name: t.name, start: base))]
        var goalIDs: [String: String] = [:]
        for g in t.goals {
            let goal = Goal(id: "g\(p.goals.count + 1)", area: g.area, text: g.text, status: .open)
            goalIDs[g.key] = goal.id
            p.goals.append(goal)
            events.append(.init(cid, .goalAdded(goal)))
        }
        for e in t.efforts {
            let startDay = base + e.startAfterDays
            let effort = Effort(id: "e\(p.efforts.count + 1)", goal: e.goal.flatMap { goalIDs[$0] }, title: e.title, sector: e.sector,
                                legalBasis: e.legalBasis, provider: e.provider, start: startDay, end: e.days.map { startDay + $0 },
                                status: startDay <= today ? .active : .planned)
            p.efforts.append(effort)
            events.append(.init(cid, .effortAdded(effort)))
        }
        for days in t.followUpDays {
            let id = "f\(p.followUps.count + 1)"
            p.followUps.append(FollowUp(id: id, due: base + days, done: nil, result: nil, planned: today, subject: t.name))
            events.append(.init(cid, .followUpScheduled(id: id, due: base + days, planned: today, subject: t.name)))
        }
        return events
    }

    /// A template as it may be stored: not too large, named, with something in it, every effort
    /// under one of its own goals, every text by the input rule, and offsets within ten years.
    func checkedTemplate(_ t: PlanTemplate) throws -> PlanTemplate {
        guard User.isValidID(t.id) else {
            throw DomainError.invalid(.badID(.template, t.id))
        }
        try InputRules.Template.check(t)
        var checked = t
        checked.name = try text(t.name, .templateName)
        checked.description = try textOrBlank(t.description, .description)
        guard !t.goals.isEmpty || !t.efforts.isEmpty else { throw DomainError.invalid(.templateEmpty(t.id)) }
        var keys = Set<String>()
        for (i, g) in t.goals.enumerated() {
            _ = try text(g.key, .templateGoalKey(goal: i + 1))
            guard keys.insert(g.key).inserted else { throw DomainError.invalid(.templateGoalTwice(template: t.id, key: g.key)) }
            checked.goals[i].text = try text(g.text, .templateGoal(key: g.key))
        }
        let range = 0...PlanTemplate.maxDays
        for (i, e) in t.efforts.enumerated() {
            if let goal = e.goal, !keys.contains(goal) { throw DomainError.invalid(.templateUnknownGoal(template: t.id, effort: i + 1, goal: goal)) }
            checked.efforts[i].title = try text(e.title, .templateEffort(.title, effort: i + 1, template: t.id))
            checked.efforts[i].legalBasis = try text(e.legalBasis, .templateEffort(.legalBasis, effort: i + 1, template: t.id))
            checked.efforts[i].provider = try text(e.provider, .templateEffort(.provider, effort: i + 1, template: t.id))
            guard range.contains(e.startAfterDays), e.days.map({ (1...PlanTemplate.maxDays).contains($0) }) ?? true else {
                throw DomainError.invalid(.templateEffortDays(template: t.id, effort: i + 1, max: PlanTemplate.maxDays))
            }
        }
        guard t.followUpDays.allSatisfy(range.contains) else { throw DomainError.invalid(.templateFollowUpDays(template: t.id, max: PlanTemplate.maxDays)) }
        return checked
    }
}
