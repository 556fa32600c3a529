@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation
import Glibc

/// Starts the full-screen interface and makes sure the terminal is given back clean: on quit,
/// on SIGINT, SIGTERM and SIGHUP (the terminal closed), and on a crash.
enum FullScreen {
    nonisolated(unsafe) static var stopSignal: Int32 = 0
    /// Leave the alternate screen, clear screen and scrollback, show the cursor. Made before any
    /// signal can come: a crash handler must not allocate.
    nonisolated(unsafe) static var crashReset: UnsafeMutableBufferPointer<UInt8> = {
        let bytes = Array("\u{1B}[?1049l\u{1B}[H\u{1B}[2J\u{1B}[3J\u{1B}[?25h".utf8)
        let p = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = p.initialize(from: bytes)
        return p
    }()

    /// `inv`: the options of `enplan` without a command (`StoreCommands.open`).
    /// `loader`: the store, opening behind the login form (or already open).
    static func run(loader: ServiceLoader, invocation inv: Invocation, sessionUser: String? = nil) throws -> Int32 {
        let dataDirectory = inv.dataDirectory
        let settings = Settings.load(directory: dataDirectory)
        var options = App.Options()
        options.demo = inv.demo
        options.sessionUser = sessionUser
        options.themePaths = Theme.searchPaths(dataDirectory: dataDirectory, executable: Context.executable)
        if let lang = inv.string("lang") ?? settings.language {
            guard let l = Language(rawValue: lang) else { throw UsageError("--lang must be da or en, not \"\(lang)\"") }
            options.language = l
        }
        options.themeName = inv.string("theme") ?? settings.theme ?? "default"
        if let m = settings.idleLockMinutes { options.idleLockSeconds = m * 60 }
        options.workingHours = settings.workingHours
        options.figureSettings = settings.figures
        options.auditReportNames = settings.auditReportNames
        options.rooms = settings.rooms
        options.letterhead = settings.letterhead
        // Printing: the queues CUPS has (`lpstat`), the person's own from the settings marked; the
        // screen's chooser gives the queue (nil: the person's own, else CUPS's default).
        let printers = settings.printers
        options.printers = { user in Printing.printers(own: printers[user] ?? printers[""]) }
        options.printDocument = { user, queue, title, postScript in
            let queue = queue ?? printers[user] ?? printers[""]
            return (queue ?? "standard", try Printing.submit(postScript, title: title, queue: queue))
        }
        // Exports go to the person's outbox in the data directory, never to a shared home directory,
        // made terminal-safe as everything that leaves the program (`TerminalSafe`): someone will `cat` them.
        options.saveExport = { user, name, text in
            let item = try Outbox(dataDirectory: dataDirectory, user: user).put(name: name, text: TerminalSafe.text(text))
            return ExportReceipt(name: item.name, fetch: OutboxCommands.fetchCommand(code: item.code, name: item.name))
        }
        if let seconds = inv.int("idle-lock-seconds") { options.idleLockSeconds = Double(seconds) }

        if let problem = NcursesTerminal.problem() { throw UsageError(problem.describe(Strings(options.language))) }
        installSignalHandlers()
        let terminal = NcursesTerminal()
        options.monochrome = !terminal.canUseColor
        let app = App(loading: loader, terminal: terminal, options: options)
        // Settings it could not read are shown on the screen (stderr is hidden behind it); what
        // opening the store repaired follows as soon as it is open (`ServiceLoader.Loaded.notices`).
        let notices = [app.startupNotice].compactMap { $0 } + settings.problems
        if !notices.isEmpty { app.startupNotice = notices.joined(separator: " · ") }
        app.run { stopSignal != 0 }
        terminal.end()
        if let failed = app.loadError {
            // Said in the screens' language (an SSH key's person who is not an active user, a store
            // that cannot open): the person at the terminal reads it, not an administrator's log.
            if failed is DomainError || failed is StoreError {
                Output.error(Strings(options.language).refusal(failed))
                return (failed as? DomainError)?.isBadInput == true ? 2 : 1
            }
            throw failed
        }
        if stopSignal != 0 { exit(128 + stopSignal) }
        return 0
    }

    /// The locale must be UTF-8 for ncursesw to draw æ, ø, å: fall back to C.UTF-8 when it is not.
    static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
    }

    private static func installSignalHandlers() {
        // Ending signals: the loop sees the flag within 500 ms and shuts down cleanly.
        for s in [SIGINT, SIGTERM, SIGHUP] {
            signal(s) { sig in FullScreen.stopSignal = sig }
        }
        // A crash: leave the alternate screen, clear screen and scrollback, then die as before.
        _ = crashReset
        for s in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(s) { sig in
                _ = write(1, FullScreen.crashReset.baseAddress, FullScreen.crashReset.count)
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }
}
