extension CaseService {
    /// Checks a user's password. Five failures in a row lock the user for five minutes at every
    /// terminal. Every attempt goes to the audit log; the error never says which part was wrong.
    public func login(_ userID: String, password: String) throws -> User {
        try store.refresh()
        let now = store.clock.now()
        guard let account = store.projection.accounts[userID], account.user.active else {
            // As slow as a wrong password, so the answer's timing does not tell which user ids exist.
            _ = Passwords.verify(password, against: Passwords.timingDecoy)
            try record(.loginFailed(user: userID, detail: "unknown or deactivated user"))
            throw DomainError.invalid("wrong user id or password")
        }
        if let until = account.lockedUntil(now: now) {
            try record(.loginRefused(user: userID, detail: "locked after 5 failed attempts"))
            throw DomainError.forbidden("too many failed attempts: \(userID) is locked until \(until.local.iso.suffix(5))")
        }
        guard Passwords.verify(password, against: account.passwordHash) else {
            try execute(.recordLogin(user: userID, succeeded: false), as: userID)
            try record(.loginFailed(user: userID, detail: "wrong password"))
            throw DomainError.invalid("wrong user id or password")
        }
        if account.failedLogins > 0 { try execute(.recordLogin(user: userID, succeeded: true), as: userID) }
        try record(.loginSucceeded(user: userID))
        return account.user
    }
}
