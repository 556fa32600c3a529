import EnPlanDomain

extension Action {
    public static let dashboard = Action("dashboard")
    public static let definition = Action("definition"), filterGroup = Action("filterGroup")
    public static let filterCaseworker = Action("filterCaseworker"), period = Action("period"), dates = Action("dates")
    public static let filterUnit = Action("filterUnit")
    public static let freeze = Action("freeze"), refresh = Action("refresh"), exportCSV = Action("exportCSV")
    public static let left = Action("left"), right = Action("right")
    public static let mark = Action("mark"), markAll = Action("markAll"), give = Action("give")
    public static let targetGroup = Action("targetGroup")
    public static let drawSample = Action("drawSample"), recordReview = Action("recordReview")
    /// The key that shows a dashboard section.
    public static func figures(_ s: FigureSection) -> Action { Action("figures", s.rawValue) }
}

extension FigureSection {
    /// The key that shows the section (a Danish word's first letter).
    var key: Character {
        switch self {
        case .caseload: return "b"       // sagsbelastning
        case .timeliness: return "t"     // rettidighed
        case .caseworkers: return "e"    // én sagsbehandler
        case .contacts: return "k"       // kontakter og møder
        case .coverage: return "p"       // én plan
        case .referrals: return "h"      // henvisninger
        case .targets: return "m"        // mål
        case .youth: return "a"          // unge-kohorter (u is the target group filter)
        case .assessments: return "o"    // borgerens egen vurdering
        case .reviews: return "v"        // kvartalsgennemgang (g is the list's top)
        case .offers: return "c"         // civilsamfund og tilbud
        }
    }

    var name: Strings.D {
        switch self {
        case .caseload: return .caseload
        case .timeliness: return .timeliness
        case .caseworkers: return .caseworkers
        case .contacts: return .contacts
        case .coverage: return .coverage
        case .referrals: return .referrals
        case .targets: return .targets
        case .youth: return .youth
        case .assessments: return .assessments
        case .reviews: return .reviews
        case .offers: return .offers
        }
    }
}

extension KeyTable {
    /// The dashboard: a key per section, the cell cursor, the filter line, definitions, export.
    public static let dashboard: [Binding] = [
        Binding(action: .open, keys: [.enter], label: Strings.D.kCell, help: Strings.D.hCell, inBar: true),
        Binding(action: .definition, keys: [.char("i")], label: Strings.D.kDefinition, help: Strings.D.hDefinition, inBar: true),
        Binding(action: .period, keys: [.char("d")], label: Strings.D.kPeriod, help: Strings.D.hPeriod, inBar: true),
        Binding(action: .sector, keys: [.char("f")], label: Strings.D.kSector, help: Strings.D.hSector, inBar: true),
        Binding(action: .filterGroup, keys: [.char("u")], label: Strings.D.kGroup, help: Strings.D.hGroup, inBar: false),
        Binding(action: .filterCaseworker, keys: [.char("s")], label: Strings.D.kCaseworker, help: Strings.D.hCaseworker, inBar: false),
        Binding(action: .filterUnit, keys: [.char("E")], label: Strings.D.kUnit, help: Strings.D.hUnit, inBar: false),
        Binding(action: .dates, keys: [.char("D")], label: Strings.D.kDates, help: Strings.D.hDates, inBar: false),
        Binding(action: .exportCSV, keys: [.char("x")], label: Strings.D.kExport, help: Strings.D.hExport, inBar: true),
        Binding(action: .freeze, keys: [.char("F")], label: Strings.D.kFreeze, help: Strings.D.hFreeze, inBar: false),
        Binding(action: .refresh, keys: [.char("r")], label: Strings.D.kRefresh, help: Strings.D.hRefresh, inBar: false),
        Binding(action: .targetGroup, keys: [.char("M")], label: Strings.D.kTargetGroup, help: Strings.D.hTargetGroup, inBar: false),
        Binding(action: .nextSection, keys: [.tab], label: Strings.D.kSection, help: Strings.D.hSection, inBar: false),
        Binding(action: .previousSection, keys: [.backTab], label: Strings.D.kSection, help: Strings.D.hSection, inBar: false),
    ] + FigureSection.allCases.map {
        Binding(action: .figures($0), keys: [.char($0.key)], label: Strings.D.kSection, help: Strings.D.hSection, inBar: false)
    } + rows + [
        Binding(action: .left, keys: [.left], label: Strings.T.kMove, help: Strings.T.hMove, inBar: false),
        Binding(action: .right, keys: [.right], label: Strings.T.kMove, help: Strings.T.hMove, inBar: false),
        Binding(action: .back, keys: [.escape, .char("q")], label: Strings.T.kBack, help: Strings.T.hBack, inBar: true),
    ]

    /// The citizens behind a figure: the list's movement, marking and moving them.
    public static let figureList: [Binding] = [
        Binding(action: .open, keys: [.enter], label: Strings.T.kOpen, help: Strings.T.hOpen, inBar: true),
        Binding(action: .sort, keys: [.char("s")], label: Strings.L.kSort, help: Strings.L.hSort, inBar: true),
        Binding(action: .reverse, keys: [.char("r")], label: Strings.L.kReverse, help: Strings.L.hReverse, inBar: false),
    ] + moving + [Binding(action: .back, keys: [.escape, .char("q")], label: Strings.T.kBack, help: Strings.T.hBack, inBar: true)]

    /// The quarterly review section: drawing the quarter's sample (supervisors and administrators).
    public static let reviewDrawing: [Binding] = [
        Binding(action: .drawSample, keys: [.char("n")], label: Strings.V.kDraw, help: Strings.V.hDraw, inBar: true),
    ]

    /// The plans drawn for the review: recording a plan's review (supervisors and administrators).
    public static let reviewing: [Binding] = [
        Binding(action: .recordReview, keys: [.char("t")], label: Strings.V.kReview, help: Strings.V.hReview, inBar: true),
    ]

    /// Moving citizens to another caseworker: supervisors and administrators.
    public static let reassigning: [Binding] = [
        Binding(action: .mark, keys: [.char(" ")], label: Strings.D.kMark, help: Strings.D.hMark, inBar: true),
        Binding(action: .markAll, keys: [.char("*")], label: Strings.D.kMarkAll, help: Strings.D.hMarkAll, inBar: false),
        Binding(action: .give, keys: [.char("o")], label: Strings.D.kGive, help: Strings.D.hGive, inBar: true),   // overdrag
    ]
}
