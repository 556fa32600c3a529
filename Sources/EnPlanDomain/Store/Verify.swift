import Glibc

// `enplan verify`: every line of every log checked from the start, and each log against its head.

/// What `enplan verify` reports for one file.
public struct VerifyReport: Sendable {
    public var file: String
    public var lines = 0
    public var problems: [VerifyProblem] = []
    /// What is no damage but worth saying (a torn last line beyond the head: a crash's leftover,
    /// moved aside at the next write).
    public var notes: [String] = []
}

/// One thing `verify` found wrong. `releasable`: an administrator may release the store with it as
/// it is (a log that ends before its head, a damaged last line moved aside, a missing or unreadable
/// head, another log in a log's place); a damaged line with good lines after it, or a missing log,
/// is not: restore a backup first.
public struct VerifyProblem: Sendable, Equatable {
    public let line: Int
    public let reason: String
    public let releasable: Bool
    public init(_ line: Int, _ reason: String, releasable: Bool = true) { self.line = line; self.reason = reason; self.releasable = releasable }
}

extension Store {
    /// Reads every line of every log file in `directory`, checking JSON, schema, sequence, chain,
    /// that every file is there, and that each log agrees with its head (`store.head`, and the
    /// heads sessions recorded in the audit log): it does not end before it, and a longer log holds
    /// the acknowledged line at the head's seq.
    ///
    /// It reads a consistent cut: the heads and the files' lengths are taken together under the
    /// shared lock (no append runs then), and only those bytes are checked, so a live writer is
    /// never taken for damage. When it finds damage it marks the store damaged (`DamageMarker`,
    /// unless `mark` is false), which makes every process read-only until an administrator
    /// releases it; a store marked already gets the marker as a problem of its own.
    public static func verify(directory: String, mark: Bool = true, clock: Clock = ProgramClock.shared) throws -> [VerifyReport] {
        // An erasure changes lines in place: none runs while the logs are read without the store's lock.
        try ErasureJournal.guarding(directory, exclusive: false) { try verifyReading(directory: directory, mark: mark, clock: clock) }
    }

    /// What `verify` reads a store through: a consistent cut of its heads, logs and marker, and
    /// the two ways of reading a log (the event log applied to a fresh projection, the audit log
    /// scanned), for the files or for the database.
    struct VerifyCut {
        var heads: [HeadFile.Log: HeadFile.Reading?] = [:]
        /// Each log that is there, with its length (bytes, or the last seq) in the cut.
        var sizes: [String: Int] = [:]
        var marker: DamageMarker?
        var checkEvents: (_ size: Int, _ watch: Int, _ apply: (LogLine.Envelope, DomainEvent) throws -> Void, _ problem: (Int, String) -> Void) throws
            -> (lines: Int, last: (seq: Int, hash: String), watched: String?) = { _, _, _, _ in (0, (0, LogLine.genesisHash), nil) }
        var scan: (_ file: String, _ size: Int, _ visit: (Int, Result<RecordedEvent, LogLine.Problem>) -> Bool) throws -> Void = { _, _, _ in }
    }

    private static func verifyReading(directory: String, mark: Bool, clock: Clock) throws -> [VerifyReport] {
        typealias Cut = VerifyCut
        let lock = try LockFile(path: directory + "/store.lock")
        var cut = try lock.withLock(exclusive: false) { () -> Cut in
            var c = Cut()
            c.heads[.events] = HeadFile.reading(directory: directory, .events)
            c.heads[.audit] = HeadFile.reading(directory: directory, .audit)
            for file in [eventsFile, auditFile] {
                var st = stat()
                if stat(directory + "/" + file, &st) == 0 { c.sizes[file] = Int(st.st_size) }
            }
            c.marker = DamageMarker.read(directory: directory)
            return c
        }
        cut.checkEvents = { size, watch, apply, problem in
            try LogFile.check(path: directory + "/" + eventsFile, to: size, watch: watch, apply: apply, problem: problem)
        }
        cut.scan = { file, size, visit in try LogFile.scan(path: directory + "/" + file, to: size, visit) }
        let reports = try verifyCut(cut)
        let findings = reports.flatMap { r in r.problems.map { DamageMarker.Finding(file: r.file, line: $0.line, reason: $0.reason) } }
        if cut.marker == nil, mark, !findings.isEmpty {
            DamageMarker.mark(directory: directory, by: .verify, findings: findings, at: clock.now())
        }
        return reports
    }

    /// The checks themselves, the same for either backend.
    static func verifyCut(_ cut: VerifyCut) throws -> [VerifyReport] {
        let headFileThere = cut.heads[.events]! != nil
        var reports: [VerifyReport] = []
        var headReport = VerifyReport(file: HeadFile.name)
        if !headFileThere, cut.sizes.values.contains(where: { $0 > 0 }) {
            headReport.problems.append(.init(0, "store.head is missing: what was acknowledged cannot be checked"))
        }
        var ends: [String: (seq: Int, hash: String)] = [:]
        // The highest event-log head a session recorded in the audit log (reset by an accepted truncation).
        var recorded: HeadFile.Head?
        for file in [eventsFile, auditFile] {
            let log: HeadFile.Log = file == eventsFile ? .events : .audit
            var report = VerifyReport(file: file)
            var head: HeadFile.Head?
            switch cut.heads[log]! {
            case .head(let h)?: head = h
            case .garbage?: headReport.problems.append(.init(log.rawValue + 1, "the record of \(file) does not read: what was acknowledged cannot be checked"))
            case .none?, nil: break
            }
            guard let size = cut.sizes[file] else {
                if (head?.seq ?? 0) > 0 || cut.sizes.values.contains(where: { $0 > 0 }) {
                    report.problems.append(.init(0, "\(file) is missing" + (head.map { " (seq \($0.seq) was acknowledged)" } ?? ""), releasable: false))
                }
                reports.append(report)
                continue
            }
            var last = (seq: 0, hash: LogLine.genesisHash)
            var atHead: String?
            if file == eventsFile {
                // Every event applied to a fresh projection, a chunk ahead on the second thread.
                var projection = Projection()
                (report.lines, last, atHead) = try cut.checkEvents(size, head?.seq ?? 0, { if $0.erased { projection.applyErased($0) } else { try projection.apply($0, event: $1) } },
                                                                 { report.problems.append(.init($0, $1, releasable: false)) })
            } else {
                try cut.scan(file, size) { line, result in
                    report.lines = line
                    switch result {
                    case .success(let e):
                        last = (e.seq, e.hash)
                        if e.seq == head?.seq { atHead = e.hash }
                        if e.type == AuditKind.storeHead.rawValue, let seq = try? e.data.int("eventsSeq"),
                                  let hash = try? e.data.string("eventsHash"), seq >= (recorded?.seq ?? 0) {
                            recorded = HeadFile.Head(seq: seq, hash: hash, at: e.ts)
                        } else if e.type == AuditKind.restored.rawValue || e.type == AuditKind.storeUpgraded.rawValue,
                                  let seq = try? e.data.int("eventsSeq"), let hash = try? e.data.string("eventsHash") {
                            // A restore starts the record afresh at the heads it restored.
                            recorded = HeadFile.Head(seq: seq, hash: hash, at: e.ts)
                        } else if e.type == AuditKind.truncationAccepted.rawValue, (try? e.data.string("file")) == eventsFile {
                            recorded = nil
                        } else if e.type == AuditKind.damageReleased.rawValue {
                            recorded = nil
                        }
                    case .failure(let p): report.problems.append(.init(line, p.reason, releasable: false))
                    }
                    return true
                }
            }
            // A damaged last line beyond the acknowledged head is a crash's leftover (the next write
            // moves it aside), not damage; at or before the head it is damage.
            if let lastProblem = report.problems.last, lastProblem.line == report.lines {
                if report.problems.count == 1, last.seq >= (head?.seq ?? 0) {
                    report.notes.append("line \(report.lines): \(lastProblem.reason); it lies beyond the last acknowledged line, so it is a write a crash cut short, and the next write moves it aside")
                    report.problems = []
                } else {
                    // An acknowledged last line damaged: an administrator may move it aside (release).
                    report.problems[report.problems.count - 1] = .init(lastProblem.line, lastProblem.reason + " (line \(lastProblem.line) was acknowledged)")
                }
            }
            ends[file] = last
            if let t = Truncation.check(file: file, seq: last.seq, hash: last.hash, head: head) {
                report.problems.append(.init(t.endsAt + 1, t.description))
            } else if let head, let wrong = Store.notTheAcknowledged(file: file, head: head, lastSeq: last.seq, lookup: { _ in atHead.map { (head.seq, $0) } }) {
                report.problems.append(.init(wrong.line, wrong.reason))
            }
            reports.append(report)
        }
        if let e = ends[eventsFile], let i = reports.firstIndex(where: { $0.file == eventsFile }), reports[i].problems.isEmpty,
           let t = Truncation.check(file: eventsFile, seq: e.seq, hash: e.hash, head: recorded), t.endsAt < t.expectedSeq {
            reports[i].problems.append(.init(t.endsAt + 1, t.description + " (the audit log's record of a session's start)"))
        }
        if !headReport.problems.isEmpty { reports.append(headReport) }
        if let m = cut.marker {
            reports.append(VerifyReport(file: DamageMarker.name, lines: m.findings.count, problems: [.init(0, m.description)]))
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
    /// `to`: the bytes to check (the consistent cut; nil: the whole file); `watch`: a seq whose
    /// line's hash is returned (the head's).
    static func check(path: String, to: Int? = nil, watch: Int = 0, chunkBytes: Int = 4 << 20, apply: (LogLine.Envelope, DomainEvent) throws -> Void,
                      problem: (Int, String) -> Void) throws -> (lines: Int, last: (seq: Int, hash: String), watched: String?) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("cannot open \(path): \(Sys.errorText)") }
        defer { close(fd) }
        let end = min(to ?? Int.max, Sys.fileSize(fd))
        var lines = 0, offset = 0, last = (seq: 0, hash: LogLine.genesisHash)
        var watched: String?
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
                if envelope.seq == watch { watched = chunk.hash(at: i) }
                lastGood = i; lastSound = nil
            }
            skip(upTo: chunk.lines.count)
            if let i = lastGood { last = (chunk.lines[i].envelope.seq, chunk.hash(at: i)) } else if let own = lastSound { last = own }
        }
        if offset < end {
            lines += 1
            problem(lines, "the last line has no newline (a write cut short)")
        }
        return (lines, last, watched)
    }
}
