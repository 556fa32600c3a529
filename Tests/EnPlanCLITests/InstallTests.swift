@testable import enplan
import EnPlanTUI
import Foundation
import XCTest
import TestSupport

/// What installing on a server needs: the version, the themes compiled in, the man page.
final class InstallTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func testVersion() throws {
        let a = try Binary.run(["--version"]), b = try Binary.run(["version"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertTrue(a.stdout.hasPrefix("enplan \(Version.number)"), a.stdout)
        XCTAssertEqual(a.stdout, b.stdout)
        let bad = try Binary.run(["citizens", "--as", "mette", "--version"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "enplan: citizens: --version is given alone (enplan --version)\n")
        XCTAssertEqual(bad.stdout, "")
    }

    /// The themes compiled into the binary are the files in themes/, byte for byte (`make themes`
    /// writes them), so neither can drift from the other.
    func testBuiltInThemesEqualTheFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Harness.themesDirectory).filter { $0.hasSuffix(".theme") }
        XCTAssertEqual(Set(files.map { String($0.dropLast(6)) }), Set(Theme.builtIn.keys), "run `make themes`")
        for f in files {
            let text = try String(contentsOfFile: Harness.themesDirectory + "/" + f, encoding: .utf8)
            XCTAssertEqual(Theme.builtIn[String(f.dropLast(6))].map { $0 + "\n" }, text, "\(f): run `make themes`")
        }
        XCTAssertTrue(Theme.load("default", from: []).0.usesColor)
        XCTAssertNil(Theme.load("high-contrast", from: ["/nonexistent"]).1)
    }

    /// A theme file in a searched directory still overrides the built-in one.
    func testAThemeFileOverridesTheBuiltInOne() throws {
        let dir = NSTemporaryDirectory() + "themes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "normal = red black\n".write(toFile: dir + "/default.theme", atomically: true, encoding: .utf8)
        XCTAssertEqual(Theme.load("default", from: [dir]).0.style(.normal).fg, .index(1))
        XCTAssertEqual(Theme.source("default", in: [dir]), dir + "/default.theme")
        XCTAssertEqual(Theme.source("light", in: [dir]), "(built in)")
    }

    /// The binary copied alone to another folder (no themes/ anywhere near it) has its themes, in colour.
    func testTheBinaryCopiedAloneHasItsThemes() throws {
        let dir = NSTemporaryDirectory() + "enplan-alone-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Binary.url.path, toPath: dir + "/enplan")
        let run = { (args: String) in try Child.run(["sh", "-c", "cd '\(dir)' && ./enplan --data-dir '\(dir)/data' \(args)"], environment: Binary.environment, timeout: 60) }
        let v = try run("--version")
        XCTAssertEqual(v.status, 0, v.stderr)
        XCTAssertTrue(v.stdout.hasPrefix("enplan "))
        let t = try run("themes")
        XCTAssertEqual(t.status, 0, t.stderr)
        let rows = t.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        XCTAssertTrue(rows.contains(["default", "colour", "(built", "in)"]), t.stdout)
        XCTAssertTrue(rows.contains(["monochrome", "monochrome", "(built", "in)"]), t.stdout)
        let summary = try run("")
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertFalse(summary.stderr.contains("no theme"), summary.stderr)
    }

    /// man/enplan.1 is what `enplan manpage` makes of the declarations (`make man`), and names every command.
    func testTheManPageIsMadeFromTheDeclarations() throws {
        let file = try String(contentsOfFile: InstallTests.root + "/man/enplan.1", encoding: .utf8)
        XCTAssertEqual(file, ManPage.render(CLI.commands), "man/enplan.1 is stale: run `make man`")
        for c in CLI.commands where !c.path.isEmpty {
            XCTAssertTrue(file.contains("\n.B enplan \(ManPage.esc(c.name))"), "\(c.name) in the man page")
            for o in c.options { XCTAssertTrue(file.contains("\\fB\\-\\-\(ManPage.esc(o.name))\\fR"), "\(c.name) --\(o.name)") }
        }
        // The procedures an operator looks for at 02:00, each under its own heading.
        for heading in [".SH PROCEDURES", ".SS SSH", ".SS Backup", ".SS Verify", ".SS Restore"] {
            XCTAssertTrue(file.contains("\n" + heading), "\(heading) in the man page")
        }
        for command in ["ssh\\-session", "enplan backup DEST", "enplan restore SRC DIR", "verify \\-\\-release", "AuthenticationMethods publickey"] {
            XCTAssertTrue(file.contains(command), "\(command) in the procedures")
        }
        let printed = try Binary.run(["manpage"])
        XCTAssertEqual(printed.stdout, file)
    }
}
