// What supervisors do to the whole team: move citizens between caseworkers, and keep targets.
extension Decide {
    func reassign(citizens cids: [String], to user: String, reason: String) throws -> [Store.Pending] {
        guard actor.role != .caseworker else { throw DomainError.forbidden("only supervisors and administrators move citizens between caseworkers") }
        guard !cids.isEmpty else { throw DomainError.invalid("name at least one citizen to move") }
        guard Set(cids).count == cids.count else { throw DomainError.invalid("a citizen is named twice") }
        let why = try text(reason, "reason")
        try requireCaseworker(user, as: "responsible caseworker")
        return try cids.map { cid in
            guard let c = state.citizens[cid] else { throw DomainError.notFound("no citizen \(cid)") }
            guard c.responsible != user else { throw DomainError.invalid("\(user) is already responsible for \(cid)") }
            return Store.Pending(cid, .responsibleChanged(user: user, reason: why))
        }
    }

    func defineTarget(id: String, kind: Target.Kind, name: String, value: Int, deadline: Day?, sector: Sector?) throws -> [Store.Pending] {
        guard actor.role != .caseworker else { throw DomainError.forbidden("supervisors and administrators define targets") }
        guard User.isValidID(id) else {
            throw DomainError.invalid("target id \"\(id)\": use 2-32 of a-z, 0-9, '.', '-', '_', starting with a letter")
        }
        if let t = state.targets[id], t.ended == nil { throw DomainError.conflict("target \(id) exists already; end it first") }
        guard value > 0, value <= 10_000_000 else { throw DomainError.invalid("a target's value is a whole number above 0") }
        if kind == .planCoverage {
            guard let deadline else { throw DomainError.invalid("a plan coverage target needs a deadline") }
            guard deadline > today else { throw DomainError.invalid("the deadline must be after today") }
        }
        let t = Target(id: id, kind: kind, name: try text(name, "target name"), value: value, deadline: deadline, sector: sector, defined: today)
        return [.init(Streams.target(id), .targetDefined(t))]
    }

    func endTarget(id: String) throws -> [Store.Pending] {
        guard actor.role != .caseworker else { throw DomainError.forbidden("supervisors and administrators end targets") }
        guard let t = state.targets[id] else { throw DomainError.notFound("no target \(id)") }
        guard t.ended == nil else { throw DomainError.invalid("target \(id) has ended already") }
        return [.init(Streams.target(id), .targetEnded(date: today))]
    }
}
