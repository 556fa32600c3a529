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

    /// A phone number is digits, spaces and a leading '+' (6-20 of them); an e-mail address has a
    /// name, an '@' and a domain with a dot.
    func setUserContact(user id: String, phone: String?, email: String?) throws -> [Store.Pending] {
        guard state.accounts[id] != nil else { throw DomainError.notFound(.user(id)) }
        guard id == actor.id || actor.role == .admin else { throw DomainError.forbidden(.adminOnly(.otherContacts)) }
        let phone = phone?.trimmingCharacters(in: .whitespaces), email = email?.trimmingCharacters(in: .whitespaces)
        if let phone, !phone.isEmpty {
            let digits = phone.filter(\.isNumber).count
            let ok = phone.enumerated().allSatisfy { i, ch in ch.isASCII && (ch.isNumber || ch == " " || (ch == "+" && i == 0)) }
            guard ok, (6...20).contains(digits) else { throw DomainError.invalid(.badPhone(phone)) }
        }
        if let email, !email.isEmpty {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
                  !email.contains(where: \.isWhitespace) else { throw DomainError.invalid(.badEmail(email)) }
        }
        return [.init(Streams.user(id), .userContactSet(phone: phone?.isEmpty == true ? nil : phone, email: email?.isEmpty == true ? nil : email))]
    }

    func setUserActive(user id: String, active: Bool) throws -> [Store.Pending] {
        try requireAdmin()
        guard state.accounts[id] != nil else { throw DomainError.notFound(.user(id)) }
        guard id != actor.id else { throw DomainError.invalid(.cannotDeactivateSelf) }
        return [.init(Streams.user(id), .userActiveSet(active: active))]
    }

    func defineBenefit(_ b: Benefit) throws -> [Store.Pending] {
        try requireAdmin()
        guard !b.code.isEmpty, b.code.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else {
            throw DomainError.invalid(.badBenefitCode)
        }
        guard b.validTo.map({ $0 >= b.validFrom }) ?? true else { throw DomainError.invalid(.benefitEndsBeforeStart) }
        var benefit = b
        benefit.danish = try text(b.danish, .danishName); benefit.english = try text(b.english, .englishName)
        return [.init(Streams.benefits, .benefitDefined(benefit))]
    }
}
