import EnPlanDomain

/// The `:` command line's commands (declared in `KeyTable.commands`, which completes and helps:
/// the screens' from `ScreenCatalogue`, and the `TypedCommand`s).
extension App {
    func run(command text: String) {
        guard !text.isEmpty else { return }
        history.append(text)
        let parts = text.split(separator: " ").map(String.init)
        let rest = parts.dropFirst().joined(separator: " ")
        // Either language's word runs the command; what it is decides what it does.
        guard let spec = CommandSpec.named(parts[0]) else {
            message = ("\(strings.t(.unknownCommand)) \"\(parts[0])\" (\(strings.t(.commandsAre)): \(KeyTable.commands.map { $0.shown(strings) }.joined(separator: ", ")))", .error)
            return
        }
        switch spec.runs {
        case .screen(let command): withSession { open(command.route($0.stack.last?.route), &$0) }
        case .typed(let typed): run(typed, parts: parts, rest: rest)
        }
    }

    /// The `:` commands that are not a screen's.
    private func run(_ command: TypedCommand, parts: [String], rest: String) {
        switch command {
        case .quit: running = false
        case .lock: lock()
        case .help: showHelp = true
        case .plan: withSession { openPlan(matching: rest, &$0) }
        case .calendar:
            let subject: CalendarScreen.Subject
            switch (parts.count > 1 ? parts[1] : "me", parts.count > 2 ? parts.dropFirst(2).joined(separator: " ") : nil) {
            case ("me", _), ("mig", _): subject = .me
            case ("user", let id?), ("bruger", let id?): subject = .user(id)
            case ("room", let r?), ("lokale", let r?): subject = .room(r)
            case ("citizen", let c?), ("borger", let c?):
                // By name (and birth date where two share it) or CPR, among the user's own list:
                // never a dead end asking for a reason with no field for it.
                guard case .main(let s) = phase else { return }
                if let id = service.visibleCitizen(c, as: s.user.id) { subject = .citizen(id); break }
                // A search is a read of personal data: unlogged, it is not shown.
                let matches: [CitizenRow]
                do {
                    matches = CitizenLookup.matches(c, in: try service.citizens(as: s.user.id, logged: false))
                    try service.recordSearch(c, results: matches.count, as: s.user.id)
                } catch {
                    message = (strings.refusal(error, names: Names(service, strings)), .error); return
                }
                guard !matches.isEmpty else { message = ("\(strings.l(.noCitizens)) (\(c))", .error); return }
                guard matches.count == 1 else {
                    // A shared name: choose among them (name, birth date, age, responsible), never a dead end.
                    let staff = Names.staff(service, strings)
                    choice = AppChoice(purpose: .calendarOf(matches.map(\.id)), chooser: Chooser(
                        title: strings.c(.whichCitizen), about: c, items: matches.map { CitizenLookup.chooserItem($0, strings: strings, staff: staff) }))
                    return
                }
                subject = .citizen(matches[0].id)
            default:
                let spec = command.spec
                message = (":\(spec.shown(strings)) " + strings.text(spec.arguments), .error); return
            }
            withSession { open(.calendar(subject), &$0) }
        case .theme:
            let names = Theme.available(in: options.themePaths)
            guard parts.count == 2 else { message = ("\(strings.t(.themesAre)): \(names.joined(separator: ", "))", .normal); return }
            // A name no theme has changes nothing (the screen keeps its theme) and says which there are.
            guard Theme.source(parts[1], in: options.themePaths) != nil || parts[1] == "monochrome" else {
                message = ("\(strings.t(.noSuchTheme)) “\(parts[1])” (\(strings.t(.themesAre)): \(names.joined(separator: ", ")))", .error); return
            }
            applyTheme(parts[1])
        case .lang:
            guard parts.count == 2, let l = Language(rawValue: parts[1]) else { message = ("\(strings.t(.langIs)) da|en", .error); return }
            options.language = l
            strings = Strings(l)
            message = (strings.t(.langSet), .normal)
        }
    }

    /// `:plan CPR-or-name`, among the citizens this user's list shows: a CPR number or an id opens
    /// the plan of a citizen the user may see; a name (or part of one, æøå or not) opens the one
    /// match, or filters the list to the matches.
    private func openPlan(matching query: String, _ s: inout Session) {
        if let id = service.visibleCitizen(query, as: s.user.id) { open(.plan(citizen: id), &s); return }
        let isCPR = query.filter(\.isNumber).count == 10 && query.allSatisfy { $0.isNumber || $0 == "-" || $0 == " " }
        let isID = query.hasPrefix("c") && query.count > 1 && query.dropFirst().allSatisfy(\.isNumber)
        // A number or an id the user may not see: to look anyway, they state a reason (break the glass).
        if isCPR || isID { open(.reason(citizen: isCPR ? String(query.filter(\.isNumber)) : query), &s); return }
        guard var list = s.stack[0] as? CitizenListScreen else { return }
        let (match, count) = list.find(query)
        s.stack[0] = list
        if let match { open(.plan(citizen: match), &s); return }
        open(.citizens, &s)
        if count == 0 { message = ("\(strings.p(.planNotFound)): \(query)", .error) }
    }
}
