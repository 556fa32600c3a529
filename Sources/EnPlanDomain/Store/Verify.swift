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
            var projection = Projection()
            var last = (seq: 0, hash: LogLine.genesisHash)
            try LogFile.scan(path: path) { line, result in
                report.lines = line
                switch result {
                case .success(let e):
                    last = (e.seq, e.hash)
                    if file == eventsFile {
                        do { try projection.apply(e) } catch { report.problems.append((line, "\(error)")) }
                    } else if e.type == AuditKind.storeHead.rawValue, let seq = try? e.data.int("eventsSeq"),
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
