import Foundation
import Glibc

/// Reads a log file from an offset in chunks of whole lines and decodes them: hash, JSON and the
/// chain to the line before. `next()` does it on the caller's thread; `startAhead()` runs it on a
/// thread of its own, at most two chunks ahead of `nextAhead()`.
final class ChunkReader: @unchecked Sendable {
    struct Failure {
        let line: Int
        let problem: LogLine.Problem
        /// The file offset just after the failing line's newline.
        let lineEnd: Int
        /// The failing line's own seq and hash, if they can be read: `verify` checks on from them,
        /// so that one bad line is reported once, not with the line after it.
        let own: (seq: Int, hash: String)?
        /// Whether the line itself was sound (its hash and chain held) and only its event could not be read.
        let sound: Bool
    }

    struct Chunk {
        /// Each line's envelope with the length of its line (newline included).
        var lines: [(envelope: LogLine.Envelope, length: Int)] = []
        /// The typed events, when the reader was told to decode them (the event log, not the audit log).
        var typed: [DomainEvent] = []
        /// Each line's own hash, 64 hex digits a line, one after the other: a String is made only
        /// for the last line applied (`hash(at:)`), not for every line.
        var hashes: [UInt8] = []
        var failure: Failure?
        /// The bad lines a reader that goes on (`verify`) read past, in order, each with the number
        /// of this chunk's good lines before it.
        var skipped: [(before: Int, failure: Failure)] = []
        /// Format-2 lines whose own hash the read-ahead thread left to the applying thread
        /// (`ChunkReader.checkDeferred`): each line's index, where its hash inputs lie, where its
        /// bytes before `,"hash":` begin in `prefixes`, and the file offset after its newline.
        var deferred: [(line: Int, hash: LogLine.DeferredHash, at: Int, lineEnd: Int)] = []
        var prefixes: [UInt8] = []

        func hash(at i: Int) -> String {
            hashes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[(i * 64)..<(i * 64 + 64)]), as: UTF8.self) }
        }
    }

    /// Decodes each line's event (`DomainEvent`) on the reading thread, so the applying thread only
    /// applies; the payload's fields are dropped here, where they were allocated.
    private let typed: Bool
    /// Whether a bad line ends the reading (the replay) or is noted and read past, the chain going
    /// on from the line's own seq and hash (`verify`).
    private let goesOn: Bool

    private let lineBuffer: LineBuffer
    private var seq: Int
    /// The previous line's hash, as its 64 hex digits (what the next line's "prev" must be).
    private var previousHash = [UInt8](repeating: 0, count: 64)
    private var finished = false
    /// Lines in the last chunk: the next chunk's arrays are made that large at once.
    private var expected = 1024

    // The read-ahead thread's hand-over: a queue of chunks, guarded by `condition`.
    private let condition = NSCondition()
    private var ready: [Result<Chunk?, Error>] = []
    private var cancelled = false
    private var threadRunning = false
    /// Whether format-2 lines' own hashes are left to `nextAhead` (the applying thread): set by
    /// `startAhead`. The two threads then share the SHA-256 work (the read-ahead thread alone
    /// bounded the replay and `verify`); `next()` on the caller's thread checks every hash itself.
    private var deferHashes = false
    /// A deferred hash failed and the reader does not go on: nothing more is handed out.
    private var stoppedAtDeferred = false

    init(fd: Int32, path: String, from: Int, to: Int, seq: Int, hash: String, typed: Bool, goesOn: Bool = false, chunkBytes: Int) {
        lineBuffer = LineBuffer(fd: fd, path: path, from: from, to: to, chunkBytes: chunkBytes)
        self.seq = seq; self.typed = typed; self.goesOn = goesOn
        follow(hash)
    }

    /// The hash the next line's "prev" must be: always 64 bytes (a hash of another length then
    /// simply does not match).
    private func follow(_ hash: String) {
        let u = Array(hash.utf8.prefix(64))
        previousHash = u + [UInt8](repeating: 0, count: 64 - u.count)
    }

    /// The next chunk of decoded lines, or nil when every complete line has been read.
    func next() throws -> Chunk? {
        guard !finished else { return nil }
        var chunk = Chunk()
        chunk.lines.reserveCapacity(expected)
        chunk.hashes.reserveCapacity(expected * 64)
        if typed { chunk.typed.reserveCapacity(expected) }
        let deferring = deferHashes
        let more = try lineBuffer.read { line, lineEnd in
            var sound = false, deferred: LogLine.DeferredHash?
            do {
                var (e, data, pending) = try previousHash.withUnsafeBytes {
                    try LogLine.decodeEnvelope(line, previousHash: $0, previousSeq: seq, deferring: deferring)
                }
                deferred = pending
                sound = true
                if typed && e.erased {
                    // No payload to type: the appliers look at `erased` first and never at this.
                    chunk.typed.append(.userUnlocked)
                } else if typed {
                    let event = try DomainEvent(type: e.type, fields: data)
                    e.type = event.type   // the catalogue's own name: nothing for the applying thread to free
                    chunk.typed.append(event)
                }
                let own = LogLine.storedHash(line)
                if let d = deferred {
                    chunk.deferred.append((chunk.lines.count, d, chunk.prefixes.count, lineEnd))
                    chunk.prefixes.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[0..<Int(d.prefixEnd)]))
                }
                chunk.hashes.append(contentsOf: own)
                previousHash.withUnsafeMutableBytes { $0.copyMemory(from: own) }
                chunk.lines.append((e, line.count + 1))
                seq = e.seq
                return true
            } catch {
                var problem = error as? LogLine.Problem ?? LogLine.Problem(reason: "\(error)")
                if deferred != nil, !deferred!.holds(line.baseAddress!, stored: LogLine.storedHash(line).baseAddress!) {
                    // A bad line whose hash was left for later: its hash is what it fails first, as when checked at once.
                    problem = LogLine.changed; sound = false
                }
                let failure = Failure(line: seq + 1, problem: problem, lineEnd: lineEnd, own: LogLine.chainFields(line), sound: sound)
                guard goesOn else { chunk.failure = failure; return false }
                chunk.skipped.append((chunk.lines.count, failure))
                if let own = failure.own { seq = own.seq; follow(own.hash) }
                return true
            }
        }
        guard more else { finished = true; return nil }
        if chunk.failure != nil { finished = true }
        expected = max(expected, chunk.lines.count + chunk.lines.count / 8)
        return chunk
    }

    func startAhead() {
        threadRunning = true
        deferHashes = true
        let t = Thread { [self] in
            defer { condition.lock(); threadRunning = false; condition.broadcast(); condition.unlock() }
            while true {
                let result: Result<Chunk?, Error>
                do { result = .success(try next()) } catch { result = .failure(error) }
                condition.lock()
                while ready.count >= 2 && !cancelled { condition.wait() }
                if cancelled { condition.unlock(); return }
                ready.append(result)
                condition.broadcast()
                condition.unlock()
                if case .success(let c) = result, c != nil { continue }
                return
            }
        }
        t.stackSize = 1 << 20
        t.start()
    }

    func nextAhead() throws -> Chunk? {
        guard !stoppedAtDeferred else { return nil }
        condition.lock()
        while ready.isEmpty { condition.wait() }
        let r = ready.removeFirst()
        condition.broadcast()
        condition.unlock()
        guard var chunk = try r.get() else { return nil }
        checkDeferred(&chunk)
        return chunk
    }

    /// Checks the hashes the read-ahead thread left (on this, the applying thread). A line whose
    /// hash fails becomes what the read-ahead thread would have made of it had it checked at once:
    /// the chunk's failure, the chunk ending before it (the replay), or one of its skipped lines,
    /// the chain going on from the line's own seq and hash as it did (`verify`).
    private func checkDeferred(_ chunk: inout Chunk) {
        guard !chunk.deferred.isEmpty else { return }
        var failed: [Int: Failure] = [:]
        chunk.prefixes.withUnsafeBytes { prefixes in
            chunk.hashes.withUnsafeBytes { hashes in
                for d in chunk.deferred where !d.hash.holds(prefixes.baseAddress! + d.at, stored: hashes.baseAddress! + d.line * 64) {
                    let e = chunk.lines[d.line].envelope
                    failed[d.line] = Failure(line: e.seq, problem: LogLine.changed, lineEnd: d.lineEnd,
                                             own: (e.seq, chunk.hash(at: d.line)), sound: false)
                    if !goesOn { break }
                }
            }
        }
        chunk.deferred = []; chunk.prefixes = []
        guard !failed.isEmpty else { return }
        if !goesOn {
            // The first failing line ends the chunk and the reading, as it does when checked at once.
            let i = failed.keys.min()!
            chunk.lines.removeSubrange(i...)
            if typed { chunk.typed.removeSubrange(i...) }
            chunk.hashes.removeSubrange((i * 64)...)
            chunk.failure = failed[i]
            stoppedAtDeferred = true
            return
        }
        // Each failing line moves among the skipped ones, in its place.
        var lines: [(envelope: LogLine.Envelope, length: Int)] = [], typedEvents: [DomainEvent] = [], hashes: [UInt8] = []
        var skipped: [(before: Int, failure: Failure)] = []
        lines.reserveCapacity(chunk.lines.count); hashes.reserveCapacity(chunk.hashes.count)
        var k = 0
        for j in chunk.lines.indices {
            while k < chunk.skipped.count, chunk.skipped[k].before == j { skipped.append((lines.count, chunk.skipped[k].failure)); k += 1 }
            if let f = failed[j] { skipped.append((lines.count, f)); continue }
            lines.append(chunk.lines[j])
            if typed { typedEvents.append(chunk.typed[j]) }
            hashes.append(contentsOf: chunk.hashes[(j * 64)..<(j * 64 + 64)])
        }
        while k < chunk.skipped.count { skipped.append((lines.count, chunk.skipped[k].failure)); k += 1 }
        chunk.lines = lines; chunk.typed = typedEvents; chunk.hashes = hashes; chunk.skipped = skipped
    }

    /// Stops the read-ahead thread and waits until it has (it must not read a closed descriptor).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while threadRunning { condition.wait() }
        condition.unlock()
    }
}
