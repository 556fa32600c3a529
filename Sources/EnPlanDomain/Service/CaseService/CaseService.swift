import Foundation

/// The domain's front door. Every command and query takes the acting user; access rules and the
/// audit trail are applied here, so no caller (TUI or headless) can go around them.
///
/// Invariants:
/// - Every query reads other terminals' changes first (`store.refresh()`), and every read of
///   personal data leaves an audit record (`record(_:)`, built from an `AuditEntry`).
/// - What a viewer is shown of a case has passed through `Access` (who sees which citizen, and
///   which sector's content); no query returns a piece of a case that `Access` did not clear.
/// - Commands change nothing but through `Decide` under the store's lock (`CaseService+Execute`).
///
/// The concerns, one file each: login (`+Login`), commands (`+Execute`), queries of citizens and
/// their cases (`+Queries`), calendars (`+Meetings`), the audit log (`+Audit`), the supervisors' figures (`+Figures`),
/// the staff and the store's counts (`+Staff`), commands given in part (`+Edits`).
///
/// `store` and `state` are for the program that owns the store (the executable's lifecycle
/// commands use `store`; the benchmark and tests `state` too): they are `@_spi(Store)`, so the
/// full-screen interface, which imports the domain plainly, cannot reach past the queries and
/// commands; the headless commands read through the queries as well (`SourceRulesTests`).
public final class CaseService {
    @_spi(Store) public let store: Store
    /// Which terminal this process serves (for the audit log): a tty, or "headless:host:pid".
    public let terminal: String
    /// The supervisors' figures already computed at the store's last seq (`CaseService+Figures`).
    let figureCache = FigureCache()

    public init(store: Store, terminal: String) {
        self.store = store
        self.terminal = terminal
        // What changes from now on, for the screens' rows (`pollChanges`).
        _ = store.readModel(ChangedStreams.self) { ChangedStreams() }
    }

    public var today: Day { store.clock.now().local.day }
    @_spi(Store) public var state: Projection { store.projection }

    /// The acting user: must exist and be active.
    public func user(_ id: String) throws -> User {
        guard let u = store.projection.user(id) else { throw DomainError.notFound(.user(id)) }
        guard u.active else { throw DomainError.forbidden(.deactivated(user: id)) }
        return u
    }
}
