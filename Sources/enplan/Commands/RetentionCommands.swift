@_spi(Store) import EnPlanDomain
import Foundation

/// Retention: what is due (the settings' periods), the archive copy, the upgrade of an old log, and
/// the run that erases. Administrators only; every step is recorded in the audit log.
enum RetentionCommands {
    static var all: [CommandSpec] { [list, archive, upgrade, run] }

    static func day(_ d: Day) -> String { d.danish }

    static var list: CommandSpec {
        CommandSpec(["retention", "list"], "what the retention periods make due today (settings retention-years, audit-retention-years, archive-exempt): closed cases past their period, whether an archive copy holds them, and the audit log's records", options: [
            .actor("ADMIN"), .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let policy = Settings.load(directory: inv.dataDirectory).retention
            let r = try service.retention(as: inv.required("as"), policy: policy)
            if inv.flag("json") {
                var w = JSONWriter()
                w.openObject()
                w.field("today", r.today.iso); w.field("caseRule", policy.caseRule); w.field("caseYears", policy.caseYears)
                w.field("auditRule", policy.auditRule); w.field("auditYears", policy.auditYears); w.field("archiveExempt", policy.archiveExempt)
                w.field("auditBefore", r.auditBefore.iso); w.field("auditRecordsDue", r.auditRecords); w.field("needsUpgrade", r.needsUpgrade)
                for (key, cases) in [("due", r.cases), ("upcoming", r.upcoming)] {
                    w.key(key); w.openArray()
                    for c in cases {
                        w.openObject(); w.field("citizen", c.id); w.field("closed", c.closed.iso); w.field("due", c.due.iso); w.field("archived", c.archived); w.closeObject()
                    }
                    w.closeArray()
                }
                w.closeObject()
                Output.text(w.string + "\n")
                return 0
            }
            Output.line("Closed cases: erased \(policy.caseYears) years after they closed (\(policy.caseRule))"
                        + (policy.archiveExempt.map { "; exempt from archiving by \($0)" } ?? "; an archive copy first (enplan archive)") + ".")
            if r.cases.isEmpty {
                Output.line("No case is due today (\(day(r.today))).")
            } else {
                Output.table(["CITIZEN", "CLOSED", "DUE SINCE", "ARCHIVED"], r.cases.map { [$0.id, day($0.closed), day($0.due), $0.archived ? "yes" : "no"] })
            }
            if let next = r.upcoming.first { Output.line("Next due: \(next.id) on \(day(next.due)) (\(r.upcoming.count) closed case\(r.upcoming.count == 1 ? "" : "s") within the period).") }
            Output.line("Audit log: records of looks, searches, exports and logins kept \(policy.auditYears) years; \(r.auditRecords) made before \(day(r.auditBefore)) are due.")
            if r.needsUpgrade { Output.line("The logs hold format-1 lines: run enplan retention upgrade (with the sessions closed) before a run.") }
            return 0
        }
    }

    static var archive: CommandSpec {
        CommandSpec(["archive"], "write an archive copy of the closed cases due to DEST (a new or empty folder): their events and audit records as JSON Lines, a manifest with counts and SHA-256 digests, the code lists, a description; read back and checked, then recorded in the audit log", options: [
            .actor("ADMIN"),
        ], arguments: ["DEST"]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let policy = Settings.load(directory: inv.dataDirectory).retention
            let r = try service.archive(as: inv.required("as"), policy: policy, to: inv.arguments[0])
            Output.line("Archived \(r.citizens.count) case\(r.citizens.count == 1 ? "" : "s") to \(r.destination): \(r.eventLines) events, \(r.auditLines) audit records; manifest \(r.manifest); read back and checked.")
            return 0
        }
    }

    static var upgrade: CommandSpec {
        CommandSpec(["retention", "upgrade"], "rewrite logs in format 1 in format 2, so that payloads can be erased (close the sessions first; one still open stops at its next step); the old chains are checked first and their heads recorded in the audit log", options: [
            .actor("ADMIN"),
        ]) { inv in
            let admin = inv.required("as")
            try Context.filesOnly("retention upgrade")
            let before = try Context.open(inv.dataDirectory)
            guard before.isAdministrator(admin) else { throw UsageError("retention upgrade: --as must name an administrator") }
            guard let u = try Store.upgradeToFormatTwo(directory: inv.dataDirectory) else {
                Output.line("The logs are in format 2 already: nothing to upgrade.")
                return 0
            }
            let service = try Context.open(inv.dataDirectory)
            try service.recordUpgrade(u, as: admin)
            for l in u.logs {
                Output.line("\(l.file): \(l.lines) lines (\(l.converted) in format 1), old head seq \(l.oldHead.seq) \(l.oldHead.hash.prefix(16))…, new \(l.newHead.hash.prefix(16))….")
            }
            Output.line("Upgraded; recorded in the audit log. Write a new checkpoint (enplan checkpoint) and take a backup.")
            return 0
        }
    }

    /// A place the run left a name or number in, in words: the file and line, and whose line it is
    /// (someone of the same name, or another case's text naming the erased person).
    static func residue(_ r: Residue) -> String {
        let said = "\(r.file):\(r.line) still holds a \(r.term.rawValue) of an erased person"
        if let other = r.otherCitizen {
            return said + "; the line is \(other)'s, a citizen who was not erased (the same \(r.term == .name ? "name" : "number"), or their case naming the erased person): look at it"
        }
        if let stream = r.stream { return said + " (a line of \(stream)): look at it" }
        return said + ": look at it"
    }

    static var run: CommandSpec {
        CommandSpec(["retention", "run"], "erase the personal data of the closed cases due that an archive copy holds (or all due, when exempt), and the audit records past their period, from the logs, the snapshot, the outbox and the copies beside them; verify still passes; recorded", options: [
            .actor("ADMIN"), .flag("dry-run", "say what would be erased, and change nothing"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let policy = Settings.load(directory: inv.dataDirectory).retention
            let dry = inv.flag("dry-run")
            let r = try service.runRetention(as: inv.required("as"), policy: policy, dryRun: dry)
            let who = r.citizens.isEmpty ? "no case" : "\(r.citizens.count) case\(r.citizens.count == 1 ? "" : "s") (\(r.citizens.prefix(10).joined(separator: ", "))\(r.citizens.count > 10 ? ", …" : ""))"
            Output.line((dry ? "Would erase " : "Erased ") + "\(who): \(r.eventLines) event lines, \(r.auditLines) audit records"
                        + (r.filesRemoved.isEmpty ? "" : "; removed \(r.filesRemoved.joined(separator: ", "))") + ".")
            if !r.notArchived.isEmpty {
                Output.line("Due but kept, as no archive copy holds them: \(r.notArchived.joined(separator: ", ")) (enplan archive DEST first).")
            }
            for place in r.residue { Output.warning(residue(place)) }
            if !dry { Output.line("Recorded in the audit log. verify still checks every line.") }
            return r.residue.isEmpty ? 0 : 1
        }
    }
}
