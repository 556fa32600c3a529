@_spi(Store) import EnPlanDomain
import Foundation

/// The supervisors' figures headless: `enplan report NAME` (a section's table as text, JSON or
/// CSV, or `--list ROW/COLUMN`: the citizens behind one cell), the targets, and moving citizens
/// between caseworkers. Access and logging are the domain's (`CaseService+Figures`).
enum ReportCommands {
    static var all: [CommandSpec] { FigureSection.allCases.map(report) + [targetAdd, targets, targetEnd, reassign] }

    static func report(_ section: FigureSection) -> CommandSpec {
        CommandSpec(["report", word(section)], "the supervisors' figures: \(section.title.en.lowercased()) (a caseworker: their own caseload only)", options: [
            .actor(), .choice("sector", Sector.self, "only citizens whose case involves this sector"),
            .choice("group", TargetGroup.self, "only this target group"), .text("user", "USER", "only this caseworker's citizens (responsible)"),
            .text("unit", "UNIT", "only the citizens of this unit and those below (a team leader: their own unit by default; never another's)"),
            .date("from", "the period's first day (default: this quarter)"), .date("to", "the period's last day"),
            .json, .flag("csv", "CSV for Danish spreadsheets (UTF-8 with BOM, ';', decimal comma); the export is logged"),
            .text("list", "ROW/COLUMN", "the citizens behind one cell, e.g. user:mette/responsible (same fields as `citizens --json`)"),
            .flag("da", "Danish labels (text and CSV)"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let today = service.today
            var period = Period.named(.thisQuarter, today: today)
            if let from = try inv.day("from", today: today) { period.from = from }
            if let to = try inv.day("to", today: today) { period.to = to }
            guard period.from <= period.to else { throw UsageError("--from must not be after --to") }
            let filter = FigureFilter(period: period, sector: inv.choice("sector", Sector.self), group: inv.choice("group", TargetGroup.self),
                                      user: inv.string("user"), unit: inv.string("unit"))
            let viewer = inv.required("as")
            let table = try service.figures(section, filter: filter, settings: Settings.load(directory: inv.dataDirectory).figures, as: viewer)
            let danish = inv.flag("da")
            if let cell = inv.string("list") {
                let parts = cell.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2, let r = table.row(parts[0]), let c = table.column(parts[1]) else {
                    throw UsageError("--list: no cell \"\(cell)\" (ROW/COLUMN: rows \(table.rows.map(\.key).joined(separator: ", ")); columns \(table.columns.map(\.key).joined(separator: ", ")))")
                }
                CitizenCommands.printJSON(try service.citizensBehind(table, row: r, column: c, as: viewer))
                return 0
            }
            if inv.flag("csv") {
                Output.text(FigureCSV.render(table, danish: danish, names: service.userNames, units: service.organisation.units.mapValues(\.name)))
                try service.recordExport(table, as: viewer)
            } else if inv.flag("json") {
                Output.jsonArray(table.rows) { row, w in json(row, table, section, service, viewer, &w) }
            } else {
                Output.table([Bilingual("RÆKKE", "ROW").text(danish: danish)] + table.columns.map { $0.title.text(danish: danish) }
                             + [Bilingual("MARKERING", "FLAG").text(danish: danish)],
                             table.rows.map { r in [r.label.text(danish: danish)] + r.cells.map { FigureCSV.value($0.value, danish: danish) }
                                 + [r.flag.map { FigureCSV.flag($0, danish: danish) } ?? ""] })
            }
            return 0
        }
    }

    /// The section's word on the command line (`report youth-cohorts`: the name for it).
    static func word(_ section: FigureSection) -> String { section == .youth ? "youth-cohorts" : section.rawValue }

    /// A row as JSON: its key and label, then each column's value by key (counts as numbers,
    /// shares as {"n","of"}, days as a number or null, sparklines as arrays, text in English).
    static func json(_ row: FigureRow, _ table: FigureTable, _ section: FigureSection, _ service: CaseService, _ viewer: String,
                     _ w: inout JSONWriter) {
        w.openObject()
        w.field("key", row.key); w.field("label", row.label.en)
        if row.key.hasPrefix("user:") {
            let id = String(row.key.dropFirst(5))
            let u = try? service.account(id, as: viewer)
            w.field("user", id); w.field("name", u?.name ?? id); w.field("sector", u?.sector)
        } else if row.key.hasPrefix("unit:") {
            // The caseload's "by unit" rows: the unit's id and name.
            let id = String(row.key.dropFirst(5))
            w.field("unit", id); w.field("name", service.unitName(id))
        } else if section == .caseload {
            w.field("user", row.key); w.field("name", row.label.en)
        } else if section == .youth {
            // The cohort's first possible entry day, and whether its rate is still interim.
            w.field("entry", row.key == "baseline" ? service.youthTargetGroup?.baseline.iso : String(row.key.dropFirst("entry:".count)))
            w.field("interim", row.flag == .interim)
        }
        for (col, cell) in zip(table.columns, row.cells) {
            w.key(col.key)
            switch cell.value {
            case .count(let n): w.int(n)
            case let .share(n, d): w.openObject(); w.field("n", n); w.field("of", d); w.closeObject()
            case .days(let d): if let d { w.raw(Array(FigureCSV.number(d).replacingOccurrences(of: ",", with: ".").utf8)) } else { w.raw(Array("null".utf8)) }
            case .spark(let xs): w.raw(Array(("[" + xs.map { FigureCSV.number($0).replacingOccurrences(of: ",", with: ".") }.joined(separator: ",") + "]").utf8))
            case .text(let b): w.string(b.en)
            case .none: w.raw(Array("null".utf8))
            }
        }
        w.field("flag", row.flag?.rawValue)
        w.closeObject()
    }

    static var targetAdd: CommandSpec {
        CommandSpec(["target", "add"], "define a target (supervisors and admins), e.g. --kind planCoverage --value 1000 --deadline 31-12-2027", options: [
            .actor("SUPERVISOR"), .text("id", "ID", required: true, "the target's id"), .choice("kind", Target.Kind.self, required: true, "what it counts"),
            .text("name", "TEXT", required: true, "the target in words"), .int("value", in: 1...10_000_000, required: true, "the number to reach (or the ceiling)"),
            .date("deadline", "by when (plan coverage)"), .choice("sector", Sector.self, "for one sector only"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            try service.execute(.defineTarget(id: inv.required("id"), kind: inv.choice("kind", Target.Kind.self)!, name: inv.required("name"),
                                              value: inv.int("value")!, deadline: try inv.day("deadline", today: service.today),
                                              sector: inv.choice("sector", Sector.self)), as: inv.required("as"))
            Output.line(inv.required("id"))
            return 0
        }
    }

    static var targets: CommandSpec {
        CommandSpec(["target", "list"], "the targets, in force and ended", options: [.actor(), .json]) { inv in
            let list = try Context.open(inv.dataDirectory).targets(as: inv.required("as"))
            if inv.flag("json") {
                Output.jsonArray(list) { t, w in
                    w.openObject(); w.field("id", t.id); w.field("kind", t.kind); w.field("name", t.name); w.field("value", t.value)
                    w.field("deadline", t.deadline); w.field("sector", t.sector); w.field("defined", t.defined); w.field("ended", t.ended); w.closeObject()
                }
            } else {
                Output.table(["ID", "KIND", "VALUE", "DEADLINE", "NAME", "ENDED"],
                             list.map { [$0.id, $0.kind.rawValue, String($0.value), $0.deadline?.iso ?? "", $0.name, $0.ended?.iso ?? ""] })
            }
            return 0
        }
    }

    static var targetEnd: CommandSpec {
        CommandSpec(["target", "end"], "end a target (supervisors and admins)", options: [.actor("SUPERVISOR"), .text("id", "ID", required: true, "the target")]) { inv in
            try Context.open(inv.dataDirectory).execute(.endTarget(id: inv.required("id")), as: inv.required("as"))
            return 0
        }
    }

    static var reassign: CommandSpec {
        CommandSpec(["reassign"], "move citizens to another responsible caseworker (supervisors and admins): all or nothing, one write", options: [
            .actor("SUPERVISOR"), .text("to", "USER", required: true, "the new responsible caseworker"),
            .text("citizens", "c1,c2", required: true, "the citizens to move"), .text("reason", "TEXT", required: true, "why (in each citizen's journey)"),
        ]) { inv in
            let events = try Context.open(inv.dataDirectory).execute(.reassign(citizens: inv.list("citizens")!, to: inv.required("to"),
                                                                               reason: inv.required("reason")), as: inv.required("as"))
            for e in events { Output.line("\(e.stream)\t\(e.seq)") }
            return 0
        }
    }
}
