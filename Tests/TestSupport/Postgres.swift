import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server of the test's own: `initdb` in a temporary directory, started with
/// `pg_ctl -w` on a Unix socket in that directory only (`listen_addresses=''`: no network), one
/// database made with `createdb`; stopped and removed by `stop()` (call it in tearDown).
///
/// Run as root, the server runs as the `postgres` account (`runuser`), which PostgreSQL requires.
/// Every step waits on what the tools report (pg_ctl -w, pg_isready) with a deadline, never on a
/// fixed sleep. Without the binaries the test is skipped saying what to install; under CI=true a
/// missing component is a failure (`.ci/run` installs postgresql and libpq-dev).
public final class PostgresServer {
    public let dir: String
    public let bin: String
    public let database = "enplan"
    /// `postgresql://…` for the store (`--store`, `Store.Options.database`).
    public var url: String { "postgresql://\(user)@/\(database)?host=\(dir)" }
    public let user: String
    private let asUser: [String]
    private var running = false

    /// Finds the newest /usr/lib/postgresql/*/bin with initdb and pg_ctl.
    public static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted(by: >)
        for v in versions {
            let b = "\(root)/\(v)/bin"
            if ["initdb", "pg_ctl", "pg_isready", "createdb", "psql"].allSatisfy({ FileManager.default.isExecutableFile(atPath: b + "/" + $0) }) { return b }
        }
        return nil
    }

    /// Starts a fresh server, or skips (fails under CI=true) when PostgreSQL is not installed.
    public init() throws {
        let ci = ProcessInfo.processInfo.environment["CI"] == "true"
        guard let bin = PostgresServer.binaries() else {
            let why = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql libpq-dev (.ci/run does)"
            if ci { XCTFail(why) }
            throw XCTSkip(why)
        }
        self.bin = bin
        if geteuid() == 0 {
            guard getpwnam("postgres") != nil, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") || FileManager.default.isExecutableFile(atPath: "/sbin/runuser") else {
                let why = "running as root, the test server needs the postgres account and runuser (apt-get install postgresql util-linux)"
                if ci { XCTFail(why) }
                throw XCTSkip(why)
            }
            asUser = ["runuser", "-u", "postgres", "--"]
            user = "postgres"
        } else {
            asUser = []
            user = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "postgres"
        }
        // Short: the socket's path (dir + "/.s.PGSQL.5432") must fit in 107 bytes.
        dir = "/tmp/enplan-pg-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        chmod(dir, 0o700)
        if geteuid() == 0, let pw = getpwnam("postgres") { chown(dir, pw.pointee.pw_uid, pw.pointee.pw_gid) }
        do {
            try step(["\(bin)/initdb", "-D", "\(dir)/data", "-A", "trust", "-U", user, "-E", "UTF8", "--locale=C", "--no-sync"], "initdb")
            try step(["\(bin)/pg_ctl", "-D", "\(dir)/data", "-l", "\(dir)/server.log", "-w", "-t", "60",
                      "-o", "-c listen_addresses='' -k \(dir) -c fsync=on -c synchronous_commit=on", "start"], "pg_ctl start")
            running = true
            try waitReady(deadline: 60)
            try step(["\(bin)/createdb", "-h", dir, "-U", user, database], "createdb")
        } catch {
            stop()
            throw error
        }
    }

    private func step(_ argv: [String], _ what: String, timeout: TimeInterval = 120) throws {
        let r = try Child.run(asUser + argv, timeout: timeout)
        guard r.status == 0 else {
            let log = (try? String(contentsOfFile: dir + "/server.log", encoding: .utf8)) ?? ""
            throw PostgresError("\(what) failed (\(r.status.map(String.init) ?? "signal")): \(r.stdout)\(r.stderr)\(log.suffix(2000))")
        }
    }

    /// Waits until pg_isready says the server takes connections (after a start, or a crash's recovery).
    public func waitReady(deadline seconds: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let r = try Child.run(["\(bin)/pg_isready", "-h", dir, "-U", user, "-d", "postgres", "-t", "5"], timeout: 30)
            if r.status == 0 { return }
            guard Date() < deadline else { throw PostgresError("the test server did not become ready within \(Int(seconds)) s: \(r.stdout)") }
        }
    }

    /// Runs SQL with psql (as the superuser), returning its unaligned output.
    @discardableResult
    public func psql(_ sql: String) throws -> String {
        let r = try Child.run(["\(bin)/psql", "-h", dir, "-U", user, "-d", database, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql], timeout: 60)
        guard r.status == 0 else { throw PostgresError("psql: \(r.stderr)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the server (immediate: nothing is kept) and removes its directory.
    public func stop() {
        if running {
            _ = try? Child.run(asUser + ["\(bin)/pg_ctl", "-D", "\(dir)/data", "-m", "immediate", "-w", "-t", "60", "stop"], timeout: 90)
            running = false
        }
        try? FileManager.default.removeItem(atPath: dir)
    }

    deinit { stop() }
}

public struct PostgresError: Error, CustomStringConvertible {
    public let description: String
    public init(_ s: String) { description = s }
}
