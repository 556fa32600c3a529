// The organisation's queries (issue 27): the units as a tree for everyone who works here, and the
// directory of colleagues (`:kolleger`, `enplan directory`): who is who, where, doing what, and
// how to reach them. No citizen's data but, when asked from a plan, who already works on that
// citizen — a look at the citizen, checked by `Access` and logged like one.
extension CaseService {
    /// The organisation as it is (units, memberships, mandates): no personal data of citizens.
    public var organisation: Organisation { store.projection.organisation }

    /// A unit's name (its id when there is no such unit).
    public func unitName(_ id: String) -> String { organisation.units[id]?.name ?? id }

    /// The directory: the active staff, each with their unit, sector, the unit's target groups,
    /// what they do, phone and e-mail; narrowed by `search` (every word of it found, folded the
    /// Danish way, in the name, the unit's path, the sector, the target groups or what they do);
    /// in order of name, the Danish way — except that, asked from a citizen the viewer may see,
    /// the people already working on that citizen come first (`onCitizen`).
    public func directory(search: String? = nil, citizen: String? = nil, as viewerID: String) throws -> [DirectoryEntry] {
        try store.refresh()
        let viewer = try user(viewerID)
        let state = store.projection, org = state.organisation, today = self.today
        var working = Set<String>()
        if let cid = citizen, let c = state.citizens[cid], !c.isErased, Access.canSee(viewer, c) {
            working = Set([c.responsible] + c.participants + c.contacts.map(\.user) + c.facts.recorded.map(\.what))
            try record(.citizenViewed(by: viewer.id, citizen: cid, purpose: "directory", reason: nil))
        }
        let query = DanishName.words(search ?? "")
        var out: [DirectoryEntry] = []
        for u in state.users where u.active {
            let unit = org.currentUnit(of: u.id, today: today).flatMap { org.units[$0] }
            let leads = org.led(by: u.id).compactMap { org.units[$0]?.name }
            let entry = DirectoryEntry(id: u.id, name: u.name, role: u.role, sector: u.sector, unit: unit?.id, unitName: unit?.name,
                                       unitPath: unit.map { org.path(of: $0.id) }, targetGroups: unit?.targetGroups ?? [],
                                       does: org.duties[u.id] ?? unit?.description ?? "", leads: leads,
                                       mandates: LegalArea.allCases.filter(org.mandate(of: u.id, on: today).contains),
                                       phone: u.phone, email: u.email, onCitizen: working.contains(u.id))
            guard query.isEmpty || entry.matches(query) else { continue }
            out.append(entry)
        }
        let keys = Dictionary(uniqueKeysWithValues: out.map { ($0.id, DanishName.words($0.name).joined(separator: " ")) })
        return out.sorted { a, b in
            if a.onCitizen != b.onCitizen { return a.onCitizen }
            return (keys[a.id]!, a.name, a.id) < (keys[b.id]!, b.name, b.id)
        }
    }
}

/// One colleague in the directory.
public struct DirectoryEntry: Equatable, Sendable {
    public let id: String
    public let name: String
    public let role: Role
    public let sector: Sector
    /// The unit they are in now (nil: none yet), its name and its place in the tree.
    public let unit: String?
    public let unitName: String?
    public let unitPath: String?
    public let targetGroups: [UnitTargetGroup]
    /// What they do: their own description, else their unit's.
    public let does: String
    /// The units they lead, by name.
    public let leads: [String]
    /// The legal areas they may decide under (their unit's and their own).
    public let mandates: [LegalArea]
    public let phone: String?
    public let email: String?
    /// Already working on the citizen the directory was asked from.
    public let onCitizen: Bool

    /// Whether every folded word of a query is in the entry's folded text.
    func matches(_ query: [String]) -> Bool {
        let sectorWords = [FigureScope.label(sector).da, FigureScope.label(sector).en, sector.rawValue]
        let text = ([name, unitPath ?? "", does] + sectorWords + targetGroups.flatMap { [$0.danish, $0.rawValue] } + leads)
            .joined(separator: " ")
        let hay = DanishName.words(text).joined(separator: " ")
        return query.allSatisfy { hay.contains($0) }
    }
}
