/// Every action a key can do, with its keys, its short label (the bottom bar) and its help text
/// (the help overlay): one table drives both, so they never disagree.
public enum Action: Hashable, Sendable {
    case help, search, command, open, back, quit, lock, redraw, citizens
    case up, down, top, bottom, pageUp, pageDown
    case mine, all, youth, overdue, noPlan, sector, sort, reverse
    case calendar, today, switchView, newMeeting, goToDate, nextMeeting, export
    case previousDay, nextDay, previousWeek, nextWeek, previousMonth, nextMonth
    case section(PlanScreen.Section), nextSection, previousSection, newItem, edit, toggle, contact, responsible, template
    case journey, exportPlan, showCPR, filterSector, filterKind
}

public struct Binding: Sendable {
    public let action: Action
    public let keys: [Key]
    public let label: Strings.Text
    public let help: Strings.Text
    /// Shown in the bottom bar (the rest only in the help overlay).
    public let inBar: Bool

    public init(action: Action, keys: [Key], label: Strings.T, help: Strings.T, inBar: Bool) {
        self.init(action: action, keys: keys, text: .t(label), help: .t(help), inBar: inBar)
    }

    public init(action: Action, keys: [Key], label: Strings.P, help: Strings.P, inBar: Bool) {
        self.init(action: action, keys: keys, text: .p(label), help: .p(help), inBar: inBar)
    }

    private init(action: Action, keys: [Key], text: Strings.Text, help: Strings.Text, inBar: Bool) {
        self.action = action; self.keys = keys; self.label = text; self.help = help; self.inBar = inBar
    }
}

public enum KeyTable {
    /// Keys that work on every screen after login.
    public static let global: [Binding] = [
        Binding(action: .help, keys: [.char("?"), .function(1)], label: .kHelp, help: .hHelp, inBar: true),
        Binding(action: .command, keys: [.char(":")], label: .kCommand, help: .hCommand, inBar: true),
        Binding(action: .citizens, keys: [.char("1"), .function(2)], label: .kCitizens, help: .hCitizens, inBar: false),
        Binding(action: .calendar, keys: [.char("2"), .function(3)], label: .kCalendar, help: .hCalendar, inBar: false),
        Binding(action: .lock, keys: [.function(12)], label: .kLock, help: .hLock, inBar: true),
        Binding(action: .redraw, keys: [.ctrl("l")], label: .kRedraw, help: .hRedraw, inBar: false),
    ]

    /// The citizen list.
    public static let citizenList: [Binding] = [
        Binding(action: .search, keys: [.char("/")], label: .kSearch, help: .hSearch, inBar: true),
        Binding(action: .open, keys: [.enter], label: .kOpen, help: .hOpen, inBar: true),
        Binding(action: .mine, keys: [.char("m")], label: .kMine, help: .hMine, inBar: true),
        Binding(action: .all, keys: [.char("a")], label: .kAll, help: .hAll, inBar: true),
        Binding(action: .youth, keys: [.char("u")], label: .kYouth, help: .hYouth, inBar: true),
        Binding(action: .overdue, keys: [.char("o")], label: .kOverdue, help: .hOverdue, inBar: true),
        Binding(action: .noPlan, keys: [.char("p")], label: .kNoPlan, help: .hNoPlan, inBar: true),
        Binding(action: .sector, keys: [.char("f")], label: .kSector, help: .hSector, inBar: true),
        Binding(action: .sort, keys: [.char("s")], label: .kSort, help: .hSort, inBar: true),
        Binding(action: .reverse, keys: [.char("r")], label: .kReverse, help: .hReverse, inBar: false),
    ] + moving + [
        Binding(action: .back, keys: [.escape], label: .kBack, help: .hBack, inBar: false),
        Binding(action: .quit, keys: [.char("q")], label: .kQuit, help: .hQuit, inBar: true),
    ]

    /// The meeting calendar.
    public static let calendar: [Binding] = [
        Binding(action: .open, keys: [.enter], label: .kOpen, help: .hOpen, inBar: true),
        Binding(action: .newMeeting, keys: [.char("n")], label: .kNew, help: .hNew, inBar: true),
        Binding(action: .switchView, keys: [.char("v")], label: .kView, help: .hView, inBar: true),
        Binding(action: .today, keys: [.char("t")], label: .kToday, help: .hToday, inBar: true),
        Binding(action: .goToDate, keys: [.char("g")], label: .kGoTo, help: .hGoTo, inBar: true),
        Binding(action: .export, keys: [.char("x")], label: .kExport, help: .hExport, inBar: true),
        Binding(action: .nextMeeting, keys: [.tab], label: .kNextMeeting, help: .hNextMeeting, inBar: false),
        Binding(action: .previousDay, keys: [.left, .char("h")], label: .kDay, help: .hDay, inBar: false),
        Binding(action: .nextDay, keys: [.right, .char("l")], label: .kDay, help: .hDay, inBar: false),
        Binding(action: .previousWeek, keys: [.up, .char("k")], label: .kWeek, help: .hWeek, inBar: false),
        Binding(action: .nextWeek, keys: [.down, .char("j")], label: .kWeek, help: .hWeek, inBar: false),
        Binding(action: .previousMonth, keys: [.pageUp], label: .kMonth, help: .hMonth, inBar: false),
        Binding(action: .nextMonth, keys: [.pageDown], label: .kMonth, help: .hMonth, inBar: false),
        Binding(action: .back, keys: [.escape], label: .kBack, help: .hBack, inBar: false),
        Binding(action: .quit, keys: [.char("q")], label: .kQuit, help: .hQuit, inBar: true),
    ]

    /// Moving through rows: the list, the plan, the journey.
    static let moving: [Binding] = [
        Binding(action: .up, keys: [.up, .char("k")], label: .kMove, help: .hMove, inBar: false),
        Binding(action: .down, keys: [.down, .char("j")], label: .kMove, help: .hMove, inBar: false),
        Binding(action: .top, keys: [.home, .char("g")], label: .kTop, help: .hTop, inBar: false),
        Binding(action: .bottom, keys: [.end, .char("G")], label: .kBottom, help: .hBottom, inBar: false),
        Binding(action: .pageUp, keys: [.pageUp], label: .kPage, help: .hPage, inBar: false),
        Binding(action: .pageDown, keys: [.pageDown], label: .kPage, help: .hPage, inBar: false),
    ]

    /// Moving, and back to the list: the plan and the journey.
    static let movement = moving + [Binding(action: .back, keys: [.escape, .char("q")], label: .kBack, help: .hBack, inBar: true)]

    /// The plan screen: a key per section, and a key per form.
    public static let plan: [Binding] = [
        Binding(action: .edit, keys: [.enter], label: Strings.P.kEdit, help: .hEdit, inBar: true),
        Binding(action: .newItem, keys: [.char("n")], label: Strings.P.kNewItem, help: .hNewItem, inBar: true),
        Binding(action: .toggle, keys: [.char(" ")], label: Strings.P.kToggle, help: .hToggle, inBar: true),
        Binding(action: .contact, keys: [.char("c")], label: Strings.P.kContact, help: .hContact, inBar: true),
        Binding(action: .template, keys: [.char("T")], label: Strings.P.kTemplate, help: .hTemplate, inBar: true),
        Binding(action: .journey, keys: [.char("b")], label: Strings.P.kJourney, help: .hJourney, inBar: true),
        Binding(action: .exportPlan, keys: [.char("x")], label: Strings.P.kExportPlan, help: .hExportPlan, inBar: true),
        Binding(action: .responsible, keys: [.char("R")], label: Strings.P.kResponsible, help: .hResponsible, inBar: false),
        Binding(action: .showCPR, keys: [.char("#")], label: Strings.P.kCPR, help: .hCPR, inBar: false),
        Binding(action: .nextSection, keys: [.tab], label: Strings.P.kSection, help: .hSection, inBar: false),
        Binding(action: .previousSection, keys: [.backTab], label: Strings.P.kSection, help: .hSection, inBar: false),
    ] + PlanScreen.Section.allCases.map {
        Binding(action: .section($0), keys: [.char($0.key)], label: Strings.P.kSection, help: .hSection, inBar: false)
    } + movement

    /// The citizen's journey.
    public static let journey: [Binding] = [
        Binding(action: .filterSector, keys: [.char("f")], label: Strings.P.kFilterSector, help: .hFilterSector, inBar: true),
        Binding(action: .filterKind, keys: [.char("t")], label: Strings.P.kFilterKind, help: .hFilterKind, inBar: true),
    ] + movement

    public static func action(for key: Key, in tables: [[Binding]]) -> Action? {
        for table in tables { for b in table where b.keys.contains(key) { return b.action } }
        return nil
    }
}
