import EnPlanDomain
import Foundation
import Glibc

// Real sessions: the `enplan` binary beside this one on a pseudo-terminal of its own, as a
// caseworker's terminal runs it. What it draws is read from the pty, so "the login form is up"
// and "the list is up" are what the child itself put on the screen, each with a deadline.

/// One `enplan` process on a pty (100×30, TERM=xterm-256color).
final class PtySession {
    let pid: pid_t
    let master: Int32
    let started: UInt64
    /// Everything drawn so far (escape sequences and all).
    private(set) var screen: [UInt8] = []

    init(_ executable: String, _ args: [String], rows: UInt16 = 30, cols: UInt16 = 100) throws {
        // posix_openpt/unlockpt/ptsname by hand (Glibc's module does not export them): the
        // multiplexer, TIOCSPTLCK to unlock, TIOCGPTN for the number (Linux's <asm-generic/ioctls.h>).
        let m = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard m >= 0, ioctl(m, 0x4004_5431, &unlock) == 0, ioctl(m, 0x8004_5430, &number) == 0 else { throw BenchError("no pty: errno \(errno)") }
        let name = "/dev/pts/\(number)"
        var ws = winsize(ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(m, UInt(TIOCSWINSZ), &ws)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)   // after setsid: the controlling terminal
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, 0x80)   // POSIX_SPAWN_SETSID (glibc): a session of its own
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"; env["LINES"] = "\(rows)"; env["COLUMNS"] = "\(cols)"
        env["LANG"] = "C.UTF-8"
        let argv = [executable] + args
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var p: pid_t = 0
        started = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&p, executable, &actions, &attr, cArgs, cEnv)
        guard rc == 0 else { throw BenchError("cannot start \(executable): \(rc)") }
        pid = p
        master = m
        _ = fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK)
    }

    /// Reads what is there now; true if anything came.
    @discardableResult
    func drain() -> Bool {
        var buf = [UInt8](repeating: 0, count: 65536)
        var any = false
        while true {
            let n = read(master, &buf, buf.count)
            if n <= 0 { return any }
            screen.append(contentsOf: buf[0..<n]); any = true
        }
    }

    /// Waits until `text` is drawn after byte `from` (the pty's output); the time it appeared, in
    /// nanoseconds of the monotonic clock.
    func wait(for text: String, from: Int = 0, seconds: Double = 120) throws -> UInt64 {
        let needle = Array(text.utf8)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        while true {
            drain()
            if screen.count >= from + needle.count, screen[from...].firstRange(of: needle) != nil { return DispatchTime.now().uptimeNanoseconds }
            guard DispatchTime.now().uptimeNanoseconds < deadline else {
                throw BenchError("pid \(pid): \"\(text)\" not drawn in \(seconds) s; it drew: \(String(decoding: screen.suffix(600), as: UTF8.self))")
            }
            var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 1, 20)
        }
    }

    /// Waits until the store is open behind the form: the thread that opens it ("enplan-open",
    /// `ServiceLoader`) has ended. The time it was seen gone.
    /// The thread names itself as it starts, so it is first waited for (a build without it, or a
    /// thread already done: not seen within 3 s), then waited out.
    func waitLoaded(seconds: Double = 300) throws -> UInt64 {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        let appears = DispatchTime.now().uptimeNanoseconds + 3_000_000_000
        var seen = false
        while true {
            drain()
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
            let opening = tasks.contains { ((try? String(contentsOfFile: "/proc/\(pid)/task/\($0)/comm", encoding: .utf8)) ?? "").hasPrefix("enplan-open") }
            seen = seen || opening
            if !opening && (seen || DispatchTime.now().uptimeNanoseconds > appears) { return DispatchTime.now().uptimeNanoseconds }
            guard DispatchTime.now().uptimeNanoseconds < deadline else { throw BenchError("pid \(pid): the store did not open in \(seconds) s") }
            usleep(5_000)
        }
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Private_Dirty, Pss and Rss from /proc/PID/smaps_rollup, in MB.
    func memory() -> (privateDirty: Double, pss: Double, rss: Double) {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Double {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
        }
        return (field("Private_Dirty"), field("Pss"), field("Rss"))
    }

    /// SIGTERM (the program gives the terminal back and ends), then waits for it.
    func end() {
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            drain()
            if Date() > deadline { kill(pid, SIGKILL); waitpid(pid, &status, 0); break }
            usleep(10_000)
        }
        close(master)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// The `enplan` binary built beside this one, or `--enplan PATH` (another build, for a before/after
/// in the same run).
var enplanBinary: String {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: "--enplan"), i + 1 < args.count { return args[i + 1] }
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? args[0]
    return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("enplan").path
}

/// What is drawn when the login form is up, and when the citizen list is (its key bar).
let loginMarker = "Adgangskode"
let listMarker = "sorteret efter"

/// Process start to the login form drawn, and to the store open behind it, in seconds.
func timeToLogin(dir: String) throws -> (form: Double, loaded: Double) {
    let s = try PtySession(enplanBinary, ["--data-dir", dir, "--lang", "da"])
    defer { s.end() }
    let drawn = try s.wait(for: loginMarker)
    let loaded = try s.waitLoaded()
    return (Double(drawn - s.started) / 1e9, Double(loaded - s.started) / 1e9)
}

/// `count` sessions at once, each logged in as `user` and showing the list; returns Enter to the
/// list drawn (seconds) for each, and each one's memory while all are logged in.
func loggedInSessions(dir: String, count: Int, user: String, password: String) throws -> (login: [Double], memory: [(privateDirty: Double, pss: Double, rss: Double)]) {
    var sessions: [PtySession] = []
    defer { sessions.forEach { $0.end() } }
    var logins: [Double] = []
    for _ in 0..<count {
        let s = try PtySession(enplanBinary, ["--data-dir", dir, "--lang", "da"])
        sessions.append(s)
        _ = try s.wait(for: loginMarker)
        // Typed as a person would: the user id, Tab, the password; Enter once the store is open
        // (the load behind the form is its own row), so this is Enter to the list.
        s.type(user + "\t" + password)
        _ = try s.waitLoaded()
        let from = s.screen.count
        let t0 = DispatchTime.now().uptimeNanoseconds
        s.type("\r")
        let t1 = try s.wait(for: listMarker, from: from)
        logins.append(Double(t1 - t0) / 1e9)
    }
    // Give each a moment's ticks (the list's refresh), then read them all.
    for s in sessions { s.drain() }
    return (logins, sessions.map { $0.memory() })
}

/// The rows of real sessions, each the median of `runs`, alternated with a yardstick run in the
/// same moments (`wc -l` of the log: reading the file once), so a loaded machine shows in both.
func sessionRows(dir: String, runs: Int) throws {
    func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
    func yardstick() -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let fd = open(dir + "/events.jsonl", O_RDONLY)
        var buf = [UInt8](repeating: 0, count: 1 << 20)
        var lines = 0
        while true {
            let n = read(fd, &buf, buf.count)
            if n <= 0 { break }
            for i in 0..<n where buf[i] == 0x0A { lines += 1 }
        }
        close(fd)
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }
    var forms: [Double] = [], loads: [Double] = [], yard: [Double] = []
    for _ in 0..<runs {
        let t = try timeToLogin(dir: dir)
        forms.append(t.form); loads.append(t.loaded)
        yard.append(yardstick())
    }
    print(String(format: "| process start to the login form drawn (pty) | %.3f s | (runs: %@) |", median(forms), forms.map { String(format: "%.3f", $0) }.joined(separator: " ")))
    print(String(format: "| process start to the store open behind it | %.2f s | (runs: %@) |", median(loads), loads.map { String(format: "%.2f", $0) }.joined(separator: " ")))
    print(String(format: "| yardstick: reading the log once, counting lines (same run) | %.2f s | |", median(yard)))
    let password = DemoData.password
    // A supervisor sees all 100,000 citizens; a jobcentre caseworker those whose case involves
    // the jobcentre (most of them in the benchmark's store): both lists are long.
    for (user, who) in [("karen", "a supervisor"), ("mette", "a caseworker")] {
        for n in [1, 8] {
            var logins: [Double] = [], priv: [Double] = [], pss: [Double] = [], rss: [Double] = []
            for _ in 0..<(n == 1 ? runs : 1) {
                let r = try loggedInSessions(dir: dir, count: n, user: user, password: password)
                logins += r.login; priv += r.memory.map(\.privateDirty); pss += r.memory.map(\.pss); rss += r.memory.map(\.rss)
            }
            print(String(format: "| %d session%@ logged in (%@, the list up): Enter to the list drawn | %.3f s | worst %.3f s |", n, n == 1 ? "" : "s", who, median(logins), logins.max()!))
            print(String(format: "| the same: private memory (Private_Dirty) each, median / total | %.0f MB | %.0f MB |", median(priv), priv.reduce(0, +)))
            print(String(format: "| the same: proportional memory (PSS) each, median / total | %.0f MB | %.0f MB |", median(pss), pss.reduce(0, +)))
            print(String(format: "| the same: resident (RSS) each, median | %.0f MB | |", median(rss)))
        }
    }
    let prepared = try supervisorWithFigures(dir: dir, password: password)
    print(String(format: "| a supervisor left idle until the dashboard's figures are prepared: private / PSS | %.0f MB | %.0f MB |", prepared.privateDirty, prepared.pss))
}

/// A supervisor's session left idle after logging in: the program prepares the dashboard's
/// figures then (`App.tick`). Memory is read once it has grown and then held still for 2 s (what
/// the child does, not a fixed wait), with a deadline.
func supervisorWithFigures(dir: String, password: String) throws -> (privateDirty: Double, pss: Double) {
    let s = try PtySession(enplanBinary, ["--data-dir", dir, "--lang", "da"])
    defer { s.end() }
    _ = try s.wait(for: loginMarker)
    s.type("karen\t" + password)
    _ = try s.waitLoaded()
    let from = s.screen.count
    s.type("\r")
    _ = try s.wait(for: listMarker, from: from)
    let atList = s.memory().privateDirty
    let deadline = Date().addingTimeInterval(120)
    var last = atList, stillSince = Date()
    while Date() < deadline {
        s.drain()
        usleep(250_000)
        let now = s.memory().privateDirty
        if abs(now - last) > 1 { last = now; stillSince = Date() }
        if last > atList + 10, Date().timeIntervalSince(stillSince) >= 2 { break }
    }
    guard Date() < deadline else { throw BenchError("the figures were not prepared in 120 s (private memory \(last) MB)") }
    let m = s.memory()
    return (m.privateDirty, m.pss)
}

/// The full replay, `enplan verify` and the open with the snapshot, each run alternated with
/// Python orjson merely parsing the same file (Benchmarks/orjson_parse.py), so both see the same
/// machine at the same moments; medians of `runs`, and the ratio of each pair.
func replayRows(dir: String, runs: Int, child: ([String]) throws -> (json: [String: Double], wall: Double)) throws {
    func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
    func timedProcess(_ argv: [String]) throws -> Double {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        p.standardOutput = FileHandle.nullDevice
        let t0 = DispatchTime.now().uptimeNanoseconds
        try p.run(); p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw BenchError("\(argv.joined(separator: " ")) failed: \(p.terminationStatus)") }
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Benchmarks/orjson_parse.py").path
    var full: [Double] = [], verify: [Double] = [], snap: [Double] = [], orjson: [Double] = [], peak: [Double] = [], resident: [Double] = []
    var snapResident: [Double] = []
    for _ in 0..<runs {
        full.append(try child(["replay-child"]).json["open"]!)
        orjson.append(try timedProcess(["/usr/bin/env", "python3", script, dir + "/events.jsonl", "1"]))
        verify.append(try timedProcess([enplanBinary, "--data-dir", dir, "verify"]))
        let s = try child(["replay-child", "--snapshot"])
        snap.append(s.json["open"]!); peak.append(s.json["peakMB"]!); resident.append(s.json["residentMB"]!)
        snapResident.append(s.json["residentMB"]!)
    }
    let o = median(orjson)
    print(String(format: "| full replay (read, every hash and the chain, decode, apply) | %.2f s | %.2f × orjson |", median(full), median(full) / o))
    print(String(format: "| `enplan verify` (every line of both logs, as a process) | %.2f s | %.2f × orjson |", median(verify), median(verify) / o))
    print(String(format: "| yardstick: Python orjson merely parsing every line, alternated (process) | %.2f s | runs %@ |", o, orjson.map { String(format: "%.2f", $0) }.joined(separator: " ")))
    print(String(format: "| open with the snapshot | %.2f s | resident after %.0f MB, peak %.0f MB |", median(snap), median(snapResident), median(peak)))
}
