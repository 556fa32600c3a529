/// A target (måltal) the municipality commits to, kept as data in the store (stream "target:ID"):
/// defined by a supervisor or an administrator, ended when it no longer applies.
public struct Target: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// At least `value` citizens with two or more sectors have an active unified plan by `deadline`.
        case planCoverage
        /// At most `value` citizens per caseworker (responsible).
        case caseloadMax
        /// At most `value` contacts per citizen a quarter (on average, this quarter).
        case contactsPerQuarter
    }

    public var id: String
    public var kind: Kind
    public var name: String
    public var value: Int
    public var deadline: Day?
    /// The sector it is for (nil: the whole municipality).
    public var sector: Sector?
    /// The day it was defined (the burn-up starts there).
    public var defined: Day
    public var ended: Day?
    public var version = 0

    public init(id: String, kind: Kind, name: String, value: Int, deadline: Day?, sector: Sector?, defined: Day, ended: Day? = nil) {
        self.id = id; self.kind = kind; self.name = name; self.value = value; self.deadline = deadline; self.sector = sector
        self.defined = defined; self.ended = ended
    }

    public var fields: Fields {
        var f = Fields()
        f.set("id", id); f.set("kind", kind); f.set("name", name); f.set("value", value); f.set("deadline", deadline)
        f.set("sector", sector); f.set("defined", defined)
        return f
    }

    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), kind: try f.value("kind"), name: try f.string("name"), value: try f.int("value"),
                  deadline: try f.optionalDay("deadline"), sector: try f.optionalValue("sector"), defined: try f.day("defined"))
    }
}

extension Target: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.string(fields.json); w.optional(ended) { $0.day($1) }; w.int(version)
    }
    init(from r: inout SnapshotReader) throws {
        try self.init(fields: try Fields(json: try r.string()))
        ended = try r.optional { try $0.day() }
        version = try r.int()
    }
}
