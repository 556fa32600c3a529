@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation
import Glibc

/// Where the data lives and who is at the keyboard.
enum Context {
    /// --data-dir, else $ENPLAN_DATA, else $XDG_DATA_HOME/enplan, else ~/.local/share/enplan.
    static func dataDirectory(_ explicit: String?, demo: Bool) -> String {
        let env = ProcessInfo.processInfo.environment
        let base: String = {
            if let x = env["XDG_DATA_HOME"], !x.isEmpty { return x }
            return (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }()
        if demo { return explicit ?? base + "/enplan-demo" }
        if let explicit { return explicit }
        if let e = env["ENPLAN_DATA"], !e.isEmpty { return e }
        return base + "/enplan"
    }

    /// The PostgreSQL store the logs are in (`--store`, else $ENPLAN_STORE, else the settings'
    /// `store = URL`), or nil for the JSON Lines files in the data directory (the default). Set
    /// once a command line is parsed.
    nonisolated(unsafe) static var storeURL: String?

    static func storeURL(_ explicit: String?, dataDirectory: String) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let e = ProcessInfo.processInfo.environment["ENPLAN_STORE"], !e.isEmpty { return e }
        return Settings.load(directory: dataDirectory).store
    }

    /// Where the store is, for messages: the data directory, or the database (without a password).
    static func storeName(_ directory: String) -> String {
        storeURL.map { Store.redacted($0) } ?? directory
    }

    /// Refuses, in one line, what works on the JSON Lines files only.
    static func filesOnly(_ what: String) throws {
        if storeURL != nil { throw UsageError("\(what) works on the JSON Lines files only, not on a PostgreSQL store (--store, $ENPLAN_STORE)") }
    }

    static var storeOptions: Store.Options {
        var o = Store.Options()
        o.database = storeURL
        return o
    }

    /// This program's own path (/proc/self/exe), whatever PATH or argv[0] said.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The OS user running this process.
    static var osUser: String {
        guard let pw = getpwuid(geteuid()) else { return "uid\(geteuid())" }
        return String(cString: pw.pointee.pw_name)
    }

    /// Over SSH (`ssh-session`): "ssh:FINGERPRINT@ADDRESS", set before the store is opened.
    nonisolated(unsafe) static var sshIdentity: String?

    /// The terminal for the audit log: the tty's name, else "headless:<host>:<pid>"; over SSH the
    /// key's fingerprint and the client's address first ("ssh:SHA256:…@10.0.0.5 /dev/pts/3").
    static var terminal: String {
        let tty = [Int32(0), 1, 2].lazy.compactMap { ttyname($0).map { String(cString: $0) } }.first
        if let ssh = sshIdentity { return ssh + (tty.map { " " + $0 } ?? "") }
        if let tty { return tty }
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        return "headless:\(String(cString: host)):\(getpid())"
    }

    static func open(_ directory: String) throws -> CaseService {
        let opened = try loaded(directory, terminal: terminal)
        for n in opened.notices { Output.warning(n) }   // the full-screen interface shows them too
        return opened.service
    }

    /// The store opened, with what opening found for the user (repaired tails, damage), unprinted:
    /// the full-screen interface opens it behind the login form and shows them on the screen.
    static func loaded(_ directory: String, terminal: String) throws -> ServiceLoader.Loaded {
        let store = try Store(directory: directory, options: storeOptions)
        let service = CaseService(store: store, terminal: terminal)
        return ServiceLoader.Loaded(service: service,
                                    notices: store.repairs + [store.readOnlyReason?.description].compactMap { $0 },
                                    names: service.namesForTheSearchIndex,
                                    repaired: store.repairs.count, readOnly: store.readOnlyReason)
    }

    /// The store opened on a thread of its own while the login form is up (`ServiceLoader`);
    /// `check` runs there too, on the opened service (the SSH key's person is an active user).
    static func loading(_ directory: String, check: @escaping @Sendable (CaseService) throws -> Void = { _ in }) -> ServiceLoader {
        let name = terminal
        return ServiceLoader(terminal: name) {
            let opened = try loaded(directory, terminal: name)
            try check(opened.service)
            Heap.giveBack()   // what opening freed (the snapshot's buffers, the read-ahead's arena)
            return opened
        }
    }

    /// A password: from the terminal without echo, or one line of standard input.
    static func readPassword(prompt: String) throws -> String {
        if isatty(0) == 1 {
            FileHandle.standardError.write(Data(prompt.utf8))
            var old = termios()
            tcgetattr(0, &old)
            var quiet = old
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
            defer { tcsetattr(0, TCSAFLUSH, &old); FileHandle.standardError.write(Data("\n".utf8)) }
            return readLine(strippingNewline: true) ?? ""
        }
        guard let line = readLine(strippingNewline: true) else { throw UsageError("no password on standard input") }
        return line
    }
}
