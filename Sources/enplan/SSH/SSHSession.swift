@_spi(Store) import EnPlanDomain
import Foundation
import Glibc

/// `enplan ssh-session`: the forced command of every key (`key add`). sshd runs it whatever the
/// client asked for, which arrives in SSH_ORIGINAL_COMMAND:
///
/// - empty (`ssh enplan@host`): the full-screen interface, the login form filled in with the
///   key's person (the password is still asked); a kiosk key gets the plain login screen;
/// - a headless command (`ssh enplan@host citizens --json`): refused for an ordinary key (the key
///   alone is one factor; the password at the login form is the second); with a key an
///   administrator allowed for it (`key add --headless`), run as the key's person, after the
///   person's password where a terminal is attached (`ssh -t`). `version` and `help` take any key. `--as` is
///   added when left out and may not name anyone else; `--data-dir` and `--demo` cannot be given;
///   the store's own administration (keys, backups, restores, the demo, the writer the tests kill)
///   and commands that read a file on the server are the service account's, not reachable over SSH; the domain refuses what the role does not allow.
///
/// The audit log's terminal is `ssh:FINGERPRINT@ADDRESS` (SSH_CLIENT's), with the tty when there is one.
enum SSHSession {
    /// Commands only the service account runs (their first words).
    static let serviceOnly: Set<String> = ["ssh-session", "key", "backup", "restore", "demo", "stress", "snapshot"]

    static var spec: CommandSpec {
        CommandSpec(["ssh-session"], "the forced command of an SSH key (written by key add): runs SSH_ORIGINAL_COMMAND, or the full-screen interface, as the key's user", options: [
            .text("user", "ID", "the user the key belongs to"), .flag("kiosk", "a kiosk key: the login screen only"),
            .text("key", "SHA256:…", "the key's fingerprint, for the audit log"),
            .flag("headless", "the key may run headless commands (key add --headless)"),
        ]) { inv in
            let user = inv.string("user"), kiosk = inv.flag("kiosk")
            guard (user == nil) != !kiosk else { throw UsageError("ssh-session: give either --user ID or --kiosk") }
            let env = ProcessInfo.processInfo.environment
            let address = env["SSH_CLIENT"].flatMap { $0.split(separator: " ").first.map(String.init) } ?? "local"
            Context.sshIdentity = "ssh:\(inv.string("key") ?? "unknown-key")@\(address)"
            let words = try split(env["SSH_ORIGINAL_COMMAND"] ?? "")
            return try run(words: words.first == "enplan" ? Array(words.dropFirst()) : words, user: user, headless: inv.flag("headless"),
                           dataDirectory: inv.dataDirectory)
        }
    }

    /// Commands any key may run: they show nothing of anyone.
    /// `outbox get` takes a code shown only on the person's screen after their password: the key
    /// and the code are the two factors.
    static let harmless: Set<String> = ["version", "help", "outbox get"]

    /// Commands whose arguments are no files on the server (an outbox code).
    static let notFiles: Set<String> = ["outbox get", "outbox remove"]

    /// What the client asked for, run as `user` (nil: a kiosk) on `dataDirectory`; headless
    /// commands only with a `headless` key.
    static func run(words: [String], user: String?, headless: Bool = false, dataDirectory: String) throws -> Int32 {
        for w in words where w == "--data-dir" || w.hasPrefix("--data-dir=") || w == "--demo" {
            throw UsageError("ssh-session: \(w.split(separator: "=")[0]) cannot be given over SSH (the key names the data directory)")
        }
        let commands = CLI.commands
        // The command asked for, before its options are checked: a kiosk runs none, and `--as` is
        // the key's person when left out.
        let (named, help) = Parser.scan(words, commands: commands)
        var argv = words
        if !help, named.first != "help", !named.isEmpty {
            let command = try Parser.resolve(named, in: commands)
            if let first = command.path.first, serviceOnly.contains(first) {
                throw DomainError.forbidden(.serverOnly(command: command.name))
            }
            guard let user else { throw DomainError.forbidden(.kioskKey) }
            guard headless || harmless.contains(command.name) else { throw DomainError.forbidden(.headlessKeyNeeded) }
            // A file argument would be read on the server, as the service account.
            if !command.arguments.isEmpty, !notFiles.contains(command.name) {
                throw DomainError.forbidden(.serverFile(command: command.name, arguments: command.arguments.joined(separator: " ")))
            }
            if command.option("as") != nil, !words.contains(where: { $0 == "--as" || $0.hasPrefix("--as=") }) { argv += ["--as", user] }
        }
        let parsed = try Parser.parse(["--data-dir", dataDirectory] + argv, commands: commands)
        guard case .run(let inv) = parsed else {
            if case .help(let h) = parsed { Output.text(try CLI.help(h, commands)) }
            return 0
        }
        let checkUser: @Sendable (CaseService) throws -> Void = { service in
            if let user {
                guard service.isActive(user) else { throw DomainError.forbidden(.notActiveUser(user)) }
            }
        }
        if inv.command.path.isEmpty {
            guard isatty(0) == 1 && isatty(1) == 1 else {
                throw UsageError("ssh-session: no terminal for the full-screen interface (ssh -t, or give a command: ssh HOST citizens)")
            }
            // The login form at once; the store opens (and the key's person is checked) behind it.
            return try FullScreen.run(loader: Context.loading(dataDirectory, check: checkUser), invocation: inv, sessionUser: user)
        }
        let service = try Context.open(dataDirectory)
        try checkUser(service)
        guard let user else { throw DomainError.forbidden(.kioskKey) }
        if let other = inv.values["as"], other != user {
            throw DomainError.forbidden(.sshKeyIsFor(user: user, other: other))
        }
        // Someone at a keyboard (ssh -t): the password too, as at the login form. A script's
        // headless key without a terminal runs on the key alone, as the administrator allowed.
        if isatty(0) == 1, !harmless.contains(inv.command.name) {
            _ = try service.login(user, password: try Context.readPassword(prompt: "Adgangskode for \(user): "))
        }
        return try inv.command.run(inv)
    }

    /// The words of SSH_ORIGINAL_COMMAND as a POSIX shell would split them (quotes and
    /// backslashes), without running a shell: no expansion, no redirection, no second command.
    static func split(_ s: String) throws -> [String] {
        var words: [String] = [], word = "", inWord = false
        var quote: Character?
        var escaped = false
        for c in s {
            if escaped { word.append(c); escaped = false; inWord = true; continue }
            if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"" { escaped = true } else { word.append(c) }
                continue
            }
            switch c {
            case "\\": escaped = true; inWord = true
            case "'", "\"": quote = c; inWord = true
            case " ", "\t", "\n": if inWord { words.append(word); word = ""; inWord = false }
            default: word.append(c); inWord = true
            }
        }
        guard quote == nil, !escaped else { throw UsageError("ssh-session: the command has an unterminated quote or a trailing backslash") }
        if inWord { words.append(word) }
        return words
    }
}
