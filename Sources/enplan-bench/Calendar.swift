@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation

// The calendar at a year's scale: the week view and the free-slot search (`calendar-child`).

/// 15,000 meetings in a year (15 caseworkers, ~4 meetings each a working day): the week view
/// and the free-slot search.
func calendarChild(dir: String) throws {
    let calDir = dir + "-calendar"
    try? FileManager.default.removeItem(atPath: calDir)
    let service = CaseService(store: try Store(directory: calDir), terminal: "bench")
    var demo = DemoData.Options(); demo.citizens = 200
    _ = try DemoData.fill(service, options: demo)
    var rng = SeededRandom(seed: 7)
    let workers = service.state.users.filter { $0.role == .caseworker }.map(\.id)
    let rooms = ["Mødelokale 1", "Mødelokale 2", "Borgerrummet", "Lille sal", "Store sal", "Kantinen"]
    var days: [Day] = []
    var d = service.today
    while days.count < 250 { if WorkingHours().isWorkingDay(d) { days.append(d) }; d = d + 1 }
    var batch: [(actor: String, command: Command)] = []
    while service.state.meetings.count + batch.count < 15_000 {
        let people = Array(Set((0..<rng.int(1...3)).map { _ in rng.pick(workers) }))
        batch.append((people[0], .scheduleMeeting(type: rng.pick(MeetingType.allCases), citizen: nil,
                                                  start: LocalTime(day: rng.pick(days), minuteOfDay: rng.int(16...31) * 30),
                                                  minutes: rng.pick([30, 45, 60, 90]), room: rng.pick(rooms), participants: people, guests: [],
                                                  allowConflict: true)))
        if batch.count == 2000 { try service.execute(batch: batch); batch = [] }
    }
    try service.execute(batch: batch)
    let meetings = service.state.meetings.count
    func timed(_ body: () -> Void) -> Double {
        let t = DispatchTime.now().uptimeNanoseconds; body(); return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
    }
    var searches: [Double] = []
    for _ in 0..<200 {
        let people = Array(Set((0..<rng.int(2...3)).map { _ in rng.pick(workers) }))
        let after = LocalTime(day: rng.pick(days), minuteOfDay: 8 * 60)
        let room = rng.pick(rooms)
        searches.append(timed { _ = Scheduling.firstFreeSlot(participants: people, room: room, minutes: 60, after: after, in: service.state) })
    }
    let terminal = MemoryTerminal(rows: 50, cols: 200)
    var options = App.Options(); options.language = .da
    let app = App(service: service, terminal: terminal, options: options)
    for c in workers[0] { app.handle(.char(c)) }
    app.handle(.tab)
    for c in DemoData.password { app.handle(.char(c)) }
    app.handle(.enter)
    app.handle(.char("2"))
    var renders: [Double] = [], moves: [Double] = []
    for _ in 0..<50 { renders.append(timed { terminal.present(app.render()) }) }
    for _ in 0..<30 { moves.append(timed { app.handle(.down); terminal.present(app.render()) }) }
    renders.sort(); moves.sort(); searches.sort()
    try? FileManager.default.removeItem(atPath: calDir)
    emit([("meetings", Double(meetings)), ("weekRenderMedian", renders[renders.count / 2]), ("weekRenderMax", renders.last!),
          ("weekMoveMedian", moves[moves.count / 2]), ("weekMoveMax", moves.last!),
          ("freeSlotMedian", searches[searches.count / 2]), ("freeSlotMax", searches.last!)])
}
