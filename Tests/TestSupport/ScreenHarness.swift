@_spi(Store) import EnPlanDomain
import Foundation
import XCTest
import EnPlanTUI

/// The screen harness: an App on a real store in a temp directory (fixed clock), drawn into a MemoryTerminal.
public final class Harness {
    public static let now = Timestamp(iso: "2026-11-23T10:00:00.000Z")!
    public let dir = NSTemporaryDirectory() + "enplan-tui-\(UUID().uuidString)"
    public let service: CaseService
    public let terminal: MemoryTerminal
    public let app: App

    public init(citizens: [(String, String)] = Harness.names, rows: Int = 30, cols: Int = 110, language: Language = .da,
         theme: String = "default", themePaths: [String]? = nil, users: Bool = true,
         saveExport: (@Sendable (String, String) throws -> String)? = nil, sessionUser: String? = nil, rooms: [String] = [],
         nameKeys: NameKeys? = nil) throws {
        service = CaseService(store: try Store(directory: dir, clock: FixedClock(Harness.now)), terminal: "/dev/pts/7")
        if users {
            let hash = Harness.hash
            var batch: [(actor: String, command: Command)] = [
                ("admin", .createUser(User(id: "admin", name: "Ida Admin", sector: .employment, role: .admin), passwordHash: hash)),
                ("admin", .createUser(User(id: "mette", name: "Mette Kjær", sector: .employment, role: .caseworker), passwordHash: hash)),
                ("admin", .createUser(User(id: "jonas", name: "Jonas Dahl", sector: .social, role: .caseworker), passwordHash: hash)),
                ("admin", .createUser(User(id: "karen", name: "Karen Holm", sector: .employment, role: .supervisor), passwordHash: hash)),
            ]
            for (i, (name, cpr)) in citizens.enumerated() {
                batch.append((i % 3 == 2 ? "jonas" : "mette", .registerCitizen(cpr: cpr, name: name, benefit: "kontanthjaelp", responsible: nil)))
            }
            try service.execute(batch: batch)
        }
        terminal = MemoryTerminal(rows: rows, cols: cols)
        var options = App.Options()
        options.language = language
        options.themeName = theme
        options.themePaths = themePaths ?? [Harness.themesDirectory]
        options.demo = true
        // The test's `saveExport` gets the name and the text and says where it went; the screen
        // adds how it is fetched, as the outbox does.
        options.saveExport = saveExport.map { save in
            { @Sendable _, name, text in ExportReceipt(name: try save(name, text), fetch: "ssh enplan@host outbox get 7KQ2-XM4P > \(name)") }
        }
        options.rooms = rooms
        options.sessionUser = sessionUser
        app = App(loading: ServiceLoader(ready: .init(service: service), nameKeys: nameKeys), terminal: terminal, options: options)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    public static let hash: String = try! Passwords.hash("demo")

    public static let names: [(String, String)] = [
        ("Søren Sørensen", "0101901234"), ("Åse Bækgaard", "0202951234"), ("Æbel Ørum", "0303004234"),
        ("Anne Hansen", "0404851234"), ("李小龙 Lee", "0505881234"), ("Jens Jensen", "0606701234"),
        ("Mikkel Østergaard", "0707024234"), ("Zainab Abdi", "0808991234"),
    ]

    /// The repository's themes/ folder.
    public static var themesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("themes").path
    }

    public func type(_ text: String) { for c in text { app.handle(.char(c)) } }
    public func press(_ keys: Key...) { for k in keys { app.handle(k) } }

    public func login(_ user: String = "mette", _ password: String = "demo") {
        type(user); press(.tab); type(password); press(.enter)
    }

    public var screen: Canvas { app.render() }
    public var text: String { screen.text }

    /// The citizens' names in the list, top to bottom (rows below the header).
    public var listedNames: [String] {
        let c = screen
        return (2..<(c.rows - 2)).map { c.line($0) }.filter { !$0.isEmpty }.map {
            String($0.prefix(while: { _ in true })).components(separatedBy: "  ").first!.trimmingCharacters(in: .whitespaces)
        }
    }

    // MARK: screen assertions: a failure shows the whole screen, its rows numbered

    /// The screen as text with row numbers, for failure messages.
    public var numbered: String {
        let c = screen
        return (0..<c.rows).map { (String($0).count < 2 ? " " : "") + "\($0)│" + c.line($0) }.joined(separator: "\n")
    }

    /// Fails unless some row shows `text`.
    public func assertShows(_ text: String, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        if !screen.text.contains(text) { XCTFail("\(message.isEmpty ? "" : message + ": ")no \"\(text)\" on the screen:\n\(numbered)", file: file, line: line) }
    }

    /// Fails if any row shows `text`.
    public func assertHides(_ text: String, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        if screen.text.contains(text) { XCTFail("\(message.isEmpty ? "" : message + ": ")\"\(text)\" is on the screen:\n\(numbered)", file: file, line: line) }
    }

    /// Fails unless row `row` starts with `prefix`.
    public func assertRow(_ row: Int, startsWith prefix: String, file: StaticString = #filePath, line: UInt = #line) {
        if !screen.line(row).hasPrefix(prefix) { XCTFail("row \(row) does not start with \"\(prefix)\":\n\(numbered)", file: file, line: line) }
    }

    /// Fails unless rows `rows` are exactly `expected` (trailing blanks ignored), as a line diff.
    public func assertRows(_ rows: Range<Int>, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let c = screen
        assertLines(rows.map { c.line($0) }.joined(separator: "\n"), expected, file: file, line: line)
    }

    /// The status line (above the key bar) and the key bar.
    public var statusLine: String { screen.line(screen.rows - 2) }
    public var keyBar: String { screen.line(screen.rows - 1) }
}

