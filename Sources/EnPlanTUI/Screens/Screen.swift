import EnPlanDomain

/// The shape every screen after login has. Data flows one way:
///
///     key -> handle -> Effect -> (the App carries it out: a write, a route, a message …)
///         -> written (the write's answer) -> reload (the ONE refresh path) -> render
///
/// - `handle` changes the screen's own state and answers with an `Effect`; it may ask the domain
///   (`context.service`'s queries) but never writes: a write is `.write`, carried out by the App,
///   which then hands the answer to `written` and refreshes every open screen through `reload`;
///   an audit record (a search, a spot check) is `.record`, answered to `recorded`.
/// - `reload` is the only place a screen reads its data again: after a write here and after
///   another terminal's change (`changes` names what changed; nil: read everything).
/// - `render` draws into the body (rows 1 ..< rows-2) and changes nothing.
/// - `keys` is the key table in force now: the bar, the help and the key lookup all use it.
public protocol Screen {
    func keys(_ context: ScreenContext) -> [Binding]
    mutating func handle(_ key: Key, context: ScreenContext) -> Effect
    mutating func written(_ result: WriteResult, context: ScreenContext) -> Effect
    /// The answer to a `.record` this screen asked for (the screen on top).
    mutating func recorded(_ write: AuditWrite, _ result: WriteResult, context: ScreenContext) -> Effect
    mutating func reload(_ changes: CaseService.Changes?, context: ScreenContext) -> Effect
    func render(into canvas: inout Canvas, context: ScreenContext)
    /// The status line when no message is shown.
    func status(_ context: ScreenContext) -> Status
    /// Where the screen stands in the route stack (`:plan` finds an open plan by it).
    var route: Route { get }
}

extension Screen {
    public mutating func written(_ result: WriteResult, context: ScreenContext) -> Effect {
        if case .refused(let e) = result { return .message(context.strings.refusal(e, names: context.names), .error) }
        return .none
    }
    public mutating func reload(_ changes: CaseService.Changes?, context: ScreenContext) -> Effect { .none }
    public mutating func recorded(_ write: AuditWrite, _ result: WriteResult, context: ScreenContext) -> Effect { .refusal(result, context) }
}

extension Effect {
    /// A refused write's words on the status line; nothing for one that was saved.
    public static func refusal(_ result: WriteResult, _ x: ScreenContext) -> Effect {
        if case .refused(let e) = result { return .message(x.strings.refusal(e, names: x.names), .error) }
        return .none
    }
}

/// Where a screen is: what `.open` asks for. Which screen a route is, and how it is opened, is
/// declared in `ScreenCatalogue.all`.
public enum Route: Equatable, Sendable {
    case citizens
    /// `reason`: the stated reason of a user who does not work on the citizen (break the glass):
    /// logged with the look, and the plan opens read-only.
    case plan(citizen: String, reason: String? = nil)
    /// The plan at one of its items: a referral waiting for this user's answer opens its answer
    /// form (the inbox), anything else is selected.
    case planAt(citizen: String, item: String)
    case journey(citizen: String, reason: String? = nil)
    /// Asking for the reason to look at a citizen the user does not work on (an id or a CPR number).
    case reason(citizen: String)
    case calendar(CalendarScreen.Subject?)
    case dashboard
    case figureList(FigureRef)
    case audit
    case inbox
    /// The team leader's list of probable duplicates (`:dubletter`).
    case duplicates
    /// The colleagues (`:kolleger`); from a plan, its citizen's (those on the case first).
    case directory(citizen: String?)
    /// The organisation's units (`:enheder`): an administrator changes them, everyone else reads.
    case units
}

/// What a screen asks the program to do. The App carries effects out in one place.
public enum Effect {
    case none
    /// One write of a form's commands, checked against the version the screen saw.
    case write([Command], expectedVersion: Int?)
    case open(Route)
    /// Back where the user came from (the route stack's previous screen).
    case back
    case message(String, Role)
    /// Save a file through the program (screens never touch files); `done` precedes its path;
    /// `record`: what left the system, for the audit log.
    case export(name: String, text: String, done: String, record: ExportRecord)
    /// Print a document on a printer (CUPS) through the program: its title, its lines with their
    /// shape (`PrintLayout` breaks pages by it) and the header each page carries; `kind` as for an
    /// export's record. The program asks which printer when more than one is there (`PrintRequest`).
    case print(title: String, document: DocumentText, header: String, citizen: String, reason: String?, kind: ExportKind = .planPrinted)
    /// A record for the audit log (screens never write it): the App writes it and hands the answer
    /// to the screen's `recorded` (by default a failure is shown); only when it was written is
    /// `then` carried out (an unlogged look is not shown, a search not acted on).
    indirect case record(AuditWrite, then: Effect = .none)
    case help, commandLine, lock, quit, redraw
    /// From `reload`: the screen can no longer be shown (access lost): it and the screens above it
    /// close, and the reason is shown.
    case closed(String)
    case all([Effect])
}

/// What an export was, for the audit log (every export is logged, from the screen as headless).
public enum ExportRecord: Sendable {
    case plan(citizen: String, reason: String?)
    /// The citizen's access report, for the citizen.
    case accessReport(citizen: String)
    case calendar
    case figures(FigureTable)
}

/// What a screen asks the App to write to the audit log (`Effect.record`).
public enum AuditWrite: Sendable, Equatable {
    /// A search the user finished typing (or a name looked up): a read of personal data.
    case search(String, results: Int)
    /// A list already shown grew by citizens another terminal made visible.
    case listRefresh(added: Int, total: Int)
    /// A supervisor's spot check of one lookup (`entry`: its sequence number).
    case spotCheck(entry: Int, verdict: SpotCheckVerdict, note: String?)
}

/// The answer to a `.write`.
public enum WriteResult {
    case saved
    case refused(Error)
}

/// A status line: the text, its role, and whether it is input being typed (the cursor goes there).
public struct Status {
    public var text: String
    public var role: Role
    public var input = false
    /// Dim text after the main text (the search's "3/120").
    public var after: String?
    public init(_ text: String, _ role: Role = .normal, input: Bool = false, after: String? = nil) {
        self.text = text; self.role = role; self.input = input; self.after = after
    }
}

/// What a screen may read while it handles a key or draws.
extension ScreenContext {
    /// Every user's name as the screens show it: one who has left is marked ("Mette Kjær
    /// (fratrådt)"), in lists, plans, meetings and figures alike, so what they leave is seen.
    public var staffNames: [String: String] { Names.staff(service, strings) }
}

public struct ScreenContext {
    public let service: CaseService
    public let user: User
    public let strings: Strings
    /// The rows and columns between the title and the status line.
    public let rows: Int, cols: Int
    public let workingHours: WorkingHours
    /// The caseload thresholds (settings `caseload-warn`, `caseload-max`).
    public let figureSettings: FigureSettings
    /// Whether the citizen's access report names staff (setting `audit-report-names`) or units only.
    public var auditReportNames = false
    /// The meeting rooms kept in the settings (empty: any room may be typed).
    public var rooms: [String] = []
    /// The plan document's letterhead (settings `municipality`, `room-address`).
    public var letterhead = PlanDocument.Letterhead()

    public init(service: CaseService, user: User, strings: Strings, rows: Int, cols: Int,
                workingHours: WorkingHours = WorkingHours(), figureSettings: FigureSettings = FigureSettings()) {
        self.service = service; self.user = user; self.strings = strings; self.rows = rows; self.cols = cols
        self.workingHours = workingHours; self.figureSettings = figureSettings
    }

    public var today: Day { service.today }
    /// Names for ids (users, benefits), in the user's language.
    public var names: Names { Names(service, strings) }
}

/// Names the screens show for ids: users, benefits.
public struct Names: Sendable {
    public var users: [String: String] = [:]
    public var benefits: [String: String] = [:]
    /// Users' phone numbers and e-mail addresses, by id (the citizen's plan document gives the responsible's).
    public var phones: [String: String] = [:]
    public var emails: [String: String] = [:]
    /// Other registrations of a citizen as the viewer may know them (a journey's links and
    /// dismissed duplicates: `Journey.others`), by id.
    public var citizens: [String: LinkedRegistration] = [:]
    /// A citizen's plan items and consents by id, as the viewer may see them (`Journey.items`,
    /// `PlanItemLabel.labels`): a line about one names it in words.
    public var items: [String: PlanItemLabel] = [:]
    public init(users: [String: String] = [:], benefits: [String: String] = [:]) { self.users = users; self.benefits = benefits }
    /// Every user's and benefit's name, in the language of `strings` (the screens and the headless exports alike).
    public init(_ service: CaseService, _ strings: Strings) {
        self.init(users: Names.staff(service, strings), benefits: service.benefits.mapValues { strings.pick($0.danish, $0.english) })
        let contacts = service.userContacts
        phones = contacts.compactMapValues(\.phone)
        emails = contacts.compactMapValues(\.email)
    }
    /// Users' names, one who has left marked "(fratrådt)".
    public static func staff(_ service: CaseService, _ strings: Strings) -> [String: String] {
        var names = service.userNames
        for id in service.inactiveUsers { names[id] = names[id].map { "\($0) (\(strings.pick("fratrådt", "left")))" } }
        return names
    }

    /// A user by name, never by id ("Mette Kjær", not "Mette Kjær (mette)").
    public func user(_ id: String) -> String { users[id] ?? id }

    /// A plan item in words ("Samtale om praktik (frist 13-12-2026)", "indsatsen Brobygning"),
    /// never by id; one not known here (hidden content) as "–".
    public func item(_ id: String, strings s: Strings) -> String {
        switch items[id] {
        case let .goal(text)?: return "“\(text)”"
        case let .effort(title)?: return "“\(title)”"
        case let .followUp(subject, due)?: return (subject.map { "“\($0)” " } ?? "") + "(\(s.p(.due)) \(s.date(due)))"
        case let .referral(to, text)?: return "\(s.sector(to)): “\(text)”"
        case let .consent(sectors, given)?: return "\(sectors.map(s.sector).joined(separator: " + ")) (\(s.date(given)))"
        case nil: return "–"
        }
    }

    /// Another registration by name and birth date ("Søren Sørensen (010190-XXXX)"), never by id;
    /// one the viewer may not see (or not known here) as "en anden registrering".
    public func citizen(_ id: String, strings s: Strings) -> String {
        guard let r = citizens[id], let name = r.name else { return s.pick("en anden registrering", "another registration") }
        return name + (r.maskedCPR.map { " (\($0))" } ?? "")
    }
}

extension Effect {
    /// The frame's effect for an action every screen shares; nil for any other action.
    public static func frame(_ action: Action) -> Effect? {
        switch action {
        case .help: return .help
        case .command: return .commandLine
        case .lock: return .lock
        case .redraw: return .redraw
        case .go(let route): return .open(route)
        case .move, .open, .back, .save, .nextField, .cancel, .own: return nil
        }
    }
}
