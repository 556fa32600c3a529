import Foundation

/// A section's table as CSV for Danish spreadsheets: UTF-8 with a byte-order mark, `;` between
/// fields, a decimal comma, and a header block (the section, the filter, when it was computed,
/// each column's definition) before the table. Rows carry their stable key (user ids, sectors)
/// and names; never a CPR number (the tables hold none).
public enum FigureCSV {
    /// `names`: user id -> name, for the filter's caseworker (ids without a name are shown as ids);
    /// `units`: unit id -> name, for the filter's unit (a line of its own, only when there is one).
    public static func render(_ table: FigureTable, danish: Bool, names: [String: String], units: [String: String] = [:]) -> String {
        func t(_ b: Bilingual) -> String { b.text(danish: danish) }
        func w(_ da: String, _ en: String) -> String { danish ? da : en }
        var lines: [[String]] = []
        let f = table.filter
        lines.append([w("Afsnit", "Section"), t(table.title)])
        lines.append([w("Periode", "Period"), danish ? "\(f.period.from.danish) - \(f.period.to.danish)" : "\(f.period.from.iso) - \(f.period.to.iso)"])
        lines.append([w("Forvaltning", "Sector"), f.sector.map { t(FigureScope.label($0)) } ?? w("Alle", "All")])
        lines.append([w("Målgruppe", "Target group"), f.group.map { t(FigureScope.label($0)) } ?? w("Alle", "All")])
        lines.append([w("Sagsbehandler", "Caseworker"), f.user.map { names[$0].map { n in "\(n) (\(f.user!))" } ?? $0 } ?? w("Alle", "All")])
        if let unit = f.unit { lines.append([w("Enhed", "Unit"), units[unit].map { "\($0) (\(unit))" } ?? unit]) }
        lines.append([w("Opgjort", "As of"), asOf(table.asOf, danish: danish)])
        lines.append([])
        lines.append([w("Kolonne", "Column"), w("Tæller", "Numerator"), w("Nævner", "Denominator"), w("Undtaget", "Exclusions"), w("Periode", "Period")])
        for c in table.columns {
            let d = c.definition
            lines.append([t(c.title), t(d.numerator), t(d.denominator), t(d.exclusions), t(d.period)])
        }
        lines.append([])
        // Every cell one number or one word, for a spreadsheet: a share is three columns (the share
        // in per cent, its numerator, its denominator), a trend one column a point.
        let layout = table.columns.indices.map { i -> ColumnLayout in
            let cells = table.rows.map { $0.cells[i].value }
            if cells.contains(where: { if case .share = $0 { true } else { false } }) { return .share }
            let points = cells.map { if case .spark(let xs) = $0 { xs.count } else { 0 } }.max() ?? 0
            return points > 0 ? .trend(points) : .single
        }
        var header = [w("Nøgle", "Key"), w("Række", "Row")]
        for (i, c) in table.columns.enumerated() {
            let title = t(c.title)
            switch layout[i] {
            case .single: header.append(title)
            case .share: header += ["\(title) (%)", "\(title): " + w("tæller", "numerator"), "\(title): " + w("nævner", "denominator")]
            case .trend(let n): header += (1...n).map { "\(title) \($0)" }
            }
        }
        lines.append(header + [w("Markering", "Flag")])
        for r in table.rows {
            var row = [r.key, t(r.label)]
            for (i, cell) in r.cells.enumerated() {
                switch (layout[i], cell.value) {
                case let (.share, .share(n, d)): row += [d == 0 ? "" : number(Double(n) / Double(d) * 100), String(n), String(d)]
                case (.share, let v): row += [value(v, danish: danish), "", ""]
                case let (.trend(k), .spark(xs)): row += (0..<k).map { $0 < xs.count ? number(xs[$0]) : "" }
                case let (.trend(k), v): row += [value(v, danish: danish)] + Array(repeating: "", count: k - 1)
                case (.single, let v): row.append(value(v, danish: danish))
                }
            }
            lines.append(row + [r.flag.map { flag($0, danish: danish) } ?? ""])
        }
        return "\u{FEFF}" + lines.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    enum ColumnLayout: Equatable { case single, share, trend(Int) }

    public static func number(_ v: Double) -> String {
        let s = v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
        return s.replacingOccurrences(of: ".", with: ",")
    }

    public static func value(_ v: FigureValue, danish: Bool) -> String {
        switch v {
        case .count(let n): return String(n)
        case let .share(n, d): return d == 0 ? "" : "\(String(format: "%.1f", Double(n) / Double(d) * 100).replacingOccurrences(of: ".", with: ",")) % (\(n)/\(d))"
        case .days(let x): return x.map(number) ?? ""
        case .spark(let xs): return xs.map(number).joined(separator: " ")
        case .text(let b): return b.text(danish: danish)
        case .none: return ""
        }
    }

    public static func flag(_ f: FigureFlag, danish: Bool) -> String {
        switch f {
        case .warn: danish ? "advarsel" : "warning"
        case .over: danish ? "over loftet" : "over the maximum"
        case .behind: danish ? "bagud" : "behind"
        case .interim: danish ? "foreløbig" : "interim"
        }
    }

    /// Copenhagen time, to the minute; dd-mm-yyyy in Danish, as every date of the file.
    static func asOf(_ t: Timestamp, danish: Bool) -> String {
        let l = t.local
        return "\(danish ? l.day.danish : l.day.iso) \(Day.pad(l.minuteOfDay / 60, 2)):\(Day.pad(l.minuteOfDay % 60, 2))"
    }

    /// One cell: a control character shows as its stand-in (`TerminalSafe`), then quoted if needed.
    static func field(_ s: String) -> String {
        let s = TerminalSafe.field(s)
        return s.contains(where: { $0 == ";" || $0 == "\"" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
