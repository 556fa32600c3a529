@_spi(Store) import EnPlanDomain
import Foundation
import Glibc

// Issue 26's benchmark: the same store on the files and in PostgreSQL, in one run.
//   enplan-bench --only-generate --dir DIR --citizens 5000 --events 100000   (a files store)
//   enplan-bench postgres --dir DIR [--runs 3] [--count 2000] [--writers 8]
// A throwaway server as the tests start one (Tests/TestSupport/Postgres.swift): initdb in a
// directory next to DIR (the same disk as the files), a Unix socket only, fsync and
// synchronous_commit on; stopped (immediate) and removed at the end.

/// A PostgreSQL server of the benchmark's own.
final class BenchPostgres {
    let bin: String, data: String, socketDir: String, user: String
    var url: String { "postgresql://\(user)@/enplan?host=\(socketDir)" }
    private let asUser: [String]

    init(dataDir: String) throws {
        let root = "/usr/lib/postgresql"
        guard let v = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).max() else {
            throw BenchError("PostgreSQL is not installed (apt-get install postgresql libpq-dev)")
        }
        bin = "\(root)/\(v)/bin"
        data = dataDir
        socketDir = "/tmp/enplan-pgb-" + UUID().uuidString.prefix(8).lowercased()   // the socket's path must fit in 107 bytes
        let root0 = geteuid() == 0
        asUser = root0 ? ["runuser", "-u", "postgres", "--"] : []
        user = root0 ? "postgres" : String(cString: getpwuid(geteuid())!.pointee.pw_name)
        try? FileManager.default.removeItem(atPath: data)
        for d in [data, socketDir] {
            try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
            chmod(d, 0o700)
            if geteuid() == 0, let pw = getpwnam("postgres") { chown(d, pw.pointee.pw_uid, pw.pointee.pw_gid) }
        }
        try run(["\(bin)/initdb", "-D", data, "-A", "trust", "-U", user, "-E", "UTF8", "--locale=C", "--no-sync"])
        try run(["\(bin)/pg_ctl", "-D", data, "-l", socketDir + "/server.log", "-w", "-t", "60",
                 "-o", "-c listen_addresses='' -k \(socketDir) -c fsync=on -c synchronous_commit=on", "start"])
        try run(["\(bin)/createdb", "-h", socketDir, "-U", user, "enplan"])
    }

    /// Through the shell (`system`): Foundation's Process waited for ever on `pg_ctl start` here.
    private func run(_ argv: [String]) throws {
        let line = (asUser + argv).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let status = system(line + " >/dev/null")
        guard status == 0 else { throw BenchError("\(argv[0]) failed (\(status)); see \(socketDir)/server.log") }
    }

    func stop() {
        try? run(["\(bin)/pg_ctl", "-D", data, "-m", "immediate", "-w", "-t", "60", "stop"])
        try? FileManager.default.removeItem(atPath: data)
        try? FileManager.default.removeItem(atPath: socketDir)
    }
}


/// A store on the files in `dir`, or in the database `url` with `dir` as this host's cache.
func benchStore(dir: String, url: String?, snapshot: Bool = true) throws -> Store {
    var options = Store.Options()
    options.database = url
    options.useSnapshot = snapshot
    options.snapshotAfter = Int.max
    return try Store(directory: dir, options: options)
}

func nowNs() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// One of several writers: opens the store, waits for the common start (CLOCK_MONOTONIC, shared
/// by the processes), appends `count` contacts, reports its latencies and when it began and ended.
func writerChild(dir: String, url: String?, count: Int, startNs: UInt64) throws {
    let store = try benchStore(dir: dir, url: url)
    let service = CaseService(store: store, terminal: "bench-writer")
    let targets = Array(store.projection.citizens.values.prefix(200))
    let late = nowNs() > startNs
    while nowNs() < startNs { usleep(200) }
    var lat: [Double] = []
    let t0 = nowNs()
    for i in 0..<count {
        let c = targets[(i * 7 + Int(getpid())) % targets.count]
        let t = nowNs()
        try service.execute(.logContact(citizen: c.id, channel: .phone, note: "benchmark", at: nil), as: c.responsible)
        lat.append(Double(nowNs() - t) / 1e6)
    }
    let out: [String: Any] = ["begin": Double(t0), "end": Double(nowNs()), "late": late, "lat": lat]
    print(String(decoding: try JSONSerialization.data(withJSONObject: out), as: UTF8.self))
}

/// The other "host": waits for notifications (polling the connection every 0.1 ms, as a
/// session's tick does once a second), refreshes when one came, and notes when each new seq was
/// seen, until `until` is seen or 60 s pass.
func listenerChild(dir: String, url: String, until: Int) throws {
    let store = try benchStore(dir: dir, url: url)
    FileManager.default.createFile(atPath: dir + "/ready", contents: nil)
    var seen: [String: Double] = [:]
    let deadline = nowNs() + 60_000_000_000
    while store.lastSeq < until && nowNs() < deadline {
        if store.changesAnnounced() {
            let before = store.lastSeq
            try store.refresh()
            let t = Double(nowNs())
            if store.lastSeq > before { for s in (before + 1)...store.lastSeq { seen[String(s)] = t } }
        } else { usleep(100) }
    }
    print(String(decoding: try JSONSerialization.data(withJSONObject: seen), as: UTF8.self))
}

func postgresRows(dir: String, runs: Int) throws {
    let count = Int(option("count", "2000"))!, writers = Int(option("writers", "8"))!
    let base = (dir as NSString).standardizingPath   // DIR-pgdata, DIR-cacheA, … beside it
    func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
    func pct(_ xs: [Double], _ p: Int) -> Double { let s = xs.sorted(); return s[min(s.count - 1, s.count * p / 100)] }
    func load() -> String { ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ") }
    func spawn(_ args: [String]) throws -> (Process, Pipe) {
        let p = Process(); p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]); p.arguments = args
        let out = Pipe(); p.standardOutput = out
        try p.run()
        return (p, out)
    }
    func collect(_ pp: (Process, Pipe)) throws -> Any {
        let data = pp.1.fileHandleForReading.readDataToEndOfFile()
        pp.0.waitUntilExit()
        guard pp.0.terminationStatus == 0, let o = try? JSONSerialization.jsonObject(with: data) else {
            throw BenchError("child \(pp.0.arguments ?? []) failed: \(String(decoding: data, as: UTF8.self))")
        }
        return o
    }
    func child(_ args: [String]) throws -> [String: Double] { try collect(try spawn(args)) as! [String: Double] }

    let events = try benchStore(dir: dir, url: nil).lastSeq
    let mb = Double((try FileManager.default.attributesOfItem(atPath: dir + "/" + Store.eventsFile)[.size] as? Int) ?? 0) / 1e6
    print("Files store \(dir): \(events) events, \(String(format: "%.0f", mb)) MB; load \(load())")
    let pg = try BenchPostgres(dataDir: base + "-pgdata")
    print("server up at \(pg.url)")
    defer { pg.stop() }
    var t = Date()
    let migration = try Store.migrate(directory: dir, to: pg.url)
    print(String(format: "migrate (verify the files, COPY, verify the database): %d events in %.1f s; load %@", migration.events, Date().timeIntervalSince(t), load()))

    // Replay: from the files and from the database, no snapshot; then each with its local cache.
    let cacheA = base + "-cacheA", cacheB = base + "-cacheB"
    for d in [cacheA, cacheB] { try? FileManager.default.removeItem(atPath: d) }
    try? FileManager.default.removeItem(atPath: dir + "/" + Store.snapshotFile)
    _ = try child(["replay-child", "--dir", dir]); _ = try child(["replay-child", "--dir", cacheA, "--url", pg.url])   // warm
    var open: [String: [Double]] = [:]
    for _ in 0..<runs {
        open["files", default: []].append(try child(["replay-child", "--dir", dir])["open"]!)
        open["pg", default: []].append(try child(["replay-child", "--dir", cacheA, "--url", pg.url])["open"]!)
    }
    _ = try child(["snapshot-child", "--dir", dir]); _ = try child(["snapshot-child", "--dir", cacheA, "--url", pg.url])
    for _ in 0..<runs {
        open["files+snap", default: []].append(try child(["replay-child", "--dir", dir, "--snapshot"])["open"]!)
        open["pg+snap", default: []].append(try child(["replay-child", "--dir", cacheA, "--url", pg.url, "--snapshot"])["open"]!)
    }
    print(String(format: "open, median of %d (fresh processes, page cache warm): full replay files %.2f s, database %.2f s; with the local snapshot files %.3f s, database %.3f s; load %@",
                 runs, median(open["files"]!), median(open["pg"]!), median(open["files+snap"]!), median(open["pg+snap"]!), load()))

    // Durable append, alternating files and database (each a fresh process with its snapshot).
    for round in 1...2 {
        let f = try child(["append-child", "--dir", dir, "--count", String(count)])
        let p = try child(["append-child", "--dir", cacheA, "--url", pg.url, "--count", String(count)])
        print(String(format: "durable append, round %d, %d contacts each: files median %.3f ms p99 %.3f ms; database median %.3f ms p99 %.3f ms; load %@",
                     round, count, f["median"]!, f["p99"]!, p["median"]!, p["p99"]!, load()))
    }

    // Refresh between two hosts: B listens (its own cache), A appends one contact every 10 ms.
    let notes = 200
    let storeA = try benchStore(dir: cacheA, url: pg.url)
    let serviceA = CaseService(store: storeA, terminal: "hostA")
    let targets = Array(storeA.projection.citizens.values.prefix(50))
    try? FileManager.default.removeItem(atPath: cacheB + "/ready")
    let listener = try spawn(["listener-child", "--dir", cacheB, "--url", pg.url, "--until", String(storeA.lastSeq + notes)])
    while access(cacheB + "/ready", F_OK) != 0 { usleep(10_000) }
    var returned: [Int: Double] = [:]
    for i in 0..<notes {
        let c = targets[i % targets.count]
        try serviceA.execute(.logContact(citizen: c.id, channel: .phone, note: "benchmark", at: nil), as: c.responsible)
        returned[storeA.lastSeq] = Double(nowNs())
        usleep(10_000)
    }
    let seen = try collect(listener) as! [String: Double]
    let gaps = returned.compactMap { seq, t in seen[String(seq)].map { ($0 - t) / 1e6 } }
    print(String(format: "refresh between two hosts (LISTEN/NOTIFY, polled every 0.1 ms): %d of %d seen; median %.3f ms, p99 %.3f ms, max %.3f ms; load %@",
                 gaps.count, notes, median(gaps), pct(gaps, 99), gaps.max() ?? 0, load()))

    // Concurrent writers, each its own process and connection (files: its own open of the files).
    for (name, args) in [("files", ["--dir", dir]), ("database", ["--url", pg.url])] {
        let start = nowNs() + 10_000_000_000
        let per = count / writers
        for w in 0..<writers where name == "database" {
            try? FileManager.default.removeItem(atPath: base + "-writer\(w)")
            try FileManager.default.createDirectory(atPath: base + "-writer\(w)", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: cacheA + "/" + Store.snapshotFile, toPath: base + "-writer\(w)/" + Store.snapshotFile)
        }
        let procs = try (0..<writers).map { w in
            try spawn(["writer-child", "--count", String(per), "--start", String(start)] + (name == "files" ? args : ["--dir", base + "-writer\(w)"] + args))
        }
        let results = try procs.map { try collect($0) as! [String: Any] }
        let lat = results.flatMap { $0["lat"] as! [Double] }
        let begin = results.map { $0["begin"] as! Double }.min()!, end = results.map { $0["end"] as! Double }.max()!
        let late = results.filter { $0["late"] as! Bool }.count
        print(String(format: "%d concurrent writers, %@, %d contacts each: %.0f events/s; latency median %.3f ms, p99 %.3f ms; %d started late; load %@",
                     writers, name, per, Double(lat.count) / ((end - begin) / 1e9), median(lat), pct(lat, 99), late, load()))
    }
}
