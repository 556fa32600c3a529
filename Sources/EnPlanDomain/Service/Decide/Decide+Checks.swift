import Foundation

// The checks several commands share.
extension Decide {
    func requireAdmin(orFirstUser: Bool = false) throws {
        if orFirstUser && state.accounts.isEmpty { return }
        guard actor.role == .admin else { throw DomainError.forbidden(.adminOnly(.anything)) }
    }

    func requireCaseworker(_ id: String) throws {
        guard let u = state.user(id), u.active else { throw DomainError.notFound(.activeUser(id)) }
        guard u.role == .caseworker else { throw DomainError.invalid(.notACaseworker(user: id, role: u.role)) }
    }

    func requireBenefit(_ code: String) throws {
        guard let b = state.benefits[code] else {
            throw DomainError.invalid(.unknownBenefit(code))
        }
        guard b.isValid(on: today) else { throw DomainError.invalid(.benefitNotInForce(name: b.danish, on: today)) }
    }

    func changeable(_ cid: String) throws -> Citizen {
        // Unknown and not the actor's read the same: a write reveals no more than a look.
        guard let c = state.citizens[cid], !c.isErased, Access.canChange(actor, c) else { throw DomainError.notFound(.changeableCitizen(cid)) }
        return c
    }

    func planOf(_ cid: String) throws -> Plan {
        let c = try changeable(cid)
        guard let p = c.plan else { throw DomainError.invalid(.noPlan(citizen: cid)) }
        return p
    }

    /// A required text: trimmed, not blank, no control character, within its kind's length (`InputRules`).
    func text(_ s: String, _ what: DomainError.TextField) throws -> String { try InputRules.text(s, what) }

    /// A text that may be blank ("" stays ""), else checked as `text`.
    func textOrBlank(_ s: String, _ what: DomainError.TextField) throws -> String { try InputRules.text(s, what, required: false) }

    /// An optional text: nil when absent or blank, else checked as `text`.
    func optionalText(_ s: String?, _ what: DomainError.TextField) throws -> String? { try InputRules.optionalText(s, what) }

    /// A day within its kind's window (`InputRules`), reckoned from `today`.
    func checkDay(_ d: Day, _ kind: InputRules.DayKind, _ field: DomainError.DayField) throws {
        try InputRules.check(d, kind, field, today: today)
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
