// Users and the benefit code list (streams "user:<id>" and "benefits").
extension Decide {
    func createUser(_ user: User, passwordHash hash: String) throws -> [Store.Pending] {
        try requireAdmin(orFirstUser: true)
        guard User.isValidID(user.id) else {
            throw DomainError.invalid(.badID(.user, user.id))
        }
        guard state.accounts[user.id] == nil else { throw DomainError.conflict(.userExists(user.id)) }
        let name = try text(user.name, .name)
        if state.accounts.isEmpty && user.role != .admin {
            throw DomainError.invalid(.firstUserMustBeAdmin)
        }
        var u = user; u.name = name; u.active = true
        (u.phone, u.email) = try checkedContact(phone: user.phone, email: user.email)
        return [.init(Streams.user(u.id), .userCreated(u, passwordHash: hash))]
    }

    func changePassword(user id: String, passwordHash hash: String) throws -> [Store.Pending] {
        guard state.accounts[id] != nil else { throw DomainError.notFound(.user(id)) }
        guard id == actor.id || actor.role == .admin else { throw DomainError.forbidden(.adminOnly(.otherPasswords)) }
        return [.init(Streams.user(id), .passwordChanged(passwordHash: hash))]
    }

    func recordLogin(user id: String, succeeded: Bool) throws -> [Store.Pending] {
        guard state.accounts[id] != nil else { throw DomainError.notFound(.user(id)) }
        return [.init(Streams.user(id), succeeded ? .loginSucceeded : .loginFailed)]
    }

    /// An administrator lifts a lockout; a user who is not locked is left as they are.
    func unlockUser(_ id: String) throws -> [Store.Pending] {
        try requireAdmin()
        guard let account = state.accounts[id] else { throw DomainError.notFound(.user(id)) }
        guard account.failedLogins > 0 else { throw DomainError.invalid(.notLocked(user: id)) }
        return [.init(Streams.user(id), .userUnlocked)]
    }

    func setUserContact(user id: String, phone: String?, email: String?) throws -> [Store.Pending] {
        guard state.accounts[id] != nil else { throw DomainError.notFound(.user(id)) }
        guard id == actor.id || actor.role == .admin else { throw DomainError.forbidden(.adminOnly(.otherContacts)) }
        let (phone, email) = try checkedContact(phone: phone, email: email)
        return [.init(Streams.user(id), .userContactSet(phone: phone, email: email))]
    }

    /// A phone number is digits, spaces and a leading '+' (6-20 of them); an e-mail address has a
    /// name, an '@' and a domain with a dot. Both are texts by the input rule first; blank is none.
    func checkedContact(phone: String?, email: String?) throws -> (phone: String?, email: String?) {
        let phone = try optionalText(phone, .phone), email = try optionalText(email, .email)
        if let phone {
            let digits = phone.filter(\.isNumber).count
            let ok = phone.enumerated().allSatisfy { i, ch in ch.isASCII && (ch.isNumber || ch == " " || (ch == "+" && i == 0)) }
            guard ok, (6...20).contains(digits) else { throw DomainError.invalid(.badPhone(phone)) }
        }
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
                  !email.contains(where: \.isWhitespace) else { throw DomainError.invalid(.badEmail(email)) }
        }
        return (phone, email)
    }

    func setUserActive(user id: String, active: Bool) throws -> [Store.Pending] {
        try requireAdmin()
        guard state.accounts[id] != nil else { throw DomainError.notFound(.user(id)) }
        guard id != actor.id else { throw DomainError.invalid(.cannotDeactivateSelf) }
        guard state.accounts[id]?.user.active != active else { throw DomainError.invalid(.alreadyActive(user: id, active: active)) }
        return [.init(Streams.user(id), .userActiveSet(active: active))]
    }

    func defineBenefit(_ b: Benefit) throws -> [Store.Pending] {
        try requireAdmin()
        guard !b.code.isEmpty, b.code.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else {
            throw DomainError.invalid(.badBenefitCode)
        }
        try checkDay(b.validFrom, .any, .start)
        if let to = b.validTo { try checkDay(to, .any, .end) }
        guard b.validTo.map({ $0 >= b.validFrom }) ?? true else { throw DomainError.invalid(.benefitEndsBeforeStart) }
        var benefit = b
        benefit.danish = try text(b.danish, .danishName); benefit.english = try text(b.english, .englishName)
        return [.init(Streams.benefits, .benefitDefined(benefit))]
    }
}
