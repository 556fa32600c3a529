@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation
import Glibc

/// The store as a whole: opening it (full-screen, or a summary), checking it, its snapshot, and
/// the writer the crash tests kill.
enum StoreCommands {
    static var all: [CommandSpec] { [open, verify, checkpoint, snapshot] }

    static var open: CommandSpec {
        CommandSpec([], "the full-screen interface on the data directory (a summary when not on a terminal)", options: [
            .text("theme", "NAME", "a colour theme (themes/NAME.theme; default, light, high-contrast, monochrome)"),
            .choice("lang", Language.self, "the language of the screens (default: the settings file's, else da)"),
            .int("idle-lock-seconds", in: 5...14_400, "lock the screen after this long without a key (default: 10 minutes, or the settings file's)"),
        ]) { inv in
            let onTerminal = isatty(0) == 1 && isatty(1) == 1
            // The login form at once; the store opens behind it (unless the demo store is yet to be made).
            let events = (try? FileManager.default.attributesOfItem(atPath: inv.dataDirectory + "/" + Store.eventsFile)[.size] as? Int) ?? 0
            if onTerminal && !(inv.demo && events == 0) {
                return try FullScreen.run(loader: Context.loading(inv.dataDirectory), invocation: inv)
            }
            let opened = try Context.loaded(inv.dataDirectory, terminal: Context.terminal)
            for n in opened.notices { Output.warning(n) }
            let service = opened.service
            if inv.demo && !service.hasAccounts {
                let report = try DemoData.fill(service, options: DemoData.Options())
                Output.warning("created the demo store in \(inv.dataDirectory): \(report.citizens) citizens, \(report.users) users, \(report.events) events")
            }
            if onTerminal {
                return try FullScreen.run(loader: ServiceLoader(ready: opened), invocation: inv)
            }
            summary(service, inv.dataDirectory, demo: inv.demo)
            return 0
        }
    }

    static func summary(_ service: CaseService, _ dir: String, demo: Bool) {
        let s = service.summary
        Output.line("EnPlan data directory: \(dir)")
        Output.line("\(s.citizens) citizens (\(s.youth) aged 15-29), \(s.users) users, \(s.meetings) meetings, \(s.overdueFollowUps) overdue follow-ups, \(s.events) events.")
        if s.users == 0 {
            Output.line("The store has no users yet: `enplan` on a terminal offers to create the first administrator, or")
            Output.line("  enplan --data-dir \(dir) user add --as admin --id admin --name \"Your Name\" --sector employment --role admin")
        }
        if demo {
            Output.line("Demo users (password: demo):")
            Output.table(["ID", "NAME", "SECTOR", "ROLE"], service.demoLogins.map { [$0.id, $0.name, $0.sector.rawValue, $0.role.rawValue] })
        }
        Output.line("Not a terminal, so no full-screen interface; `enplan --help` lists the headless commands.")
    }

    static var verify: CommandSpec {
        CommandSpec(["verify"], "check every line of every file against the heads; FILE:LINE: reason on damage (exit 1), and the store is then read-only until released", options: [
            .flag("release", "lift the damage marker (an administrator's decision, audit-logged): moves a damaged last line aside and accepts the logs' ends; needs --as ADMIN and --reason"),
            .flag("accept-truncation", "accept logs that end before their recorded head (a restored backup): the same as --release"),
            .text("as", "ADMIN", "the administrator who releases (with --release)"),
            .text("reason", "TEXT", "why the store is released (audit-logged)"),
            .text("checkpoint", "FILE", "also check the logs against a signed checkpoint (enplan checkpoint): caught even if store.head is lost"),
        ]) { inv in
            let dir = inv.dataDirectory
            let url = Context.storeURL
            guard url != nil || FileManager.default.fileExists(atPath: dir) else { throw UsageError("no data directory \(dir)") }
            if inv.flag("release") || inv.flag("accept-truncation") {
                let flag = inv.flag("release") ? "--release" : "--accept-truncation"
                guard let admin = inv.string("as") else { throw UsageError("verify: \(flag) needs --as ADMIN") }
                guard let reason = inv.string("reason") else { throw UsageError("verify: \(flag) needs --reason TEXT") }
                let released = try Context.open(dir).releaseDamage(as: admin, reason: reason)
                for line in released.movedAside { Output.line("Moved aside: \(line)") }
                for t in released.truncations { Output.line("Accepted: \(t.file) now ends at seq \(t.endsAt) (seq \(t.expectedSeq) had been written).") }
                if let m = released.marker { Output.line("Released: the damage found by \(m.by.rawValue) on \(String(m.found.iso.prefix(19)).replacingOccurrences(of: "T", with: " ")) UTC (\(m.findings.count) finding\(m.findings.count == 1 ? "" : "s")).") }
                if released.marker == nil && released.truncations.isEmpty && released.movedAside.isEmpty {
                    Output.line("The store is sound: nothing to release.")
                } else {
                    Output.line("Recorded in the audit log; the store takes writes again.")
                }
                return 0
            }
            func marked() throws -> Bool { try url.map { try Store.marker(database: $0) != nil } ?? (DamageMarker.read(directory: dir) != nil) }
            let markedBefore = try marked()
            var reports = try url.map { try Store.verify(database: $0) } ?? Store.verify(directory: dir)
            if let file = inv.string("checkpoint") {
                let c = try Checkpoint.read(path: file)
                let checked = try url.map { try Store.check(c, database: $0, cache: dir) } ?? Store.check(c, directory: dir)
                for r in checked where !r.problems.isEmpty { reports.append(r) }
                if checked.allSatisfy({ $0.problems.isEmpty }) {
                    Output.line("\(file): the checkpoint of \(String(c.at.iso.prefix(19)).replacingOccurrences(of: "T", with: " ")) UTC holds (events seq \(c.events.seq), audit seq \(c.audit.seq))")
                }
            }
            var bad = 0
            for r in reports {
                let place = url.map { Store.redacted($0) + " " } ?? dir + "/"
                for p in r.problems { Output.line("\(place)\(r.file):\(p.line): \(p.reason)"); bad += 1 }
                for n in r.notes { Output.line("\(place)\(r.file): note: \(n)") }
            }
            if bad == 0 {
                Output.line(reports.map { "\($0.file): \($0.lines) lines, sound" }.joined(separator: "; "))
            } else if !markedBefore, try marked() {
                // Recorded in the audit log too, when it can take it (the marker is the record when not).
                if let store = try? Store(directory: dir, options: Context.storeOptions) { store.recordMarkerFound() }
                Output.line("The store is marked damaged (\(url == nil ? DamageMarker.name : "enplan_damage")): every session is read-only until an administrator decides "
                      + "(restore a backup with enplan restore, or release it with enplan verify --release --as ADMIN --reason TEXT).")
            }
            return bad == 0 ? 0 : 1
        }
    }

    static var checkpoint: CommandSpec {
        CommandSpec(["checkpoint"], "write a signed checkpoint of both logs (their last seq and hash) to FILE (- for standard output): copy it off the host; verify --checkpoint FILE checks the logs against it", options: [
            .actor("ADMIN"),
        ], arguments: ["FILE"]) { inv in
            let service = try Context.open(inv.dataDirectory)
            guard service.isAdministrator(inv.required("as")) else { throw UsageError("checkpoint: --as must name an administrator") }
            let c = try service.store.checkpoint()
            let file = inv.arguments.first ?? "-"
            if file == "-" {
                Output.text(c.text)
            } else {
                try Data(c.text.utf8).write(to: URL(fileURLWithPath: file))
                Output.line("Checkpoint written to \(file): events seq \(c.events.seq), audit seq \(c.audit.seq), signed with key \(String(c.key.prefix(16)))…; copy it off this host.")
            }
            return 0
        }
    }

    static var snapshot: CommandSpec {
        CommandSpec(["snapshot"], "write the projection cache now (it is also written by itself)") { inv in
            let service = try Context.open(inv.dataDirectory)
            try service.store.writeSnapshot()
            Output.line("Snapshot written at seq \(service.store.lastSeq).")
            return 0
        }
    }

    static var stress: CommandSpec {
        CommandSpec(["stress"], "append N contacts, printing \"SEQ HASH\" of each once durable (for the crash and concurrency tests)", options: [
            .actor(), .citizen, .int("count", in: 1...10_000_000, "how many contacts (default 100)"),
        ]) { inv in
            let actor = inv.required("as"), id = inv.required("citizen")
            let service = try Context.open(inv.dataDirectory)
            for i in 0..<(inv.int("count") ?? 100) {
                let e = try service.execute(.logContact(citizen: id, channel: .phone, note: "stress \(i)", at: nil), as: actor)
                // One line per acknowledged event, written straight to the descriptor: a kill -9 right
                // after it cannot lose an acknowledgement in a buffer.
                // "SEQ HASH": the hash names the exact line, so a test can tell it from a later event
                // that reused the seq of a torn, unacknowledged line.
                let line = Array("\(e[0].seq) \(e[0].hash)\n".utf8)
                _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            }
            return 0
        }
    }
}
