@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation

/// Running EnPlan on a server: its version, its man page, backups and restores.
enum OpsCommands {
    static var all: [CommandSpec] { [version, themes, manpage, backup, restore, migrate] }

    static var version: CommandSpec {
        CommandSpec(["version"], "print the version (also enplan --version)") { _ in
            Output.line("\(Version.line) (themes built in: \(Theme.builtIn.keys.sorted().joined(separator: ", ")))")
            return 0
        }
    }

    static var themes: CommandSpec {
        CommandSpec(["themes"], "the themes the full-screen interface finds: name, whether it has colour, and where it comes from") { inv in
            let paths = Theme.searchPaths(dataDirectory: inv.dataDirectory, executable: Context.executable)
            let rows = Theme.available(in: paths).map { name -> [String] in
                let (theme, problem) = Theme.load(name, from: paths)
                return [name, problem != nil ? "bad" : theme.usesColor ? "colour" : "monochrome", problem ?? Theme.source(name, in: paths) ?? "-"]
            }
            Output.table(["NAME", "COLOUR", "FROM"], rows)
            return 0
        }
    }

    static var manpage: CommandSpec {
        CommandSpec(["manpage"], "print the man page enplan(1) in troff, made from the command declarations (man/enplan.1)") { _ in
            Output.text(ManPage.render(CLI.commands))
            return 0
        }
    }

    static var backup: CommandSpec {
        CommandSpec(["backup"], "copy the store to DEST (a new or empty directory) while terminals keep writing: up to the heads it records, fsynced, verified; with the settings and the SSH keys' authorized_keys",
                    options: [KeyCommands.file], arguments: ["DEST"]) { inv in
            let dest = try emptyDirectory(inv.arguments[0], "backup")
            if let url = Context.storeURL {
                let started = Date()
                let r = try cleaningUp(dest) { try Store.backup(database: url, cache: inv.dataDirectory, to: dest) }
                Output.line("Backed up \(Store.redacted(url)) to \(dest) as JSON Lines: \(Store.eventsFile) to seq \(r.events.seq) (\(r.events.hash.prefix(16))…), "
                      + "\(Store.auditFile) to seq \(r.audit.seq); \(r.events.bytes + r.audit.bytes) bytes, verified, in \(String(format: "%.2f", Date().timeIntervalSince(started))) s.")
                return 0
            }
            guard FileManager.default.fileExists(atPath: inv.dataDirectory + "/" + Store.eventsFile) else {
                throw UsageError("backup: no store in \(inv.dataDirectory)")
            }
            let started = Date()
            let r = try cleaningUp(dest) { try Store.backup(directory: inv.dataDirectory, to: dest) }
            // Who may reach the store over SSH is part of what a restore needs: the keys' file too
            // (restore leaves it for the administrator to put back; it names this host's paths).
            let keys = inv.string("authorized-keys") ?? AuthorizedKeys.defaultPath
            var withKeys = ""
            if FileManager.default.fileExists(atPath: keys) {
                try AuthorizedKeys.write(AuthorizedKeys.read(keys), to: dest + "/authorized_keys")
                withKeys = ", with \(keys)"
            }
            Output.line("Backed up \(inv.dataDirectory) to \(dest): \(Store.eventsFile) to seq \(r.events.seq) (\(r.events.hash.prefix(16))…), "
                  + "\(Store.auditFile) to seq \(r.audit.seq); \(r.events.bytes + r.audit.bytes) bytes, verified\(withKeys), in \(String(format: "%.2f", Date().timeIntervalSince(started))) s.")
            return 0
        }
    }

    static var restore: CommandSpec {
        CommandSpec(["restore"], "restore a backup (SRC, from enplan backup) into DIR, a new or empty data directory; the restore is recorded in its audit log",
                    arguments: ["SRC", "DIR"]) { inv in
            let src = inv.arguments[0]
            try Context.filesOnly("restore (restore into a data directory, then enplan --data-dir DIR migrate --to URL)")
            guard FileManager.default.fileExists(atPath: src + "/" + Store.eventsFile) else { throw UsageError("restore: no backup in \(src) (no \(Store.eventsFile))") }
            let dest = try emptyDirectory(inv.arguments[1], "restore")
            let r = try cleaningUp(dest) { try Store.restore(from: src, to: dest) }
            let service = try Context.open(dest)
            try service.recordRestore(by: "os:" + Context.osUser, source: URL(fileURLWithPath: src).standardizedFileURL.path, report: r)
            Output.line("Restored \(src) into \(dest): \(Store.eventsFile) to seq \(r.events.seq), \(Store.auditFile) to seq \(r.audit.seq); verified; recorded in its audit log."
                        + (FileManager.default.fileExists(atPath: src + "/authorized_keys")
                           ? " The backup's SSH keys are in \(src)/authorized_keys: put them back in the service account's ~/.ssh/authorized_keys if they are gone." : ""))
            return 0
        }
    }

    static var migrate: CommandSpec {
        CommandSpec(["migrate"], "copy the JSON Lines store of the data directory into an empty PostgreSQL store (--to URL): the files are verified first, the lines copied byte for byte with their heads, and the database verified; the files are left as they are",
                    options: [.text("to", "URL", required: true, "the PostgreSQL store (postgresql://…), empty")]) { inv in
            let url = inv.required("to")
            guard FileManager.default.fileExists(atPath: inv.dataDirectory + "/" + Store.eventsFile) else {
                throw UsageError("migrate: no store in \(inv.dataDirectory)")
            }
            let started = Date()
            let m = try Store.migrate(directory: inv.dataDirectory, to: url)
            Output.line("Migrated \(inv.dataDirectory) to \(Store.redacted(url)): \(m.events) events, \(m.audit) audit records; "
                        + m.reports.map { "\($0.file): \($0.lines) lines, sound" }.joined(separator: "; ")
                        + " (in \(String(format: "%.2f", Date().timeIntervalSince(started))) s). Open it with --store URL (or ENPLAN_STORE, or store = URL in the settings).")
            return 0
        }
    }

    /// Runs `body`, which fills the new or empty directory `dest`; when it fails, what it wrote is removed again.
    private static func cleaningUp<T>(_ dest: String, _ body: () throws -> T) throws -> T {
        let existed = FileManager.default.fileExists(atPath: dest)
        do { return try body() } catch {
            if existed {
                for f in (try? FileManager.default.contentsOfDirectory(atPath: dest)) ?? [] { try? FileManager.default.removeItem(atPath: dest + "/" + f) }
            } else {
                try? FileManager.default.removeItem(atPath: dest)
            }
            throw error
        }
    }

    /// A path that does not exist yet, or an empty directory: nothing is ever written over.
    private static func emptyDirectory(_ path: String, _ command: String) throws -> String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw UsageError("\(command): \(path) is a file, not a directory") }
            guard (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty == true else {
                throw UsageError("\(command): \(path) is not empty (give a new or empty directory)")
            }
        }
        return path
    }
}
