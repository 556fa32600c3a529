// What supervisors do to the whole team: move citizens between caseworkers, and keep targets.
extension Decide {
    func reassign(citizens cids: [String], to user: String, reason: String) throws -> [Store.Pending] {
        guard actor.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.moveCitizens)) }
        guard !cids.isEmpty else { throw DomainError.invalid(.noCitizensToMove) }
        guard Set(cids).count == cids.count else { throw DomainError.invalid(.citizenNamedTwice) }
        let why = try text(reason, .reason)
        try requireCaseworker(user)
        return try cids.map { cid in
            guard let c = state.citizens[cid] else { throw DomainError.notFound(.citizen(cid)) }
            guard c.responsible != user else { throw DomainError.invalid(.alreadyResponsible(user: user, citizen: cid)) }
            return Store.Pending(cid, .responsibleChanged(user: user, reason: why))
        }
    }

    func defineTarget(id: String, kind: Target.Kind, name: String, value: Int, deadline: Day?, sector: Sector?) throws -> [Store.Pending] {
        guard actor.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.defineTargets)) }
        guard User.isValidID(id) else {
            throw DomainError.invalid(.badID(.target, id))
        }
        if let t = state.targets[id], t.ended == nil { throw DomainError.conflict(.targetExists(id)) }
        guard value > 0, value <= 10_000_000 else { throw DomainError.invalid(.targetValue) }
        if let deadline { try checkDay(deadline, .any, .deadline) }
        if kind == .planCoverage {
            guard let deadline else { throw DomainError.invalid(.targetNeedsDeadline) }
            guard deadline > today else { throw DomainError.invalid(.deadlineNotAfterToday) }
        }
        let t = Target(id: id, kind: kind, name: try text(name, .targetName), value: value, deadline: deadline, sector: sector, defined: today)
        return [.init(Streams.target(id), .targetDefined(t))]
    }

    func endTarget(id: String) throws -> [Store.Pending] {
        guard actor.role != .caseworker else { throw DomainError.forbidden(.supervisorsOnly(.endTargets)) }
        guard let t = state.targets[id] else { throw DomainError.notFound(.target(id)) }
        guard t.ended == nil else { throw DomainError.invalid(.targetEnded(id)) }
        return [.init(Streams.target(id), .targetEnded(date: today))]
    }
}
