extension CaseService {
    /// Checks `command` for `actorID` against the latest state and appends its events durably.
    /// `expectedVersion`: the version of the stream the user saw; a stale edit is refused.
    @discardableResult
    public func execute(_ command: Command, as actorID: String, expectedVersion: Int? = nil) throws -> [RecordedEvent] {
        try auditingRefusal(of: [command], as: actorID) {
            try store.transact(actor: actorID) { state in
                try Decide(state: state, actor: try actor(actorID, in: state), today: store.clock.now().local.day)
                    .events(for: command, expectedVersion: expectedVersion)
            }
        }
    }

    /// A change refused because the actor may not make it (not theirs, or not their role's) is
    /// logged like a refused look; bad input and clashes are not (nothing about anyone was tried).
    private func auditingRefusal<T>(of commands: [Command], as actorID: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DomainError {
            switch e {
            case .forbidden, .notFound(.changeableCitizen):
                let subject = commands.compactMap(\.subject).first ?? "-"
                try? record(.writeRefused(by: actorID, subject: subject, why: e.description))
            default: break
            }
            throw e
        }
    }

    /// Commands from one form, all or nothing, in one write; the first is checked against the
    /// version the user saw (an effort's details and its status, say).
    @discardableResult
    public func execute(_ commands: [Command], as actorID: String, expectedVersion: Int?) throws -> [RecordedEvent] {
        let today = store.clock.now().local.day
        return try auditingRefusal(of: commands, as: actorID) {
            try store.transact(commands.enumerated().map { i, command in
                (actorID, { state in
                    try Decide(state: state, actor: try self.actor(actorID, in: state), today: today)
                        .events(for: command, expectedVersion: i == 0 ? expectedVersion : nil)
                })
            })
        }
    }

    /// Several commands, all or nothing, in one write (the demo data).
    @discardableResult
    public func execute(batch: [(actor: String, command: Command)]) throws -> [RecordedEvent] {
        try execute(batch: batch, asOf: { _ in nil })
    }

    /// Several commands, all or nothing, each judged as of the day `asOf` gives it (nil: today;
    /// never after today): the demo's history, where a follow-up is planned weeks before it was
    /// due and completed on the day it was done. The events are stamped now, as every event is.
    @_spi(Store) @discardableResult
    public func execute(batch: [(actor: String, command: Command)], asOf: (Command) -> Day?) throws -> [RecordedEvent] {
        let today = store.clock.now().local.day
        return try store.transact(batch.map { step in
            let day = min(asOf(step.command) ?? today, today)
            return (step.actor, { state in try Decide(state: state, actor: try self.actor(step.actor, in: state), today: day).events(for: step.command) })
        })
    }

    func actor(_ id: String, in state: Projection) throws -> User { try Decide.actor(id, in: state) }
}
