import Glibc

/// A pull parser over UTF-8 bytes. Replaying two million log lines through Foundation's
/// JSONDecoder takes ~29 s here; reading fields straight into structs takes a few seconds.
///
/// Objects: `try r.openObject(); while let k = try r.nextKey() { switch k { ... default: try r.skip() } }`
/// Arrays:  `try r.openArray(); while try r.nextElement() { ... }`
public struct JSONReader {
    public struct Failure: Error, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    private let base: UnsafePointer<UInt8>
    private let end: Int
    public private(set) var pos = 0
    /// Whether the container being read still expects its first member (no comma before it).
    private var first = false

    /// The caller keeps `bytes` alive while the reader is used.
    public init(_ bytes: UnsafeRawBufferPointer) {
        base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        end = bytes.count
    }

    public static func read<T>(_ bytes: [UInt8], _ body: (inout JSONReader) throws -> T) throws -> T {
        try bytes.withUnsafeBytes { buf in
            var r = JSONReader(buf)
            let value = try body(&r)
            try r.expectEnd()
            return value
        }
    }

    public static func decode<T: JSONDecodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try read(bytes) { try T(from: &$0) }
    }

    public static func decode<T: JSONDecodable>(_ type: T.Type, from text: String) throws -> T {
        try decode(type, from: Array(text.utf8))
    }

    func fail(_ reason: String) -> Failure { Failure(offset: pos, reason: reason) }

    @inline(__always) private mutating func skipSpace() {
        while pos < end {
            let c = base[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
        }
    }

    @inline(__always) private mutating func peek() -> UInt8? {
        skipSpace(); return pos < end ? base[pos] : nil
    }

    /// Consumes the spaces at the cursor (an erased log line's padding), and only spaces.
    public mutating func skipSpaces() {
        while pos < end, base[pos] == 0x20 { pos += 1 }
    }

    /// Consumes `literal` if the bytes at the cursor are exactly it (no whitespace skipped).
    @inline(__always)
    public mutating func literal(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard pos + n <= end, memcmp(base + pos, literal.utf8Start, n) == 0 else { return false }
        pos += n
        return true
    }

    /// A quoted ISO 8601 UTC time, parsed from the bytes without making a String.
    public mutating func timestamp() throws -> Timestamp {
        guard pos + 26 <= end, base[pos] == UInt8(ascii: "\""), base[pos + 25] == UInt8(ascii: "\""),
              let t = Timestamp(utf8: UnsafeBufferPointer(start: base + pos + 1, count: 24)) else { throw fail("expected an ISO 8601 UTC time") }
        pos += 26
        return t
    }

    /// Whether the next value is the quoted string whose UTF-8 is `expected` (consumed if so).
    public mutating func stringEquals(_ expected: String) -> Bool {
        var e = expected
        return e.withUTF8 { stringEquals(UnsafeRawBufferPointer($0)) }
    }

    /// The same, with the expected string as its UTF-8 bytes.
    public mutating func stringEquals(_ u: UnsafeRawBufferPointer) -> Bool {
        guard pos + u.count + 2 <= end, base[pos] == UInt8(ascii: "\""), base[pos + u.count + 1] == UInt8(ascii: "\""),
              u.isEmpty || memcmp(base + pos + 1, u.baseAddress!, u.count) == 0 else { return false }
        pos += u.count + 2
        return true
    }

    /// The next value when it is a quoted string right at the cursor with no escape and no control
    /// character: the range of its bytes between the quotes (consumed), with no String made. Nil
    /// for anything else, and nothing consumed (`string()` then reads it, or says what is wrong).
    public mutating func plainString() -> Range<Int>? {
        guard pos < end, base[pos] == UInt8(ascii: "\"") else { return nil }
        var i = pos + 1
        while i < end {
            let c = base[i]
            if c == UInt8(ascii: "\"") {
                let span = (pos + 1)..<i
                pos = i + 1
                return span
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
            i += 1
        }
        return nil
    }

    /// The first byte of the next value, without consuming it.
    public mutating func peekByte() -> UInt8? { peek() }

    private mutating func expect(_ c: UInt8) throws {
        guard peek() == c else { throw fail("expected '\(Character(Unicode.Scalar(c)))'") }
        pos += 1
    }

    public mutating func expectEnd() throws {
        if peek() != nil { throw fail("unexpected data after the value") }
    }

    public mutating func openObject() throws { try expect(UInt8(ascii: "{")); first = true }
    public mutating func openArray() throws { try expect(UInt8(ascii: "[")); first = true }

    /// The next key of the current object, or nil at its closing brace.
    public mutating func nextKey() throws -> String? {
        guard let c = peek() else { throw fail("unterminated object") }
        if c == UInt8(ascii: "}") { pos += 1; first = false; return nil }
        if !first { try expect(UInt8(ascii: ",")) }
        first = false
        let k = try string()
        try expect(UInt8(ascii: ":"))
        return k
    }

    /// Whether the current array has another element (false at its closing bracket).
    public mutating func nextElement() throws -> Bool {
        guard let c = peek() else { throw fail("unterminated array") }
        if c == UInt8(ascii: "]") { pos += 1; first = false; return false }
        if !first { try expect(UInt8(ascii: ",")) }
        first = false
        return true
    }

    /// Consumes a `null` and says so; leaves anything else in place.
    public mutating func null() -> Bool {
        if peek() == UInt8(ascii: "n"), pos + 4 <= end, base[pos + 1] == 117, base[pos + 2] == 108, base[pos + 3] == 108 {
            pos += 4; return true
        }
        return false
    }

    public mutating func string() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw fail("expected a string") }
        pos += 1
        let start = pos
        while pos < end {
            let c = base[pos]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
                pos += 1
                return s
            }
            if c == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if c < 0x20 { throw fail("control character in string") }
            pos += 1
        }
        throw fail("unterminated string")
    }

    private mutating func escapedString(from start: Int) throws -> String {
        var out = Array(UnsafeBufferPointer(start: base + start, count: pos - start))
        while pos < end {
            let c = base[pos]
            if c == UInt8(ascii: "\"") { pos += 1; return String(decoding: out, as: UTF8.self) }
            if c < 0x20 { throw fail("control character in string") }
            if c != UInt8(ascii: "\\") { out.append(c); pos += 1; continue }
            guard pos + 1 < end else { break }
            let e = base[pos + 1]
            pos += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard pos + 1 < end, base[pos] == 92, base[pos + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate") }
                    pos += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw fail("bad surrogate pair") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("bad \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw fail("bad escape")
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= end else { throw fail("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = base[pos]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 97...102: d = UInt32(c - 87)
            case 65...70: d = UInt32(c - 55)
            default: throw fail("bad hex digit")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    public mutating func int() throws -> Int {
        guard let c0 = peek() else { throw fail("expected a number") }
        var negative = false
        if c0 == UInt8(ascii: "-") { negative = true; pos += 1 }
        var v = 0
        let start = pos
        while pos < end, base[pos] >= 48, base[pos] <= 57 {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(base[pos] - 48))
            if o1 || o2 { throw fail("number too large") }
            v = s; pos += 1
        }
        if pos == start { throw fail("expected a number") }
        if pos < end, base[pos] == UInt8(ascii: ".") || base[pos] == UInt8(ascii: "e") || base[pos] == UInt8(ascii: "E") {
            throw fail("expected an integer")
        }
        return negative ? -v : v
    }

    public mutating func bool() throws -> Bool {
        if peek() == UInt8(ascii: "t"), pos + 4 <= end, base[pos + 1] == 114, base[pos + 2] == 117, base[pos + 3] == 101 { pos += 4; return true }
        if peek() == UInt8(ascii: "f"), pos + 5 <= end, base[pos + 1] == 97, base[pos + 2] == 108, base[pos + 3] == 115, base[pos + 4] == 101 { pos += 5; return false }
        throw fail("expected true or false")
    }

    /// Skips one value of any kind (unknown fields from a newer schema are ignored, not refused).
    public mutating func skip() throws {
        guard let c = peek() else { throw fail("expected a value") }
        switch c {
        case UInt8(ascii: "{"):
            try openObject(); while try nextKey() != nil { try skip() }
        case UInt8(ascii: "["):
            try openArray(); while try nextElement() { try skip() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): if !null() { throw fail("expected null") }
        default:
            let start = pos
            while pos < end, let ch = Optional(base[pos]), ch == 45 || ch == 43 || ch == 46 || ch == 69 || ch == 101 || (ch >= 48 && ch <= 57) { pos += 1 }
            if pos == start { throw fail("unexpected character") }
        }
    }
}
