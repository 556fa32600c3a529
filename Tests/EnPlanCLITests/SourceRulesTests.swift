import Foundation
import XCTest

/// Rules of the sources a test can keep: a file holds one concern, small enough to read whole.
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
