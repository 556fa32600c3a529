@_spi(Store) import EnPlanDomain
import Foundation

/// A command line parsed against its command's declaration: every option given is declared, has
/// its value and passed its check, every required one is there. The run function reads the values
/// by name; reading a name the command does not declare is a programming error (the tests run
/// every command, so it cannot ship).
struct Invocation {
    let command: CommandSpec
    let dataDirectory: String
    let demo: Bool
    /// The words after the command's own, one for each of `command.arguments`.
    let arguments: [String]
    let values: [String: String]
    let flags: Set<String>

    /// The day relative dates (`+3d`) count from when they are checked: the store's clock is the
    /// program's clock too (`ProgramClock`).
    static var today: Day { ProgramClock.shared.now().local.day }

    static func badDate(_ name: String, _ s: String) -> String {
        "--\(name): \"\(s)\" is not a date (dd-mm-yyyy, yyyy-mm-dd, today, +3d, +2w)"
    }

    /// "a, b ,c" -> ["a", "b", "c"]
    static func split(_ s: String) -> [String] {
        s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private func declared(_ name: String) -> OptionSpec {
        guard let o = command.option(name) else { preconditionFailure("\(command.name) reads --\(name), which it does not declare") }
        return o
    }

    func flag(_ name: String) -> Bool {
        precondition(declared(name).isFlag, "--\(name) is not a flag")
        return flags.contains(name)
    }

    func string(_ name: String) -> String? {
        precondition(!declared(name).isFlag, "--\(name) is a flag")
        return values[name]
    }

    /// A required option's value (the parser refused the command line without it).
    func required(_ name: String) -> String {
        precondition(declared(name).required, "--\(name) is not required")
        return values[name]!
    }

    func int(_ name: String) -> Int? { string(name).map { Int($0)! } }

    func choice<R: RawRepresentable>(_ name: String, _ type: R.Type) -> R? where R.RawValue == String {
        string(name).map { R(rawValue: $0)! }
    }

    func list(_ name: String) -> [String]? { string(name).map(Invocation.split) }

    func choices<R: RawRepresentable>(_ name: String, _ type: R.Type) -> [R]? where R.RawValue == String {
        list(name).map { $0.map { R(rawValue: $0)! } }
    }

    /// A time option (Copenhagen wall-clock time), checked by the parser.
    func time(_ name: String) -> LocalTime? {
        precondition(declared(name).kind == .time, "--\(name) is not a time")
        return values[name].map { LocalTime(iso: $0)! }
    }

    /// A quarter option (2026Q4), checked by the parser.
    func quarter(_ name: String) -> Quarter? {
        precondition(declared(name).kind == .quarter, "--\(name) is not a quarter")
        return values[name].map { Quarter($0)! }
    }

    /// An ISO week option (2026-W48), checked by the parser.
    func week(_ name: String) -> IsoWeek? {
        precondition(declared(name).kind == .week, "--\(name) is not a week")
        return values[name].map { IsoWeek($0)! }
    }

    /// A date option counted from `today` (the service's).
    func day(_ name: String, today: Day) throws -> Day? {
        precondition(declared(name).isDate, "--\(name) is not a date")
        guard let s = values[name] else { return nil }
        guard let d = DayInput.parse(s, today: today) else { throw UsageError(Invocation.badDate(name, s)) }
        return d
    }
}

struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ s: String) { description = s }
}
