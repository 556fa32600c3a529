import Glibc

// Format 2's own side of a line (the format itself is described on `LogLine`): the read path
// (where a line's parts lie, its hash checked now or deferred to the applying thread, the checks
// format 1 shares) and the erased form (a payload erased in place, an erased line chained anew).
extension LogLine {
    /// Where a format-2 line's parts lie, its header decoded, its payload's commitment (read from an
    /// erased line, computed for one with its payload), and its payload when it has one.
    struct FormatTwoParts {
        var seq = 0, version = 0, ts: Timestamp?, actor = "", type = "", stream = ""
        var headerEnd = 0, prevStart = 0
        /// Where the payload and its salt lie (a line with its payload), or where the commitment's
        /// 64 hex digits begin (an erased line): the commitment is computed or copied only when
        /// asked for, into the caller's buffer (`writeSegment`).
        var dataStart = 0, dataEnd = 0, saltStart = 0, saltEnd = 0, commitStart = 0
        var erased = false
        var data = Fields()
        var prevMatches = true

        /// `,"erased":"<commit>"` of this line (`line` is the one it was read from) into `out`.
        @inline(__always)
        func writeSegment(_ line: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
            if erased {
                LogLine.writeSegment(commit: line.baseAddress! + commitStart, into: out)
            } else {
                LogLine.writeSegment(committing: UnsafeRawBufferPointer(rebasing: line[dataStart..<dataEnd]),
                                     salt: UnsafeRawBufferPointer(rebasing: line[saltStart..<saltEnd]), into: out)
            }
        }

        /// The commitment's 64 hex digits.
        func commit(_ line: UnsafeRawBufferPointer) -> [UInt8] {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LogLine.segmentLength) { segment in
                writeSegment(line, into: segment.baseAddress!)
                return Array(UnsafeBufferPointer(rebasing: segment[11..<75]))
            }
        }
    }

    static func formatTwoParts(_ line: UnsafeRawBufferPointer, previousHash: UnsafeRawBufferPointer? = nil) throws -> FormatTwoParts {
        let prefix = UnsafeRawBufferPointer(rebasing: line[0..<(line.count - hashSuffixLength)])
        var p = FormatTwoParts()
        do {
            var r = JSONReader(prefix)
            guard r.literal(#"{"v":2,"seq":"#), let s0 = try? r.int(), r.literal(#","ts":"#), let t0 = try? r.timestamp(),
                  r.literal(#","actor":"#), let a0 = try? r.string(), r.literal(#","type":"#), let ty0 = try? r.string(),
                  r.literal(#","stream":"#), let st0 = try? r.string(), r.literal(#","version":"#), let ve0 = try? r.int()
            else { throw Problem(reason: "a format-2 line's envelope is not in its order (v, seq, ts, actor, type, stream, version)", isTear: true) }
            p.seq = s0; p.ts = t0; p.actor = a0; p.type = ty0; p.stream = st0; p.version = ve0
            p.headerEnd = r.pos
            if r.literal(#","data":"#) {
                p.dataStart = r.pos
                p.data = try Fields(from: &r)
                p.dataEnd = r.pos
                guard r.literal(#","salt":"#) else { throw Problem(reason: "a payload without its \"salt\"", isTear: true) }
                let saltStart = r.pos + 1, saltLength: Int
                if let span = r.plainString() {
                    // The salt as written: its bytes, no String made.
                    saltLength = span.count
                } else {
                    saltLength = try r.string().utf8.count
                }
                guard saltLength >= 32, r.pos == saltStart + saltLength + 1 else { throw Problem(reason: "a \"salt\" shorter than 32 hex digits", isTear: true) }
                p.saltStart = saltStart; p.saltEnd = saltStart + saltLength
            } else if r.literal(#","erased":"#) {
                let start = r.pos + 1
                let length = try r.plainString()?.count ?? r.string().utf8.count
                guard length == 64, r.pos == start + 65 else { throw Problem(reason: "an \"erased\" that is not 64 hex digits", isTear: true) }
                p.commitStart = start
                p.erased = true
                // An erasure in place pads the line to its old length with spaces before "prev".
                r.skipSpaces()
            } else {
                throw Problem(reason: "a format-2 line with neither \"data\" nor \"erased\"", isTear: true)
            }
            p.prevStart = r.pos
            guard r.literal(#","prev":"#) else { throw Problem(reason: "no \"prev\" before the hash", isTear: true) }
            p.prevMatches = previousHash.map { r.stringEquals($0) } ?? true
            if !p.prevMatches || previousHash == nil { _ = try r.string() }
            try r.expectEnd()
        } catch let e as JSONReader.Failure {
            throw Problem(reason: "not valid JSON: \(e.reason)", isTear: true)
        }
        return p
    }

    /// The problem of a line whose own hash does not hold.
    static let changed = Problem(reason: "the hash does not match the line's content (the line was changed)", isTear: true)

    /// Where a format-2 line's hash inputs lie, as offsets into the line: enough to check its hash
    /// later on a copy of the line's bytes before `,"hash":` (`holds`).
    struct DeferredHash {
        var headerEnd: Int32, prevStart: Int32, prefixEnd: Int32
        /// The payload and its salt, or (erased) where the commitment's 64 hex digits begin.
        var dataStart: Int32, dataEnd: Int32, saltStart: Int32, saltEnd: Int32, commitStart: Int32
        var erased: Bool

        init(_ p: FormatTwoParts, prefixEnd: Int) {
            headerEnd = Int32(p.headerEnd); prevStart = Int32(p.prevStart); self.prefixEnd = Int32(prefixEnd)
            dataStart = Int32(p.dataStart); dataEnd = Int32(p.dataEnd); saltStart = Int32(p.saltStart); saltEnd = Int32(p.saltEnd)
            commitStart = Int32(p.commitStart); erased = p.erased
        }

        /// Whether the hash over `prefix` (the line's bytes before `,"hash":`) is `stored` (64 hex digits).
        func holds(_ prefix: UnsafeRawPointer, stored: UnsafeRawPointer) -> Bool {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: segmentLength + 64) { buffer -> Bool in
                let segment = buffer.baseAddress!, computed = segment + segmentLength
                if erased {
                    writeSegment(commit: prefix + Int(commitStart), into: segment)
                } else {
                    writeSegment(committing: UnsafeRawBufferPointer(start: prefix + Int(dataStart), count: Int(dataEnd - dataStart)),
                                 salt: UnsafeRawBufferPointer(start: prefix + Int(saltStart), count: Int(saltEnd - saltStart)), into: segment)
                }
                chainHash(header: UnsafeRawBufferPointer(start: prefix, count: Int(headerEnd)), segment: segment,
                          prevPart: UnsafeRawBufferPointer(start: prefix + Int(prevStart), count: Int(prefixEnd - prevStart)), into: computed)
                return memcmp(computed, stored, 64) == 0
            }
        }
    }

    /// A format-2 line: the chain hash over its erased form (now, or left to the caller when
    /// `deferring`), then the same checks as format 1.
    static func decodeFormatTwo(_ line: UnsafeRawBufferPointer, previousHash: UnsafeRawBufferPointer?, previousSeq: Int,
                                deferring: Bool = false) throws -> (Envelope, Fields, DeferredHash?) {
        let p = try formatTwoParts(line, previousHash: previousHash)
        let deferred = DeferredHash(p, prefixEnd: line.count - hashSuffixLength)
        // The segment and the hash on the stack, compared as bytes: no array or String a line.
        guard deferring || deferred.holds(line.baseAddress!, stored: storedHash(line).baseAddress!) else { throw changed }
        guard let time = p.ts, !p.actor.isEmpty, !p.type.isEmpty, !p.stream.isEmpty, p.version >= 1 else {
            throw Problem(reason: "a required field (ts, actor, type, stream, version) is missing")
        }
        guard p.prevMatches else {
            throw Problem(reason: "\"prev\" does not match the previous line's hash (a line before it was removed, inserted, changed or reordered)")
        }
        guard previousHash == nil || p.seq == previousSeq + 1 else {
            throw Problem(reason: "seq \(p.seq) does not follow \(previousSeq)")
        }
        return (Envelope(seq: p.seq, ts: time, actor: p.actor, type: p.type, stream: p.stream, version: p.version, erased: p.erased), p.data,
                deferring ? deferred : nil)
    }

    /// A format-2 line (without its newline) with its payload erased: `"data":{…},"salt":"…"`
    /// replaced by `"erased":"<commit>"` and spaces, the same length and the same hash (nil: not a
    /// format-2 line with a payload, or one whose own hash does not hold).
    public static func erasing(_ line: UnsafeRawBufferPointer) -> [UInt8]? {
        guard line.count > hashSuffixLength + 66, zip(line.prefix(formatTwo.count), formatTwo).allSatisfy({ $0 == $1 }),
              (try? decodeFormatTwo(line, previousHash: nil, previousSeq: 0)) != nil,
              let parts = try? formatTwoParts(line), !parts.erased else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        out += line[0..<parts.headerEnd]
        out += erasedKey; out += parts.commit(line); out.append(UInt8(ascii: "\""))
        let pad = line.count - (out.count + (line.count - parts.prevStart))
        guard pad >= 0 else { return nil }
        out += repeatElement(0x20, count: pad)
        out += line[parts.prevStart...]
        return out
    }

    /// An erased format-2 line chained after another `prev` (the upgrade rewrites a log's chain):
    /// its envelope and commitment as they were, its padding dropped.
    static func rechained(_ line: UnsafeRawBufferPointer, prev: String) -> (bytes: [UInt8], hash: String)? {
        guard let p = try? formatTwoParts(line), p.erased else { return nil }
        let commit = p.commit(line)
        var out = Array(line[0..<p.headerEnd]) + erasedKey + commit + [UInt8(ascii: "\"")]
        let prevPart = prevKey + Array(prev.utf8) + [UInt8(ascii: "\"")]
        let hash = Array(line[0..<p.headerEnd]).withUnsafeBytes { h in
            prevPart.withUnsafeBytes { chainHash(header: h, commit: commit, prevPart: $0) }
        }
        out += prevPart + hashKey + Array(hash.utf8) + Array(#""}"#.utf8) + [0x0A]
        return (out, hash)
    }
}
