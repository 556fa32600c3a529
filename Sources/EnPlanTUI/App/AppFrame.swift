import EnPlanDomain
import Foundation

/// The frame around every screen: the title bar, the status line, the key bar and the help, all
/// from the top screen's key table; the command line over the status line.
extension App {
    /// The whole screen for the terminal's current size. Changes nothing.
    public func render() -> Canvas {
        let (rows, cols) = terminal.size
        var canvas = Canvas(rows: rows, cols: cols)
        guard rows >= App.minimumSize.rows, cols >= App.minimumSize.cols else {
            renderTooSmall(&canvas)
            return canvas
        }
        titleBar(&canvas)
        var keys: [Binding] = []
        switch phase {
        case .login(let screen):
            let lockedBy = lockedSession.map { "\($0.user.name) (\($0.user.id))" }
            screen.render(into: &canvas, strings: strings, demo: options.demo, lockedBy: lockedBy)
            statusLine(&canvas, Status(message?.text ?? "", message?.role ?? .normal))
        case .main(let s):
            let x = context(s.user), top = s.stack[s.stack.count - 1]
            top.render(into: &canvas, context: x)
            keys = top.keys(x)
            if let choice = choice {
                choice.chooser.render(into: &canvas)
                keys = choice.chooser.keys
            }
            var status = top.status(x)
            if askingQuit { status = Status(strings.t(.quitAsk), .alert, input: true) }
            else if let m = message, !status.input { status = Status(m.text, m.role) }
            else if !status.input { status.text += nextMeetingNote(s.user.id) }
            statusLine(&canvas, status)
            keyBar(&canvas, keys)
        case .moving:
            break
        }
        if showHelp { helpOverlay(&canvas, keys) }
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
        // Before the store is open (the login form is up at once): the program's clock.
        let today = loaded?.today ?? ProgramClock.shared.now().local.day
        var left = " " + strings.t(.appName)
        if case .main(let s) = phase {
            left += " · \(s.user.name) (\(strings.sector(s.user.sector)), \(strings.role(s.user.role)))"
            // What is new for me, one key away (4 or F5): a word with the count, not a colour.
            if !s.inbox.items.isEmpty { left += " · \(strings.i(.title)) \(s.inbox.items.count) \(strings.i(.bar)) (4)" }
        }
        let right = "\(loader.terminal) · \(strings.date(today)) \(strings.week(today)) "
        canvas.put(left, row: 0, col: 0, role: .title)
        let rw = TextWidth.columns(right)
        if TextWidth.columns(left) + rw + 2 <= canvas.cols { canvas.put(right, row: 0, col: canvas.cols - rw, role: .title) }
    }

    /// The status: a message, or the screen's own line; input being typed gets the real cursor.
    private func statusLine(_ canvas: inout Canvas, _ status: Status) {
        let row = canvas.rows - 2
        canvas.clear(row: row)
        canvas.put(TextWidth.truncate(status.text, to: canvas.cols), row: row, col: 0, role: status.role)
        let end = TextWidth.columns(status.text)
        if let after = status.after { canvas.put(after, row: row, col: end, role: .dim) }
        if status.input { canvas.cursor = (row, min(canvas.cols - 1, end)) }
    }

    /// " · Next meeting today: 13:00 Netværksmøde (Mødelokale 1)"
    func nextMeetingNote(_ user: String) -> String {
        guard let m = service.nextMeetingToday(for: user) else { return "" }
        let hm = Day.pad(m.start.minuteOfDay / 60, 2) + ":" + Day.pad(m.start.minuteOfDay % 60, 2)
        return " · \(strings.t(.nextMeetingToday)): \(hm) \(ICalendar.typeName(m.type))\(m.room.map { " (\($0))" } ?? "")"
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

    /// Every key of the table in force with its help text, then the `:` commands; long texts
    /// wrap, and ↑↓ PgUp PgDn scroll when the window is too short for them all.
    func helpLines(_ table: [Binding], width: Int) -> (keyWidth: Int, lines: [(keys: String, help: String)]) {
        // One entry per help text, with every key that does it (↑ and k, ↓ and j share one).
        var entries: [(keys: String, help: String)] = []
        for b in table {
            let help = strings.text(b.help), keys = b.keys.map(\.description).joined(separator: " ")
            if let i = entries.firstIndex(where: { $0.help == help }) { entries[i].keys += " " + keys } else { entries.append((keys, help)) }
        }
        for c in KeyTable.commands {
            let args = strings.text(c.arguments)
            entries.append((":\(c.shown(strings))", strings.text(c.help) + (args.isEmpty ? "" : " (\(args))")))
        }
        let keyWidth = min(22, entries.map { TextWidth.columns($0.keys) }.max() ?? 10)
        var lines: [(keys: String, help: String)] = []
        for e in entries {
            for (i, part) in TextWidth.wrap(e.help, to: max(10, width - keyWidth - 6)).enumerated() { lines.append((i == 0 ? e.keys : "", part)) }
        }
        return (keyWidth, lines)
    }

    /// How far the help can scroll in the window as it is.
    func helpScrollLimit() -> Int {
        var table: [Binding] = []
        if case .main(let s) = phase { table = choice?.chooser.keys ?? s.stack[s.stack.count - 1].keys(context(s.user)) }
        let (rows, cols) = terminal.size
        let lines = helpLines(table, width: min(cols - 4, 100)).lines.count
        return max(0, lines - max(1, min(rows - 4, lines + 4) - 4))
    }

    private func helpOverlay(_ canvas: inout Canvas, _ table: [Binding]) {
        let width = min(canvas.cols - 4, 100)
        let (keyWidth, lines) = helpLines(table, width: width)
        let height = min(canvas.rows - 4, lines.count + 4), visible = max(1, height - 4)
        let first = max(0, min(helpScroll, lines.count - visible))
        let left = (canvas.cols - width) / 2, top = 2
        for r in 0..<height { canvas.put(String(repeating: " ", count: width), row: top + r, col: left, role: .overlay) }
        canvas.put(" " + strings.t(.helpTitle) + " ", row: top, col: left + 2, role: .header)
        for (i, l) in lines.dropFirst(first).prefix(visible).enumerated() {
            canvas.put(TextWidth.fit(l.keys, to: keyWidth), row: top + 2 + i, col: left + 2, role: .key, width: keyWidth)
            canvas.put(TextWidth.truncate(l.help, to: width - keyWidth - 6), row: top + 2 + i, col: left + keyWidth + 4, role: .overlay)
        }
        let more = lines.count > visible ? " · \(strings.t(.helpMore)) (\(first + 1)–\(min(lines.count, first + visible))/\(lines.count))" : ""
        canvas.put(TextWidth.truncate(strings.t(.helpClose) + more, to: width - 4), row: top + height - 1, col: left + 2, role: .dim, width: width - 4)
        canvas.cursor = (top, left + 2)
    }
}
