import Glibc

// Reading whole logs (`enplan log`, the audit screen, the benchmark) and a citizen's own lines
// through the line index.
extension Store {
    /// Every line of the event log (or the audit log) from the start, checked, in order. A damaged
    /// line is an error, never a silently shorter history. Lines whose payload was erased are
    /// passed over unless asked for (`enplan log` shows them as what they are).
    public func scan(audit scanAudit: Bool = false, includingErased: Bool = false, _ visit: (RecordedEvent) -> Bool) throws {
        let file = scanAudit ? Store.auditFile : Store.eventsFile
        var problem: StoreError?
        try lock.withLock(exclusive: false) {
            try LogFile.scan(path: directory + "/" + file) { line, result in
                switch result {
                case .success(let e): return e.erased && !includingErased ? true : visit(e)
                case .failure(let p): problem = .damaged(file: file, line: line, reason: p.reason); return false
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
        let path = directory + "/" + Store.eventsFile
        return try lock.withLock(exclusive: false) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw StoreError.io("cannot open \(path): \(Sys.errorText)") }
            defer { close(fd) }
            var out: [RecordedEvent] = []
            out.reserveCapacity(offsets.count)
            for offset in offsets {
                var count = 2048
                while true {
                    guard let bytes = Sys.readAll(fd, from: offset, count: count) else {
                        throw StoreError.io("cannot read \(path): \(Sys.errorText)")
                    }
                    guard let nl = bytes.firstIndex(of: 0x0A) else {
                        guard bytes.count == count else { throw StoreError.damaged(file: Store.eventsFile, line: 0, reason: "a line at byte \(offset) has no end") }
                        count *= 4
                        continue
                    }
                    let e = try bytes.withUnsafeBytes { buf -> RecordedEvent in
                        do { return try LogLine.decode(UnsafeRawBufferPointer(rebasing: buf[0..<nl]), previousHash: nil, previousSeq: 0) } catch {
                            throw StoreError.damaged(file: Store.eventsFile, line: 0, reason: "the line at byte \(offset): \(error)")
                        }
                    }
                    guard wanted.contains(e.stream) else {
                        throw StoreError.damaged(file: Store.eventsFile, line: e.seq, reason: "the line at byte \(offset) is not of the stream the index says")
                    }
                    out.append(e)
                    break
                }
            }
            return out
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
