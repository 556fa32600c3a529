/// The `:` command line: completion with Tab, history with the arrows.
public struct CommandPrompt: Sendable {
    /// The command names, from the key table.
    public static var commands: [String] { KeyTable.commands.flatMap(\.words) }

    public var text = ""
    private var historyIndex: Int?

    public init() {}

    public enum Outcome: Equatable { case none, cancel, run(String) }

    public mutating func handle(_ key: Key, history: [String], themes: [String]) -> Outcome {
        switch key {
        case .escape: return .cancel
        case .enter: return .run(text.trimmingCharacters(in: .whitespaces))
        case .backspace:
            if text.isEmpty { return .cancel }
            text.removeLast()
        case .tab: text = complete(text, themes: themes)
        case .up:
            guard !history.isEmpty else { break }
            let i = max(0, (historyIndex ?? history.count) - 1)
            historyIndex = i; text = history[i]
        case .down:
            guard let i = historyIndex else { break }
            if i + 1 < history.count { historyIndex = i + 1; text = history[i + 1] } else { historyIndex = nil; text = "" }
        case .char(let c): text.append(c)
        case .paste(let t): text += Key.pastedLine(t)
        default: break
        }
        return .none
    }

    /// Completes the command name, or the argument of `theme` and `lang`, to the longest common prefix.
    public func complete(_ text: String, themes: [String]) -> String {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let candidates: [String]
        let prefix: String
        if parts.count <= 1 {
            candidates = Self.commands; prefix = parts.first ?? ""
        } else if parts[0] == "theme" || parts[0] == "tema" {
            candidates = themes; prefix = parts[1]
        } else if parts[0] == "lang" || parts[0] == "sprog" {
            candidates = ["da", "en"]; prefix = parts[1]
        } else {
            return text
        }
        let matching = candidates.filter { $0.hasPrefix(prefix) }
        guard var common = matching.first else { return text }
        for m in matching.dropFirst() { while !m.hasPrefix(common) { common.removeLast() } }
        let done = matching.count == 1
        return parts.count <= 1 ? common + (done ? " " : "") : parts[0] + " " + common
    }
}

import Foundation
