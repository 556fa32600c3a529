import Foundation

// The checks several commands share.
extension Decide {
    func requireAdmin(orFirstUser: Bool = false) throws {
        if orFirstUser && state.accounts.isEmpty { return }
        guard actor.role == .admin else { throw DomainError.forbidden("only an administrator may do this") }
    }

    func requireCaseworker(_ id: String, as what: String) throws {
        guard let u = state.user(id), u.active else { throw DomainError.notFound("no active user \(id)") }
        guard u.role == .caseworker else { throw DomainError.invalid("the \(what) must be a caseworker; \(id) is \(u.role.rawValue)") }
    }

    func requireBenefit(_ code: String) throws {
        guard let b = state.benefits[code] else {
            throw DomainError.invalid("unknown benefit \"\(code)\" (see `enplan benefits`)")
        }
        guard b.isValid(on: today) else { throw DomainError.invalid("the benefit \(b.danish) is not in force on \(today.iso)") }
    }

    func changeable(_ cid: String) throws -> Citizen {
        guard let c = state.citizens[cid] else { throw DomainError.notFound("no citizen \(cid)") }
        guard Access.canChange(actor, c) else { throw DomainError.forbidden("\(actor.id) does not work on \(cid) and may not change it") }
        return c
    }

    func planOf(_ cid: String) throws -> Plan {
        let c = try changeable(cid)
        guard let p = c.plan else { throw DomainError.invalid("\(cid) has no unified plan yet: create it first") }
        return p
    }

    /// Trimmed, non-empty, one line unless it is free text.
    func text(_ s: String, _ what: String) throws -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw DomainError.invalid("the \(what) is empty") }
        guard t.utf8.count <= 2000 else { throw DomainError.invalid("the \(what) is longer than 2000 bytes") }
        return t
    }

    /// Content the actor records into other sectors (a template's efforts, a referral) that the
    /// citizen's consent does not share with the actor's sector: refused, saying what would go to
    /// whom, unless the user confirmed it.
    func checkSharing(_ cid: String, with sectors: [Sector], what: [String], confirmed: Bool) throws {
        guard !confirmed, let c = state.citizens[cid] else { return }
        var to: [Sector] = [], items: [String] = []
        for (s, item) in zip(sectors, what) where !c.consentCovers(actor.sector, s, on: today) {
            if !to.contains(s) { to.append(s) }
            items.append(item)
        }
        guard !to.isEmpty else { return }
        throw DomainError.sharingNotCovered(citizen: cid, from: actor.sector, to: to.sorted(), items: items)
    }
}
