@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation
import Glibc

/// `enplan-bench memory-child [--census] [--warm] [--figures] --dir DIR`: where a session's memory
/// goes, step by step: private memory after opening, after a supervisor's login and list (the
/// heap trimmed and not), and with the dashboard's figures prepared; `--warm` folds the names
/// first, as the full-screen interface does behind the login form, so `enterSeconds` is Enter's.
func memoryChild(dir: String) throws {
    // Where a session's memory goes: private memory after each step of opening and logging in.
    func privateMB() -> Double {
        let text = (try? String(contentsOfFile: "/proc/self/smaps_rollup", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("Private_Dirty:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
    var steps: [(String, Double)] = [("start", privateMB())]
    let store = try Store(directory: dir)
    steps.append(("opened", privateMB()))
    Heap.giveBack()
    steps.append(("openedTrimmed", privateMB()))
    if argv.contains("--census") {
        // What the state holds: element counts, and how many heap objects (arrays, long strings).
        let p = store.projection
        var contacts = 0, arrays = 0, longStrings = 0, lines = 0, planParts = 0, withPlan = 0
        func long(_ s: String?) -> Int { (s?.utf8.count ?? 0) > 15 ? 1 : 0 }
        for c in p.citizens.values {
            contacts += c.contacts.count
            let counts: [Int] = [c.registeredSectors.count, c.household.count, c.consents.count, c.contacts.count, c.meetings.count, c.participants.count,
                       c.facts.responsible.count, c.facts.recorded.count, c.facts.answered.count, c.facts.merged.count,
                       c.recorded.goals.count, c.recorded.followUps.count, c.recorded.assessments.count, c.recorded.household.count]
            arrays += counts.filter { $0 > 0 }.count
            longStrings += long(c.name) + long(c.id) + long(c.benefit)
            longStrings += long(c.responsible) + long(c.contactPerson)
            if let plan = c.plan {
                withPlan += 1
                planParts += plan.goals.count + plan.efforts.count + plan.decisions.count
                planParts += plan.followUps.count + plan.assessments.count + plan.referrals.count
                let parts: [Int] = [plan.goals.count, plan.efforts.count, plan.decisions.count, plan.followUps.count, plan.assessments.count, plan.referrals.count]
                arrays += parts.filter { $0 > 0 }.count
            }
        }
        lines = p.lines.inMemory
        steps += [("citizenStride", Double(MemoryLayout<Citizen>.stride)), ("contactStride", Double(MemoryLayout<ContactEntry>.stride)),
                  ("planStride", Double(MemoryLayout<Plan>.stride)), ("contacts", Double(contacts)), ("heapArrays", Double(arrays)),
                  ("longStrings", Double(longStrings)), ("linesInMemory", Double(lines)), ("streams", Double(p.lines.streams.count)),
                  ("withPlan", Double(withPlan)), ("planParts", Double(planParts)), ("meetings", Double(p.meetings.count))]
    }
    let service = CaseService(store: store, terminal: "bench")
    let supervisor = store.projection.users.first { $0.role == .supervisor }!.id
    // As the full-screen interface does behind the login form: the names folded before Enter.
    let warmed = argv.contains("--warm") ? NameKeys.warm(store.projection.citizens.heads.map(\.name)) : nil
    let terminal = MemoryTerminal(rows: 30, cols: 100)
    let app = App(loading: ServiceLoader(ready: .init(service: service), nameKeys: warmed), terminal: terminal, options: App.Options())
    for c in supervisor { app.handle(.char(c)) }
    app.handle(.tab)
    for c in DemoData.password { app.handle(.char(c)) }
    let enter = Date()
    app.handle(.enter)
    terminal.present(app.render())
    steps.append(("enterSeconds", Date().timeIntervalSince(enter)))
    steps.append(("list", privateMB()))
    Heap.giveBack()
    steps.append(("listTrimmed", privateMB()))
    if argv.contains("--figures") {
        // A supervisor's dashboard prepared (what the full-screen interface does when they are idle).
        let t0 = Date()
        service.prepareFigures()
        steps.append(("figuresSeconds", Date().timeIntervalSince(t0)))
        Heap.giveBack()
        steps.append(("figures", privateMB()))
    }
    emit(steps)
}
