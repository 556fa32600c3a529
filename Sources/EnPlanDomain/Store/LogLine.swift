/// One line of a log: the envelope around an event.
///
/// `{"v":1,"seq":7,"ts":"…Z","actor":"mette","type":"ContactLogged","stream":"c42","version":3,"data":{…},"prev":"<64 hex>","hash":"<64 hex>"}`
///
/// `hash` is SHA-256 over the line's bytes before `,"hash":` — which include `prev`, the previous
/// line's hash — so an edited, removed, inserted or reordered line breaks the chain.
public struct RecordedEvent: Sendable {
    public let seq: Int
    public let ts: Timestamp
    public let actor: String
    public let type: String
    public let stream: String
    public let version: Int
    public let data: Fields
    public let hash: String
}

public enum LogLine {
    public static let schemaVersion = 1
    public static let genesisHash = String(repeating: "0", count: 64)
    /// `,"hash":"` + 64 hex digits + `"}`
    static let hashSuffixLength = 75
    static let hashKey = Array(#","hash":""#.utf8)
    static let prevKey = Array(#","prev":""#.utf8)

    /// The line's bytes, with its newline.
    public static func encode(seq: Int, ts: Timestamp, actor: String, type: String, stream: String, version: Int,
                              data: Fields, prev: String) -> (bytes: [UInt8], hash: String) {
        var w = JSONWriter(capacity: 400)
        w.openObject()
        w.field("v", schemaVersion); w.field("seq", seq); w.field("ts", ts.iso); w.field("actor", actor)
        w.field("type", type); w.field("stream", stream); w.field("version", version)
        w.key("data"); data.encode(to: &w)
        w.field("prev", prev)
        var bytes = w.bytes
        let hash = bytes.withUnsafeBytes { Digest.sha256Hex($0) }
        bytes.append(contentsOf: hashKey)
        bytes.append(contentsOf: hash.utf8)
        bytes.append(contentsOf: #""}"#.utf8)
        bytes.append(0x0A)
        return (bytes, hash)
    }

    public struct Problem: Error, CustomStringConvertible {
        public let reason: String
        /// Whether the line's own bytes are incomplete or garbled, as a write cut short by a crash
        /// leaves them. A line that is whole but out of chain (removed, reordered, forged) is not.
        public var isTear = false
        public var description: String { reason }
    }

    /// Checks one line (without its newline) against the previous line's hash and seq, and decodes it.
    /// The `seq` and stored `hash` of a line that failed its checks, if they can be read at all:
    /// `verify` goes on from them so that one edited line is reported once, not with its successor.
    public static func chainFields(_ line: UnsafeRawBufferPointer) -> (seq: Int, hash: String)? {
        let n = line.count
        guard n > hashSuffixLength + 66,
              zip(line[(n - hashSuffixLength)..<(n - hashSuffixLength + 9)], hashKey).allSatisfy({ $0 == $1 }) else { return nil }
        let hash = String(decoding: UnsafeRawBufferPointer(rebasing: line[(n - 66)..<(n - 2)]), as: UTF8.self)
        var r = JSONReader(UnsafeRawBufferPointer(rebasing: line[0..<(n - hashSuffixLength)]))
        guard (try? r.openObject()) != nil else { return nil }
        while let k = try? r.nextKey() {
            if k == "seq" { return (try? r.int()).map { ($0, hash) } }
            guard (try? r.skip()) != nil else { return nil }
        }
        return nil
    }

    /// A line's envelope without its payload and hash: what the replay applies beside the typed event.
    struct Envelope: Sendable {
        let seq: Int
        let ts: Timestamp
        let actor: String
        /// The replay puts the catalogue's own name here (a constant), so the applying thread frees nothing.
        var type: String
        let stream: String
        let version: Int
    }

    /// With `previousHash` nil, only the line itself is checked (reading a tail without its past).
    public static func decode(_ line: UnsafeRawBufferPointer, previousHash: String?, previousSeq: Int) throws -> RecordedEvent {
        let (e, data): (Envelope, Fields)
        if var previous = previousHash {
            (e, data) = try previous.withUTF8 { try decodeEnvelope(line, previousHash: UnsafeRawBufferPointer($0), previousSeq: previousSeq) }
        } else {
            (e, data) = try decodeEnvelope(line, previousHash: nil, previousSeq: previousSeq)
        }
        return RecordedEvent(seq: e.seq, ts: e.ts, actor: e.actor, type: e.type, stream: e.stream, version: e.version, data: data,
                             hash: String(decoding: storedHash(line), as: UTF8.self))
    }

    /// The 64 hex digits of a line's own hash, as it stores them (read only after `decode` took the line).
    static func storedHash(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: line[(line.count - 66)..<(line.count - 2)])
    }

    /// The checks and the decoding every reader of a log shares, with the previous line's hash as
    /// its 64 hex digits (the replay keeps them as bytes; no String is made for a line's hash).
    static func decodeEnvelope(_ line: UnsafeRawBufferPointer, previousHash: UnsafeRawBufferPointer?, previousSeq: Int) throws -> (Envelope, Fields) {
        let n = line.count
        guard n > hashSuffixLength + 66,
              line[n - 2] == UInt8(ascii: "\""), line[n - 1] == UInt8(ascii: "}"),
              zip(line[(n - hashSuffixLength)..<(n - hashSuffixLength + 9)], hashKey).allSatisfy({ $0 == $1 })
        else { throw Problem(reason: "the line does not end in a \"hash\" field (a torn or foreign line)", isTear: true) }
        let prefix = UnsafeRawBufferPointer(rebasing: line[0..<(n - hashSuffixLength)])
        let stored = storedHash(line)
        let computed = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { out -> Bool in
            Digest.sha256Hex(prefix, into: out.baseAddress!)
            return memcmp(out.baseAddress!, stored.baseAddress!, 64) == 0
        }
        guard computed else { throw Problem(reason: "the hash does not match the line's content (the line was changed)", isTear: true) }

        var v = 0, seq = 0, version = 0, ts: Timestamp?, actor = "", type = "", stream = "", prevMatches = false
        var data = Fields()
        do {
            // Fast path: the layout EnPlan writes, key by key, with no key strings made or compared.
            var r = JSONReader(prefix)
            if r.literal(#"{"v":"#), let v0 = try? r.int(), r.literal(#","seq":"#), let s0 = try? r.int(),
               r.literal(#","ts":"#), let t0 = try? r.timestamp(), r.literal(#","actor":"#), let a0 = try? r.string(),
               r.literal(#","type":"#), let ty0 = try? r.string(), r.literal(#","stream":"#), let st0 = try? r.string(),
               r.literal(#","version":"#), let ve0 = try? r.int(), r.literal(#","data":"#), let d0 = try? Fields(from: &r),
               r.literal(#","prev":"#) {
                v = v0; seq = s0; ts = t0; actor = a0; type = ty0; stream = st0; version = ve0; data = d0
                prevMatches = previousHash.map { r.stringEquals($0) } ?? true
                if !prevMatches || previousHash == nil { _ = try r.string() }
                try r.expectEnd()
            } else {
                // Any other order of the same fields (a line written by another tool) is read too.
                r = JSONReader(prefix)
                var prev = ""
                try r.openObject()
                while let k = try r.nextKey() {
                    switch k {
                    case "v": v = try r.int()
                    case "seq": seq = try r.int()
                    case "ts": ts = try r.timestamp()
                    case "actor": actor = try r.string()
                    case "type": type = try r.string()
                    case "stream": stream = try r.string()
                    case "version": version = try r.int()
                    case "data": data = try Fields(from: &r)
                    case "prev": prev = try r.string()
                    default: try r.skip()
                    }
                    // `prev` is the last field before "hash": the hashed prefix ends there, without a brace.
                    if k == "prev" { try r.expectEnd(); break }
                }
                prevMatches = previousHash.map { prev.utf8.elementsEqual($0) } ?? true
            }
        } catch let e as JSONReader.Failure {
            throw Problem(reason: "not valid JSON: \(e.reason)")
        }
        guard v == schemaVersion else {
            throw Problem(reason: v > schemaVersion ? "schema version \(v) is newer than this EnPlan reads (\(schemaVersion))" : "missing or bad schema version \"v\"")
        }
        guard let time = ts, !actor.isEmpty, !type.isEmpty, !stream.isEmpty, version >= 1 else {
            throw Problem(reason: "a required field (ts, actor, type, stream, version) is missing")
        }
        guard prevMatches else {
            throw Problem(reason: "\"prev\" does not match the previous line's hash (a line before it was removed, inserted, changed or reordered)")
        }
        guard previousHash == nil || seq == previousSeq + 1 else {
            throw Problem(reason: "seq \(seq) does not follow \(previousSeq)")
        }
        return (Envelope(seq: seq, ts: time, actor: actor, type: type, stream: stream, version: version), data)
    }
}

import Glibc
