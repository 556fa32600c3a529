/// The plan's own keys (`KeyTable.plan`); a section's key is one family, `.section(_:)`.
public enum PlanAction: ScreenAction {
    case edit, newItem, toggle, contact, template, journey, exportPlan, printPlan, responsible, showCPR, closeCase, changeCPR
    case nextSection, previousSection
    /// The key that jumps to a section.
    case section(PlanScreen.Section)
}

extension Action {
    static func plan(_ a: PlanAction) -> Action { .own(OwnAction(a)) }
}

extension KeyTable {
    /// The plan screen: a key per section, and a key per form.
    public static let plan: [Binding] = [
        Binding(action: .plan(.edit), keys: [.enter], label: Strings.P.kEdit, help: Strings.P.hEdit, inBar: true),
        Binding(action: .plan(.newItem), keys: [.char("n")], label: Strings.P.kNewItem, help: Strings.P.hNewItem, inBar: true),
        Binding(action: .plan(.toggle), keys: [.char(" ")], label: Strings.P.kToggle, help: Strings.P.hToggle, inBar: true),
        Binding(action: .plan(.contact), keys: [.char("c")], label: Strings.P.kContact, help: Strings.P.hContact, inBar: true),
        Binding(action: .plan(.template), keys: [.char("T")], label: Strings.P.kTemplate, help: Strings.P.hTemplate, inBar: true),
        Binding(action: .plan(.journey), keys: [.char("b")], label: Strings.P.kJourney, help: Strings.P.hJourney, inBar: true),
        Binding(action: .plan(.exportPlan), keys: [.char("x")], label: Strings.P.kExportPlan, help: Strings.P.hExportPlan, inBar: true),
        Binding(action: .plan(.printPlan), keys: [.char("P")], label: Strings.P.kPrintPlan, help: Strings.P.hPrintPlan, inBar: false),
        Binding(action: .plan(.responsible), keys: [.char("R")], label: Strings.P.kResponsible, help: Strings.P.hResponsible, inBar: false),
        Binding(action: .plan(.showCPR), keys: [.char("#")], label: Strings.P.kCPR, help: Strings.P.hCPR, inBar: false),
        Binding(action: .plan(.closeCase), keys: [.char("L")], label: Strings.K.kClose, help: Strings.K.hClose, inBar: false),
        Binding(action: .plan(.changeCPR), keys: [.char("C")], label: Strings.K.kCPR, help: Strings.K.hCPR, inBar: false),
        Binding(action: .plan(.nextSection), keys: [.tab], label: Strings.P.kSection, help: Strings.P.hSection, inBar: false),
        Binding(action: .plan(.previousSection), keys: [.backTab], label: Strings.P.kSection, help: Strings.P.hSection, inBar: false),
    ] + PlanScreen.Section.allCases.map {
        Binding(action: .plan(.section($0)), keys: [.char($0.key)], label: Strings.P.kSection, help: Strings.P.hSection, inBar: false)
    } + movement
}
