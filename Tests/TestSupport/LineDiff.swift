import XCTest

/// Fails when `actual` and `expected` differ, showing the lines that differ as a unified diff
/// ("-" expected, "+" actual, two lines of context), not two long strings to compare by eye.
public func assertLines(_ actual: String, _ expected: String, _ message: String = "",
                        file: StaticString = #filePath, line: UInt = #line) {
    guard actual != expected else { return }
    let diff = lineDiff(actual: actual, expected: expected)
    XCTFail("\(message.isEmpty ? "" : message + "\n")the lines differ (-expected +actual):\n\(diff)", file: file, line: line)
}

/// A unified-style diff of two texts' lines: hunks headed "@@ -line +line @@", each line marked
/// " " (both), "-" (only in `expected`) or "+" (only in `actual`). Empty when they are equal.
public func lineDiff(actual: String, expected: String, context: Int = 2) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // The longest common subsequence, by dynamic programming (test texts are small).
    var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
        for j in stride(from: b.count - 1, through: 0, by: -1) {
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
    }
    // The edit script, removals before additions: (mark, text, line in expected, line in actual).
    var ops: [(mark: Character, text: String, i: Int, j: Int)] = []
    var i = 0, j = 0
    while i < a.count || j < b.count {
        if i < a.count, j < b.count, a[i] == b[j] { ops.append((" ", a[i], i, j)); i += 1; j += 1 }
        else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] { ops.append(("-", a[i], i, j)); i += 1 }
        else { ops.append(("+", b[j], i, j)); j += 1 }
    }
    // Hunks: the changed lines with `context` unchanged lines around them.
    let changed = ops.indices.filter { ops[$0].mark != " " }
    guard !changed.isEmpty else { return "" }
    var out: [String] = []
    var k = 0
    while k < changed.count {
        let start = max(0, changed[k] - context)
        var end = min(ops.count - 1, changed[k] + context)
        while k + 1 < changed.count, changed[k + 1] - context <= end + 1 {
            k += 1
            end = min(ops.count - 1, changed[k] + context)
        }
        out.append("@@ -\(ops[start].i + 1) +\(ops[start].j + 1) @@")
        for op in ops[start...end] { out.append("\(op.mark)\(op.text)") }
        k += 1
    }
    return out.joined(separator: "\n")
}
