@_spi(Store) import EnPlanDomain
import Foundation
import EnPlanTUI

/// The data directory's `settings` file: `key = value` lines, `#` comments.
///
///     theme = high-contrast
///     lang = da
///     idle-lock-minutes = 10
///     caseload-warn = 25
///     caseload-max = 30
///     audit-report-names = no
struct Settings {
    var theme: String?
    var language: String?
    var idleLockMinutes: Double?
    var workingHours = WorkingHours()
    /// The caseload thresholds the dashboard and `report caseload` flag.
    var figures = FigureSettings()
    /// The meeting rooms an administrator keeps (`rooms = Mødelokale 1, Mødelokale 2`): when set,
    /// a meeting's room is one of them (the form picks from the list; headless is checked).
    var rooms: [String] = []

    /// The room the list names for `typed` (whatever its case and spacing), or a one-line error.
    func room(_ typed: String?) throws -> String? {
        guard let typed, !typed.isEmpty, !rooms.isEmpty else { return typed }
        guard let r = rooms.first(where: { Scheduling.sameRoom($0, typed) }) else {
            throw UsageError("no room \"\(typed)\" (rooms: \(rooms.joined(separator: ", ")))")
        }
        return r
    }
    /// The citizen's access report names staff (`yes`) or only their unit (`no`, the default).
    var auditReportNames = false
    /// The plan document's letterhead (`municipality = Roskilde Kommune`) and the rooms' addresses
    /// (`room-address = Mødelokale 1: Køgevej 80, 4000 Roskilde`, one line a room).
    var letterhead = PlanDocument.Letterhead()
    /// The CUPS queue documents are printed on (`printer = Jobcenter-2sal`), and a person's own
    /// (`printer.mette = Borgerservice-1`).
    var printers: [String: String] = [:]

    func printer(for user: String) -> String? { printers[user] ?? printers[""] }
    /// How long closed cases and the audit log's records are kept (`retention-years = 5`,
    /// `audit-retention-years = 5`), and the decision exempting the cases from archiving
    /// (`archive-exempt = Rigsarkivets afgørelse 2025-123`).
    var retention = RetentionPolicy()
    var problems: [String] = []
    /// The PostgreSQL store (`store = postgresql:///enplan?host=/run/postgresql`), for the SSH forced
    /// command and every command on this host; `--store` and $ENPLAN_STORE come first.
    var store: String?

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
            case "store": s.store = parts[1]
            case "lang": s.language = parts[1]
            case "idle-lock-minutes":
                guard let m = Double(parts[1]), m > 0, m <= 240 else { s.problems.append("\(path):\(i + 1): idle-lock-minutes is 1 to 240"); continue }
                s.idleLockMinutes = m
            case "working-hours":
                // 08:00-16:00
                let t = parts[1].split(separator: "-").map { $0.split(separator: ":").compactMap { Int($0) } }
                guard t.count == 2, t.allSatisfy({ $0.count == 2 && (0..<24).contains($0[0]) && (0..<60).contains($0[1]) }),
                      t[0][0] * 60 + t[0][1] < t[1][0] * 60 + t[1][1] else {
                    s.problems.append("\(path):\(i + 1): working-hours is like 08:00-16:00"); continue
                }
                s.workingHours.startMinute = t[0][0] * 60 + t[0][1]
                s.workingHours.endMinute = t[1][0] * 60 + t[1][1]
            case "working-days":
                // 1-5 (Monday to Friday) or 1,2,3,4
                let v = parts[1]
                var days = Set<Int>()
                if let dash = v.firstIndex(of: "-"), let a = Int(v[..<dash]), let b = Int(v[v.index(after: dash)...]), a <= b { days = Set(a...b) }
                else { days = Set(v.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }) }
                guard !days.isEmpty, days.allSatisfy({ (1...7).contains($0) }) else {
                    s.problems.append("\(path):\(i + 1): working-days is like 1-5 (Monday-Friday) or 1,2,3"); continue
                }
                s.workingHours.days = days
            case "rooms":
                s.rooms = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case "caseload-warn", "caseload-max":
                guard let n = Int(parts[1]), (1...1000).contains(n) else { s.problems.append("\(path):\(i + 1): \(parts[0]) is a number of citizens, 1 to 1000"); continue }
                if parts[0] == "caseload-warn" { s.figures.caseloadWarn = n } else { s.figures.caseloadMax = n }
            case "printer":
                s.printers[""] = parts[1]
            case let key where key.hasPrefix("printer."):
                s.printers[String(key.dropFirst("printer.".count))] = parts[1]
            case "municipality":
                s.letterhead.municipality = parts[1]
            case "room-address":
                guard let colon = parts[1].firstIndex(of: ":") else {
                    s.problems.append("\(path):\(i + 1): room-address is like \"Mødelokale 1: Køgevej 80, 4000 Roskilde\""); continue
                }
                s.letterhead.roomAddresses[parts[1][..<colon].trimmingCharacters(in: .whitespaces)] = parts[1][parts[1].index(after: colon)...].trimmingCharacters(in: .whitespaces)
            case "retention-years", "audit-retention-years":
                guard let n = Int(parts[1]), (1...100).contains(n) else { s.problems.append("\(path):\(i + 1): \(parts[0]) is a number of years, 1 to 100"); continue }
                if parts[0] == "retention-years" { s.retention.caseYears = n } else { s.retention.auditYears = n }
            case "archive-exempt":
                s.retention.archiveExempt = parts[1]
            case "audit-report-names":
                guard ["yes", "no"].contains(parts[1]) else { s.problems.append("\(path):\(i + 1): audit-report-names is yes or no"); continue }
                s.auditReportNames = parts[1] == "yes"
            default: s.problems.append("\(path):\(i + 1): unknown setting \"\(parts[0])\" (theme, lang, idle-lock-minutes, working-hours, working-days, caseload-warn, caseload-max, audit-report-names, rooms, municipality, room-address, printer, printer.USER, retention-years, audit-retention-years, archive-exempt, store)")
            }
        }
        if s.figures.caseloadWarn > s.figures.caseloadMax {
            s.problems.append("\(path): caseload-warn (\(s.figures.caseloadWarn)) is above caseload-max (\(s.figures.caseloadMax))")
        }
        return s
    }
}
