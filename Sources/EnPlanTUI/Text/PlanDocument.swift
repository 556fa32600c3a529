import EnPlanDomain

/// The plan as a plain-language document for the citizen (`enplan plan export`, `x` on the plan
/// screen). It is made from what the exporting user may see, and leaves out what is internal:
/// no CPR number, no notes, no assessments, no referrals, and no content another sector's
/// consent does not cover (such an effort is only mentioned as existing). Each line is made one
/// terminal-safe line (`DocumentText`): a stored text cannot drive a terminal or forge a line.
public enum PlanDocument {
    public enum Format: String, CaseIterable, Sendable { case text, markdown }

    /// What the municipality's settings give the document: its name for the letterhead and the
    /// appeal guidance, and the rooms' addresses for the meetings.
    public struct Letterhead: Sendable, Equatable {
        public var municipality: String?
        public var roomAddresses: [String: String]
        public init(municipality: String? = nil, roomAddresses: [String: String] = [:]) {
            self.municipality = municipality; self.roomAddresses = roomAddresses
        }
    }

    /// The width a line is wrapped to: an A4 page in a 10-point monospaced font (what `lp`'s text
    /// filter prints) holds 80 columns; the paper copy and the screen copy are the same text.
    public static let lineWidth = 78

    public static func render(_ d: CitizenDetail, names: PlanScreen.Names, strings s: Strings, format: Format,
                              letterhead: Letterhead = Letterhead()) -> String {
        document(d, names: names, strings: s, format: format, letterhead: letterhead).text
    }

    /// The document with its shape for paper (`PrintLayout`): each heading starts a section, and
    /// each decision with its appeal guidance is one block.
    public static func document(_ d: CitizenDetail, names: PlanScreen.Names, strings s: Strings, format: Format,
                                letterhead: Letterhead = Letterhead()) -> DocumentText {
        let c = d.citizen
        let today = d.today
        var out = DocumentText()
        func heading(_ text: String, level: Int) {
            if !out.lines.isEmpty { out.append("") }
            switch format {
            case .markdown: out.heading([String(repeating: "#", count: level) + " " + text])
            case .text:
                out.heading([text, String(repeating: level == 1 ? "=" : "-", count: min(lineWidth, TextWidth.columns(text)))])
            }
        }
        // Wrapped to the page's width; a bullet's later lines under its text.
        func bullet(_ text: String) {
            let mark = format == .markdown ? "- " : "  • "
            let lines = TextWidth.wrap(text, to: lineWidth - TextWidth.columns(mark))
            for (i, l) in lines.enumerated() { out.append((i == 0 ? mark : String(repeating: " ", count: TextWidth.columns(mark))) + l) }
        }
        // Wrapped to the page's width, each line after `prefix` (spaces, or Markdown's "> "): a line
        // break in a stored text starts a line of the paragraph, never one of its own at the margin.
        func paragraph(_ text: String, indent: Int = 0, prefix: String? = nil) {
            let pad = prefix ?? String(repeating: " ", count: indent)
            for l in TextWidth.wrap(text, to: lineWidth - TextWidth.columns(pad)) { out.append(pad + l) }
        }
        let municipality = letterhead.municipality

        if let municipality { paragraph(municipality) }
        heading("\(s.p(.docTitle)): \(c.name)", level: 1)
        paragraph(s.p(.docIntro))
        guard let plan = c.plan else {
            paragraph(s.p(.noPlan))
            return out
        }
        heading(s.p(.docGoal), level: 2)
        // In words, not the plan's jargon ("beskæftigelse først").
        paragraph(s.pick(plan.overallGoal == .employment ? "Målet er, at du kommer i arbejde." : "Målet er, at du kommer i gang med en uddannelse.",
                         plan.overallGoal == .employment ? "The goal is that you get a job." : "The goal is that you start an education."))
        if !plan.ownWords.isEmpty {
            paragraph("\(s.p(.docYourWords)):")
            if format == .markdown { paragraph(plan.ownWords, prefix: "> ") } else { paragraph("“\(plan.ownWords)”", indent: 2) }
        }
        // Only what the viewer may see, and nothing empty in its place.
        let goals = plan.goals.filter { $0.status != .dropped && !d.hidden.contains($0.id) && !$0.text.isEmpty }
        if !goals.isEmpty {
            heading(s.p(.docGoals), level: 2)
            for g in goals { bullet("\(s.word(g.area.rawValue).capitalizedFirst): \(g.text)" + (g.status == .achieved ? " (\(s.word("achieved")))" : "")) }
        }
        let efforts = plan.efforts.filter { $0.status != .cancelled }
        let shared = efforts.filter { !d.hidden.contains($0.id) }
        if !efforts.isEmpty {
            heading(s.p(.docEfforts), level: 2)
            for e in shared {
                let period = "\(s.p(.docFrom)) \(s.date(e.start))" + (e.end.map { " \(s.p(.docUntil)) \(s.date($0))" } ?? " " + s.pick("og indtil videre", "and until further notice"))
                bullet("\(e.title), " + s.pick("hos", "with") + " \(e.provider), \(period)" + (e.status == .ended ? " (\(s.word("ended")))" : ""))
            }
            if shared.count < efforts.count { paragraph("\(s.p(.docNotShared)): \(efforts.count - shared.count).") }
        }
        let decisions = plan.decisions.filter { !d.hidden.contains($0.id) }
        if !decisions.isEmpty {
            heading(s.p(.docDecisions), level: 2)
            for x in decisions {
                // The decision and its appeal guidance on one page (when they fit on one).
                let start = out.lines.count
                defer { out.keepTogether(from: start) }
                bullet("\(s.date(x.date)): \(x.text) (" + s.pick("efter", "under") + " \(lawName(x.legalArea, s)))"
                       + (x.annulled.map { s.pick(". Afgørelsen er annulleret \(s.longDate($0)).", ". The decision was annulled on \(s.longDate($0)).") } ?? ""))
                // Appeal guidance (forvaltningsloven § 25): that, to whom, how, and by when.
                if x.appealRuns(on: today) {
                    let to = municipality ?? s.pick("kommunen", "the municipality")
                    paragraph(s.pick("Du kan klage over afgørelsen. Send klagen til \(to), gerne til din sagsbehandler. Kommunen ser på sagen igen, "
                                     + "og giver den dig ikke ret, sender den klagen videre til Ankestyrelsen. Du kan klage skriftligt, fx med "
                                     + "Digital Post, eller mundtligt ved at ringe til din sagsbehandler. Klagen skal være modtaget senest "
                                     + "\(s.longDate(x.appealDeadline)).",
                                     "You can appeal against the decision. Send the appeal to \(to), preferably to your caseworker. The municipality "
                                     + "looks at the case again, and if it does not agree with you, it sends the appeal on to the National Social "
                                     + "Appeals Board (Ankestyrelsen). You can appeal in writing, e.g. by Digital Post, or orally by calling your "
                                     + "caseworker. The appeal must be received no later than \(s.longDate(x.appealDeadline))."),
                              indent: format == .markdown ? 2 : 4)
                }
            }
        }
        // Follow-ups still to come, and apart from them those whose day has passed (the citizen
        // should know that one is owed, not read it as a date ahead).
        let open = plan.followUps.filter { $0.done == nil }.sorted { $0.due < $1.due }
        let late = open.filter { $0.due < today }, next = open.filter { $0.due >= today }
        if !next.isEmpty {
            heading(s.p(.docFollowUps), level: 2)
            for f in next {
                bullet((f.subject.map { $0 + ": " } ?? "") + s.pick("Vi ser på planen sammen med dig", "We look at the plan with you") + " \(s.longDate(f.due))")
            }
        }
        if !late.isEmpty {
            heading(s.p(.docFollowUpsLate), level: 2)
            for f in late { bullet((f.subject.map { $0 + ": " } ?? "") + s.date(f.due)) }
        }
        let meetings = d.meetings.filter { $0.status == .planned && $0.start.day >= today && !$0.busy }
        if !meetings.isEmpty {
            heading(s.p(.docMeetings), level: 2)
            for m in meetings {
                let end = m.end
                var line = "\(ICalendar.typeName(m.type)) \(s.longDate(m.start.day)) "
                    + s.pick("kl.", "at") + " \(Day.pad(m.start.minuteOfDay / 60, 2)):\(Day.pad(m.start.minuteOfDay % 60, 2))-\(Day.pad(end.minuteOfDay / 60, 2)):\(Day.pad(end.minuteOfDay % 60, 2))"
                if let room = m.room { line += ", \(room)" + (letterhead.roomAddresses[room].map { " (\($0))" } ?? "") }
                let people = m.participants.map { names.users[$0] ?? $0 }
                    + m.guests.map { g in g.organisation.map { "\(g.name) (\($0))" } ?? g.name }
                if !people.isEmpty { line += ". " + s.pick("Med", "With") + ": " + listed(people, s) }
                bullet(line + ".")
            }
        }
        heading(s.p(.docContact), level: 2)
        bullet("\(s.p(.responsible)): \(names.users[c.responsible] ?? c.responsible)")
        if let phone = names.phones[c.responsible] { bullet("\(s.p(.docPhone)): \(phone)") }
        if let email = names.emails[c.responsible] { bullet("\(s.p(.docEmail)): \(email)") }
        if let person = c.contactPerson { bullet("\(s.p(.contactPerson)): \(person)") }
        out.endSection()
        out.append("")
        paragraph(s.p(.docFooter))
        paragraph(s.date(today))
        return out
    }

    /// A law by its name, as a citizen reads it (not "LAB").
    static func lawName(_ area: LegalArea, _ s: Strings) -> String {
        switch area {
        case .lab: return s.pick("lov om en aktiv beskæftigelsesindsats", "the Active Employment Act")
        case .sel: return s.pick("serviceloven", "the Social Services Act")
        case .barnetsLov: return s.pick("barnets lov", "the Children's Act")
        case .sul: return s.pick("sundhedsloven", "the Health Act")
        case .las: return s.pick("lov om aktiv socialpolitik", "the Active Social Policy Act")
        }
    }

    /// "a, b og c".
    static func listed(_ items: [String], _ s: Strings) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + s.pick("og", "and") + " " + items.last!
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
