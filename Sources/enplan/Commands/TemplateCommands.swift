@_spi(Store) import EnPlanDomain
import Foundation

/// Plan templates: listing them and defining them from a file.
enum TemplateCommands {
    static var all: [CommandSpec] { [templates, importing] }

    static var templates: CommandSpec {
        CommandSpec(["templates"], "the plan templates (--json: in the format `template import` reads)", options: [.json]) { inv in
            let templates = try Context.open(inv.dataDirectory).templates()
            if inv.flag("json") {
                // The format `enplan template import` reads: edit and import again.
                Output.jsonArray(templates) { t, w in t.fields.encode(to: &w) }
                return 0
            }
            Output.table(["ID", "NAME", "GOALS", "EFFORTS", "FOLLOW-UPS (DAYS)"], templates.map {
                [$0.id, $0.name, String($0.goals.count), String($0.efforts.count), $0.followUpDays.map(String.init).joined(separator: ",")]
            })
            return 0
        }
    }

    static var importing: CommandSpec {
        CommandSpec(["template", "import"], "define templates (supervisors and admins): one object or an array, all or nothing; the same id replaces",
                    options: [.actor("SUPERVISOR")], arguments: ["FILE.json"]) { inv in
            let file = inv.arguments[0]
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw UsageError("cannot read \(file)") }
            let templates: [PlanTemplate]
            do { templates = try PlanTemplate.parse(json: text) } catch { throw UsageError("\(file): \(error)") }
            guard !templates.isEmpty else { throw UsageError("\(file) holds no templates") }
            // All or nothing: one bad template and none is stored.
            try Context.open(inv.dataDirectory).execute(templates.map { .defineTemplate($0) }, as: inv.required("as"), expectedVersion: nil)
            for t in templates { Output.line("\(t.id)\t\(t.name)") }
            return 0
        }
    }
}
