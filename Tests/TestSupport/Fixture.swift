import Foundation
import XCTest
@_spi(Store) import EnPlanDomain

/// A real store in a fresh temporary directory, with users in every sector and a fixed clock.
/// The directory is removed when the fixture goes.
///
/// The users (all with the password "demo"): admin (administrator), mette (employment), jonas
/// (social), per (misuse), caseworkers; karen (employment), supervisor.
public final class Fixture {
    public static let now = Timestamp(iso: "2026-11-23T10:00:00.000Z")!
    public let dir: String
    public let store: Store
    public let service: CaseService
    public var today: Day { service.today }

    public init(clock: Clock = FixedClock(Fixture.now), options: Store.Options = Store.Options(), seedUsers: Bool = true) throws {
        dir = NSTemporaryDirectory() + "enplan-test-\(UUID().uuidString)"
        var options = options
        if options.salts == nil { options.salts = Fixture.salts }
        store = try Store(directory: dir, clock: clock, options: options)
        service = CaseService(store: store, terminal: "test-tty")
        if seedUsers {
            // One cheap hash for all: yescrypt is slow on purpose.
            let hash = Fixture.hash
            try service.execute(batch: Fixture.staff.map { ("admin", .createUser($0, passwordHash: hash)) })
        }
    }

    /// The users every fixture (and `DecideCase.staff`) starts with.
    public static let staff = [
        User(id: "admin", name: "Ida Admin", sector: .employment, role: .admin),
        User(id: "mette", name: "Mette Kjær", sector: .employment, role: .caseworker),
        User(id: "jonas", name: "Jonas Dahl", sector: .social, role: .caseworker),
        User(id: "per", name: "Per Løkke", sector: .misuse, role: .caseworker),
        User(id: "karen", name: "Karen Holm", sector: .employment, role: .supervisor),
    ]

    /// Salts made from the line's seq, so that a fixture's logs have the same bytes every run
    /// (the golden files); a store opened without them draws random ones, as the program does.
    public static let salts: @Sendable (Int) -> String = { seq in String(Digest.sha256Hex(Array("salt \(seq)".utf8)).prefix(32)) }

    /// A yescrypt hash of "demo" with a fixed salt, so that every fixture's event log (and the
    /// store heads the audit log records of it) is the same from run to run.
    public static let hash = "$y$j9T$QQ5A2Tv.lDmJ6XJmsNyNJ1$xRCLC6x1uO9CY7T7Zzv0d33AuyKzQEd6cdphEzXwkLD"

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Registers a citizen as mette (employment) and returns its id.
    @discardableResult
    public func citizen(_ cpr: String = "111299-1444", name: String = "Søren Sørensen", by actor: String = "mette") throws -> String {
        try service.execute(.registerCitizen(cpr: cpr, name: name, benefit: "kontanthjaelp", responsible: nil), as: actor)[0].stream
    }

    /// A citizen with consent (employment + social) and a unified plan.
    public func citizenWithPlan(_ cpr: String = "111299-1444") throws -> String {
        let id = try citizen(cpr)
        try service.execute(.giveConsent(citizen: id, sectors: [.employment, .social], given: nil), as: "mette")
        try service.execute(.createPlan(citizen: id, overallGoal: .education, ownWords: "Jeg vil være tømrer"), as: "mette")
        return id
    }

    public var eventsPath: String { dir + "/" + Store.eventsFile }
    public var auditPath: String { dir + "/" + Store.auditFile }

    /// The event log's lines, without their newlines.
    public func eventLines() throws -> [String] {
        try String(contentsOfFile: eventsPath, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

/// A clock the test moves.
public final class TestClock: Clock, @unchecked Sendable {
    public var time: Timestamp
    public init(_ time: Timestamp = Fixture.now) { self.time = time }
    public func now() -> Timestamp { time }
}

/// Fails unless `expression` throws a `DomainError` that `matches`.
public func XCTAssertThrowsDomainError(_ expression: @autoclosure () throws -> Any, _ matches: (DomainError) -> Bool,
                                       file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try expression()
        XCTFail("expected a DomainError", file: file, line: line)
    } catch let e as DomainError {
        XCTAssertTrue(matches(e), "unexpected error: \(e)", file: file, line: line)
    } catch {
        XCTFail("expected a DomainError, got \(error)", file: file, line: line)
    }
}

extension CaseService {
    /// `command` judged as of an earlier `day` (a follow-up planned weeks ago that is overdue now).
    @discardableResult
    public func execute(_ command: Command, as actor: String, on day: Day) throws -> [RecordedEvent] {
        try execute(batch: [(actor, command)], asOf: { _ in day })
    }
}

/// The day the real binary believes it is, in every process test: set through `ENPLAN_CLOCK`
/// (`ProgramClock`) so that no test depends on the day it runs. A working Wednesday by default;
/// `ENPLAN_TEST_CLOCK=2026-12-13T10:00 swift test` runs the process tests on another day, and
/// the tests that book and decide also run on a Saturday, a Sunday and a holiday (`days`).
public enum ProcessClock {
    public static let start = ProcessInfo.processInfo.environment["ENPLAN_TEST_CLOCK"] ?? "2026-12-09T10:00"
    public static var today: Day { LocalTime(iso: start.count == 10 ? start + "T09:00" : start)!.day }

    /// A Saturday, a Sunday and a public holiday (Juledag, a Friday), each at 10:00.
    public static let days = ["2026-12-12T10:00", "2026-12-13T10:00", "2026-12-25T10:00"]
}
