import EnPlanDomain

/// The unified plan of one citizen: a header (who, consent, household), then sections that fold
/// and are reached by one key each; a form over it for every plan command. What the user may not
/// see was blanked by the domain before it got here; the screen only shows that such an item
/// exists and its sector. Every save is a `.write` with the version the form was opened on.
public struct PlanScreen: Screen {
    public enum Section: String, CaseIterable, Sendable {
        case overall, goals, efforts, decisions, followUps, assessments, referrals, consents, household, outcomes, ownAssessments

        /// The key that jumps to the section (shown in the help).
        public var key: Character {
            switch self {
            case .overall: return "o"
            case .goals: return "m"
            case .efforts: return "e"
            case .decisions: return "d"
            case .followUps: return "f"
            case .assessments: return "a"
            case .referrals: return "r"
            case .consents: return "s"
            case .household: return "h"
            case .outcomes: return "u"          // udfald: status mod selvforsørgelse
            case .ownAssessments: return "v"    // borgerens egen vurdering
            }
        }
    }

    public struct Row: Sendable, Equatable {
        public let section: Section
        /// The goal, effort, decision … this row shows (nil: the heading or a sub-heading).
        public let item: String?
        public let text: String
        public let role: Role
        public var isHeading: Bool { item == nil && !isLabel }
        /// A sub-heading inside a section (a goal above its efforts): not selectable.
        public var isLabel = false
    }

    public typealias Names = EnPlanTUI.Names

    public var detail: CitizenDetail
    public var collapsed: Set<Section> = []
    /// The selected row of `rows` and the window.
    public var scroll = ScrollList()
    public var showFullCPR = false
    public var form: PlanForm?
    /// Closing or reopening the case (`L`), or a new CPR number (`C`).
    public var caseForm: CaseLifeForm?
    /// The reason given to look at a citizen the user does not work on: the plan is read-only.
    public let reason: String?
    public var readOnly: Bool { reason != nil }

    public init(detail: CitizenDetail) { self.detail = detail; reason = nil }

    /// Reads the citizen (a logged read: the domain checks access, and logs the reason if any).
    public init(citizen id: String, reason: String? = nil, context x: ScreenContext) throws {
        detail = try x.service.citizen(id, as: x.user.id, reason: reason, purpose: "plan")
        self.reason = reason
    }

    public var citizen: Citizen { detail.citizen }
    public var route: Route { .plan(citizen: citizen.id, reason: reason) }
    public var cursor: Int { scroll.selected }

    /// The rows the sections have below the header and its rule.
    static func height(_ x: ScreenContext) -> Int { max(1, x.rows - 4) }

    public func keys(_ context: ScreenContext) -> [Binding] {
        if form != nil || caseForm != nil { return KeyTable.form(for: form?.form) + KeyTable.whileTyping }
        return (readOnly ? KeyTable.plan.filter { $0.action.own(PlanAction.self).map { !PlanScreen.writing.contains($0) } ?? true } : KeyTable.plan) + KeyTable.global
    }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        let s = x.strings, names = x.names, height = Self.height(x)
        if var cf = caseForm {
            if let frame = KeyTable.frame(key) { return frame }
            let outcome = cf.handle(key, today: x.today, strings: s)
            caseForm = cf
            switch outcome {
            case .none: return .none
            case .cancel: caseForm = nil; return .none
            case let .write(commands, version): return .write(commands, expectedVersion: version)
            }
        }
        if var pf = form {
            if let frame = KeyTable.frame(key) { return frame }
            if pf.askingSharing {
                // "The consent does not share …: this would share …" — j shares anyway; any other key edits.
                pf.askingSharing = false
                pf.form.error = nil
                form = pf
                guard key == .char("j") || key == .char("y") else { return .none }
                form?.confirmedSharing = true
                return save(context: x)
            }
            if pf.askingOffDay {
                // "søndag 27-12-2026: weekend" — j keeps the day; any other key edits it.
                pf.askingOffDay = false
                pf.form.error = nil
                form = pf
                guard key == .char("j") || key == .char("y") else { return .none }
                form?.offDayConfirmed = true
                return save(context: x)
            }
            switch pf.form.handle(key) {
            case .none: form = pf; if case .char = key { form?.offDayConfirmed = false }
            case .cancel: form = nil
            case .save:
                // A follow-up on a weekend or a public holiday is said first, as a meeting's day is.
                if pf.purpose == .followUp, !pf.offDayConfirmed, let due = pf.form.day("due", today: x.today), due >= x.today, !AppealDeadline.isWorkingDay(due) {
                    pf.form.error = "\(s.weekdayName(due)) \(s.date(due)): \(Holidays.name(of: due) ?? s.c(.weekend)) · \(s.p(.keepDayAnyway))"
                    pf.askingOffDay = true
                    form = pf
                    return .none
                }
                form = pf; return save(context: x)
            }
            return .none
        }
        let rows = rows(s, names: names)
        if key == .resize { scroll.clamp(count: rows.count, height: height); return .none }
        let skip: (Int) -> Bool = { rows[$0].isLabel }
        switch KeyTable.pressed(key, in: keys(x), as: PlanAction.self) {
        case nil, .open?: break
        case .frame(let effect)?: return effect
        case .back?: return .back
        case .move(let move)?: scroll.apply(move, count: rows.count, height: height, skip: skip)
        case .own(let action)?:
            switch action {
            case .nextSection: nextSection(1, rows: rows, height: height)
            case .previousSection: nextSection(-1, rows: rows, height: height)
            case .section(let section):
                if let i = rows.firstIndex(where: { $0.section == section && $0.isHeading }) { scroll.select(i, count: rows.count, height: height) }
            case .toggle: if let r = selected(in: rows) { toggle(r.section, strings: s, names: names, height: height) }
            case .edit:
                if let r = selected(in: rows), r.isHeading { toggle(r.section, strings: s, names: names, height: height) }
                else if let purpose = editPurpose(in: rows) { return openForm(purpose, x) }
            case .newItem: if let purpose = newPurpose(in: rows) { return openForm(purpose, x) }
            case .contact: return openForm(.contact, x)
            case .responsible: return openForm(.responsible, x)
            case .template: return openForm(citizen.plan == nil ? .overall : .template, x)
            case .showCPR: showFullCPR.toggle()
            case .closeCase, .changeCPR:
                guard !readOnly else { return .message(s.p(.readOnly), .alert) }
                caseForm = action == .changeCPR
                    ? CaseLifeForm(.changeCPR, citizen: citizen.id, name: citizen.name, version: citizen.version, strings: s, today: x.today)
                    : CaseLifeForm(closingOrReopening: citizen.id, name: citizen.name, closed: citizen.closed, version: citizen.version, strings: s, today: x.today)
            case .journey: return .open(.journey(citizen: citizen.id, reason: reason))
            case .exportPlan:
                let text = PlanDocument.render(detail, names: names, strings: s, format: .text, letterhead: x.letterhead)
                return .export(name: "enplan-plan-\(citizen.id)-\(x.today.iso).txt", text: text, done: s.p(.exportedPlan),
                               record: .plan(citizen: citizen.id, reason: reason))
            case .printPlan:
                let document = PlanDocument.document(detail, names: names, strings: s, format: .text, letterhead: x.letterhead)
                let header = (x.letterhead.municipality.map { $0 + " · " } ?? "") + s.p(.docTitle) + ": " + citizen.name
                return .print(title: "enplan-plan-\(citizen.name)-\(x.today.iso)", document: document, header: header, citizen: citizen.id, reason: reason)
            }
        }
        return .none
    }

    // MARK: forms

    private func formContext(_ x: ScreenContext) -> PlanForm.Context {
        PlanForm.Context(user: x.user, caseworkers: x.service.activeCaseworkers, templates: x.service.templates(), today: x.today,
                         offers: x.service.offerRegister)
    }

    /// What a read-only plan (opened with a reason) leaves out: every key that opens a form.
    static let writing: Set<PlanAction> = [.edit, .newItem, .contact, .responsible, .template, .closeCase, .changeCPR]

    /// Selects an item of the plan (by its id); a referral sent to this user's sector, still
    /// waiting, opens its answer form as well.
    public mutating func go(to item: String, context x: ScreenContext) {
        let rows = rows(x.strings, names: x.names)
        guard let i = rows.firstIndex(where: { $0.item == item }) else { return }
        scroll.select(i, count: rows.count, height: Self.height(x))
        if let r = citizen.plan?.referrals.first(where: { $0.id == item }), r.status == .requested, r.to == x.user.sector {
            _ = openForm(.answerReferral(item), x)
        }
    }

    private mutating func openForm(_ purpose: PlanForm.Purpose, _ x: ScreenContext) -> Effect {
        guard !readOnly else { return .message(x.strings.p(.readOnly), .alert) }
        if let f = PlanForm(purpose, detail: detail, context: formContext(x), strings: x.strings) {
            form = f
        } else if purpose == .template {
            return .message(x.strings.p(.noTemplates), .alert)
        }
        return .none
    }

    /// The form's own checks first, then the domain's (the answer comes to `written`).
    private mutating func save(context x: ScreenContext) -> Effect {
        guard var pf = form else { return .none }
        let valid = pf.form.validate(today: x.today, strings: x.strings)
        form = pf
        guard valid else { return .none }
        if let (field, problem) = pf.problem(strings: x.strings) { pf.form.show(problem, at: field); form = pf; return .none }
        if pf.purpose == .household {
            // A member who is a citizen here is given by CPR number, never by an internal id; one
            // the user may not see is not found (a refusal reveals nothing).
            let cpr = pf.form.value("citizen")
            pf.linkedCitizen = cpr.isEmpty ? nil : x.service.visibleCitizen(cpr, as: x.user.id)
            if !cpr.isEmpty && pf.linkedCitizen == nil { pf.form.show(x.strings.p(.noSuchCPR), at: "citizen"); form = pf; return .none }
        }
        let commands = pf.commands(detail: detail, today: x.today, strings: x.strings)
        guard !commands.isEmpty else { form = nil; return .none }
        return .write(commands, expectedVersion: pf.version)
    }

    /// Saved: the form closes (the refresh reads the plan again). Stale: the form shows what the
    /// other terminal changed and stays, now on the new version: Enter saves the same edit on top.
    public mutating func written(_ result: WriteResult, context x: ScreenContext) -> Effect {
        if var cf = caseForm {
            switch result {
            case .saved:
                caseForm = nil
                return .message(cf.saved(x.strings), .normal)
            case .refused(let e):
                cf.refused(e, strings: x.strings, names: x.names)
                caseForm = cf
                return .none
            }
        }
        guard var pf = form else { return .none }
        let s = x.strings
        switch result {
        case .saved:
            form = nil
            return .message(s.p(.saved), .normal)
        case .refused(DomainError.stale(_, _, let actual)):
            let seen = pf.version
            pf.version = actual
            // Read again (no new look; a refusal to read is itself logged by the domain, and said here).
            do {
                let fresh = try x.service.citizen(citizen.id, as: x.user.id, reason: reason, purpose: "plan", logged: false)
                detail = fresh
                // Saving again changes only what this user changed, on top of the other edit.
                if let current = PlanForm(pf.purpose, detail: fresh, context: formContext(x), strings: s) { pf.form.rebase(onto: current.form) }
            } catch {
                pf.form.show(refusal: error, strings: s, fields: [:])
            }
            var names = x.names
            // The items the changes name, in words (the plan as this user may see it now).
            names.items = PlanItemLabel.labels(of: detail.citizen, hidden: Set(detail.hidden))
            let changes = (try? x.service.changes(to: pf.citizen, since: seen, as: x.user.id)) ?? []
            pf.form.staleChanges = changes.map { "\(names.users[$0.event.actor] ?? $0.event.actor): \(s.describe($0, names: names))" }
        case .refused(let e as DomainError) where { if case .sharingNotCovered = e { return true } else { return false } }():
            pf.form.error = "\(s.refusal(e, names: x.names)) · \(s.p(.shareAnyway))"
            pf.askingSharing = true
        case .refused(let e as DomainError):
            pf.form.staleChanges = nil
            pf.form.show(refusal: e, strings: s, names: x.names, fields: pf.refusalFields)
        case .refused(let e):
            pf.form.show(refusal: e, strings: s, fields: [:])
        }
        form = pf
        return .none
    }

    /// Read again when the citizen or the users changed (a form keeps the version it was opened
    /// on: its save is refused as stale and shows what changed).
    public mutating func reload(_ changes: CaseService.Changes?, context x: ScreenContext) -> Effect {
        if let changes, !changes.users, !changes.citizens.contains(citizen.id) { return .none }
        do {
            // A refresh of what is shown: no new look in the audit log.
            detail = try x.service.citizen(citizen.id, as: x.user.id, reason: reason, purpose: "plan", logged: false)
            scroll.clamp(count: rows(x.strings, names: x.names).count, height: Self.height(x))
            return .none
        } catch {
            return .closed(x.strings.refusal(error, names: x.names))
        }
    }

    // MARK: moving

    /// Tab: the next section's heading (Shift-Tab: the previous one).
    mutating func nextSection(_ step: Int, rows: [Row], height: Int) {
        let headings = rows.indices.filter { rows[$0].isHeading }
        guard !headings.isEmpty else { return }
        let current = headings.lastIndex { $0 <= cursor } ?? 0
        scroll.select(headings[(current + step + headings.count) % headings.count], count: rows.count, height: height)
    }

    /// Folds the section in or out; the selection stays on its heading.
    mutating func toggle(_ section: Section, strings s: Strings, names: Names, height: Int) {
        if collapsed.contains(section) { collapsed.remove(section) } else { collapsed.insert(section) }
        let rows = rows(s, names: names)
        scroll.select(rows.firstIndex { $0.section == section && $0.isHeading } ?? 0, count: rows.count, height: height)
    }

    func selected(in rows: [Row]) -> Row? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    // MARK: drawing

    public func status(_ x: ScreenContext) -> Status {
        Status("\(x.strings.p(.title)): \(citizen.name)" + (citizen.closed.map { " · \(x.strings.closedMark($0))" } ?? "")
               + (readOnly ? " · \(x.strings.p(.readOnlyMark))" : ""), readOnly || citizen.closed != nil ? .alert : .normal)
    }

    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        let s = x.strings, width = x.cols, top = 1
        if let form {
            form.form.render(into: &canvas, top: top, left: 2, width: width - 4, strings: s)
            return
        }
        if let caseForm {
            caseForm.render(into: &canvas, top: top, left: 2, width: width - 4, strings: s)
            return
        }
        let names = x.names
        var row = top
        for (text, role) in header(s, names: names) {
            canvas.put(TextWidth.truncate(text, to: width - 2), row: row, col: 1, role: role)
            row += 1
        }
        canvas.put(String(repeating: "─", count: width), row: row, col: 0, role: .frame)
        row += 1
        let all = rows(s, names: names)
        scroll.draw(into: &canvas, row: row, col: 1, height: Self.height(x), width: width - 1, count: all.count, empty: "") { (all[$0].text, all[$0].role) }
    }
}
