extension Action {
    public static let search = Action("search"), mine = Action("mine"), all = Action("all"), youth = Action("youth")
    public static let workingOn = Action("workingOn"), newCitizen = Action("newCitizen")
    public static let overdue = Action("overdue"), noPlan = Action("noPlan"), sector = Action("sector")
    public static let sort = Action("sort"), reverse = Action("reverse")
    public static let showClosed = Action("showClosed"), closeCase = Action("closeCase"), changeCPR = Action("changeCPR")
}

extension KeyTable {
    /// The citizen list.
    public static let citizenList: [Binding] = [
        Binding(action: .search, keys: [.char("/")], label: Strings.L.kSearch, help: Strings.L.hSearch, inBar: true),
        Binding(action: .open, keys: [.enter], label: Strings.T.kOpen, help: Strings.T.hOpen, inBar: true),
        Binding(action: .mine, keys: [.char("m")], label: Strings.L.kMine, help: Strings.L.hMine, inBar: true),
        Binding(action: .workingOn, keys: [.char("w")], label: Strings.L.kWorkingOn, help: Strings.L.hWorkingOn, inBar: false),
        Binding(action: .all, keys: [.char("a")], label: Strings.L.kAll, help: Strings.L.hAll, inBar: true),
        Binding(action: .youth, keys: [.char("u")], label: Strings.L.kYouth, help: Strings.L.hYouth, inBar: true),
        Binding(action: .overdue, keys: [.char("o")], label: Strings.L.kOverdue, help: Strings.L.hOverdue, inBar: true),
        Binding(action: .noPlan, keys: [.char("p")], label: Strings.L.kNoPlan, help: Strings.L.hNoPlan, inBar: true),
        Binding(action: .sector, keys: [.char("f")], label: Strings.L.kSector, help: Strings.L.hSector, inBar: true),
        Binding(action: .sort, keys: [.char("s")], label: Strings.L.kSort, help: Strings.L.hSort, inBar: true),
        Binding(action: .reverse, keys: [.char("r")], label: Strings.L.kReverse, help: Strings.L.hReverse, inBar: false),
        Binding(action: .showClosed, keys: [.char("l")], label: Strings.K.kShowClosed, help: Strings.K.hShowClosed, inBar: false),
    ] + moving + [
        Binding(action: .back, keys: [.escape], label: Strings.T.kBack, help: Strings.T.hBack, inBar: false),
        Binding(action: .quit, keys: [.char("q")], label: Strings.T.kQuit, help: Strings.T.hQuit, inBar: true),
    ]

    /// Registering a citizen: caseworkers and supervisors (administrators manage users).
    public static let registering: [Binding] = [
        Binding(action: .newCitizen, keys: [.char("n")], label: Strings.L.kNewCitizen, help: Strings.L.hNewCitizen, inBar: false),
        Binding(action: .closeCase, keys: [.char("L")], label: Strings.K.kClose, help: Strings.K.hClose, inBar: false),
    ]
}
