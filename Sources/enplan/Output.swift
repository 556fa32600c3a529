@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation

/// Everything the headless commands print: plain lines, tables, documents, JSON, errors. It all
/// leaves through here, made safe for a terminal (`TerminalSafe`), so a stored text (also one an
/// older version took) cannot drive the terminal of whoever runs the command, over SSH too.
///
/// Invariants:
/// - Standard output is written through stdio only (one buffer, in order); a bare `print` does not
///   compile in this module (see the unavailable `print` below).
/// - A document keeps its line ends and tabs (`TerminalSafe.text`); a table cell, a warning and an
///   error are one line (`TerminalSafe.field`): an argument echoed in an error cannot start a line.
enum Output {
    /// One line of text (a document's line ends inside it stay).
    static func line(_ value: some CustomStringConvertible) { write(value.description + "\n") }

    /// A document with its own line ends (a plan, a report, CSV, iCalendar, JSON).
    static func text(_ s: String) { write(s) }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data("enplan: \(TerminalSafe.field(s))\n".utf8))
    }

    static func warning(_ s: String) {
        FileHandle.standardError.write(Data("enplan: warning: \(TerminalSafe.field(s))\n".utf8))
    }

    /// Text measured in terminal columns, so "Søren" and "Åse" line up like "Soren".
    static func pad(_ s: String, _ width: Int) -> String {
        let w = TextWidth.columns(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    /// Columns that line up; each cell is made one safe line first (a newline in a stored name
    /// shows as "␊" in its cell, not as a row of its own).
    static func table(_ header: [String], _ rows: [[String]]) {
        let rows = rows.map { $0.map(TerminalSafe.field) }
        var widths = header.map { TextWidth.columns($0) }
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], TextWidth.columns(cell)) } }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : pad(c, widths[i]) }.joined(separator: "  ")
        }
        line(render(header))
        for r in rows { line(render(r)) }
    }

    /// A JSON array with one object a line: valid JSON for `jq '.[]'`, and easy to grep.
    static func jsonArray<T>(_ items: [T], _ encode: (T, inout JSONWriter) -> Void) {
        var out = "["
        for (i, item) in items.enumerated() {
            var w = JSONWriter()
            encode(item, &w)
            out += (i == 0 ? "\n" : ",\n") + w.string
        }
        out += items.isEmpty ? "]\n" : "\n]\n"
        text(out)
    }

    /// The one place that writes to standard output.
    private static func write(_ s: String) { Swift.print(TerminalSafe.text(s), terminator: "") }
}

/// Headless output goes through `Output`, made terminal-safe; a bare `print` is a compile error here.
@available(*, unavailable, message: "print through Output.line or Output.text: they make the text terminal-safe")
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {}
