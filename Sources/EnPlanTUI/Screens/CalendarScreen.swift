import EnPlanDomain

/// The meeting calendar: day, week (with ISO week number), month and agenda, for me, another user,
/// a citizen or a room. Keys like calcurse's: ←→ a day, ↑↓ a week, PgUp PgDn a month, t today.
public struct CalendarScreen: Sendable {
    public enum View: String, CaseIterable, Sendable { case day, week, month, agenda }
    public enum Subject: Equatable, Sendable { case me, user(String), citizen(String), room(String) }

    public var view: View = .week
    public var subject: Subject = .me
    public private(set) var cursor: Day
    /// Meetings for the loaded days, sorted by start.
    public private(set) var meetings: [Meeting] = []
    private(set) var loaded: ClosedRange<Int>?
    public var selected = 0
    public var open: Meeting?
    public var form: ScheduleForm?
    /// Typing a date after `g`.
    public var goTo: String?
    /// Recording an open meeting's outcome: the status chosen, the note typed, then the result
    /// that completes its follow-ups.
    public var outcome: OutcomeEntry?

    public struct OutcomeEntry: Sendable {
        public var status: MeetingStatus
        public var note = ""
        public var askingResult = false
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
        selected = min(selected, max(0, focus.count - 1))
    }

    public mutating func invalidate() { loaded = nil }

    /// The meetings the selection moves among: the cursor's day, or the agenda's four weeks.
    public var focus: [Meeting] {
        view == .agenda ? meetings.filter { period.contains($0.start.day.daysSinceEpoch) } : meetings.filter { $0.start.day == cursor }
    }

    public var selectedMeeting: Meeting? { focus.indices.contains(selected) ? focus[selected] : nil }

    public mutating func move(days: Int) { cursor = cursor + days; selected = 0 }
    public mutating func move(months: Int) { cursor = cursor.adding(months: months); selected = 0 }
    public mutating func jump(to day: Day) { cursor = day; selected = 0 }
    public mutating func nextView() { view = View.allCases[(View.allCases.firstIndex(of: view)! + 1) % View.allCases.count]; selected = 0 }
    public mutating func select(by n: Int) { selected = max(0, min(focus.count - 1, selected + n)) }

    // MARK: drawing

    func label(_ m: Meeting, state: Projection) -> String {
        let who = m.citizen.flatMap { state.citizens[$0] }.map { " " + ICalendar.initials($0.name) } ?? ""
        return ICalendar.typeName(m.type) + who
    }

    func hhmm(_ minute: Int) -> String { Day.pad(minute / 60, 2) + ":" + Day.pad(minute % 60, 2) }

    func title(strings s: Strings, names: [String: String]) -> String {
        let whose: String
        switch subject {
        case .me: whose = s.language == .da ? "mine møder" : "my meetings"
        case .user(let u): whose = names[u] ?? u
        case .citizen(let c): whose = (s.language == .da ? "borger " : "citizen ") + c
        case .room(let r): whose = r
        }
        let first = Day(daysSinceEpoch: period.lowerBound), last = Day(daysSinceEpoch: period.upperBound)
        switch view {
        case .day: return "\(s.weekdayName(cursor)) \(s.date(cursor)) · \(s.week(cursor)) · \(whose)"
        case .week: return "\(s.week(cursor).capitalized) · \(s.date(first)) – \(s.date(last)) · \(whose)"
        case .month: return "\(s.monthName(cursor)) \(cursor.components.year) · \(whose)"
        case .agenda: return "\(s.date(first)) – \(s.date(last)) · \(whose)"
        }
    }

    mutating func render(into canvas: inout Canvas, top: Int, height: Int, width: Int, strings s: Strings, state: Projection,
                         names: [String: String], today: Day) {
        canvas.put(TextWidth.truncate(title(strings: s, names: names), to: width), row: top, col: 0, role: .header)
        let body = top + 1, rows = height - 1
        switch view {
        case .week: renderWeek(&canvas, top: body, height: rows, width: width, s: s, state: state, today: today)
        case .month: renderMonth(&canvas, top: body, height: rows, width: width, s: s, today: today)
        case .day, .agenda: renderList(&canvas, top: body, height: rows, width: width, s: s, state: state, names: names)
        }
    }

    private mutating func renderWeek(_ canvas: inout Canvas, top: Int, height: Int, width: Int, s: Strings, state: Projection, today: Day) {
        let timeWidth = 6
        let colWidth = max(6, (width - timeWidth) / 7)
        let monday = Day(daysSinceEpoch: period.lowerBound)
        for i in 0..<7 {
            let d = monday + i
            let role: Role = d == cursor ? .selected : (d == today ? .alert : (Holidays.isHoliday(d) ? .dim : .header))
            // "man 23-11", or "man 23" when the column is narrow.
            let full = "\(s.weekdayName(d)) \(s.date(d).prefix(5))", short = "\(s.weekdayName(d)) \(d.components.day)"
            let header = TextWidth.columns(full) <= colWidth - 1 ? full : short
            canvas.put(TextWidth.fit(header, to: colWidth - 1), row: top, col: timeWidth + i * colWidth, role: role, width: colWidth - 1)
        }
        // Half-hour rows from 08:00, as many as fit (earlier and later meetings go to the first and last row).
        let slots = max(1, height - 1)
        let firstMinute = 8 * 60
        for r in 0..<slots {
            let minute = firstMinute + r * 30
            if minute < 24 * 60, r % 2 == 0 { canvas.put(hhmm(minute), row: top + 1 + r, col: 0, role: .dim) }
        }
        var cursorRow: (Int, Int)?
        for i in 0..<7 {
            let d = monday + i
            var used = Set<Int>()
            for m in meetings where m.start.day == d {
                let slot = max(0, min(slots - 1, (m.start.minuteOfDay - firstMinute) / 30))
                var r = slot
                while used.contains(r) && r < slots - 1 { r += 1 }
                used.insert(r)
                let isSelected = d == cursor && selectedMeeting?.id == m.id
                let role: Role = isSelected ? .selected : (m.status == .cancelled ? .dim : .normal)
                let text = "\(hhmm(m.start.minuteOfDay)) \(label(m, state: state))"
                canvas.put(TextWidth.truncate(text, to: colWidth - 1), row: top + 1 + r, col: timeWidth + i * colWidth, role: role, width: colWidth - 1)
                if isSelected { cursorRow = (top + 1 + r, timeWidth + i * colWidth) }
            }
        }
        canvas.cursor = cursorRow ?? (top, timeWidth + (cursor - monday) * colWidth)
    }

    private func renderMonth(_ canvas: inout Canvas, top: Int, height: Int, width: Int, s: Strings, today: Day) {
        let colWidth = max(6, width / 7)
        let start = Day(daysSinceEpoch: period.lowerBound)
        let month = cursor.components.month
        for i in 0..<7 { canvas.put(s.weekdayName(start + i), row: top, col: i * colWidth, role: .header) }
        let rowHeight = max(1, (height - 1) / 6)
        for w in 0..<6 {
            for i in 0..<7 {
                let d = start + (w * 7 + i)
                let count = meetings.filter { $0.start.day == d && $0.status != .cancelled }.count
                let role: Role = d == cursor ? .selected : (d == today ? .alert : (d.components.month == month ? .normal : .dim))
                let text = String(d.components.day) + (count > 0 ? " •\(count)" : "")
                let row = top + 1 + w * rowHeight
                canvas.put(TextWidth.fit(text, to: colWidth - 1), row: row, col: i * colWidth, role: role, width: colWidth - 1)
                if d == cursor { canvas.cursor = (row, i * colWidth) }
            }
        }
    }

    private func renderList(_ canvas: inout Canvas, top: Int, height: Int, width: Int, s: Strings, state: Projection, names: [String: String]) {
        let items = focus
        if items.isEmpty {
            canvas.put(s.language == .da ? "Ingen møder." : "No meetings.", row: top, col: 1, role: .dim)
            canvas.cursor = (top, 0)
            return
        }
        let first = max(0, min(selected - height / 2, items.count - height))
        for (r, m) in items.dropFirst(first).prefix(height).enumerated() {
            let i = first + r
            let people = m.participants.map { names[$0] ?? $0 }.joined(separator: ", ")
            let line = "\(s.weekdayName(m.start.day)) \(s.date(m.start.day)) \(hhmm(m.start.minuteOfDay))–\(hhmm(m.end.minuteOfDay))  \(label(m, state: state))  · \(m.room ?? "–") · \(people)\(m.status == .planned ? "" : " · " + m.status.rawValue)"
            let role: Role = i == selected ? .selected : (m.status == .cancelled ? .dim : .normal)
            canvas.clear(row: top + r, role: i == selected ? .selected : .normal)
            canvas.put(TextWidth.truncate(line, to: width), row: top + r, col: 0, role: role, width: width)
            if i == selected { canvas.cursor = (top + r, 0) }
        }
    }

    /// The open meeting, in full (as the domain let this user see it).
    func meetingLines(_ m: Meeting, strings s: Strings, state: Projection, names: [String: String]) -> [String] {
        var out = [label(m, state: state) + " (\(m.id))",
                   "\(s.weekdayName(m.start.day)) \(s.date(m.start.day)) \(hhmm(m.start.minuteOfDay))–\(hhmm(m.end.minuteOfDay))",
                   (s.language == .da ? "Lokale: " : "Room: ") + (m.room ?? "–"),
                   (s.language == .da ? "Status: " : "Status: ") + m.status.rawValue]
        if let c = m.citizen, let citizen = state.citizens[c] { out.append((s.language == .da ? "Borger: " : "Citizen: ") + citizen.name + " (\(c))") }
        out.append(s.language == .da ? "Deltagere:" : "Participants:")
        out += m.participants.map { "  " + (names[$0] ?? $0) }
        out += m.guests.map { "  " + $0.name + ($0.organisation.map { ", " + $0 } ?? "") + " (\($0.kind.rawValue))" }
        if !m.agenda.isEmpty { out.append((s.language == .da ? "Dagsorden: " : "Agenda: ") + m.agenda.joined(separator: ", ")) }
        if let o = m.outcome { out.append((s.language == .da ? "Udfald: " : "Outcome: ") + o) }
        out.append("")
        out.append(s.t(.outcomeKeys))
        return out
    }
}
