@_spi(Store) import EnPlanDomain
import Foundation

/// Tying SSH keys to EnPlan users in the service account's authorized_keys (administrators only).
enum KeyCommands {
    static var all: [CommandSpec] { [add, list, remove] }

    static var file: OptionSpec { .text("authorized-keys", "FILE", "the authorized_keys file (default: ~/.ssh/authorized_keys of the service account)") }

    /// The acting user must be an administrator of this store.
    static func admin(_ inv: Invocation) throws -> CaseService {
        let service = try Context.open(inv.dataDirectory)
        let actor = try service.user(inv.required("as"))
        guard actor.role == .admin, actor.active else { throw DomainError.forbidden(.adminOnly(.sshKeys)) }
        return service
    }

    static var add: CommandSpec {
        CommandSpec(["key", "add"], "tie an SSH public key (KEYFILE, the .pub) to a user, or to the login screen (--kiosk): writes its authorized_keys line with the forced command", options: [
            .actor("ADMIN"), .text("user", "ID", "the EnPlan user the key logs in as"), .flag("kiosk", "a shared office terminal's key: the login screen, anyone logs in with their password"),
            .flag("headless", "also allow headless commands with this key (a script's key; the password is still asked where a terminal is attached)"), file,
        ], arguments: ["KEYFILE"]) { inv in
            let user = inv.string("user"), kiosk = inv.flag("kiosk"), headless = inv.flag("headless")
            guard (user == nil) != !kiosk else { throw UsageError("key add: give either --user ID or --kiosk") }
            if kiosk && headless { throw UsageError("key add: a kiosk key opens the login screen only: no --headless") }
            guard let text = try? String(contentsOfFile: inv.arguments[0], encoding: .utf8) else { throw UsageError("key add: cannot read \(inv.arguments[0])") }
            let key = try PublicKey(line: text)
            let service = try admin(inv)
            if let user {
                guard user.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }), let u = try service.account(user, as: inv.required("as")) else {
                    throw UsageError("key add: no user \"\(user)\" (enplan users lists them)")
                }
                guard u.active else { throw DomainError.forbidden(.notActiveUser(user)) }
            }
            let path = inv.string("authorized-keys") ?? AuthorizedKeys.defaultPath
            var lines = AuthorizedKeys.read(path)
            if let e = lines.compactMap(AuthorizedKeys.entry).first(where: { $0.fingerprint == key.fingerprint }) {
                throw UsageError("key add: the key \(key.fingerprint) is \(e.user.map { "\($0)'s" } ?? "a kiosk key") already (enplan key remove first)")
            }
            if lines.contains(where: { $0.contains(" \(key.base64)") }) {
                throw UsageError("key add: the key \(key.fingerprint) is in \(path) already, outside EnPlan: remove that line first")
            }
            let dir = URL(fileURLWithPath: inv.dataDirectory).standardizedFileURL.path
            lines.append(try AuthorizedKeys.line(key, user: user, headless: headless, executable: Context.executable, dataDirectory: dir))
            try AuthorizedKeys.write(lines, to: path)
            try service.recordKeyChange(user: user, fingerprint: key.fingerprint, added: true, headless: headless, as: inv.required("as"))
            Output.line("\(key.fingerprint) \(user.map { "logs in as \($0)" } ?? "opens the login screen (kiosk)")\(headless ? ", headless commands allowed" : "") (\(path)).")
            return 0
        }
    }

    static var list: CommandSpec {
        CommandSpec(["key", "list"], "the SSH keys tied to users: user (or kiosk), fingerprint, type, whether headless commands are allowed", options: [.actor("ADMIN"), file, .json]) { inv in
            _ = try admin(inv)
            let entries = AuthorizedKeys.read(inv.string("authorized-keys") ?? AuthorizedKeys.defaultPath).compactMap(AuthorizedKeys.entry)
            if inv.flag("json") {
                Output.jsonArray(entries) { e, w in
                    w.openObject(); w.field("user", e.user ?? "kiosk"); w.field("kiosk", e.user == nil); w.field("headless", e.headless)
                    w.field("fingerprint", e.fingerprint); w.field("type", e.type); w.closeObject()
                }
            } else {
                Output.table(["USER", "FINGERPRINT", "TYPE", "HEADLESS"], entries.map { [$0.user ?? "(kiosk)", $0.fingerprint, $0.type, $0.headless ? "yes" : "no"] })
            }
            return 0
        }
    }

    static var remove: CommandSpec {
        CommandSpec(["key", "remove"], "remove a key by its fingerprint, or every key of a user", options: [
            .actor("ADMIN"), .text("fingerprint", "SHA256:…", "the key (as key list shows it)"), .text("user", "ID", "every key of this user"), file,
        ]) { inv in
            let fingerprint = inv.string("fingerprint"), user = inv.string("user")
            guard (fingerprint == nil) != (user == nil) else { throw UsageError("key remove: give either --fingerprint or --user") }
            let service = try admin(inv)
            let path = inv.string("authorized-keys") ?? AuthorizedKeys.defaultPath
            let lines = AuthorizedKeys.read(path)
            let removed = lines.compactMap(AuthorizedKeys.entry).filter { $0.fingerprint == fingerprint || (user != nil && $0.user == user) }
            let kept = lines.filter { l in
                guard let e = AuthorizedKeys.entry(l) else { return true }
                return !(e.fingerprint == fingerprint || (user != nil && e.user == user))
            }
            guard kept.count < lines.count else { throw UsageError("key remove: no such key in \(path) (enplan key list shows them)") }
            try AuthorizedKeys.write(kept, to: path)
            for e in removed { try service.recordKeyChange(user: e.user, fingerprint: e.fingerprint, added: false, as: inv.required("as")) }
            Output.line("Removed \(lines.count - kept.count) key\(lines.count - kept.count == 1 ? "" : "s") from \(path).")
            return 0
        }
    }
}
