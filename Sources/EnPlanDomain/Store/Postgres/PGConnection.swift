import CLibPQ
import Foundation
import Glibc

/// One libpq connection: statements with text parameters, results as bytes, COPY in, LISTEN and
/// the notifications that arrive on its socket. Not shared between threads (a `Store` is used
/// by one thread at a time, as with the files).
///
/// Invariants:
/// - Every statement's parameters go separately from its text (PQexecParams): no value is ever
///   spliced into SQL.
/// - A connection found broken between transactions is reset once (PQreset) before the next
///   statement, and the channels it listened to are listened to again; inside a transaction a
///   broken connection is an error (what the transaction did is unknown to this side until the
///   log is read again).
final class PGConnection {
    let url: String
    private var conn: OpaquePointer?
    private var listening: Set<String> = []
    /// Whether a BEGIN is open on this connection.
    private(set) var inTransaction = false
    /// Notifications seen and not yet taken (`takeNotified`).
    private var notified = false

    init(url: String) throws {
        self.url = url
        conn = PQconnectdb(url)
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let why = conn.map { PGConnection.message(PQerrorMessage($0)) } ?? "out of memory"
            if let conn { PQfinish(conn) }
            self.conn = nil
            throw StoreError.io("cannot connect to the PostgreSQL store \(PGConnection.redacted(url)): \(why)")
        }
        try settle()
    }

    deinit { if let conn { PQfinish(conn) } }

    /// What every connection is set to: durable commits, UTC, no statement left hanging forever.
    private func settle() throws {
        try exec("SET synchronous_commit TO on")
        try exec("SET client_encoding TO 'UTF8'")
        for channel in listening { try exec("LISTEN \(channel)") }
    }

    /// The URL without a password, for messages.
    static func redacted(_ url: String) -> String {
        guard let at = url.firstIndex(of: "@"), let scheme = url.range(of: "://"), scheme.upperBound < at,
              let colon = url[scheme.upperBound..<at].firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    private static func message(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "unknown error" }
        return String(cString: p).trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: "; ")
    }

    /// Resets a connection the server dropped (a restarted server, a failover behind the same
    /// address), when no transaction is open.
    func ensureConnected() throws {
        guard let conn else { throw StoreError.io("the PostgreSQL store is not connected") }
        if PQstatus(conn) == CONNECTION_OK { return }
        inTransaction = false
        PQreset(conn)
        guard PQstatus(conn) == CONNECTION_OK else {
            throw StoreError.io("the PostgreSQL store \(PGConnection.redacted(url)) cannot be reached: \(PGConnection.message(PQerrorMessage(conn)))")
        }
        try settle()
    }

    /// A statement's rows: each value as bytes (nil for NULL).
    struct Rows {
        var values: [[[UInt8]?]] = []
        var count: Int { values.count }
        func text(_ row: Int, _ col: Int) -> String? { values[row][col].map { String(decoding: $0, as: UTF8.self) } }
        func int(_ row: Int, _ col: Int) -> Int? { text(row, col).flatMap { Int($0) } }
    }

    /// Runs one statement with text parameters and returns its rows. An error is thrown as one line.
    @discardableResult
    func exec(_ sql: String, _ params: [String?] = []) throws -> Rows {
        guard let conn else { throw StoreError.io("the PostgreSQL store is not connected") }
        if !inTransaction && PQstatus(conn) != CONNECTION_OK { try ensureConnected() }
        let result: OpaquePointer? = withCStrings(params) { ptrs in
            PQexecParams(conn, sql, Int32(params.count), nil, ptrs, nil, nil, 0)
        }
        defer { PQclear(result) }
        let status = result.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let why = result.map { PGConnection.message(PQresultErrorMessage($0)) }.flatMap { $0.isEmpty ? nil : $0 }
                ?? PGConnection.message(PQerrorMessage(conn))
            throw StoreError.io("PostgreSQL store: \(why)")
        }
        var rows = Rows()
        let n = Int(PQntuples(result)), cols = Int(PQnfields(result))
        rows.values.reserveCapacity(n)
        for r in 0..<n {
            var row: [[UInt8]?] = []
            row.reserveCapacity(cols)
            for c in 0..<cols {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 { row.append(nil); continue }
                let len = Int(PQgetlength(result, Int32(r), Int32(c)))
                let p = PQgetvalue(result, Int32(r), Int32(c))!
                row.append(p.withMemoryRebound(to: UInt8.self, capacity: len) { Array(UnsafeBufferPointer(start: $0, count: len)) })
            }
            rows.values.append(row)
        }
        return rows
    }

    private func withCStrings<T>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> T) -> T {
        var owned: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } }
        defer { for p in owned { free(p) } }
        return owned.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(1, strings.count)) { body(strings.isEmpty ? nil : $0) }
        }
    }

    /// How long a transaction's start keeps trying to reach a server that dropped the connection
    /// (a restart after a crash, a failover to the standby behind the same address).
    var reconnectFor: TimeInterval = 15

    /// BEGIN, reconnecting first when the server dropped the connection since the last statement:
    /// nothing of this transaction has happened yet, so starting it again is safe.
    func begin(_ mode: String = "") throws {
        let deadline = Date().addingTimeInterval(reconnectFor)
        while true {
            do {
                try ensureConnected()
                try exec("BEGIN" + (mode.isEmpty ? "" : " " + mode))
                inTransaction = true
                return
            } catch {
                guard let conn, PQstatus(conn) != CONNECTION_OK, Date() < deadline else { throw error }
                usleep(100_000)   // the server is restarting or failing over: ask again shortly
            }
        }
    }

    func commit() throws {
        guard inTransaction else { return }
        inTransaction = false
        try exec("COMMIT")
    }

    func rollback() {
        guard inTransaction else { return }
        inTransaction = false
        _ = try? exec("ROLLBACK")
    }

    /// COPY … FROM STDIN with `data` (text format, the caller escaped it).
    func copyIn(_ sql: String, _ data: [UInt8]) throws {
        guard let conn else { throw StoreError.io("the PostgreSQL store is not connected") }
        let start = PQexec(conn, sql)
        let status = start.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        PQclear(start)
        guard status == PGRES_COPY_IN else { throw StoreError.io("PostgreSQL store: \(PGConnection.message(PQerrorMessage(conn)))") }
        var at = 0
        while at < data.count {
            let n = min(1 << 20, data.count - at)
            let ok = data.withUnsafeBytes { PQputCopyData(conn, $0.baseAddress!.assumingMemoryBound(to: CChar.self) + at, Int32(n)) }
            guard ok == 1 else { throw StoreError.io("PostgreSQL store: \(PGConnection.message(PQerrorMessage(conn)))") }
            at += n
        }
        guard PQputCopyEnd(conn, nil) == 1 else { throw StoreError.io("PostgreSQL store: \(PGConnection.message(PQerrorMessage(conn)))") }
        while let r = PQgetResult(conn) {
            defer { PQclear(r) }
            if PQresultStatus(r) != PGRES_COMMAND_OK { throw StoreError.io("PostgreSQL store: \(PGConnection.message(PQresultErrorMessage(r)))") }
        }
    }

    /// LISTEN on a channel (again after every reset).
    func listen(_ channel: String) throws {
        listening.insert(channel)
        try exec("LISTEN \(channel)")
    }

    /// The connection's socket: readable when a notification (or anything) arrives.
    var socket: Int32 { conn.map { PQsocket($0) } ?? -1 }

    /// Whether a notification arrived since the last call (reads what is on the socket, never waits).
    func takeNotified() -> Bool {
        guard let conn, !inTransaction else { return false }
        if PQconsumeInput(conn) == 1 {
            while let n = PQnotifies(conn) { notified = true; PQfreemem(n) }
        }
        defer { notified = false }
        return notified
    }

    /// The server's process id for this connection (the tests kill it).
    var backendPID: Int32 { conn.map { PQbackendPID($0) } ?? 0 }
}
