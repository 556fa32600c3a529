import EnPlanDomain
import Foundation

/// What the list computes from each name alone: the two folded spellings the search reads and the
/// Danish sort key. They need no user, so the program computes them for every citizen behind the
/// login form, after the store is open (`warm`, on the `ServiceLoader`'s thread), and the loader
/// hands them to the first list after Enter (`ServiceLoader.takeNameKeys`) instead of its folding
/// 100,000 names then. Taken once and dropped: the list keeps its own (flat) copies, so nothing is
/// held twice.
public final class NameKeys: Sendable {
    struct Keys: Sendable {
        let short: [UInt8], long: [UInt8], sort: [UInt8]
        /// The sort key's place among every warmed name's (equal keys, equal rank); -1 when the
        /// name was not warmed.
        var rank: Int32 = -1
    }

    static func compute(_ name: String) -> Keys {
        let f = FoldedText(name)
        return Keys(short: f.short, long: f.long, sort: DanishCollation.key(name))
    }

    /// The places of `keys` in Danish order, equal names in the order given, when every one of
    /// them was warmed: a counting sort by rank, as the names were sorted behind the login form.
    /// nil when one was not (the caller sorts by the keys then).
    static func ranked(_ keys: [Keys]) -> [Int]? {
        var top: Int32 = -1
        for k in keys { if k.rank < 0 { return nil }; top = max(top, k.rank) }
        var start = [Int](repeating: 0, count: Int(top) + 2)
        for k in keys { start[Int(k.rank) + 1] += 1 }
        for r in 1..<start.count { start[r] += start[r - 1] }
        var order = [Int](repeating: 0, count: keys.count)
        for (i, k) in keys.enumerated() { order[start[Int(k.rank)]] = i; start[Int(k.rank)] += 1 }
        return order
    }

    private let byName: [String: Keys]
    private init(_ byName: [String: Keys]) { self.byName = byName }

    func keys(_ name: String) -> Keys { byName[name] ?? NameKeys.compute(name) }

    /// Computes the keys of `names` (on the caller's thread), ranked in Danish order.
    public static func warm(_ names: [String]) -> NameKeys {
        var byName: [String: Keys] = [:]
        byName.reserveCapacity(names.count)
        for n in names where byName[n] == nil { byName[n] = compute(n) }
        // Ranked here, behind the form, so that the first list after Enter needs no sort by name.
        let distinct = Array(byName.keys)
        let sortKeys = FlatBytes(distinct.map { byName[$0]!.sort })
        let order = distinct.indices.sorted { sortKeys.less($0, $1) }
        var rank: Int32 = -1
        for (n, i) in order.enumerated() {
            if n == 0 || sortKeys.less(order[n - 1], i) { rank += 1 }
            byName[distinct[i]]!.rank = rank
        }
        return NameKeys(byName)
    }
}
