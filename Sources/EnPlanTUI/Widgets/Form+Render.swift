import EnPlanDomain

/// How a form is drawn: its title, fields, errors and hint; a long value scrolled in its box.
extension Form {
    /// The title, the fields, the errors and the hint from `top`.
    func render(into canvas: inout Canvas, top: Int, left: Int, width: Int, strings s: Strings) {
        canvas.put(title, row: top, col: left, role: .header)
        var fieldsTop = top + 2
        if let about {
            let lines = TextWidth.wrap(about, to: max(10, width))
            for (k, line) in lines.prefix(6).enumerated() { canvas.put(line, row: top + 1 + k, col: left, role: .normal) }
            fieldsTop = top + 2 + min(lines.count, 6)
        }
        var row = renderFields(into: &canvas, top: fieldsTop, left: left, width: width) + 1
        if let error { canvas.put(TextWidth.truncate(error, to: width), row: row, col: left, role: .error); row += 1 }
        if let changes = staleChanges {
            canvas.put(s.p(.stale), row: row, col: left, role: .alert); row += 1
            for c in changes.prefix(6) { canvas.put("  " + TextWidth.truncate(c, to: width - 2), row: row, col: left, role: .alert); row += 1 }
            canvas.put(s.p(.staleHint), row: row, col: left, role: .alert); row += 1
        }
        if askingDiscard { canvas.put(s.p(.discardAsk), row: row, col: left, role: .alert); row += 1 }
        // In a text area Enter is a new line: the hint says so (and how to leave it and save).
        canvas.put(TextWidth.truncate(isArea ? s.p(.areaHint) : hint ?? s.p(.formHint), to: width), row: row + 1, col: left, role: .dim)
    }

    /// The labelled fields from `top`, the real cursor in the focused one; returns the row below them.
    @discardableResult
    func renderFields(into canvas: inout Canvas, top: Int, left: Int, width: Int) -> Int {
        var row = top
        let labelWidth = (fields.map { TextWidth.columns($0.label) }.max() ?? 0) + 2
        // A one-line box leaves room beside it for its counter ("180/2000") in a narrow window; a
        // text area keeps its width (↑/↓ reckon its lines at it) and shows its counter under its label.
        let counterRoom = fields.contains { $0.counted && !$0.kind.isArea } ? 11 : 0
        let inputWidth = max(10, min(self.inputWidth, width - labelWidth - 4 - counterRoom))
        let areaWidth = max(10, min(self.inputWidth, width - labelWidth - 4))
        for (i, f) in fields.enumerated() {
            canvas.put(f.label + ":", row: row, col: left, role: .normal)
            let shown: String
            switch f.kind {
            // A focused choice says how it is chosen (letters pick, they are not typed).
            case let .choice(values, names):
                shown = "‹ \(values.firstIndex(of: f.value).map { names[$0] } ?? f.value) ›" + (i == focus ? " ←/→" + (choiceSearch.isEmpty ? "" : " · \(choiceSearch)") : "")
            case .secret: shown = String(repeating: "•", count: f.value.count)
            case let .ticks(values, names, empty):
                let ticked = Set(Form.ticked(f.value))
                if values.isEmpty { shown = empty }
                else if i == focus {
                    let at = min(tickCursor, values.count - 1)
                    shown = "\(ticked.contains(values[at]) ? "[x]" : "[ ]") \(names[at]) (\(at + 1)/\(values.count)) ←/→ \(tickHint)"
                } else {
                    let chosen = values.indices.filter { ticked.contains(values[$0]) }.map { names[$0] }
                    shown = chosen.isEmpty ? "–" : chosen.joined(separator: "; ")
                }
            default: shown = f.value
            }
            // The focused field stands out (not by colour alone: the real cursor is in it too). A
            // value longer than its box shows the part around the cursor, with "…" where it goes on.
            // A ticks field says its item and how to tick it: it may take the whole line.
            let boxWidth = f.kind.isTicks ? max(inputWidth, width - labelWidth - 4) : f.kind.isArea ? areaWidth : inputWidth
            if f.kind.isArea {
                // A text area: its lines in rows of their own, the cursor where it is among them.
                let at = renderArea(f, focused: i == focus, into: &canvas, row: row, col: left + labelWidth, width: boxWidth)
                if let at { canvas.cursor = at }
            } else {
                let window = i == focus && !f.kind.isChoice ? Form.window(shown, cursor: cursor, width: boxWidth)
                                                            : (text: TextWidth.fit(shown, to: boxWidth), cursorColumn: 0)
                canvas.put(window.text, row: row, col: left + labelWidth, role: i == focus ? (replacing ? .alert : .selected) : .input, width: boxWidth)
                if i == focus {
                    canvas.cursor = (row, left + labelWidth + (f.kind.isChoice ? 0 : min(inputWidth - 1, window.cursorColumn)))
                }
            }
            var below: [String] = []
            if i == focus, f.counted, let max = f.maxLength, f.error == nil {
                let count = "\(f.value.count)/\(max)"
                if f.kind.isArea, left + labelWidth + boxWidth + 2 + TextWidth.columns(count) > width, areaRows > 1 {
                    canvas.put(count, row: row + 1, col: left, role: .dim, width: labelWidth - 1)
                } else {
                    canvas.put(count, row: row, col: left + labelWidth + boxWidth + 2, role: .dim)
                }
            }
            if let e = f.error {
                // Beside the field when it fits; else under it, whole (a refusal is never cut off).
                let room = width - labelWidth - inputWidth - 3
                if TextWidth.columns(e) <= room { canvas.put(e, row: row, col: left + labelWidth + inputWidth + 2, role: .error) }
                else { below = TextWidth.wrap(e, to: max(10, width - labelWidth)) }
            }
            // A text area takes its rows (and the step's spacing after them).
            row += f.kind.isArea ? areaRows + rowStep - 1 : rowStep
            for line in below { canvas.put(line, row: row, col: left + labelWidth, role: .error); row += 1 }
        }
        return row
    }
}

extension Form {
    /// The part of `shown` a box of `width` columns shows with the cursor at character `cursor`:
    /// from the start while the cursor fits, else scrolled so it does, with "…" at a cut end.
    static func window(_ shown: String, cursor: Int, width: Int) -> (text: String, cursorColumn: Int) {
        let chars = Array(shown)
        let c = min(max(0, cursor), chars.count)
        let total = TextWidth.columns(shown)
        if total < width { return (shown, TextWidth.columns(String(chars[..<c]))) }
        // Start as far left as lets the cursor show (one column kept for "…" on each cut side).
        var start = 0
        while start < c, TextWidth.columns(String(chars[start..<c])) > width - 2 - (start > 0 ? 1 : 0) { start += 1 }
        var text = start > 0 ? "…" : ""
        var used = TextWidth.columns(text)
        var end = start
        while end < chars.count {
            let w = TextWidth.columns(String(chars[end]))
            let needEllipsis = end + 1 < chars.count ? 1 : 0
            if used + w + needEllipsis > width { break }
            text.append(chars[end]); used += w; end += 1
        }
        if end < chars.count { text += "…" }
        let col = (start > 0 ? 1 : 0) + TextWidth.columns(String(chars[start..<c]))
        return (text, col)
    }
}

