import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Child processes for the tests, on posix_spawn and waitpid.
///
/// Not Foundation's `Process`: on Linux it learns that a child exited when a socket it hands the
/// child is closed, so a child that leaves a daemon behind (the first `tmux new-session` starts the
/// tmux server) is never seen to exit, and `waitUntilExit` hangs for ever (swift-corelibs-foundation
/// issue 4795). That hung CI, where no tmux server runs yet. waitpid cannot miss an exit, and every
/// wait here has a deadline, so a stuck child fails its test instead of stopping the run.
///
/// A class: what `waitForLines` has read is kept for `finish`.
public final class Child {
    public let pid: pid_t
    /// The read ends of the child's stdout and stderr pipes (-1 when not captured).
    private let out: Int32
    private let err: Int32
    /// The pipes not yet at end of file.
    private var open: [Int32]
    private var stdout: [UInt8] = []
    private var stderr: [UInt8] = []

    private init(pid: pid_t, out: Int32, err: Int32) {
        self.pid = pid; self.out = out; self.err = err
        open = [out, err].filter { $0 >= 0 }
    }

    public enum Output { case capture, discard }

    public struct Result {
        /// The exit status, or nil when a signal ended the child.
        public let status: Int32?
        public let signal: Int32?
        public let stdout: String
        public let stderr: String
    }

    /// Starts `argv` (looked up on PATH) with `environment` (default: this process's). The
    /// child's stdin gets `stdin` and then end of file.
    public static func start(_ argv: [String], environment: [String: String]? = nil, stdin: String? = nil,
                      output: Output = .capture) throws -> Child {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }

        var input: [Int32] = [-1, -1], out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard pipeClosedOnExec(&input) else { throw SpawnError(argv, errno) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        if output == .capture {
            guard pipeClosedOnExec(&out), pipeClosedOnExec(&err) else { throw SpawnError(argv, errno) }
            posix_spawn_file_actions_adddup2(&actions, out[1], 1)
            posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { cargv in
            withCStrings(env) { cenv in posix_spawnp(&pid, argv[0], &actions, nil, cargv, cenv) }
        }
        close(input[0])
        if output == .capture { close(out[1]); close(err[1]) }
        if status != 0 {
            close(input[1]); if output == .capture { close(out[0]); close(err[0]) }
            throw SpawnError(argv, status)
        }
        if let stdin {
            var bytes = Array(stdin.utf8)[...]
            while !bytes.isEmpty {
                let n = bytes.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
                if n <= 0 { break }
                bytes = bytes.dropFirst(n)
            }
        }
        close(input[1])
        return Child(pid: pid, out: out[0], err: err[0])
    }

    /// Runs `argv` to its end and returns what it printed.
    public static func run(_ argv: [String], environment: [String: String]? = nil, stdin: String? = nil,
                    output: Output = .capture, timeout: TimeInterval = 300) throws -> Result {
        try start(argv, environment: environment, stdin: stdin, output: output).finish(timeout: timeout)
    }

    /// Reads stdout and stderr together (so neither pipe can fill and stall the child) until
    /// both close, then reaps the child. Past the deadline the child is killed and this throws.
    public func finish(timeout: TimeInterval = 300) throws -> Result {
        let deadline = Date().addingTimeInterval(timeout)
        guard read(until: { false }, deadline: deadline) else { send(SIGKILL); _ = reap(); throw Timeout(pid: pid, seconds: timeout) }
        while true {
            if let (status, signal) = reapNow() {
                return Result(status: status, signal: signal, stdout: String(decoding: stdout, as: UTF8.self),
                              stderr: String(decoding: stderr, as: UTF8.self))
            }
            if Date() > deadline { send(SIGKILL); _ = reap(); throw Timeout(pid: pid, seconds: timeout) }
            usleep(2_000)
        }
    }

    /// Reads (stderr too, so neither pipe can fill) until the child has printed `count` whole lines
    /// on stdout, or closed it, or `timeout` passed. True when the lines are there. What was read
    /// stays for `finish`. For acting on what a child reported instead of on a fixed sleep.
    public func waitForLines(_ count: Int = 1, timeout: TimeInterval) -> Bool {
        let newline = UInt8(ascii: "\n")
        var seen = 0, scanned = 0
        func enough() -> Bool {
            for b in stdout[scanned...] where b == newline { seen += 1 }
            scanned = stdout.count
            return seen >= count
        }
        _ = read(until: enough, deadline: Date().addingTimeInterval(timeout))
        return enough()
    }

    /// Polls the open pipes, appending what arrives, until `done()` or both pipes closed (true),
    /// or the deadline (false).
    private func read(until done: () -> Bool, deadline: Date) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty && !done() {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let left = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            let ready = poll(&fds, nfds_t(fds.count), min(left, 1000))
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 {
                if Date() > deadline { return false }
                continue
            }
            for f in fds where f.revents != 0 {
                let n = Glibc.read(f.fd, &buffer, buffer.count)
                if n > 0 { if f.fd == out { stdout += buffer[0..<n] } else { stderr += buffer[0..<n] } } else if n == 0 || errno != EINTR {
                    close(f.fd); open.removeAll { $0 == f.fd }
                }
            }
        }
        return true
    }

    public func send(_ signal: Int32) { _ = kill(pid, signal) }

    private func reap() -> (Int32?, Int32?) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return decode(status)
    }

    private func reapNow() -> (Int32?, Int32?)? {
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { return decode(status) }
        if r < 0 && errno != EINTR { return (nil, nil) }
        return nil
    }

    private func decode(_ status: Int32) -> (Int32?, Int32?) {
        let signal = status & 0x7f
        return signal == 0 ? ((status >> 8) & 0xff, nil) : (nil, signal)
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public let argv: [String], code: Int32
        public init(_ argv: [String], _ code: Int32) { self.argv = argv; self.code = code }
        public var description: String { "cannot start \(argv.joined(separator: " ")): \(String(cString: strerror(code)))" }
    }

    public struct Timeout: Error, CustomStringConvertible {
        public let pid: pid_t, seconds: TimeInterval
        public var description: String { "child \(pid) still running after \(Int(seconds)) s: killed" }
    }
}

/// A pipe whose ends stay out of every child but the one they are handed to (the tests run one
/// at a time, so nothing spawns between pipe and fcntl).
private func pipeClosedOnExec(_ fds: inout [Int32]) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
}

/// NULL-terminated C string arrays for posix_spawn.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}

/// Whether a command is on PATH.
public func onPath(_ tool: String) -> Bool {
    (try? Child.run(["sh", "-c", "command -v \(tool)"], output: .discard).status) == 0
}
