import CCrypt
import CPWQuality
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

    /// The shortest password taken, in characters (NIST SP 800-63B asks 8; personal data of this
    /// kind, 12: a sentence of a few words is welcome).
    public static let minimumLength = 12

    /// A new password: at least `minimumLength` characters, and libpwquality's checks with the
    /// host's `/etc/security/pwquality.conf` (the municipality's own policy): not a dictionary
    /// word (cracklib), not the user's name, not a palindrome, not only a few repeated characters.
    /// No composition rules of our own. (The demo's users are made with a hash, not through here.)
    public static func check(_ password: String, user: String? = nil) throws {
        guard password.count >= minimumLength else { throw DomainError.invalid(.passwordTooShort(minimum: minimumLength)) }
        guard let settings = pwquality_default_settings() else { throw DomainError.invalid(.weakPassword(.notChecked)) }
        defer { pwquality_free_settings(settings) }
        _ = pwquality_read_config(settings, nil, nil)   // no file: the library's defaults
        // The length is ours (in characters, not bytes); the library's own minimum is below it.
        _ = pwquality_set_int_value(settings, PWQ_SETTING_MIN_LENGTH, 6)
        var aux: UnsafeMutableRawPointer?
        let score = pwquality_check(settings, password, nil, user, &aux)
        guard score < 0 else { return }
        let problem: DomainError.PasswordProblem
        switch score {
        case PWQ_ERROR_CRACKLIB_CHECK:
            // cracklib's own words; a missing dictionary is a server's problem, not the password's.
            let detail = aux.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
            problem = detail.contains("dictionary") && detail.contains("error") ? .notChecked : .dictionaryWord
        case PWQ_ERROR_PALINDROME: problem = .palindrome
        case PWQ_ERROR_USER_CHECK, PWQ_ERROR_GECOS_CHECK: problem = .containsUserName
        case PWQ_ERROR_MAX_CONSECUTIVE, PWQ_ERROR_MAX_SEQUENCE, PWQ_ERROR_MAX_CLASS_REPEAT, PWQ_ERROR_MIN_CLASSES,
             PWQ_ERROR_MIN_DIGITS, PWQ_ERROR_MIN_UPPERS, PWQ_ERROR_MIN_LOWERS, PWQ_ERROR_MIN_OTHERS: problem = .tooSimple
        case PWQ_ERROR_BAD_WORDS: problem = .forbiddenWord
        default: problem = .tooSimple
        }
        throw DomainError.invalid(.weakPassword(problem))
    }
}
