// The organisation (stream "unit:<id>"; a person's place and own mandate on "user:<id>").
//
// Invariants:
// - Only an administrator defines units, places people and gives mandates; each is an event with
//   the actor, so the event log is the audit of the organisation.
// - The units stay a forest: a parent exists and is never the unit itself or one below it.
// - A unit's leaders are supervisors (team leaders, area leaders, the director).
// - A placement is dated: a move records the day it takes effect (the figures follow it).
// - Mandates (`checkMandate`): where no unit and no person has one, every decision goes as before;
//   once any has, a decision goes only under a legal area of the actor's mandate on the day
//   (their unit's, inherited from above, and their own), and a refusal names who may make it.
extension Decide {
    func defineUnit(_ unit: OrgUnit, new: Bool) throws -> [Store.Pending] {
        try requireAdmin()
        guard User.isValidID(unit.id) else { throw DomainError.invalid(.badID(.unit, unit.id)) }
        let org = state.organisation
        if new {
            guard org.units[unit.id] == nil else { throw DomainError.conflict(.unitExists(unit.id)) }
        } else {
            guard org.units[unit.id] != nil else { throw DomainError.notFound(.unit(unit.id)) }
        }
        var u = unit
        u.name = try text(unit.name, .name)
        u.description = try textOrBlank(unit.description, .description)
        if let parent = unit.parent {
            guard org.units[parent] != nil else { throw DomainError.notFound(.unit(parent)) }
            guard !org.ancestors(of: parent).contains(unit.id) else { throw DomainError.invalid(.unitCycle(unit: unit.id, parent: parent)) }
        }
        var leaders: [String] = []
        for l in unit.leaders where !leaders.contains(l) {
            guard let user = state.user(l), user.active else { throw DomainError.notFound(.activeUser(l)) }
            guard user.role == .supervisor else { throw DomainError.invalid(.leaderNotSupervisor(user: l)) }
            leaders.append(l)
        }
        u.leaders = leaders
        u.targetGroups = UnitTargetGroup.allCases.filter(unit.targetGroups.contains)
        u.sectors = Sector.allCases.filter(unit.sectors.contains)
        u.mandates = unit.mandates.map { m in LegalArea.allCases.filter(m.contains) }
        u.version = 0
        return [.init(Streams.unit(u.id), .unitDefined(u))]
    }

    func placeUser(_ id: String, in unit: String, from: Day, does: String?) throws -> [Store.Pending] {
        try requireAdmin()
        guard state.accounts[id] != nil else { throw DomainError.notFound(.user(id)) }
        guard state.organisation.units[unit] != nil else { throw DomainError.notFound(.unit(unit)) }
        try checkDay(from, .any, .start)
        let does = try does.map { try textOrBlank($0, .description) }
        return [.init(Streams.user(id), .userUnitSet(unit: unit, from: from, does: does))]
    }

    func setUserMandate(_ id: String, areas: [LegalArea]) throws -> [Store.Pending] {
        try requireAdmin()
        guard state.accounts[id] != nil else { throw DomainError.notFound(.user(id)) }
        return [.init(Streams.user(id), .userMandateSet(areas: LegalArea.allCases.filter(areas.contains)))]
    }

    /// A decision under `area` by the actor today: refused outside their mandate, naming who may
    /// make it. Nothing to check where no mandate is defined at all (back-compatible).
    func checkMandate(_ area: LegalArea) throws {
        let org = state.organisation
        guard org.hasMandates, !org.mandate(of: actor.id, on: today).contains(area) else { return }
        let holders = org.holders(of: area)
        throw DomainError.forbidden(.outsideMandate(area: area, units: holders.units, people: holders.people.filter { state.user($0)?.active == true }))
    }
}
