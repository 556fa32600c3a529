import Glibc

/// A read-only mapping of a snapshot file, unmapped when the last table or index using it goes
/// (`CitizenTable`'s records and `LineIndex`'s raw block of offsets are read in place from it).
/// The mapping keeps the file it was made from even when a newer snapshot is renamed over it.
final class SnapshotMapping: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let size: Int
    /// Where the raw block of 8-byte line offsets starts in the file (`LineIndex`).
    var block = 0
    init(base: UnsafeMutableRawPointer, size: Int) { self.base = base; self.size = size }
    deinit { munmap(base, size) }

    @inline(__always) func offset(_ i: Int) -> Int { base.loadUnaligned(fromByteOffset: block + i * 8, as: Int.self) }
}
