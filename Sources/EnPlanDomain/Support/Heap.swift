import Foundation
import Glibc

/// The C heap after a load: opening the store (the snapshot's decoder, the replay's read-ahead on a
/// second thread, the open behind the login form on a third) frees far more than it keeps, and
/// glibc keeps freed pages in each thread's arena. Giving them back makes them no longer count
/// as the session's private memory.
public enum Heap {
    private typealias Trim = @convention(c) (Int) -> Int32
    /// glibc's malloc_trim(0), found at run time (<malloc.h> is not in Glibc's module).
    private static let trim: Trim? = {
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(sym, to: Trim.self)
    }()

    /// Returns the heap's free pages to the system (every arena); a no-op where there is no malloc_trim.
    public static func giveBack() { _ = trim?(0) }
}
