/// The citizen list's own keys (`KeyTable.citizenList`, `KeyTable.registering`).
public enum CitizenListAction: ScreenAction {
    case search, mine, workingOn, all, youth, overdue, noPlan, sector, sort, reverse, showClosed, newCitizen, closeCase, quit
}

extension Action {
    static func list(_ a: CitizenListAction) -> Action { .own(OwnAction(a)) }
}

extension KeyTable {
    /// The citizen list.
    public static let citizenList: [Binding] = [
        Binding(action: .list(.search), keys: [.char("/")], label: Strings.L.kSearch, help: Strings.L.hSearch, inBar: true),
        Binding(action: .open, keys: [.enter], label: Strings.T.kOpen, help: Strings.T.hOpen, inBar: true),
        Binding(action: .list(.mine), keys: [.char("m")], label: Strings.L.kMine, help: Strings.L.hMine, inBar: true),
        Binding(action: .list(.workingOn), keys: [.char("w")], label: Strings.L.kWorkingOn, help: Strings.L.hWorkingOn, inBar: false),
        Binding(action: .list(.all), keys: [.char("a")], label: Strings.L.kAll, help: Strings.L.hAll, inBar: true),
        Binding(action: .list(.youth), keys: [.char("u")], label: Strings.L.kYouth, help: Strings.L.hYouth, inBar: true),
        Binding(action: .list(.overdue), keys: [.char("o")], label: Strings.L.kOverdue, help: Strings.L.hOverdue, inBar: true),
        Binding(action: .list(.noPlan), keys: [.char("p")], label: Strings.L.kNoPlan, help: Strings.L.hNoPlan, inBar: true),
        Binding(action: .list(.sector), keys: [.char("f")], label: Strings.L.kSector, help: Strings.L.hSector, inBar: true),
        Binding(action: .list(.sort), keys: [.char("s")], label: Strings.L.kSort, help: Strings.L.hSort, inBar: true),
        Binding(action: .list(.reverse), keys: [.char("r")], label: Strings.L.kReverse, help: Strings.L.hReverse, inBar: false),
        Binding(action: .list(.showClosed), keys: [.char("l")], label: Strings.K.kShowClosed, help: Strings.K.hShowClosed, inBar: false),
    ] + moving + [
        Binding(action: .back, keys: [.escape], label: Strings.T.kBack, help: Strings.T.hBack, inBar: false),
        Binding(action: .list(.quit), keys: [.char("q")], label: Strings.T.kQuit, help: Strings.T.hQuit, inBar: true),
    ]

    /// Registering a citizen: caseworkers and supervisors (administrators manage users).
    public static let registering: [Binding] = [
        Binding(action: .list(.newCitizen), keys: [.char("n")], label: Strings.L.kNewCitizen, help: Strings.L.hNewCitizen, inBar: false),
        Binding(action: .list(.closeCase), keys: [.char("L")], label: Strings.K.kClose, help: Strings.K.hClose, inBar: false),
    ]
}
