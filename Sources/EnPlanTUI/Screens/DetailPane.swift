import EnPlanDomain

/// One citizen in full, as the domain let this user see it (consent filtering and the CPR rule
/// are applied before it gets here). A list of lines, scrolled.
public struct DetailPane: Sendable {
    public let detail: CitizenDetail
    public var scroll = 0

    public init(detail: CitizenDetail) { self.detail = detail }

    func lines(strings s: Strings, today: Day, names: [String: String]) -> [(String, Role)] {
        let c = detail.citizen
        var out: [(String, Role)] = []
        func add(_ text: String, _ role: Role = .normal) { out.append((text, role)) }
        func name(_ id: String) -> String { names[id].map { "\($0) (\(id))" } ?? id }
        add(c.name, .header)
        add("CPR \(detail.cpr) · \(detail.age) \(s.t(.yearsOld)) · \(s.targetGroup(detail.targetGroup))")
        add("\(s.t(.detailResponsible)): \(name(c.responsible))")
        if let cp = c.contactPerson { add("\(s.t(.detailContactPerson)): \(cp)") }
        add(c.sectors.map(s.sector).joined(separator: ", "), .dim)
        for consent in c.consents {
            let state = consent.withdrawn.map { " – \(s.date($0))" } ?? ""
            add("\(s.t(.detailConsent)) \(consent.id): \(consent.sectors.map(s.sector).joined(separator: " + ")) (\(s.date(consent.given))\(state))",
                consent.isActive(on: today) ? .normal : .dim)
        }
        for m in c.household { add("\(s.t(.detailHousehold)): \(m.name) (\(m.relation.rawValue))") }
        add("")
        guard let plan = c.plan else { add(s.t(.detailNoPlan), .dim); return out + meetingLines(s) }
        add("\(s.t(.detailPlan)): \(s.overallGoal(plan.overallGoal)) (\(s.date(plan.created)))", .header)
        if !plan.ownWords.isEmpty { add("\(s.t(.detailOwnWords)): “\(plan.ownWords)”") }
        if !plan.goals.isEmpty { add(s.t(.detailGoals), .header) }
        for g in plan.goals { add("  \(g.id) [\(g.area.rawValue)] \(g.text) (\(g.status.rawValue))") }
        if !plan.efforts.isEmpty { add(s.t(.detailEfforts), .header) }
        for e in plan.efforts {
            let content = detail.hidden.contains(e.id) ? s.t(.detailHidden) : "\(e.title) · \(e.legalBasis) · \(e.provider)"
            add("  \(e.id) [\(s.sector(e.sector))] \(content) · \(s.date(e.start))–\(e.end.map(s.date) ?? "") · \(e.status.rawValue)",
                detail.hidden.contains(e.id) ? .dim : .normal)
        }
        if !plan.decisions.isEmpty { add(s.t(.detailDecisions), .header) }
        for d in plan.decisions {
            let running = d.appealDeadline >= today
            add("  \(d.id) [\(d.legalArea.rawValue)] \(s.date(d.date)) \(d.text)\(running ? " · \(s.t(.detailAppealRuns)) \(s.date(d.appealDeadline))" : "")",
                running ? .alert : .normal)
        }
        if !plan.followUps.isEmpty { add(s.t(.detailFollowUps), .header) }
        for f in plan.followUps {
            if let done = f.done {
                add("  \(f.id) \(s.date(f.due)) ✓ \(s.date(done)) \(f.result?.rawValue ?? "")", .dim)
            } else {
                add("  \(f.id) \(s.date(f.due))\(f.isOverdue(on: today) ? " " + s.t(.detailOverdue) : "")", f.isOverdue(on: today) ? .alert : .normal)
            }
        }
        return out + meetingLines(s) + ["\(s.t(.detailContacts)): \(c.contacts.count)"].map { ($0, Role.dim) }
    }

    private func meetingLines(_ s: Strings) -> [(String, Role)] {
        guard !detail.meetings.isEmpty else { return [] }
        return [(s.t(.detailMeetings), .header)] + detail.meetings.map { m in
            ("  \(s.time(m.start)) \(m.type.rawValue) · \(m.room ?? "") · \(m.status.rawValue)", m.status == .planned ? .normal : .dim)
        }
    }

    mutating func render(into canvas: inout Canvas, row: Int, col: Int, height: Int, width: Int, strings: Strings, today: Day,
                         names: [String: String]) {
        let all = lines(strings: strings, today: today, names: names)
        scroll = max(0, min(scroll, max(0, all.count - height)))
        for r in 0..<height {
            canvas.put(String(repeating: " ", count: width), row: row + r, col: col, role: .normal, width: width)
            canvas.put("│", row: row + r, col: col, role: .frame)
            let i = scroll + r
            guard i < all.count else { continue }
            canvas.put(TextWidth.truncate(all[i].0, to: width - 2), row: row + r, col: col + 2, role: all[i].1, width: width - 2)
        }
        canvas.cursor = (row, col + 2)
    }
}
