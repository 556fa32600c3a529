/// The release: `enplan --version`, `enplan version`, the man page's footer. Raised by hand at a release.
enum Version {
    static let number = "0.13.0"
    static var line: String { "enplan \(number)" }
}
