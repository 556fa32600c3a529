@_spi(Store) import EnPlanDomain
import Foundation

/// The organisation headless (issue 27): units and their tree, who is in which from when, the
/// mandates, and the directory of colleagues. An administrator defines; everyone reads. Each change
/// is an event with its actor, so the event log is the organisation's audit.
enum OrganisationCommands {
    static var all: [CommandSpec] { [unitAdd, unitSet, unitMove, unitList, userMandate, directory] }

    static var unitOptions: [OptionSpec] { [
        .text("parent", "UNIT", "the unit above (none: a root, the forvaltning)"),
        .choices("groups", UnitTargetGroup.self, each: "target group", "its target groups: children, youth (15-29), adults"),
        .choices("sectors", Sector.self, each: "sector", "the sectors it covers"),
        .text("description", "TEXT", "what it does, in a sentence or two (the directory shows it)"),
        .text("leaders", "ID,…", "its leaders, supervisors (a team leader, an area leader, the director); \"\" for none"),
        .text("mandates", "LAB,SEL,…", "the legal areas its people may decide under (LAB, SEL, BL, SUL, LAS), \"none\", or \"inherit\" (the unit above's)"),
    ] }

    static func mandates(_ inv: Invocation) throws -> [LegalArea]?? {
        guard let text = inv.string("mandates") else { return .none }
        switch text {
        case "inherit": return .some(nil)
        case "none", "": return .some([])
        default:
            return .some(try Invocation.split(text).map { word in
                guard let area = LegalArea(rawValue: word.uppercased()) else {
                    throw UsageError("--mandates: unknown legal area \"\(word)\" (\(LegalArea.allCases.map(\.rawValue).joined(separator: ", ")), none or inherit)")
                }
                return area
            })
        }
    }

    /// The options given, over `unit`.
    static func apply(_ inv: Invocation, to unit: inout OrgUnit) throws {
        if let p = inv.string("parent") { unit.parent = p.isEmpty ? nil : p }
        if let g = inv.choices("groups", UnitTargetGroup.self) { unit.targetGroups = g }
        if let s = inv.choices("sectors", Sector.self) { unit.sectors = s }
        if let d = inv.string("description") { unit.description = d }
        if let l = inv.string("leaders") { unit.leaders = Invocation.split(l) }
        if case .some(let m) = try mandates(inv) { unit.mandates = m }
    }

    static var unitAdd: CommandSpec {
        CommandSpec(["unit", "add"], "define a unit of the organisation: forvaltning, area or team (administrators)", options: [
            .actor("ADMIN"), .text("id", "ID", required: true, "the unit's id (2-32 of a-z, 0-9, '.', '-', '_')"),
            .text("name", "NAME", required: true, "its name"),
        ] + unitOptions) { inv in
            var unit = OrgUnit(id: inv.required("id"), name: inv.required("name"))
            try apply(inv, to: &unit)
            try Context.open(inv.dataDirectory).execute(.defineUnit(unit, new: true), as: inv.required("as"))
            Output.line(unit.id)
            return 0
        }
    }

    static var unitSet: CommandSpec {
        CommandSpec(["unit", "set"], "change a unit: only the options given change (administrators)", options: [
            .actor("ADMIN"), .text("unit", "ID", required: true, "the unit"), .text("name", "NAME", "its new name"),
        ] + unitOptions) { inv in
            let service = try Context.open(inv.dataDirectory)
            let id = inv.required("unit")
            guard var unit = service.organisation.units[id] else { throw DomainError.notFound(.unit(id)) }
            if let n = inv.string("name") { unit.name = n }
            try apply(inv, to: &unit)
            try service.execute(.defineUnit(unit, new: false), as: inv.required("as"))
            Output.line(id)
            return 0
        }
    }

    static var unitMove: CommandSpec {
        CommandSpec(["unit", "move"], "move a person to a unit from a day (--user, --to, --from), or a unit under another (--unit, --to) (administrators)", options: [
            .actor("ADMIN"), .text("user", "ID", "the person who moves"), .text("unit", "ID", "the unit that moves in the tree"),
            .text("to", "UNIT", required: true, "where to: the person's new unit, or the unit's new parent"),
            .date("from", "the day the person's move takes effect (default: today); the figures follow it"),
            .text("does", "TEXT", "what the person does there (the directory shows it)"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let to = inv.required("to"), admin = inv.required("as")
            switch (inv.string("user"), inv.string("unit")) {
            case let (user?, nil):
                let from = try inv.day("from", today: service.today) ?? service.today
                try service.execute(.placeUser(user: user, unit: to, from: from, does: inv.string("does")), as: admin)
                Output.line("\(user) is in \(service.unitName(to)) from \(from.iso).")
            case let (nil, id?):
                guard inv.string("from") == nil, inv.string("does") == nil else { throw UsageError("--from and --does are for a person's move (--user)") }
                guard var unit = service.organisation.units[id] else { throw DomainError.notFound(.unit(id)) }
                unit.parent = to
                try service.execute(.defineUnit(unit, new: false), as: admin)
                Output.line(service.organisation.path(of: id))
            default:
                throw UsageError("give --user (a person's move) or --unit (a unit's), not both")
            }
            return 0
        }
    }

    static var unitList: CommandSpec {
        CommandSpec(["unit", "list"], "the organisation as a tree: each unit's target groups, sectors, leaders, mandates and people today", options: [
            .actor(), .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            _ = try service.user(inv.required("as"))
            let org = service.organisation, today = service.today
            let tree = org.tree()
            func members(_ id: String) -> [String] { org.members(of: [id], on: today).sorted() }
            func mandates(_ u: OrgUnit) -> String {
                u.mandates.map { $0.isEmpty ? "none" : $0.map(\.rawValue).joined(separator: ",") } ?? "(" + org.mandates(of: u.id).map(\.rawValue).joined(separator: ",") + ")"
            }
            if inv.flag("json") {
                Output.jsonArray(tree) { e, w in
                    let u = e.unit
                    w.openObject(); w.field("id", u.id); w.field("name", u.name); w.field("parent", u.parent); w.field("depth", e.depth)
                    w.key("targetGroups"); w.openArray(); for g in u.targetGroups { w.string(g.rawValue) }; w.closeArray()
                    w.key("sectors"); w.openArray(); for s in u.sectors { w.string(s.rawValue) }; w.closeArray()
                    w.field("description", u.description)
                    w.key("leaders"); w.openArray(); for l in u.leaders { w.string(l) }; w.closeArray()
                    w.key("mandates"); w.openArray(); for m in org.mandates(of: u.id) { w.string(m.rawValue) }; w.closeArray()
                    w.field("inheritsMandates", u.mandates == nil)
                    w.key("members"); w.openArray(); for m in members(u.id) { w.string(m) }; w.closeArray()
                    w.closeObject()
                }
            } else {
                Output.table(["UNIT", "ID", "GROUPS", "SECTORS", "LEADERS", "MANDATES", "PEOPLE"], tree.map { e in
                    let u = e.unit
                    return [String(repeating: "  ", count: e.depth) + u.name, u.id, u.targetGroups.map(\.rawValue).joined(separator: ","),
                            u.sectors.map(\.rawValue).joined(separator: ","), u.leaders.joined(separator: ","), mandates(u),
                            members(u.id).joined(separator: ",")]
                })
            }
            return 0
        }
    }

    static var userMandate: CommandSpec {
        CommandSpec(["user", "mandate"], "a person's own mandate: the legal areas they may decide under beside their unit's (administrators)", options: [
            .actor("ADMIN"), .text("user", "ID", required: true, "the person"),
            .text("areas", "LAB,SEL,…|none", required: true, "the legal areas (LAB, SEL, BL, SUL, LAS), or none"),
        ]) { inv in
            let text = inv.required("areas")
            let areas = text == "none" ? [] : try Invocation.split(text).map { word -> LegalArea in
                guard let a = LegalArea(rawValue: word.uppercased()) else { throw UsageError("--areas: unknown legal area \"\(word)\"") }
                return a
            }
            try Context.open(inv.dataDirectory).execute(.setUserMandate(user: inv.required("user"), areas: areas), as: inv.required("as"))
            Output.line(inv.required("user"))
            return 0
        }
    }

    static var directory: CommandSpec {
        CommandSpec(["directory"], "the colleagues: name, unit, sector, target groups, what they do, phone and e-mail; --search folds æ, ø and å as people type", options: [
            .actor(), .text("search", "TEXT", "every word found in a name, a unit, a sector, a target group or what they do (soren finds Søren)"),
            .text("citizen", "ID", "the people already working on this citizen first (a logged look; only a citizen you may see)"), .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let entries = try service.directory(search: inv.string("search"), citizen: inv.string("citizen"), as: inv.required("as"))
            if inv.flag("json") {
                Output.jsonArray(entries) { e, w in
                    w.openObject(); w.field("id", e.id); w.field("name", e.name); w.field("role", e.role); w.field("sector", e.sector)
                    w.field("unit", e.unit); w.field("unitName", e.unitName); w.field("unitPath", e.unitPath)
                    w.key("targetGroups"); w.openArray(); for g in e.targetGroups { w.string(g.rawValue) }; w.closeArray()
                    w.field("does", e.does)
                    w.key("leads"); w.openArray(); for l in e.leads { w.string(l) }; w.closeArray()
                    w.key("mandates"); w.openArray(); for m in e.mandates { w.string(m.rawValue) }; w.closeArray()
                    w.field("phone", e.phone); w.field("email", e.email); w.field("onCitizen", e.onCitizen)
                    w.closeObject()
                }
            } else {
                Output.table(["NAME", "UNIT", "SECTOR", "GROUPS", "DOES", "PHONE", "E-MAIL"], entries.map { e in
                    [(e.onCitizen ? "* " : "") + e.name, e.unitName ?? "", e.sector.rawValue, e.targetGroups.map(\.rawValue).joined(separator: ","),
                     e.does, e.phone ?? "", e.email ?? ""]
                })
            }
            return 0
        }
    }
}
