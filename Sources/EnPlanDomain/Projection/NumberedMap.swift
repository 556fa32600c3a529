/// A map from stream ids to small values, compact for the ids the projection hands out itself:
/// "c1", "c2" … (a prefix byte and a number without leading zeros, `Projection.citizenCount`).
/// Those are kept in an array by their number; any other key in a dictionary. A dictionary of
/// 100,000 ids keeps 262,144 buckets of a 16-byte key and the value (6.3 MB for a place); the
/// array keeps the values alone (0.4 MB).
///
/// Invariants: a key is in exactly one of the two parts; `dense[n]` is the value of the key
/// `prefix` + n; a numbered key far beyond the array (a hand-made id) goes to the dictionary, so
/// the array never grows by more than `slack` at once.
struct NumberedMap<Value: Sendable>: Sendable {
    private let prefix: UInt8
    private var dense: [Value?] = []
    private var other: [String: Value] = [:]
    private static var slack: Int { 65_536 }

    init(prefix: Character, minimumCapacity n: Int = 0) {
        self.prefix = prefix.asciiValue!
        dense.reserveCapacity(n + 1)
    }

    /// The number of a key of the form prefix + digits (no leading zero, at most 9 digits).
    @inline(__always)
    private func number(_ key: String) -> Int? {
        var n = 0, digits = 0, first = true
        for b in key.utf8 {
            if first { guard b == prefix else { return nil }; first = false; continue }
            guard b >= 48, b <= 57, !(digits == 0 && b == 48), digits < 9 else { return nil }
            n = n * 10 + Int(b - 48); digits += 1
        }
        return digits > 0 ? n : nil
    }

    subscript(key: String) -> Value? {
        get {
            if let n = number(key), n < dense.count, let v = dense[n] { return v }
            return other.isEmpty ? nil : other[key]
        }
        set {
            if let n = number(key), n < dense.count + Self.slack, other[key] == nil {
                if n >= dense.count {
                    guard newValue != nil else { return }
                    dense.append(contentsOf: repeatElement(nil, count: n + 1 - dense.count))
                }
                dense[n] = newValue
            } else {
                other[key] = newValue
            }
        }
    }

    /// Every key with a value.
    var keys: [String] {
        let p = String(UnicodeScalar(prefix))
        return dense.indices.compactMap { dense[$0] == nil ? nil : p + String($0) } + Array(other.keys)
    }
}
