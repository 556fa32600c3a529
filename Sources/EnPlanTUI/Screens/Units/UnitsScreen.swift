import EnPlanDomain
import Foundation

/// The organisation's units (`:enheder`, issue 27): the tree indented, each unit with its target
/// groups, sectors, leaders by name, mandates (inherited ones in brackets) and the number of people
/// in it today; the selected unit's path, what it does and its people below the list.
///
/// An administrator changes it here as headless (`enplan unit add|set|move`): `n` a new unit under
/// the selected one, Enter changes the selected unit (the same form, filled in; its place in the
/// tree is a field, so a unit is moved here too), `p` places a person in the selected unit from a
/// day. Every change is one `Effect.write` of `.defineUnit` or `.placeUser`; the domain's refusals
/// are shown at the field they name. Everyone else reads the screen only (the keys are not there;
/// pressing one says why). Nobody types or reads an id: a new unit's id is made from its name.
public struct UnitsScreen: Screen {
    public private(set) var org: Organisation
    /// The units in tree order, each with its depth.
    var list: ItemList<(unit: OrgUnit, depth: Int)>
    public var units: [(unit: OrgUnit, depth: Int)] { list.items }
    public private(set) var form: Form?
    enum Editing: Equatable { case new, change(OrgUnit), place(unit: String) }
    var editing: Editing?

    init(context x: ScreenContext) {
        org = x.service.organisation
        list = ItemList(org.tree())
    }

    public var route: Route { .units }
    /// The list's rows: the body less the header and four lines about the selected unit.
    static func height(_ x: ScreenContext) -> Int { max(1, x.rows - 6) }

    static func isAdmin(_ x: ScreenContext) -> Bool { x.user.role == .admin && x.user.active }

    public func keys(_ x: ScreenContext) -> [Binding] {
        if form != nil { return KeyTable.form(for: form) + KeyTable.whileTyping }
        return (Self.isAdmin(x) ? KeyTable.units : KeyTable.unitsReadOnly) + KeyTable.global
    }

    var selected: OrgUnit? { list.selected?.unit }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        let s = x.strings
        if var f = form {
            if let frame = KeyTable.frame(key) { return frame }
            switch f.handle(key) {
            case .none: form = f
            case .cancel: form = nil; editing = nil
            case .save:
                guard f.validate(today: x.today, strings: s), let command = command(f, x) else { form = f; return .none }
                form = f
                return .write([command], expectedVersion: nil)
            }
            return .none
        }
        // Read-only for everyone but an administrator: the keys that change say so.
        if !Self.isAdmin(x), key == .char("n") || key == .char("p") || key == .enter {
            return .message(s.unit(.adminOnly), .error)
        }
        switch list.press(key, in: keys(x), height: Self.height(x), as: UnitsAction.self) {
        case .done(let effect): return effect
        case .open: break   // Enter is the administrator's "change"
        case .own(.newUnit, let selected):
            editing = .new
            form = unitForm(nil, parent: selected?.unit.id, x)
        case .own(.changeUnit, let selected):
            guard let u = selected?.unit else { return .message(s.unit(.noneSelected), .error) }
            editing = .change(u)
            form = unitForm(u, parent: u.parent, x)
        case .own(.placePerson, let selected):
            guard let u = selected?.unit else { return .message(s.unit(.noneSelected), .error) }
            editing = .place(unit: u.id)
            form = placeForm(u, x)
        }
        return .none
    }

    // MARK: The forms

    /// A unit's form: new (under `parent`) or the unit's own, filled in.
    func unitForm(_ u: OrgUnit?, parent: String?, _ x: ScreenContext) -> Form {
        let s = x.strings
        typealias F = Form.Field
        // Where it goes in the tree: the top, or any unit but itself and those below it.
        let below = u.map { org.subtree(of: $0.id) } ?? []
        let places = units.filter { !below.contains($0.unit.id) }
        let parentValues = [""] + places.map(\.unit.id)
        let parentShown = [s.unit(.top)] + places.map { org.path(of: $0.unit.id) }
        let supervisors = x.service.activeUsers.filter { $0.role == .supervisor || u?.leaders.contains($0.id) == true }
        let groups = UnitTargetGroup.allCases
        let fields: [F] = [
            F.text("name", s.unit(.fName), u?.name ?? ""),
            F.text("description", s.unit(.fDescription), u?.description ?? "", required: false),
            F.choice("parent", s.unit(.fParent), parentValues, shown: parentShown, parent ?? ""),
            F(key: "groups", label: s.unit(.fGroups), kind: .ticks(values: groups.map(\.rawValue), shown: groups.map { s.dir(DirectoryScreen.word($0)) },
                                                                   empty: "–"),
              value: (u?.targetGroups ?? []).map(\.rawValue).joined(separator: ",")),
            F(key: "sectors", label: s.unit(.fSectors), kind: .ticks(values: Sector.allCases.map(\.rawValue), shown: Sector.allCases.map(s.sector), empty: "–"),
              value: (u?.sectors ?? []).map(\.rawValue).joined(separator: ",")),
            F(key: "leaders", label: s.unit(.fLeaders), kind: .ticks(values: supervisors.map(\.id), shown: supervisors.map(\.name), empty: s.unit(.noSupervisors)),
              value: (u?.leaders ?? []).joined(separator: ",")),
            F.choice("inherit", s.unit(.fMandateKind), ["inherit", "own"], shown: [s.unit(.inherit), s.unit(.own)], u?.mandates == nil ? "inherit" : "own"),
            F(key: "mandates", label: s.unit(.fMandates), kind: .ticks(values: LegalArea.allCases.map(\.rawValue), shown: LegalArea.allCases.map(\.rawValue), empty: "–"),
              value: (u?.mandates ?? []).map(\.rawValue).joined(separator: ",")),
        ]
        let title = u.map { "\(s.unit(.changeTitle)): \($0.name)" }
            ?? (parent.flatMap { org.units[$0] }.map { "\(s.unit(.newTitle)) \(s.unit(.under)) \($0.name)" } ?? s.unit(.newTopTitle))
        var f = Form(title: title, fields: fields, hint: s.unit(.formHint))
        f.tickHint = s.unit(.tickHint)
        f.limit("name", as: .name, strings: s)
        f.limit("description", as: .description, strings: s)
        return f
    }

    /// Placing a person in `u` from a day: the person among the active users by name.
    func placeForm(_ u: OrgUnit, _ x: ScreenContext) -> Form {
        let s = x.strings
        let people = x.service.activeUsers.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        var f = Form(title: "\(s.unit(.placeTitle)) \(u.name)", fields: [
            Form.Field.choice("person", s.unit(.fPerson), people.map(\.id), shown: people.map(\.name)),
            Form.Field.date("from", s.unit(.fFrom), s.date(x.today)),
            Form.Field.text("does", s.unit(.fDoes), required: false),
        ], hint: s.unit(.placeHint))
        f.focus(on: "person")
        return f
    }

    /// The form's command (nil: nothing to write).
    func command(_ f: Form, _ x: ScreenContext) -> Command? {
        switch editing {
        case .new?:
            var u = OrgUnit(id: Self.newID(for: f.value("name"), taken: Set(org.units.keys)), name: f.value("name"))
            fill(&u, from: f)
            return .defineUnit(u, new: true)
        case .change(let old)?:
            var u = old
            u.name = f.value("name")
            fill(&u, from: f)
            return .defineUnit(u, new: false)
        case .place(let unit)?:
            guard let from = f.day("from", today: x.today) else { return nil }
            let does = f.value("does")
            return .placeUser(user: f.value("person"), unit: unit, from: from, does: does.isEmpty ? nil : does)
        case nil:
            return nil
        }
    }

    private func fill(_ u: inout OrgUnit, from f: Form) {
        u.description = f.value("description")
        u.parent = f.value("parent").isEmpty ? nil : f.value("parent")
        u.targetGroups = Form.ticked(f.value("groups")).compactMap(UnitTargetGroup.init(rawValue:))
        u.sectors = Form.ticked(f.value("sectors")).compactMap(Sector.init(rawValue:))
        u.leaders = Form.ticked(f.value("leaders"))
        u.mandates = f.value("inherit") == "inherit" ? nil : Form.ticked(f.value("mandates")).compactMap(LegalArea.init(rawValue:))
    }

    /// A new unit's id, from its name: folded to a-z and 0-9 (æ ae, ø oe, å aa, accents off), words
    /// joined by dashes, at most 28 characters, and made unique with "-2", "-3" …
    static func newID(for name: String, taken: Set<String>) -> String {
        var out = ""
        for ch in name.lowercased() {
            switch ch {
            case "æ", "ä": out += "ae"
            case "ø", "ö": out += "oe"
            case "å": out += "aa"
            default:
                let folded = String(ch).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                if folded.count == 1, let c = folded.unicodeScalars.first, c.isASCII, ("a"..."z").contains(Character(c)) || ("0"..."9").contains(Character(c)) {
                    out.append(Character(c))
                } else if !out.hasSuffix("-") {
                    out += "-"
                }
            }
        }
        var id = String(out.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(28))
        while id.hasSuffix("-") { id.removeLast() }
        if !(id.first.map { ("a"..."z").contains($0) } ?? false) { id = "enhed" + (id.isEmpty ? "" : "-" + id) }
        id = String(id.prefix(28))
        if id.count < 2 { id = "enhed" }
        guard taken.contains(id) else { return id }
        var n = 2
        while taken.contains("\(id)-\(n)") { n += 1 }
        return "\(id)-\(n)"
    }

    // MARK: Writes and reads

    public mutating func written(_ result: WriteResult, context x: ScreenContext) -> Effect {
        let s = x.strings
        guard var f = form, let editing else {
            if case .refused(let e) = result { return .message(s.refusal(e, names: x.names), .error) }
            return .none
        }
        switch result {
        case .saved:
            form = nil
            self.editing = nil
            reread(x)
            switch editing {
            case .place(let unit):
                let who = x.service.userNames[f.value("person")] ?? f.value("person")
                let from = f.day("from", today: x.today).map(s.date) ?? ""
                return .message("\(who) \(s.unit(.placedIn)) \(org.units[unit]?.name ?? "") \(s.unit(.from)) \(from)", .normal)
            case .new, .change:
                if let i = units.firstIndex(where: { $0.unit.name == f.value("name") }) { list.select(i, height: Self.height(x)) }
                return .message("\(s.unit(.saved)): \(f.value("name"))", .normal)
            }
        case .refused(let e):
            let fields: [RefusalField: String]
            if case .place = editing {
                fields = [.user: "person", .start: "from", .date: "from", .textOf(.description): "does"]
            } else {
                fields = [.name: "name", .textOf(.name): "name", .textOf(.description): "description", .user: "leaders"]
            }
            f.show(refusal: e, strings: s, names: x.names, fields: fields)
            form = f
            return .none
        }
    }

    private mutating func reread(_ x: ScreenContext) {
        let keep = selected?.id
        org = x.service.organisation
        list.set(org.tree(), height: Self.height(x))
        if let keep, let i = units.firstIndex(where: { $0.unit.id == keep }) { list.select(i, height: Self.height(x)) }
    }

    /// The organisation is read again after any change (it lives in the projection: no look at a citizen).
    public mutating func reload(_ changes: CaseService.Changes?, context x: ScreenContext) -> Effect {
        reread(x)
        return .none
    }

    public func status(_ x: ScreenContext) -> Status {
        let s = x.strings
        return Status("\(s.unit(.title)): \(units.count) \(s.unit(units.count == 1 ? .one : .many))" + (Self.isAdmin(x) ? "" : " · \(s.unit(.readOnly))"))
    }

    /// A unit's mandates: its own, "ingen" for none, the inherited ones in brackets.
    func mandates(_ u: OrgUnit, _ s: Strings) -> String {
        if let own = u.mandates { return own.isEmpty ? s.unit(.noMandates) : own.map(\.rawValue).joined(separator: ", ") }
        let inherited = org.mandates(of: u.id)
        return inherited.isEmpty ? "–" : "(" + inherited.map(\.rawValue).joined(separator: ", ") + ")"
    }

    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        let s = x.strings, width = x.cols - 2, today = x.today
        if let form { form.render(into: &canvas, top: 1, left: 2, width: x.cols - 4, strings: s); return }
        let names = x.staffNames
        let name = min(40, max(20, width / 4)), groups = 22, sectors = 28, leaders = 24, mandates = 16
        let people = max(0, width - name - groups - sectors - leaders - mandates - 5)
        func row(_ cells: [(String, Int)]) -> String { cells.map { TextWidth.fit($0.0, to: $0.1) }.joined(separator: " ") }
        let header = row([(s.unit(.hUnit), name), (s.dir(.hGroups), groups), (s.unit(.hSectors), sectors), (s.unit(.hLeaders), leaders),
                          (s.unit(.hMandates), mandates), (s.unit(.hPeople), people)])
        let height = Self.height(x)
        list.draw(into: &canvas, header: TextWidth.truncate(header, to: width), row: 1, height: height, width: width,
                  empty: s.unit(Self.isAdmin(x) ? .emptyAdmin : .empty)) { item in
            let (u, depth) = item
            return (row([(String(repeating: "  ", count: depth) + u.name, name),
                         (u.targetGroups.map { s.dir(DirectoryScreen.word($0)) }.joined(separator: ", "), groups),
                         (u.sectors.map(s.sector).joined(separator: ", "), sectors),
                         (u.leaders.map { names[$0] ?? $0 }.joined(separator: ", "), leaders),
                         (self.mandates(u, s), mandates),
                         (String(org.members(of: [u.id], on: today).count), people)]), .normal)
        }
        guard let u = selected else { return }
        let members = org.members(of: [u.id], on: today).map { names[$0] ?? $0 }.sorted()
        let lines = [
            org.path(of: u.id),
            "\(s.dir(.does)): \(u.description.isEmpty ? "–" : u.description)",
            "\(s.dir(.mandates)): \(self.mandates(u, s))" + (u.mandates == nil && !org.mandates(of: u.id).isEmpty ? " \(s.unit(.inherited))" : ""),
            "\(s.unit(.peopleToday)): " + (members.isEmpty ? "–" : members.joined(separator: ", ")),
        ]
        let cursor = canvas.cursor, top = 2 + height
        for (n, line) in lines.enumerated() { _ = canvas.put(TextWidth.truncate(line, to: width), row: top + n, col: 1, role: n == 0 ? .header : .normal) }
        canvas.cursor = cursor
    }
}

/// The administrator's keys on the units (`KeyTable.units`).
public enum UnitsAction: ScreenAction { case newUnit, changeUnit, placePerson }

extension Action {
    static func units(_ a: UnitsAction) -> Action { .own(OwnAction(a)) }
}

extension KeyTable {
    /// The administrator's: new, change, place.
    public static let units: [Binding] = list([
        Binding(action: .units(.newUnit), keys: [.char("n")], label: Strings.Units.kNew, help: Strings.Units.hNew, inBar: true),
        Binding(action: .units(.changeUnit), keys: [.enter], label: Strings.Units.kChange, help: Strings.Units.hChange, inBar: true),
        Binding(action: .units(.placePerson), keys: [.char("p")], label: Strings.Units.kPlace, help: Strings.Units.hPlace, inBar: true),
    ])

    /// Everyone else's: reading only.
    public static let unitsReadOnly: [Binding] = list([])
}

extension Strings {
    public func unit(_ k: Units) -> String { text(k) }

    /// The organisation's units.
    public enum Units: Localized {
        case title, one, many, readOnly, adminOnly, noneSelected, empty, emptyAdmin
        case hUnit, hSectors, hLeaders, hMandates, hPeople, peopleToday, inherited, noMandates
        case fName, fDescription, fParent, fGroups, fSectors, fLeaders, fMandateKind, fMandates, inherit, own, top, noSupervisors
        case newTitle, newTopTitle, under, changeTitle, placeTitle, fPerson, fFrom, fDoes, formHint, placeHint, tickHint
        case saved, placedIn, from
        case kNew, hNew, kChange, hChange, kPlace, hPlace, cUnits

        public var pair: (da: String, en: String) {
            switch self {
            case .title: return ("Enheder", "Units")
            case .one: return ("enhed", "unit")
            case .many: return ("enheder", "units")
            case .readOnly: return ("kun til at se (administratoren ændrer enhederne)", "read only (the administrator changes the units)")
            case .adminOnly: return ("Kun en administrator ændrer enhederne og placerer personer i dem", "Only an administrator changes the units and places people in them")
            case .noneSelected: return ("Vælg først en enhed", "Select a unit first")
            case .empty: return ("Ingen enheder endnu.", "No units yet.")
            case .emptyAdmin: return ("Ingen enheder endnu. n opretter den øverste (forvaltningen).", "No units yet. n adds the top one (the administration).")
            case .hUnit: return ("Enhed", "Unit")
            case .hSectors: return ("Fagområder", "Sectors")
            case .hLeaders: return ("Ledere", "Leaders")
            case .hMandates: return ("Kompetence", "Mandates")
            case .hPeople: return ("Personer", "People")
            case .peopleToday: return ("Personer i dag", "People today")
            case .inherited: return ("(arvet fra enheden over)", "(from the unit above)")
            case .noMandates: return ("ingen", "none")
            case .fName: return ("Navn", "Name")
            case .fDescription: return ("Hvad enheden gør", "What it does")
            case .fParent: return ("Placeret under", "Under")
            case .fGroups: return ("Målgrupper", "Target groups")
            case .fSectors: return ("Fagområder", "Sectors")
            case .fLeaders: return ("Ledere", "Leaders")
            case .fMandateKind: return ("Kompetence", "Mandates")
            case .fMandates: return ("Egne lovområder", "Own legal areas")
            case .inherit: return ("som enheden over", "as the unit above")
            case .own: return ("enhedens egne (herunder)", "its own (below)")
            case .top: return ("(øverst: forvaltningen)", "(the top: the administration)")
            case .noSupervisors: return ("Ingen ledere at vælge (opret først en bruger med rollen leder)", "No supervisors to pick (create a user with the supervisor role first)")
            case .newTitle: return ("Ny enhed", "New unit")
            case .newTopTitle: return ("Ny enhed øverst", "New unit at the top")
            case .under: return ("under", "under")
            case .changeTitle: return ("Ret enheden", "Change the unit")
            case .placeTitle: return ("Placér en person i", "Place a person in")
            case .fPerson: return ("Person", "Person")
            case .fFrom: return ("Fra dag", "From")
            case .fDoes: return ("Opgaver der", "Duties there")
            case .formHint: return ("Tab: næste felt · ←/→: vælg · mellemrum: sæt kryds · Enter: gem · Esc: fortryd",
                                    "Tab: next field · ←/→: choose · Space: tick · Enter: save · Esc: cancel")
            case .placeHint: return ("Tab: næste felt · ←/→ eller forbogstav: vælg personen · Enter: gem · Esc: fortryd",
                                     "Tab: next field · ←/→ or a first letter: choose the person · Enter: save · Esc: cancel")
            case .tickHint: return ("mellemrum: sæt/fjern kryds", "Space: tick/untick")
            case .saved: return ("Enheden er gemt", "The unit is saved")
            case .placedIn: return ("er i", "is in")
            case .from: return ("fra", "from")
            case .kNew: return ("Ny enhed", "New unit")
            case .hNew: return ("Ny enhed under den valgte (administratorer)", "A new unit under the selected one (administrators)")
            case .kChange: return ("Ret", "Change")
            case .hChange: return ("Ret den valgte enhed: navn, placering, målgrupper, fagområder, ledere, kompetence (administratorer)",
                                   "Change the selected unit: name, place, target groups, sectors, leaders, mandates (administrators)")
            case .kPlace: return ("Placér person", "Place person")
            case .hPlace: return ("Placér en person i den valgte enhed fra en dag (administratorer)", "Place a person in the selected unit from a day (administrators)")
            case .cUnits: return ("Enhederne: træet, ledere, kompetence og personer", "The units: the tree, leaders, mandates and people")
            }
        }
    }
}
