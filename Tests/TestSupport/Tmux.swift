import Foundation
import XCTest

/// A real terminal for a test: a tmux server of the test's own (`-L`), one session in it, read
/// back with capture-pane. Waits are on what the pane shows, with a deadline, never a fixed
/// sleep. `kill()` (call it in tearDown) ends the server and what runs in it.
public final class TmuxPane {
    public let socket = "enplan-test-\(getpid())-\(Int.random(in: 0..<1_000_000))"
    public let session = "enplan-\(Int.random(in: 0..<1_000_000))"

    public init() {}

    /// Runs tmux. Only capture-pane's and display's output is read: a command that starts the
    /// tmux server would hand it the pipes, and reading them to their end would never finish.
    @discardableResult
    public func tmux(_ args: [String]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = env["TERM"] ?? "xterm-256color"
        env["TMUX"] = nil
        let reads = args.first == "capture-pane" || args.first == "display-message"
        return try Child.run(["tmux", "-L", socket] + args, environment: env, output: reads ? .capture : .discard, timeout: 30).stdout
    }

    /// Starts `command` (a shell line) in a `cols`×`rows` pane.
    public func start(_ command: String, cols: Int = 120, rows: Int = 40) throws {
        try tmux(["new-session", "-d", "-s", session, "-x", String(cols), "-y", String(rows), command])
    }

    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    /// The pane's line the terminal's cursor is on (the selected row of a list).
    public func cursorLine() throws -> String {
        let y = Int(try tmux(["display-message", "-p", "-t", session, "#{cursor_y}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let lines = try screen().components(separatedBy: "\n")
        return lines.indices.contains(y) ? lines[y] : ""
    }

    public func keys(_ k: String...) throws { try tmux(["send-keys", "-t", session] + k) }

    /// Waits (up to `timeout` s) until the screen shows `text` (or, `absent`, no longer does).
    @discardableResult
    public func waitFor(_ text: String, absent: Bool = false, timeout: TimeInterval = 10,
                        file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitUntil("the screen \(absent ? "still shows" : "never showed") \"\(text)\"", timeout: timeout, file: file, line: line) {
            $0.contains(text) != absent
        }
    }

    /// Waits (up to `timeout` s) until `done` holds for the screen; fails with `what` and the screen.
    @discardableResult
    public func waitUntil(_ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
                          _ done: (String) throws -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen()
            if try done(last) { return last }
            usleep(50_000)
        } while Date() < deadline
        XCTFail("\(what):\n\(last)", file: file, line: line)
        return last
    }

    public func kill() { _ = try? tmux(["kill-server"]) }
}
