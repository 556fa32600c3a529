import Foundation

/// The data directory's `settings` file: `key = value` lines, `#` comments.
///
///     theme = high-contrast
///     lang = da
///     idle-lock-minutes = 10
struct Settings {
    var theme: String?
    var language: String?
    var idleLockMinutes: Double?
    var problems: [String] = []

    static func load(directory: String) -> Settings {
        var s = Settings()
        let path = directory + "/settings"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return s }
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { s.problems.append("\(path):\(i + 1): expected `key = value`"); continue }
            switch parts[0] {
            case "theme": s.theme = parts[1]
            case "lang": s.language = parts[1]
            case "idle-lock-minutes":
                guard let m = Double(parts[1]), m > 0, m <= 240 else { s.problems.append("\(path):\(i + 1): idle-lock-minutes is 1 to 240"); continue }
                s.idleLockMinutes = m
            default: s.problems.append("\(path):\(i + 1): unknown setting \"\(parts[0])\" (theme, lang, idle-lock-minutes)")
            }
        }
        return s
    }
}
