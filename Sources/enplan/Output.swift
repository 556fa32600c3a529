@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation

/// Plain text and JSON output of the headless commands.
enum Output {
    static func error(_ s: String) {
        FileHandle.standardError.write(Data("enplan: \(s)\n".utf8))
    }

    static func warning(_ s: String) {
        FileHandle.standardError.write(Data("enplan: warning: \(s)\n".utf8))
    }

    /// Text measured in terminal columns, so "Søren" and "Åse" line up like "Soren".
    static func pad(_ s: String, _ width: Int) -> String {
        let w = TextWidth.columns(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    static func table(_ header: [String], _ rows: [[String]]) {
        var widths = header.map { TextWidth.columns($0) }
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], TextWidth.columns(cell)) } }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : pad(c, widths[i]) }.joined(separator: "  ")
        }
        print(render(header))
        for r in rows { print(render(r)) }
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
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
