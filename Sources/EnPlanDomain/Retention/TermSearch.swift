import Foundation
import Glibc

/// Many short texts (names, CPR numbers) looked for in a large file in one pass: each term is
/// filed under its first three bytes, a 2-megabyte bitmap marks those prefixes, and the file is
/// read once with a rolling three-byte window; only where the bitmap says a term may begin are the
/// terms with that prefix compared. A retention run's search of the data directory for 1,000
/// people (3,000 terms) over a 750 MB log is one read of the log, not 3,000.
struct TermSearch {
    private var byPrefix: [UInt32: [[UInt8]]] = [:]
    private var bitmap = [UInt64](repeating: 0, count: (1 << 24) / 64)
    /// Terms under three bytes (searched for one by one: there are few, and they are rare here).
    private var short: [[UInt8]] = []

    init(_ terms: [String]) {
        for t in Set(terms) where !t.isEmpty {
            let b = Array(t.utf8)
            guard b.count >= 3 else { short.append(b); continue }
            let key = UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])
            byPrefix[key, default: []].append(b)
            bitmap[Int(key >> 6)] |= 1 << UInt64(key & 63)
        }
    }

    var isEmpty: Bool { byPrefix.isEmpty && short.isEmpty }

    /// Whether `bytes` holds any of the terms.
    func found(in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else { return false }
        let n = bytes.count
        for s in short where s.count <= n {
            var i = 0
            while i + s.count <= n {
                if base[i] == s[0], s.count == 1 || base[i + 1] == s[1] { return true }
                i += 1
            }
        }
        guard n >= 3, !byPrefix.isEmpty else { return false }
        var window = UInt32(base[0]) << 8 | UInt32(base[1])
        return bitmap.withUnsafeBufferPointer { bits in
            var i = 2
            while i < n {
                window = (window << 8 | UInt32(base[i])) & 0xFF_FFFF
                if bits[Int(window >> 6)] & (1 << UInt64(window & 63)) != 0, let candidates = byPrefix[window] {
                    let start = i - 2
                    for t in candidates where start + t.count <= n {
                        if memcmp(base + start, t, t.count) == 0 { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// Where the terms are in `bytes`, in order: each match's offset and length (at most `limit`).
    /// The slow side of `found`, for the few files it found something in.
    func matches(in bytes: UnsafeRawBufferPointer, limit: Int = 1000) -> [(offset: Int, length: Int)] {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else { return [] }
        let n = bytes.count
        var out: [(offset: Int, length: Int)] = []
        for s in short where s.count <= n {
            var i = 0
            while i + s.count <= n, out.count < limit {
                if base[i] == s[0], s.count == 1 || base[i + 1] == s[1] { out.append((i, s.count)) }
                i += 1
            }
        }
        if n >= 3, !byPrefix.isEmpty {
            var window = UInt32(base[0]) << 8 | UInt32(base[1])
            var i = 2
            while i < n, out.count < limit {
                window = (window << 8 | UInt32(base[i])) & 0xFF_FFFF
                if let candidates = byPrefix[window] {
                    let start = i - 2
                    for t in candidates where start + t.count <= n && memcmp(base + start, t, t.count) == 0 {
                        out.append((start, t.count))
                        break
                    }
                }
                i += 1
            }
        }
        return out.sorted { $0.offset < $1.offset }
    }

    /// Whether the file at `path` holds any of the terms (mapped, read once).
    func found(inFile path: String) -> Bool {
        Self.withMapped(path) { found(in: $0) } ?? false
    }

    /// The file's bytes, mapped, given to `body` (nothing for an empty or unreadable file).
    static func withMapped<T>(_ path: String, _ body: (UnsafeRawBufferPointer) -> T) -> T? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let size = Sys.fileSize(fd)
        guard size > 0, let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else { return nil }
        defer { munmap(map, size) }
        return body(UnsafeRawBufferPointer(start: map, count: size))
    }
}
