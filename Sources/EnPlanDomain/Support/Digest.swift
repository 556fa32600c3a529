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
