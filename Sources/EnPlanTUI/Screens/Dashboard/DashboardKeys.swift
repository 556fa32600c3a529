import EnPlanDomain

/// The dashboard's own keys (`KeyTable.dashboard`, `.reviewDrawing`); a section's key is one
/// family, `.figures(_:)`.
public enum DashboardAction: ScreenAction {
    case definition, period, dates, sector, filterGroup, filterCaseworker, filterUnit
    case freeze, refresh, exportCSV, targetGroup, drawSample
    case nextSection, previousSection, left, right
    /// The key that shows a dashboard section.
    case figures(FigureSection)
}

/// The list behind a figure's own keys (`KeyTable.figureList`, `.reassigning`, `.reviewing`).
public enum FigureListAction: ScreenAction { case sort, reverse, mark, markAll, give, recordReview }

extension Action {
    static func dashboard(_ a: DashboardAction) -> Action { .own(OwnAction(a)) }
    static func figureList(_ a: FigureListAction) -> Action { .own(OwnAction(a)) }
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
        Binding(action: .dashboard(.definition), keys: [.char("i")], label: Strings.D.kDefinition, help: Strings.D.hDefinition, inBar: true),
        Binding(action: .dashboard(.period), keys: [.char("d")], label: Strings.D.kPeriod, help: Strings.D.hPeriod, inBar: true),
        Binding(action: .dashboard(.sector), keys: [.char("f")], label: Strings.D.kSector, help: Strings.D.hSector, inBar: true),
        Binding(action: .dashboard(.filterGroup), keys: [.char("u")], label: Strings.D.kGroup, help: Strings.D.hGroup, inBar: false),
        Binding(action: .dashboard(.filterCaseworker), keys: [.char("s")], label: Strings.D.kCaseworker, help: Strings.D.hCaseworker, inBar: false),
        Binding(action: .dashboard(.filterUnit), keys: [.char("E")], label: Strings.D.kUnit, help: Strings.D.hUnit, inBar: false),
        Binding(action: .dashboard(.dates), keys: [.char("D")], label: Strings.D.kDates, help: Strings.D.hDates, inBar: false),
        Binding(action: .dashboard(.exportCSV), keys: [.char("x")], label: Strings.D.kExport, help: Strings.D.hExport, inBar: true),
        Binding(action: .dashboard(.freeze), keys: [.char("F")], label: Strings.D.kFreeze, help: Strings.D.hFreeze, inBar: false),
        Binding(action: .dashboard(.refresh), keys: [.char("r")], label: Strings.D.kRefresh, help: Strings.D.hRefresh, inBar: false),
        Binding(action: .dashboard(.targetGroup), keys: [.char("M")], label: Strings.D.kTargetGroup, help: Strings.D.hTargetGroup, inBar: false),
        Binding(action: .dashboard(.nextSection), keys: [.tab], label: Strings.D.kSection, help: Strings.D.hSection, inBar: false),
        Binding(action: .dashboard(.previousSection), keys: [.backTab], label: Strings.D.kSection, help: Strings.D.hSection, inBar: false),
    ] + FigureSection.allCases.map {
        Binding(action: .dashboard(.figures($0)), keys: [.char($0.key)], label: Strings.D.kSection, help: Strings.D.hSection, inBar: false)
    } + rows + [
        Binding(action: .dashboard(.left), keys: [.left], label: Strings.T.kMove, help: Strings.T.hMove, inBar: false),
        Binding(action: .dashboard(.right), keys: [.right], label: Strings.T.kMove, help: Strings.T.hMove, inBar: false),
        Binding(action: .back, keys: [.escape, .char("q")], label: Strings.T.kBack, help: Strings.T.hBack, inBar: true),
    ]

    /// The citizens behind a figure: the list's movement, marking and moving them.
    public static let figureList: [Binding] = [
        Binding(action: .open, keys: [.enter], label: Strings.T.kOpen, help: Strings.T.hOpen, inBar: true),
        Binding(action: .figureList(.sort), keys: [.char("s")], label: Strings.L.kSort, help: Strings.L.hSort, inBar: true),
        Binding(action: .figureList(.reverse), keys: [.char("r")], label: Strings.L.kReverse, help: Strings.L.hReverse, inBar: false),
    ] + moving + [Binding(action: .back, keys: [.escape, .char("q")], label: Strings.T.kBack, help: Strings.T.hBack, inBar: true)]

    /// The quarterly review section: drawing the quarter's sample (supervisors and administrators).
    public static let reviewDrawing: [Binding] = [
        Binding(action: .dashboard(.drawSample), keys: [.char("n")], label: Strings.V.kDraw, help: Strings.V.hDraw, inBar: true),
    ]

    /// The plans drawn for the review: recording a plan's review (supervisors and administrators).
    public static let reviewing: [Binding] = [
        Binding(action: .figureList(.recordReview), keys: [.char("t")], label: Strings.V.kReview, help: Strings.V.hReview, inBar: true),
    ]

    /// Moving citizens to another caseworker: supervisors and administrators.
    public static let reassigning: [Binding] = [
        Binding(action: .figureList(.mark), keys: [.char(" ")], label: Strings.D.kMark, help: Strings.D.hMark, inBar: true),
        Binding(action: .figureList(.markAll), keys: [.char("*")], label: Strings.D.kMarkAll, help: Strings.D.hMarkAll, inBar: false),
        Binding(action: .figureList(.give), keys: [.char("o")], label: Strings.D.kGive, help: Strings.D.hGive, inBar: true),   // overdrag
    ]
}
