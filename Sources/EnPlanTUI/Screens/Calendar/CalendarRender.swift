import EnPlanDomain

/// Drawing the calendar: the title, the four views, an open meeting.
extension CalendarScreen {
    func label(_ m: Meeting, service: CaseService) -> String {
        // The citizen by name on the screen (the domain gave this viewer the meeting with its
        // citizen only if they may see them); exported files carry no name.
        let who = m.citizen.flatMap(service.citizenName).map { " " + $0 } ?? ""
        return ICalendar.typeName(m.type) + who
    }

    func hhmm(_ minute: Int) -> String { Day.pad(minute / 60, 2) + ":" + Day.pad(minute % 60, 2) }

    func title(strings s: Strings, names: [String: String], citizenName: (String) -> String? = { _ in nil }) -> String {
        let whose: String
        switch subject {
        case .me: whose = s.c(.myMeetings)
        case .user(let u): whose = names[u] ?? u
        case .citizen(let c): whose = s.c(.citizenWord) + " " + (citizenName(c) ?? c)
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

    func renderView(into canvas: inout Canvas, top: Int, height: Int, width: Int, strings s: Strings, service: CaseService,
                    names: [String: String], today: Day) {
        canvas.put(TextWidth.truncate(title(strings: s, names: names, citizenName: service.citizenName), to: width), row: top, col: 0, role: .header)
        let body = top + 1, rows = height - 1
        switch view {
        case .week: renderWeek(&canvas, top: body, height: rows, width: width, s: s, service: service, today: today)
        case .month: renderMonth(&canvas, top: body, height: rows, width: width, s: s, today: today)
        case .day, .agenda: renderList(&canvas, top: body, height: rows, width: width, s: s, service: service, names: names)
        }
    }

    private func renderWeek(_ canvas: inout Canvas, top: Int, height: Int, width: Int, s: Strings, service: CaseService, today: Day) {
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
                let text = "\(hhmm(m.start.minuteOfDay)) \(label(m, service: service))"
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

    private func renderList(_ canvas: inout Canvas, top: Int, height: Int, width: Int, s: Strings, service: CaseService, names: [String: String]) {
        let items = focus
        if items.isEmpty {
            canvas.put(s.c(.noMeetings), row: top, col: 1, role: .dim)
            canvas.cursor = (top, 0)
            return
        }
        for (r, i) in list.window(count: items.count, height: height).enumerated() {
            let m = items[i]
            let people = m.participants.map { names[$0] ?? $0 }.joined(separator: ", ")
            let line = "\(s.weekdayName(m.start.day)) \(s.date(m.start.day)) \(hhmm(m.start.minuteOfDay))–\(hhmm(m.end.minuteOfDay))  \(label(m, service: service))  · \(m.room ?? "–") · \(people)\(m.status == .planned ? "" : " · " + s.word(m.status.rawValue))"
            let role: Role = i == selected ? .selected : (m.status == .cancelled ? .dim : .normal)
            canvas.clear(row: top + r, role: i == selected ? .selected : .normal)
            canvas.put(TextWidth.truncate(line, to: width), row: top + r, col: 0, role: role, width: width)
            if i == selected { canvas.cursor = (top + r, 0) }
        }
    }

    /// The open meeting, in full (as the domain let this user see it).
    func meetingLines(_ m: Meeting, strings s: Strings, service: CaseService, names: [String: String]) -> [String] {
        var out = [label(m, service: service),
                   "\(s.weekdayName(m.start.day)) \(s.date(m.start.day)) \(hhmm(m.start.minuteOfDay))–\(hhmm(m.end.minuteOfDay))",
                   s.c(.room) + ": " + (m.room ?? "–"),
                   s.c(.status) + ": " + s.word(m.status.rawValue)]
        if let c = m.citizen, let name = service.citizenName(c) { out.append(s.c(.citizen) + ": " + name) }
        out.append(s.c(.participants) + ":")
        out += m.participants.map { "  " + (names[$0] ?? $0) }
        out += m.guests.map { "  " + $0.name + ($0.organisation.map { ", " + $0 } ?? "") + " (\(s.guestKind($0.kind)))" }
        if !m.agenda.isEmpty {
            out.append(s.c(.agenda) + ":")
            for id in m.agenda {
                let item = openAgenda.first { $0.id == id }
                // By what each item is, never by its id (one that is no longer there: said so).
                let words = item.map { i in
                    i.hidden ? s.c(.agendaHidden) : i.due.map { "\(i.title ?? s.c(.followUpWord)), \(s.p(.due)) \(s.date($0))" }
                        ?? i.title.map { "\(s.c(.effortWord)): \($0)" } ?? s.c(.agendaHidden)
                } ?? s.c(.agendaHidden)
                out.append("  " + words)
            }
        }
        if let o = m.outcome { out.append(s.c(.outcome) + ": " + o) }
        out.append("")
        out.append(s.c(.outcomeKeys))
        return out
    }
}

extension CalendarScreen {
    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        let s = x.strings, names = x.staffNames
        if let form {
            form.render(into: &canvas, top: 2, width: x.cols, strings: s)
            form.citizenChoice?.chooser.render(into: &canvas)
            form.participantChoice?.chooser.render(into: &canvas)
        } else if let m = open {
            for (i, line) in meetingLines(m, strings: s, service: x.service, names: names).prefix(x.rows - 1).enumerated() {
                canvas.put(TextWidth.truncate(line, to: x.cols - 4), row: 2 + i, col: 2, role: i == 0 ? .header : .normal)
            }
            canvas.cursor = (2, 2)
        } else {
            renderView(into: &canvas, top: 1, height: x.rows, width: x.cols, strings: s, service: x.service, names: names, today: x.today)
        }
    }

    public func status(_ x: ScreenContext) -> Status {
        let s = x.strings
        if let entry = outcome {
            let prompt = entry.askingResult ? s.c(.resultPrompt)
                : (entry.missingReason ? s.c(.cancelNeedsReason) + " " : "") + s.c(entry.status == .cancelled ? .cancelPrompt : .outcomePrompt) + entry.note
            return Status(prompt, .input, input: true)
        }
        if let typed = goTo { return Status(s.c(.goToPrompt) + typed, .input, input: true) }
        // The meetings of the whole period shown (a week's, a month's), not only the cursor's day.
        let shown = meetings.filter { period.contains($0.start.day.daysSinceEpoch) && $0.status != .cancelled }.count
        return Status("\(s.t(.kCalendar)): \(s.c(viewName)) · \(shown) \(s.c(shown == 1 ? .meetingCount : .meetingsCount))")
    }

    var viewName: Strings.C {
        switch view {
        case .day: return .kDay
        case .week: return .kWeek
        case .month: return .kMonth
        case .agenda: return .agendaView
        }
    }
}
