import EnPlanDomain

/// Drawing the audit screen: the filter line, then the records (or the drawn spot check, or the
/// access report's lines).
extension AuditScreen {
    public func render(into canvas: inout Canvas, context x: ScreenContext) {
        let s = x.strings, width = x.cols
        if let datesForm { datesForm.render(into: &canvas, top: 1, left: 2, width: width - 4, strings: s); return }
        if let flagForm { flagForm.render(into: &canvas, top: 1, left: 2, width: width - 4, strings: s); return }
        canvas.put(TextWidth.truncate(headerLine(x), to: width - 1), row: 1, col: 1, role: .header)
        let height = Self.height(x)
        switch tab {
        case .report:
            let lines = report?.document.lines ?? []
            for (n, i) in list.window(count: lines.count, height: height + 1).enumerated() {
                canvas.put(TextWidth.truncate(lines[i], to: width - 2), row: 2 + n, col: 1, role: i == 0 ? .header : .normal)
            }
            canvas.cursor = (1, 1)
        case .log, .spotCheck:
            if tab == .spotCheck { canvas.put(TextWidth.truncate(s.a(.drawHint), to: width - 2), row: 2, col: 1, role: .dim) }
            let top = tab == .spotCheck ? 3 : 2
            let records = shown
            list.draw(into: &canvas, row: top, col: 1, height: height - (top - 2), width: width - 2, count: records.count,
                      empty: s.a(.noRecords)) { i in (line(records[i], x), role(records[i])) }
        }
    }

    func headerLine(_ x: ScreenContext) -> String {
        let s = x.strings
        switch tab {
        case .report:
            return "\(s.a(.report)): \(report.flatMap { x.service.citizenName($0.citizen) } ?? "")"
        case .spotCheck: return "\(s.a(.title)) · \(s.a(.spotCheck))"
        case .log:
            let periods = [s.a(.last30), s.a(.last7), s.a(.today), s.a(.allTime)]
            let shownPeriod = period.map { periods[$0] } ?? dates.map { "\(s.date($0.from)) – \(s.date($0.to))" } ?? ""
            let kinds = self.kinds == 0 ? s.a(.kindQuiet)
                : Self.kindChoices[self.kinds].map { set in set.map(s.auditKind).sorted().joined(separator: ", ") } ?? s.a(.allKinds)
            let who = filter.user.map { x.staffNames[$0] ?? $0 } ?? s.a(.allUsers)
            return [s.a(.title), shownPeriod, kinds, who, filter.citizen.map { "\"\($0)\"" }].compactMap { $0 }.joined(separator: " · ")
        }
    }

    /// "23-11-2026 10:00  Mette Kjær  Opslag  Søren Sørensen (c1)  plan  ⚠ BEGRUNDET: …"
    func line(_ r: AuditRecord, _ x: ScreenContext) -> String {
        let s = x.strings
        let who = x.staffNames[r.user] ?? r.user
        // By name (an id the viewer may not see stays as the log has it: "-", or a masked CPR number).
        let citizen = r.citizen.map { c in x.service.citizenName(c) ?? (c.hasPrefix("c") ? "" : c) } ?? ""
        var parts = [s.time(r.at.local), TextWidth.fit(who, to: 18), TextWidth.fit(s.auditKind(r.kind), to: 16), citizen]
        if let what = r.what { parts.append(s.auditWhat(what)) }
        if let q = r.query { parts.append("\"\(q)\"") }
        if r.brokeTheGlass { parts.append("\(s.a(.brokeGlass)): \(r.reason ?? "")") }
        if r.refused { parts.append(s.a(.refused) + (r.detail.map { ": \(s.auditDetail($0))" } ?? "")) }
        if tab == .spotCheck {
            // The verdict first: it is what the supervisor is doing here.
            let verdict: String
            switch verdicts[r.seq] {
            case .workRelated?: verdict = s.a(.workRelated)
            case .flagged?: verdict = s.a(.flagged)
            case nil: verdict = s.a(.unchecked)
            }
            parts.insert(TextWidth.fit(verdict, to: 26), at: 1)
        }
        return parts.joined(separator: "  ")
    }

    func role(_ r: AuditRecord) -> Role { r.brokeTheGlass || r.refused ? .alert : .normal }
}
