import Foundation
import XCTest
@testable import EnPlanDomain

/// A real store in a fresh temporary directory, with users in every sector and a fixed clock.
final class Fixture {
    static let now = Timestamp(iso: "2026-11-23T10:00:00.000Z")!
    let dir: String
    let store: Store
    let service: CaseService
    var today: Day { service.today }

    init(clock: Clock = FixedClock(Fixture.now), options: Store.Options = Store.Options(), seedUsers: Bool = true) throws {
        dir = NSTemporaryDirectory() + "enplan-test-\(UUID().uuidString)"
        store = try Store(directory: dir, clock: clock, options: options)
        service = CaseService(store: store, terminal: "test-tty")
        if seedUsers {
            // One cheap hash for all: yescrypt is slow on purpose.
            let hash = Fixture.hash
            try service.execute(batch: [
                ("admin", .createUser(User(id: "admin", name: "Ida Admin", sector: .employment, role: .admin), passwordHash: hash)),
                ("admin", .createUser(User(id: "mette", name: "Mette Kjær", sector: .employment, role: .caseworker), passwordHash: hash)),
                ("admin", .createUser(User(id: "jonas", name: "Jonas Dahl", sector: .social, role: .caseworker), passwordHash: hash)),
                ("admin", .createUser(User(id: "per", name: "Per Løkke", sector: .misuse, role: .caseworker), passwordHash: hash)),
                ("admin", .createUser(User(id: "karen", name: "Karen Holm", sector: .employment, role: .supervisor), passwordHash: hash)),
            ])
        }
    }

    static let hash: String = try! Passwords.hash("demo")

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Registers a citizen as mette (employment) and returns its id.
    @discardableResult
    func citizen(_ cpr: String = "111299-1444", name: String = "Søren Sørensen", by actor: String = "mette") throws -> String {
        try service.execute(.registerCitizen(cpr: cpr, name: name, benefit: "kontanthjaelp", responsible: nil), as: actor)[0].stream
    }

    /// A citizen with consent (employment + social) and a unified plan.
    func citizenWithPlan(_ cpr: String = "111299-1444") throws -> String {
        let id = try citizen(cpr)
        try service.execute(.giveConsent(citizen: id, sectors: [.employment, .social], given: nil), as: "mette")
        try service.execute(.createPlan(citizen: id, overallGoal: .education, ownWords: "Jeg vil være tømrer"), as: "mette")
        return id
    }

    var eventsPath: String { dir + "/" + Store.eventsFile }
    func eventLines() throws -> [String] {
        try String(contentsOfFile: eventsPath, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

/// A clock the test moves.
final class TestClock: Clock, @unchecked Sendable {
    var time: Timestamp
    init(_ time: Timestamp = Fixture.now) { self.time = time }
    func now() -> Timestamp { time }
}

func XCTAssertThrowsDomainError(_ expression: @autoclosure () throws -> Any, _ matches: (DomainError) -> Bool,
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
