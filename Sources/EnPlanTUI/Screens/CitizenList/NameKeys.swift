import EnPlanDomain
import Foundation

/// What the list computes from each name alone: the two folded spellings the search reads and the
/// Danish sort key. They need no user, so the program computes them for every citizen behind the
/// login form, after the store is open (`warm`), and the first list after Enter takes them
/// (`take`) instead of folding 100,000 names then. Taken once and dropped: the list keeps its
/// own (flat) copies, so nothing is held twice.
public final class NameKeys: @unchecked Sendable {
    struct Keys: Sendable {
        let short: [UInt8], long: [UInt8], sort: [UInt8]
    }

    static func compute(_ name: String) -> Keys {
        let f = FoldedText(name)
        return Keys(short: f.short, long: f.long, sort: DanishCollation.key(name))
    }

    private let byName: [String: Keys]
    private init(_ byName: [String: Keys]) { self.byName = byName }

    func keys(_ name: String) -> Keys { byName[name] ?? NameKeys.compute(name) }

    private static let condition = NSCondition()
    nonisolated(unsafe) private static var warming = false
    nonisolated(unsafe) private static var ready: NameKeys?

    /// Computes the keys of `names` (on the caller's thread) for the next `take`.
    public static func warm(_ names: [String]) {
        condition.lock(); warming = true; condition.unlock()
        var byName: [String: Keys] = [:]
        byName.reserveCapacity(names.count)
        for n in names where byName[n] == nil { byName[n] = compute(n) }
        condition.lock(); ready = NameKeys(byName); warming = false; condition.broadcast(); condition.unlock()
    }

    /// The warmed keys, waiting for them if they are being computed (sooner than computing them
    /// again); nil when none were warmed or they were taken.
    static func take() -> NameKeys? {
        condition.lock(); defer { condition.unlock() }
        while warming { condition.wait() }
        defer { ready = nil }
        return ready
    }
}
