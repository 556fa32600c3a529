import COpenSSL

/// SHA-256 of the log's hash chain, through libcrypto.
public enum Digest {
    /// The digest of `bytes` as 64 lowercase hex characters, written into `out` (64 bytes).
    @inline(__always)
    public static func sha256Hex(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { raw in
            enplan_sha256(bytes.baseAddress, bytes.count, raw.baseAddress!)
            for i in 0..<32 {
                out[2 * i] = Hex.digit(raw[i] >> 4)
                out[2 * i + 1] = Hex.digit(raw[i] & 15)
            }
        }
    }

    public static func sha256Hex(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: 64) { out in
            sha256Hex(bytes, into: out.baseAddress!)
            return 64
        }
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { sha256Hex($0) }
    }
}

public enum Hex {
    @inline(__always)
    static func digit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }

}

/// XXH64 (Yann Collet's xxHash, 64-bit, seed 0): a checksum, not a cryptographic hash, about ten
/// times SHA-256's speed here. The snapshot is a cache checked against accidents (a write cut
/// short, a changed byte); anyone who could forge it could recompute any digest stored beside
/// it, so SHA-256 bought nothing there but time, in proportion to the history.
public enum XXH64 {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9, p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
    @inline(__always) private static func round(_ acc: UInt64, _ lane: UInt64) -> UInt64 { rotl(acc &+ lane &* p2, 31) &* p1 }
    @inline(__always) private static func merge(_ acc: UInt64, _ v: UInt64) -> UInt64 { (acc ^ round(0, v)) &* p1 &+ p4 }

    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return avalanche(p5) }
        @inline(__always) func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        @inline(__always) func u32(_ at: Int) -> UInt64 { UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        var i = 0, h: UInt64
        if n >= 32 {
            var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1
            while i + 32 <= n {
                v1 = round(v1, u64(i)); v2 = round(v2, u64(i + 8)); v3 = round(v3, u64(i + 16)); v4 = round(v4, u64(i + 24))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(h, v1); h = merge(h, v2); h = merge(h, v3); h = merge(h, v4)
        } else {
            h = p5
        }
        h = h &+ UInt64(n)
        while i + 8 <= n { h = rotl(h ^ round(0, u64(i)), 27) &* p1 &+ p4; i += 8 }
        if i + 4 <= n { h = rotl(h ^ (u32(i) &* p1), 23) &* p2 &+ p3; i += 4 }
        while i < n { h = rotl(h ^ (UInt64(base.load(fromByteOffset: i, as: UInt8.self)) &* p5), 11) &* p1; i += 1 }
        return avalanche(h)
    }

    @inline(__always) private static func avalanche(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33; h = h &* p2; h ^= h >> 29; h = h &* p3; h ^= h >> 32
        return h
    }

    /// The checksum as 16 lowercase hex digits.
    public static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        let h = hash(bytes)
        return String(unsafeUninitializedCapacity: 16) { out in
            for k in 0..<16 { out[k] = Hex.digit(UInt8(truncatingIfNeeded: h >> UInt64(60 - 4 * k)) & 15) }
            return 16
        }
    }
}
