import EnPlanDomain
import Foundation

/// The full-screen program: login, the frame around every screen, lock, idle lock, the command
/// line, help, and changes from other terminals. It asks the domain (`CaseService`) for everything
/// and draws through a `Terminal`, so tests drive it with a `MemoryTerminal`.
public final class App {
    public struct Options: Sendable {
        public var language: Language = .fromEnvironment()
        public var themeName = "default"
        public var themePaths: [String] = []
        /// Lock after this many seconds without a key (default 10 minutes).
        public var idleLockSeconds: TimeInterval = 600
        public var demo = false
        /// NO_COLOR set, or a terminal without colours: monochrome whatever the theme.
        public var monochrome = false
        /// When meetings can be held (free-slot search).
        public var workingHours = WorkingHours()
        /// Saves an export (iCalendar, a plan for the citizen) under a name and says where it went.
        /// The program gives this: screens do not touch files.
        public var saveExport: (@Sendable (_ name: String, _ text: String) throws -> String)?
        public init() {}
    }

    enum ScreenKind { case citizens, calendar, plan }

    struct Session {
        var user: User
        var list: CitizenList
        var plan: PlanScreen?
        var screen: ScreenKind = .citizens
        var calendar: CalendarScreen
    }

    enum Phase {
        case login(LoginForm)
        case main(Session)
        /// The session is out being changed (see `withSession`).
        case moving
    }

    /// Runs `body` on the session while `phase` holds no copy of it, so changing the list (up to
    /// 100,000 rows) copies nothing; puts it back unless `body` moved on (a lock, a logout).
    func withSession(_ body: (inout Session) throws -> Void) rethrows {
        guard case .main(var s) = phase else { return }
        phase = .moving
        defer { if case .moving = phase { phase = .main(s) } }
        try body(&s)
    }

    public static let minimumSize = (rows: 15, cols: 60)

    let service: CaseService
    let terminal: Terminal
    public private(set) var options: Options
    var strings: Strings
    var phase: Phase
    /// The session kept while the screen is locked, to give back to the same user.
    var lockedSession: Session?
    var showHelp = false
    var commandLine: CommandPrompt?
    var history: [String] = []
    var message: (text: String, role: Role)?
    var lastInput = Date()
    var lastRefresh = Date()
    var seenSeq = 0
    public private(set) var running = true
    /// Errors to show once the screen is up (a bad theme file, a repaired tail).
    public var startupNotice: String?

    public init(service: CaseService, terminal: Terminal, options: Options) {
        self.service = service
        self.terminal = terminal
        self.options = options
        strings = Strings(options.language)
        phase = .login(LoginForm(kind: service.state.accounts.isEmpty ? .firstAdmin : .login))
        applyTheme(options.themeName)
    }

    // MARK: the loop

    /// Runs until the user quits or `stop` says so (a signal). Keys wait at most 500 ms, so idle
    /// lock and other terminals' changes are handled in time.
    public func run(stop: () -> Bool) {
        if let n = startupNotice { message = (n, .error) }
        terminal.present(render())
        while running && !stop() {
            if let key = terminal.readKey(timeoutMs: 500) {
                lastInput = Date()
                handle(key)
            } else {
                tick(now: Date())
            }
            if running { terminal.present(render()) }
        }
        terminal.wipe()
    }

    /// Time passing without keys: the idle lock, and re-reading what other terminals changed.
    public func tick(now: Date) {
        guard case .main = phase else { return }
        if now.timeIntervalSince(lastInput) >= options.idleLockSeconds { lock(); return }
        if now.timeIntervalSince(lastRefresh) >= 1 {
            lastRefresh = now
            refreshFromOtherTerminals()
        }
    }

    func refreshFromOtherTerminals() {
        withSession { s in refresh(&s) }
    }

    private func refresh(_ s: inout Session) {
        do {
            try service.store.refresh()
            guard service.store.lastSeq != seenSeq else { return }
            seenSeq = service.store.lastSeq
            // Deactivated at another terminal: the session ends here too.
            guard let current = service.state.user(s.user.id), current.active else {
                lockedSession = nil
                terminal.wipe()
                phase = .login(LoginForm(kind: .login))
                return
            }
            // Only the citizens whose streams changed (a meeting's change is its citizen's).
            let changed = service.store.takeChangedStreams()
            let state = service.state
            var ids = Set<String>()
            var usersChanged = false
            for stream in changed {
                if state.citizens[stream] != nil { ids.insert(stream) }
                else if let c = state.meetings[stream]?.citizen { ids.insert(c) }
                else if stream.hasPrefix(Streams.userPrefix) { usersChanged = true }
            }
            var added: Int?
            if !usersChanged {
                let update = try service.rows(for: ids, as: s.user.id)
                added = s.list.update(update.rows, hidden: update.hidden)
            }
            if added == nil {
                // Rarely: a renamed citizen, one no longer visible, or users changed. Read it all again.
                let before = Set(s.list.entries.map(\.row.id))
                let rows = try service.citizens(as: s.user.id, logged: false)
                added = rows.filter { !before.contains($0.id) }.count
                s.list.load(rows, names: userNames)
            }
            // Citizens who became visible since the list was read are a new read: logged.
            if let added, added > 0 { try service.recordListRefresh(added: added, total: s.list.total, as: s.user.id) }
            // An open plan another terminal changed is read again (a form keeps the version it was
            // opened on: its save is refused as stale and shows what changed).
            if let plan = s.plan, ids.contains(plan.citizen.id) || usersChanged { reloadPlan(&s) }
        } catch {
            message = ("\(error)", .error)
        }
    }

    var userNames: [String: String] { Dictionary(uniqueKeysWithValues: service.state.users.map { ($0.id, $0.name) }) }

    // MARK: keys

    public func handle(_ key: Key) {
        if key == .resize { return }   // the next render reads the new size
        if showHelp {
            if key == .escape || key == .char("q") || key == .char("?") || key == .function(1) { showHelp = false }
            return
        }
        if var cl = commandLine {
            switch cl.handle(key, history: history, themes: Theme.available(in: options.themePaths)) {
            case .none: commandLine = cl
            case .cancel: commandLine = nil
            case .run(let text): commandLine = nil; run(command: text)
            }
            return
        }
        switch phase {
        case .login(var form):
            switch form.handle(key) {
            case .none: phase = .login(form)
            case .quit: running = false
            case .submit: submit(form)
            }
        case .main:
            message = nil
            withSession { handleMain(key, &$0) }
        case .moving:
            break
        }
    }

    private func handleMain(_ key: Key, _ s: inout Session) {
        if s.screen == .calendar { handleCalendar(key, &s); return }
        if s.screen == .plan { handlePlan(key, &s); return }
        // Typing a search: keys go to the query.
        if s.list.editingQuery {
            switch key {
            case .escape: s.list.editingQuery = false; s.list.setQuery("")
            case .enter, .down, .up:
                s.list.editingQuery = false
                logSearch(s)
                if key == .enter, !s.list.query.isEmpty || s.list.count > 0 { return }
            case .backspace:
                if s.list.query.isEmpty { s.list.editingQuery = false } else { s.list.setQuery(String(s.list.query.dropLast())) }
            case .char(let c): s.list.setQuery(s.list.query + String(c))
            default: break
            }
            return
        }
        guard let action = KeyTable.action(for: key, in: [KeyTable.global, KeyTable.citizenList]) else { return }
        if handleGlobal(action, &s) { return }
        let page = max(1, terminal.size.rows - 6)
        switch action {
        case .search: s.list.editingQuery = true
        case .open: if let row = s.list.selectedRow { openPlan(row.id, &s) }
        case .back: if !s.list.query.isEmpty { s.list.setQuery("") }
        case .quit: running = false
        case .up: s.list.move(by: -1)
        case .down: s.list.move(by: 1)
        case .top: s.list.moveToTop()
        case .bottom: s.list.moveToBottom()
        case .pageUp: s.list.move(by: -page)
        case .pageDown: s.list.move(by: page)
        case .mine: s.list.mineOnly = true; s.list.refilter()
        case .all: s.list.mineOnly = false; s.list.refilter()
        case .youth: s.list.youthOnly.toggle(); s.list.refilter()
        case .overdue: s.list.overdueOnly.toggle(); s.list.refilter()
        case .noPlan: s.list.noPlanOnly.toggle(); s.list.refilter()
        case .sector: s.list.cycleSector()
        case .sort: s.list.nextSort()
        case .reverse: s.list.reverseSort()
        default: break
        }
    }

    /// The keys every screen shares (help, command line, lock, redraw, switching screens).
    /// Returns false for an action that is the screen's own.
    func handleGlobal(_ action: Action, _ s: inout Session) -> Bool {
        switch action {
        case .help: showHelp = true
        case .command: commandLine = CommandPrompt()
        case .lock: lock(&s)
        case .redraw: terminal.wipe()
        case .citizens: s.screen = .citizens
        case .calendar: s.screen = .calendar; loadCalendar(&s)
        default: return false
        }
        return true
    }

    // MARK: the calendar

    private func handleCalendar(_ key: Key, _ s: inout Session) {
        if var form = s.calendar.form {
            switch form.handle(key) {
            case .none: s.calendar.form = form
            case .cancel: s.calendar.form = nil
            case .findFreeSlot:
                let people = form.participants
                let room = form.fields[5].trimmingCharacters(in: .whitespaces)
                let after = max(service.store.clock.now().local,
                                LocalTime(day: DayInput.parse(form.fields[2], today: service.today) ?? service.today, minuteOfDay: 0))
                if let slot = Scheduling.firstFreeSlot(participants: people, room: room.isEmpty ? nil : room,
                                                       minutes: Int(form.fields[4]) ?? 60, after: after, in: service.state,
                                                       hours: options.workingHours) {
                    form.fields[2] = slot.day.danish
                    form.fields[3] = Day.pad(slot.minuteOfDay / 60, 2) + ":" + Day.pad(slot.minuteOfDay % 60, 2)
                    form.error = nil
                }
                s.calendar.form = form
            case .merge:
                guard let target = form.mergeInto else { break }
                do {
                    try service.execute(.joinMeeting(meeting: target.id, participants: form.participants, guests: form.partners,
                                                     allowConflict: false, agenda: form.agenda), as: s.user.id)
                    s.calendar.form = nil
                    message = (strings.t(.fMerged), .normal)
                    s.calendar.invalidate(); loadCalendar(&s)
                } catch { form.error = "\(error)"; form.mergeInto = nil; s.calendar.form = form }
            case .save(let allow):
                let cid = form.fields[1].trimmingCharacters(in: .whitespaces)
                switch form.command(today: service.today, citizenName: service.state.citizens[cid]?.name) {
                case .failure(let e): form.error = e.description; s.calendar.form = form
                case .success(var command):
                    // Fewer meetings: a citizen's meeting within 14 days is offered first, once.
                    if case let .scheduleMeeting(type, citizen, start, minutes, room, people, guests, _, agenda) = command {
                        if let cid = citizen, !form.mergeOffered,
                           let other = Scheduling.mergeCandidate(citizen: cid, near: start, in: service.state) {
                            form.mergeInto = other
                            form.mergeOffered = true
                            s.calendar.form = form
                            return
                        }
                        command = .scheduleMeeting(type: type, citizen: citizen, start: start, minutes: minutes, room: room,
                                                   participants: people, guests: guests, allowConflict: allow, agenda: agenda)
                    }
                    do {
                        try service.execute(command, as: s.user.id)
                        s.calendar.form = nil
                        message = (strings.t(.fSaved), .normal)
                        s.calendar.invalidate(); loadCalendar(&s)
                    } catch let e as DomainError {
                        if case .conflict(let text) = e { form.conflict = text } else { form.error = e.description }
                        form.mergeInto = nil
                        s.calendar.form = form
                    } catch { form.error = "\(error)"; s.calendar.form = form }
                }
            }
            return
        }
        if var typed = s.calendar.goTo {
            switch key {
            case .escape: s.calendar.goTo = nil
            case .enter:
                if let d = DayInput.parse(typed, today: service.today) { s.calendar.jump(to: d); s.calendar.goTo = nil; loadCalendar(&s) }
                else { message = ("\(strings.t(.goToPrompt))\(typed)?", .error) }
            case .backspace: if !typed.isEmpty { typed.removeLast() }; s.calendar.goTo = typed
            case .char(let c): typed.append(c); s.calendar.goTo = typed
            default: break
            }
            return
        }
        if var entry = s.calendar.outcome, let m = s.calendar.open {
            if key == .escape { s.calendar.outcome = nil; return }
            if !entry.askingResult {
                switch key {
                case .enter:
                    let hasFollowUps = entry.status == .held && !m.agenda.filter { $0.hasPrefix("f") }.isEmpty
                    if hasFollowUps { entry.askingResult = true; s.calendar.outcome = entry } else { saveOutcome(&s, m, entry, nil) }
                case .backspace: if !entry.note.isEmpty { entry.note.removeLast() }; s.calendar.outcome = entry
                case .char(let c): entry.note.append(c); s.calendar.outcome = entry
                default: break
                }
                return
            }
            let results: [Character: FollowUpResult] = ["1": .continue, "2": .change, "3": .end, "4": .reassess]
            if key == .enter { saveOutcome(&s, m, entry, nil) }
            else if case .char(let c) = key, let r = results[c] { saveOutcome(&s, m, entry, r) }
            return
        }
        if let m = s.calendar.open {
            switch key {
            case .escape, .char("q"): s.calendar.open = nil
            case .char("a"): s.calendar.outcome = .init(status: .held)
            case .char("c"): s.calendar.outcome = .init(status: .cancelled)
            case .char("u"): s.calendar.outcome = .init(status: .noshow)
            default: _ = m
            }
            return
        }
        guard let action = KeyTable.action(for: key, in: [KeyTable.global, KeyTable.calendar]) else { return }
        if handleGlobal(action, &s) { return }
        let listLike = s.calendar.view == .agenda || s.calendar.view == .day
        switch action {
        case .quit, .back: s.screen = .citizens
        case .open: s.calendar.open = s.calendar.selectedMeeting
        case .newMeeting: s.calendar.form = ScheduleForm(day: s.calendar.cursor, user: s.user.id)
        case .switchView: s.calendar.nextView()
        case .today: s.calendar.jump(to: service.today)
        case .goToDate: s.calendar.goTo = ""
        case .nextMeeting: s.calendar.select(by: 1)
        case .export: exportCalendar(s)
        case .previousDay: s.calendar.move(days: -1)
        case .nextDay: s.calendar.move(days: 1)
        case .previousWeek: if listLike { s.calendar.select(by: -1) } else { s.calendar.move(days: -7) }
        case .nextWeek: if listLike { s.calendar.select(by: 1) } else { s.calendar.move(days: 7) }
        case .previousMonth: s.calendar.move(months: -1)
        case .nextMonth: s.calendar.move(months: 1)
        default: break
        }
        loadCalendar(&s)
    }

    private func saveOutcome(_ s: inout Session, _ m: Meeting, _ entry: CalendarScreen.OutcomeEntry, _ result: FollowUpResult?) {
        do {
            let note = entry.note.trimmingCharacters(in: .whitespaces)
            try service.execute(.recordMeetingOutcome(meeting: m.id, status: entry.status, outcome: note.isEmpty ? nil : note,
                                                      completeFollowUps: result), as: s.user.id)
            s.calendar.outcome = nil
            s.calendar.open = nil
            message = (strings.t(.outcomeSaved), .normal)
            s.calendar.invalidate(); loadCalendar(&s)
        } catch {
            s.calendar.outcome = nil
            message = ("\(error)", .error)
        }
    }

    /// Writes the shown period's meetings as iCalendar through the program's `saveExport`.
    private func exportCalendar(_ s: Session) {
        guard let save = options.saveExport else { return }
        let period = s.calendar.period
        let meetings = s.calendar.meetings.filter { period.contains($0.start.day.daysSinceEpoch) }
        let name = "enplan-\(Day(daysSinceEpoch: period.lowerBound).iso)-\(s.calendar.view.rawValue).ics"
        do {
            let path = try save(name, ICalendar.export(meetings, state: service.state, storeID: service.store.identity))
            message = ("\(strings.t(.exported)) \(path)", .normal)
        } catch {
            message = ("\(error)", .error)
        }
    }

    /// Reads the meetings around the calendar's period when it moved outside what was read.
    func loadCalendar(_ s: inout Session) {
        guard s.calendar.needsLoad else { return }
        let scope: CaseService.MeetingScope
        switch s.calendar.subject {
        case .me: scope = .user(s.user.id)
        case .user(let u): scope = .user(u)
        case .citizen(let c): scope = .citizen(c)
        case .room(let r): scope = .room(r)
        }
        let window = s.calendar.loadWindow
        do {
            s.calendar.loaded(try service.meetings(as: s.user.id, scope: scope, from: window.from, to: window.to), window: window)
        } catch {
            message = ("\(error)", .error)
            s.calendar.loaded([], window: window)
        }
    }

    /// The user's next planned meeting today, for the status line.
    func nextMeetingToday(for user: String) -> Meeting? {
        let now = service.store.clock.now().local
        return (service.state.meetingsByDay[now.day] ?? []).compactMap { service.state.meetings[$0] }
            .filter { $0.participants.contains(user) && $0.status == .planned && $0.end > now }
            .min { $0.start < $1.start }
    }

    private func logSearch(_ s: Session) {
        guard !s.list.query.isEmpty else { return }
        do { try service.recordSearch(s.list.query, results: s.list.count, as: s.user.id) } catch { message = ("\(error)", .error) }
    }


    // MARK: login and lock

    private func submit(_ form: LoginForm) {
        var form = form
        let id = form.fields[0].trimmingCharacters(in: .whitespaces).lowercased()
        do {
            if form.kind == .firstAdmin {
                guard let sector = Sector(rawValue: form.fields[2].trimmingCharacters(in: .whitespaces)) else {
                    throw DomainError.invalid("\(strings.t(.sector)): employment, social, health, family, misuse")
                }
                try Passwords.check(form.fields[3])
                try service.execute(.createUser(User(id: id, name: form.fields[1], sector: sector, role: .admin),
                                                passwordHash: try Passwords.hash(form.fields[3])), as: id)
            }
            let user = try service.login(id, password: form.fields[form.passwordIndex])
            startSession(user)
        } catch let e as DomainError {
            switch e {
            case .invalid(let text) where text == "wrong user id or password": form.error = strings.t(.wrongLogin)
            default: form.error = e.description
            }
            form.fields[form.passwordIndex] = ""
            form.focus = form.passwordIndex
            phase = .login(form)
        } catch {
            form.error = "\(error)"
            phase = .login(form)
        }
    }

    private func startSession(_ user: User) {
        if var kept = lockedSession, kept.user.id == user.id {
            // An open plan is read again: access may have changed while the screen was locked.
            if kept.plan != nil { reloadPlan(&kept) }
            kept.user = user
            phase = .main(kept)
            lockedSession = nil
            refreshFromOtherTerminals()
            return
        }
        if let kept = lockedSession {
            // Someone else logs in at a locked terminal: the first user's session goes.
            message = ("\(kept.user.name): \(strings.t(.discarded))", .alert)
            lockedSession = nil
        }
        var list = CitizenList(mineOnly: user.role == .caseworker)
        do {
            list.load(try service.citizens(as: user.id), names: userNames)
        } catch {
            message = ("\(error)", .error)
        }
        seenSeq = service.store.lastSeq
        _ = service.store.takeChangedStreams()   // the list was just read whole
        phase = .main(Session(user: user, list: list, plan: nil, calendar: CalendarScreen(today: service.today)))
    }

    /// Clears the screen of everything personal and asks for the password again.
    public func lock() {
        guard case .main(var s) = phase else { return }
        lock(&s)
    }

    func lock(_ s: inout Session) {
        lockedSession = s
        showHelp = false
        commandLine = nil
        message = nil
        terminal.wipe()
        var form = LoginForm(kind: .locked(user: s.user.id))
        form.notice = nil
        phase = .login(form)
    }

    // MARK: commands

    func run(command text: String) {
        guard !text.isEmpty else { return }
        history.append(text)
        let parts = text.split(separator: " ").map(String.init)
        switch parts[0] {
        case "q", "quit": running = false
        case "lock": lock()
        case "help": showHelp = true
        case "citizens":
            withSession { $0.screen = .citizens }
        case "plan":
            // :plan CPR-or-name — among the citizens this user's list shows.
            let query = parts.dropFirst().joined(separator: " ")
            withSession { s in
                let digits = query.filter(\.isNumber)
                if let id = service.state.citizens[query] != nil ? query : digits.count == 10 ? service.state.citizenByCPR[digits] : nil {
                    // Only a citizen this user may see: whether a CPR number is registered is not for everyone.
                    if let rows = try? service.rows(for: [id], as: s.user.id), !rows.rows.isEmpty { openPlan(id, &s) }
                    else { message = ("\(strings.p(.planNotFound)): \(query)", .error) }
                    return
                }
                // A name (or part of one, æøå or not): the one citizen in the list that matches.
                s.list.setQuery(query)
                if s.list.count == 1, let row = s.list.selectedRow { s.list.setQuery(""); openPlan(row.id, &s); return }
                s.screen = .citizens
                if s.list.count == 0 { s.list.setQuery(""); message = ("\(strings.p(.planNotFound)): \(query)", .error) }
            }
        case "calendar":
            // :calendar [me | user ID | room NAME | citizen ID]
            let subject: CalendarScreen.Subject
            switch (parts.count > 1 ? parts[1] : "me", parts.count > 2 ? parts.dropFirst(2).joined(separator: " ") : nil) {
            case ("me", _): subject = .me
            case ("user", let id?): subject = .user(id)
            case ("room", let r?): subject = .room(r)
            case ("citizen", let c?): subject = .citizen(c)
            default: message = (":calendar [me | user ID | room NAME | citizen ID]", .error); return
            }
            withSession { s in
                s.screen = .calendar; s.calendar.subject = subject; s.calendar.invalidate(); loadCalendar(&s)
            }
        case "theme":
            guard parts.count == 2 else { message = ("theme: \(Theme.available(in: options.themePaths).joined(separator: ", "))", .normal); return }
            applyTheme(parts[1])
        case "lang":
            guard parts.count == 2, let l = Language(rawValue: parts[1]) else { message = ("lang da|en", .error); return }
            options.language = l
            strings = Strings(l)
            message = (strings.t(.langSet), .normal)
        default:
            message = ("\(strings.t(.unknownCommand)) \"\(parts[0])\" (\(strings.t(.commandsAre)): \(CommandPrompt.commands.joined(separator: ", ")))", .error)
        }
    }

    func applyTheme(_ name: String) {
        var (theme, problem) = Theme.load(name, from: options.themePaths)
        if options.monochrome { theme = .monochrome }
        terminal.apply(theme)
        options.themeName = theme.name
        if let problem { message = (problem, .error); startupNotice = startupNotice ?? problem }
        else if case .main = phase { message = ("\(strings.t(.themeSet)): \(theme.name)", .normal) }
    }
}
