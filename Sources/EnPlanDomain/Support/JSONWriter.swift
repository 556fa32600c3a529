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

    private mutating func writeQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(92); bytes.append(b)
            case UInt8(ascii: "\\"): bytes.append(92); bytes.append(b)
            case 0x0A: bytes.append(92); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(92); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(92); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Hex.digit(b >> 4)); bytes.append(Hex.digit(b & 15))
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
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
