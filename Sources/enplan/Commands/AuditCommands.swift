@_spi(Store) import EnPlanDomain

/// A citizen's history, and the audit log of who looked at what.
enum AuditCommands {
    static var all: [CommandSpec] { [log, audit, report] }

    static var log: CommandSpec {
        CommandSpec(["log"], "the citizen's events in time order; other sectors' content left out where the consent does not cover it",
                    options: [.actor(), .citizen, .reason, .json]) { inv in
            let events = try Context.open(inv.dataDirectory).history(inv.required("citizen"), as: inv.required("as"), reason: inv.string("reason"))
            printEvents(events, json: inv.flag("json"))
            return 0
        }
    }

    static var audit: CommandSpec {
        CommandSpec(["audit"], "the audit log (supervisors and admins; reading it is itself logged)", options: [
            .actor(), .text("citizen", "ID", "only the entries about this citizen"), .json,
        ]) { inv in
            let entries = try Context.open(inv.dataDirectory).auditTrail(as: inv.required("as"), citizen: inv.string("citizen"))
            printEvents(entries, json: inv.flag("json"))
            return 0
        }
    }

    static var report: CommandSpec {
        CommandSpec(["audit", "report"], "the citizen's access report in plain Danish: every look at them (supervisors and admins; staff named as `audit-report-names` in settings says)", options: [
            .actor("SUPERVISOR"), .citizen, .date("from", "the first day"), .date("to", "the last day"),
            .choice("format", AccessReport.Format.self, "text (default) or markdown"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let today = service.today
            let report = try service.accessReport(citizen: inv.required("citizen"), from: try inv.day("from", today: today),
                                                  to: try inv.day("to", today: today), as: inv.required("as"))
            let names = Settings.load(directory: inv.dataDirectory).auditReportNames
            Output.text(report.render(names: names, format: inv.choice("format", AccessReport.Format.self) ?? .text))
            return 0
        }
    }

    static func printEvents(_ events: [RecordedEvent], json: Bool) {
        if json {
            Output.jsonArray(events) { e, w in
                w.openObject()
                w.field("seq", e.seq); w.field("ts", e.ts.iso); w.field("actor", e.actor); w.field("type", e.type)
                w.field("stream", e.stream); w.field("version", e.version); w.key("data"); e.data.encode(to: &w)
                w.closeObject()
            }
        } else {
            Output.table(["SEQ", "TIME (UTC)", "ACTOR", "TYPE", "STREAM", "DATA"],
                         events.map { [String($0.seq), $0.ts.iso, $0.actor, $0.type, $0.stream, $0.data.jsonString] })
        }
    }
}
