import EnPlanDomain
import Foundation

extension App {
    /// The whole screen for the terminal's current size.
    public func render() -> Canvas {
        let (rows, cols) = terminal.size
        var canvas = Canvas(rows: rows, cols: cols)
        guard rows >= App.minimumSize.rows, cols >= App.minimumSize.cols else {
            renderTooSmall(&canvas)
            return canvas
        }
        titleBar(&canvas)
        switch phase {
        case .login(let form):
            let lockedBy = lockedSession.map { "\($0.user.name) (\($0.user.id))" }
            form.render(into: &canvas, strings: strings, demo: options.demo, lockedBy: lockedBy)
            statusLine(&canvas, text: message?.text ?? "", role: message?.role ?? .normal)
        case .main:
            withSession { renderMain(&canvas, &$0) }
        case .moving:
            break
        }
        if showHelp { helpOverlay(&canvas) }
        if let cl = commandLine {
            canvas.clear(row: rows - 2)
            let shown = ":" + cl.text
            canvas.put(shown, row: rows - 2, col: 0, role: .input)
            canvas.cursor = (rows - 2, min(cols - 1, TextWidth.columns(shown)))
        }
        return canvas
    }

    private func renderTooSmall(_ canvas: inout Canvas) {
        let lines = [strings.t(.tooSmall), "≥ \(App.minimumSize.cols)×\(App.minimumSize.rows) (\(canvas.cols)×\(canvas.rows))"]
        for (i, l) in lines.enumerated() {
            let w = TextWidth.columns(l)
            canvas.put(l, row: canvas.rows / 2 - 1 + i, col: max(0, (canvas.cols - w) / 2), role: i == 0 ? .alert : .normal)
        }
        canvas.cursor = nil
    }

    /// Who is logged in, their sector, the terminal, the date with ISO week.
    private func titleBar(_ canvas: inout Canvas) {
        canvas.clear(row: 0, role: .title)
        let today = service.today
        var left = " " + strings.t(.appName)
        if case .main(let s) = phase {
            left += " · \(s.user.name) (\(strings.sector(s.user.sector)), \(strings.role(s.user.role)))"
        }
        let right = "\(service.terminal) · \(strings.date(today)) \(strings.week(today)) "
        canvas.put(left, row: 0, col: 0, role: .title)
        let rw = TextWidth.columns(right)
        if TextWidth.columns(left) + rw + 2 <= canvas.cols { canvas.put(right, row: 0, col: canvas.cols - rw, role: .title) }
    }

    private func statusLine(_ canvas: inout Canvas, text: String, role: Role) {
        canvas.clear(row: canvas.rows - 2)
        canvas.put(TextWidth.truncate(text, to: canvas.cols), row: canvas.rows - 2, col: 0, role: role)
    }

    private func renderMain(_ canvas: inout Canvas, _ s: inout Session) {
        let rows = canvas.rows, cols = canvas.cols
        let bodyTop = 1, bodyHeight = rows - 3
        if s.screen == .calendar { renderCalendar(&canvas, &s); return }
        if s.screen == .plan, var p = s.plan {
            p.render(into: &canvas, top: bodyTop, height: bodyHeight, width: cols, strings: strings, names: planNames)
            s.plan = p
            statusLine(&canvas, text: message?.text ?? "\(strings.p(.title)): \(p.citizen.name)" + nextMeetingNote(s.user.id), role: message?.role ?? .normal)
            let back = [Binding(action: .back, keys: [.escape], label: .kBack, help: .hBack, inBar: true)]
            keyBar(&canvas, p.form != nil ? back : p.journey != nil ? KeyTable.journey + KeyTable.global : KeyTable.plan + KeyTable.global)
            return
        }
        s.list.render(into: &canvas, from: bodyTop, height: bodyHeight, width: cols, strings: strings, benefits: service.state.benefits)
        // Status: the search being typed, or a message, or the count and the filters in force.
        if s.list.editingQuery {
            let prompt = strings.t(.filterPrompt) + s.list.query
            statusLine(&canvas, text: prompt, role: .input)
            canvas.put("  \(s.list.count)/\(s.list.total)", row: rows - 2, col: TextWidth.columns(prompt), role: .dim)
            canvas.cursor = (rows - 2, min(cols - 1, TextWidth.columns(prompt)))
        } else if let m = message {
            statusLine(&canvas, text: m.text, role: m.role)
        } else {
            statusLine(&canvas, text: filterSummary(s.list) + nextMeetingNote(s.user.id), role: .normal)
        }
        keyBar(&canvas, KeyTable.global + KeyTable.citizenList)
    }

    /// " · Next meeting today: 13:00 Netværksmøde (Mødelokale 1)"
    func nextMeetingNote(_ user: String) -> String {
        guard let m = nextMeetingToday(for: user) else { return "" }
        let hm = Day.pad(m.start.minuteOfDay / 60, 2) + ":" + Day.pad(m.start.minuteOfDay % 60, 2)
        return " · \(strings.t(.nextMeetingToday)): \(hm) \(ICalendar.typeName(m.type))\(m.room.map { " (\($0))" } ?? "")"
    }

    private func renderCalendar(_ canvas: inout Canvas, _ s: inout Session) {
        let rows = canvas.rows, cols = canvas.cols
        let names = userNames, state = service.state
        if let form = s.calendar.form {
            form.render(into: &canvas, top: 2, strings: strings)
        } else if let m = s.calendar.open {
            for (i, line) in s.calendar.meetingLines(m, strings: strings, state: state, names: names).prefix(rows - 4).enumerated() {
                canvas.put(TextWidth.truncate(line, to: cols - 4), row: 2 + i, col: 2, role: i == 0 ? .header : .normal)
            }
            canvas.cursor = (2, 2)
        } else {
            s.calendar.render(into: &canvas, top: 1, height: rows - 3, width: cols, strings: strings, state: state, names: names, today: service.today)
        }
        if let entry = s.calendar.outcome {
            let prompt = entry.askingResult ? strings.t(.resultPrompt) : strings.t(.outcomePrompt) + entry.note
            statusLine(&canvas, text: prompt, role: .input)
            canvas.cursor = (rows - 2, min(cols - 1, TextWidth.columns(prompt)))
        } else if let typed = s.calendar.goTo {
            let prompt = strings.t(.goToPrompt) + typed
            statusLine(&canvas, text: prompt, role: .input)
            canvas.cursor = (rows - 2, min(cols - 1, TextWidth.columns(prompt)))
        } else if let m = message {
            statusLine(&canvas, text: m.text, role: m.role)
        } else {
            let count = s.calendar.focus.count
            let summary = "\(strings.t(.kCalendar)): \(s.calendar.view.rawValue) · \(count) \(strings.language == .da ? "møder" : "meetings")"
            statusLine(&canvas, text: summary + nextMeetingNote(s.user.id), role: .normal)
        }
        keyBar(&canvas, s.calendar.form != nil || s.calendar.open != nil
               ? [Binding(action: .back, keys: [.escape], label: .kBack, help: .hBack, inBar: true)] : KeyTable.global + KeyTable.calendar)
    }

    func filterSummary(_ l: CitizenList) -> String {
        let of = strings.language == .da ? "af" : "of"
        var parts = ["\(l.count) \(of) \(l.total)", l.mineOnly ? strings.t(.filterMine) : strings.t(.filterAll)]
        if l.youthOnly { parts.append(strings.t(.filterYouth)) }
        if l.overdueOnly { parts.append(strings.t(.filterOverdue)) }
        if l.noPlanOnly { parts.append(strings.t(.filterNoPlan)) }
        if let sector = l.sector { parts.append("\(strings.t(.filterSector)): \(strings.sector(sector))") }
        if !l.query.isEmpty { parts.append("\"\(l.query)\"") }
        parts.append("\(strings.t(.sortedBy)) \(strings.t(CitizenList.header(l.sortColumn)).lowercased())")
        return parts.joined(separator: " · ")
    }

    /// The bottom bar, from the key table: key in the key role, label in the bar role.
    private func keyBar(_ canvas: inout Canvas, _ table: [Binding]) {
        let row = canvas.rows - 1
        canvas.clear(row: row, role: .bar)
        var col = 0
        for b in table.filter(\.inBar) {
            let key = b.keys[0].description, label = strings.text(b.label)
            let need = TextWidth.columns(key) + TextWidth.columns(label) + 3
            guard col + need <= canvas.cols else { break }
            col += canvas.put(" " + key, row: row, col: col, role: .key)
            col += canvas.put(" " + label + " ", row: row, col: col, role: .bar)
        }
    }

    /// Every key of the table with its help text.
    private func helpOverlay(_ canvas: inout Canvas) {
        // One line per help text, with every key that does it (↑ and k, ↓ and j share one).
        var lines: [(keys: String, help: String)] = []
        var screenTable = KeyTable.citizenList
        if case .main(let session) = phase {
            if session.screen == .calendar { screenTable = KeyTable.calendar }
            if session.screen == .plan { screenTable = session.plan?.journey != nil ? KeyTable.journey : KeyTable.plan }
        }
        for b in KeyTable.global + screenTable {
            let help = strings.text(b.help), keys = b.keys.map(\.description).joined(separator: " ")
            if let i = lines.firstIndex(where: { $0.help == help }) { lines[i].keys += " " + keys } else { lines.append((keys, help)) }
        }
        let width = min(canvas.cols - 4, 100), height = min(canvas.rows - 4, lines.count + 4)
        let left = (canvas.cols - width) / 2, top = 2
        for r in 0..<height { canvas.put(String(repeating: " ", count: width), row: top + r, col: left, role: .overlay) }
        canvas.put(" " + strings.t(.helpTitle) + " ", row: top, col: left + 2, role: .header)
        let keyWidth = min(22, lines.map { TextWidth.columns($0.keys) }.max() ?? 10)
        for (i, l) in lines.prefix(height - 4).enumerated() {
            canvas.put(TextWidth.fit(l.keys, to: keyWidth), row: top + 2 + i, col: left + 2, role: .key, width: keyWidth)
            canvas.put(TextWidth.truncate(l.help, to: width - keyWidth - 6), row: top + 2 + i, col: left + keyWidth + 4, role: .overlay)
        }
        canvas.put(strings.t(.helpClose), row: top + height - 1, col: left + 2, role: .dim, width: width - 4)
        canvas.cursor = (top, left + 2)
    }
}
