/// The commit a release binary was built from: `make release` (and `make install`) write it here
/// for the build and put this file back after (`scripts/build-info.sh`); a plain `swift build` is
/// a development build and says so.
enum BuildInfo {
    static let commit: String? = nil
}
