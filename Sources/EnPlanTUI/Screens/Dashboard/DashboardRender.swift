import EnPlanDomain

/// Drawing the dashboard: the filter line with its "as of" time, the sections, the table with
/// the cell cursor, a definition, the dates form.
extension DashboardScreen {
    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        let s = x.strings, width = x.cols
        if let form = dates ?? groupForm ?? draw {
            form.render(into: &canvas, top: 1, left: 2, width: width - 4, strings: s)
            return
        }
        canvas.put(TextWidth.truncate(filterLine(x), to: width - 1), row: 1, col: 1, role: .header)
        // The sections, a key each: the shown one named in full, the others from the first on
        // while they fit beside the keys of the rest.
        var col = 1
        let all = FigureSection.allCases
        let full = all.map { " \($0.key) \(s.d($0.name)) " }, short = all.map { " \($0.key) " }
        var named = Set([section])
        var used = zip(all, zip(full, short)).map { TextWidth.columns($0.0 == section ? $0.1.0 : $0.1.1) }.reduce(0, +) + 1
        for (i, sec) in all.enumerated() where sec != section {
            let more = TextWidth.columns(full[i]) - TextWidth.columns(short[i])
            if used + more <= width { named.insert(sec); used += more }
        }
        for (i, sec) in all.enumerated() {
            let tab = named.contains(sec) ? full[i] : short[i]
            guard col + TextWidth.columns(tab) <= width else { break }
            col += canvas.put(tab, row: 2, col: col, role: sec == section ? .selected : .dim)
        }
        guard let table else { return }
        guard !table.rows.isEmpty else {
            canvas.put(s.d(section == .youth && x.service.youthTargetGroup == nil ? .noTargetGroup : .noRows), row: 4, col: 1, role: .dim)
            canvas.cursor = (4, 0)
            return
        }
        let layout = columnLayout(table, x)
        // The header: the row labels' column, then each column's title.
        col = 1 + layout.labelWidth + 1
        for (i, c) in layout.shown {
            let w = layout.widths[i]
            canvas.put(TextWidth.fit(s.text(table.columns[c].title), to: w), row: 3, col: col, role: c == column ? .selected : .header, width: w)
            col += w + 1
        }
        let height = Self.height(x)
        for (n, r) in rows.window(count: table.rows.count, height: height).enumerated() {
            let row = table.rows[r], y = 4 + n, selectedRow = r == rows.selected
            canvas.put(TextWidth.fit(s.text(row.label), to: layout.labelWidth), row: y, col: 1, role: selectedRow ? .header : .normal,
                       width: layout.labelWidth)
            col = 1 + layout.labelWidth + 1
            for (i, c) in layout.shown {
                let w = layout.widths[i]
                let text = row.cells.indices.contains(c) ? Self.format(row.cells[c].value, s) : ""
                let isCursor = selectedRow && c == column
                canvas.put(TextWidth.fit(text, to: w, alignRight: true), row: y, col: col, role: isCursor ? .selected : .normal, width: w)
                if isCursor { canvas.cursor = (y, col) }
                col += w + 1
            }
            if let flag = row.flag, col < width - 2 {
                canvas.put(TextWidth.truncate(Self.flagWord(flag, s), to: width - col - 1), row: y, col: col, role: .alert)
            }
        }
        if section == .reviews { reviewProgress(&canvas, table, below: 4 + min(height, table.rows.count), x) }
        if showDefinition { definition(&canvas, table, x) }
    }

    /// Under the review's table: "Kvartalsgennemgang 4. kvartal 2026: 7 af 16 gennemgået i kvartalet".
    private func reviewProgress(_ canvas: inout Canvas, _ table: FigureTable, below row: Int, _ x: ScreenContext) {
        let s = x.strings, now = Quarter(of: x.today)
        guard row + 1 < x.rows - 1, let r = table.row("quarter:" + now.id), let drawn = table.column("drawn"), let done = table.column("reviewed") else { return }
        let cells = table.rows[r].cells
        let line: String
        if cells[drawn].citizens == nil { line = "\(s.v(.progress)) \(s.text(now.label)): \(s.v(.notDrawn))" }
        else {
            let n = cells[done].citizens?.count ?? 0, of = cells[drawn].citizens?.count ?? 0
            line = "\(s.v(.progress)) \(s.text(now.label)): " + s.pick("\(n) af \(of) gennemgået i kvartalet", "\(n) of \(of) reviewed this quarter")
        }
        canvas.put(TextWidth.truncate(line, to: x.cols - 2), row: row + 1, col: 1, role: .header)
    }

    /// "Overblik · dette kvartal (01-10-2026 – 31-12-2026) · alle fagområder · … · opgjort 23-11-2026 10:00"
    func filterLine(_ x: ScreenContext) -> String {
        let s = x.strings, f = filter
        let period = (periodName.map { s.d(Self.periodWord($0)) } ?? s.d(.custom)) + " (\(s.date(f.period.from)) – \(s.date(f.period.to)))"
        let who = f.user.map { x.staffNames[$0] ?? $0 } ?? (x.user.role == .caseworker ? x.user.name : s.d(.allCaseworkers))
        // What the figures are "as of" (and whether they are frozen or changed since) before the
        // filter, so a narrow window cuts the filter's last words, not the time.
        var parts = [s.d(.title)]
        if let t = table { parts.append("\(s.d(.asOf)) \(s.time(t.asOf.local))") }
        if frozen { parts.append(s.d(.frozen)) }
        if changedSince { parts.append(s.d(.changedSince)) }
        // The unit, when the store has an organisation: a leader's own, or one below it.
        if let unit = f.unit {
            parts.append(x.service.organisation.coversAll(unit) ? "\(x.service.unitName(unit)) (\(s.d(.allUnits)))" : x.service.unitName(unit))
        }
        parts += [period, f.sector.map(s.sector) ?? s.d(.allSectors), f.group.map(s.targetGroup) ?? s.d(.allGroups), who]
        return parts.joined(separator: " · ")
    }

    struct Layout { var labelWidth: Int; var widths: [Int]; var shown: [(Int, Int)] }

    /// The label column and as many value columns as fit, scrolled so the cursor's column shows.
    func columnLayout(_ table: FigureTable, _ x: ScreenContext) -> Layout {
        let s = x.strings
        // The labels take at most a third of a narrow window; a flag's word is room kept only if a row has one.
        let labelWidth = min(max(12, x.cols / 3), 30, max(12, table.rows.map { TextWidth.columns(s.text($0.label)) }.max() ?? 12))
        let widths = table.columns.indices.map { c in
            min(22, max(TextWidth.columns(s.text(table.columns[c].title)),
                        table.rows.map { $0.cells.indices.contains(c) ? TextWidth.columns(Self.format($0.cells[c].value, s)) : 0 }.max() ?? 0, 4))
        }
        let room = x.cols - labelWidth - 3 - (table.rows.contains { $0.flag != nil } ? 16 : 0)
        var first = 0
        func fits(from f: Int) -> [(Int, Int)] {
            var used = 0, out: [(Int, Int)] = []
            for c in f..<widths.count { guard used + widths[c] + 1 <= max(room, widths[c] + 1) else { break }; used += widths[c] + 1; out.append((out.count, c)) }
            return out
        }
        while first < column, !fits(from: first).contains(where: { $0.1 == column }) { first += 1 }
        let shown = fits(from: first)
        return Layout(labelWidth: labelWidth, widths: shown.map { widths[$0.1] }, shown: shown.map { ($0.0, $0.1) })
    }

    /// A value as a Danish (or English) reader expects it: decimal comma, "62 %", "4,5 d".
    static func format(_ v: FigureValue, _ s: Strings) -> String {
        switch v {
        case .count(let n): return String(n)
        case let .share(n, d):
            guard d > 0 else { return "–" }
            return "\(Int((Double(n) * 100 / Double(d)).rounded())) % (\(n)/\(d))"
        case .days(let d):
            guard let d else { return "–" }
            let text = d == d.rounded() ? String(Int(d)) : String(format: "%.1f", d)
            return s.pick(text.replacingOccurrences(of: ".", with: ","), text) + " d"
        case .spark(let xs):
            let top = max(xs.max() ?? 0, .leastNonzeroMagnitude), bars = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
            return xs.map { bars[min(7, max(0, Int($0 * 7 / top)))] }.joined()
        case .text(let b): return s.text(b)
        case .none: return ""
        }
    }

    static func flagWord(_ f: FigureFlag, _ s: Strings) -> String {
        switch f {
        case .warn: return s.d(.warn)
        case .over: return s.d(.over)
        case .behind: return s.d(.behind)
        case .interim: return s.d(.interim)
        }
    }

    static func periodWord(_ p: Period.Named) -> Strings.D {
        switch p {
        case .thisMonth: return .thisMonth
        case .lastMonth: return .lastMonth
        case .thisQuarter: return .thisQuarter
        case .lastQuarter: return .lastQuarter
        case .thisYear: return .thisYear
        case .lastYear: return .lastYear
        }
    }

    /// The selected column's definition in a box over the table.
    private func definition(_ canvas: inout Canvas, _ table: FigureTable, _ x: ScreenContext) {
        guard table.columns.indices.contains(column) else { return }
        let s = x.strings, c = table.columns[column], d = c.definition
        let width = min(x.cols - 4, 90), left = (x.cols - width) / 2
        var lines = ["\(s.d(.definitionOf)) \"\(s.text(c.title))\" (\(s.d(section.name)))", ""]
        for (label, text) in [(s.d(.numerator), d.numerator), (s.d(.denominator), d.denominator), (s.d(.exclusions), d.exclusions),
                              (s.d(.periodDef), d.period)] {
            let wrapped = TextWidth.wrap("\(label): \(s.text(text))", to: width - 4)
            lines += wrapped
        }
        lines += ["", s.d(.definitionClose)]
        for (i, l) in lines.prefix(x.rows - 2).enumerated() {
            canvas.put(String(repeating: " ", count: width), row: 3 + i, col: left, role: .overlay)
            canvas.put(l, row: 3 + i, col: left + 2, role: i == 0 ? .header : .overlay, width: width - 4)
        }
        canvas.cursor = (3, left + 2)
    }
}
