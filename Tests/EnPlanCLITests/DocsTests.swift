import Foundation
import XCTest

/// Keeps the docs true where a test can: the README stays short and points to each document, every
/// path the docs name exists, and every command the operations guide runs is in the man page
/// (which is generated from the command declarations, so a renamed command fails here).
final class DocsTests: XCTestCase {
    /// The repository's root: three folders up from this file (Tests/EnPlanCLITests/DocsTests.swift).
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let documents = ["docs/brugervejledning.md", "docs/drift.md", "docs/architecture.md", "docs/benchmarks.md"]

    private func read(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path)
    }

    func testTheReadmeIsShortAndPointsToEachDocument() throws {
        let readme = try read("README.md")
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).count
        XCTAssertLessThanOrEqual(lines, 220, "README.md is the front door: what EnPlan is, install, the demo, where the rest is")
        for doc in Self.documents {
            XCTAssertTrue(exists(doc), "\(doc) is missing")
            XCTAssertTrue(readme.contains("](\(doc))"), "README.md links \(doc)")
        }
    }

    /// Every `Sources/…`, `Tests/…`, `Benchmarks/…` (and the like) path in the README and the docs
    /// exists. A placeholder is written `<Name>`, so only the part before it is checked.
    func testEveryPathTheDocsNameExists() throws {
        let pattern = try NSRegularExpression(pattern: #"(?<![\w/.~$-])(?:Sources|Tests|Benchmarks|man|themes|scripts|\.ci)/[\w+./-]*"#)
        var checked = 0
        for doc in ["README.md"] + Self.documents {
            let text = try read(doc)
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                var path = String(text[Range(match.range, in: text)!])
                while path.hasSuffix(".") || path.hasSuffix(",") { path.removeLast() }
                checked += 1
                XCTAssertTrue(exists(path), "\(doc) names \(path), which does not exist")
            }
        }
        XCTAssertGreaterThan(checked, 40, "the pattern still finds the paths")
    }

    /// The commands of the man page: the words after `enplan` on each `.B enplan …` line.
    private func manPageCommands() throws -> Set<String> {
        var commands = Set<String>()
        for line in try read("man/enplan.1").split(separator: "\n") where line.hasPrefix(".B enplan ") {
            let words = line.replacingOccurrences(of: "\\-", with: "-").split(separator: " ").dropFirst(2)
            let command = words.prefix { $0.range(of: #"^[a-z][a-z-]*$"#, options: .regularExpression) != nil }
            if !command.isEmpty { commands.insert(command.joined(separator: " ")) }
        }
        return commands
    }

    /// Every `enplan COMMAND …` in the operations guide's code blocks and inline code names a
    /// command of the man page (or `help`, which is the parser's own).
    func testTheOperationsGuidesCommandsAreInTheManPage() throws {
        let commands = try manPageCommands()
        XCTAssertTrue(commands.contains("verify") && commands.contains("user add"), "the man page parses: \(commands.sorted())")
        let text = try read("docs/drift.md")
        // The code: fenced blocks whole, and inline code spans elsewhere.
        var code: [String] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            if inBlock { code.append(String(line)); continue }
            let spans = line.split(separator: "`", omittingEmptySubsequences: false)
            code += stride(from: 1, to: spans.count, by: 2).map { String(spans[$0]) }
        }
        var checked = 0
        for line in code {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var i = 0
            while i < tokens.count {
                defer { i += 1 }
                let t = tokens[i]
                guard t == "enplan" || t.hasSuffix("/enplan") || t == "$E" else { continue }
                // The service account or a directory, not the program: `sudo -u enplan`, `User enplan`, `--data-dir /srv/enplan`.
                if i > 0, ["-u", "-o", "-g", "User", "--home-dir", "--data-dir"].contains(tokens[i - 1]) { continue }
                var j = i + 1
                while j < tokens.count, ["--data-dir", "--store", "--demo"].contains(tokens[j]) { j += tokens[j] == "--demo" ? 1 : 2 }
                func word(_ k: Int) -> String? {
                    guard k < tokens.count else { return nil }
                    var w = tokens[k].components(separatedBy: "\\|")[0]
                    while w.hasSuffix(";") || w.hasSuffix(",") { w.removeLast() }
                    return w.range(of: #"^[a-z][a-z-]*$"#, options: .regularExpression) == nil ? nil : w
                }
                guard let first = word(j), first != "help" else { continue }
                checked += 1
                if let second = word(j + 1), commands.contains("\(first) \(second)") { continue }
                XCTAssertTrue(commands.contains(first), "docs/drift.md runs `enplan \(first)\(word(j + 1).map { " " + $0 } ?? "")`, which the man page does not have: \(line)")
            }
        }
        XCTAssertGreaterThan(checked, 50, "the guide's commands are still found")
    }
}
