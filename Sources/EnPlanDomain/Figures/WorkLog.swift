/// Who worked on a citizen on which day (`FigureSummary.work`), packed: each entry is its day as
/// the difference from the entry before (zigzag, in 7-bit groups) and its user's number (in 7-bit
/// groups). Most entries take 2 bytes where a pair of 32-bit numbers took 8: every contact ever
/// logged has one, so this is the part of a supervisor's figures that grows with the history.
/// Read front to back only, as the passes read it.
struct WorkLog: Equatable {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0
    private var lastDay = 0

    init() {}

    mutating func reserve(_ entries: Int) { bytes.reserveCapacity(entries * 2) }

    mutating func append(day: Day, user: Int) {
        let delta = day.daysSinceEpoch - lastDay
        lastDay = day.daysSinceEpoch
        put(UInt64(bitPattern: Int64((delta << 1) ^ (delta >> 63))))
        put(UInt64(user))
        count += 1
    }

    private mutating func put(_ value: UInt64) {
        var v = value
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    /// Each entry's day and user number, in the order appended, until `body` returns false.
    @inline(__always)
    func forEach(_ body: (_ day: Day, _ user: Int) -> Bool) {
        bytes.withUnsafeBufferPointer { b in
            var i = 0, day = 0
            @inline(__always) func take() -> UInt64 {
                var v: UInt64 = 0, shift: UInt64 = 0
                while true {
                    let byte = b[i]; i += 1
                    if shift == 0 && byte < 0x80 { return UInt64(byte) }
                    v |= UInt64(byte & 0x7F) << shift
                    if byte < 0x80 { return v }
                    shift += 7
                }
            }
            while i < b.count {
                let z = take()
                day += Int(Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1))
                let user = Int(take())
                if !body(Day(daysSinceEpoch: day), user) { return }
            }
        }
    }

    /// The days of the first `n` entries.
    @inline(__always)
    func days(first n: Int, _ body: (Day) -> Void) {
        guard n > 0 else { return }
        var left = n
        forEach { day, _ in body(day); left -= 1; return left > 0 }
    }
}
