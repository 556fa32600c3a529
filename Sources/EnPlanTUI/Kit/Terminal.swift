/// Where screens are shown and keys come from: ncurses in the real program, memory in tests.
public protocol Terminal: AnyObject {
    var size: (rows: Int, cols: Int) { get }
    /// Shows the canvas and puts the cursor where it says.
    func present(_ canvas: Canvas)
    /// The next key, or nil when `timeoutMs` passed without one.
    func readKey(timeoutMs: Int) -> Key?
    /// Clears the screen (and, where the terminal keeps one, its scrollback): nothing personal
    /// may stay visible on a shared terminal after a lock or exit.
    func wipe()
    /// Applies a theme (colours for roles).
    func apply(_ theme: Theme)
}

/// A terminal in memory, for tests: keys are queued, the last canvas is kept.
public final class MemoryTerminal: Terminal {
    public var size: (rows: Int, cols: Int)
    public private(set) var shown = Canvas(rows: 0, cols: 0)
    public private(set) var wipes = 0
    public private(set) var theme: Theme?
    public var keys: [Key] = []

    public init(rows: Int = 30, cols: Int = 100) { size = (rows, cols) }

    public func present(_ canvas: Canvas) { shown = canvas }
    public func readKey(timeoutMs: Int) -> Key? { keys.isEmpty ? nil : keys.removeFirst() }
    public func wipe() { wipes += 1; shown = Canvas(rows: size.rows, cols: size.cols) }
    public func apply(_ theme: Theme) { self.theme = theme }
}
