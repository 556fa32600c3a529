import EnPlanDomain

/// The plan as a plain-language document for the citizen (`enplan plan export`, `x` on the plan
/// screen). It is made from what the exporting user may see, and leaves out what is internal:
/// no CPR number, no notes, no assessments, no referrals, and no content another sector's
/// consent does not cover (such an effort is only mentioned as existing). Each line is made one
/// terminal-safe line (`TerminalSafe.lines`): a stored text cannot drive a terminal or forge a line.
public enum PlanDocument {
    public enum Format: String, CaseIterable, Sendable { case text, markdown }

    public static func render(_ d: CitizenDetail, names: PlanScreen.Names, strings s: Strings, format: Format) -> String {
        let c = d.citizen
        let today = d.today
        var out: [String] = []
        func heading(_ text: String, level: Int) {
            if !out.isEmpty { out.append("") }
            switch format {
            case .markdown: out.append(String(repeating: "#", count: level) + " " + text)
            case .text:
                out.append(text)
                out.append(String(repeating: level == 1 ? "=" : "-", count: TextWidth.columns(text)))
            }
        }
        func bullet(_ text: String) { out.append((format == .markdown ? "- " : "  • ") + text) }
        func paragraph(_ text: String) { out.append(text) }

        heading("\(s.p(.docTitle)): \(c.name)", level: 1)
        paragraph(s.p(.docIntro))
        guard let plan = c.plan else {
            paragraph(s.p(.noPlan))
            return TerminalSafe.lines(out)
        }
        heading("\(s.p(.docGoal)): \(s.overallGoal(plan.overallGoal))", level: 2)
        if !plan.ownWords.isEmpty {
            paragraph("\(s.p(.docYourWords)):")
            paragraph(format == .markdown ? "> \(plan.ownWords)" : "  “\(plan.ownWords)”")
        }
        let goals = plan.goals.filter { $0.status != .dropped }
        if !goals.isEmpty {
            heading(s.p(.docGoals), level: 2)
            for g in goals { bullet("\(s.word(g.area.rawValue).capitalizedFirst): \(g.text)" + (g.status == .achieved ? " (\(s.word("achieved")))" : "")) }
        }
        let efforts = plan.efforts.filter { $0.status != .cancelled }
        let shared = efforts.filter { !d.hidden.contains($0.id) }
        if !efforts.isEmpty {
            heading(s.p(.docEfforts), level: 2)
            for e in shared {
                let period = "\(s.p(.docFrom)) \(s.date(e.start))" + (e.end.map { " \(s.p(.docUntil)) \(s.date($0))" } ?? " (\(s.p(.docOngoing)))")
                bullet("\(e.title), \(e.provider), \(period)" + (e.status == .ended ? " (\(s.word("ended")))" : ""))
            }
            if shared.count < efforts.count { paragraph("\(s.p(.docNotShared)): \(efforts.count - shared.count).") }
        }
        let decisions = plan.decisions.filter { !d.hidden.contains($0.id) }
        if !decisions.isEmpty {
            heading(s.p(.docDecisions), level: 2)
            for x in decisions {
                bullet("\(s.date(x.date)): \(x.text) (\(x.legalArea.rawValue))" + (x.appealRuns(on: today) ? ". \(s.p(.docAppeal)) \(s.date(x.appealDeadline))." : ""))
            }
        }
        // Follow-ups still to come, and apart from them those whose day has passed (the citizen
        // should know that one is owed, not read it as a date ahead).
        let open = plan.followUps.filter { $0.done == nil }.sorted { $0.due < $1.due }
        let late = open.filter { $0.due < today }, next = open.filter { $0.due >= today }
        if !next.isEmpty {
            heading(s.p(.docFollowUps), level: 2)
            for f in next { bullet(s.date(f.due)) }
        }
        if !late.isEmpty {
            heading(s.p(.docFollowUpsLate), level: 2)
            for f in late { bullet(s.date(f.due)) }
        }
        let meetings = d.meetings.filter { $0.status == .planned && $0.start.day >= today }
        if !meetings.isEmpty {
            heading(s.p(.docMeetings), level: 2)
            for m in meetings { bullet(s.time(m.start) + (m.room.map { ", \($0)" } ?? "")) }
        }
        heading(s.p(.docContact), level: 2)
        bullet("\(s.p(.responsible)): \(names.users[c.responsible] ?? c.responsible)")
        if let phone = names.phones[c.responsible] { bullet("\(s.p(.docPhone)): \(phone)") }
        if let email = names.emails[c.responsible] { bullet("\(s.p(.docEmail)): \(email)") }
        if let person = c.contactPerson { bullet("\(s.p(.contactPerson)): \(person)") }
        out.append("")
        paragraph(s.p(.docFooter))
        paragraph(s.date(today))
        return TerminalSafe.lines(out)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
