import EnPlanDomain

/// The colleagues (`:kolleger`): everyone who works here by name, unit, sector, target groups and
/// what they do, with phone and e-mail, to find the one to call. `/` searches as you type, folded
/// the Danish way (`soren` finds Søren, `tvaer` the cross-sector unit); the selected colleague's
/// unit path, leadership, mandates and what they do show below the list. Opened from a plan, the
/// people already working on that citizen come first (marked ●). Nobody types or reads an id.
public struct DirectoryScreen: Screen {
    public let citizen: String?
    /// Who was working on the citizen when the screen opened (one logged look); they stay first.
    let onCase: Set<String>
    public private(set) var query = ""
    public private(set) var entries: [DirectoryEntry] = []
    var typing = false
    var list = ScrollList()

    init(citizen: String?, context x: ScreenContext) throws {
        self.citizen = citizen
        entries = try x.service.directory(citizen: citizen, as: x.user.id)
        onCase = Set(entries.filter(\.onCitizen).map(\.id))
    }

    /// The directory for `query`, those on the case first (asked without the citizen: no new look).
    private func read(_ q: String, _ x: ScreenContext) -> [DirectoryEntry]? {
        guard let fresh = try? x.service.directory(search: q, as: x.user.id) else { return nil }
        return fresh.filter { onCase.contains($0.id) } + fresh.filter { !onCase.contains($0.id) }
    }

    public var route: Route { .directory(citizen: citizen) }
    /// The list's rows: the body less the search line, the header and four lines of detail.
    static func height(_ x: ScreenContext) -> Int { max(1, x.rows - 7) }

    public func keys(_ x: ScreenContext) -> [Binding] {
        typing ? KeyTable.whileTyping : KeyTable.directory + KeyTable.global
    }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        let height = Self.height(x)
        if key == .resize { list.clamp(count: entries.count, height: height); return .none }
        if typing {
            if let frame = KeyTable.frame(key) { return frame }
            switch key {
            case .enter, .escape, .up, .down: typing = false
            case .backspace: if query.isEmpty { typing = false } else { search(String(query.dropLast()), x) }
            case .char(let c): search(query + String(c), x)
            case .paste(let t): search(query + Key.pastedLine(t), x)
            default: break
            }
            return .none
        }
        switch KeyTable.pressed(key, in: keys(x), as: DirectoryAction.self) {
        case nil, .open?: break
        case .frame(let effect)?: return effect
        case .back?: return .back
        case .own(.search)?: typing = true
        case .move(let move)?: list.apply(move, count: entries.count, height: height)
        }
        return .none
    }

    /// The list for a new query (the domain folds and matches; no citizen's data in it).
    private mutating func search(_ q: String, _ x: ScreenContext) {
        query = q
        entries = read(q, x) ?? []
        list = ScrollList()
        list.clamp(count: entries.count, height: Self.height(x))
    }

    /// Read again after a change (a new colleague, a move, new contact details); not a new look at the citizen.
    public mutating func reload(_ changes: CaseService.Changes?, context x: ScreenContext) -> Effect {
        guard changes == nil || changes?.users == true else { return .none }
        entries = read(query, x) ?? entries
        list.clamp(count: entries.count, height: Self.height(x))
        return .none
    }

    public func status(_ x: ScreenContext) -> Status {
        let s = x.strings
        return Status("\(s.dir(.title)): \(entries.count) \(s.dir(entries.count == 1 ? .person : .people))"
                      + (onCase.isEmpty ? "" : " · ● \(s.dir(.onCase))"))
    }

    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        let s = x.strings, width = x.cols - 2
        let search = "\(s.dir(.search)): \(query)" + (typing ? "▏" : "") + (query.isEmpty && !typing ? s.dir(.searchHint) : "")
        canvas.put(TextWidth.truncate(search, to: width), row: 1, col: 1, role: typing ? .selected : .header)
        // Name, unit, sector and target groups, then phone and e-mail where they fit.
        let name = 24, unit = min(28, max(14, width / 4)), sector = 14, groups = 22
        func row(_ cells: [(String, Int)]) -> String { cells.map { TextWidth.fit($0.0, to: $0.1) }.joined(separator: " ") }
        let rest = max(0, width - name - unit - sector - groups - 4)
        canvas.put(TextWidth.truncate(row([(s.dir(.hName), name), (s.dir(.hUnit), unit), (s.dir(.hSector), sector), (s.dir(.hGroups), groups),
                                           (s.dir(.hContact), rest)]), to: width), row: 2, col: 1, role: .header)
        let height = Self.height(x)
        list.draw(into: &canvas, row: 3, col: 1, height: height, width: width, count: entries.count, empty: s.dir(.empty)) { i in
            let e = entries[i]
            let contact = [e.phone, e.email].compactMap { $0 }.joined(separator: "  ")
            return (row([((onCase.contains(e.id) ? "● " : "") + e.name, name), (e.unitName ?? s.dir(.noUnit), unit), (s.sector(e.sector), sector),
                         (e.targetGroups.map { s.dir(Self.word($0)) }.joined(separator: ", "), groups), (contact, rest)]), .normal)
        }
        guard entries.indices.contains(list.selected) else { return }
        let e = entries[list.selected], top = 3 + height
        var lines = ["\(e.name) · \(e.unitPath ?? s.dir(.noUnit))" + (e.leads.isEmpty ? "" : " · \(s.dir(.leads)) \(e.leads.joined(separator: ", "))")]
        lines.append("\(s.dir(.does)): \(e.does.isEmpty ? "–" : e.does)")
        lines.append("\(s.dir(.mandates)): " + (e.mandates.isEmpty ? "–" : e.mandates.map(\.rawValue).joined(separator: ", ")))
        lines.append([e.phone.map { "\(s.dir(.hPhone)) \($0)" }, e.email.map { "\(s.dir(.hEmail)) \($0)" }].compactMap { $0 }.joined(separator: " · "))
        let cursor = canvas.cursor
        for (n, line) in lines.enumerated() { _ = canvas.put(TextWidth.truncate(line, to: width), row: top + n, col: 1, role: n == 0 ? .header : .normal) }
        canvas.cursor = cursor
    }

    static func word(_ g: UnitTargetGroup) -> Strings.Dir {
        switch g {
        case .children: .children
        case .youth: .youth
        case .adults: .adults
        }
    }
}

/// The colleagues' own key (`KeyTable.directory`).
public enum DirectoryAction: ScreenAction { case search }

extension KeyTable {
    public static let directory: [Binding] = list([
        Binding(action: .own(OwnAction(DirectoryAction.search)), keys: [.char("/")], label: Strings.Dir.kSearch, help: Strings.Dir.hSearch, inBar: true),
    ])
}

extension Strings {
    public func dir(_ k: Dir) -> String { text(k) }

    /// The colleagues.
    public enum Dir: Localized {
        case title, person, people, onCase, search, searchHint, hName, hUnit, hSector, hGroups, hPhone, hEmail, hContact, empty, noUnit
        case leads, does, mandates, children, youth, adults, kSearch, hSearch, cDirectory

        public var pair: (da: String, en: String) {
            switch self {
            case .title: return ("Kolleger", "Colleagues")
            case .person: return ("person", "person")
            case .people: return ("personer", "people")
            case .onCase: return ("arbejder allerede med borgeren", "already working on the citizen")
            case .search: return ("Søg", "Search")
            case .searchHint: return ("(/ søger i navn, enhed, fagområde, målgruppe og opgaver)", "(/ searches names, units, sectors, target groups and duties)")
            case .hName: return ("Navn", "Name")
            case .hUnit: return ("Enhed", "Unit")
            case .hSector: return ("Fagområde", "Sector")
            case .hGroups: return ("Målgrupper", "Target groups")
            case .hPhone: return ("Telefon", "Phone")
            case .hEmail: return ("E-mail", "E-mail")
            case .hContact: return ("Telefon og e-mail", "Phone and e-mail")
            case .empty: return ("Ingen kolleger passer på søgningen.", "No colleague matches the search.")
            case .noUnit: return ("(ingen enhed)", "(no unit)")
            case .leads: return ("leder", "leads")
            case .does: return ("Opgaver", "Duties")
            case .mandates: return ("Kompetence til afgørelser efter", "May decide under")
            case .children: return ("børn", "children")
            case .youth: return ("unge 15-29", "youth 15-29")
            case .adults: return ("voksne", "adults")
            case .kSearch: return ("Søg", "Search")
            case .hSearch: return ("Søg efter kolleger: navn, enhed, fagområde, målgruppe eller opgaver (soren finder Søren)",
                                   "Search colleagues: name, unit, sector, target group or duties (soren finds Søren)")
            case .cDirectory: return ("Kolleger: hvem gør hvad, og hvordan de fanges", "Colleagues: who does what, and how to reach them")
            }
        }
    }
}
