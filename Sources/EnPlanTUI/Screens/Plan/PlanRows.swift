import EnPlanDomain

/// What the plan screen shows: the header lines and the rows of its sections.
extension PlanScreen {
    func header(_ s: Strings, names: Names) -> [(String, Role)] {
        let c = citizen
        let cpr = showFullCPR ? detail.cpr : c.cpr.masked
        // What another sector recorded and no consent shares: that it exists and whose it is.
        func withheld(_ kind: Withheld.Kind) -> String? {
            detail.withheld.first { $0.kind == kind }.map { "\(s.p(.notShared)) (\(s.sector($0.sector)))" }
        }
        let benefit = withheld(.benefit) ?? c.benefit.map { names.benefits[$0] ?? $0 } ?? s.word("none")
        // A closed case says so first, with its day (in the alert colour and in words).
        let closed = c.closed.map { "\(s.closedMark($0)) · " } ?? ""
        var lines: [(String, Role)] = [
            ("\(closed)\(c.name) · \(s.p(.cpr)) \(cpr) · \(detail.age) \(s.p(.age)) · \(s.targetGroup(detail.targetGroup)) · \(s.p(.benefit)): \(benefit)",
             c.closed == nil ? .header : .alert),
            ("\(s.p(.responsible)): \(names.user(c.responsible))"
                + [names.phones[c.responsible], names.emails[c.responsible]].compactMap { $0 }.map { " · \($0)" }.joined()
                + (c.contactPerson.map { " · \(s.p(.contactPerson)): \($0)" } ?? ""), .normal),
        ]
        let active = c.activeConsents(on: detail.today)
        let consent = active.isEmpty ? s.p(.noConsent) : active.map { $0.sectors.map(s.sector).joined(separator: " + ") }.joined(separator: "; ")
        var household = c.household.isEmpty ? s.p(.empty) : c.household.map { "\(s.word($0.relation.rawValue)) \($0.name)" }.joined(separator: ", ")
        if let w = withheld(.household) { household = c.household.isEmpty ? w : household + "; " + w }
        // The registrations linked as the same person, and the CPR numbers the citizen had before.
        let others = detail.linked.map { " · " + s.sameAs($0).prefix(1).uppercased() + s.sameAs($0).dropFirst() }.joined()
        let former = detail.formerCPRs.isEmpty ? "" : " · \(s.k(.formerCPR)): " + detail.formerCPRs.map { showFullCPR ? $0 : String($0.prefix(6)) + "-XXXX" }.joined(separator: ", ")
        lines.append(("\(s.p(.consent)): \(consent) · \(s.p(.household)): \(household)\(others)\(former)", active.isEmpty ? .alert : .dim))
        // The current status toward self-support (the last one dated today or before).
        let status = c.outcomes.current(on: detail.today).map { "\(s.outcomeStatus($0.status)) (\(s.date($0.date)))" }
            ?? withheld(.outcome) ?? s.o(.noStatus)
        let vulnerable = c.outcomes.vulnerability.last { $0.date <= detail.today }?.on == true ? " · \(s.o(.vulnerable))" : ""
        lines[1].0 += " · \(s.o(.status)): \(status)\(vulnerable)"
        return lines
    }

    public func rows(_ s: Strings, names: Names) -> [Row] {
        let today = detail.today
        var out: [Row] = []
        let plan = citizen.plan
        func titled(_ section: Section, _ title: String, count: Int?) {
            let mark = collapsed.contains(section) ? "▸" : "▾"
            let n = count.map { " (\($0))" } ?? ""
            out.append(Row(section: section, item: nil, text: "\(mark) \(title)\(n)", role: .header))
        }
        func heading(_ section: Section, _ title: Strings.P, count: Int?) { titled(section, s.p(title), count: count) }
        func item(_ section: Section, _ id: String, _ text: String, _ role: Role = .normal) {
            guard !collapsed.contains(section) else { return }
            out.append(Row(section: section, item: id, text: "  " + text, role: role))
        }
        func label(_ section: Section, _ text: String) {
            guard !collapsed.contains(section) else { return }
            out.append(Row(section: section, item: nil, text: "  " + text, role: .dim, isLabel: true))
        }
        func hidden(_ id: String) -> Bool { detail.hidden.contains(id) }

        heading(.overall, .sOverall, count: nil)
        if let plan {
            item(.overall, "plan", "\(s.overallGoal(plan.overallGoal)) · \(s.p(.created)) \(s.date(plan.created))")
            if let w = detail.withheld.first(where: { $0.kind == .ownWords }) {
                label(.overall, "\(s.p(.ownWords)): \(s.p(.notShared)) (\(s.sector(w.sector)))")
            } else if !plan.ownWords.isEmpty { item(.overall, "words", "\(s.p(.ownWords)): “\(plan.ownWords)”") }
        } else {
            label(.overall, s.p(.noPlan) + " " + s.p(.createPlanHint))
        }
        if let plan {
            heading(.goals, .sGoals, count: plan.goals.count)
            for g in plan.goals {
                let text = hidden(g.id) ? s.p(.hidden) : g.text
                item(.goals, g.id, "[\(s.word(g.area.rawValue))] \(text) · \(s.word(g.status.rawValue))", g.status == .open && !hidden(g.id) ? .normal : .dim)
            }
            heading(.efforts, .sEfforts, count: plan.efforts.count)
            // Efforts under their goal; those without one last.
            let groups = plan.goals.map { Optional($0.id) } + [nil]
            for goal in groups {
                let efforts = plan.efforts.filter { $0.goal == goal || (goal == nil && $0.goal.map { g in !plan.goals.contains { $0.id == g } } ?? false) }
                guard !efforts.isEmpty else { continue }
                let title = goal.flatMap { id in plan.goals.first { $0.id == id }.map { $0.text } } ?? s.p(.withoutGoal)
                label(.efforts, title + ":")
                for e in efforts {
                    let period = "\(s.date(e.start))–\(e.end.map(s.date) ?? "")"
                    let content = hidden(e.id) ? s.p(.hidden) : "\(e.title) · \(e.legalBasis) · \(e.provider)"
                    let done = e.status == .ended || e.status == .cancelled
                    item(.efforts, e.id, "  [\(s.sector(e.sector))] \(content) · \(period) · \(s.word(e.status.rawValue))",
                         hidden(e.id) || done ? .dim : .normal)
                }
            }
            heading(.decisions, .sDecisions, count: plan.decisions.count)
            for d in plan.decisions {
                let runs = d.appealRuns(on: today)
                let text = hidden(d.id) ? s.p(.hidden) : d.text
                let marks = (d.annulled.map { " · \(s.p(.annulledOn)) \(s.date($0))" } ?? "") + (d.corrected.map { " · \(s.p(.correctedOn)) \(s.date($0))" } ?? "")
                item(.decisions, d.id, "[\(d.legalArea.rawValue) · \(s.sector(d.sector))] \(s.date(d.date)) \(text)" + marks
                     + (runs ? " · \(s.p(.appealUntil)) \(s.date(d.appealDeadline))" : ""), runs ? .alert : hidden(d.id) || d.annulled != nil ? .dim : .normal)
            }
            heading(.followUps, .sFollowUps, count: plan.followUps.count)
            for f in plan.followUps.sorted(by: { ($0.done != nil ? 1 : 0, $0.due) < ($1.done != nil ? 1 : 0, $1.due) }) {
                if let done = f.done {
                    item(.followUps, f.id, "\(f.subject ?? s.p(.followUpWord)) · \(s.p(.due)) \(s.date(f.due)) · \(s.p(.done)) \(s.date(done)) · \(s.word(f.result?.rawValue ?? ""))", .dim)
                } else {
                    let overdue = f.isOverdue(on: today)
                    item(.followUps, f.id, "\(f.subject ?? s.p(.followUpWord)) · \(s.p(.due)) \(s.date(f.due))" + (overdue ? " · \(s.p(.overdue))" : ""), overdue ? .alert : .normal)
                }
            }
            let domains = Dictionary(grouping: plan.assessments, by: \.domain)
            let withheldScores = detail.withheld.filter { $0.kind == .assessment }
            heading(.assessments, .sAssessments, count: domains.count)
            for sector in Set(withheldScores.map(\.sector)).sorted() {
                let n = withheldScores.filter { $0.sector == sector }.count
                label(.assessments, "\(n) \(s.p(.scoresNotShared)) (\(s.sector(sector)))")
            }
            for domain in domains.keys.sorted() {
                let scores = domains[domain]!.sorted { $0.date < $1.date }
                let trend = scores.map(\.score).map(PlanScreen.spark).joined()
                let last = scores.last!
                item(.assessments, "a:" + domain, "\(domain): \(trend) \(scores.map { $0.score == 9 ? "–" : String($0.score) }.joined(separator: "→")) (\(s.date(last.date)))")
            }
            heading(.referrals, .sReferrals, count: plan.referrals.count)
            for r in plan.referrals {
                let text = hidden(r.id) ? s.p(.hidden) : r.text
                let open = r.status == .requested
                item(.referrals, r.id, "\(s.sector(r.from)) → \(s.sector(r.to)) · \(s.date(r.date)) · \(s.word(r.status.rawValue)) · \(text)",
                     open ? .alert : r.status == .accepted ? .normal : .dim)
            }
        }
        outcomeRows(s, heading: { titled($0, $1, count: $2) }, item: { item($0, $1, $2, $3) }, label: label)
        heading(.consents, .sConsents, count: citizen.consents.count)
        for c in citizen.consents {
            let active = c.isActive(on: today)
            item(.consents, c.id, "\(c.sectors.map(s.sector).joined(separator: " + ")) · \(s.date(c.given))" + (c.withdrawn.map { " – \(s.date($0))" } ?? ""),
                 active ? .normal : .dim)
        }
        heading(.household, .sHousehold, count: citizen.household.count)
        for (i, m) in citizen.household.enumerated() {
            item(.household, "h\(i + 1)", "\(s.word(m.relation.rawValue)): \(m.name)" + (m.citizen.map { " (\($0))" } ?? ""))
        }
        return out
    }

    /// FSIII's 0 (no limitation) … 4 (total) as bar heights; 9 (not relevant) as a dot.
    static func spark(_ score: Int) -> String {
        let bars = ["▁", "▃", "▄", "▆", "█"]
        return (0...4).contains(score) ? bars[score] : "·"
    }

    // MARK: what a key does to the selection

    /// `n`: the form that adds to the selected section.
    func newPurpose(in rows: [Row]) -> PlanForm.Purpose? {
        guard let row = selected(in: rows) else { return nil }
        if citizen.plan == nil && ![.consents, .household, .outcomes, .ownAssessments].contains(row.section) { return .overall }
        switch row.section {
        case .overall: return .overall
        case .goals: return .newGoal
        case .efforts: return .newEffort
        case .decisions: return .decision
        case .followUps: return .followUp
        case .assessments: return .assessment
        case .referrals: return .referral
        case .consents: return .consent
        case .household: return .household
        case .outcomes: return .outcome
        case .ownAssessments: return .ownAssessment
        }
    }

    /// Enter on an item: edit it, complete it, answer it.
    func editPurpose(in rows: [Row]) -> PlanForm.Purpose? {
        guard let row = selected(in: rows), let id = row.item else { return nil }
        switch row.section {
        case .overall: return .overall
        case .goals: return .editGoal(id)
        case .efforts: return .editEffort(id)
        case .followUps: return .completeFollowUp(id)
        case .referrals: return .answerReferral(id)
        case .consents: return .withdrawConsent(id)
        case .assessments: return .assessment
        case .outcomes: return .outcome
        case .ownAssessments: return .ownAssessment
        case .decisions: return .editDecision(id)
        case .household: return nil
        }
    }

}
