/// The command line: words (the command) and `--name value` options, nothing more. Hand-written
/// because EnPlan takes no Swift packages.
struct Arguments {
    var words: [String] = []
    private var options: [String: String] = [:]
    private var flags: Set<String> = []
    private var used: Set<String> = []

    /// Options that take no value.
    static let flagNames: Set<String> = ["json", "demo", "allow-conflict", "help", "version", "no-snapshot"]

    init(_ argv: [String]) throws {
        var i = 0
        while i < argv.count {
            let a = argv[i]
            if a.hasPrefix("--") && a.count > 2 {
                var name = String(a.dropFirst(2))
                var value: String?
                if let eq = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: eq)...]); name = String(name[..<eq])
                }
                if Arguments.flagNames.contains(name) {
                    guard value == nil else { throw UsageError("--\(name) takes no value") }
                    flags.insert(name)
                } else {
                    if value == nil {
                        guard i + 1 < argv.count else { throw UsageError("--\(name) needs a value") }
                        i += 1; value = argv[i]
                    }
                    guard options[name] == nil else { throw UsageError("--\(name) is given twice") }
                    options[name] = value
                }
            } else if a == "-h" {
                flags.insert("help")
            } else {
                words.append(a)
            }
            i += 1
        }
    }

    mutating func flag(_ name: String) -> Bool { used.insert(name); return flags.contains(name) }

    mutating func optional(_ name: String) -> String? { used.insert(name); return options[name] }

    mutating func required(_ name: String, _ what: String? = nil) throws -> String {
        guard let v = optional(name), !v.isEmpty else { throw UsageError("missing --\(name)\(what.map { " \($0)" } ?? "")") }
        return v
    }

    mutating func int(_ name: String, default d: Int? = nil, range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let s = optional(name) else { return d }
        guard let v = Int(s) else { throw UsageError("--\(name) must be a whole number, not \"\(s)\"") }
        if let range, !range.contains(v) { throw UsageError("--\(name) must be between \(range.lowerBound) and \(range.upperBound)") }
        return v
    }

    mutating func value<R: RawRepresentable & CaseIterable>(_ name: String, _ t: R.Type) throws -> R? where R.RawValue == String {
        guard let s = optional(name) else { return nil }
        guard let v = R(rawValue: s) else {
            throw UsageError("--\(name) must be one of \(R.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(s)\"")
        }
        return v
    }

    /// Refuses options the command does not know, so a typo never passes silently.
    func checkAllUsed() throws {
        let unknown = (Set(options.keys).union(flags)).subtracting(used).subtracting(["help"])
        if let first = unknown.sorted().first { throw UsageError("unknown option --\(first) for this command") }
    }
}

struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ s: String) { description = s }
}
