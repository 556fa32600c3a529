import COpenSSL
/// One line of a log: the envelope around an event.
///
/// Format 2 (written since 0.15):
/// `{"v":2,"seq":7,"ts":"…Z","actor":"mette","type":"ContactLogged","stream":"c42","version":3,"data":{…},"salt":"<32 hex>","prev":"<64 hex>","hash":"<64 hex>"}`
///
/// The payload is committed to, not hashed into the chain directly: `commit` = SHA-256(data bytes
/// ‖ salt), and `hash` = SHA-256 over the line as it reads once its payload is erased,
/// `{"v":2,…,"version":3,"erased":"<commit>","prev":"<64 hex>"`. Erasing a payload (retention)
/// replaces `"data":{…},"salt":"…"` with `"erased":"<commit>"`: the chain and every later line stay
/// as they were, an edit anywhere is still caught, and what stays is a salted digest whose salt is
/// gone (no digest of personal data anyone could test a guess against).
///
/// Format 1 (read, never written): `hash` is SHA-256 over the line's bytes before `,"hash":`. Its
/// payloads cannot be erased; `retention run` rewrites such a log in format 2 first.
public struct RecordedEvent: Sendable {
    public let seq: Int
    public let ts: Timestamp
    public let actor: String
    public let type: String
    public let stream: String
    public let version: Int
    public let data: Fields
    public let hash: String
    /// The payload was erased (retention): `data` is empty, the envelope is all that is left.
    public var erased = false
}

public enum LogLine {
    /// The newest format this EnPlan reads, and the one it writes.
    public static let schemaVersion = 2
    public static let genesisHash = String(repeating: "0", count: 64)
    /// `,"hash":"` + 64 hex digits + `"}`
    static let hashSuffixLength = 75
    static let hashKey = Array(#","hash":""#.utf8)
    static let prevKey = Array(#","prev":""#.utf8)
    static let erasedKey = Array(#","erased":""#.utf8)
    static let formatTwo = Array(#"{"v":2,"#.utf8)

    /// The line's bytes, with its newline (format 2 unless `format` says 1: the tests' old stores).
    public static func encode(seq: Int, ts: Timestamp, actor: String, type: String, stream: String, version: Int,
                              data: Fields, prev: String, format: Int = schemaVersion, salt given: String? = nil) -> (bytes: [UInt8], hash: String) {
        var w = JSONWriter(capacity: 460)
        w.openObject()
        w.field("v", format); w.field("seq", seq); w.field("ts", ts.iso); w.field("actor", actor)
        w.field("type", type); w.field("stream", stream); w.field("version", version)
        let headerEnd = w.bytes.count
        w.key("data")
        let dataStart = w.bytes.count
        data.encode(to: &w)
        let dataEnd = w.bytes.count
        var hash: String
        if format == 1 {
            w.field("prev", prev)
            hash = w.bytes.withUnsafeBytes { Digest.sha256Hex($0) }
        } else {
            // A short payload gets a longer salt, so that the erased form is never longer than the
            // line: `,"data":D,"salt":"S"` (18 + D + S bytes) is at least `,"erased":"<64>"` (76).
            let need = max(32, 58 - (dataEnd - dataStart))
            var salt = given ?? Salt.hex(digits: need)
            while salt.utf8.count < need { salt += Digest.sha256Hex(Array(salt.utf8)) }
            salt = String(salt.prefix(need + need % 2))
            w.field("salt", salt)
            let prevStart = w.bytes.count
            w.field("prev", prev)
            hash = w.bytes.withUnsafeBytes { b in
                salt.withUTF8 { s in
                    String(unsafeUninitializedCapacity: 64) { out in
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: segmentLength) { segment in
                            writeSegment(committing: UnsafeRawBufferPointer(rebasing: b[dataStart..<dataEnd]), salt: UnsafeRawBufferPointer(s),
                                         into: segment.baseAddress!)
                            chainHash(header: UnsafeRawBufferPointer(rebasing: b[0..<headerEnd]), segment: segment.baseAddress!,
                                      prevPart: UnsafeRawBufferPointer(rebasing: b[prevStart...]), into: out.baseAddress!)
                        }
                        return 64
                    }
                }
            }
        }
        var bytes = w.bytes
        bytes.append(contentsOf: hashKey)
        bytes.append(contentsOf: hash.utf8)
        bytes.append(contentsOf: #""}"#.utf8)
        bytes.append(0x0A)
        return (bytes, hash)
    }


    /// The middle of a format-2 line's hashed (erased) form, `,"erased":"<64 hex>"`: 76 bytes.
    static let segmentLength = 76

    /// Writes `,"erased":"` + the commitment SHA-256(data ‖ salt) as 64 hex digits + `"` into `out`
    /// (`segmentLength` bytes): no array, no String.
    @inline(__always)
    static func writeSegment(committing data: UnsafeRawBufferPointer, salt: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
        writeSegmentEnds(out)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { raw in
            enplan_sha256_3(data.baseAddress, data.count, salt.baseAddress, salt.count, nil, 0, raw.baseAddress!)
            hex(UnsafeRawBufferPointer(raw), into: out + 11)
        }
    }

    /// The same for a commitment read from an erased line (its 64 hex digits at `commit`).
    @inline(__always)
    static func writeSegment(commit: UnsafeRawPointer, into out: UnsafeMutablePointer<UInt8>) {
        writeSegmentEnds(out)
        memcpy(out + 11, commit, 64)
    }

    @inline(__always)
    private static func writeSegmentEnds(_ out: UnsafeMutablePointer<UInt8>) {
        let key: StaticString = #","erased":""#
        memcpy(out, key.utf8Start, 11)
        out[75] = UInt8(ascii: "\"")
    }

    /// A format-2 line's hash, SHA-256 over its erased form (header ‖ segment ‖ `,"prev":"…"`), as
    /// 64 hex digits written into `out`.
    @inline(__always)
    static func chainHash(header: UnsafeRawBufferPointer, segment: UnsafePointer<UInt8>, prevPart: UnsafeRawBufferPointer,
                          into out: UnsafeMutablePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { raw in
            enplan_sha256_3(header.baseAddress, header.count, segment, segmentLength, prevPart.baseAddress, prevPart.count, raw.baseAddress!)
            hex(UnsafeRawBufferPointer(raw), into: out)
        }
    }

    /// SHA-256(data ‖ salt) as 64 hex digits.
    static func commitment(data: UnsafeRawBufferPointer, salt: UnsafeRawBufferPointer) -> [UInt8] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: segmentLength) { segment in
            writeSegment(committing: data, salt: salt, into: segment.baseAddress!)
            return Array(UnsafeBufferPointer(rebasing: segment[11..<75]))
        }
    }

    /// A format-2 line's hash: SHA-256 over its erased form, header ‖ `,"erased":"<commit>"` ‖ `,"prev":"…"`.
    static func chainHash(header: UnsafeRawBufferPointer, commit: [UInt8], prevPart: UnsafeRawBufferPointer) -> String {
        precondition(commit.count == 64, "a commitment is 64 hex digits")
        return String(unsafeUninitializedCapacity: 64) { out in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: segmentLength) { segment in
                commit.withUnsafeBytes { writeSegment(commit: $0.baseAddress!, into: segment.baseAddress!) }
                chainHash(header: header, segment: segment.baseAddress!, prevPart: prevPart, into: out.baseAddress!)
            }
            return 64
        }
    }

    /// `raw` as lowercase hex digits, two a byte, written into `out`.
    @inline(__always)
    static func hex(_ raw: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
        let digits: StaticString = "0123456789abcdef"
        let d = digits.utf8Start
        for i in 0..<raw.count {
            let b = raw[i]
            out[2 * i] = d[Int(b >> 4)]
            out[2 * i + 1] = d[Int(b & 15)]
        }
    }

    static func hex(_ raw: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: raw.count * 2) { out, n in
            raw.withUnsafeBytes { hex($0, into: out.baseAddress!) }
            n = raw.count * 2
        }
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
        /// The payload was erased: only the envelope is left, and no event to apply.
        var erased = false
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
                             hash: String(decoding: storedHash(line), as: UTF8.self), erased: e.erased)
    }

    /// The 64 hex digits of a line's own hash, as it stores them (read only after `decode` took the line).
    static func storedHash(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: line[(line.count - 66)..<(line.count - 2)])
    }

    /// The checks and the decoding every reader of a log shares, with the previous line's hash as
    /// its 64 hex digits (the replay keeps them as bytes; no String is made for a line's hash).
    static func decodeEnvelope(_ line: UnsafeRawBufferPointer, previousHash: UnsafeRawBufferPointer?, previousSeq: Int) throws -> (Envelope, Fields) {
        let (e, data, _) = try decodeEnvelope(line, previousHash: previousHash, previousSeq: previousSeq, deferring: false)
        return (e, data)
    }

    /// The same, but a format-2 line's own hash may be left to check later (`deferring`): every
    /// other check is made, and where the hash's inputs lie is returned (`DeferredHash`) for
    /// `DeferredHash.holds` on the line's bytes. The read-ahead thread of the replay and `verify`
    /// leaves the hashes to the thread that applies (`ChunkReader`), which has time to spare.
    static func decodeEnvelope(_ line: UnsafeRawBufferPointer, previousHash: UnsafeRawBufferPointer?, previousSeq: Int,
                               deferring: Bool) throws -> (Envelope, Fields, DeferredHash?) {
        let n = line.count
        let hashKeyLiteral: StaticString = #","hash":""#, formatTwoLiteral: StaticString = #"{"v":2,"#
        guard n > hashSuffixLength + 66,
              line[n - 2] == UInt8(ascii: "\""), line[n - 1] == UInt8(ascii: "}"),
              memcmp(line.baseAddress! + (n - hashSuffixLength), hashKeyLiteral.utf8Start, 9) == 0
        else { throw Problem(reason: "the line does not end in a \"hash\" field (a torn or foreign line)", isTear: true) }
        if memcmp(line.baseAddress!, formatTwoLiteral.utf8Start, 7) == 0 {
            return try decodeFormatTwo(line, previousHash: previousHash, previousSeq: previousSeq, deferring: deferring)
        }
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
        guard v == 1 else {
            throw Problem(reason: v > schemaVersion ? "schema version \(v) is newer than this EnPlan reads (\(schemaVersion))"
                                                    : v == 2 ? "a format-2 line must begin {\"v\":2, with its fields in order" : "missing or bad schema version \"v\"")
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
        return (Envelope(seq: seq, ts: time, actor: actor, type: type, stream: stream, version: version), data, nil)
    }

}

/// The salts of format-2 lines: 16 bytes from libcrypto's generator (seeded by the kernel), as hex.
enum Salt {
    static func hex(digits: Int = 32) -> String {
        var raw = [UInt8](repeating: 0, count: (digits + 1) / 2)
        if raw.withUnsafeMutableBufferPointer({ enplan_random($0.baseAddress!, Int32($0.count)) }) != 0 {
            var g = SystemRandomNumberGenerator()
            for i in raw.indices { raw[i] = UInt8.random(in: 0...255, using: &g) }
        }
        return String(decoding: LogLine.hex(raw), as: UTF8.self)
    }
}

import Glibc
