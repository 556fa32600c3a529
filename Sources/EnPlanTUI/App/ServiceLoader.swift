import EnPlanDomain
import Foundation

/// The store opened behind the login screen: the program draws the login form at once and opens
/// the store (snapshot + tail, or a full replay) on a thread of its own while the user types.
///
/// - `open` runs once, on its own thread; its service is handed over under a lock, and from then
///   on only the App's thread uses it (the loader never touches it again).
/// - Whatever needs the store waits for it (`wait`): the App asks only after Enter, when it has
///   drawn "Indlæser …"; a failure to open is handed to the App, which ends and reports it.
/// - Then, on the same thread, the list's name keys are computed for every citizen (`NameKeys`),
///   which the loader hands to the first list after Enter (`takeNameKeys`), once.
/// - `notices` are what opening found for the user (a repaired tail, a damaged line): the App
///   shows them as soon as the store is there.
public final class ServiceLoader: @unchecked Sendable {
    public struct Loaded {
        public var service: CaseService
        public var notices: [String]
        /// Every citizen's name, read before the service is handed over: their list keys are
        /// computed behind the form (`NameKeys`).
        public var names: [String]
        /// The same as `notices`, for the screens to word: how many torn writes were moved aside,
        /// and why the store is read-only.
        public var repaired: Int
        public var readOnly: StoreError?
        public init(service: CaseService, notices: [String] = [], names: [String] = [], repaired: Int = 0, readOnly: StoreError? = nil) {
            self.service = service; self.notices = notices; self.names = names; self.repaired = repaired; self.readOnly = readOnly
        }
    }

    /// The terminal's name for the title bar before the store is there.
    public let terminal: String
    private let condition = NSCondition()
    private var result: Result<Loaded, any Error>?
    /// The names' keys, once computed (`warming` until then), until they are taken.
    private var nameKeys: NameKeys?
    private var warming = false

    /// Opens on a thread of its own (a deep stack: the snapshot's decoder and the replay run there).
    public init(terminal: String, open: @escaping @Sendable () throws -> Loaded) {
        self.terminal = terminal
        let thread = Thread { [self] in
            Thread.current.name = "enplan-open"   // its name in /proc (a benchmark watches for it)
            let r = Result { try open() }
            // The names are gathered before the service is handed over (after it, only the App's
            // thread reads the state); folding them then overlaps the user's typing.
            let names: [String]
            if case .success(let loaded) = r { names = loaded.names } else { names = [] }
            condition.lock()
            result = r
            warming = true
            condition.broadcast()
            condition.unlock()
            let keys = NameKeys.warm(names)
            condition.lock()
            nameKeys = keys
            warming = false
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// A service already open (tests, the benchmark, a store opened before the screen), with its
    /// names' keys if they were computed already.
    public init(ready loaded: Loaded, nameKeys: NameKeys? = nil) {
        terminal = loaded.service.terminal
        result = .success(loaded)
        self.nameKeys = nameKeys
    }

    /// The names' keys computed after opening, waiting for them if they are being computed (sooner
    /// than computing them again); nil when there are none or they were taken.
    public func takeNameKeys() -> NameKeys? {
        condition.lock(); defer { condition.unlock() }
        while warming || (result == nil && nameKeys == nil) { condition.wait() }
        defer { nameKeys = nil }
        return nameKeys
    }

    /// Whether `wait()` would return at once.
    public var isDone: Bool {
        condition.lock(); defer { condition.unlock() }
        return result != nil
    }

    /// The opened store, waiting for it if need be; rethrows what opening threw.
    public func wait() throws -> Loaded {
        condition.lock(); defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try result!.get()
    }
}
