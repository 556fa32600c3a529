import Glibc

/// The complete lines of a file between two offsets, read a chunk at a time into one buffer that
/// is kept: what follows a chunk's last newline moves to the front for the next read, so reading
/// copies nothing but that fragment. The replay (`ChunkReader`) and `LogFile.scan` read through it.
final class LineBuffer {
    private let fd: Int32
    private let path: String
    private let end: Int
    /// The file offset of the next byte to read.
    private var position: Int
    private let chunkBytes: Int
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    /// Bytes at the front of `storage` carried over from the last read: a line not ended yet.
    private(set) var fragment = 0
    private var stopped = false

    init(fd: Int32, path: String, from: Int, to: Int, chunkBytes: Int) {
        self.fd = fd; self.path = path; position = from; end = to; self.chunkBytes = chunkBytes
        capacity = max(chunkBytes, 1 << 12)
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Reads on until at least one complete line is in the buffer, and hands each complete line
    /// (without its newline) to `each` with the file offset just after its newline. `each` returns
    /// false to stop: nothing more is read after that line. Returns false when no complete line
    /// was left to hand (the end, or only a fragment without newline, or stopped before).
    func read(_ each: (UnsafeRawBufferPointer, _ lineEnd: Int) -> Bool) throws -> Bool {
        while !stopped {
            let want = min(chunkBytes, end - position)
            guard want > 0 else { return false }
            if fragment + want > capacity { grow(to: fragment + want) }
            var got = 0
            while got < want {
                let n = pread(fd, storage + fragment + got, want - got, off_t(position + got))
                if n < 0 && errno == EINTR { continue }
                if n < 0 { throw StoreError.io("cannot read \(path): \(Sys.errorText)") }
                if n == 0 { break }
                got += n
            }
            guard got > 0 else { return false }   // the file is shorter than it was
            let fileOffsetOfBuffer = position - fragment
            position += got
            let count = fragment + got
            var start = 0, lines = 0
            while start < count, let nl = memchr(storage + start, 0x0A, count - start) {
                let lineEnd = storage.distance(to: nl)
                lines += 1
                let goOn = each(UnsafeRawBufferPointer(start: storage + start, count: lineEnd - start), fileOffsetOfBuffer + lineEnd + 1)
                start = lineEnd + 1
                if !goOn { stopped = true; break }
            }
            fragment = count - start
            if fragment > 0 && start > 0 { memmove(storage, storage + start, fragment) }
            if lines > 0 { return true }
            // A line longer than a chunk: read on behind what is kept.
        }
        return false
    }

    private func grow(to needed: Int) {
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: max(needed, capacity * 2), alignment: 16)
        bigger.copyMemory(from: storage, byteCount: fragment)
        storage.deallocate()
        storage = bigger
        capacity = max(needed, capacity * 2)
    }
}
