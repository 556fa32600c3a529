import Foundation

/// Colours for roles, from a plain text file in themes/: one role a line, `#` comments.
///
///     title    = white blue bold
///     selected = default default reverse
///
/// Colours: default (the terminal's own), black red green yellow blue magenta cyan white, their
/// bright- variants, or 0-255. Attributes: bold, dim, reverse, underline.
public struct Theme: Equatable, Sendable {
    public enum Color: Equatable, Sendable {
        case terminalDefault
        case index(Int)
    }

    public enum Attribute: String, CaseIterable, Sendable { case bold, dim, reverse, underline }

    public struct Style: Equatable, Sendable {
        public var fg: Color = .terminalDefault
        public var bg: Color = .terminalDefault
        public var attributes: Set<Attribute> = []
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let reason: String
        public var description: String { "\(file):\(line): \(reason)" }
    }

    public let name: String
    public private(set) var styles: [Role: Style]
    /// Whether the theme uses colour at all (monochrome themes only use attributes).
    public var usesColor: Bool { styles.values.contains { $0.fg != .terminalDefault || $0.bg != .terminalDefault } }

    public func style(_ role: Role) -> Style { styles[role] ?? styles[.normal] ?? Style() }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    public static func parse(_ text: String, name: String, file: String) throws -> Theme {
        var styles: [Role: Style] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            func fail(_ reason: String) -> ParseError { ParseError(file: file, line: i + 1, reason: reason) }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw fail("expected `role = foreground background [attributes]`") }
            guard let role = Role(rawValue: parts[0]) else {
                throw fail("unknown role \"\(parts[0])\" (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let words = parts[1].split(separator: " ").map { String($0).lowercased() }
            guard words.count >= 2 else { throw fail("give a foreground and a background colour (or `default`)") }
            var style = Style()
            style.fg = try color(words[0]) ?? { throw fail("unknown colour \"\(words[0])\"") }()
            style.bg = try color(words[1]) ?? { throw fail("unknown colour \"\(words[1])\"") }()
            for w in words.dropFirst(2) {
                guard let a = Attribute(rawValue: w) else { throw fail("unknown attribute \"\(w)\" (bold, dim, reverse, underline)") }
                style.attributes.insert(a)
            }
            guard styles[role] == nil else { throw fail("\(role.rawValue) is given twice") }
            styles[role] = style
        }
        guard styles[.normal] != nil else { throw ParseError(file: file, line: 1, reason: "the theme must set `normal`") }
        return Theme(name: name, styles: styles)
    }

    static func color(_ w: String) -> Color? {
        if w == "default" { return .terminalDefault }
        if let i = colorNames.firstIndex(of: w) { return .index(i) }
        if w.hasPrefix("bright"), let i = colorNames.firstIndex(of: String(w.dropFirst(6)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))) {
            return .index(i + 8)
        }
        if let n = Int(w), (0...255).contains(n) { return .index(n) }
        return nil
    }

    /// The theme that needs no colour: used for NO_COLOR, terminals without colours, and when a
    /// theme file cannot be read or parsed.
    public static let monochrome = try! parse(builtIn["monochrome"]!, name: "monochrome", file: "(built in)")

    /// Where theme files are looked for, in order: $ENPLAN_THEMES, the data directory's themes/,
    /// themes/ beside the executable's package (swift run), PREFIX/share/enplan/themes (make install)
    /// and the current directory's themes/. The built-in themes come after all of them.
    public static func searchPaths(dataDirectory: String, executable: String) -> [String] {
        var paths: [String] = []
        if let env = ProcessInfo.processInfo.environment["ENPLAN_THEMES"], !env.isEmpty { paths.append(env) }
        paths.append(dataDirectory + "/themes")
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        paths.append(dir.deletingLastPathComponent().appendingPathComponent("share/enplan/themes").path)
        for _ in 0..<4 {
            paths.append(dir.appendingPathComponent("themes").path)
            dir = dir.deletingLastPathComponent()
        }
        paths.append(FileManager.default.currentDirectoryPath + "/themes")
        return paths
    }

    /// The theme files found, by name.
    public static func available(in paths: [String]) -> [String] {
        var names = Set(builtIn.keys)
        for p in paths {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: p)) ?? [] where f.hasSuffix(".theme") {
                names.insert(String(f.dropLast(6)))
            }
        }
        return names.sorted()
    }

    /// Where `load` finds a theme: its file, "(built in)", or nil when there is none.
    public static func source(_ name: String, in paths: [String]) -> String? {
        for p in paths where FileManager.default.fileExists(atPath: p + "/" + name + ".theme") { return p + "/" + name + ".theme" }
        return builtIn[name] != nil ? "(built in)" : nil
    }

    /// Loads a theme by name: a file in `paths` first (they override), else the one compiled in
    /// (`builtIn`). A missing or bad file gives the error (naming file and line) and the monochrome
    /// theme, so the program always starts.
    public static func load(_ name: String, from paths: [String]) -> (Theme, String?) {
        if name == "monochrome", !paths.contains(where: { FileManager.default.fileExists(atPath: $0 + "/monochrome.theme") }) {
            return (.monochrome, nil)
        }
        for p in paths {
            let file = p + "/" + name + ".theme"
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            do { return (try parse(text, name: name, file: file), nil) } catch { return (.monochrome, "\(error); using the monochrome theme") }
        }
        if let text = builtIn[name], let theme = try? parse(text, name: name, file: "(built in)") { return (theme, nil) }
        return (.monochrome, "no theme \"\(name)\" (themes: \(available(in: paths).joined(separator: ", "))); using the monochrome theme")
    }
}
