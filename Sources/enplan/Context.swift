@_spi(Store) import EnPlanDomain
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
        let store = try Store(directory: directory)
        for r in store.repairs { Output.warning(r) }   // the full-screen interface shows them too
        if let damage = store.readOnlyReason { Output.warning(damage.description) }
        return CaseService(store: store, terminal: terminal)
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
