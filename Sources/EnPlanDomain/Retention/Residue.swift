import Foundation
import Glibc

/// A place where a name or number of an erased person was still found after a retention run: the
/// file (within the data directory) and the line, and for a JSON Lines file whose line carries its
/// stream (the logs: `"stream":"c17"`), whose line it is. A name shared by someone else who is kept
/// shows as a line of another citizen: the administrator can tell it from a leftover at a glance.
/// The term itself is never given (it would print the erased person's name or number again).
public struct Residue: Sendable, Equatable {
    public enum Term: String, Sendable { case name, cprNumber = "CPR number" }

    public let file: String
    /// 1-based.
    public let line: Int
    /// What was found: a name, or a CPR number (all digits, or digits and a dash).
    public let term: Term
    /// The stream the line belongs to, read from the line itself ("c17", "m4", "user:jonas", "-");
    /// nil where the file is not JSON Lines or the line says none.
    public let stream: String?
    /// The citizen the line belongs to (the stream's, or its meeting's citizen) when that is not
    /// one of the erased: the line is someone else's case (a person of the same name, or their own
    /// text naming the erased person).
    public let otherCitizen: String?

    /// Every place under `dir` where one of `terms` is, a line once, files in name order.
    /// `citizenOf`: the citizen a stream belongs to (a citizen's own id, a meeting's citizen);
    /// `erased`: the citizens just erased.
    static func find(_ terms: [String], in dir: String, erased: Set<String>, citizenOf: (String) -> String?) -> [Residue] {
        let search = TermSearch(terms)
        var out: [Residue] = []
        for file in CaseService.filesMentioning(terms, in: dir) {
            let jsonLines = file.hasSuffix(".jsonl") || file.contains(".jsonl.")
            let found = TermSearch.withMapped(dir + "/" + file) { bytes -> [Residue] in
                var places: [Residue] = [], line = 1, counted = 0, lastLine = 0
                let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
                for m in search.matches(in: bytes) {
                    // The line number: the newlines before the match, counted on from the last.
                    if m.offset > counted {
                        var p = base + counted
                        let end = base + m.offset
                        while p < end, let nl = memchr(p, 0x0A, end - p) {
                            line += 1
                            p = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) + 1
                        }
                        counted = m.offset
                    }
                    guard line != lastLine else { continue }
                    lastLine = line
                    let matched = UnsafeBufferPointer(start: base + m.offset, count: m.length)
                    let term: Term = matched.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D } ? .cprNumber : .name
                    let stream = jsonLines ? Self.stream(around: m.offset, in: bytes) : nil
                    let owner = stream.flatMap(citizenOf)
                    places.append(Residue(file: file, line: line, term: term, stream: stream,
                                          otherCitizen: owner.flatMap { erased.contains($0) ? nil : $0 }))
                }
                return places
            }
            out += found ?? []
        }
        return out
    }

    /// The `"stream":"…"` of the line around `offset` (its first, the envelope's), if it has one.
    static func stream(around offset: Int, in bytes: UnsafeRawBufferPointer) -> String? {
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = offset
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        let key = Array(#""stream":""#.utf8)
        let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        guard line.count > key.count else { return nil }
        for i in 0...(line.count - key.count) where line[i] == key[0] && zip(line[i..<(i + key.count)], key).allSatisfy({ $0 == $1 }) {
            let valueStart = i + key.count
            guard let close = line[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return String(decoding: line[valueStart..<close], as: UTF8.self)
        }
        return nil
    }
}
