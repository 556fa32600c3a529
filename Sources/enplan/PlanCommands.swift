import EnPlanDomain
import EnPlanTUI
import Foundation

/// Plan templates, applying one, the plan export for the citizen and the citizen's journey.
enum PlanCommands {
    static func templates(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let json = args.flag("json")
        try args.checkAllUsed()
        let templates = try Context.open(dir).templates()
        if json {
            // The format `enplan template import` reads: edit and import again.
            Output.jsonArray(templates) { t, w in t.fields.encode(to: &w) }
            return 0
        }
        Output.table(["ID", "NAME", "GOALS", "EFFORTS", "FOLLOW-UPS (DAYS)"], templates.map {
            [$0.id, $0.name, String($0.goals.count), String($0.efforts.count), $0.followUpDays.map(String.init).joined(separator: ",")]
        })
        return 0
    }

    static func templateImport(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER")
        guard args.words.count == 3 else { throw UsageError("usage: enplan template import --as USER FILE.json") }
        let file = args.words[2]
        try args.checkAllUsed()
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw UsageError("cannot read \(file)") }
        let templates: [PlanTemplate]
        do { templates = try PlanTemplate.parse(json: text) } catch { throw UsageError("\(file): \(error)") }
        guard !templates.isEmpty else { throw UsageError("\(file) holds no templates") }
        // All or nothing: one bad template and none is stored.
        try Context.open(dir).execute(templates.map { .defineTemplate($0) }, as: actor, expectedVersion: nil)
        for t in templates { print("\(t.id)\t\(t.name)") }
        return 0
    }

    static func apply(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        let template = try args.required("template", "ID")
        let service = try Context.open(dir)
        let start = try Commands.day(&args, "start", today: service.today)
        try args.checkAllUsed()
        let events = try service.execute(.applyTemplate(citizen: id, template: template, start: start), as: actor)
        print("\(events.count) events, seq \(events.first!.seq)-\(events.last!.seq)")
        return 0
    }

    static func language(_ args: inout Arguments) throws -> Language {
        guard let l = args.optional("lang") else { return .da }
        guard let v = Language(rawValue: l) else { throw UsageError("--lang must be da or en, not \"\(l)\"") }
        return v
    }

    static func names(_ service: CaseService, _ s: Strings) -> PlanScreen.Names {
        PlanScreen.Names(users: Dictionary(uniqueKeysWithValues: service.state.users.map { ($0.id, $0.name) }),
                         benefits: service.state.benefits.mapValues { s.language == .da ? $0.danish : $0.english })
    }

    static func export(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        let reason = args.optional("reason")
        let format = try args.value("format", PlanDocument.Format.self) ?? .text
        let strings = Strings(try language(&args))
        try args.checkAllUsed()
        let service = try Context.open(dir)
        let detail = try service.citizen(id, as: actor, reason: reason, purpose: "export")
        print(PlanDocument.render(detail, names: names(service, strings), strings: strings, format: format), terminator: "")
        return 0
    }

    static func journey(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), id = try args.required("citizen", "ID")
        let reason = args.optional("reason")
        let sector = try args.value("sector", Sector.self)
        let kind = try args.value("kind", JourneyKind.self)
        let json = args.flag("json")
        let strings = Strings(try language(&args))
        try args.checkAllUsed()
        let service = try Context.open(dir)
        let journey = try service.journey(id, as: actor, reason: reason)
        let entries = journey.filtered(sector: sector, kind: kind)
        let f = journey.figures
        if json {
            var w = JSONWriter()
            w.openObject()
            w.field("citizen", id)
            w.key("figures"); w.openObject()
            for (name, window) in [("contacts", f.contacts), ("meetings", f.meetings), ("caseworkers", f.caseworkers)] {
                w.key(name); w.openObject(); w.field("days90", window.days90); w.field("months12", window.months12); w.closeObject()
            }
            func lead(_ l: Journey.Lead) { w.openObject(); w.field("from", l.from.iso); w.field("started", l.started?.iso); w.field("days", l.days); w.closeObject() }
            if let p = f.planToFirstEffort { w.key("planToFirstEffort"); lead(p) }
            w.key("referrals"); w.openArray()
            for r in f.referrals { w.openObject(); w.field("id", r.id); w.field("to", r.to.rawValue); w.key("lead"); lead(r.lead); w.closeObject() }
            w.closeArray()
            w.closeObject()
            w.key("entries"); w.openArray()
            for e in entries {
                w.openObject()
                w.field("seq", e.event.seq); w.field("at", e.at.iso); w.field("actor", e.event.actor); w.field("type", e.event.type)
                w.field("kind", e.kind.rawValue); w.field("sector", e.seen.sector?.rawValue); w.field("hidden", e.seen.hidden)
                w.key("data"); e.event.data.encode(to: &w)
                w.closeObject()
            }
            w.closeArray()
            w.closeObject()
            print(w.string)
            return 0
        }
        let s = strings
        for (line, _) in JourneyView(journey: journey).figureLines(s) { print(line) }
        let n = names(service, s)
        Output.table(["TIME", "SECTOR", "WHO", "WHAT"], entries.map {
            [s.time($0.at.local), $0.seen.sector.map(s.sector) ?? "", n.users[$0.event.actor] ?? $0.event.actor, s.describe($0.seen, names: n)]
        })
        return 0
    }
}
