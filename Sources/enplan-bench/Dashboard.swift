@_spi(Store) import EnPlanDomain
import Foundation

// The supervisors' side: the dashboard's sections (`dashboard-child`), one section profiled
// (`section-child`) and the quarterly review's draw (`review-child`).

/// The supervisors' dashboard over every citizen: each section computed from the projection by
/// a fresh service (nothing cached), a filter change, a read from the cache, and the first
/// read after another terminal's change (one contact appended).
func dashboardChild(dir: String) throws {
    let store = try Store(directory: dir)
    let supervisor = store.projection.users.first { $0.role == .supervisor }!.id
    func ms(_ body: () throws -> Void) rethrows -> Double {
        let t = DispatchTime.now().uptimeNanoseconds; try body(); return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
    }
    func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
    let today = store.clock.now().local.day
    let filter = FigureFilter(period: Period.named(.thisQuarter, today: today))
    var out: [(String, Double)] = [("citizens", Double(store.projection.citizens.count)), ("events", Double(store.lastSeq))]
    // The first read after the store opened: fills the store's array of the citizens (`FigureBase`), then the caseload.
    out.append(("firstRead", try ms { _ = try CaseService(store: store, terminal: "bench").figures(.caseload, filter: filter, as: supervisor) }))
    var total = 0.0
    for section in FigureSection.allCases {
        let m = median(try (0..<5).map { _ in
            let service = CaseService(store: store, terminal: "bench")
            return try ms { _ = try service.figures(section, filter: filter, as: supervisor) }
        })
        total += m
        out.append((section.rawValue, m))
    }
    out.append(("total", total))
    let service = CaseService(store: store, terminal: "bench")
    for section in FigureSection.allCases { _ = try service.figures(section, filter: filter, as: supervisor) }
    out.append(("cached", median(try (0..<5).map { _ in try ms { for s in FigureSection.allCases { _ = try service.figures(s, filter: filter, as: supervisor) } } })))
    var youth = filter; youth.group = .youth
    out.append(("filterChange", median(try (0..<5).map { i in
        var f = youth; f.period.from = f.period.from + i
        return try ms { _ = try service.figures(.caseload, filter: f, as: supervisor) }
    })))
    let someone = store.projection.citizens.values.first!
    try service.execute(.logContact(citizen: someone.id, channel: .phone, note: nil, at: nil), as: someone.responsible)
    out.append(("afterChange", try ms { for s in FigureSection.allCases { _ = try service.figures(s, filter: filter, as: supervisor) } }))
    // The dashboard opened by a fresh service (all seven, nothing cached in it), median of 5.
    out.append(("open", median(try (0..<5).map { _ in
        let fresh = CaseService(store: store, terminal: "bench")
        return try ms { for s in FigureSection.allCases { _ = try fresh.figures(s, filter: filter, as: supervisor) } }
    })))
    // Another terminal (its own store on the same files) logs a contact; this one takes it in and
    // recomputes all seven: median of 5, and each section's share.
    let other = CaseService(store: try Store(directory: dir), terminal: "bench-2")
    var perSection: [FigureSection: [Double]] = [:]
    out.append(("otherTerminal", median(try (0..<5).map { i in
        let c = other.state.citizens.values.first!
        try other.execute(.logContact(citizen: c.id, channel: .phone, note: nil, at: nil), as: c.responsible)
        return try ms { for s in FigureSection.allCases {
            perSection[s, default: []].append(try ms { _ = try service.figures(s, filter: filter, as: supervisor) })
        } }
    })))
    for s in FigureSection.allCases { out.append(("otherTerminal." + s.rawValue, median(perSection[s]!))) }
    out.append(("peakMB", peakMemoryMB()))
    emit(out)
}

/// One section computed again and again by fresh services (nothing cached), to profile it:
///   enplan-bench section-child --dir DIR --section caseload --times 30
func sectionChild(dir: String) throws {
    let store = try Store(directory: dir)
    let supervisor = store.projection.users.first { $0.role == .supervisor }!.id
    let filter = FigureFilter(period: Period.named(.thisQuarter, today: store.clock.now().local.day))
    let section = FigureSection(rawValue: option("section", "caseload"))!
    _ = try CaseService(store: store, terminal: "bench").figures(section, filter: filter, as: supervisor)
    let t = DispatchTime.now().uptimeNanoseconds, times = Int(option("times", "30"))!
    for _ in 0..<times { _ = try CaseService(store: store, terminal: "bench").figures(section, filter: filter, as: supervisor) }
    emit([(section.rawValue, Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6 / Double(times))])
}

/// The quarterly review's draw at this scale: the population (every plan, by stratum), the
/// sample, and the size of the event's line. Decided only, not written (one draw a quarter).
func reviewChild(dir: String) throws {
    let store = try Store(directory: dir)
    let supervisor = try Decide.actor(store.projection.users.first { $0.role == .supervisor }!.id, in: store.projection)
    let today = store.clock.now().local.day
    var times: [Double] = [], bytes = 0, plans = 0
    for i in 0..<5 {
        let t = DispatchTime.now().uptimeNanoseconds
        let events = try Decide(state: store.projection, actor: supervisor, today: today)
            .events(for: .drawReviewSample(quarter: Quarter(of: today).next, size: 16, seed: i + 1))
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
        bytes = events[0].event.fields.json.utf8.count
        if case let .reviewSampleDrawn(d) = events[0].event { plans = d.population.reduce(0) { $0 + $1.citizens.count } }
    }
    emit([("drawMedian", times.sorted()[2]), ("lineBytes", Double(bytes)), ("population", Double(plans)), ("peakMB", peakMemoryMB())])
}
