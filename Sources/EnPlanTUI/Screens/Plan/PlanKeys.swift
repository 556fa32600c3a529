extension Action {
    public static let edit = Action("edit"), newItem = Action("newItem"), toggle = Action("toggle"), contact = Action("contact")
    public static let template = Action("template"), journey = Action("journey"), exportPlan = Action("exportPlan"), printPlan = Action("printPlan")
    public static let responsible = Action("responsible"), showCPR = Action("showCPR")
    public static let nextSection = Action("nextSection"), previousSection = Action("previousSection")
    /// The key that jumps to a section.
    public static func section(_ s: PlanScreen.Section) -> Action { Action("section", s.rawValue) }
}

extension KeyTable {
    /// The plan screen: a key per section, and a key per form.
    public static let plan: [Binding] = [
        Binding(action: .edit, keys: [.enter], label: Strings.P.kEdit, help: Strings.P.hEdit, inBar: true),
        Binding(action: .newItem, keys: [.char("n")], label: Strings.P.kNewItem, help: Strings.P.hNewItem, inBar: true),
        Binding(action: .toggle, keys: [.char(" ")], label: Strings.P.kToggle, help: Strings.P.hToggle, inBar: true),
        Binding(action: .contact, keys: [.char("c")], label: Strings.P.kContact, help: Strings.P.hContact, inBar: true),
        Binding(action: .template, keys: [.char("T")], label: Strings.P.kTemplate, help: Strings.P.hTemplate, inBar: true),
        Binding(action: .journey, keys: [.char("b")], label: Strings.P.kJourney, help: Strings.P.hJourney, inBar: true),
        Binding(action: .exportPlan, keys: [.char("x")], label: Strings.P.kExportPlan, help: Strings.P.hExportPlan, inBar: true),
        Binding(action: .printPlan, keys: [.char("P")], label: Strings.P.kPrintPlan, help: Strings.P.hPrintPlan, inBar: false),
        Binding(action: .responsible, keys: [.char("R")], label: Strings.P.kResponsible, help: Strings.P.hResponsible, inBar: false),
        Binding(action: .showCPR, keys: [.char("#")], label: Strings.P.kCPR, help: Strings.P.hCPR, inBar: false),
        Binding(action: .closeCase, keys: [.char("L")], label: Strings.K.kClose, help: Strings.K.hClose, inBar: false),
        Binding(action: .changeCPR, keys: [.char("C")], label: Strings.K.kCPR, help: Strings.K.hCPR, inBar: false),
        Binding(action: .nextSection, keys: [.tab], label: Strings.P.kSection, help: Strings.P.hSection, inBar: false),
        Binding(action: .previousSection, keys: [.backTab], label: Strings.P.kSection, help: Strings.P.hSection, inBar: false),
    ] + PlanScreen.Section.allCases.map {
        Binding(action: .section($0), keys: [.char($0.key)], label: Strings.P.kSection, help: Strings.P.hSection, inBar: false)
    } + movement
}
