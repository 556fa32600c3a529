/// Every action a key can do, with its keys, its short label (the bottom bar) and its help text
/// (the help overlay): one table drives both, so they never disagree.
public enum Action: Hashable, Sendable {
    case help, search, command, open, back, quit, lock, redraw, citizens
    case up, down, top, bottom, pageUp, pageDown
    case mine, all, youth, overdue, noPlan, sector, sort, reverse
    case calendar, today, switchView, newMeeting, goToDate, nextMeeting, export
    case previousDay, nextDay, previousWeek, nextWeek, previousMonth, nextMonth
}

public struct Binding: Sendable {
    public let action: Action
    public let keys: [Key]
    public let label: Strings.T
    public let help: Strings.T
    /// Shown in the bottom bar (the rest only in the help overlay).
    public let inBar: Bool
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
        Binding(action: .up, keys: [.up, .char("k")], label: .kMove, help: .hMove, inBar: false),
        Binding(action: .down, keys: [.down, .char("j")], label: .kMove, help: .hMove, inBar: false),
        Binding(action: .top, keys: [.home, .char("g")], label: .kTop, help: .hTop, inBar: false),
        Binding(action: .bottom, keys: [.end, .char("G")], label: .kBottom, help: .hBottom, inBar: false),
        Binding(action: .pageUp, keys: [.pageUp], label: .kPage, help: .hPage, inBar: false),
        Binding(action: .pageDown, keys: [.pageDown], label: .kPage, help: .hPage, inBar: false),
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

    public static func action(for key: Key, in tables: [[Binding]]) -> Action? {
        for table in tables { for b in table where b.keys.contains(key) { return b.action } }
        return nil
    }
}
