import EnPlanDomain

/// The meeting calendar: day, week (with ISO week number), month and agenda, for me, another user,
/// a citizen or a room. Keys like calcurse's: ←→ a day, ↑↓ a week, PgUp PgDn a month, t today.
/// Its modes (a meeting open, its outcome being recorded, a date being typed, the scheduling
/// form) each have their own key table (CalendarKeys.swift).
public struct CalendarScreen: Sendable {
    public enum View: String, CaseIterable, Sendable { case day, week, month, agenda }
    public enum Subject: Equatable, Sendable { case me, user(String), citizen(String), room(String) }

    public var view: View = .week
    public var subject: Subject = .me
    public private(set) var cursor: Day
    /// Meetings for the loaded days, sorted by start.
    public private(set) var meetings: [Meeting] = []
    private(set) var loaded: ClosedRange<Int>?
    /// The selection among `focus` (the day's or the agenda's meetings) and the list's window.
    public var list = ScrollList()
    public var selected: Int { list.selected }
    /// The list's height as last seen (day and agenda views).
    var height = 20
    public var open: Meeting?
    /// The open meeting's agenda in words (read once, when it is opened: a logged look).
    public var openAgenda: [AgendaItem] = []
    public var form: ScheduleForm?
    /// Typing a date after `g`.
    public var goTo: String?
    /// Recording an open meeting's outcome: the status chosen, the note typed, then the result
    /// that completes its follow-ups.
    public var outcome: OutcomeEntry?
    /// What the last write was for (its answer words it).
    var pending: Pending?
    /// A citizen looked up by name in the scheduling form: the search the App logs (`Effect.record`)
    /// before what it found is acted on.
    var searched: AuditWrite?
    enum Pending: Sendable { case schedule, merge, outcome }

    public struct OutcomeEntry: Sendable {
        public var status: MeetingStatus
        public var note = ""
        public var askingResult = false
        /// Enter was pressed on a cancellation without a reason.
        public var missingReason = false
    }

    public init(today: Day) { cursor = today }

    /// The days a view shows.
    public var period: ClosedRange<Int> {
        switch view {
        case .day: return cursor.daysSinceEpoch...cursor.daysSinceEpoch
        case .week:
            let monday = cursor + (1 - cursor.weekday)
            return monday.daysSinceEpoch...(monday + 6).daysSinceEpoch
        case .month:
            let (y, m, _) = cursor.components
            let first = Day(year: y, month: m, day: 1)!
            let start = first + (1 - first.weekday)
            return start.daysSinceEpoch...(start + 41).daysSinceEpoch
        case .agenda: return cursor.daysSinceEpoch...(cursor + 27).daysSinceEpoch
        }
    }

    /// Whether the meetings for the current period must be read (again).
    public var needsLoad: Bool { loaded.map { !($0.contains(period.lowerBound) && $0.contains(period.upperBound)) } ?? true }

    /// The window read at once: the period and a month either side, so moving about reads seldom.
    public var loadWindow: (from: Day, to: Day) {
        (Day(daysSinceEpoch: period.lowerBound - 31), Day(daysSinceEpoch: period.upperBound + 31))
    }

    public mutating func loaded(_ found: [Meeting], window: (from: Day, to: Day)) {
        meetings = found.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        loaded = window.from.daysSinceEpoch...window.to.daysSinceEpoch
        list.clamp(count: focus.count, height: height)
    }

    public mutating func invalidate() { loaded = nil }

    /// The meetings the selection moves among: the cursor's day, or the agenda's four weeks.
    public var focus: [Meeting] {
        view == .agenda ? meetings.filter { period.contains($0.start.day.daysSinceEpoch) } : meetings.filter { $0.start.day == cursor }
    }

    public var selectedMeeting: Meeting? { focus.indices.contains(selected) ? focus[selected] : nil }

    public mutating func move(days: Int) { cursor = cursor + days; list = ScrollList() }
    public mutating func move(months: Int) { cursor = cursor.adding(months: months); list = ScrollList() }
    public mutating func jump(to day: Day) { cursor = day; list = ScrollList() }
    public mutating func nextView() { view = View.allCases[(View.allCases.firstIndex(of: view)! + 1) % View.allCases.count]; list = ScrollList() }
    public mutating func select(by n: Int) { list.move(by: n, count: focus.count, height: height) }

}
