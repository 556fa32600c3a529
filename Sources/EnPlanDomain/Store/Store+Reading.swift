import Glibc

// Reading whole logs (`enplan log`, the audit screen, the benchmark) and a citizen's own lines
// through the line index.
extension Store {
    /// Every line of the event log (or the audit log) from the start, checked, in order. A damaged
    /// line is an error, never a silently shorter history. Lines whose payload was erased are
    /// passed over unless asked for (`enplan log` shows them as what they are).
    public func scan(audit scanAudit: Bool = false, includingErased: Bool = false, _ visit: (RecordedEvent) -> Bool) throws {
        let log = scanAudit ? audit : events
        var problem: StoreError?
        try lock.withLock(exclusive: false) {
            try log.scanAll { line, result in
                switch result {
                case .success(let e): return e.erased && !includingErased ? true : visit(e)
                case .failure(let p): problem = .damaged(file: log.name, line: line, reason: p.reason); return false
                }
            }
        }
        if let problem { throw problem }
    }

    /// The events of some streams, in log order, read line by line through the projection's index
    /// (a citizen's few hundred lines, not the whole log). Each line's hash is checked; one that
    /// does not match, or is not the stream's, is damage and an error.
    public func events(of streams: [String]) throws -> [RecordedEvent] {
        let offsets = streams.flatMap { projection.lines.offsets($0) }.sorted()
        guard !offsets.isEmpty else { return [] }
        let wanted = Set(streams)
        return try lock.withLock(exclusive: false) {
            let out = try events.lines(at: offsets)
            if let e = out.first(where: { !wanted.contains($0.stream) }) {
                throw StoreError.damaged(file: Store.eventsFile, line: e.seq, reason: "the line of seq \(e.seq) is not of the stream the index says")
            }
            // A line erased since this session indexed it (retention) has nothing left to show.
            return out.filter { !$0.erased }
        }
    }

    /// Decodes every event of a data directory's log without applying it (the benchmark's yardstick).
    public static func scanFile(directory: String, _ visit: (RecordedEvent) -> Void) throws {
        try LogFile.scan(path: directory + "/" + eventsFile) { _, r in
            if case .success(let e) = r { visit(e); return true }
            return false
        }
    }
}
