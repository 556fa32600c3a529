import EnPlanDomain
import Foundation

/// The full-screen program: the loop, login and lock, and the route stack of screens after login.
/// It asks the domain (`CaseService`) for everything and draws through a `Terminal`, so tests
/// drive it with a `MemoryTerminal`.
///
/// - The route stack: the citizen list is always at the bottom; `.open` pushes (or, for the list
///   and an open calendar, goes back down to it); `.back` pops. Esc goes back where the user came from.
/// - Effects are carried out in one place (AppEffects.swift), and after every write and every
///   second, one refresh path hands what changed to every open screen's `reload`.
/// - The frame (title, status, key bar, help, command line) is drawn in AppFrame.swift.
public final class App {
    public struct Options: Sendable {
        public var language: Language = .da
        public var themeName = "default"
        public var themePaths: [String] = []
        /// Lock after this many seconds without a key (default 10 minutes).
        public var idleLockSeconds: TimeInterval = 600
        public var demo = false
        /// NO_COLOR set, or a terminal without colours: monochrome whatever the theme.
        public var monochrome = false
        /// When meetings can be held (free-slot search).
        public var workingHours = WorkingHours()
        /// The caseload thresholds the dashboard flags.
        public var figureSettings = FigureSettings()
        /// The citizen's access report names staff (else only their sector and role).
        public var auditReportNames = false
        /// The meeting rooms an administrator keeps (settings `rooms`): the scheduling form picks from them.
        public var rooms: [String] = []
        /// The plan document's letterhead and the rooms' addresses (settings `municipality`, `room-address`).
        public var letterhead = PlanDocument.Letterhead()
        /// Saves an export (iCalendar, a plan for the citizen) under a name and says where it went.
        /// The program gives this: screens do not touch files.
        /// Keeps an export for the user (their outbox) and says how they fetch it.
        public var saveExport: (@Sendable (_ user: String, _ name: String, _ text: String) throws -> ExportReceipt)?
        /// Sends a PostScript document to a printer (`queue`; nil: the user's own by the settings);
        /// returns the queue and the job id.
        public var printDocument: (@Sendable (_ user: String, _ queue: String?, _ title: String, _ postScript: String) throws -> (queue: String, job: String))?
        /// The printers the user may choose from and their own (`Printers`); nil: no choice, the
        /// user's own. The program lists them (CUPS): screens do not run processes.
        public var printers: (@Sendable (_ user: String) -> Printers)?
        /// The person an SSH key names (`enplan ssh-session --user`): the login form comes filled in
        /// with them (the password is still asked), and nobody else may log in at this terminal.
        public var sessionUser: String?
        public init() {}
    }

    struct Session {
        var user: User
        /// The route stack: `stack[0]` is the citizen list.
        var stack: [any Screen]
        /// The calendar as it was when the user left it for the list (view and day kept).
        var parkedCalendar: CalendarScreen?
        /// What is new for the user (the title bar counts it).
        var inbox = Inbox()
        /// The user's password as it was at login (`CaseService.credentialStamp`): changed
        /// elsewhere, this session locks and asks for the new one.
        var credential: Int?
        /// The printer chosen last in this session (`P`): the chooser starts on it next time.
        var printer: String?
    }

    enum Phase {
        case login(LoginScreen)
        case main(Session)
        /// The session is out being changed (see `withSession`).
        case moving
    }

    public static let minimumSize = (rows: 15, cols: 60)

    /// The store behind the screens: opened on its own thread while the login form is up
    /// (`ServiceLoader`). Only what needs it asks for it, and waits for it if need be.
    let loader: ServiceLoader
    var loaded: CaseService?
    var service: CaseService {
        if let loaded { return loaded }
        guard let l = try? loader.wait() else { fatalError("the store is asked for after it failed to open") }
        takeLoaded(l)
        return l.service
    }
    /// Why the store could not be opened (the loop ends; the program reports it).
    public internal(set) var loadError: (any Error)?
    let terminal: Terminal
    public internal(set) var options: Options
    var strings: Strings
    var phase: Phase
    /// The session kept while the screen is locked, to give back to the same user.
    var lockedSession: Session?
    var showHelp = false
    var helpScroll = 0
    /// `q` on the list, or Ctrl-C anywhere, asks before the program ends (typed work is not lost
    /// to a slip of the finger): the next key answers.
    var askingQuit = false
    var commandLine: CommandPrompt?
    /// The printer chooser, open over the screen with the document it is for.
    /// A chooser over the screen (a printer, a citizen of a shared name): the next keys are its.
    var choice: AppChoice?
    var history: [String] = []
    var message: (text: String, role: Role)?
    var lastInput = Date()
    var lastRefresh = Date()
    /// Whether the heap's free pages have been given back since the last login (`tick`).
    var trimmedSinceLogin = false
    var seenSeq = 0
    public internal(set) var running = true
    /// Errors to show once the screen is up (a bad theme file, a repaired tail).
    public var startupNotice: String?

    public convenience init(service: CaseService, terminal: Terminal, options: Options) {
        self.init(loading: ServiceLoader(ready: .init(service: service)), terminal: terminal, options: options)
    }

    /// The login form at once, the store as `loader` has it: before it is open the form is the
    /// login (a store without users turns it into the first administrator's form when it is).
    public init(loading loader: ServiceLoader, terminal: Terminal, options: Options) {
        self.loader = loader
        self.terminal = terminal
        self.options = options
        strings = Strings(options.language)
        phase = .login(LoginScreen(kind: .login, strings: Strings(options.language)))
        checkLoaded()
        phase = .login(loginScreen())
        applyTheme(options.themeName)
    }

    /// Runs `body` on the session while `phase` holds no copy of it, so changing a screen (the
    /// list holds up to 100,000 rows) copies nothing; puts it back unless `body` moved on (a lock,
    /// a logout).
    func withSession(_ body: (inout Session) throws -> Void) rethrows {
        guard case .main(var s) = phase else { return }
        phase = .moving
        defer { if case .moving = phase { phase = .main(s) } }
        try body(&s)
    }

    /// What the screens may read: the user, the language, the body's size, the domain's queries.
    func context(_ user: User) -> ScreenContext {
        var x = ScreenContext(service: service, user: user, strings: strings, rows: terminal.size.rows - 3, cols: terminal.size.cols,
                              workingHours: options.workingHours, figureSettings: options.figureSettings)
        x.auditReportNames = options.auditReportNames
        x.rooms = options.rooms
        x.letterhead = options.letterhead
        return x
    }

    // MARK: the loop

    /// Runs until the user quits or `stop` says so (a signal). Keys wait at most 500 ms, so idle
    /// lock and other terminals' changes are handled in time.
    public func run(stop: () -> Bool) {
        if let n = startupNotice { message = (n, .error) }
        terminal.present(render())
        while running && !stop() {
            if loaded == nil { checkLoaded() }
            if let key = terminal.readKey(timeoutMs: loaded == nil && loadError == nil ? 50 : 500) {
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
        if now.timeIntervalSince(lastRefresh) >= 1 || service.changesAnnounced() {
            lastRefresh = now
            withSession { refresh(&$0) }
        } else if !trimmedSinceLogin, now.timeIntervalSince(lastInput) >= 1 {
            // Reading the whole list at login leaves freed pages behind (the heads, the rows before
            // sorting): given back once the user pauses, not on the way to the list (20 MB).
            trimmedSinceLogin = true
            Heap.giveBack()
        } else if now.timeIntervalSince(lastInput) >= 2, case .main(let s) = phase, s.user.role != .caseworker {
            // A supervisor or administrator idle: the dashboard's figures brought up to date now, so
            // that opening it costs no wait (a caseworker's session does not hold them unasked).
            service.prepareFigures()
        }
    }

    // MARK: keys

    public func handle(_ key: Key) {
        if askingQuit {
            askingQuit = false
            if key == .char("j") || key == .char("y") { running = false }
            return
        }
        if key == .ctrl("c") {
            if case .main = phase { askingQuit = true } else { running = false }
            commandLine = nil
            return
        }
        if showHelp {
            let step: Int? = [Key.up: -1, .down: 1, .char("k"): -1, .char("j"): 1, .pageUp: -10, .pageDown: 10][key]
            if let step { helpScroll = max(0, min(helpScrollLimit(), helpScroll + step)) }
            else if key == .escape || key == .char("q") || key == .char("?") || key == .function(1) { showHelp = false; helpScroll = 0 }
            return
        }
        if let choice = choice, case .main = phase {
            handleChoice(key, choice)
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
        case .login(var screen):
            if key == .resize { return }
            switch screen.handle(key) {
            case .none: phase = .login(screen)
            case .quit: running = false
            case .submit: submit(screen)
            }
        case .main:
            if key != .resize { message = nil }
            withSession { s in
                let x = context(s.user)
                let effect = s.stack[s.stack.count - 1].handle(key, context: x)
                perform(effect, &s)
            }
        case .moving:
            break
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

/// Where an export went: its name in the person's outbox and the command that fetches it.
public struct ExportReceipt: Sendable, Equatable {
    public var name: String
    public var fetch: String
    public init(name: String, fetch: String) { self.name = name; self.fetch = fetch }
}
