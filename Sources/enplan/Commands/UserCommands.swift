@_spi(Store) import EnPlanDomain
import Foundation

/// The users: listing them, adding one, passwords, deactivating and activating.
enum UserCommands {
    static var all: [CommandSpec] { [users, add, passwd, active(false), active(true), contact, unlock] }

    /// The accounts as the acting user may list them (`CaseService.accounts`): the municipality's
    /// IT department and the team leaders manage accounts and hand on what leavers leave, so they
    /// see every account; a caseworker sees what the colleagues' directory shows anyone who works
    /// here, no more.
    static var users: CommandSpec {
        CommandSpec(["users"], "the staff: id, name, sector, role (caseworker, supervisor, admin), active, phone and e-mail. An administrator or team leader (supervisor) sees every account, deactivated ones too, and an administrator also until when one is locked out; anyone else sees the active colleagues, as the directory shows them",
                    options: [.actor(), .json]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let rows = try service.accounts(as: inv.required("as"))
            if inv.flag("json") {
                Output.jsonArray(rows) { r, w in
                    let u = r.user
                    w.openObject(); w.field("id", u.id); w.field("name", u.name); w.field("sector", u.sector); w.field("role", u.role)
                    w.field("active", u.active); w.field("phone", u.phone); w.field("email", u.email)
                    w.field("lockedUntil", r.lockedUntil?.local.iso); w.closeObject()
                }
            } else {
                Output.table(["ID", "NAME", "SECTOR", "ROLE", "ACTIVE", "LOCKED"],
                             rows.map { r in [r.user.id, r.user.name, r.user.sector.rawValue, r.user.role.rawValue, r.user.active ? "yes" : "no",
                                              r.lockedUntil.map { "until \($0.local.iso.suffix(5)) (enplan user unlock)" } ?? ""] })
            }
            return 0
        }
    }

    static var add: CommandSpec {
        CommandSpec(["user", "add"], "add a user, the password on stdin; the first user of a new store must be an admin", options: [
            .actor("ADMIN"), .text("id", "ID", required: true, "the new user's login"), .text("name", "NAME", required: true, "their name"),
            .choice("sector", Sector.self, required: true, "their sector"), .choice("role", Role.self, required: true, "their role"),
        ]) { inv in
            let actor = inv.required("as"), id = inv.required("id"), name = inv.required("name")
            let user = User(id: id, name: name, sector: inv.choice("sector", Sector.self)!, role: inv.choice("role", Role.self)!)
            let service = try Context.open(inv.dataDirectory)
            // Check what can be checked before asking for the password.
            try service.check(.createUser(user, passwordHash: "-"), as: actor)
            let password = try Context.readPassword(prompt: "Password for \(id): ")
            try Passwords.check(password, user: id)
            try service.execute(.createUser(user, passwordHash: try Passwords.hash(password)), as: actor)
            Output.line(id)
            return 0
        }
    }

    static var passwd: CommandSpec {
        CommandSpec(["user", "passwd"], "change a password (your own, or as admin anyone's): your current password, then the new one (two lines on stdin)", options: [
            .actor(), .text("user", "ID", "whose password (default: your own)"),
        ]) { inv in
            let actor = inv.required("as")
            let target = inv.string("user") ?? actor
            let service = try Context.open(inv.dataDirectory)
            let acting = try service.user(actor)
            if target != actor, acting.role != .admin { throw DomainError.forbidden(.adminOnly(.otherPasswords)) }
            // Something one knows, whatever opened the door (an SSH key alone changes nothing): the
            // current password, or for an administrator's reset the administrator's own. Checked as
            // a login is (logged, and five failures lock).
            _ = try service.login(actor, password: try Context.readPassword(prompt: target == actor ? "Current password for \(actor): "
                                                                                        : "Your own password (\(actor)): "))
            let password = try Context.readPassword(prompt: "New password for \(target): ")
            try Passwords.check(password, user: target)
            try service.execute(.changePassword(user: target, passwordHash: try Passwords.hash(password)), as: actor)
            Output.line("Password changed for \(target).")
            return 0
        }
    }

    static var contact: CommandSpec {
        CommandSpec(["user", "contact"], "a user's phone and e-mail (your own, or as admin anyone's); the citizen's plan document gives the responsible's; \"\" clears one", options: [
            .actor(), .text("user", "ID", "whose (default: your own)"), .text("phone", "NUMBER", "the phone number, e.g. \"+45 46 31 30 00\""),
            .text("email", "ADDRESS", "the e-mail address"),
        ]) { inv in
            let actor = inv.required("as")
            let target = inv.string("user") ?? actor
            let service = try Context.open(inv.dataDirectory)
            guard let u = try service.account(target, as: actor) else { throw DomainError.notFound(.user(target)) }
            guard inv.string("phone") != nil || inv.string("email") != nil else { throw UsageError("give --phone, --email or both") }
            let events = try service.execute(.setUserContact(user: target, phone: inv.string("phone") ?? u.phone, email: inv.string("email") ?? u.email), as: actor)
            Output.line(events[0].seq)
            return 0
        }
    }

    static var unlock: CommandSpec {
        CommandSpec(["user", "unlock"], "lift a lockout (five wrong passwords) before its five minutes are up (administrators; audit-logged as an event)",
                    options: [.actor("ADMIN"), .text("user", "ID", required: true, "the user")]) { inv in
            let target = inv.required("user")
            try Context.open(inv.dataDirectory).execute(.unlockUser(user: target), as: inv.required("as"))
            Output.line("\(target) is unlocked.")
            return 0
        }
    }

    static func active(_ active: Bool) -> CommandSpec {
        var options: [OptionSpec] = [.actor("ADMIN"), .text("user", "ID", required: true, "the user")]
        if !active {
            options += [.text("hand-to", "ID", "the colleague who takes over, in the same write: responsible for their citizens, and in their place in the coming meetings where free at that hour"),
                        KeyCommands.file]
        }
        return CommandSpec(["user", active ? "activate" : "deactivate"],
                    active ? "let a deactivated user log in again"
                           : "stop a user from logging in: says what they leave (citizens, coming meetings), hands their citizens and meetings on with --hand-to, and removes their SSH keys",
                    options: options) { inv in
            let target = inv.required("user"), admin = inv.required("as")
            let service = try Context.open(inv.dataDirectory)
            guard active else { return try deactivate(target, by: admin, service: service, inv) }
            try service.execute(.setUserActive(user: target, active: true), as: admin)
            Output.line("\(target) is active.")
            return 0
        }
    }

    /// Deactivating: in one write, the user stops and (with --hand-to) their citizens go to another
    /// caseworker; then their SSH keys go (audited); what is left is said, so nothing is forgotten.
    private static func deactivate(_ target: String, by admin: String, service: CaseService, _ inv: Invocation) throws -> Int32 {
        let leaves = service.leaves(target)
        let successor = inv.string("hand-to")
        var batch: [(actor: String, command: Command)] = [(admin, .setUserActive(user: target, active: false))]
        if let to = successor, !leaves.citizens.isEmpty {
            batch.append((admin, .reassign(citizens: leaves.citizens, to: to, reason: "\(target) er fratrådt")))
        }
        // Their place in the coming meetings goes to the successor where they are free at that hour.
        let restaffed = successor.map { service.restaffing(leaves.meetings, to: $0) } ?? (free: [], busy: leaves.meetings)
        for m in restaffed.free { batch.append((admin, .replaceParticipant(meeting: m, leaving: target, by: successor))) }
        try service.execute(batch: batch)
        var said = ["\(target) is deactivated."]
        if let to = inv.string("hand-to"), !leaves.citizens.isEmpty {
            said.append("\(leaves.citizens.count) citizen\(leaves.citizens.count == 1 ? "" : "s") handed to \(to).")
        } else if !leaves.citizens.isEmpty {
            said.append("Still responsible for \(leaves.citizens.count) citizen\(leaves.citizens.count == 1 ? "" : "s"): hand them on (enplan reassign, or user deactivate --hand-to next time).")
        }
        if let to = successor, !restaffed.free.isEmpty {
            said.append("\(to) takes their place in \(restaffed.free.count) coming meeting\(restaffed.free.count == 1 ? "" : "s").")
        }
        if !restaffed.busy.isEmpty {
            let busy = restaffed.busy
            said.append((successor == nil ? "Takes part in" : "Still in") + " \(busy.count) coming meeting\(busy.count == 1 ? "" : "s") (\(busy.prefix(5).joined(separator: ", "))\(busy.count > 5 ? ", …" : ""))"
                        + (successor == nil ? ": staff them again (enplan meeting restaff)." : " where \(successor!) is busy: staff them again (enplan meeting restaff)."))
        }
        // Their keys go: a deactivated person's key opens nothing anyway, but it should not wait there.
        let path = inv.string("authorized-keys") ?? AuthorizedKeys.defaultPath
        let lines = AuthorizedKeys.read(path)
        let theirs = lines.compactMap(AuthorizedKeys.entry).filter { $0.user == target }
        if !theirs.isEmpty {
            try AuthorizedKeys.write(lines.filter { AuthorizedKeys.entry($0)?.user != target }, to: path)
            for e in theirs { try service.recordKeyChange(user: target, fingerprint: e.fingerprint, added: false, as: admin) }
            said.append("\(theirs.count) SSH key\(theirs.count == 1 ? "" : "s") removed from \(path).")
        }
        Output.line(said.joined(separator: " "))
        return 0
    }
}
