/// One line of the audit log read back for the audit screen, the spot checks and the citizen's
/// access report: typed fields instead of the raw payload.
public struct AuditRecord: Equatable, Sendable {
    /// The record's seq in `audit.jsonl` (what a spot check names).
    public let seq: Int
    public let at: Timestamp
    /// Who: a user id ("-" for a login attempt with no id).
    public let user: String
    public let kind: AuditKind
    /// The citizen the record is about, if any.
    public let citizen: String?
    /// What was looked at: "plan", "detail", "journey", "log", "meetings", "search", "list",
    /// "export", "plan-document", "calendar-file", "refused", "audit", "spot-check" …
    public let what: String?
    /// The stated reason of a look at a citizen the user does not work on (break the glass).
    public let reason: String?
    /// A search's query.
    public let query: String?
    /// Why a lookup or a login was refused; a spot check's note.
    public let detail: String?
    public let terminal: String?
    /// A spot check's verdict and the record it checked.
    public let verdict: SpotCheckVerdict?
    public let checkedEntry: Int?

    /// A look at a citizen the user does not work on, with a stated reason.
    public var brokeTheGlass: Bool { reason != nil && (kind == .citizenViewed || kind == .exported) }
    /// A lookup, a change or a login that was refused.
    public var refused: Bool { kind == .lookupRefused || kind == .writeRefused || kind == .loginRefused || kind == .loginFailed }
    /// A lookup of personal data a spot check may draw: a look at a citizen, an export, a search.
    public var isLookup: Bool { kind == .citizenViewed || kind == .exported || kind == .citizensSearched }

    init(_ e: RecordedEvent) {
        seq = e.seq; at = e.ts; user = e.actor
        kind = AuditKind(rawValue: e.type) ?? .citizenViewed
        citizen = e.stream == "-" || e.stream.hasPrefix(Streams.userPrefix) ? nil : e.stream
        let d = e.data
        what = try? d.optionalString("what"); reason = try? d.optionalString("reason"); query = try? d.optionalString("query")
        detail = (try? d.optionalString("detail")) ?? (try? d.optionalString("note")) ?? nil
        terminal = try? d.optionalString("terminal")
        verdict = (try? d.optionalString("verdict")).flatMap { $0 }.flatMap(SpotCheckVerdict.init(rawValue:))
        checkedEntry = kind == .spotChecked ? (try? d.int("entry")) : nil
    }
}

/// What the audit screen asks for. Every condition left nil lets everything through.
public struct AuditFilter: Sendable, Equatable {
    /// A citizen: an id ("c12"), a CPR number (with or without the dash), or part of a name.
    public var citizen: String?
    public var user: String?
    /// Days in Copenhagen time, both inclusive.
    public var from: Day?
    public var to: Day?
    public var kinds: Set<AuditKind>?
    /// Break-the-glass looks and refused lookups first (each group newest first); else newest first.
    public var exceptionsFirst: Bool

    public init(citizen: String? = nil, user: String? = nil, from: Day? = nil, to: Day? = nil, kinds: Set<AuditKind>? = nil,
                exceptionsFirst: Bool = true) {
        self.citizen = citizen; self.user = user; self.from = from; self.to = to; self.kinds = kinds
        self.exceptionsFirst = exceptionsFirst
    }

    func admits(_ r: AuditRecord, citizens: Set<String>?) -> Bool {
        if let citizens, !(r.citizen.map(citizens.contains) ?? false) { return false }
        if let user, r.user != user { return false }
        let day = r.at.local.day
        if let from, day < from { return false }
        if let to, day > to { return false }
        if let kinds, !kinds.contains(r.kind) { return false }
        return true
    }

    /// The order the screen shows: exceptions first when asked, each group newest first.
    static func ordered(_ records: [AuditRecord], exceptionsFirst: Bool) -> [AuditRecord] {
        func rank(_ r: AuditRecord) -> Int { !exceptionsFirst ? 0 : r.brokeTheGlass ? 0 : r.refused ? 1 : 2 }
        return records.sorted { (rank($0), -$0.seq) < (rank($1), -$1.seq) }
    }
}
