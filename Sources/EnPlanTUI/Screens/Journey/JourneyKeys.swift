extension Action {
    public static let filterSector = Action("filterSector"), filterKind = Action("filterKind")
}

extension KeyTable {
    /// The citizen's journey.
    public static let journey: [Binding] = [
        Binding(action: .filterSector, keys: [.char("f")], label: Strings.P.kFilterSector, help: Strings.P.hFilterSector, inBar: true),
        Binding(action: .filterKind, keys: [.char("t")], label: Strings.P.kFilterKind, help: Strings.P.hFilterKind, inBar: true),
    ] + movement
}
