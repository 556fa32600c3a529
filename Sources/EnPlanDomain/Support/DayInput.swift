/// Dates as people type them: dd-mm-yyyy, yyyy-mm-dd, today / i dag, +3d, +2w, +1m, -1w.
public enum DayInput {
    public static func parse(_ raw: String, today: Day) -> Day? {
        let s = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if s == "today" || s == "i dag" || s == "idag" { return today }
        if s == "tomorrow" || s == "i morgen" || s == "imorgen" { return today + 1 }
        if let d = Day(iso: s) { return d }
        if let first = s.first, first == "+" || first == "-" {
            let sign = first == "+" ? 1 : -1
            var body = s.dropFirst()
            guard let unit = body.last else { return nil }
            let factor: Int
            switch unit {
            case "d": factor = 1
            case "w", "u": factor = 7
            case "m": factor = 0
            default: return nil
            }
            body = body.dropLast()
            guard let n = Int(body), n >= 0, n < 10_000 else { return nil }
            return factor == 0 ? today.adding(months: sign * n) : today + sign * n * factor
        }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
           let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) {
            return Day(year: y, month: m, day: d)
        }
        return nil
    }
}

import Foundation
