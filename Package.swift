// swift-tools-version:6.0
import PackageDescription

// EnPlan takes no Swift packages: Foundation, XCTest and system C libraries only.
let package = Package(
    name: "EnPlan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "enplan", targets: ["enplan"]),
        .library(name: "EnPlanDomain", targets: ["EnPlanDomain"]),
    ],
    targets: [
        // libcrypto's SHA-256 (hash chain of the log): ~1.1 GB/s here against ~150 MB/s in plain Swift.
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", providers: [.apt(["libssl-dev"])]),
        // libxcrypt: yescrypt password hashes.
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt", providers: [.apt(["libcrypt-dev"])]),
        // libpwquality: the password policy (length, dictionary, repetition), as PAM's pam_pwquality uses it.
        .systemLibrary(name: "CPWQuality", path: "Sources/CPWQuality", providers: [.apt(["libpwquality-dev", "cracklib-runtime"])]),
        // The wide-character ncurses (never the narrow one).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses", providers: [.apt(["libncurses-dev"])]),
        // libpq: PostgreSQL as the second store backend (`--store postgresql://…`); the files stay the default.
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", providers: [.apt(["libpq-dev"])]),
        .target(name: "EnPlanDomain", dependencies: ["COpenSSL", "CCrypt", "CPWQuality", "CLibPQ"]),
        // Screens, widgets, key table, themes, strings; renders through the `Terminal` protocol.
        // Danish order through the toolchain's ICU (Foundation's own copy): linked by name.
        .target(name: "EnPlanTUI", dependencies: ["EnPlanDomain", "CNcurses"], linkerSettings: [.linkedLibrary("_FoundationICU")]),
        .executableTarget(name: "enplan", dependencies: ["EnPlanDomain", "EnPlanTUI"]),
        .executableTarget(name: "enplan-bench", dependencies: ["EnPlanDomain", "EnPlanTUI"]),
        // Golden files are read by path (#filePath), not bundled.
        // Fixtures, JSON helpers, line-diff assertions and the given/when/then helper for `Decide`.
        .target(name: "TestSupport", dependencies: ["EnPlanDomain", "EnPlanTUI"], path: "Tests/TestSupport"),
        .testTarget(name: "EnPlanDomainTests", dependencies: ["EnPlanDomain", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "EnPlanTUITests", dependencies: ["EnPlanTUI", "EnPlanDomain", "TestSupport"]),
        .testTarget(name: "EnPlanCLITests", dependencies: ["enplan", "EnPlanDomain", "TestSupport"]),
    ]
)
