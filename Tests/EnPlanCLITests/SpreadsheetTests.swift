@testable import enplan
import Foundation
import XCTest
import TestSupport
import EnPlanDomain

/// Issue 23: every section's CSV read back as a Danish spreadsheet reads it (Python's csv with
/// ';' and the decimal comma): every cell of the table one number or one word.
final class SpreadsheetTests: XCTestCase {
    func testEverySectionsCSVIsOneNumberOrOneWordACell() throws {
        try XCTSkipIf(!onPath("python3"), "python3 is not installed (.ci/run installs it)")
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "80", "--seed", "4").status, 0)
        let reader = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Support/read_csv.py").path
        for section in FigureSection.allCases {
            let csv = try d.run("report", ReportCommands.word(section), "--as", "karen", "--csv", "--da")
            XCTAssertEqual(csv.status, 0, "\(section): \(csv.stderr)")
            let file = d.path + "/\(section).csv"
            try Data(csv.stdout.utf8).write(to: URL(fileURLWithPath: file))
            let read = try Child.run(["python3", reader, file], timeout: 60)
            XCTAssertEqual(read.status, 0, "\(section): \(read.stdout)\(read.stderr)")
        }
    }
}
