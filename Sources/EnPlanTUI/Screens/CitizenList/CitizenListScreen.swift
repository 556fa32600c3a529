import EnPlanDomain

/// The citizen list as a screen: the root of the route stack. Typing after `/` filters as the user
/// types; Enter opens the plan; the quick filters and sorting are one key each.
public struct CitizenListScreen: Screen {
    /// A citizen just registered here, to select when the list has their row.
    var selectAfterReload: String?
    public private(set) var list: CitizenList
    public var editingQuery = false
    /// Registering a new citizen (`n`).
    var register: Form?
    /// Closing or reopening the selected citizen's case (`L`).
    var caseForm: CaseLifeForm?

    /// Reads the rows the user may see (a logged read); `nameKeys`: their names' keys, computed
    /// behind the login form (`ServiceLoader.takeNameKeys`).
    init(context x: ScreenContext, nameKeys: NameKeys? = nil) throws {
        list = CitizenList(scope: x.user.role == .caseworker ? .workingOn : .all, user: x.user.id)
        list.lastHeight = Self.height(x)
        list.load(try x.service.citizens(as: x.user.id, ordered: false), names: x.staffNames, warmed: nameKeys)
    }

    /// An empty list (when reading it failed: the error is shown).
    init(empty user: User) { list = CitizenList(scope: user.role == .caseworker ? .workingOn : .all, user: user.id) }

    public var route: Route { .citizens }

    /// The rows the list has below its header.
    static func height(_ x: ScreenContext) -> Int { max(1, x.rows - 1) }

    public func keys(_ x: ScreenContext) -> [Binding] {
        if register != nil || caseForm != nil { return KeyTable.form + KeyTable.whileTyping }
        return KeyTable.global + KeyTable.citizenList + (x.user.role == .admin ? [] : KeyTable.registering)
    }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        let height = Self.height(x)
        list.lastHeight = height
        if key == .resize { list.clamp(height: height); return .none }
        if editingQuery { return typeQuery(key, x) }
        if var form = register { return typeRegistration(key, &form, x) }
        if var form = caseForm {
            if let frame = KeyTable.frame(key) { return frame }
            let outcome = form.handle(key, today: x.today, strings: x.strings)
            caseForm = form
            switch outcome {
            case .none: return .none
            case .cancel: caseForm = nil; return .none
            case let .write(commands, version): return .write(commands, expectedVersion: version)
            }
        }
        switch KeyTable.pressed(key, in: keys(x), as: CitizenListAction.self) {
        case nil: break
        case .frame(let effect)?: return effect
        case .move(let move)?: list.apply(move, height: height)
        case .open?: if let row = list.selectedRow { return .open(.plan(citizen: row.id)) }
        case .back?: if !list.query.isEmpty { list.setQuery("") }
        case .own(let action)?:
            switch action {
            case .search: editingQuery = true
            case .quit: return .quit
            case .mine: list.scope = .responsible; list.refilter()
            case .workingOn: list.scope = .workingOn; list.refilter()
            case .all: list.scope = .all; list.refilter()
            case .youth: list.youthOnly.toggle(); list.refilter()
            case .overdue: list.overdueOnly.toggle(); list.refilter()
            case .noPlan: list.noPlanOnly.toggle(); list.refilter()
            case .sector: list.cycleSector()
            case .sort: list.nextSort()
            case .reverse: list.reverseSort()
            case .newCitizen: register = registrationForm(x)
            case .showClosed: list.showClosed.toggle(); list.refilter()
            case .closeCase:
                if let row = list.selectedRow {
                    caseForm = CaseLifeForm(closingOrReopening: row.id, name: row.name, closed: row.closed, version: nil, strings: x.strings, today: x.today)
                }
            }
        }
        return .none
    }

    // MARK: registering a citizen

    private func registrationForm(_ x: ScreenContext) -> Form {
        typealias F = Form.Field
        let s = x.strings
        let benefits = x.service.benefits.values.filter { $0.isValid(on: x.today) }.sorted { $0.danish < $1.danish }
        let workers = [x.user] + x.service.activeCaseworkers.filter { $0.id != x.user.id }
        var form = Form(title: s.l(.registerTitle), fields: [
            F.cpr("cpr", s.l(.fCPR), strings: s),
            F.text("name", s.l(.fName)),
            F.choice("benefit", s.l(.fBenefit), [""] + benefits.map(\.code), shown: [s.l(.noBenefit)] + benefits.map { s.pick($0.danish, $0.english) }),
            F.choice("responsible", s.l(.fResponsible), workers.map(\.id), shown: workers.map { "\($0.name) (\(s.sector($0.sector)))" }),
        ])
        form.focus = 0
        return form
    }

    private mutating func typeRegistration(_ key: Key, _ form: inout Form, _ x: ScreenContext) -> Effect {
        if let frame = KeyTable.frame(key) { return frame }
        switch form.handle(key) {
        case .none: register = form
        case .cancel: register = nil
        case .save:
            register = form
            guard form.validate(today: x.today, strings: x.strings) else { register = form; return .none }
            let benefit = form.value("benefit")
            return .write([.registerCitizen(cpr: form.value("cpr"), name: form.value("name"), benefit: benefit.isEmpty ? nil : benefit,
                                            responsible: form.value("responsible"))], expectedVersion: nil)
        }
        return .none
    }

    /// The registration's answer: the form closes (the refresh adds the row), or the refusal
    /// shows at the CPR number (already registered, not a valid number) or below.
    public mutating func written(_ result: WriteResult, context x: ScreenContext) -> Effect {
        if var form = caseForm {
            switch result {
            case .saved:
                caseForm = nil
                return .message("\(form.saved(x.strings)): \(form.name)", .normal)
            case .refused(let e):
                form.refused(e, strings: x.strings, names: x.names)
                caseForm = form
                return .none
            }
        }
        guard var form = register else { return .none }
        switch result {
        case .saved:
            let name = form.value("name")
            register = nil
            list.setQuery("")
            // The new citizen is selected once the list has its row (the refresh after this write).
            selectAfterReload = x.service.visibleCitizen(form.value("cpr").filter(\.isNumber), as: x.user.id)
            // Not blocking: a probable duplicate is said (named only if this user may see it; each
            // one named is a logged look, so when that cannot be logged the refusal is said instead).
            let hints: [DuplicateHint]
            do { hints = try selectAfterReload.map { try x.service.duplicateHints(of: $0, as: x.user.id) } ?? [] } catch {
                return .message("\(x.strings.l(.registered)): \(name) · \(x.strings.refusal(error, names: x.names))", .alert)
            }
            if !hints.isEmpty {
                return .message(([ "\(x.strings.l(.registered)): \(name)"] + hints.map(x.strings.hint)).joined(separator: " · "), .alert)
            }
            return .message("\(x.strings.l(.registered)): \(name)", .normal)
        case .refused(let e):
            form.show(refusal: e, strings: x.strings, names: x.names,
                      fields: [.cpr: "cpr", .textOf(.name): "name", .benefit: "benefit", .responsible: "responsible", .user: "responsible"])
            register = form
            return .none
        }
    }

    /// Keys while a search is typed: they go to the query. Leaving it (Enter, Esc, ↑↓) logs the search.
    private mutating func typeQuery(_ key: Key, _ x: ScreenContext) -> Effect {
        switch key {
        case .escape:
            // A search closed with Esc was still a look at who matched: logged like one kept.
            let logged: Effect = list.query.isEmpty ? .none : .record(.search(list.query, results: list.count))
            editingQuery = false
            list.setQuery("")
            return logged
        case .enter, .down, .up:
            editingQuery = false
            return list.query.isEmpty ? .none : .record(.search(list.query, results: list.count))
        case .backspace:
            if list.query.isEmpty { editingQuery = false } else { setQuery(String(list.query.dropLast()), x) }
        case .char(let c): setQuery(list.query + String(c), x)
        case .paste(let t): setQuery(list.query + Key.pastedLine(t), x)
        default: break
        }
        return .none
    }

    /// The query as typed; a full CPR number is looked up by the domain (only a citizen this user
    /// may see is found, and nothing tells the others apart from numbers never registered).
    private mutating func setQuery(_ q: String, _ x: ScreenContext) {
        let digits = q.filter(\.isNumber)
        let isCPR = digits.count == 10 && q.allSatisfy { $0.isNumber || $0 == "-" || $0 == " " }
        list.setQuery(q, exact: isCPR ? (x.service.visibleCitizen(digits, as: x.user.id) ?? "") : nil)
    }

    /// `:plan NAME`: filters the list by the name; one match is the citizen to open.
    mutating func find(_ query: String) -> (match: String?, count: Int) {
        list.setQuery(query)
        let count = list.count
        if count == 1, let row = list.selectedRow { list.setQuery(""); return (row.id, 1) }
        if count == 0 { list.setQuery("") }
        return (nil, count)
    }

    /// Only the citizens whose streams changed are read again, unless users changed, a citizen was
    /// renamed or is no longer visible: then the whole list. Citizens who became visible since the
    /// list was read are a new read: logged.
    public mutating func reload(_ changes: CaseService.Changes?, context x: ScreenContext) -> Effect {
        var added: Int?
        do {
            if let changes, !changes.users {
                let update = try x.service.rows(for: changes.citizens, as: x.user.id)
                added = list.update(update.rows, hidden: update.hidden)
            }
            if added == nil {
                let before = Set(list.entries.map(\.id))
                let rows = try x.service.citizens(as: x.user.id, logged: false, ordered: false)
                added = rows.filter { !before.contains($0.id) }.count
                list.load(rows, names: x.staffNames)
            }
            if let id = selectAfterReload, list.select(id: id) { selectAfterReload = nil }
        } catch {
            return .message(x.strings.refusal(error, names: x.names), .error)
        }
        // The citizens it grew by are a new read: logged by the App.
        if let added, added > 0 { return .record(.listRefresh(added: added, total: list.total)) }
        return .none
    }

    public func status(_ x: ScreenContext) -> Status {
        let s = x.strings
        if editingQuery { return Status(s.l(.filterPrompt) + list.query, .input, input: true, after: "  \(list.count)/\(list.total)") }
        let scope: Strings.L = list.scope == .responsible ? .filterMine : list.scope == .workingOn ? .filterWorkingOn : .filterAll
        var parts = ["\(list.count) \(s.l(.of)) \(list.total)", s.l(scope)]
        if list.youthOnly { parts.append(s.l(.filterYouth)) }
        if list.overdueOnly { parts.append(s.l(.filterOverdue)) }
        if list.noPlanOnly { parts.append(s.l(.filterNoPlan)) }
        if list.showClosed { parts.append(s.k(.withClosed)) }
        if let sector = list.sector { parts.append("\(s.l(.filterSector)): \(s.sector(sector))") }
        if !list.query.isEmpty { parts.append("\"\(list.query)\"") }
        parts.append("\(s.l(.sortedBy)) \(s.l(CitizenList.header(list.sortColumn)).lowercased())")
        return Status(parts.joined(separator: " · "))
    }

    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        if let register { register.render(into: &canvas, top: 1, left: 2, width: x.cols - 4, strings: x.strings); return }
        if let caseForm { caseForm.render(into: &canvas, top: 1, left: 2, width: x.cols - 4, strings: x.strings); return }
        list.render(into: &canvas, from: 1, height: x.rows, width: x.cols, strings: x.strings, benefits: x.service.benefits)
    }
}
