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
        let more = try lineBuffer.read { line, lineEnd in
            var sound = false
            do {
                var (e, data) = try previousHash.withUnsafeBytes { try LogLine.decodeEnvelope(line, previousHash: $0, previousSeq: seq) }
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
                chunk.hashes.append(contentsOf: own)
                previousHash.withUnsafeMutableBytes { $0.copyMemory(from: own) }
                chunk.lines.append((e, line.count + 1))
                seq = e.seq
                return true
            } catch {
                let problem = error as? LogLine.Problem ?? LogLine.Problem(reason: "\(error)")
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
        condition.lock()
        while ready.isEmpty { condition.wait() }
        let r = ready.removeFirst()
        condition.broadcast()
        condition.unlock()
        return try r.get()
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
