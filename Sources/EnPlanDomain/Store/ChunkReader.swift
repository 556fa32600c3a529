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
    }

    struct Chunk {
        /// Each event with the length of its line (newline included).
        var events: [(RecordedEvent, Int)] = []
        /// The typed events, when the reader was given a `typed` decoder (the event log, not the audit log).
        var typed: [DomainEvent] = []
        var failure: Failure?
    }

    /// Turns a line's type and fields into a `DomainEvent` on the reading thread, so the applying
    /// thread only applies. The fields are then dropped here, where they were allocated.
    private let typed: Bool

    private let fd: Int32
    private let path: String
    private let end: Int
    private var position: Int
    private var seq: Int
    private var hash: String
    private var finished = false
    private var pending: [UInt8] = []

    // The read-ahead thread's hand-over: a queue of chunks, guarded by `condition`.
    private let condition = NSCondition()
    private var ready: [Result<Chunk?, Error>] = []
    private var cancelled = false
    private var threadRunning = false

    private let chunkBytes: Int

    init(fd: Int32, path: String, from: Int, to: Int, seq: Int, hash: String, typed: Bool, chunkBytes: Int) {
        self.fd = fd; self.path = path; position = from; end = to; self.seq = seq; self.hash = hash; self.typed = typed
        self.chunkBytes = chunkBytes
    }

    /// The next chunk of decoded lines, or nil when every complete line has been read.
    func next() throws -> Chunk? {
        guard !finished, position < end || !pending.isEmpty else { return nil }
        while true {
            let want = min(chunkBytes, end - position)
            guard want > 0 else { finished = true; return nil }   // only a fragment without newline is left
            guard let data = Sys.readAll(fd, from: position, count: want) else {
                throw StoreError.io("cannot read \(path): \(Sys.errorText)")
            }
            let fileOffsetOfBuffer = position - pending.count
            position += data.count
            let buffer = pending.isEmpty ? data : pending + data
            pending = []
            var chunk = Chunk()
            var start = 0
            buffer.withUnsafeBytes { buf in
                let base = buf.baseAddress!
                while start < buf.count, let nlPtr = memchr(base + start, 0x0A, buf.count - start) {
                    let nl = base.distance(to: UnsafeRawPointer(nlPtr))
                    let line = UnsafeRawBufferPointer(start: base + start, count: nl - start)
                    do {
                        var e = try LogLine.decode(line, previousHash: hash, previousSeq: seq)
                        if typed {
                            chunk.typed.append(try DomainEvent(type: e.type, fields: e.data))
                            e = e.withoutData
                        }
                        chunk.events.append((e, nl + 1 - start))
                        seq = e.seq; hash = e.hash
                    } catch {
                        let problem = error as? LogLine.Problem ?? LogLine.Problem(reason: "\(error)")
                        chunk.failure = Failure(line: seq + 1, problem: problem, lineEnd: fileOffsetOfBuffer + nl + 1)
                        finished = true
                        return
                    }
                    start = nl + 1
                }
            }
            if !finished { pending = Array(buffer[start...]) }
            if !chunk.events.isEmpty || chunk.failure != nil { return chunk }
            if position >= end { finished = true; return nil }
            // A line longer than a chunk: read on with what is pending.
        }
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
