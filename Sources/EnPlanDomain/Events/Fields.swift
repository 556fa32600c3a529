/// An event's payload as ordered key/value pairs: the one shape every event is written and read
/// through, so each event type needs one line per field in its catalogue row (`EventCatalogue.swift`),
/// not a codec of its own.
public enum FieldValue: Equatable, Sendable {
    case string(String), int(Int), bool(Bool), strings([String]), ints([Int]), objects([Fields])
}

public struct Fields: Equatable, Sendable, JSONCodable {
    public private(set) var pairs: [(String, FieldValue)] = []

    public init() {}

    public static func == (a: Fields, b: Fields) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    public struct Missing: Error, CustomStringConvertible {
        public let key: String, problem: String
        public var description: String { "field \"\(key)\" \(problem)" }
    }

    // Building. nil leaves the field out.
    public mutating func set(_ k: String, _ v: String?) { if let v { pairs.append((k, .string(v))) } }
    public mutating func set(_ k: String, _ v: Int?) { if let v { pairs.append((k, .int(v))) } }
    public mutating func set(_ k: String, _ v: Bool) { pairs.append((k, .bool(v))) }
    public mutating func set(_ k: String, _ v: Day?) { if let v { pairs.append((k, .string(v.iso))) } }
    public mutating func set(_ k: String, _ v: [String]) { pairs.append((k, .strings(v))) }
    public mutating func set(_ k: String, _ v: [Fields]) { pairs.append((k, .objects(v))) }
    public mutating func set(_ k: String, _ v: [Int]) { pairs.append((k, .ints(v))) }
    public mutating func set<R: RawRepresentable>(_ k: String, _ v: R?) where R.RawValue == String { set(k, v?.rawValue) }
    public mutating func set<R: RawRepresentable>(_ k: String, _ v: [R]) where R.RawValue == String { set(k, v.map(\.rawValue)) }

    /// A copy with one string field's value replaced (masking a CPR number for display).
    public func replacing(_ k: String, with v: String) -> Fields {
        var copy = self
        if let i = copy.pairs.firstIndex(where: { $0.0 == k }) { copy.pairs[i].1 = .string(v) }
        return copy
    }

    /// A copy without one field (content a viewer may not see).
    public func removing(_ k: String) -> Fields {
        var copy = self
        copy.pairs.removeAll { $0.0 == k }
        return copy
    }

    // Reading.
    private func find(_ k: String) -> FieldValue? {
        // Comparing lengths first: String == on two different strings takes Swift's slow path.
        let n = k.utf8.count
        for (key, value) in pairs where key.utf8.count == n && key == k { return value }
        return nil
    }

    /// Whether the field is there (an empty list is there; a field left out is not).
    public func has(_ k: String) -> Bool { find(k) != nil }

    public func string(_ k: String) throws -> String {
        guard let v = try optionalString(k) else { throw Missing(key: k, problem: "is missing") }
        return v
    }

    public func optionalString(_ k: String) throws -> String? {
        switch find(k) {
        case nil: return nil
        case .string(let s)?: return s
        default: throw Missing(key: k, problem: "is not a string")
        }
    }

    public func int(_ k: String) throws -> Int {
        guard let v = try optionalInt(k) else { throw Missing(key: k, problem: "is missing") }
        return v
    }

    public func optionalInt(_ k: String) throws -> Int? {
        switch find(k) {
        case nil: return nil
        case .int(let i)?: return i
        default: throw Missing(key: k, problem: "is not an integer")
        }
    }

    public func bool(_ k: String) throws -> Bool {
        guard case .bool(let b)? = find(k) else { throw Missing(key: k, problem: "is not true or false") }
        return b
    }

    /// A flag that older lines do not carry: nil when absent.
    public func optionalBool(_ k: String) throws -> Bool? {
        switch find(k) {
        case nil: return nil
        case .bool(let b)?: return b
        default: throw Missing(key: k, problem: "is not true or false")
        }
    }

    public func day(_ k: String) throws -> Day {
        guard let d = try optionalDay(k) else { throw Missing(key: k, problem: "is missing") }
        return d
    }

    public func optionalDay(_ k: String) throws -> Day? {
        guard let s = try optionalString(k) else { return nil }
        guard let d = Day(iso: s) else { throw Missing(key: k, problem: "is not a date YYYY-MM-DD") }
        return d
    }

    public func value<R: RawRepresentable>(_ k: String, _ t: R.Type = R.self) throws -> R where R.RawValue == String {
        guard let v = try optionalValue(k, R.self) else { throw Missing(key: k, problem: "is missing") }
        return v
    }

    public func optionalValue<R: RawRepresentable>(_ k: String, _ t: R.Type = R.self) throws -> R? where R.RawValue == String {
        guard let s = try optionalString(k) else { return nil }
        guard let v = R(rawValue: s) else { throw Missing(key: k, problem: "has the unknown value \"\(s)\"") }
        return v
    }

    public func strings(_ k: String) throws -> [String] {
        switch find(k) {
        case nil: return []
        case .strings(let a)?: return a
        default: throw Missing(key: k, problem: "is not a list of strings")
        }
    }

    public func ints(_ k: String) throws -> [Int] {
        switch find(k) {
        case nil: return []
        case .ints(let a)?: return a
        case .strings(let a)? where a.isEmpty: return []
        default: throw Missing(key: k, problem: "is not a list of integers")
        }
    }

    public func values<R: RawRepresentable>(_ k: String, _ t: R.Type = R.self) throws -> [R] where R.RawValue == String {
        try strings(k).map { s in
            guard let v = R(rawValue: s) else { throw Missing(key: k, problem: "has the unknown value \"\(s)\"") }
            return v
        }
    }

    public func objects(_ k: String) throws -> [Fields] {
        switch find(k) {
        case nil: return []
        case .objects(let a)?: return a
        case .strings(let a)? where a.isEmpty: return []
        default: throw Missing(key: k, problem: "is not a list of objects")
        }
    }

    // JSON
    public func encode(to w: inout JSONWriter) {
        w.openObject()
        for (k, v) in pairs {
            w.key(k)
            switch v {
            case .string(let s): w.string(s)
            case .int(let i): w.int(i)
            case .bool(let b): w.bool(b)
            case .strings(let a): w.openArray(); for s in a { w.string(s) }; w.closeArray()
            case .ints(let a): w.openArray(); for i in a { w.int(i) }; w.closeArray()
            case .objects(let a): w.openArray(); for o in a { o.encode(to: &w) }; w.closeArray()
            }
        }
        w.closeObject()
    }

    /// One JSON object's text (a template file, a template in the snapshot).
    public var json: String {
        var w = JSONWriter()
        encode(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    public init(json: String) throws {
        self = try JSONReader.read(Array(json.utf8)) { try Fields(from: &$0) }
    }

    public init(from r: inout JSONReader) throws {
        pairs.reserveCapacity(8)
        try r.openObject()
        while let k = try r.nextKey() {
            if r.null() { continue }
            pairs.append((k, try Fields.readValue(&r)))
        }
    }

    private static func readValue(_ r: inout JSONReader) throws -> FieldValue {
        switch r.peekByte() {
        case UInt8(ascii: "\""): return .string(try r.string())
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool(try r.bool())
        case UInt8(ascii: "["):
            try r.openArray()
            var strings: [String] = [], objects: [Fields] = [], ints: [Int] = []
            while try r.nextElement() {
                switch r.peekByte() {
                case UInt8(ascii: "\""): strings.append(try r.string())
                case UInt8(ascii: "{"): objects.append(try Fields(from: &r))
                default: ints.append(try r.int())
                }
            }
            if [strings.isEmpty, objects.isEmpty, ints.isEmpty].filter({ !$0 }).count > 1 { throw r.fail("a list mixes kinds of values") }
            return !objects.isEmpty ? .objects(objects) : !ints.isEmpty ? .ints(ints) : .strings(strings)
        default: return .int(try r.int())
        }
    }
}
