import EnPlanDomain
import Foundation

/// Plain text and JSON output of the headless commands.
enum Output {
    static func line(_ s: String) { print(s) }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data("enplan: \(s)\n".utf8))
    }

    static func warning(_ s: String) {
        FileHandle.standardError.write(Data("enplan: warning: \(s)\n".utf8))
    }

    /// Text measured in terminal columns, so "Søren" and "Åse" line up like "Soren".
    static func pad(_ s: String, _ width: Int) -> String {
        let w = columns(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    static func table(_ header: [String], _ rows: [[String]]) {
        var widths = header.map { columns($0) }
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], columns(cell)) } }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : pad(c, widths[i]) }.joined(separator: "  ")
        }
        print(render(header))
        for r in rows { print(render(r)) }
    }

    /// Terminal columns of `s`: combining marks take none, East Asian wide characters two.
    static func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    static func width(_ u: Unicode.Scalar) -> Int {
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default: return u.value < 0x20 ? 0 : 1
        }
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
