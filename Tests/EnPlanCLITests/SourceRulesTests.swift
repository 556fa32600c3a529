import Foundation
import XCTest

/// Rules of the sources a test can keep: the headless commands read through `CaseService`'s
/// queries (which take the acting user and log what they read), never the projection itself; and
/// a file holds one concern, small enough to read whole.
final class SourceRulesTests: XCTestCase {
    /// The repository's root: three folders up from this file (Tests/EnPlanCLITests/SourceRulesTests.swift).
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file under `folder`, by its path from the root, with its text.
    private func swiftFiles(under folder: String) throws -> [(path: String, text: String)] {
        let base = Self.root.appendingPathComponent(folder)
        let names = FileManager.default.enumerator(atPath: base.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        return try names.sorted().map { (folder + "/" + $0, try String(contentsOf: base.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// `service.state` (the projection, `@_spi(Store)`) would go around the queries: no acting user,
    /// no access check, no audit record. The executable may use the store for its lifecycle
    /// commands (`service.store`), not the state.
    func testTheCommandsReadThroughTheServicesQueries() throws {
        let files = try swiftFiles(under: "Sources/enplan")
        XCTAssertGreaterThan(files.count, 20)
        let state = try NSRegularExpression(pattern: #"\.state\b|\.projection\b"#)
        for f in files {
            for (i, line) in f.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let s = String(line)
                let code = s.range(of: "//").map { String(s[..<$0.lowerBound]) } ?? s
                let found = state.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil
                XCTAssertFalse(found, "\(f.path):\(i + 1) reads the projection (.state): ask a CaseService query that takes the acting user")
            }
        }
    }

    /// No Swift file under Sources/ is over 400 lines: a longer one holds more than one concern.
    func testNoSourceFileIsOverFourHundredLines() throws {
        let files = try swiftFiles(under: "Sources")
        XCTAssertGreaterThan(files.count, 100)
        for f in files {
            let lines = f.text.split(separator: "\n", omittingEmptySubsequences: false).count - (f.text.hasSuffix("\n") ? 1 : 0)
            XCTAssertLessThanOrEqual(lines, 400, "\(f.path) has \(lines) lines: split it by concern")
        }
    }
}
