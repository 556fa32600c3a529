/// The release: `enplan --version`, `enplan version`, the man page's footer. Raised by hand at a release.
enum Version {
    static let number = "0.14.0"
    /// With the commit a release was built from (`make release`), so two builds are told apart.
    static var line: String { "enplan \(number) (\(BuildInfo.commit.map { "commit \($0)" } ?? "a development build"))" }
}
