// Users and the benefit code list (streams "user:<id>" and "benefits").
extension Decide {
    func createUser(_ user: User, passwordHash hash: String) throws -> [Store.Pending] {
        try requireAdmin(orFirstUser: true)
        guard User.isValidID(user.id) else {
            throw DomainError.invalid("user id \"\(user.id)\": use 2-32 of a-z, 0-9, '.', '-', '_', starting with a letter")
        }
        guard state.accounts[user.id] == nil else { throw DomainError.conflict("user \(user.id) exists already") }
        let name = try text(user.name, "name")
        if state.accounts.isEmpty && user.role != .admin {
            throw DomainError.invalid("the first user must be an administrator (--role admin)")
        }
        var u = user; u.name = name; u.active = true
        return [.init(Streams.user(u.id), .userCreated(u, passwordHash: hash))]
    }

    func changePassword(user id: String, passwordHash hash: String) throws -> [Store.Pending] {
        guard state.accounts[id] != nil else { throw DomainError.notFound("no user \(id)") }
        guard id == actor.id || actor.role == .admin else { throw DomainError.forbidden("only an administrator changes another user's password") }
        return [.init(Streams.user(id), .passwordChanged(passwordHash: hash))]
    }

    func recordLogin(user id: String, succeeded: Bool) throws -> [Store.Pending] {
        guard state.accounts[id] != nil else { throw DomainError.notFound("no user \(id)") }
        return [.init(Streams.user(id), succeeded ? .loginSucceeded : .loginFailed)]
    }

    func setUserActive(user id: String, active: Bool) throws -> [Store.Pending] {
        try requireAdmin()
        guard state.accounts[id] != nil else { throw DomainError.notFound("no user \(id)") }
        guard id != actor.id else { throw DomainError.invalid("you cannot deactivate yourself") }
        return [.init(Streams.user(id), .userActiveSet(active: active))]
    }

    func defineBenefit(_ b: Benefit) throws -> [Store.Pending] {
        try requireAdmin()
        guard !b.code.isEmpty, b.code.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else {
            throw DomainError.invalid("a benefit code uses a-z, 0-9 and '-'")
        }
        guard b.validTo.map({ $0 >= b.validFrom }) ?? true else { throw DomainError.invalid("a benefit cannot end before it starts") }
        var benefit = b
        benefit.danish = try text(b.danish, "Danish name"); benefit.english = try text(b.english, "English name")
        return [.init(Streams.benefits, .benefitDefined(benefit))]
    }
}
