import EnPlanDomain

/// Every screen after login, declared once: which routes are its, how it is opened from one, its
/// global key (if any) and its `:` words (if any). `App.open`, the global keys and their help, and
/// the `:` commands' completion, help and dispatch are all read from `ScreenCatalogue.all`, so a
/// new screen is its folder plus one entry there (and, for a new kind of address, its `Route` case).
public struct ScreenEntry: Sendable {
    /// A key that opens the screen from every screen (a digit and a function key).
    public struct GlobalKey: Sendable {
        public let keys: [Key]
        public let label: any Localized
        public let help: any Localized
        /// What the key opens.
        public let route: Route
    }

    /// A `:` command that opens the screen: its Danish and English word and its help.
    public struct Command: Sendable {
        public let danish: String
        public let english: String
        public let help: any Localized
        /// What the command opens, from the route of the screen it was typed on (the colleagues of
        /// a plan's citizen).
        public let route: @Sendable (_ from: Route?) -> Route
    }

    /// How a route is opened (the App carries it out, `App.open`).
    public enum Opening {
        /// The list at the bottom of the stack: gone back down to.
        case bottom
        /// A new screen on top each time (a plan, a journey, a figure's list).
        case push(Make)
        /// One of a kind: gone back to when it is open, else made and put on top.
        case once(Make)
        /// The calendar: the one on the stack is gone back to, else the one left last (its view
        /// kept) is taken up again, showing `subject` when one is given.
        case calendar(CalendarScreen.Subject?)
    }
    /// Makes the screen, reading what it shows (the domain checks access and logs the look).
    public typealias Make = (ScreenContext) throws -> any Screen

    /// How `route` is opened if it is this screen's; nil when it is another's.
    public let opens: @Sendable (_ route: Route) -> Opening?
    public let key: GlobalKey?
    public let command: Command?

    public init(key: GlobalKey? = nil, command: Command? = nil, opens: @escaping @Sendable (_ route: Route) -> Opening?) {
        self.key = key; self.command = command; self.opens = opens
    }
}

extension ScreenEntry.GlobalKey {
    init(_ keys: [Key], _ label: any Localized, _ help: any Localized, opens route: Route) {
        self.keys = keys; self.label = label; self.help = help; self.route = route
    }
}

extension ScreenEntry.Command {
    init(_ danish: String, _ english: String, _ help: any Localized, opens route: @escaping @Sendable (_ from: Route?) -> Route) {
        self.danish = danish; self.english = english; self.help = help; self.route = route
    }
}

public enum ScreenCatalogue {
    /// Every screen, in the order their keys and commands are listed in the help.
    public static let all: [ScreenEntry] = [
        ScreenEntry(key: .init([.char("1"), .function(2)], Strings.T.kCitizens, Strings.T.hCitizens, opens: .citizens),
                    command: .init("borgere", "citizens", Strings.T.hCitizens) { _ in .citizens }) {
            $0 == .citizens ? .bottom : nil
        },
        ScreenEntry { if case let .plan(id, reason) = $0 { .push { try PlanScreen(citizen: id, reason: reason, context: $0) } } else { nil } },
        ScreenEntry {
            guard case let .planAt(id, item) = $0 else { return nil }
            return .push { x in
                var plan = try PlanScreen(citizen: id, reason: nil, context: x)
                plan.go(to: item, context: x)
                return plan
            }
        },
        ScreenEntry { if case let .journey(id, reason) = $0 { .push { try JourneyScreen(citizen: id, reason: reason, context: $0) } } else { nil } },
        ScreenEntry { if case let .reason(id) = $0 { .push { ReasonScreen(citizen: id, context: $0) } } else { nil } },
        // `:kalender` takes arguments: it is a typed command (`TypedCommand.calendar`).
        ScreenEntry(key: .init([.char("2"), .function(3)], Strings.T.kCalendar, Strings.T.hCalendar, opens: .calendar(nil))) {
            if case let .calendar(subject) = $0 { .calendar(subject) } else { nil }
        },
        ScreenEntry(key: .init([.char("3"), .function(4)], Strings.D.kDashboard, Strings.D.hDashboard, opens: .dashboard),
                    command: .init("overblik", "dashboard", Strings.D.cDashboard) { _ in .dashboard }) {
            $0 == .dashboard ? .once { DashboardScreen(context: $0) } : nil
        },
        ScreenEntry { if case let .figureList(ref) = $0 { .push { try FigureListScreen(ref, context: $0) } } else { nil } },
        ScreenEntry(command: .init("opslagslog", "audit", Strings.A.cAudit) { _ in .audit }) {
            $0 == .audit ? .once { try AuditScreen(context: $0) } : nil
        },
        ScreenEntry(key: .init([.char("4"), .function(5)], Strings.I.kInbox, Strings.I.hInbox, opens: .inbox),
                    command: .init("indbakke", "inbox", Strings.I.cInbox) { _ in .inbox }) {
            $0 == .inbox ? .once { InboxScreen(context: $0) } : nil
        },
        ScreenEntry(command: .init("dubletter", "duplicates", Strings.K.cDuplicates) { _ in .duplicates }) {
            $0 == .duplicates ? .once { try DuplicatesScreen(context: $0) } : nil
        },
        // From a plan: its citizen's colleagues first.
        ScreenEntry(command: .init("kolleger", "colleagues", Strings.Dir.cDirectory) { from in
            if case let .plan(id, _)? = from { .directory(citizen: id) } else { .directory(citizen: nil) }
        }) {
            if case let .directory(citizen) = $0 { .once { try DirectoryScreen(citizen: citizen, context: $0) } } else { nil }
        },
        ScreenEntry(command: .init("enheder", "units", Strings.Units.cUnits) { _ in .units }) {
            $0 == .units ? .once { UnitsScreen(context: $0) } : nil
        },
    ]

    /// The entry whose screen `route` opens, and how.
    static func opening(_ route: Route) -> ScreenEntry.Opening? {
        for entry in all { if let o = entry.opens(route) { return o } }
        return nil
    }
}
