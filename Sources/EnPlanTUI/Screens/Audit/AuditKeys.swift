/// The audit screen's own keys (`KeyTable.auditLog`, `.spotCheck`, `.accessReport`: its three tabs).
public enum AuditAction: ScreenAction {
    case search, user, period, dates, kind, refresh
    case spotChecks, auditLog, draw, workRelated, flag
    case toggleNames, exportReport, printReport
}

extension Action {
    static func audit(_ a: AuditAction) -> Action { .own(OwnAction(a)) }
}

extension KeyTable {
    private static let auditMoving: [Binding] = list([])

    /// The audit log's lookups.
    public static let auditLog: [Binding] = [
        Binding(action: .open, keys: [.enter], label: Strings.A.kReport, help: Strings.A.hReport, inBar: true),
        Binding(action: .audit(.search), keys: [.char("/")], label: Strings.A.kCitizen, help: Strings.A.hCitizen, inBar: true),
        Binding(action: .audit(.user), keys: [.char("u")], label: Strings.A.kUser, help: Strings.A.hUser, inBar: true),
        Binding(action: .audit(.period), keys: [.char("d")], label: Strings.A.kPeriod, help: Strings.A.hPeriod, inBar: true),
        Binding(action: .audit(.dates), keys: [.char("D")], label: Strings.D.kDates, help: Strings.D.hDates, inBar: false),
        Binding(action: .audit(.kind), keys: [.char("t")], label: Strings.A.kKind, help: Strings.A.hKind, inBar: true),
        Binding(action: .audit(.spotChecks), keys: [.char("s")], label: Strings.A.kSpot, help: Strings.A.hSpot, inBar: true),
        Binding(action: .audit(.refresh), keys: [.char("r")], label: Strings.A.kRefresh, help: Strings.A.hRefresh, inBar: false),
    ] + auditMoving

    /// Spot checks: draw, judge.
    public static let spotCheck: [Binding] = [
        Binding(action: .audit(.draw), keys: [.char("n")], label: Strings.A.kDraw, help: Strings.A.hDraw, inBar: true),
        Binding(action: .audit(.workRelated), keys: [.char("a")], label: Strings.A.kWork, help: Strings.A.hWork, inBar: true),
        Binding(action: .audit(.flag), keys: [.char("f")], label: Strings.A.kFlag, help: Strings.A.hFlag, inBar: true),
        Binding(action: .open, keys: [.enter], label: Strings.A.kReport, help: Strings.A.hReport, inBar: false),
        Binding(action: .audit(.auditLog), keys: [.char("l")], label: Strings.A.kLog, help: Strings.A.hLog, inBar: true),
    ] + auditMoving

    /// A citizen's access report.
    public static let accessReport: [Binding] = [
        Binding(action: .audit(.toggleNames), keys: [.char("n")], label: Strings.A.kNames, help: Strings.A.hNames, inBar: true),
        Binding(action: .audit(.exportReport), keys: [.char("x")], label: Strings.A.kExportReport, help: Strings.A.hExportReport, inBar: true),
        Binding(action: .audit(.printReport), keys: [.char("P")], label: Strings.A.kPrintReport, help: Strings.A.hPrintReport, inBar: true),
    ] + auditMoving
}
