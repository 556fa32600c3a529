/// Search as people type on keyboards without æ, ø and å: "soren" and "soeren" find Søren,
/// "aebel" finds Æbel, "aase" and "ase" find Åse. Foundation's diacritic folding does not map
/// ø or æ (they are letters, not accented ones), so names are folded once with a Danish table,
/// into two spellings: æ→ae ø→oe å→aa, and æ→ae ø→o å→a. A query is folded the second way and
/// matches if either spelling contains it.
public struct FoldedText: Sendable {
    /// The two spellings, lowercase ASCII where the original allows.
    public let long: [UInt8]
    public let short: [UInt8]
    /// For each byte of a spelling, the offset of the Character it came from.
    private let longOrigin: [Int32]
    private let shortOrigin: [Int32]

    public init(_ text: String) {
        var long: [UInt8] = [], short: [UInt8] = [], lo: [Int32] = [], so: [Int32] = []
        for (i, ch) in text.enumerated() {
            let (l, s) = FoldedText.fold(ch)
            long += l; short += s
            lo += Array(repeating: Int32(i), count: l.count)
            so += Array(repeating: Int32(i), count: s.count)
        }
        self.long = long; self.short = short; longOrigin = lo; shortOrigin = so
    }

    /// Folds a query the short way (a user typing "ø" means the same as one typing "o").
    public static func query(_ q: String) -> [UInt8] { q.flatMap { fold($0).short } }

    /// The Character range (offsets into the original text) of the first match, or nil.
    public func match(_ query: [UInt8]) -> Range<Int>? {
        guard !query.isEmpty else { return 0..<0 }
        if let r = find(query, in: short) { return Int(shortOrigin[r.lowerBound])..<(Int(shortOrigin[r.upperBound - 1]) + 1) }
        if let r = find(query, in: long) { return Int(longOrigin[r.lowerBound])..<(Int(longOrigin[r.upperBound - 1]) + 1) }
        return nil
    }

    public func contains(_ query: [UInt8]) -> Bool {
        query.isEmpty || find(query, in: short) != nil || find(query, in: long) != nil
    }

    private func find(_ q: [UInt8], in hay: [UInt8]) -> Range<Int>? {
        guard q.count <= hay.count else { return nil }
        return hay.withUnsafeBufferPointer { h in
            q.withUnsafeBufferPointer { n in
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return i..<(i + n.count) }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    static func fold(_ ch: Character) -> (long: [UInt8], short: [UInt8]) {
        // Most letters are ASCII: lowercase them directly (Foundation's decomposition costs ~5 us a call).
        if let a = ch.asciiValue {
            let lower = a >= 65 && a <= 90 ? a + 32 : a
            return ([lower], [lower])
        }
        switch ch {
        case "æ", "Æ": return (Array("ae".utf8), Array("ae".utf8))
        case "ø", "Ø": return (Array("oe".utf8), Array("o".utf8))
        case "å", "Å": return (Array("aa".utf8), Array("a".utf8))
        default: break
        }
        // Other letters: lowercase, accents removed (é → e, ü → u).
        let lowered = String(ch).lowercased()
        var out: [UInt8] = []
        for u in lowered.decomposedScalars {
            if u.isASCII { out.append(UInt8(u.value)) }
            else if u.properties.generalCategory != .nonspacingMark { out += Array(String(u).utf8) }
        }
        return (out, out)
    }
}

/// Sorting names in Danish order: CLDR's Danish collation through ICU (the toolchain's copy, the
/// one Foundation uses): … x y z æ ø å, "Aa" as å (Aagaard, Aarhus), ä as æ, ö as ø, ü as y,
/// accents and case second. The sort key is bytes, compared with memcmp (`FlatBytes`).
public enum DanishCollation {
    /// One collator, opened once and only read (ICU allows reading it from several threads).
    nonisolated(unsafe) private static let collator: OpaquePointer? = {
        var status = U_ZERO_ERROR
        let c = swift_ucol_open("da", &status)
        return status.rawValue <= 0 ? c : nil
    }()

    public static func key(_ s: String) -> [UInt8] {
        guard let collator else { return fallbackKey(s) }
        let units = Array(s.utf16)
        var out = [UInt8](repeating: 0, count: max(32, units.count * 4))
        var n = Int(swift_ucol_getSortKey(collator, units, Int32(units.count), &out, Int32(out.count)))
        if n > out.count {
            out = [UInt8](repeating: 0, count: n)
            n = Int(swift_ucol_getSortKey(collator, units, Int32(units.count), &out, Int32(out.count)))
        }
        // Without the key's closing zero byte: keys compare as byte strings.
        return Array(out.prefix(max(0, n - 1)))
    }

    /// Where ICU's Danish data is missing: … z æ ø å, accents ignored.
    static func fallbackKey(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        for ch in s {
            switch ch {
            case "æ", "Æ": out.append(123)     // after z
            case "ø", "Ø": out.append(124)
            case "å", "Å": out.append(125)
            default: out += FoldedText.fold(ch).short
            }
        }
        return out
    }
}

extension String {
    var decomposedScalars: [Unicode.Scalar] {
        // Canonical decomposition via Foundation's NFD.
        Array(decomposedStringWithCanonicalMapping.unicodeScalars)
    }
}

import Foundation
import _FoundationICU
