import EnPlanDomain
import Foundation

/// The plan screen's keys: moving and folding, the forms, the journey, the export. Every change
/// goes through `CaseService.execute` with the version the form was opened on.
extension App {
    func openPlan(_ id: String, _ s: inout Session) {
        do {
            // The domain checks access and writes the look to the audit log.
            s.plan = PlanScreen(detail: try service.citizen(id, as: s.user.id, purpose: "plan"))
            s.screen = .plan
        } catch {
            message = ("\(error)", .error)
        }
    }

    /// Reads the open plan again (another terminal changed it, or a save did), keeping the
    /// selection, the folds and any open form or journey.
    func reloadPlan(_ s: inout Session) {
        guard var p = s.plan else { return }
        do {
            p.detail = try service.citizen(p.citizen.id, as: s.user.id, purpose: "plan")
            // An open journey is read again too: a withdrawn consent hides content at once.
            if let j = p.journey {
                var fresh = JourneyView(journey: try service.journey(p.citizen.id, as: s.user.id))
                fresh.sector = j.sector; fresh.kind = j.kind; fresh.scroll = j.scroll
                p.journey = fresh
            }
            s.plan = p
        } catch {
            s.plan = nil
            if s.screen == .plan { s.screen = .citizens }
            message = ("\(error)", .error)
        }
    }

    var planNames: PlanScreen.Names {
        PlanScreen.Names(users: userNames, benefits: service.state.benefits.mapValues { strings.language == .da ? $0.danish : $0.english })
    }

    func handlePlan(_ key: Key, _ s: inout Session) {
        guard var p = s.plan else { s.screen = .citizens; return }
        if var j = p.journey {
            let action = KeyTable.action(for: key, in: [KeyTable.global, KeyTable.journey])
            switch action {
            case .back?: p.journey = nil
            case .filterSector?: j.cycleSector(); p.journey = j
            case .filterKind?: j.cycleKind(); p.journey = j
            case .up?: j.scroll -= 1; p.journey = j
            case .down?: j.scroll += 1; p.journey = j
            case .pageUp?: j.scroll -= 10; p.journey = j
            case .pageDown?: j.scroll += 10; p.journey = j
            case .top?: j.scroll = 0; p.journey = j
            case .bottom?: j.scroll = Int.max / 2; p.journey = j
            default: s.plan = p; if let action { _ = handleGlobal(action, &s) }; return
            }
            s.plan = p
            return
        }
        if var pf = p.form {
            switch pf.form.handle(key) {
            case .none: p.form = pf
            case .cancel: p.form = nil
            case .save: save(&pf, &p, user: s.user); p.form = p.form == nil ? nil : pf
            }
            s.plan = p
            return
        }
        let names = planNames
        let rows = p.rows(strings, names: names)
        let page = max(1, terminal.size.rows - 9)
        let action = KeyTable.action(for: key, in: [KeyTable.global, KeyTable.plan])
        switch action {
        case .back?: s.plan = nil; s.screen = .citizens; return
        case .up?: p.move(by: -1, rows: rows)
        case .down?: p.move(by: 1, rows: rows)
        case .pageUp?: p.move(by: -page, rows: rows)
        case .pageDown?: p.move(by: page, rows: rows)
        case .top?: p.cursor = 0
        case .bottom?: p.cursor = max(0, rows.count - 1)
        case .section(let section)?: p.jump(to: section, rows: rows)
        case .nextSection?: p.nextSection(1, rows: rows)
        case .previousSection?: p.nextSection(-1, rows: rows)
        case .toggle?: if let r = p.selected(in: rows) { p.toggle(r.section, strings: strings, names: names) }
        case .edit?:
            if let r = p.selected(in: rows), r.isHeading { p.toggle(r.section, strings: strings, names: names) }
            else if let purpose = p.editPurpose(in: rows) { openForm(purpose, &p, user: s.user) }
        case .newItem?: if let purpose = p.newPurpose(in: rows) { openForm(purpose, &p, user: s.user) }
        case .contact?: openForm(.contact, &p, user: s.user)
        case .responsible?: openForm(.responsible, &p, user: s.user)
        case .template?:
            if p.citizen.plan == nil { openForm(.overall, &p, user: s.user) } else { openForm(.template, &p, user: s.user) }
        case .showCPR?: p.showFullCPR.toggle()
        case .journey?:
            do { p.journey = JourneyView(journey: try service.journey(p.citizen.id, as: s.user.id)) } catch { message = ("\(error)", .error) }
        case .exportPlan?: exportPlan(p)
        default: s.plan = p; if let action { _ = handleGlobal(action, &s) }; return
        }
        s.plan = p
    }

    private func formContext(_ user: User) -> PlanForm.Context {
        PlanForm.Context(user: user, caseworkers: service.state.users.filter { $0.role == .caseworker && $0.active },
                         templates: service.templates(), today: service.today)
    }

    private func openForm(_ purpose: PlanForm.Purpose, _ p: inout PlanScreen, user: User) {
        if let form = PlanForm(purpose, detail: p.detail, context: formContext(user), strings: strings) {
            p.form = form
        } else if purpose == .template {
            message = (strings.p(.noTemplates), .alert)
        }
    }

    /// Saves a form: its own checks first, then the domain's. A stale save shows what changed
    /// and keeps the form, now on the new version: Enter saves the same edit on top.
    private func save(_ pf: inout PlanForm, _ p: inout PlanScreen, user: User) {
        let today = service.today
        guard pf.form.validate(today: today, strings: strings) else { return }
        if let (field, problem) = pf.problem(strings: strings) { pf.form.show(problem, at: field); return }
        let commands = pf.commands(detail: p.detail, today: today, strings: strings)
        guard !commands.isEmpty else { p.form = nil; return }
        do {
            try service.execute(commands, as: user.id, expectedVersion: pf.version)
            p.form = nil
            message = (strings.p(.saved), .normal)
            p.detail = try service.citizen(p.citizen.id, as: user.id, purpose: "plan")
        } catch let DomainError.stale(_, _, actual) {
            let names = planNames
            let changes = (try? service.changes(to: pf.citizen, since: pf.version, as: user.id)) ?? []
            pf.form.staleChanges = changes.map { "\(names.users[$0.event.actor] ?? $0.event.actor): \(strings.describe($0, names: names))" }
            pf.version = actual
            if let fresh = try? service.citizen(p.citizen.id, as: user.id, purpose: "plan") {
                p.detail = fresh
                // Saving again changes only what this user changed, on top of the other edit.
                if let current = PlanForm(pf.purpose, detail: fresh, context: formContext(user), strings: strings) { pf.form.rebase(onto: current.form) }
            }
        } catch let e as DomainError {
            pf.form.staleChanges = nil
            pf.form.show(e.description, fieldHints: pf.fieldHints)
        } catch {
            pf.form.show("\(error)")
        }
    }

    /// Writes the plan as a document for the citizen through the program's `saveExport`.
    private func exportPlan(_ p: PlanScreen) {
        guard let save = options.saveExport else { return }
        let text = PlanDocument.render(p.detail, names: planNames, strings: strings, format: .text)
        do {
            let path = try save("enplan-plan-\(p.citizen.id)-\(service.today.iso).txt", text)
            message = ("\(strings.p(.exportedPlan)) \(path)", .normal)
        } catch {
            message = ("\(error)", .error)
        }
    }
}
