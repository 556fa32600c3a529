@_spi(Store) import EnPlanDomain
import Foundation

// Issue 27's benchmark: the supervisors' dashboard opened by a team leader of 12 caseworkers
// beside a supervisor who leads the whole municipality, in one run, on a copy of a large store:
//   enplan-bench units-child --dir COPY
// A store without units gets an organisation first (once; the copy keeps it): 27 new
// caseworkers for each of the demo's 15, of the same sector, in teams of 12 (34 teams under three
// areas under the municipality, which karen leads), a team leader for each team and area, and
// every citizen handed from their caseworker to one of that caseworker's 27 (ResponsibleChanged).

func unitsChild(dir: String) throws {
    let store = try Store(directory: dir)
    let service = CaseService(store: store, terminal: "bench")
    let today = store.clock.now().local.day
    var setup = 0.0
    if store.projection.organisation.isEmpty {
        let t0 = Date()
        let hash = try Passwords.hash("demo")
        let old = store.projection.users.filter { $0.role == .caseworker }.sorted { $0.id < $1.id }
        var heirs: [String: [String]] = [:], workers: [User] = []
        for u in old {
            for k in 0..<27 {
                let w = User(id: "\(u.id)-\(k)", name: "\(u.name) \(k)", sector: u.sector, role: .caseworker)
                workers.append(w); heirs[u.id, default: []].append(w.id)
            }
        }
        let teams = stride(from: 0, to: workers.count, by: 12).map { Array(workers[$0..<min($0 + 12, workers.count)]) }
        var cmds: [(actor: String, command: Command)] = []
        func user(_ u: User) { cmds.append(("admin", .createUser(u, passwordHash: hash))) }
        workers.forEach(user)
        for a in 0..<3 { user(User(id: "al\(a)", name: "Områdeleder \(a)", sector: .social, role: .supervisor)) }
        for t in teams.indices { user(User(id: "tl\(t)", name: "Teamleder \(t)", sector: teams[t][0].sector, role: .supervisor)) }
        cmds.append(("admin", .defineUnit(OrgUnit(id: "kommune", name: "Kommunen", leaders: ["karen"]), new: true)))
        for a in 0..<3 { cmds.append(("admin", .defineUnit(OrgUnit(id: "area\(a)", name: "Område \(a)", parent: "kommune", leaders: ["al\(a)"]), new: true))) }
        for (t, team) in teams.enumerated() {
            cmds.append(("admin", .defineUnit(OrgUnit(id: "team\(t)", name: "Team \(t)", parent: "area\(t % 3)", leaders: ["tl\(t)"]), new: true)))
            for w in team { cmds.append(("admin", .placeUser(user: w.id, unit: "team\(t)", from: today + -400, does: nil))) }
        }
        try service.execute(batch: cmds)
        var next: [String: Int] = [:]
        let citizens = store.projection.citizens.values.filter { !$0.isErased }.sorted { $0.id < $1.id }
        var batch: [(actor: String, command: Command)] = []
        for c in citizens {
            guard let to = heirs[c.responsible] else { continue }
            let i = next[c.responsible, default: 0]; next[c.responsible] = i + 1
            batch.append((c.responsible, .changeResponsible(citizen: c.id, user: to[i % to.count], reason: nil)))
            if batch.count == 5000 { try service.execute(batch: batch); batch = [] }
        }
        try service.execute(batch: batch)
        try store.writeSnapshot()
        setup = Date().timeIntervalSince(t0)
    }

    func ms(_ body: () throws -> Void) rethrows -> Double {
        let t = DispatchTime.now().uptimeNanoseconds; try body(); return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
    }
    func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
    let filter = FigureFilter(period: Period.named(.thisQuarter, today: today))
    let org = store.projection.organisation
    // The team leader of the team with the median number of citizens (the teams differ: the demo's
    // caseloads differ by sector).
    var unitOf: [String: String] = [:]
    for (user, ms) in org.memberships { if let u = ms.last?.unit, u.hasPrefix("team") { unitOf[user] = u } }
    var perTeam: [String: Int] = [:]
    for c in store.projection.citizens.values { if let u = unitOf[c.responsible] { perTeam[u, default: 0] += 1 } }
    let (teamID, teamCitizens) = perTeam.sorted { ($0.value, $0.key) < ($1.value, $1.key) }[perTeam.count / 2]
    let team = unitOf.filter { $0.value == teamID }
    let leader = "tl" + teamID.dropFirst(4)
    var out: [(String, Double)] = [("citizens", Double(store.projection.citizens.count)), ("events", Double(store.lastSeq)),
                                   ("teamSize", Double(team.count)), ("teamCitizens", Double(teamCitizens)), ("teams", Double(perTeam.count)),
                                   ("smallestTeam", Double(perTeam.values.min() ?? 0)), ("largestTeam", Double(perTeam.values.max() ?? 0)), ("setup", setup)]
    out.append(("firstRead", try ms { _ = try CaseService(store: store, terminal: "bench").figures(.caseload, filter: filter, as: "karen") }))
    // Alternating the two viewers, each a fresh service (nothing cached), median of 7.
    for (name, viewer) in [("leader", leader), ("municipality", "karen")] {
        var caseload: [Double] = [], all: [Double] = []
        for _ in 0..<7 {
            caseload.append(try ms { _ = try CaseService(store: store, terminal: "bench").figures(.caseload, filter: filter, as: viewer) })
            let fresh = CaseService(store: store, terminal: "bench")
            all.append(try ms { for s in FigureSection.allCases { _ = try fresh.figures(s, filter: filter, as: viewer) } })
        }
        out.append((name + ".caseload", median(caseload))); out.append((name + ".all", median(all)))
    }
    emit(out)
}
