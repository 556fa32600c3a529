@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation
import Glibc

/// `enplan-bench tui-child`: the citizen list at 100,000 citizens (each search keystroke, renders), timed in
/// process on a memory terminal.
func tuiChild(dir: String) throws {
    // The citizen list over every citizen (a supervisor sees all): each keystroke of a search
    // through the real App (filter + render of the visible rows), and full-screen renders.
    let store = try Store(directory: dir)
    let service = CaseService(store: store, terminal: "bench")
    let supervisor = store.projection.users.first { $0.role == .supervisor }!.id
    let terminal = MemoryTerminal(rows: 50, cols: 200)
    var options = App.Options(); options.language = .da
    let app = App(service: service, terminal: terminal, options: options)
    for c in supervisor { app.handle(.char(c)) }
    app.handle(.tab)
    for c in DemoData.password { app.handle(.char(c)) }
    let t0 = Date()
    app.handle(.enter)                                   // log in: loads and sorts the whole list
    let loginLoad = Date().timeIntervalSince(t0)
    func timed(_ body: () -> Void) -> Double {
        let t = DispatchTime.now().uptimeNanoseconds; body(); return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
    }
    var renders: [Double] = []
    for _ in 0..<50 { renders.append(timed { _ = app.render() }) }
    var keystrokes: [Double] = []
    app.handle(.char("/"))
    for query in ["soren", "aase", "møller", "0101", "kristiansen", "x", "ærø"] {
        for c in query { keystrokes.append(timed { app.handle(.char(c)); terminal.present(app.render()) }) }
        for _ in query { keystrokes.append(timed { app.handle(.backspace); terminal.present(app.render()) }) }
    }
    // Another terminal changes one citizen: the list takes in just that row.
    app.handle(.escape)
    let writer = CaseService(store: try Store(directory: dir), terminal: "bench-2")
    let someone = writer.state.citizens.values.first!
    var refreshes: [Double] = []
    for i in 0..<5 {
        try writer.execute(.logContact(citizen: someone.id, channel: .phone, note: nil, at: nil), as: someone.responsible)
        refreshes.append(timed { app.tick(now: Date().addingTimeInterval(Double(2 + i * 2))) })
    }
    refreshes.sort()
    renders.sort(); keystrokes.sort()
    emit([("citizens", Double(store.projection.citizens.count)), ("loginLoad", loginLoad), ("refreshMedian", refreshes[refreshes.count / 2]),
          ("renderMedian", renders[renders.count / 2]), ("renderMax", renders.last!),
          ("keyMedian", keystrokes[keystrokes.count / 2]), ("keyMax", keystrokes.last!), ("keys", Double(keystrokes.count))])
}

/// `enplan-bench plan-child`: the unified plan's screen for 100 citizens (open, the journey, a save), timed in process.
func planChild(dir: String) throws {
    // The plan screen on the big store: open a citizen's plan (read + render), the journey (its
    // lines through the index, then render), and a save through a form, for 100 citizens.
    let store = try Store(directory: dir)
    let service = CaseService(store: store, terminal: "bench")
    func timed(_ body: () throws -> Void) rethrows -> Double {
        let t = DispatchTime.now().uptimeNanoseconds; try body(); return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
    }
    let strings = Strings(.da)
    let withPlans = store.projection.citizens.values.filter { $0.plan != nil }.map { ($0.id, $0.responsible) }.sorted { $0.0 < $1.0 }
    var opens: [Double] = [], journeys: [Double] = [], saves: [Double] = [], lines: [Double] = []
    var canvas = Canvas(rows: 50, cols: 160)
    for (id, user) in withPlans.prefix(100) {
        let context = ScreenContext(service: service, user: try service.user(user), strings: strings, rows: 47, cols: 160)
        opens.append(try timed {
            try PlanScreen(citizen: id, context: context).render(into: &canvas, context: context)
        })
        journeys.append(try timed {
            let screen = try JourneyScreen(citizen: id, context: context)
            screen.render(into: &canvas, context: context)
            lines.append(Double(screen.view.journey.entries.count))
        })
        saves.append(try timed {
            try service.execute([.addGoal(citizen: id, area: .network, text: "Et netværk")], as: user, expectedVersion: store.projection.citizens[id]!.version)
        })
    }
    func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
    emit([("openMedian", median(opens)), ("openMax", opens.max()!), ("journeyMedian", median(journeys)), ("journeyMax", journeys.max()!),
          ("saveMedian", median(saves)), ("saveMax", saves.max()!), ("entriesMedian", median(lines))])
}
