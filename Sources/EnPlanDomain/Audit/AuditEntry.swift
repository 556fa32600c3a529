/// The kinds of record in the audit log. A raw value is the "type" written on the record's line:
/// part of the file format, like the event types' names. Never rename one; add a kind instead.
public enum AuditKind: String, CaseIterable, Sendable {
    case loginSucceeded = "LoginSucceeded"
    case loginFailed = "LoginFailed"
    case loginRefused = "LoginRefused"
    case citizensListed = "CitizensListed"
    case citizensSearched = "CitizensSearched"
    case citizenViewed = "CitizenViewed"
    case meetingsRead = "MeetingsRead"
    case auditRead = "AuditRead"
    case figuresRead = "FiguresRead"
    case figuresExported = "FiguresExported"
    case exported = "Exported"
    case lookupRefused = "LookupRefused"
    case storeHead = "StoreHead"
    case truncationAccepted = "TruncationAccepted"
    case spotChecked = "SpotChecked"
    case restored = "Restored"
    case keyChanged = "KeyChanged"
    case storeDamaged = "StoreDamaged"
    case damageReleased = "DamageReleased"
    case writeRefused = "WriteRefused"
    case storeUpgraded = "StoreUpgraded"
    case archived = "Archived"
    case retentionRun = "RetentionRun"
}

/// A supervisor's verdict on a lookup drawn for a spot check (stikprøve).
public enum SpotCheckVerdict: String, CaseIterable, Sendable {
    case workRelated = "work-related"
    case flagged
}

/// What was exported from a screen or a headless command.
public enum ExportKind: String, CaseIterable, Sendable {
    /// The plan as a document for the citizen.
    case planDocument = "plan-document"
    /// An iCalendar file of meetings.
    case calendarFile = "calendar-file"
    /// An export fetched from the person's outbox (`outbox get`).
    case outboxFetched = "outbox-fetched"
    /// The plan for the citizen sent to a printer (`plan print`): the reason names the queue and the job.
    case planPrinted = "plan-printed"
    /// The citizen's access report saved to the outbox or printed (for the citizen, who asked to see it).
    case accessReport = "access-report"
}

/// One record of the audit log: a login attempt, or a read of personal data (who, what, which
/// citizen, from which terminal). Every audit record is built here, by `line(terminal:)`, so each
/// kind has one shape.
///
/// Invariants: the line's payload keeps the order of its fields as the log has always had them
/// (Golden/audit.jsonl); `terminal` is on every record; a record is about a citizen (its subject is
/// the citizen's id), a user ("user:<id>") or nothing in particular ("-").
public enum AuditEntry: Equatable, Sendable {
    case loginSucceeded(user: String)
    /// `detail`: why, in words for the supervisor ("wrong password", "unknown or deactivated user").
    case loginFailed(user: String, detail: String)
    /// Refused without checking the password: the user is locked.
    case loginRefused(user: String, detail: String)
    /// The citizen list was read (`count` rows).
    case citizensListed(by: String, count: Int)
    /// A list already shown grew by `added` citizens another terminal made visible.
    case listRefreshed(by: String, added: Int, count: Int)
    /// A search: what was typed, and how many citizens it found.
    case citizensSearched(by: String, query: String, count: Int)
    /// A look at one citizen's case; `purpose` says which view ("detail", "log", "journey",
    /// "meetings"), `reason` is the stated reason of a viewer who does not work on the citizen.
    case citizenViewed(by: String, citizen: String, purpose: String, reason: String?)
    /// A calendar read, of a user's or a room's meetings.
    case meetingsRead(by: String, count: Int, user: String?, room: String?)
    /// The audit log itself was read, for one citizen or all.
    case auditRead(by: String, citizen: String?)
    /// A supervisors' figure was read: an aggregate read (no citizen named); `rows` in the table.
    case figuresRead(by: String, section: String, rows: Int)
    /// A section of figures was exported (CSV): what left the system, and how many rows.
    case figuresExported(by: String, section: String, rows: Int)
    /// Something left the system as a file (the plan document, a calendar); `reason` as for a look.
    case exported(by: String, kind: ExportKind, citizen: String?, reason: String?)
    /// A look that was refused: who, which citizen (as typed), and why ("no work relation", "unknown citizen").
    case lookupRefused(by: String, citizen: String, why: String)
    /// The heads of both logs when a session started (a later cut of either log is caught by them).
    case storeHead(user: String, eventsSeq: Int, eventsHash: String, auditSeq: Int, auditHash: String)
    /// An administrator accepted a log that ends before its recorded head (a restored backup, say).
    case truncationAccepted(by: String, file: String, expectedSeq: Int, expectedHash: String, foundSeq: Int, reason: String)
    /// The store was restored from a backup (`enplan restore`): by whom (the OS user), from where,
    /// and the heads it was restored to; `verify` checks the event log against them from here on.
    case restored(by: String, source: String, eventsSeq: Int, eventsHash: String, auditSeq: Int, auditHash: String)
    /// The store found itself damaged (at open, in `verify`, at a write) and marked it (`store.damaged`).
    case storeDamaged(finder: String, findings: [String])
    /// An administrator lifted the damage marker, with the reason, what the marker said, and the
    /// damaged last lines moved aside.
    case damageReleased(by: String, reason: String, findings: [String], movedAside: [String])
    /// A change refused because the actor may not make it (not theirs, not allowed): logged like
    /// a refused look, with what it was about (a citizen's or a meeting's id, as typed).
    case writeRefused(by: String, subject: String, why: String)
    /// An administrator tied an SSH key to a user (nil: a kiosk key) or took it away (`enplan key`).
    case keyChanged(by: String, user: String?, fingerprint: String, added: Bool, headless: Bool = false)
    /// The logs were rewritten in format 2 (`enplan retention upgrade`): the old heads (the proof a
    /// backup or checkpoint made before holds) and the new ones, from which `verify` goes on.
    case storeUpgraded(by: String, converted: Int, oldEventsSeq: Int, oldEventsHash: String, oldAuditSeq: Int, oldAuditHash: String,
                       eventsHash: String, auditHash: String)
    /// An archive copy of the cases due was written and verified (`enplan archive`): where, which
    /// citizens (ids), and its manifest's SHA-256.
    case archived(by: String, destination: String, citizens: [String], manifest: String)
    /// A retention run: the citizens whose personal data was erased (ids), under which rule, how
    /// many lines of each log, the audit log's lines before which day, and the files removed.
    case retentionRun(by: String, citizens: [String], rule: String, eventLines: Int, auditLines: Int, auditBefore: String?, files: [String])
    /// A spot check of the audit record `entry` (its seq): work-related, or flagged for follow-up.
    case spotChecked(by: String, entry: Int, citizen: String?, verdict: SpotCheckVerdict, note: String?)

    public var kind: AuditKind {
        switch self {
        case .loginSucceeded: .loginSucceeded
        case .loginFailed: .loginFailed
        case .loginRefused: .loginRefused
        case .citizensListed, .listRefreshed: .citizensListed
        case .citizensSearched: .citizensSearched
        case .citizenViewed: .citizenViewed
        case .meetingsRead: .meetingsRead
        case .auditRead: .auditRead
        case .figuresRead: .figuresRead
        case .figuresExported: .figuresExported
        case .exported: .exported
        case .lookupRefused: .lookupRefused
        case .storeHead: .storeHead
        case .truncationAccepted: .truncationAccepted
        case .spotChecked: .spotChecked
        case .restored: .restored
        case .keyChanged: .keyChanged
        case .storeDamaged: .storeDamaged
        case .damageReleased: .damageReleased
        case .writeRefused: .writeRefused
        case .storeUpgraded: .storeUpgraded
        case .archived: .archived
        case .retentionRun: .retentionRun
        }
    }

    /// What goes on the record's line: its actor, its subject and its payload.
    public func line(terminal: String) -> (actor: String, subject: String, data: Fields) {
        var f = Fields()
        switch self {
        case let .loginSucceeded(user):
            f.set("terminal", terminal)
            return (Self.loginActor(user), Streams.user(user), f)
        case let .loginFailed(user, detail), let .loginRefused(user, detail):
            f.set("terminal", terminal); f.set("detail", detail)
            return (Self.loginActor(user), Streams.user(user), f)
        case let .citizensListed(by, count):
            f.set("what", "list"); f.set("count", count); f.set("terminal", terminal)
            return (by, "-", f)
        case let .listRefreshed(by, added, count):
            f.set("what", "list-refresh"); f.set("added", added); f.set("count", count); f.set("terminal", terminal)
            return (by, "-", f)
        case let .citizensSearched(by, query, count):
            f.set("what", "search"); f.set("query", query); f.set("count", count); f.set("terminal", terminal)
            return (by, "-", f)
        case let .citizenViewed(by, citizen, purpose, reason):
            f.set("what", purpose); f.set("terminal", terminal); f.set("reason", reason)
            return (by, citizen, f)
        case let .meetingsRead(by, count, user, room):
            f.set("what", "meetings"); f.set("count", count); f.set("terminal", terminal); f.set("user", user); f.set("room", room)
            return (by, "-", f)
        case let .auditRead(by, citizen):
            f.set("what", "audit"); f.set("terminal", terminal)
            return (by, citizen ?? "-", f)
        case let .figuresRead(by, section, rows), let .figuresExported(by, section, rows):
            f.set("what", section); f.set("rows", rows); f.set("terminal", terminal)
            return (by, "-", f)
        case let .exported(by, kind, citizen, reason):
            f.set("what", kind.rawValue); f.set("terminal", terminal); f.set("reason", reason)
            return (by, citizen ?? "-", f)
        case let .lookupRefused(by, citizen, why):
            f.set("what", "refused"); f.set("detail", why); f.set("terminal", terminal)
            return (by, citizen, f)
        case let .storeHead(user, eventsSeq, eventsHash, auditSeq, auditHash):
            f.set("terminal", terminal); f.set("eventsSeq", eventsSeq); f.set("eventsHash", eventsHash)
            f.set("auditSeq", auditSeq); f.set("auditHash", auditHash)
            return (user, "-", f)
        case let .truncationAccepted(by, file, expectedSeq, expectedHash, foundSeq, reason):
            f.set("terminal", terminal); f.set("file", file); f.set("expectedSeq", expectedSeq); f.set("expectedHash", expectedHash)
            f.set("foundSeq", foundSeq); f.set("reason", reason)
            return (by, "-", f)
        case let .restored(by, source, eventsSeq, eventsHash, auditSeq, auditHash):
            f.set("terminal", terminal); f.set("source", source); f.set("eventsSeq", eventsSeq); f.set("eventsHash", eventsHash)
            f.set("auditSeq", auditSeq); f.set("auditHash", auditHash)
            return (by, "-", f)
        case let .keyChanged(by, user, fingerprint, added, headless):
            f.set("what", added ? "key-added" : "key-removed"); f.set("fingerprint", fingerprint); f.set("kiosk", user == nil)
            if headless { f.set("headless", true) }
            f.set("terminal", terminal)
            return (by, user.map(Streams.user) ?? "-", f)
        case let .storeDamaged(finder, findings):
            f.set("what", "damaged"); f.set("finder", finder); f.set("findings", findings)
            return ("-", "-", f)
        case let .damageReleased(by, reason, findings, movedAside):
            f.set("what", "released"); f.set("reason", reason); f.set("findings", findings)
            f.set("movedAside", movedAside); f.set("terminal", terminal)
            return (by, "-", f)
        case let .writeRefused(by, subject, why):
            f.set("what", "refused-write"); f.set("detail", why); f.set("terminal", terminal)
            return (by, subject, f)
        case let .storeUpgraded(by, converted, oldEventsSeq, oldEventsHash, oldAuditSeq, oldAuditHash, eventsHash, auditHash):
            f.set("terminal", terminal); f.set("converted", converted)
            f.set("oldEventsSeq", oldEventsSeq); f.set("oldEventsHash", oldEventsHash); f.set("oldAuditSeq", oldAuditSeq); f.set("oldAuditHash", oldAuditHash)
            f.set("eventsSeq", oldEventsSeq); f.set("eventsHash", eventsHash); f.set("auditHash", auditHash)
            return (by, "-", f)
        case let .archived(by, destination, citizens, manifest):
            f.set("terminal", terminal); f.set("destination", destination); f.set("citizens", citizens); f.set("manifest", manifest)
            return (by, "-", f)
        case let .retentionRun(by, citizens, rule, eventLines, auditLines, auditBefore, files):
            f.set("terminal", terminal); f.set("citizens", citizens); f.set("rule", rule); f.set("eventLines", eventLines)
            f.set("auditLines", auditLines); f.set("auditBefore", auditBefore); f.set("files", files)
            return (by, "-", f)
        case let .spotChecked(by, entry, citizen, verdict, note):
            f.set("what", "spot-check"); f.set("entry", entry); f.set("verdict", verdict); f.set("note", note); f.set("terminal", terminal)
            return (by, citizen ?? "-", f)
        }
    }

    /// A login by an empty user id is recorded as "-".
    private static func loginActor(_ user: String) -> String { user.isEmpty ? "-" : user }
}
