@_spi(Store) import EnPlanDomain
import Foundation
import Glibc

// The retention run at scale: `--only-erasure` copies the store to a scratch folder for each run
// (the copy is not timed) and runs `erasure-child` on the copy, which closes citizens six years
// back, archives them, erases them, and verifies the store after.

/// A figure of /proc/self/status in MB: `VmHWM` (the peak resident memory so far, mapped files'
/// pages included), `RssAnon` (the process's own memory now).
func statusMB(_ key: String) -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

/// On a copy of the store (`dir` is the copy: it is changed): closes `count` citizens (every
/// n-th by number, spread over the log) on the day six years before the store's clock, as their
/// responsible caseworker, in one batch; then `CaseService.archive` to `archive` and
/// `CaseService.runRetention` with the default policy, timed apart; then `Store.verify`.
func erasureChild(dir: String, archive: String, count: Int) throws {
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t = DispatchTime.now().uptimeNanoseconds; try body(); return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9
    }
    var store: Store!
    let openTime = try seconds { store = try Store(directory: dir) }
    precondition(store.readOnlyReason == nil, "the benchmark store is damaged")
    let service = CaseService(store: store, terminal: "bench")
    let admin = store.projection.users.first { $0.role == .admin }!.id
    let closedOn = service.today.adding(years: -6)
    let openCases = store.projection.citizens.values.filter { $0.closed == nil }
    let ids = openCases.map { ($0.id, $0.responsible) }.sorted { Int($0.0.dropFirst())! < Int($1.0.dropFirst())! }
    let step = max(1, ids.count / count)
    let chosen = Array(stride(from: 0, to: ids.count, by: step).prefix(count).map { ids[$0] })
    let close = try seconds {
        _ = try service.execute(batch: chosen.map { ($0.1, .closeCase(citizen: $0.0, date: closedOn, reason: "Flyttet fra kommunen")) })
    }
    let policy = RetentionPolicy()
    var archived: ArchiveReport!
    let archiveTime = try seconds { archived = try service.archive(as: admin, policy: policy, to: archive) }
    var run: RetentionRun!
    let runTime = try seconds { run = try service.runRetention(as: admin, policy: policy, dryRun: false) }
    precondition(run.citizens.count == chosen.count, "erased \(run.citizens.count) of \(chosen.count)")
    let peakAfterRun = statusMB("VmHWM"), ownAfterRun = statusMB("RssAnon")
    var reports: [VerifyReport] = []
    let verify = try seconds { reports = try Store.verify(directory: dir, mark: false) }
    let problems = reports.reduce(0) { $0 + $1.problems.count }
    precondition(problems == 0, "verify after the erasure: \(reports.flatMap(\.problems))")
    emit([("open", openTime), ("close", close), ("citizens", Double(run.citizens.count)), ("archive", archiveTime),
          ("archivedEventLines", Double(archived.eventLines)), ("archivedAuditLines", Double(archived.auditLines)),
          ("run", runTime), ("erasedEventLines", Double(run.eventLines)), ("erasedAuditLines", Double(run.auditLines)),
          ("residueFiles", Double(run.residue.count)), ("verify", verify),
          ("verifiedLines", Double(reports.reduce(0) { $0 + $1.lines })), ("peakMB", statusMB("VmHWM")),
          ("peakAfterRunMB", peakAfterRun), ("ownAfterRunMB", ownAfterRun)])
}

/// `--only-erasure`: `runs` fresh copies of the store, each erased by a child of its own; medians.
func erasureRows(dir: String, runs: Int, count: Int, child: ([String]) throws -> (json: [String: Double], wall: Double)) throws {
    func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
    let scratch = option("scratch", dir + "-erasure")
    let fm = FileManager.default
    var results: [[String: Double]] = []
    for i in 0..<runs {
        let copy = scratch + "/store", archive = scratch + "/archive"
        try? fm.removeItem(atPath: scratch)
        try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let cp = Process()
        cp.executableURL = URL(fileURLWithPath: "/bin/cp")
        cp.arguments = ["-a", dir, copy]
        try cp.run(); cp.waitUntilExit()
        guard cp.terminationStatus == 0 else { throw BenchError("cannot copy \(dir) to \(copy)") }
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        var r = try child(["erasure-child", "--dir", copy, "--archive", archive, "--count", "\(count)"]).json
        // `enplan verify` on the erased copy, as an administrator runs it (a process of its own).
        let verify = Process()
        verify.executableURL = URL(fileURLWithPath: enplanBinary)
        verify.arguments = ["--data-dir", copy, "verify"]
        verify.standardOutput = FileHandle.nullDevice
        let t0 = DispatchTime.now().uptimeNanoseconds
        try verify.run(); verify.waitUntilExit()
        guard verify.terminationStatus == 0 else { throw BenchError("`enplan verify` of the erased copy failed: \(verify.terminationStatus)") }
        r["verifyProcess"] = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        results.append(r)
        print(String(format: "run %d (load %@): open %.2f s, close %.2f s, archive %.2f s, run %.2f s, verify %.2f s (as a process %.2f s), peak %.0f MB (after the run %.0f MB, own %.0f MB); %.0f citizens, %.0f event lines archived, %.0f erased (%.0f audit)",
                     i + 1, load, r["open"]!, r["close"]!, r["archive"]!, r["run"]!, r["verify"]!, r["verifyProcess"]!, r["peakMB"]!, r["peakAfterRunMB"]!, r["ownAfterRunMB"]!, r["citizens"]!,
                     r["archivedEventLines"]!, r["erasedEventLines"]!, r["erasedAuditLines"]!))
        try? fm.removeItem(atPath: scratch)
    }
    func m(_ k: String) -> Double { median(results.map { $0[k]! }) }
    print("| measurement | median of \(runs) |")
    print("|---|---|")
    print(String(format: "| close %.0f cases six years back (one batch, as their caseworkers) | %.2f s |", m("citizens"), m("close")))
    print(String(format: "| `archive`: the copy of %.0f cases (%.0f event lines), written, read back, recorded | %.2f s |", m("citizens"), m("archivedEventLines"), m("archive")))
    print(String(format: "| `retention run`: record, erase %.0f event lines and %.0f audit lines in place, snapshot, search the directory | %.2f s |", m("erasedEventLines"), m("erasedAuditLines"), m("run")))
    print(String(format: "| `verify` afterwards: in the same process; `enplan verify` as a process | %.2f s; %.2f s |", m("verify"), m("verifyProcess")))
    print(String(format: "| peak memory of the process (VmHWM, mapped files' pages included): after the run; after verify too | %.0f MB; %.0f MB |", m("peakAfterRunMB"), m("peakMB")))
    print(String(format: "| the process's own memory (RssAnon) after the run | %.0f MB |", m("ownAfterRunMB")))
}
