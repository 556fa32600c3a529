import Foundation
import XCTest
import EnPlanDomain

/// Runs the real `enplan` executable that `swift test` built, as a separate process.
public enum Binary {
    public static let url: URL = {
        // The test bundle lives in the products directory, beside the executable.
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("enplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        for b in Bundle.allBundles {
            let candidate = b.bundleURL.deletingLastPathComponent().appendingPathComponent("enplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        fatalError("cannot find the enplan executable near \(Bundle.main.bundleURL.path)")
    }()

    public struct Result {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    public static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env[ProgramClock.variable] = ProcessClock.start
        return env
    }

    /// `env` is added to the environment (SSH_ORIGINAL_COMMAND, say).
    public static func start(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> Child {
        try Child.start([url.path] + args, environment: environment.merging(env) { $1 }, stdin: stdin)
    }

    @discardableResult
    public static func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:], timeout: TimeInterval = 300) throws -> Result {
        let r = try start(args, stdin: stdin, env: env).finish(timeout: timeout)
        return Result(status: r.status ?? 128 + (r.signal ?? 0), stdout: r.stdout, stderr: r.stderr)
    }
}

/// A fresh data directory with a small demo store in it.
public final class DataDirectory {
    public let path = NSTemporaryDirectory() + "enplan-cli-\(UUID().uuidString)"

    /// When the binary believes it is (`ENPLAN_CLOCK`) for every command run on this directory.
    public var clock: String

    public init(clock: String = ProcessClock.start) { self.clock = clock }

    /// The day `clock` names.
    public var today: Day { LocalTime(iso: clock.count == 10 ? clock + "T09:00" : clock)!.day }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func run(_ args: String..., stdin: String? = nil) throws -> Binary.Result {
        try run(args, stdin: stdin)
    }

    public func run(_ args: [String], stdin: String? = nil) throws -> Binary.Result {
        try Binary.run(["--data-dir", path] + args, stdin: stdin, env: [ProgramClock.variable: clock])
    }

    public var events: String { path + "/events.jsonl" }

    /// Runs each command (its words, the exit status, words its error must hold) and checks that it
    /// fails with that status and one line `enplan: …`, prints nothing else, and writes nothing.
    public func assertFails(_ cases: [([String], Int32, String)], file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try String(contentsOfFile: events, encoding: .utf8)
        for (args, status, message) in cases {
            let r = try run(args)
            XCTAssertEqual(r.status, status, "\(args): \(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stderr.hasPrefix("enplan: ") && r.stderr.contains(message), "\(args): \(r.stderr)", file: file, line: line)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)", file: file, line: line)
            XCTAssertEqual(r.stdout, "", "\(args)", file: file, line: line)
        }
        XCTAssertEqual(try String(contentsOfFile: events, encoding: .utf8), before, "nothing written", file: file, line: line)
    }

    /// Every line of the event log as a JSON object.
    public func eventObjects() throws -> [[String: Any]] {
        try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }
}
