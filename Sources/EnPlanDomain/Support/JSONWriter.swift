/// Writes compact JSON into a byte buffer in the order the caller gives: the log's bytes are what
/// the hash chain covers, so they must not depend on a dictionary's ordering.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = false
    }

    public mutating func openObject() { separate(); bytes.append(UInt8(ascii: "{")) }
    public mutating func closeObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    public mutating func openArray() { separate(); bytes.append(UInt8(ascii: "[")) }
    public mutating func closeArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    public mutating func key(_ name: String) {
        separate()
        writeQuoted(name)
        bytes.append(UInt8(ascii: ":"))
    }

    public mutating func string(_ s: String) { separate(); writeQuoted(s); needsComma = true }
    public mutating func int(_ i: Int) { separate(); bytes.append(contentsOf: String(i).utf8); needsComma = true }
    public mutating func bool(_ b: Bool) { separate(); bytes.append(contentsOf: (b ? "true" : "false").utf8); needsComma = true }
    public mutating func null() { separate(); bytes.append(contentsOf: "null".utf8); needsComma = true }
    /// Bytes that are already one complete JSON value.
    public mutating func raw(_ value: [UInt8]) { separate(); bytes.append(contentsOf: value); needsComma = true }

    // Fields: the common shapes in one call each. Optional fields are left out when nil.
    public mutating func field(_ k: String, _ v: String) { key(k); string(v) }
    public mutating func field(_ k: String, _ v: Int) { key(k); int(v) }
    public mutating func field(_ k: String, _ v: Bool) { key(k); bool(v) }
    public mutating func field(_ k: String, _ v: String?) { if let v { key(k); string(v) } }
    public mutating func field(_ k: String, _ v: Int?) { if let v { key(k); int(v) } }
    public mutating func field(_ k: String, _ v: Day?) { if let v { key(k); string(v.iso) } }
    public mutating func field(_ k: String, _ v: Day) { key(k); string(v.iso) }
    public mutating func field<T: JSONEncodable>(_ k: String, _ v: T?) { if let v { key(k); v.encode(to: &self) } }
    public mutating func field<T: JSONEncodable>(_ k: String, _ v: [T]) {
        key(k); openArray(); for e in v { e.encode(to: &self) }; closeArray()
    }
    public mutating func field(_ k: String, _ v: [String]) {
        key(k); openArray(); for e in v { string(e) }; closeArray()
    }
    public mutating func field<R: RawRepresentable>(_ k: String, _ v: R) where R.RawValue == String { key(k); string(v.rawValue) }
    public mutating func field<R: RawRepresentable>(_ k: String, _ v: R?) where R.RawValue == String {
        if let v { key(k); string(v.rawValue) }
    }
    public mutating func field<R: RawRepresentable>(_ k: String, _ v: [R]) where R.RawValue == String {
        key(k); openArray(); for e in v { string(e.rawValue) }; closeArray()
    }

    /// A JSON string. Besides what JSON requires (quote, backslash, C0), DEL, the C1 controls, the
    /// bidi controls and U+2028/U+2029 are written as \uXXXX too (`TerminalSafe.isControl`): still
    /// the same string to any reader, and no byte of it can drive a terminal that shows the JSON.
    private mutating func writeQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        let u = s.utf8
        var i = u.startIndex
        while i != u.endIndex {
            let b = u[i]
            i = u.index(after: i)
            switch b {
            case UInt8(ascii: "\""): bytes.append(92); bytes.append(b)
            case UInt8(ascii: "\\"): bytes.append(92); bytes.append(b)
            case 0x0A: bytes.append(92); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(92); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(92); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F: escape(UInt32(b))
            case 0xC2 where i != u.endIndex && (0x80...0x9F).contains(u[i]):
                // U+0080-U+009F: C2 80 - C2 9F.
                escape(UInt32(u[i]))
                i = u.index(after: i)
            case 0xE2 where i != u.endIndex && (u[i] == 0x80 || u[i] == 0x81) && u.index(after: i) != u.endIndex:
                // U+2028-U+202E: E2 80 A8 - E2 80 AE; U+2066-U+2069: E2 81 A6 - E2 81 A9.
                let c1 = u[i], c2 = u[u.index(after: i)]
                let scalar = 0x2000 + (UInt32(c1 & 0x3F) << 6) + UInt32(c2 & 0x3F)
                if (0x2028...0x202E).contains(scalar) || (0x2066...0x2069).contains(scalar) {
                    escape(scalar)
                    i = u.index(i, offsetBy: 2)
                } else {
                    bytes.append(b)
                }
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ scalar: UInt32) {
        bytes.append(contentsOf: "\\u".utf8)
        bytes.append(Hex.digit(UInt8(scalar >> 12 & 15))); bytes.append(Hex.digit(UInt8(scalar >> 8 & 15)))
        bytes.append(Hex.digit(UInt8(scalar >> 4 & 15))); bytes.append(Hex.digit(UInt8(scalar & 15)))
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

public protocol JSONEncodable {
    func encode(to w: inout JSONWriter)
}

public protocol JSONDecodable {
    init(from r: inout JSONReader) throws
}

public typealias JSONCodable = JSONEncodable & JSONDecodable

extension JSONEncodable {
    public var jsonBytes: [UInt8] { var w = JSONWriter(); encode(to: &w); return w.bytes }
    public var jsonString: String { String(decoding: jsonBytes, as: UTF8.self) }
}
