import Glibc

// `enplan verify`: every line of every log checked from the start, and each log against its head.

/// What `enplan verify` reports for one file.
public struct VerifyReport: Sendable {
    public var file: String
    public var lines = 0
    public var problems: [(line: Int, reason: String)] = []
}

extension Store {
    /// Reads every line of every log file in `directory`, checking JSON, schema, sequence, chain,
    /// and that no log ends before its head (`store.head`, and the heads sessions recorded in the
    /// audit log).
    public static func verify(directory: String) throws -> [VerifyReport] {
        var reports: [VerifyReport] = []
        var ends: [String: (seq: Int, hash: String)] = [:]
        // The highest event-log head a session recorded in the audit log (reset by an accepted truncation).
        var recorded: HeadFile.Head?
        for file in [eventsFile, auditFile] {
            let path = directory + "/" + file
            guard access(path, F_OK) == 0 else { continue }
            var report = VerifyReport(file: file)
            var last = (seq: 0, hash: LogLine.genesisHash)
            if file == eventsFile {
                // Every event applied to a fresh projection, a chunk ahead on the second thread.
                var projection = Projection()
                (report.lines, last) = try LogFile.check(path: path, apply: { try projection.apply($0, event: $1) },
                                                         problem: { report.problems.append(($0, $1)) })
            } else {
                try LogFile.scan(path: path) { line, result in
                    report.lines = line
                    switch result {
                    case .success(let e):
                        last = (e.seq, e.hash)
                        if e.type == AuditKind.storeHead.rawValue, let seq = try? e.data.int("eventsSeq"),
                                  let hash = try? e.data.string("eventsHash"), seq >= (recorded?.seq ?? 0) {
                            recorded = HeadFile.Head(seq: seq, hash: hash, at: e.ts)
                        } else if e.type == AuditKind.restored.rawValue, let seq = try? e.data.int("eventsSeq"), let hash = try? e.data.string("eventsHash") {
                            // A restore starts the record afresh at the heads it restored.
                            recorded = HeadFile.Head(seq: seq, hash: hash, at: e.ts)
                        } else if e.type == AuditKind.truncationAccepted.rawValue, (try? e.data.string("file")) == eventsFile {
                            recorded = nil
                        }
                    case .failure(let p): report.problems.append((line, p.reason))
                    }
                    return true
                }
            }
            ends[file] = last
            let log: HeadFile.Log = file == eventsFile ? .events : .audit
            if let t = Truncation.check(file: file, seq: last.seq, hash: last.hash, head: HeadFile.read(directory: directory, log)) {
                report.problems.append((t.endsAt + 1, t.description))
            }
            reports.append(report)
        }
        if let e = ends[eventsFile], let i = reports.firstIndex(where: { $0.file == eventsFile }), reports[i].problems.isEmpty,
           let t = Truncation.check(file: eventsFile, seq: e.seq, hash: e.hash, head: recorded), t.endsAt < t.expectedSeq {
            reports[i].problems.append((t.endsAt + 1, t.description + " (the audit log's record of a session's start)"))
        }
        return reports
    }
}

extension LogFile {
    /// Every line of the event log from the start, checked and decoded a chunk ahead on a second
    /// thread (as the replay reads it) while this one applies: `verify` as fast as opening without
    /// a snapshot. Unlike the replay it does not stop at a bad line: the problem is reported and
    /// the check goes on from that line's own seq and hash. Returns the lines read and the last good
    /// line's seq and hash.
    static func check(path: String, chunkBytes: Int = 4 << 20, apply: (LogLine.Envelope, DomainEvent) throws -> Void,
                      problem: (Int, String) -> Void) throws -> (lines: Int, last: (seq: Int, hash: String)) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("cannot open \(path): \(Sys.errorText)") }
        defer { close(fd) }
        let end = Sys.fileSize(fd)
        var lines = 0, offset = 0, last = (seq: 0, hash: LogLine.genesisHash)
        let reader = ChunkReader(fd: fd, path: path, from: 0, to: end, seq: 0, hash: LogLine.genesisHash, typed: true, goesOn: true,
                                 chunkBytes: chunkBytes)
        reader.startAhead()
        defer { reader.cancel() }
        while let chunk = try reader.nextAhead() {
            var next = 0   // the next of the chunk's skipped lines
            // The last line that counts as read, in the chunk: a good one by index, or a sound skipped one.
            var lastGood: Int?, lastSound: (seq: Int, hash: String)?
            func skip(upTo i: Int) {
                while next < chunk.skipped.count, chunk.skipped[next].before == i {
                    let failure = chunk.skipped[next].failure
                    lines += 1
                    problem(lines, failure.problem.reason)
                    offset = failure.lineEnd
                    if failure.sound, let own = failure.own { lastSound = own; lastGood = nil }
                    next += 1
                }
            }
            for i in chunk.lines.indices {
                skip(upTo: i)
                let (envelope, length) = chunk.lines[i]
                lines += 1; offset += length
                do { try apply(envelope, chunk.typed[i]) } catch { problem(lines, "\(error)") }
                lastGood = i; lastSound = nil
            }
            skip(upTo: chunk.lines.count)
            if let i = lastGood { last = (chunk.lines[i].envelope.seq, chunk.hash(at: i)) } else if let own = lastSound { last = own }
        }
        if offset < end {
            lines += 1
            problem(lines, "the last line has no newline (a write cut short)")
        }
        return (lines, last)
    }
}
