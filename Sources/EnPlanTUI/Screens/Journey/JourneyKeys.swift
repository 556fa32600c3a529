/// The journey's own keys (`KeyTable.journey`).
public enum JourneyAction: ScreenAction { case filterSector, filterKind }

extension Action {
    static func journey(_ a: JourneyAction) -> Action { .own(OwnAction(a)) }
}

extension KeyTable {
    /// The citizen's journey.
    public static let journey: [Binding] = [
        Binding(action: .journey(.filterSector), keys: [.char("f")], label: Strings.P.kFilterSector, help: Strings.P.hFilterSector, inBar: true),
        Binding(action: .journey(.filterKind), keys: [.char("t")], label: Strings.P.kFilterKind, help: Strings.P.hFilterKind, inBar: true),
    ] + movement
}
