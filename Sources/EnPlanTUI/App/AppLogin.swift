import EnPlanDomain
import Foundation

/// Login and lock: the login screen's answer, starting a session (or giving a locked one back),
/// locking, and logging out a user deactivated elsewhere.
extension App {
    func submit(_ screen: LoginScreen) {
        var screen = screen
        // Enter before the store is open: say so, and wait for it.
        guard waitLoaded(while: screen) else { return }
        if screen.kind == .login, !service.hasAccounts { phase = .login(loginScreen()); return }
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
                try Passwords.check(form["password"], user: id)
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
        trimmedSinceLogin = false
        if var kept = lockedSession, kept.user.id == user.id {
            kept.user = user
            kept.credential = service.credentialStamp(of: user.id)
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
            root = try CitizenListScreen(context: context(user), nameKeys: loader.takeNameKeys())
        } catch {
            message = (strings.refusal(error, names: Names(service, strings)), .error)
            root = CitizenListScreen(empty: user)
        }
        seenSeq = service.markAllSeen()   // the list was just read whole
        phase = .main(Session(user: user, stack: [root], inbox: service.inbox(for: user.id), credential: service.credentialStamp(of: user.id)))
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
        choice = nil
        message = nil
        terminal.wipe()
        phase = .login(LoginScreen(kind: .locked(user: s.user.id), strings: strings))
    }

    /// Deactivated at another terminal: the session ends here too.
    func logOut() {
        lockedSession = nil
        choice = nil
        terminal.wipe()
        phase = .login(loginScreen())
    }

    /// Takes the store from the loader when it is open (the loop asks between keys): its notices
    /// go to the status line, and a store without users turns the form into the first
    /// administrator's. A store that failed to open ends the program, which reports why.
    func checkLoaded(waiting: Bool = false) {
        guard loaded == nil, loadError == nil, waiting || loader.isDone else { return }
        do { takeLoaded(try loader.wait()) } catch { loadError = error; running = false }
    }

    func takeLoaded(_ l: ServiceLoader.Loaded) {
        guard loaded == nil else { return }
        loaded = l.service
        // In the user's words (the headless commands print the store's own, `l.notices`).
        let said = (l.repaired == 0 ? [] : [strings.repairedAtOpen(l.repaired)]) + [l.readOnly.map { strings.refusal($0) }].compactMap { $0 }
        if !said.isEmpty {
            let n = said.joined(separator: " · ")
            startupNotice = [startupNotice, n].compactMap { $0 }.joined(separator: " · ")
            message = (n, .error)
        }
        if case .login(let screen) = phase, screen.kind == .login, !l.service.hasAccounts { phase = .login(loginScreen()) }
    }

    /// Waits for the store with "Indlæser …" on the screen; false when it failed to open.
    private func waitLoaded(while screen: LoginScreen) -> Bool {
        if loaded != nil { return true }
        if loadError != nil { return false }
        let shown = message
        if !loader.isDone {
            message = (strings.g(.loading), .normal)
            phase = .login(screen)
            terminal.present(render())
        }
        checkLoaded(waiting: true)
        if loadError != nil { return false }
        if message?.text == strings.g(.loading) { message = shown }
        return true
    }

    /// The login form, filled in with the SSH key's person when there is one.
    func loginScreen() -> LoginScreen {
        // Before the store is open: the login (`takeLoaded` turns it into the first administrator's).
        var screen = LoginScreen(kind: loaded?.hasAccounts ?? true ? .login : .firstAdmin, strings: strings)
        if let user = options.sessionUser, screen.kind == .login { screen.form["user"] = user; screen.form.focus(on: "password") }
        return screen
    }
}
