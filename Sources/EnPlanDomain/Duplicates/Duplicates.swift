/// Probable duplicates: two registrations that are probably one person. Flagged, never merged: a
/// team leader links them (`Command.linkCitizens`) or dismisses the pair (`dismissDuplicate`).
///
/// Two registrations are a probable duplicate when
/// - their CPR numbers give the same birth date and their names are similar by the Danish folding
///   (`DanishName.similar`: Søren Sørensen, Soeren Sorensen, Soren Sorensen), or
/// - their names are the same by the folding (`DanishName.key`) and their CPR numbers are near: one
///   digit different, or two neighbouring digits swapped (a typing error);
/// and a team leader has neither linked nor dismissed them. A number a citizen had before
/// (`CPRChanged`) counts as theirs.
///
/// Invariant (privacy): what is found here names citizens without asking who looks; the service
/// passes every pair and hint through `Access` before anyone is shown a name
/// (`CaseService+Duplicates`).
public enum Duplicates {
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        /// The same birth date and a similar name.
        case sameBirthDate
        /// The same name and a CPR number one digit (or one swap of neighbours) apart.
        case nearCPR
    }

    public struct Pair: Sendable, Equatable {
        /// The two registrations, the earlier registered first.
        public let first: String, second: String
        public let reasons: [Reason]
    }

    /// Whether two ten-digit numbers are one digit apart, or two neighbouring digits swapped.
    public static func near(_ a: UInt64, _ b: UInt64) -> Bool {
        guard a != b else { return false }
        var x = a, y = b, dx: [UInt8] = [], dy: [UInt8] = []
        for _ in 0..<10 { dx.append(UInt8(x % 10)); dy.append(UInt8(y % 10)); x /= 10; y /= 10 }
        let differ = (0..<10).filter { dx[$0] != dy[$0] }
        if differ.count == 1 { return true }
        return differ.count == 2 && differ[1] == differ[0] + 1 && dx[differ[0]] == dy[differ[1]] && dx[differ[1]] == dy[differ[0]]
    }

    /// What one registration is compared by.
    struct Entry {
        let id: String, place: Int
        let numbers: [UInt64]
        let births: [Day]
        let words: [String]
        let key: String
        let settled: Set<String>

        init(_ h: CitizenHead, place: Int) {
            id = h.id; self.place = place
            let cprs = [h.cpr] + h.formerCPRs
            numbers = cprs.compactMap { Projection.cprKey($0.digits) }
            births = cprs.map(\.birthDate)
            words = DanishName.words(h.name)
            key = words.sorted().joined(separator: " ")
            settled = Set(h.linked + h.notDuplicates)
        }

        func reasons(with o: Entry) -> [Reason] {
            guard !settled.contains(o.id), !o.settled.contains(id) else { return [] }
            var out: [Reason] = []
            if births.contains(where: o.births.contains), DanishName.similar(words: words, o.words) { out.append(.sameBirthDate) }
            if key == o.key, numbers.contains(where: { n in o.numbers.contains { near(n, $0) } }) { out.append(.nearCPR) }
            return out
        }
    }

    /// Every probable duplicate among the registrations, in the order they were registered.
    public static func all(in state: Projection) -> [Pair] {
        let heads = state.citizens.heads
        // An erased citizen's nameless record is nobody's duplicate.
        let entries = heads.indices.filter { !heads[$0].name.isEmpty }.map { Entry(heads[$0], place: $0) }
        var byBirth: [Day: [Int]] = [:], byName: [String: [Int]] = [:]
        for (i, e) in entries.enumerated() {
            for b in Set(e.births) { byBirth[b, default: []].append(i) }
            if !e.key.isEmpty { byName[e.key, default: []].append(i) }
        }
        var pairs = Set<Int>(), out: [Pair] = []
        let n = entries.count
        func consider(_ group: [Int]) {
            guard group.count > 1 else { return }
            for x in group.indices { for y in group.indices where y > x {
                let (a, b) = (min(group[x], group[y]), max(group[x], group[y]))
                guard pairs.insert(a * n + b).inserted else { continue }
                let why = entries[a].reasons(with: entries[b])
                if !why.isEmpty { out.append(Pair(first: entries[a].id, second: entries[b].id, reasons: why)) }
            } }
        }
        for group in byBirth.values { consider(group) }
        for group in byName.values { consider(group) }
        let place = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.place) })
        return out.sorted { (place[$0.first]!, place[$0.second]!) < (place[$1.first]!, place[$1.second]!) }
    }

    /// The registrations that are probably the same person as `id`, each with why: the numbers are
    /// compared first (no citizen read), then the names of those whose numbers could match.
    public static func of(_ id: String, in state: Projection) -> [(other: String, reasons: [Reason])] {
        guard let place = state.citizens.place(of: id) else { return [] }
        let me = Entry(state.citizens.head(place: place), place: place)
        let dates = Set(me.numbers.map { $0 / 10_000 })   // DDMMYY, the century aside
        var candidates = Set<Int>()
        state.forEachCPR { key, other, _ in
            guard other != place else { return }
            if dates.contains(key / 10_000) || me.numbers.contains(where: { near($0, key) }) { candidates.insert(other) }
        }
        return candidates.sorted().compactMap { p in
            let o = Entry(state.citizens.head(place: p), place: p)
            let why = me.reasons(with: o)
            return why.isEmpty ? nil : (o.id, why)
        }
    }
}
