@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation
import Glibc

// enplan-bench: the store's figures at municipal scale, in a release build.
//   swift run -c release enplan-bench [--dir DIR] [--citizens 100000] [--events 2000000] [--runs 3]
// Each measurement runs in a fresh child process (the same binary, a phase argument), so peak
// memory and start-up are those of one phase, from a warm page cache.

let started = Date()
let argv = Array(CommandLine.arguments.dropFirst())

func option(_ name: String, _ fallback: String) -> String {
    if let i = argv.firstIndex(of: "--" + name), i + 1 < argv.count { return argv[i + 1] }
    return fallback
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// The resident memory now (the state itself, once loading's temporary buffers are gone).
func residentMB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

func emit(_ pairs: [(String, Double)]) {
    print("{" + pairs.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
}

let dir = option("dir", NSTemporaryDirectory() + "enplan-bench")

switch argv.first {
case "replay-child":
    // Open the store: full replay (no snapshot) or snapshot + tail.
    var options = Store.Options()
    options.useSnapshot = argv.contains("--snapshot")
    options.snapshotAfter = Int.max
    options.database = argv.contains("--url") ? option("url", "") : nil
    let t0 = Date()
    let store = try Store(directory: dir, options: options)
    let open = Date().timeIntervalSince(t0)
    precondition(store.readOnlyReason == nil, "the benchmark store is damaged")
    emit([("open", open), ("sinceStart", Date().timeIntervalSince(started)), ("events", Double(store.lastSeq)),
          ("replayed", Double(store.replayedAtOpen)), ("citizens", Double(store.projection.citizens.count)), ("peakMB", peakMemoryMB()),
          ("residentMB", residentMB())])

case "memory-child":
    try memoryChild(dir: dir)

case "decode-child":
    // Decoding alone (hash, JSON, chain), no projection: where the replay's time goes.
    let t0 = Date()
    var n = 0
    try Store.scanFile(directory: dir) { _ in n += 1 }
    emit([("decode", Date().timeIntervalSince(t0)), ("events", Double(n)), ("peakMB", peakMemoryMB())])

case "tui-child":
    try tuiChild(dir: dir)

case "plan-child":
    try planChild(dir: dir)

case "calendar-child":
    try calendarChild(dir: dir)

case "append-child":
    let count = Int(option("count", "2000"))!
    // --no-head: without `store.head` (the durable append as it was before it), for the comparison.
    var appendOptions = Store.Options(); appendOptions.keepHead = !argv.contains("--no-head")
    appendOptions.database = argv.contains("--url") ? option("url", "") : nil
    let store = try Store(directory: dir, options: appendOptions)
    let service = CaseService(store: store, terminal: "bench")
    let targets = Array(store.projection.citizens.values.prefix(200))
    var latencies: [Double] = []
    for i in 0..<count {
        let c = targets[i % targets.count]
        let t0 = DispatchTime.now().uptimeNanoseconds
        try service.execute(.logContact(citizen: c.id, channel: .phone, note: "benchmark", at: nil), as: c.responsible)
        latencies.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    latencies.sort()
    emit([("median", latencies[latencies.count / 2]), ("p99", latencies[latencies.count * 99 / 100]), ("max", latencies.last!)])

case "dashboard-child":
    try dashboardChild(dir: dir)

case "section-child":
    try sectionChild(dir: dir)

case "review-child":
    try reviewChild(dir: dir)

case "erasure-child":
    // On a copy of the store (`--dir` is changed): close, archive, erase and verify, timed apart.
    try erasureChild(dir: dir, archive: option("archive", dir + "-archive"), count: Int(option("count", "1000"))!)

case "residue-child":
    // The retention run's last step, the search of the data directory for the erased people's names
    // and numbers, for `--count` made-up people found nowhere (a name, and a CPR number on day 32
    // written both ways): what it costs on a store where none is left.
    var terms: [String] = []
    for i in 0..<Int(option("count", "1"))! {
        let digits = String(format: "32%02d%02d%04d", i % 12 + 1, i % 100, 1000 + i % 9000)
        terms += ["Ingen Ingensen \(i)", digits, String(digits.prefix(6)) + "-" + String(digits.suffix(4))]
    }
    let t0 = DispatchTime.now().uptimeNanoseconds
    let hits = CaseService.filesMentioning(terms, in: dir)
    emit([("terms", Double(terms.count)), ("search", Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9), ("files", Double(hits.count)),
          ("peakMB", statusMB("VmHWM"))])

case "format1-child":
    // The same events written again in format 1 (before 0.15: no salt, the hash over the line) in
    // `--to DIR`, to measure what format 2 costs on the same log:  enplan-bench format1-child --dir DIR --to DIR1
    let to = option("to", dir + "-format1")
    try FileManager.default.createDirectory(atPath: to, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: to + "/" + Store.eventsFile, contents: nil),
          FileManager.default.createFile(atPath: to + "/" + Store.auditFile, contents: nil),
          let out = FileHandle(forWritingAtPath: to + "/" + Store.eventsFile) else { throw BenchError("cannot write in \(to)") }
    var prev = LogLine.genesisHash, buffer: [UInt8] = [], n = 0, last = ""
    try Store.scanFile(directory: dir) { e in
        let line = LogLine.encode(seq: e.seq, ts: e.ts, actor: e.actor, type: e.type, stream: e.stream, version: e.version, data: e.data,
                                  prev: prev, format: 1)
        buffer += line.bytes; prev = line.hash; n += 1; last = e.ts.iso
        if buffer.count > 4 << 20 { out.write(Data(buffer)); buffer.removeAll(keepingCapacity: true) }
    }
    out.write(Data(buffer))
    try out.close()
    // `store.head` as the store writes it: the events' record (128 bytes), the audit log's empty.
    var head = "events \(n) \(prev) \(last)"
    head += String(repeating: " ", count: 127 - head.utf8.count) + "\n"
    try head.write(toFile: to + "/store.head", atomically: false, encoding: .utf8)
    emit([("lines", Double(n))])

case "snapshot-child":
    var options = Store.Options(); options.useSnapshot = false
    options.database = argv.contains("--url") ? option("url", "") : nil
    let store = try Store(directory: dir, options: options)
    let t0 = Date()
    try store.writeSnapshot()
    emit([("write", Date().timeIntervalSince(t0))])

case "postgres":
    try postgresRows(dir: dir, runs: Int(option("runs", "3"))!)

case "writer-child":
    try writerChild(dir: dir, url: argv.contains("--url") ? option("url", "") : nil, count: Int(option("count", "250"))!, startNs: UInt64(option("start", "0"))!)

case "listener-child":
    try listenerChild(dir: dir, url: option("url", ""), until: Int(option("until", "0"))!)

case "units-child":
    try unitsChild(dir: dir)

case "append-compare":
    // The durable append with and without `store.head`, alternating in fresh processes on a small
    // store, so both see the same disk at the same time:  enplan-bench append-compare [--rounds 5]
    if !FileManager.default.fileExists(atPath: dir + "/" + Store.eventsFile) {
        let service = CaseService(store: try Store(directory: dir), terminal: "bench")
        var demo = DemoData.Options(); demo.citizens = 300
        _ = try DemoData.fill(service, options: demo)
    }
    func run(_ args: [String]) throws -> [String: Double] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        p.arguments = args + ["--dir", dir]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [String: Double]) ?? [:]
    }
    var with: [Double] = [], without: [Double] = [], withP99: [Double] = [], withoutP99: [Double] = []
    for _ in 0..<Int(option("rounds", "5"))! {
        let a = try run(["append-child", "--count", "1000"]), b = try run(["append-child", "--count", "1000", "--no-head"])
        with.append(a["median"]!); withP99.append(a["p99"]!); without.append(b["median"]!); withoutP99.append(b["p99"]!)
    }
    func med(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
    print(String(format: "durable append, median of %d rounds of 1,000: with store.head %.3f ms (p99 %.3f), without %.3f ms (p99 %.3f)",
                 with.count, med(with), med(withP99), med(without), med(withoutP99)))
    print("rounds with: " + with.map { String(format: "%.3f", $0) }.joined(separator: " ") + "; without: " + without.map { String(format: "%.3f", $0) }.joined(separator: " "))

default:
    let citizens = Int(option("citizens", "100000"))!
    let targetEvents = Int(option("events", "2000000"))!
    let runs = Int(option("runs", "3"))!
    let eventsPath = dir + "/" + Store.eventsFile

    if !FileManager.default.fileExists(atPath: eventsPath) {
        print("Generating \(citizens) citizens and \(targetEvents) events in \(dir) …")
        let t0 = Date()
        var options = Store.Options(); options.snapshotAfter = Int.max
        let store = try Store(directory: dir, options: options)
        let service = CaseService(store: store, terminal: "bench")
        var demo = DemoData.Options()
        demo.citizens = citizens
        demo.batch = 1000
        _ = try DemoData.fill(service, options: demo)
        // Top up with contacts (the commonest event) to the target count.
        var rng = SeededRandom(seed: 42)
        let ids = store.projection.citizens.values.map { ($0.id, $0.responsible) }.sorted { $0.0 < $1.0 }
        while store.lastSeq < targetEvents {
            let n = min(20_000, targetEvents - store.lastSeq)
            try service.execute(batch: (0..<n).map { _ in
                let (id, user) = rng.pick(ids)
                return (user, .logContact(citizen: id, channel: rng.pick(Channel.allCases), note: rng.chance(0.4) ? "Opfølgende samtale om planen" : nil, at: nil))
            })
        }
        print(String(format: "Generated %d events in %.1f s.", store.lastSeq, Date().timeIntervalSince(t0)))
        try? FileManager.default.removeItem(atPath: dir + "/" + Store.snapshotFile)
    }

    func child(_ args: [String]) throws -> (json: [String: Double], wall: Double) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        p.arguments = args + ["--dir", dir]
        let out = Pipe()
        p.standardOutput = out
        let t0 = Date()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let wall = Date().timeIntervalSince(t0)
        guard p.terminationStatus == 0, let o = try JSONSerialization.jsonObject(with: data) as? [String: Double] else {
            fatalError("child \(args) failed: \(String(decoding: data, as: UTF8.self))")
        }
        return (o, wall)
    }
    if argv.contains("--only-generate") { exit(0) }
    if argv.contains("--only-sessions") { try sessionRows(dir: dir, runs: runs); exit(0) }

    if argv.contains("--only-replay") { try replayRows(dir: dir, runs: runs, child: child); exit(0) }
    if argv.contains("--only-erasure") { try erasureRows(dir: dir, runs: runs, count: Int(option("count", "1000"))!, child: child); exit(0) }

    if argv.contains("--only-dashboard") {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        p.arguments = ["dashboard-child", "--dir", dir]
        try p.run(); p.waitUntilExit()
        exit(p.terminationStatus)
    }

    func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

    let size = Double((try FileManager.default.attributesOfItem(atPath: eventsPath)[.size] as? Int) ?? 0) / 1e6
    // Warm the page cache (the figures are for a log read from memory, like DESIGN.md's).
    _ = try child(["replay-child"])
    let full = try (0..<runs).map { _ in try child(["replay-child"]) }
    let snapWrite = try child(["snapshot-child"])
    let snap = try (0..<runs).map { _ in try child(["replay-child", "--snapshot"]) }
    let snapSize = Double((try FileManager.default.attributesOfItem(atPath: dir + "/" + Store.snapshotFile)[.size] as? Int) ?? 0) / 1e6
    let events = full[0].json["events"]!
    let append = try child(["append-child", "--count", "2000"])
    let appendNoHead = try child(["append-child", "--count", "2000", "--no-head"])
    let tui = try child(["tui-child"])
    let cal = try child(["calendar-child"])
    let plan = try child(["plan-child"])
    let dash = try child(["dashboard-child"])
    let review = try child(["review-child"])

    let fullOpen = median(full.map { $0.json["open"]! })
    print("")
    print(String(format: "Log: %.0f events, %.0f citizens, %.0f MB (%.0f bytes a line); snapshot %.0f MB, written in %.2f s",
                 events, full[0].json["citizens"]!, size, size * 1e6 / events, snapSize, snapWrite.json["write"]!))
    print("Medians of \(runs) runs, each in a fresh process, page cache warm:")
    print("| measurement | without snapshot | with snapshot |")
    print("|---|---|---|")
    print(String(format: "| open the store (replay, hash check, apply) | %.2f s | %.2f s |", fullOpen, median(snap.map { $0.json["open"]! })))
    print(String(format: "| events/s replayed | %.0f | (%.0f events after the snapshot) |", events / fullOpen, snap[0].json["replayed"]!))
    print(String(format: "| process start to usable projection | %.2f s | %.2f s |", median(full.map { $0.wall }), median(snap.map { $0.wall })))
    print(String(format: "| peak memory (RSS) | %.0f MB | %.0f MB |", median(full.map { $0.json["peakMB"]! }), median(snap.map { $0.json["peakMB"]! })))
    print(String(format: "| resident after opening | %.0f MB | %.0f MB |", median(full.map { $0.json["residentMB"]! }), median(snap.map { $0.json["residentMB"]! })))
    print(String(format: "Durable append (2,000 contacts on this store): median %.3f ms, p99 %.3f ms, max %.3f ms; without store.head: median %.3f ms, p99 %.3f ms",
                 append.json["median"]!, append.json["p99"]!, append.json["max"]!, appendNoHead.json["median"]!, appendNoHead.json["p99"]!))
    print(String(format: "Citizen list, %.0f citizens, 200x50 screen: login and load %.2f s; search keystroke (filter + render) median %.2f ms, worst %.2f ms over %.0f keys; full-screen render median %.2f ms, worst %.2f ms; taking in another terminal's change median %.1f ms",
                 tui.json["citizens"]!, tui.json["loginLoad"]!, tui.json["keyMedian"]!, tui.json["keyMax"]!, tui.json["keys"]!,
                 tui.json["renderMedian"]!, tui.json["renderMax"]!, tui.json["refreshMedian"]!))
    print(String(format: "Calendar, %.0f meetings in a year: week view render median %.2f ms, worst %.2f ms; a week on (read + render) median %.2f ms, worst %.2f ms; first free slot for 2-3 people and a room median %.3f ms, worst %.3f ms",
                 cal.json["meetings"]!, cal.json["weekRenderMedian"]!, cal.json["weekRenderMax"]!, cal.json["weekMoveMedian"]!, cal.json["weekMoveMax"]!,
                 cal.json["freeSlotMedian"]!, cal.json["freeSlotMax"]!))
    print(String(format: "Plan screen, 100 citizens: open (read, audit-log, render) median %.2f ms, worst %.2f ms; journey of ~%.0f events (read through the line index, render) median %.2f ms, worst %.2f ms; a form's save (durable) median %.2f ms, worst %.2f ms",
                 plan.json["openMedian"]!, plan.json["openMax"]!, plan.json["entriesMedian"]!, plan.json["journeyMedian"]!, plan.json["journeyMax"]!,
                 plan.json["saveMedian"]!, plan.json["saveMax"]!))
    print(String(format: "Dashboard, %.0f citizens (a supervisor, this quarter), each section from nothing, median of 5: " +
                 FigureSection.allCases.map { "\($0.rawValue) %.1f ms" }.joined(separator: ", ") + "; all sections %.1f ms; cached %.2f ms; the first read after opening (fills the citizen array) %.1f ms; a filter change %.1f ms; after a change (all sections) %.1f ms; opened by a fresh service (all sections) %.1f ms; after another terminal's change (all sections) %.1f ms",
                 arguments: [dash.json["citizens"]!] + FigureSection.allCases.map { dash.json[$0.rawValue]! } + [dash.json["total"]!, dash.json["cached"]!, dash.json["firstRead"]!, dash.json["filterChange"]!, dash.json["afterChange"]!,
                             dash.json["open"]!, dash.json["otherTerminal"]!]))
    print(String(format: "Quarterly review draw over %.0f plans (decided, not written): median of 5 %.1f ms; the event's line %.0f KB",
                 review.json["population"]!, review.json["drawMedian"]!, review.json["lineBytes"]! / 1024))
}
