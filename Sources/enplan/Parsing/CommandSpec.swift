@_spi(Store) import EnPlanDomain

/// A headless command, declared once: its words, its one-line summary, its options and its run
/// function. The parser, the usage and `enplan help COMMAND` are all made from this declaration,
/// so a command cannot take an option its help does not show, nor show one it does not take.
/// (The shape follows swift-argument-parser's: a command is a value that knows its options.)
struct CommandSpec {
    /// The words that name the command: `["user", "add"]`; `[]` is `enplan` alone.
    let path: [String]
    let summary: String
    let options: [OptionSpec]
    /// Required words after the command, e.g. `FILE.json`.
    let arguments: [String]
    let run: (Invocation) throws -> Int32

    init(_ path: [String], _ summary: String, options: [OptionSpec] = [], arguments: [String] = [],
         run: @escaping (Invocation) throws -> Int32) {
        self.path = path; self.summary = summary; self.options = options; self.arguments = arguments; self.run = run
    }

    /// "user add"; "enplan" for the command without words.
    var name: String { path.isEmpty ? "enplan" : path.joined(separator: " ") }

    func option(_ name: String) -> OptionSpec? { options.first { $0.name == name } }
}

/// One `--name` of a command: a flag, or an option with a value (checked as it is parsed).
struct OptionSpec {
    let name: String
    /// What the value looks like in the help (`USER`, `N`, `phone|meeting`); nil for a flag.
    let valueName: String?
    let required: Bool
    let help: String
    /// Why a value is refused (a whole line, naming the option), or nil when it is good.
    let check: (String) -> String?
    /// What a value is read as (`Invocation.day`, `time`, `quarter`, `week`): checked by the parser, typed for the run.
    enum Kind { case plain, date, time, quarter, week }
    var kind = Kind.plain

    var isDate: Bool { kind == .date }

    var isFlag: Bool { valueName == nil }

    /// `--name VALUE`, or `[--name VALUE]` when it may be left out.
    var synopsis: String {
        let s = "--\(name)" + (valueName.map { " \($0)" } ?? "")
        return required ? s : "[\(s)]"
    }

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, required: false, help: help, check: { _ in nil })
    }

    static func text(_ name: String, _ valueName: String, required: Bool = false, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, required: required, help: help, check: { _ in nil })
    }

    static func int(_ name: String, _ valueName: String = "N", in range: ClosedRange<Int>? = nil, required: Bool = false, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, required: required, help: help, check: { s in
            guard let v = Int(s) else { return "--\(name) must be a whole number, not \"\(s)\"" }
            if let range, !range.contains(v) { return "--\(name) must be between \(range.lowerBound) and \(range.upperBound)" }
            return nil
        })
    }

    /// One of an enumeration's raw values (less `except`); the help lists them.
    static func choice<R: RawRepresentable & CaseIterable>(_ name: String, _ type: R.Type, except: [String] = [], required: Bool = false,
                                                           _ help: String) -> OptionSpec where R.RawValue == String {
        let values = R.allCases.map(\.rawValue).filter { !except.contains($0) }
        return OptionSpec(name: name, valueName: values.joined(separator: "|"), required: required, help: help, check: { s in
            values.contains(s) ? nil : "--\(name) must be one of \(values.joined(separator: ", ")), not \"\(s)\""
        })
    }

    /// Comma-separated values of an enumeration: `employment,social`.
    static func choices<R: RawRepresentable & CaseIterable>(_ name: String, _ type: R.Type, each: String, required: Bool = false,
                                                            _ help: String) -> OptionSpec where R.RawValue == String {
        let values = R.allCases.map(\.rawValue)
        return OptionSpec(name: name, valueName: values.prefix(2).joined(separator: ",") + ",…", required: required, help: help, check: { s in
            for v in Invocation.split(s) where !values.contains(v) {
                return "unknown \(each) \"\(v)\" (\(values.joined(separator: ", ")))"
            }
            return nil
        })
    }

    /// A day: dd-mm-yyyy, yyyy-mm-dd, today, +3d, +2w.
    static func date(_ name: String, required: Bool = false, _ help: String) -> OptionSpec {
        var o = OptionSpec(name: name, valueName: "DATE", required: required, help: help, check: { s in
            DayInput.parse(s, today: Invocation.today) == nil ? Invocation.badDate(name, s) : nil
        })
        o.kind = .date
        return o
    }

    /// Copenhagen wall-clock time: YYYY-MM-DDTHH:MM.
    static func time(_ name: String, required: Bool = false, _ help: String) -> OptionSpec {
        var o = OptionSpec(name: name, valueName: "YYYY-MM-DDTHH:MM", required: required, help: help, check: { s in
            LocalTime(iso: s) == nil ? "--\(name) must be YYYY-MM-DDTHH:MM (Copenhagen time), not \"\(s)\"" : nil
        })
        o.kind = .time
        return o
    }

    /// An ISO week: 2026-W48.
    static func week(_ name: String, required: Bool = false, _ help: String) -> OptionSpec {
        var o = OptionSpec(name: name, valueName: "2026-W48", required: required, help: help, check: { s in
            IsoWeek(s) == nil ? "--\(name) must be an ISO week like 2026-W48, not \"\(s)\"" : nil
        })
        o.kind = .week
        return o
    }

    /// A quarter: 2026Q4.
    static func quarter(_ name: String, required: Bool = false, _ help: String) -> OptionSpec {
        var o = OptionSpec(name: name, valueName: "2026Q4", required: required, help: help, check: { s in
            Quarter(s) == nil ? "--\(name) must be a quarter like 2026Q4, not \"\(s)\"" : nil
        })
        o.kind = .quarter
        return o
    }
}
