import Foundation
import Glibc
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The store on PostgreSQL (a server each test starts itself): the same lines, chain, replay,
/// checks and refusals as on the files, and several writers over one database.
final class PostgresStoreTests: XCTestCase {
    var server: PostgresServer!

    override func setUpWithError() throws {
        server = try PostgresServer()
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    private var pgOptions: Store.Options {
        var o = Store.Options()
        o.database = server.url
        o.salts = Fixture.salts
        return o
    }

    /// The same commands on both backends: a citizen with a plan, a contact, a stale edit refused.
    private func drive(_ f: Fixture) throws -> String {
        let c = try f.citizenWithPlan()
        try f.service.execute(.logContact(citizen: c, channel: .phone, note: "ringede", at: nil), as: "mette")
        let seen = f.service.state.citizens[c]!.version
        try f.service.execute(.logContact(citizen: c, channel: .meeting, note: nil, at: nil), as: "mette", expectedVersion: seen)
        XCTAssertThrowsError(try f.service.execute(.logContact(citizen: c, channel: .phone, note: "gammel", at: nil), as: "mette", expectedVersion: seen))
        return c
    }

    private func lines(_ table: String) throws -> [String] {
        let out = try server.psql("SELECT line FROM \(table) ORDER BY seq")
        return out.isEmpty ? [] : out.split(separator: "\n").map(String.init)
    }

    func testTheSameCommandsWriteTheSameLinesAndReplayTheSameState() throws {
        let files = try Fixture()
        let pg = try Fixture(options: pgOptions)
        XCTAssertTrue(pg.store.inDatabase)
        let c1 = try drive(files), c2 = try drive(pg)
        XCTAssertEqual(c1, c2)
        // Byte for byte: the same clock and salts give the same lines and the same chain.
        let fileLines = try files.eventLines()
        XCTAssertEqual(try lines("enplan_events"), fileLines)
        XCTAssertEqual(pg.store.heads.events.seq, files.store.heads.events.seq)
        XCTAssertEqual(pg.store.heads.events.hash, files.store.heads.events.hash)
        XCTAssertEqual(try server.psql("SELECT seq || ' ' || hash FROM enplan_heads WHERE log = 'events'"),
                       "\(pg.store.lastSeq) \(pg.store.heads.events.hash)")

        // Reopened (another cache directory: no snapshot), the replay gives the same state.
        let cache = NSTemporaryDirectory() + "enplan-pgcache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let again = try Store(directory: cache, clock: FixedClock(Fixture.now), options: pgOptions)
        XCTAssertEqual(again.lastSeq, files.store.lastSeq)
        XCTAssertEqual(again.projection.citizens[c1]?.version, files.store.projection.citizens[c1]?.version)
        XCTAssertEqual(again.projection.citizens.count, files.store.projection.citizens.count)
        XCTAssertNil(again.readOnlyReason)
        // The citizen's own lines through the line index (positions are seqs here).
        XCTAssertEqual(try again.events(of: [c1]).map(\.hash), try files.store.events(of: [c1]).map(\.hash))
        // A snapshot in the cache, checked against the database when the next session opens.
        try again.writeSnapshot()
        let third = try Store(directory: cache, clock: FixedClock(Fixture.now), options: pgOptions)
        XCTAssertTrue(third.usedSnapshot)
        XCTAssertEqual(third.replayedAtOpen, 0)
        XCTAssertEqual(third.projection.citizens[c1]?.version, files.store.projection.citizens[c1]?.version)
        XCTAssertEqual(try third.events(of: [c1]).count, try files.store.events(of: [c1]).count)
    }

    func testVerifyIsSoundAndCatchesAnEditedLineThenTheStoreIsReadOnly() throws {
        let pg = try Fixture(options: pgOptions)
        _ = try drive(pg)
        try pg.service.citizens(as: "mette").forEach { _ in }   // an audit record or two
        let sound = try Store.verify(database: server.url)
        XCTAssertEqual(sound.map(\.file), [Store.eventsFile, Store.auditFile])
        XCTAssertTrue(sound.allSatisfy { $0.problems.isEmpty }, "\(sound)")
        XCTAssertEqual(sound[0].lines, pg.store.lastSeq)

        // Someone with UPDATE rights changes a name in line 6: the hash no longer matches.
        try server.psql("UPDATE enplan_events SET line = replace(line, 'Søren', 'Sören') WHERE seq = 6")
        let found = try Store.verify(database: server.url)
        let problems = found.flatMap(\.problems)
        XCTAssertEqual(problems.first?.line, 6, "\(problems)")
        XCTAssertTrue(problems.first?.reason.contains("hash does not match") ?? false, "\(problems)")
        XCTAssertNotNil(try Store.marker(database: server.url))
        // Every session is read-only now, the open one at its next write too.
        XCTAssertThrowsError(try pg.service.execute(.logContact(citizen: "c1", channel: .phone, note: nil, at: nil), as: "mette")) { e in
            XCTAssertTrue("\(e)".contains("marked damaged"), "\(e)")
        }
        let cache = NSTemporaryDirectory() + "enplan-pgcache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let other = try Store(directory: cache, clock: FixedClock(Fixture.now), options: pgOptions)
        XCTAssertNotNil(other.readOnlyReason)
    }

    func testARemovedLineAndAHeadBeyondTheLogAreDamage() throws {
        let pg = try Fixture(options: pgOptions)
        _ = try drive(pg)
        let last = pg.store.lastSeq
        // The last line deleted: the log ends before its head row.
        try server.psql("DELETE FROM enplan_events WHERE seq = \(last)")
        let reports = try Store.verify(database: server.url, mark: false)
        XCTAssertTrue(reports[0].problems.contains { $0.reason.contains("\(last)") }, "\(reports)")
        let cache = NSTemporaryDirectory() + "enplan-pgcache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let other = try Store(directory: cache, clock: FixedClock(Fixture.now), options: pgOptions)
        XCTAssertNotNil(other.readOnlyReason)
    }

    func testTwoStoresWritingAtOnceLoseNothingAndAgreeOnTheChain() throws {
        let pg = try Fixture(options: pgOptions)
        let c = try pg.citizen()
        let before = pg.store.lastSeq
        let perWriter = 40
        let group = DispatchGroup()
        let failures = Failures()
        let url = server.url
        for w in 0..<2 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let cache = NSTemporaryDirectory() + "enplan-pgcache-\(UUID().uuidString)"
                    defer { try? FileManager.default.removeItem(atPath: cache) }
                    var o = Store.Options()
                    o.database = url
                    let s = CaseService(store: try Store(directory: cache, clock: FixedClock(Fixture.now), options: o), terminal: "w\(w)")
                    for i in 0..<perWriter {
                        try s.execute(.logContact(citizen: c, channel: .phone, note: "w\(w) #\(i)", at: nil), as: "mette")
                    }
                } catch { failures.add("\(error)") }
            }.start()
        }
        XCTAssertEqual(group.wait(timeout: .now() + 120), .success)
        XCTAssertEqual(failures.all, [])
        try pg.store.refresh()
        XCTAssertEqual(pg.store.lastSeq, before + 2 * perWriter)
        XCTAssertEqual(try server.psql("SELECT count(*) || ' ' || max(seq) FROM enplan_events"), "\(before + 2 * perWriter) \(before + 2 * perWriter)")
        XCTAssertEqual(pg.store.projection.citizens[c]?.version, 1 + 2 * perWriter)
        let reports = try Store.verify(database: server.url)
        XCTAssertTrue(reports.allSatisfy { $0.problems.isEmpty }, "\(reports)")
        XCTAssertEqual(try server.psql("SELECT hash FROM enplan_heads WHERE log = 'events'"), pg.store.heads.events.hash)
    }

    func testAChangeAtOneHostIsAnnouncedAndSeenByTheOthersRefresh() throws {
        let a = try Fixture(options: pgOptions)
        let cache = NSTemporaryDirectory() + "enplan-pgcache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let b = CaseService(store: try Store(directory: cache, clock: FixedClock(Fixture.now), options: pgOptions), terminal: "host-b")
        XCTAssertFalse(b.changesAnnounced())
        let c = try a.citizen()
        // The NOTIFY arrives on b's connection once a's commit is done: b wakes (within a deadline).
        let deadline = Date().addingTimeInterval(10)
        var woke = false
        while !woke && Date() < deadline {
            woke = b.changesAnnounced()
            if !woke { var p = pollfd(fd: b.store.database!.socket, events: Int16(POLLIN), revents: 0); _ = poll(&p, 1, 200) }
        }
        XCTAssertTrue(woke, "no notification within 10 s")
        XCTAssertEqual(try b.citizens(as: "mette").map(\.id), [c])
    }

    func testMigrateFromFilesThenVerifyAndBackupVerifiesAsJSONLines() throws {
        let files = try Fixture()
        let c = try drive(files)
        _ = try files.service.citizens(as: "mette")
        let m = try Store.migrate(directory: files.dir, to: server.url)
        XCTAssertEqual(m.events, files.store.lastSeq)
        XCTAssertEqual(m.audit, files.store.heads.audit.seq)
        XCTAssertEqual(try lines("enplan_events"), try files.eventLines())
        // Into an empty database only.
        XCTAssertThrowsError(try Store.migrate(directory: files.dir, to: server.url)) { e in XCTAssertTrue("\(e)".contains("not empty"), "\(e)") }

        let cache = NSTemporaryDirectory() + "enplan-pgcache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let pg = CaseService(store: try Store(directory: cache, clock: FixedClock(Fixture.now), options: pgOptions), terminal: "pg")
        XCTAssertNil(pg.store.readOnlyReason)
        try pg.execute(.logContact(citizen: c, channel: .phone, note: "efter flytningen", at: nil), as: "mette")

        try "lang = en\nstore = \(server.url)\n".write(toFile: cache + "/settings", atomically: true, encoding: .utf8)
        let dest = NSTemporaryDirectory() + "enplan-pgbackup-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let r = try Store.backup(database: server.url, cache: cache, to: dest)
        // The copy's settings keep the rest, but no longer point at the database.
        let settings = try String(contentsOfFile: dest + "/settings", encoding: .utf8)
        XCTAssertTrue(settings.hasPrefix("lang = en\n# store = "), settings)
        XCTAssertEqual(r.events.seq, pg.store.lastSeq)
        XCTAssertEqual(r.events.hash, pg.store.heads.events.hash)
        let reports = try Store.verify(directory: dest, mark: false)
        XCTAssertTrue(reports.allSatisfy { $0.problems.isEmpty }, "\(reports)")
        // The backup is a files store of its own, with the same state.
        let restored = try Store(directory: dest, clock: FixedClock(Fixture.now))
        XCTAssertEqual(restored.lastSeq, pg.store.lastSeq)
        XCTAssertEqual(restored.projection.citizens[c]?.version, pg.store.projection.citizens[c]?.version)
    }

    func testErasureIsRefusedInOneLine() throws {
        let pg = try Fixture(options: pgOptions)
        XCTAssertThrowsError(try pg.store.erasePayloads { _, _ in true }) { e in
            XCTAssertTrue("\(e)".contains("not available on a PostgreSQL store"), "\(e)")
            XCTAssertFalse("\(e)".contains("\n"))
        }
    }

    func testAWriterWhoseServerBackendWasKilledReconnectsAndLosesNothingAcknowledged() throws {
        let pg = try Fixture(options: pgOptions)
        let c = try pg.citizen()
        try pg.service.execute(.logContact(citizen: c, channel: .phone, note: "før", at: nil), as: "mette")
        let acknowledged = pg.store.lastSeq
        // The server process serving this store's connection is killed with -9: PostgreSQL
        // restarts every backend and recovers from its WAL.
        let backend = pg.store.database!.backendPID
        XCTAssertGreaterThan(backend, 0)
        XCTAssertEqual(kill(backend, SIGKILL), 0)
        try server.waitReady()
        try pg.service.execute(.logContact(citizen: c, channel: .phone, note: "efter", at: nil), as: "mette")
        XCTAssertEqual(pg.store.lastSeq, acknowledged + 1)
        XCTAssertEqual(try server.psql("SELECT max(seq) FROM enplan_events"), "\(acknowledged + 1)")
        let reports = try Store.verify(database: server.url)
        XCTAssertTrue(reports.allSatisfy { $0.problems.isEmpty }, "\(reports)")
    }
}

/// Errors from writer threads, collected under a lock.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
