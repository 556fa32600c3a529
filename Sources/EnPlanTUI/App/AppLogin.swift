import EnPlanDomain
import Foundation

/// Login and lock: the login screen's answer, starting a session (or giving a locked one back),
/// locking, and logging out a user deactivated elsewhere.
extension App {
    func submit(_ screen: LoginScreen) {
        var screen = screen
        let form = screen.form
        let id = form.value("user").lowercased()
        do {
            if let only = options.sessionUser, id != only {
                throw LoginProblem(text: "\(strings.g(.keyIsFor)) \(only)")
            }
            if screen.kind == .firstAdmin {
                let typed = form.value("sector").lowercased()
                guard let sector = Sector(rawValue: typed) ?? Sector.allCases.first(where: { strings.sector($0).lowercased() == typed }) else {
                    throw LoginProblem(text: "\(strings.g(.sector)): " + Sector.allCases.map(strings.sector).joined(separator: ", "))
                }
                try Passwords.check(form["password"])
                try service.execute(.createUser(User(id: id, name: form["name"], sector: sector, role: .admin),
                                                passwordHash: try Passwords.hash(form["password"])), as: id)
            }
            startSession(try service.login(id, password: form["password"]))
        } catch let p as LoginProblem {
            screen.refused(p.text)
            phase = .login(screen)
        } catch let e as DomainError {
            screen.refused(strings.refusal(e, names: Names(service, strings)))
            phase = .login(screen)
        } catch {
            screen.form.error = strings.refusal(error)
            phase = .login(screen)
        }
    }

    /// The login form's own check (the SSH key's holder, a sector), in the user's words.
    private struct LoginProblem: Error { let text: String }

    func startSession(_ user: User) {
        if var kept = lockedSession, kept.user.id == user.id {
            kept.user = user
            phase = .main(kept)
            lockedSession = nil
            // What the list does not show may have changed access while the screen was locked:
            // the screens above it are read again, then whatever else changed.
            withSession { s in
                reloadAll(nil, &s, from: 1)
                refresh(&s)
            }
            return
        }
        if let kept = lockedSession {
            // Someone else logs in at a locked terminal: the first user's session goes.
            message = ("\(kept.user.name): \(strings.t(.discarded))", .alert)
            lockedSession = nil
        }
        let root: any Screen
        do {
            root = try CitizenListScreen(context: context(user))
        } catch {
            message = (strings.refusal(error, names: Names(service, strings)), .error)
            root = CitizenListScreen(empty: user)
        }
        seenSeq = service.markAllSeen()   // the list was just read whole
        phase = .main(Session(user: user, stack: [root], inbox: service.inbox(for: user.id)))
    }

    /// Clears the screen of everything personal and asks for the password again.
    public func lock() {
        guard case .main(var s) = phase else { return }
        lock(&s)
    }

    func lock(_ s: inout Session) {
        lockedSession = s
        showHelp = false
        commandLine = nil
        message = nil
        terminal.wipe()
        phase = .login(LoginScreen(kind: .locked(user: s.user.id), strings: strings))
    }

    /// Deactivated at another terminal: the session ends here too.
    func logOut() {
        lockedSession = nil
        terminal.wipe()
        phase = .login(loginScreen())
    }

    /// The login form, filled in with the SSH key's person when there is one.
    func loginScreen() -> LoginScreen {
        var screen = LoginScreen(kind: service.hasAccounts ? .login : .firstAdmin, strings: strings)
        if let user = options.sessionUser, screen.kind == .login { screen.form["user"] = user; screen.form.focus(on: "password") }
        return screen
    }
}
