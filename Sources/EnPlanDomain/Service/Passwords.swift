import CCrypt
import Glibc

/// Salted, slow password hashes: yescrypt through libxcrypt. Only the hash is stored.
public enum Passwords {
    public static func hash(_ password: String) throws -> String {
        var salt = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$y$", 0, nil, 0, &salt, Int32(salt.count)) != nil else {
            throw DomainError.invalid(.saltFailed(String(cString: strerror(errno))))
        }
        guard let h = crypt(password, salt: salt), h.hasPrefix("$y$") else {
            throw DomainError.invalid(.hashFailed)
        }
        return h
    }

    /// Compares in constant time (over the hash's length).
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard stored.hasPrefix("$"), let computed = crypt(password, salt: Array(stored.utf8CString)) else { return false }
        let a = Array(computed.utf8), b = Array(stored.utf8)
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    private static func crypt(_ password: String, salt: [CChar]) -> String? {
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer { data.initialize(to: crypt_data()); data.deallocate() }
        data.initialize(to: crypt_data())
        let out = password.withCString { p in crypt_rn(p, salt, data, Int32(MemoryLayout<crypt_data>.size)) }
        guard let out else { return nil }
        let s = String(cString: out)
        return s.hasPrefix("*") ? nil : s
    }

    /// A hash to check against when the user does not exist, so that costs the same time.
    static let timingDecoy: String = (try? hash("no such user")) ?? "$y$j9T$AAAAAAAAAAAAAAAAAAAAA.$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

    /// A password must be at least 4 characters (demo users use `demo`).
    public static func check(_ password: String) throws {
        guard password.count >= 4 else { throw DomainError.invalid(.passwordTooShort(minimum: 4)) }
    }
}
