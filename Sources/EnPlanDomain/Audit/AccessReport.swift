/// The citizen's access report (indsigt i logning): every look at the citizen in plain Danish —
/// when, which sector and role, for what (the screen, a search, the stated reason). Whether staff
/// are named or only their unit is the municipality's setting (`audit-report-names`): the
/// employee's identity is disclosed only where the citizen needs it (Datatilsynet 2024-32-0283).
/// The same text for `enplan audit report` and the audit screen.
public struct AccessReport: Sendable {
    public enum Format: String, CaseIterable, Sendable { case text, markdown }

    public let citizen: String
    public let name: String
    public let from: Day?
    public let to: Day?
    /// The looks, oldest first (refused ones included).
    public let looks: [AuditRecord]
    public let staff: [String: User]
    public let made: Timestamp

    public init(citizen: String, name: String, from: Day?, to: Day?, looks: [AuditRecord], staff: [String: User], made: Timestamp) {
        self.citizen = citizen; self.name = name; self.from = from; self.to = to
        self.looks = looks.sorted { $0.seq < $1.seq }; self.staff = staff; self.made = made
    }

    /// One look in words: when, who (a name or a unit), what for, and the stated reason.
    public struct Line: Equatable, Sendable {
        public let when: String
        public let who: String
        public let what: String
        public let reason: String?
    }

    public func lines(names: Bool) -> [Line] {
        looks.map { r in
            Line(when: Self.time(r.at), who: who(r.user, names: names), what: Self.what(r), reason: r.reason)
        }
    }

    public func render(names: Bool, format: Format) -> String { document(names: names, format: format).text }

    /// The report as a document: its title a heading (never alone at the foot of a page), and the
    /// total kept on the page of the last look.
    public func document(names: Bool, format: Format) -> DocumentText {
        let period = from == nil && to == nil ? "hele perioden" : "\(from.map(Self.day) ?? "begyndelsen") – \(to.map(Self.day) ?? Self.day(made.local.day))"
        let ls = lines(names: names)
        let total = ls.count == 1 ? "I alt 1 opslag." : "I alt \(ls.count) opslag."
        var out = DocumentText()
        switch format {
        case .text:
            out.heading(["Opslag i dine oplysninger: \(name)"])
            out.append("Periode: \(period). Udskrevet \(Self.time(made)).")
            out.append("")
            if ls.isEmpty { out.append("Ingen har set dine oplysninger i perioden.") }
            for l in ls { out.append("\(l.when) · \(l.who) · \(l.what)" + (l.reason.map { " · begrundelse: \"\($0)\"" } ?? "")) }
        case .markdown:
            out.heading(["# Opslag i dine oplysninger: \(Self.cell(name))"])
            out.append("")
            out.append("Periode: \(period). Udskrevet \(Self.time(made)).")
            out.append("")
            if ls.isEmpty { out.append("Ingen har set dine oplysninger i perioden.") } else {
                out.append("| Tidspunkt | Hvem | Hvad | Begrundelse |"); out.append("|---|---|---|---|")
                for l in ls { out.append("| \(l.when) | \(Self.cell(l.who)) | \(Self.cell(l.what)) | \(Self.cell(l.reason ?? "")) |") }
            }
        }
        let last = out.lines.count - 1
        out.endSection()
        out.append("")
        out.append(total)
        out.keepTogether(from: last)
        return out
    }

    func who(_ id: String, names: Bool) -> String {
        guard let u = staff[id] else { return "en ukendt bruger" }
        let unit = "\(Self.role(u.role)) i \(Self.sector(u.sector))"
        return names ? "\(u.name), \(unit)" : unit.prefix(1).uppercased() + unit.dropFirst()
    }

    static func what(_ r: AuditRecord) -> String {
        if r.kind == .lookupRefused { return "forsøgte at se dine oplysninger, men fik afslag" }
        switch r.what ?? "" {
        case "detail", "plan": return "så din plan"
        case "search": return "fandt dig ved en søgning og så din plan"
        case "journey": return "så dit forløb"
        case "log": return "læste hændelserne i din sag"
        case "meetings": return "så dine møder"
        case "export", ExportKind.planDocument.rawValue: return "udskrev din plan"
        case ExportKind.calendarFile.rawValue: return "gemte møder om dig i en kalenderfil"
        case ExportKind.planPrinted.rawValue: return "udskrev din plan på papir"
        case ExportKind.accessReport.rawValue: return "lavede denne oversigt over opslag til dig"
        case let other: return "så dine oplysninger (\(other))"
        }
    }

    static func sector(_ s: Sector) -> String {
        switch s {
        case .employment: "beskæftigelse"
        case .social: "socialområdet"
        case .health: "sundhed"
        case .family: "familieområdet"
        case .misuse: "misbrugsbehandlingen"
        }
    }

    static func role(_ r: Role) -> String {
        switch r {
        case .caseworker: "sagsbehandler"
        case .supervisor: "leder"
        case .admin: "administrator"
        }
    }

    static func day(_ d: Day) -> String {
        let (y, m, dd) = d.components
        return Day.pad(dd, 2) + "-" + Day.pad(m, 2) + "-" + Day.pad(y, 4)
    }

    static func time(_ t: Timestamp) -> String {
        let l = t.local
        return day(l.day) + " kl. " + Day.pad(l.minuteOfDay / 60, 2) + "." + Day.pad(l.minuteOfDay % 60, 2)
    }

    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
}
