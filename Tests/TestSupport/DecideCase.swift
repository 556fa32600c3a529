import XCTest
@_spi(Store) import EnPlanDomain

/// One case of a `Decide` rule, given/when/then, as commanded's aggregate_case: the events so far,
/// a command by an actor on a day, and the events that must come of it or the refusal. Pure: the
/// state is built from the events in memory, no store, no disk, no clock.
///
///     assertDecide(DecideCase("a plan needs consent",
///                             given: DecideCase.staff + [.registered("c1")],
///                             when: .createPlan(citizen: "c1", overallGoal: .job, ownWords: ""), as: "mette",
///                             then: .refused(.invalid, "consent")))
public struct DecideCase: Sendable {
    /// One event that happened: on which stream, by whom.
    public struct Given: Sendable {
        public let stream: String
        public let event: DomainEvent
        public let actor: String
        public init(_ stream: String, _ event: DomainEvent, by actor: String = "mette") {
            self.stream = stream; self.event = event; self.actor = actor
        }

        /// A citizen registered by mette (employment), CPR 111299-1444 unless told.
        public static func registered(_ id: String, cpr: String = "1112991444", name: String = "Søren Sørensen",
                                      responsible: String = "mette", sectors: [Sector] = [.employment]) -> Given {
            Given(id, .citizenRegistered(cpr: cpr, name: name, benefit: nil, responsible: responsible, sectors: sectors))
        }

        /// Consent to share between employment and social, given on `day`.
        public static func consent(_ id: String, sectors: [Sector] = [.employment, .social], on day: Day = DecideCase.day) -> Given {
            Given(id, .consentGiven(Consent(id: "s1", sectors: sectors, given: day, withdrawn: nil)))
        }

        /// A unified plan made on `day`.
        public static func plan(_ id: String, on day: Day = DecideCase.day) -> Given {
            Given(id, .planCreated(overallGoal: .education, ownWords: "Jeg vil være tømrer", date: day))
        }
    }

    /// What must come of the command.
    public enum Then: Sendable {
        /// Exactly these events, in this order.
        case events([Store.Pending])
        /// A refusal of this kind whose message contains the text ("" for any message).
        case refused(Refusal, String)
    }

    /// The kinds of `DomainError`.
    public enum Refusal: String, Sendable {
        case invalid, notFound, forbidden, stale, conflict, needsReason, sharingNotCovered, readOnly

        public init(_ e: DomainError) {
            switch e {
            case .invalid: self = .invalid
            case .notFound: self = .notFound
            case .forbidden: self = .forbidden
            case .stale: self = .stale
            case .conflict: self = .conflict
            case .needsReason: self = .needsReason
            case .sharingNotCovered: self = .sharingNotCovered
            case .readOnly: self = .readOnly
            }
        }
    }

    /// The day cases are decided on unless told (the fixtures' day).
    public static let day = Fixture.now.local.day
    /// The fixtures' users, as the events that created them.
    public static let staff: [Given] = Fixture.staff.map { Given("user:" + $0.id, .userCreated($0, passwordHash: "h"), by: "admin") }

    public let name: String
    public let given: [Given]
    public let command: Command
    public let actor: String
    public let today: Day
    public let expectedVersion: Int?
    public let then: Then
    /// Where the case is written: a failure is reported there, not at the loop that runs the table.
    public let file: StaticString
    public let line: UInt

    public init(_ name: String, given: [Given], when command: Command, as actor: String, today: Day = DecideCase.day,
                expectedVersion: Int? = nil, then: Then, file: StaticString = #filePath, line: UInt = #line) {
        self.name = name; self.given = given; self.command = command; self.actor = actor
        self.today = today; self.expectedVersion = expectedVersion; self.then = then
        self.file = file; self.line = line
    }

    /// The state after the given events, each the next version of its stream.
    public func state() throws -> Projection {
        var p = Projection()
        for g in given { try p.apply(g.event, stream: g.stream, actor: g.actor, at: Fixture.now) }
        return p
    }

    /// What `Decide` makes of the command: its events, or the error.
    public func run() throws -> Result<[Store.Pending], Error> {
        let state = try state()
        return Result {
            try Decide(state: state, actor: try Decide.actor(actor, in: state), today: today)
                .events(for: command, expectedVersion: expectedVersion)
        }
    }
}

/// Checks one case: the events (which must also apply to the state), or the refusal.
public func assertDecide(_ c: DecideCase) {
    let (file, line) = (c.file, c.line)
    let outcome: Result<[Store.Pending], Error>
    do { outcome = try c.run() } catch {
        XCTFail("\(c.name): the given events do not apply: \(error)", file: file, line: line)
        return
    }
    switch (outcome, c.then) {
    case let (.success(events), .events(expected)):
        assertLines(describe(events), describe(expected), c.name, file: file, line: line)
        do {
            var state = try c.state()
            for e in events { try state.apply(e.event, stream: e.stream, actor: c.actor, at: Fixture.now) }
        } catch {
            XCTFail("\(c.name): the events decided do not apply to the state: \(error)", file: file, line: line)
        }
    case let (.success(events), .refused(kind, text)):
        XCTFail("\(c.name): expected a refusal (\(kind.rawValue): \(text)), got:\n\(describe(events))", file: file, line: line)
    case let (.failure(error), .events(expected)):
        XCTFail("\(c.name): expected\n\(describe(expected))\nbut it was refused: \(error)", file: file, line: line)
    case let (.failure(error), .refused(kind, text)):
        guard let e = error as? DomainError else { return XCTFail("\(c.name): not a DomainError: \(error)", file: file, line: line) }
        XCTAssertEqual(DecideCase.Refusal(e), kind, "\(c.name): \(e)", file: file, line: line)
        XCTAssertTrue(e.description.contains(text), "\(c.name): \"\(e)\" does not say \"\(text)\"", file: file, line: line)
    }
}

/// Events one a line, as the log would hold them: stream, type, payload.
public func describe(_ events: [Store.Pending]) -> String {
    events.map { "\($0.stream) \($0.event.type) \($0.event.fields.json)" }.joined(separator: "\n")
}
