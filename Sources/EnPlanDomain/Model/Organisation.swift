/// The organisation as it is (issue 27): a tree of units (forvaltning → område → team), each with
/// its target groups, the sectors it covers, what it does, its leaders and, where a kompetenceplan
/// says so, the legal areas its people may decide under; every user in one unit from a day.
///
/// Invariants:
/// - The units form a forest: a unit's parent exists and is never the unit itself or one below it
///   (`Decide.defineUnit` refuses a cycle), so walking up always ends.
/// - A person's units are dated (`Membership.from`), kept in order of the day; on a day a person
///   is in the unit of the last membership from that day or before (none before the first).
/// - Scope is decided in one place: `leaderScope` (which units a leader's figures cover) and
///   `mandate` (the legal areas a person may decide under). Nothing defined: no scope, no mandate
///   check — a store without an organisation works as before.

/// A unit's target groups (Aarhus's children, youth 15-29 and adults).
public enum UnitTargetGroup: String, CaseIterable, Sendable {
    case children, youth, adults

    public var danish: String {
        switch self {
        case .children: "børn"
        case .youth: "unge 15-29"
        case .adults: "voksne"
        }
    }
}

/// One unit of the organisation (stream `unit:ID`).
public struct OrgUnit: Equatable, Sendable {
    public var id: String
    public var name: String
    /// The unit above (nil: a root, the forvaltning).
    public var parent: String?
    public var targetGroups: [UnitTargetGroup]
    public var sectors: [Sector]
    /// What the unit does, in a sentence or two (the directory shows it).
    public var description: String
    /// The supervisors who lead it (a team leader a team, an area leader an area, the director the root).
    public var leaders: [String]
    /// The legal areas its people may decide under (nil: as the unit above; none above: none).
    public var mandates: [LegalArea]?
    public var version = 0

    public init(id: String, name: String, parent: String? = nil, targetGroups: [UnitTargetGroup] = [], sectors: [Sector] = [],
                description: String = "", leaders: [String] = [], mandates: [LegalArea]? = nil) {
        self.id = id; self.name = name; self.parent = parent; self.targetGroups = targetGroups; self.sectors = sectors
        self.description = description; self.leaders = leaders; self.mandates = mandates
    }
}

/// A person's place in a unit from a day.
public struct Membership: Equatable, Sendable {
    public var from: Day
    public var unit: String
    public init(from: Day, unit: String) { self.from = from; self.unit = unit }
}

public struct Organisation: Equatable, Sendable {
    public internal(set) var units: [String: OrgUnit] = [:]
    /// Each person's memberships, ordered by day.
    public internal(set) var memberships: [String: [Membership]] = [:]
    /// A person's own mandates beside their unit's (`UserMandateSet`).
    public internal(set) var personMandates: [String: [LegalArea]] = [:]
    /// What a person does, in their own words or their leader's (`UserUnitSet.does`).
    public internal(set) var duties: [String: String] = [:]

    public init() {}

    /// No unit defined: nothing is scoped by the organisation.
    public var isEmpty: Bool { units.isEmpty }

    /// Notes a membership (in order of the day; a second one on the same day replaces the first).
    mutating func place(_ user: String, in unit: String, from day: Day, does: String?) {
        var list = memberships[user] ?? []
        list.removeAll { $0.from == day }
        let at = list.firstIndex { $0.from > day } ?? list.count
        list.insert(Membership(from: day, unit: unit), at: at)
        memberships[user] = list
        if let does { duties[user] = does.isEmpty ? nil : does }
    }

    /// The unit a person is in on `day` (nil: none yet).
    public func unit(of user: String, on day: Day) -> String? {
        memberships[user]?.last { $0.from <= day }?.unit
    }

    /// The unit a person is in now or will be in first (the directory's answer).
    public func currentUnit(of user: String, today: Day) -> String? {
        unit(of: user, on: today) ?? memberships[user]?.first?.unit
    }

    /// The unit and those above it, the unit first.
    public func ancestors(of unit: String) -> [String] {
        var out: [String] = [], next: String? = unit
        while let id = next, let u = units[id], !out.contains(id) { out.append(id); next = u.parent }
        return out
    }

    /// "Borger- og Arbejdsmarked › Voksne › Jobcenter Voksne": the unit's place in the tree.
    public func path(of unit: String) -> String {
        ancestors(of: unit).reversed().compactMap { units[$0]?.name }.joined(separator: " › ")
    }

    public func children(of unit: String?) -> [OrgUnit] {
        units.values.filter { $0.parent == unit }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The unit and every unit below it.
    public func subtree(of unit: String) -> Set<String> {
        var out: Set<String> = [], todo = [unit]
        while let id = todo.popLast() {
            guard units[id] != nil, out.insert(id).inserted else { continue }
            todo += units.values.filter { $0.parent == id }.map(\.id)
        }
        return out
    }

    /// Every unit in tree order (each after its parent, siblings by name), with its depth.
    public func tree() -> [(unit: OrgUnit, depth: Int)] {
        var out: [(unit: OrgUnit, depth: Int)] = []
        func walk(_ parent: String?, _ depth: Int) {
            for u in children(of: parent) { out.append((u, depth)); walk(u.id, depth + 1) }
        }
        walk(nil, 0)
        return out
    }

    /// The units a person leads.
    public func led(by user: String) -> [String] {
        tree().map(\.unit).filter { $0.leaders.contains(user) }.map(\.id)
    }

    /// The units whose figures a leader gets: the units they lead and every unit below them, in
    /// tree order. Empty for someone who leads none.
    public func leaderScope(of user: String) -> [String] {
        let reach = led(by: user).reduce(into: Set<String>()) { $0.formUnion(subtree(of: $1)) }
        return tree().map(\.unit.id).filter(reach.contains)
    }

    /// Whether `unit` covers everyone: the one root of the tree.
    public func coversAll(_ unit: String) -> Bool {
        units[unit]?.parent == nil && units.values.filter { $0.parent == nil }.count == 1
    }

    /// The people in any of `units` on `day`.
    public func members(of units: Set<String>, on day: Day) -> Set<String> {
        Set(memberships.compactMap { user, _ in unit(of: user, on: day).map { units.contains($0) ? user : nil } ?? nil })
    }

    /// Whether any unit or person has a mandate: without one, decisions are not checked.
    public var hasMandates: Bool {
        units.values.contains { $0.mandates != nil } || personMandates.values.contains { !$0.isEmpty }
    }

    /// The legal areas a unit's people may decide under: its own, else the nearest unit above's.
    public func mandates(of unit: String) -> [LegalArea] {
        for id in ancestors(of: unit) { if let m = units[id]?.mandates { return m } }
        return []
    }

    /// The legal areas a person may decide under on `day`: their unit's and their own.
    public func mandate(of user: String, on day: Day) -> Set<LegalArea> {
        var out = Set(personMandates[user] ?? [])
        if let u = unit(of: user, on: day) { out.formUnion(mandates(of: u)) }
        return out
    }

    /// Who may decide under `area`: the units with the mandate (by name, in tree order) and the
    /// people who hold it of their own.
    public func holders(of area: LegalArea) -> (units: [String], people: [String]) {
        let units = tree().map(\.unit).filter { $0.mandates?.contains(area) == true }.map(\.name)
        let people = personMandates.filter { $0.value.contains(area) }.keys.sorted()
        return (units, people)
    }
}

extension OrgUnit {
    /// `UnitDefined`'s payload: `mandates` left out when the unit takes its parent's (an empty list: none).
    public var fields: Fields {
        var f = Fields()
        f.set("id", id); f.set("name", name); f.set("parent", parent); f.set("targetGroups", targetGroups); f.set("sectors", sectors)
        f.set("description", description); f.set("leaders", leaders)
        if let mandates { f.set("mandates", mandates) }
        return f
    }

    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), name: try f.string("name"), parent: try f.optionalString("parent"),
                  targetGroups: try f.values("targetGroups"), sectors: try f.values("sectors"),
                  description: try f.optionalString("description") ?? "", leaders: try f.strings("leaders"),
                  mandates: f.has("mandates") ? try f.values("mandates") : nil)
    }
}
