import EnPlanDomain

/// The filter's inputs.
struct Filter {
    var scope: CitizenList.Scope, youthOnly: Bool, overdueOnly: Bool, noPlanOnly: Bool
    /// Closed cases too ("Vis lukkede sager"); else they are left out.
    var showClosed = false
    var sector: UInt8?
    var query: [UInt8]
    var digits: [UInt8]
}

/// Every row's searchable data in flat arrays: names folded both ways into one byte buffer each
/// (rows separated by a zero byte), the CPR's visible digits, and the quick filters' flags.
struct SearchColumns: Sendable {
    private var short: [UInt8] = [], long: [UInt8] = []
    private var shortStart: [Int] = [0], longStart: [Int] = [0]
    private var digits: [UInt8] = []          // 6 a row: DDMMYY
    private var flags: [UInt8] = []           // bit 0 works on, 1 youth, 2 overdue, 3 no plan, 4 responsible, 5 closed
    /// The viewer: whose "responsible" bit is set.
    private var user = ""
    private var sectors: [UInt8] = []         // a bit a sector

    init() {}

    /// `keys`: each row's name folded (`NameKeys`), index-aligned with `rows`.
    init(_ rows: [CitizenRow], _ keys: [NameKeys.Keys], user: String) {
        self.user = user
        short.reserveCapacity(rows.count * 20); long.reserveCapacity(rows.count * 20)
        for (r, k) in zip(rows, keys) { append(r, k) }
    }

    mutating func append(_ r: CitizenRow, _ f: NameKeys.Keys) {
        short += f.short; short.append(0); shortStart.append(short.count)
        long += f.long; long.append(0); longStart.append(long.count)
        let before = digits.count
        digits.append(contentsOf: r.maskedCPR.utf8.prefix(6))
        if digits.count - before != 6 { digits.removeLast(digits.count - before); digits += [0, 0, 0, 0, 0, 0] }
        flags.append(flags(r))
        sectors.append(Self.sectors(r))
    }

    /// A changed row whose name is the same: only the flags and sectors can differ.
    mutating func update(_ i: Int, _ r: CitizenRow) {
        flags[i] = flags(r)
        sectors[i] = Self.sectors(r)
    }

    func flags(_ r: CitizenRow) -> UInt8 {
        (r.mine ? 1 : 0) | (r.targetGroup == .youth ? 2 : 0) | (r.overdueFollowUps > 0 ? 4 : 0) | (r.planStatus == .none ? 8 : 0)
            | (r.responsible == user ? 16 : 0) | (r.closed != nil ? 32 : 0)
    }

    /// A bit a sector, in `Sector.allCases`' order (the row's own mask).
    static func sectors(_ r: CitizenRow) -> UInt8 { r.sectorMask }

    func filter(_ candidates: [Int], _ f: Filter) -> [Int] {
        var need: UInt8 = 0
        if f.scope == .workingOn { need |= 1 }
        if f.scope == .responsible { need |= 16 }
        if f.youthOnly { need |= 2 }
        if f.overdueOnly { need |= 4 }
        if f.noPlanOnly { need |= 8 }
        var out: [Int] = []
        out.reserveCapacity(candidates.count)
        // Several words ("fa han"): each the start of a word of the name, in order (Fatima Hansen).
        let words = f.query.split(separator: 32).map(Array.init)
        short.withUnsafeBufferPointer { sh in long.withUnsafeBufferPointer { lo in
        f.query.withUnsafeBufferPointer { q in
            for i in candidates {
                if flags[i] & need != need { continue }
                if !f.showClosed, flags[i] & 32 != 0 { continue }
                if let s = f.sector, sectors[i] & s == 0 { continue }
                if q.isEmpty { out.append(i); continue }
                if !f.digits.isEmpty, f.digits.count <= 6,
                   (0..<f.digits.count).allSatisfy({ digits[i * 6 + $0] == f.digits[$0] }) { out.append(i); continue }
                if Self.contains(sh, from: shortStart[i], to: shortStart[i + 1] - 1, q)
                    || Self.contains(lo, from: longStart[i], to: longStart[i + 1] - 1, q) { out.append(i); continue }
                if words.count > 1, Self.wordStarts(sh, from: shortStart[i], to: shortStart[i + 1] - 1, words)
                    || Self.wordStarts(lo, from: longStart[i], to: longStart[i + 1] - 1, words) { out.append(i) }
            }
        } } }
        return out
    }

    /// Whether each of `words` begins a word of the name between `from` and `end`, in order.
    static func wordStarts(_ hay: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, _ words: [[UInt8]]) -> Bool {
        var i = from
        for w in words {
            var found = false
            while i + w.count <= end {
                if (i == from || hay[i - 1] == 32 || hay[i - 1] == 45), (0..<w.count).allSatisfy({ hay[i + $0] == w[$0] }) {
                    found = true; i += w.count; break
                }
                i += 1
            }
            if !found { return false }
        }
        return true
    }

    /// The same over a whole name (the forms' lookups).
    public static func wordStarts(_ name: [UInt8], _ words: [[UInt8]]) -> Bool {
        name.withUnsafeBufferPointer { wordStarts($0, from: 0, to: name.count, words) }
    }

    @inline(__always)
    private static func contains(_ hay: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, _ q: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = q.count
        guard end - from >= n else { return false }
        let first = q[0]
        var i = from
        while i <= end - n {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == q[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
