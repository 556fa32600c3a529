import Glibc

/// The system calls whose failures the store must survive, behind one seam so tests can make
/// fdatasync fail or the disk fill up without a real broken disk.
public struct FileIO: Sendable {
    public var write: @Sendable (Int32, UnsafeRawPointer, Int) -> Int
    public var fdatasync: @Sendable (Int32) -> Int32

    public static let system = FileIO(
        write: { fd, p, n in Glibc.write(fd, p, n) },
        fdatasync: { fd in Glibc.fdatasync(fd) }
    )

    public init(write: @escaping @Sendable (Int32, UnsafeRawPointer, Int) -> Int,
                fdatasync: @escaping @Sendable (Int32) -> Int32) {
        self.write = write; self.fdatasync = fdatasync
    }
}

enum Sys {
    static var errorText: String { String(cString: strerror(errno)) }

    /// fsync a directory so a newly created file's entry survives a crash.
    static func syncDirectory(_ path: String) {
        let d = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if d >= 0 { _ = fsync(d); close(d) }
    }

    /// Writes a whole file aside, fsyncs it, renames it into place and fsyncs the directory: after
    /// a crash the file is either whole or not there. `aside`: the suffix of the file written
    /// first (one of its own a process, where several processes may write the file at once).
    static func writeDurably(_ bytes: [UInt8], to path: String, aside: String = ".tmp") throws {
        let temp = path + aside
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io("cannot write \(temp): \(errorText)") }
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard n == bytes.count, synced, rename(temp, path) == 0 else {
            unlink(temp)
            throw StoreError.io("cannot write \(path): \(errorText)")
        }
        syncDirectory(String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]))
    }

    static func fileSize(_ fd: Int32) -> Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : -1
    }

    /// mkdir -p with mode 0700 for every directory it creates.
    static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw StoreError.io("cannot create the directory \(current): \(errorText)")
            }
        }
    }

    static func readAll(_ fd: Int32, from offset: Int, count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n <= 0 { return n == 0 ? Array(out[0..<done]) : nil }
            done += n
        }
        return out
    }
}

/// flock(2) on a lock file that stays open: shared to read, exclusive to append.
final class LockFile {
    private let fd: Int32

    init(path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io("cannot open the lock file \(path): \(Sys.errorText)") }
    }

    deinit { close(fd) }

    func withLock<T>(exclusive: Bool, _ body: () throws -> T) throws -> T {
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno != EINTR { throw StoreError.io("cannot lock the store: \(Sys.errorText)") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
