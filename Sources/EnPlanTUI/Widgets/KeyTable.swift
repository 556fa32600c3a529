/// Keys, the bottom bar, the help overlay and the `:` command line come from one table each, so
/// they never disagree.
///
/// - An `Action` is typed: the frame's (help, the command line, lock, redraw, a screen's global
///   key), moving through rows, open and back, a form's keys, and a screen's own
///   (`.own`, carrying that screen's `ScreenAction` enum, declared in its folder beside its table).
/// - A `Binding` ties keys to an action with a short label (the bar) and a help text (the help).
/// - A screen answers `keys(context)` with the bindings in force right now (a form open, a mode):
///   the frame draws the bar and the help from exactly that, and a screen looks keys up in it with
///   `KeyTable.pressed(_:in:as:)`, which answers a `Pressed` the screen switches over exhaustively
///   (its own enum included): no `default:`, so a new key is handled or the build says where.
public enum Action: Equatable, Sendable, CustomStringConvertible {
    /// The frame's, on every screen (`Effect.frame`).
    case help, command, lock, redraw
    /// A global key that opens a screen (declared in `ScreenCatalogue`).
    case go(Route)
    /// Moving through rows: the lists, the plan, the journey.
    case move(Move)
    /// Opening the selected row, and going back where the user came from.
    case open, back
    /// A form's keys: the form widget handles them itself; the table is its bar and help.
    case save, nextField, cancel
    /// A screen's own action (its `ScreenAction` enum).
    case own(OwnAction)

    public var description: String {
        switch self {
        case .go(let route): return "go(\(route))"
        case .move(let m): return "\(m)"
        case .own(let o): return "\(o.base.base)"
        case .help: return "help"
        case .command: return "command"
        case .lock: return "lock"
        case .redraw: return "redraw"
        case .open: return "open"
        case .back: return "back"
        case .save: return "save"
        case .nextField: return "nextField"
        case .cancel: return "cancel"
        }
    }

    /// The screen's own action of type `A`, if this is one.
    public func own<A: ScreenAction>(_: A.Type) -> A? {
        if case .own(let o) = self { return o.base.base as? A }
        return nil
    }
}

/// Moving through rows.
public enum Move: Hashable, Sendable { case up, down, top, bottom, pageUp, pageDown }

/// A screen's own actions: an enum in its folder (`CitizenListAction`, `PlanAction`, …), with a
/// case per key of its table (a family of keys is one case with an argument: the plan's sections).
public protocol ScreenAction: Hashable, Sendable {}
/// A screen without actions of its own.
extension Never: ScreenAction {}

/// A screen's action inside `Action`: any screen's enum, compared by value.
public struct OwnAction: Hashable, @unchecked Sendable {
    // Only ever made from a `ScreenAction`, which is Sendable.
    let base: AnyHashable
    public init(_ action: some ScreenAction) { base = AnyHashable(action) }
}

/// A key as a screen sees it (`KeyTable.pressed`): the frame's effect, a move, open, back, or the
/// screen's own action. A form's keys and another screen's actions are never pressed here.
public enum Pressed<Own: ScreenAction> {
    case frame(Effect)
    case move(Move)
    case open, back
    case own(Own)
}

public struct Binding: Sendable {
    public let action: Action
    public let keys: [Key]
    public let label: any Localized
    public let help: any Localized
    /// Shown in the bottom bar (the rest only in the help overlay).
    public let inBar: Bool

    public init(action: Action, keys: [Key], label: any Localized, help: any Localized, inBar: Bool) {
        self.action = action; self.keys = keys; self.label = label; self.help = help; self.inBar = inBar
    }
}

/// A `:` command: its Danish name and its English one (both are typed; the screens show the
/// user's language's), what it takes, and its help. The command line completes from these and
/// the help overlay lists them; the frame runs them by what they are (`runs`), never by their words.
public struct CommandSpec: Sendable {
    /// What a command does: open a screen (declared in `ScreenCatalogue`), or one of the typed
    /// commands that are not screens.
    public enum Runs: Sendable {
        case screen(ScreenEntry.Command)
        case typed(TypedCommand)
    }
    public let name: String
    public let danish: String
    public let arguments: any Localized
    public let help: any Localized
    public let runs: Runs

    public init(name: String, danish: String, arguments: any Localized = Words("", ""), help: any Localized, runs: Runs) {
        self.name = name; self.danish = danish; self.arguments = arguments; self.help = help; self.runs = runs
    }

    /// The name a user of `language` reads.
    public func shown(_ s: Strings) -> String { s.pick(danish, name) }
    /// Every word that runs it.
    public var words: [String] { [danish, name] }

    /// The command a typed word names (either language), or nil.
    public static func named(_ word: String) -> CommandSpec? {
        KeyTable.commands.first { $0.words.contains(word == "q" ? "quit" : word) }
    }
}

/// The `:` commands that are not a screen's (a screen's is declared with it in `ScreenCatalogue`).
public enum TypedCommand: CaseIterable, Sendable {
    /// `:plan CPR | navn | id`.
    case plan
    /// `:kalender [mig | bruger ID | lokale NAVN | borger ID]`.
    case calendar
    case lock, theme, lang, help, quit

    public var spec: CommandSpec {
        switch self {
        case .plan: return CommandSpec(name: "plan", danish: "plan", arguments: Words("CPR | navn | id", "CPR | name | id"), help: Strings.T.cPlan, runs: .typed(self))
        case .calendar: return CommandSpec(name: "calendar", danish: "kalender", arguments: Words("[mig | bruger ID | lokale NAVN | borger ID]",
                                                                                                 "[me | user ID | room NAME | citizen ID]"), help: Strings.T.cCalendar, runs: .typed(self))
        case .lock: return CommandSpec(name: "lock", danish: "lås", help: Strings.T.hLock, runs: .typed(self))
        case .theme: return CommandSpec(name: "theme", danish: "tema", arguments: Words("NAVN", "NAME"), help: Strings.T.cTheme, runs: .typed(self))
        case .lang: return CommandSpec(name: "lang", danish: "sprog", arguments: Words("da | en", "da | en"), help: Strings.T.cLang, runs: .typed(self))
        case .help: return CommandSpec(name: "help", danish: "hjælp", help: Strings.T.hHelp, runs: .typed(self))
        case .quit: return CommandSpec(name: "quit", danish: "afslut", help: Strings.T.hQuit, runs: .typed(self))
        }
    }
}

public enum KeyTable {
    /// Keys that work on every screen after login.
    public static let global: [Binding] = [
        Binding(action: .help, keys: [.char("?"), .function(1)], label: Strings.T.kHelp, help: Strings.T.hHelp, inBar: true),
        Binding(action: .command, keys: [.char(":")], label: Strings.T.kCommand, help: Strings.T.hCommand, inBar: true),
    ] + ScreenCatalogue.all.compactMap(\.key).map {
        Binding(action: .go($0.route), keys: $0.keys, label: $0.label, help: $0.help, inBar: false)
    } + [
        Binding(action: .lock, keys: [.function(12)], label: Strings.T.kLock, help: Strings.T.hLock, inBar: true),
        Binding(action: .redraw, keys: [.ctrl("l")], label: Strings.T.kRedraw, help: Strings.T.hRedraw, inBar: false),
    ]

    /// Moving through rows: the list, the plan, the journey.
    public static let moving: [Binding] = [
        Binding(action: .move(.up), keys: [.up, .char("k")], label: Strings.T.kMove, help: Strings.T.hMove, inBar: false),
        Binding(action: .move(.down), keys: [.down, .char("j")], label: Strings.T.kMove, help: Strings.T.hMove, inBar: false),
        Binding(action: .move(.top), keys: [.home, .char("g")], label: Strings.T.kTop, help: Strings.T.hTop, inBar: false),
        Binding(action: .move(.bottom), keys: [.end, .char("G")], label: Strings.T.kBottom, help: Strings.T.hBottom, inBar: false),
        Binding(action: .move(.pageUp), keys: [.pageUp], label: Strings.T.kPage, help: Strings.T.hPage, inBar: false),
        Binding(action: .move(.pageDown), keys: [.pageDown], label: Strings.T.kPage, help: Strings.T.hPage, inBar: false),
    ]

    /// Only up and down, a row or a page (lists without a first and last key of their own).
    public static let rows: [Binding] = moving.filter { [.move(.up), .move(.down), .move(.pageUp), .move(.pageDown)].contains($0.action) }

    /// Moving, and back to where the user came from: the plan and the journey.
    public static let movement = moving + [Binding(action: .back, keys: [.escape, .char("q")], label: Strings.T.kBack, help: Strings.T.hBack, inBar: true)]

    /// Any open form: the form widget handles these keys itself; the table is its bar and help.
    public static let form: [Binding] = [
        Binding(action: .save, keys: [.enter], label: Strings.T.kSave, help: Strings.T.hSave, inBar: true),
        Binding(action: .nextField, keys: [.tab, .backTab, .down, .up], label: Strings.T.kField, help: Strings.T.hField, inBar: true),
        Binding(action: .cancel, keys: [.escape], label: Strings.T.kBack, help: Strings.T.hCancel, inBar: true),
    ]

    /// A form's keys while `form` is open: in a text area Enter is a new line, and the bar says so
    /// (and how to get to saving); elsewhere `form`.
    public static func form(for form: Form?) -> [Binding] {
        guard form?.isArea == true else { return Self.form }
        return [
            Binding(action: .save, keys: [.enter], label: Strings.T.kNewLine, help: Strings.T.hNewLine, inBar: true),
            Binding(action: .nextField, keys: [.tab, .backTab], label: Strings.T.kFieldThenSave, help: Strings.T.hFieldThenSave, inBar: true),
        ] + Self.form.filter { $0.action == .cancel }
    }

    /// The frame's keys that still work while a form or a line is typed: function keys only,
    /// since every printable key is input there.
    public static let whileTyping: [Binding] = [
        Binding(action: .help, keys: [.function(1)], label: Strings.T.kHelp, help: Strings.T.hHelp, inBar: false),
        Binding(action: .lock, keys: [.function(12)], label: Strings.T.kLock, help: Strings.T.hLock, inBar: true),
    ]

    /// The `:` commands: the screens' (`ScreenCatalogue`), then the typed ones.
    public static let commands: [CommandSpec] = ScreenCatalogue.all.compactMap(\.command).map {
        CommandSpec(name: $0.english, danish: $0.danish, help: $0.help, runs: .screen($0))
    } + TypedCommand.allCases.map(\.spec)

    public static func action(for key: Key, in table: [Binding]) -> Action? {
        table.first { $0.keys.contains(key) }?.action
    }

    /// What `key` does in `table`, as a screen whose own actions are `Own` handles it; nil when the
    /// table has no such key (or it is a form's key, which the form handles itself).
    public static func pressed<Own: ScreenAction>(_ key: Key, in table: [Binding], as: Own.Type = Own.self) -> Pressed<Own>? {
        guard let action = action(for: key, in: table) else { return nil }
        switch action {
        case .help, .command, .lock, .redraw, .go: return Effect.frame(action).map { .frame($0) }
        case .move(let m): return .move(m)
        case .open: return .open
        case .back: return .back
        case .save, .nextField, .cancel: return nil
        case .own: return action.own(Own.self).map { .own($0) }
        }
    }

    /// The frame's effect for `key` while a form or a line is typed (`whileTyping`: F1, F12).
    public static func frame(_ key: Key, in table: [Binding] = whileTyping) -> Effect? {
        action(for: key, in: table).flatMap(Effect.frame)
    }
}
