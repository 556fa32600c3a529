import EnPlanDomain
import Foundation

/// The one place effects are carried out, the route stack is changed, and the one refresh path.
extension App {
    func perform(_ effect: Effect, _ s: inout Session) {
        switch effect {
        case .none: break
        case .write(let commands, let version):
            let result: WriteResult
            do {
                try service.execute(commands, as: s.user.id, expectedVersion: version)
                result = .saved
            } catch {
                result = .refused(error)
            }
            let answer = s.stack[s.stack.count - 1].written(result, context: context(s.user))
            perform(answer, &s)
            if case .saved = result { refresh(&s, afterOwnWrite: true) }
        case .open(let route): open(route, &s)
        case .back: if s.stack.count > 1 { pop(&s) }
        case .message(let text, let role): message = (text, role)
        case .export(let name, let text, let done, let record):
            guard let save = options.saveExport else { return }
            do {
                let receipt = try save(s.user.id, name, text)
                switch record {
                case let .plan(citizen, reason): try service.recordExport(.planDocument, citizen: citizen, as: s.user.id, reason: reason)
                case .calendar: try service.recordExport(.calendarFile, citizen: nil, as: s.user.id)
                case .accessReport(let citizen): try service.recordExport(.accessReport, citizen: citizen, as: s.user.id)
                case .figures(let table): try service.recordExport(table, as: s.user.id)
                }
                message = ("\(done) \(receipt.name) \(strings.t(.inOutbox)) \(receipt.fetch)", .normal)
            } catch {
                message = (strings.refusal(error, names: Names(service, strings)), .error)
            }
        case let .print(title, document, header, citizen, reason, kind):
            startPrinting(PrintRequest(title: title, document: document, header: header, citizen: citizen, reason: reason, kind: kind), &s)
        case let .record(write, then):
            let result: WriteResult
            do {
                switch write {
                case let .search(query, results): try service.recordSearch(query, results: results, as: s.user.id)
                case let .listRefresh(added, total): try service.recordListRefresh(added: added, total: total, as: s.user.id)
                case let .spotCheck(entry, verdict, note): try service.recordSpotCheck(entry: entry, verdict: verdict, note: note, as: s.user.id)
                }
                result = .saved
            } catch {
                result = .refused(error)
            }
            perform(s.stack[s.stack.count - 1].recorded(write, result, context: context(s.user)), &s)
            if case .saved = result { perform(then, &s) }
        case .help: showHelp = true
        case .commandLine: commandLine = CommandPrompt()
        case .lock: lock(&s)
        case .quit: askingQuit = true
        case .redraw: terminal.wipe()
        case .closed(let why): message = (why, .error); choice = nil; if s.stack.count > 1 { pop(&s) }
        case .all(let effects): for e in effects { perform(e, &s) }
        }
    }

    /// Opens the screen a route names, as its entry in `ScreenCatalogue` says (making it reads
    /// what it shows: the domain checks access and logs the look) and puts it on the stack; the
    /// list, a screen one opens once and a calendar already open are gone back to.
    func open(_ route: Route, _ s: inout Session) {
        let x = context(s.user)
        guard let opening = ScreenCatalogue.opening(route) else { preconditionFailure("no screen in ScreenCatalogue.all opens \(route)") }
        do {
            switch opening {
            case .bottom:
                while s.stack.count > 1 { pop(&s) }
            case .push(let make):
                push(try make(x), &s)
            case .once(let make):
                if !backTo(route, &s) { push(try make(x), &s) }
            case .calendar(let subject):
                if subject == nil, let i = s.stack.lastIndex(where: { $0 is CalendarScreen }) {
                    while s.stack.count > i + 1 { pop(&s) }
                    return
                }
                var calendar = (s.stack.last as? CalendarScreen) ?? s.parkedCalendar ?? CalendarScreen(today: service.today)
                if s.stack.last is CalendarScreen { s.stack.removeLast() }
                if let subject { calendar.subject = subject; calendar.invalidate() }
                let loaded = calendar.load(x)
                push(calendar, &s)
                perform(loaded, &s)
            }
        } catch DomainError.needsReason(let id) {
            // Not a citizen the user works on (or none at all: the same answer): a reason opens it.
            open(.reason(citizen: id), &s)
        } catch {
            message = (strings.refusal(error, names: Names(service, strings)), .error)
        }
    }

    /// Goes back down to a screen already on the stack for `route` (a screen one opens once);
    /// false when there is none.
    private func backTo(_ route: Route, _ s: inout Session) -> Bool {
        guard let i = s.stack.lastIndex(where: { $0.route == route }) else { return false }
        while s.stack.count > i + 1 { pop(&s) }
        return true
    }

    private func push(_ screen: any Screen, _ s: inout Session) {
        s.stack.append(screen)
    }

    private func pop(_ s: inout Session) {
        if let calendar = s.stack.removeLast() as? CalendarScreen { s.parkedCalendar = calendar }
    }

    /// The one refresh path: what other terminals (and this one's writes) changed goes to every
    /// open screen. A user deactivated elsewhere is logged out here too.
    func refresh(_ s: inout Session, afterOwnWrite: Bool = false) {
        do {
            guard let (seq, found) = try service.pollChanges(after: seenSeq) else { return }
            var changes = found
            changes.afterOwnWrite = afterOwnWrite
            seenSeq = seq
            guard service.isActive(s.user.id) else { logOut(); return }
            // The password was changed at another terminal: this session asks for the new one.
            if changes.users, service.credentialStamp(of: s.user.id) != s.credential {
                lock(&s)
                message = (strings.t(.passwordChanged), .alert)
                return
            }
            reloadAll(changes, &s, from: 0)
            updateInbox(changes, &s)
        } catch {
            message = (strings.refusal(error, names: Names(service, strings)), .error)
        }
    }

    /// The title bar's count of what is new: only the changed citizens are looked at again.
    func updateInbox(_ changes: CaseService.Changes?, _ s: inout Session) {
        guard let changes, !changes.users else { s.inbox = service.inbox(for: s.user.id); return }
        guard !changes.citizens.isEmpty else { return }
        var items = s.inbox.items.filter { !changes.citizens.contains($0.citizen) }
        let fresh = service.inbox(for: s.user.id, only: changes.citizens).items
        items += fresh
        // An answer to a referral this user sent, just given (here or at another terminal): said at once.
        if let new = fresh.first(where: { if case .answered = $0.kind { return !s.inbox.items.contains($0) } else { return false } }),
           case let .answered(_, to, status) = new.kind, message?.role != .error {   // (an error of the user's own stays)
            message = ("\(service.citizenName(new.citizen) ?? "") · \(InboxScreen.answer(to: to, status: status, strings)) · \(strings.i(.title)) (4)", .normal)
        }
        s.inbox.items = items.sorted { ($0.since, $0.citizen) > ($1.since, $1.citizen) }
    }

    /// Hands `changes` (nil: everything) to the screens from `from` up. A screen that can no
    /// longer be shown closes with the screens above it.
    func reloadAll(_ changes: CaseService.Changes?, _ s: inout Session, from: Int) {
        let x = context(s.user)
        var i = from
        while i < s.stack.count {
            let effect = s.stack[i].reload(changes, context: x)
            if case .closed(let why) = effect, i > 0 {
                while s.stack.count > i { pop(&s) }
                choice = nil   // what it was to print may no longer be shown
                message = (why, .error)
                return
            }
            perform(effect, &s)
            i += 1
        }
    }
}
