import Foundation
import XCTest

/// Runs the real `enplan` executable that `swift test` built, as a separate process.
enum Binary {
    static let url: URL = {
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

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        return env
    }

    static func start(_ args: [String], stdin: String? = nil) throws -> Child {
        try Child.start([url.path] + args, environment: environment, stdin: stdin)
    }

    @discardableResult
    static func run(_ args: [String], stdin: String? = nil) throws -> Result {
        let r = try start(args, stdin: stdin).finish()
        return Result(status: r.status ?? 128 + (r.signal ?? 0), stdout: r.stdout, stderr: r.stderr)
    }
}

/// A fresh data directory with a small demo store in it.
final class DataDirectory {
    let path = NSTemporaryDirectory() + "enplan-cli-\(UUID().uuidString)"

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func run(_ args: String..., stdin: String? = nil) throws -> Binary.Result {
        try Binary.run(["--data-dir", path] + args, stdin: stdin)
    }

    func run(_ args: [String], stdin: String? = nil) throws -> Binary.Result {
        try Binary.run(["--data-dir", path] + args, stdin: stdin)
    }

    var events: String { path + "/events.jsonl" }

    /// Every line of the event log as a JSON object.
    func eventObjects() throws -> [[String: Any]] {
        try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }
}
