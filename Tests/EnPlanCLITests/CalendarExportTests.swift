import Foundation
import XCTest
import TestSupport

/// The iCalendar export, read back by a standard parser (Python's icalendar, which .ci/run installs)
/// and, where installed, by calcurse's import.
final class CalendarExportTests: XCTestCase {
    private func run(_ tool: String, _ args: [String]) throws -> (Int32, String) {
        let r = try Child.run([tool] + args)
        return (r.status ?? -1, r.stdout + r.stderr)
    }

    func testTheExportLoadsInAStandardParserWithEveryMeeting() throws {
        let (ok, _) = try run("python3", ["-c", "import icalendar"])
        try XCTSkipIf(ok != 0, "python3 with the icalendar package is not installed (.ci/run installs it)")
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "80", "--seed", "4").status, 0)
        let export = try d.run("calendar", "export", "--as", "mette", "--from", "-60d", "--to", "+60d")
        XCTAssertEqual(export.status, 0, export.stderr)
        let listed = try JSONSerialization.jsonObject(with: Data(try d.run("meetings", "--as", "mette", "--from", "-60d", "--to", "+60d", "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertGreaterThan(listed.count, 0)
        let file = d.path + "/export.ics"
        try Data(export.stdout.utf8).write(to: URL(fileURLWithPath: file))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Support/parse_ics.py").path
        let (status, parsed) = try run("python3", [script, file])
        XCTAssertEqual(status, 0, parsed)
        let events = parsed.split(separator: "\n").map { $0.split(separator: " ") }
        XCTAssertEqual(Set(events.map { String($0[0].prefix(while: { $0 != "-" })) }), Set(listed.map { $0["id"] as! String }), "every meeting is there")
        for (e, m) in zip(events.sorted { $0[0] < $1[0] }, listed.sorted { ($0["id"] as! String) < ($1["id"] as! String) }) where e[0].hasPrefix((m["id"] as! String) + "-") {
            // The parser sees Copenhagen wall-clock time: the same hour and minute EnPlan stored.
            XCTAssertTrue(e[1].hasPrefix((m["start"] as! String) + ":00"), "\(e) vs \(m)")
            XCTAssertEqual(String(e[2]), "Europe/Copenhagen")
        }
        XCTAssertFalse(export.stdout.contains("XXXX"))
        // UID lines carry the store's identity (a hash, whose hex can hold ten digits in a row): not a CPR number.
        let text = export.stdout.components(separatedBy: "\r\n").filter { !$0.hasPrefix("UID:") && !$0.hasPrefix(" ") }.joined(separator: "\n")
        XCTAssertNil(text.range(of: #"\d{6}-?\d{4}"#, options: .regularExpression), "no CPR number leaves the system")
        XCTAssertFalse(export.stdout.contains(" – "), "no citizen initials after the meeting type")
    }

    func testCalcurseImportsTheExport() throws {
        let (ok, _) = try run("sh", ["-c", "command -v calcurse"])
        try XCTSkipIf(ok != 0, "calcurse is not installed")
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "40", "--seed", "4").status, 0)
        let export = try d.run("calendar", "export", "--as", "karen", "--room", "Mødelokale 1", "--from", "-30d", "--to", "+30d")
        let file = d.path + "/room.ics"
        try Data(export.stdout.utf8).write(to: URL(fileURLWithPath: file))
        let cal = d.path + "/calcurse"
        try FileManager.default.createDirectory(atPath: cal, withIntermediateDirectories: true)
        let (status, output) = try run("calcurse", ["-D", cal, "-q", "-i", file])
        XCTAssertEqual(status, 0, output)
        let apts = (try? String(contentsOfFile: cal + "/apts", encoding: .utf8)) ?? ""
        let count = export.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1
        XCTAssertEqual(apts.split(separator: "\n").count, count, "calcurse imported every event:\n\(output)")
    }
}
