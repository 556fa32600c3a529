@_spi(Store) import EnPlanDomain

/// `enplan citizen show`: one citizen's case for the caseworker, as text or JSON.
///
/// Not the TUI's `PlanDocument`: that is the document for the citizen and leaves out, on purpose,
/// what this view is for: the full CPR number (for a user who works on the citizen), the ids of
/// goals, efforts, decisions and follow-ups that `followup done` and the others take, the
/// citizen's version for `--expect-version`, legal areas, appeal deadlines, consents, follow-up
/// results and overdue marks, and the counts of contacts and meetings.
enum CaseText {
    static func json(_ d: CitizenDetail) -> String {
        let c = d.citizen
        var w = JSONWriter()
        w.openObject()
        w.field("id", c.id); w.field("name", c.name); w.field("cpr", d.cpr); w.field("age", d.age); w.field("targetGroup", d.targetGroup)
        w.field("benefit", c.benefit); w.field("sectors", c.sectors); w.field("responsible", c.responsible)
        w.field("contactPerson", c.contactPerson); w.field("version", c.version)
        w.field("closed", d.closed)
        if !d.formerCPRs.isEmpty { w.field("formerCPRs", d.formerCPRs) }
        if !d.linked.isEmpty { w.field("linked", d.linked.map(\.id)) }
        w.key("consents"); w.raw(c.consents.map(\.fields).map(\.jsonBytes).joinedArray)
        w.key("household"); w.raw(c.household.map(\.fields).map(\.jsonBytes).joinedArray)
        if let plan = c.plan { w.key("plan"); plan.fields.encode(to: &w) }
        w.field("hidden", d.hidden)
        // What the viewer may not see, by kind and sector (Access's crossing rule).
        w.key("withheld"); w.openArray()
        for x in d.withheld { w.openObject(); w.field("kind", x.kind.rawValue); w.field("id", x.id); w.field("sector", x.sector.rawValue); w.closeObject() }
        w.closeArray()
        w.field("contacts", c.contacts.count)
        w.key("meetings"); w.raw(d.meetings.map(\.fields).map(\.jsonBytes).joinedArray)
        w.closeObject()
        return w.string + "\n"
    }

    static func text(_ d: CitizenDetail, today: Day) -> String {
        let c = d.citizen
        var out: [String] = []
        out.append("\(c.name)  \(d.cpr)  \(d.age) år/years (\(d.targetGroup.rawValue))  [\(c.id), version \(c.version)]")
        out.append("Responsible: \(c.responsible)   Sectors: \(c.sectors.map(\.rawValue).joined(separator: ", "))   Benefit: \(c.benefit ?? "-")")
        if let closed = d.closed { out.append("Case closed \(closed.iso) (enplan citizen reopen to record more)") }
        if !d.formerCPRs.isEmpty { out.append("Former CPR numbers: \(d.formerCPRs.joined(separator: ", "))") }
        for r in d.linked { out.append("Same person as \(r.id)" + (r.name.map { ": \($0) \(r.maskedCPR ?? "")" } ?? " (a registration you may not see)")) }
        if let cp = c.contactPerson { out.append("Contact person chosen by the citizen: \(cp)") }
        for s in c.consents {
            out.append("Consent \(s.id): \(s.sectors.map(\.rawValue).joined(separator: "+")) given \(s.given.iso)\(s.withdrawn.map { ", withdrawn \($0.iso)" } ?? "")")
        }
        let notShared = "(content not shared: no consent)"
        if let p = c.plan {
            out.append("Unified plan (\(p.overallGoal.rawValue) first), since \(p.created.iso): \(p.ownWords)")
            for g in p.goals { out.append("  goal \(g.id) [\(g.area.rawValue)] \(d.hidden.contains(g.id) ? notShared : g.text) (\(g.status.rawValue))") }
            for e in p.efforts {
                let content = d.hidden.contains(e.id) ? notShared : "\(e.title), \(e.legalBasis), \(e.provider)"
                out.append("  effort \(e.id) [\(e.sector.rawValue)] \(content) \(e.start.iso)–\(e.end?.iso ?? "") \(e.status.rawValue)")
            }
            for x in p.decisions {
                let text = d.hidden.contains(x.id) ? notShared : x.text
                out.append("  decision \(x.id) [\(x.legalArea.rawValue), \(x.sector.rawValue)] \(x.date.iso) \(text) (appeal by \(x.appealDeadline.iso))")
            }
            for f in p.followUps {
                let state = f.done.map { "done \($0.iso): \(f.result?.rawValue ?? "")" } ?? (f.isOverdue(on: today) ? "OVERDUE" : "due")
                out.append("  follow-up \(f.id) \(f.due.iso) \(state)")
            }
        } else {
            out.append("No unified plan yet.")
        }
        let withheld = d.withheld.filter { $0.id == nil }
        if !withheld.isEmpty {
            out.append("Not shared with your sector: " + withheld.map { "\($0.kind.rawValue) [\($0.sector.rawValue)]" }.joined(separator: ", "))
        }
        out.append("\(c.contacts.count) contacts, \(d.meetings.count) meetings")
        return TerminalSafe.lines(out)   // a line break in a stored text cannot start a line of its own
    }
}

extension Array where Element == [UInt8] {
    /// JSON values joined into one JSON array.
    var joinedArray: [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, v) in enumerated() { if i > 0 { out.append(UInt8(ascii: ",")) }; out += v }
        out.append(UInt8(ascii: "]"))
        return out
    }
}
