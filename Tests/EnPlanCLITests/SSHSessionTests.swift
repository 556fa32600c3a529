@testable import enplan
import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain

/// `enplan key` and `enplan ssh-session` without sshd: SSH_ORIGINAL_COMMAND and SSH_CLIENT set by the test.
final class SSHSessionTests: XCTestCase {
    /// A demo store, the authorized_keys file beside it, and two keys made with ssh-keygen's format.
    private func prepared() throws -> (DataDirectory, String) {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "12", "--seed", "3").status, 0)
        return (d, d.path + "/authorized_keys")
    }

    /// An ed25519 public key line (random bytes: fingerprints need no real curve point).
    static func publicKey(_ comment: String) -> String {
        var blob: [UInt8] = [0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 32]
        blob += (0..<32).map { _ in UInt8.random(in: 0...255) }
        return "ssh-ed25519 \(Data(blob).base64EncodedString()) \(comment)\n"
    }

    private func session(_ d: DataDirectory, _ command: String, user: String? = "mette", key: String = "SHA256:test",
                         headless: Bool = true) throws -> Binary.Result {
        let who = (user.map { ["--user", $0] } ?? ["--kiosk"]) + (headless ? ["--headless"] : [])
        return try Binary.run(["--data-dir", d.path, "ssh-session"] + who + ["--key", key],
                              env: ["SSH_ORIGINAL_COMMAND": command, "SSH_CLIENT": "192.0.2.7 50000 22"], timeout: 60)
    }

    func testSplitIsAShellsWordsWithoutAShell() throws {
        XCTAssertEqual(try SSHSession.split(#"citizen show --citizen c2 --reason "tjek af 'sag'" a\ b ''"#),
                       ["citizen", "show", "--citizen", "c2", "--reason", "tjek af 'sag'", "a b", ""])
        XCTAssertEqual(try SSHSession.split("citizens; rm -rf /"), ["citizens;", "rm", "-rf", "/"])
        XCTAssertEqual(try SSHSession.split("  "), [])
        XCTAssertThrowsError(try SSHSession.split("citizens 'open"))
    }

    func testKeyAddWritesTheForcedCommandAndListAndRemove() throws {
        let (d, file) = try prepared()
        let mette = d.path + "/mette.pub", kiosk = d.path + "/kiosk.pub"
        try Self.publicKey("mette@pc").write(toFile: mette, atomically: true, encoding: .utf8)
        try Self.publicKey("kontor").write(toFile: kiosk, atomically: true, encoding: .utf8)
        try "ssh-rsa AAAAB3NzaC1yc2E= someone-else\n".write(toFile: file, atomically: true, encoding: .utf8)

        let add = try d.run("key", "add", "--as", "admin", "--user", "mette", "--authorized-keys", file, mette)
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertEqual(try d.run("key", "add", "--as", "admin", "--kiosk", "--authorized-keys", file, kiosk).status, 0)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], "ssh-rsa AAAAB3NzaC1yc2E= someone-else", "other lines are kept")
        let fingerprint = String(add.stdout.split(separator: " ")[0])
        XCTAssertTrue(fingerprint.hasPrefix("SHA256:"))
        XCTAssertTrue(lines[1].hasPrefix("command=\"\(Binary.url.resolvingSymlinksInPath().path) --data-dir \(d.path) ssh-session --user mette --key \(fingerprint)\",restrict,pty ssh-ed25519 "), lines[1])
        XCTAssertTrue(lines[2].contains("ssh-session --kiosk --key SHA256:"), lines[2])
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as! Int
        XCTAssertEqual(mode, 0o600)

        let list = try d.run("key", "list", "--as", "admin", "--authorized-keys", file, "--json")
        let keys = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(keys.map { $0["user"] as! String }, ["mette", "kiosk"])
        XCTAssertEqual(keys[0]["fingerprint"] as? String, fingerprint)

        // Refusals: one line, nothing written.
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let refused: [([String], Int32, String)] = [
            (["key", "add", "--as", "mette", "--user", "mette", "--authorized-keys", file, kiosk], 1, "enplan: only an administrator manages SSH keys"),
            (["key", "add", "--as", "admin", "--user", "mette", "--authorized-keys", file, mette], 2, "enplan: key add: the key \(fingerprint) is mette's already (enplan key remove first)"),
            (["key", "add", "--as", "admin", "--user", "nobody", "--authorized-keys", file, d.path + "/x.pub"], 2, "enplan: key add: cannot read \(d.path)/x.pub"),
            (["key", "add", "--as", "admin", "--authorized-keys", file, mette], 2, "enplan: key add: give either --user ID or --kiosk"),
            (["key", "add", "--as", "admin", "--user", "mette", "--authorized-keys", file, d.events], 2, "enplan: key add: not an SSH public key (expected `ssh-ed25519 AAAA… comment`, one line, the .pub file)"),
            (["key", "remove", "--as", "admin", "--fingerprint", "SHA256:none", "--authorized-keys", file], 2, "enplan: key remove: no such key in \(file) (enplan key list shows them)"),
        ]
        for (args, status, line) in refused {
            let r = try d.run(args)
            XCTAssertEqual(r.status, status, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr, line + "\n", "\(args)")
        }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), before)

        let remove = try d.run("key", "remove", "--as", "admin", "--user", "mette", "--authorized-keys", file)
        XCTAssertEqual(remove.status, 0, remove.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count, 2)
        // Each change is in the audit log: who, whose key, which.
        let audit = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(audit.contains(#""actor":"admin","type":"KeyChanged","stream":"user:mette""#), audit)
        XCTAssertTrue(audit.contains(#""what":"key-added","fingerprint":"\#(fingerprint)","kiosk":false"#), audit)
        XCTAssertTrue(audit.contains(#""what":"key-removed","fingerprint":"\#(fingerprint)""#), audit)
    }

    /// A headless command runs as the key's user; --as someone else, --data-dir, the service
    /// account's commands and a kiosk's commands are refused; the audit log names key and address.
    func testAHeadlessCommandRunsAsTheKeysUserOnly() throws {
        let (d, _) = try prepared()
        let mine = try session(d, "citizens --json")
        XCTAssertEqual(mine.status, 0, mine.stderr)
        XCTAssertEqual(mine.stdout, try d.run("citizens", "--as", "mette", "--json").stdout, "as mette")
        XCTAssertEqual(try session(d, "enplan citizens --as mette --json").stdout, mine.stdout, "a leading enplan and her own --as are fine")
        let audit = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(audit.contains(#""terminal":"ssh:SHA256:test@192.0.2.7""#), audit)

        let before = try String(contentsOfFile: d.events, encoding: .utf8)
        let refused: [(String, String?, Int32, String)] = [
            ("citizens --as karen", "mette", 1, "enplan: --as karen: this SSH key is mette's, so --as may name only mette"),
            ("citizens --as=karen", "mette", 1, "enplan: --as karen: this SSH key is mette's, so --as may name only mette"),
            ("--data-dir /tmp citizens", "mette", 2, "enplan: ssh-session: --data-dir cannot be given over SSH (the key names the data directory)"),
            ("citizens --data-dir=/tmp", "mette", 2, "enplan: ssh-session: --data-dir cannot be given over SSH (the key names the data directory)"),
            ("--demo citizens", "mette", 2, "enplan: ssh-session: --demo cannot be given over SSH (the key names the data directory)"),
            ("key list", "admin", 1, "enplan: key list is run by the service account on the server, not over SSH"),
            ("backup /tmp/x", "admin", 1, "enplan: backup is run by the service account on the server, not over SSH"),
            ("audit", "mette", 1, "enplan: only supervisors and administrators read the audit log"),
            ("template import \(d.events)", "karen", 1, "enplan: template import reads FILE.json on the server: not over SSH (the service account runs it)"),
            ("citizens", nil, 1, "enplan: a kiosk key opens the login screen only; log in there"),
            ("citizens", "nobody", 1, "enplan: nobody is not an active user of this store"),
            ("citizens 'open", "mette", 2, "enplan: ssh-session: the command has an unterminated quote or a trailing backslash"),
            ("", "mette", 2, "enplan: ssh-session: no terminal for the full-screen interface (ssh -t, or give a command: ssh HOST citizens)"),
            ("bogus", "mette", 2, "enplan: unknown command \"bogus\" (enplan --help lists them)"),
        ]
        for (command, user, status, line) in refused {
            let r = try session(d, command, user: user)
            XCTAssertEqual(r.status, status, "\(command): \(r.stderr)")
            XCTAssertEqual(r.stderr, line + "\n", command)
            XCTAssertEqual(r.stdout, "", command)
        }
        XCTAssertEqual(try String(contentsOfFile: d.events, encoding: .utf8), before, "nothing written")
        let karen = try session(d, "audit --json", user: "karen")
        XCTAssertEqual(karen.status, 0, "a supervisor's key may read the audit log: \(karen.stderr)")
        let help = try session(d, "help citizens")
        XCTAssertTrue(help.stdout.hasPrefix("Usage: enplan citizens"), help.stdout)
    }

    /// An export made on the screen is fetched over SSH by the code the screen showed: with the
    /// person's ordinary key (the key and the code are the two factors), once, by them only.
    func testTheOutboxIsFetchedByItsCodeWithThePersonsOwnKey() throws {
        let (d, _) = try prepared()
        // Made on the binary's day (the pinned clock), not the day the suite runs: it expires after 7 days.
        let item = try Outbox(dataDirectory: d.path, user: "mette", clock: try XCTUnwrap(ProgramClock.clock(d.clock)))
            .put(name: "enplan-plan-c1-2026-12-09.txt", text: "Din plan: Søren\n")
        let code = Outbox.shown(item.code)
        let karens = try session(d, "outbox get \(code)", user: "karen", headless: false)
        XCTAssertEqual(karens.status, 2, "another person's code finds nothing: \(karens.stderr)")
        XCTAssertTrue(karens.stderr.hasPrefix("enplan: no export \(code) in your outbox"), karens.stderr)
        let got = try session(d, "outbox get \(code.lowercased())", headless: false)
        XCTAssertEqual(got.status, 0, got.stderr)
        XCTAssertEqual(got.stdout, "Din plan: Søren\n")
        XCTAssertEqual(try session(d, "outbox get \(code)", headless: false).status, 2, "fetched once")
        XCTAssertEqual(try session(d, "outbox list", headless: false).status, 1, "the list needs a headless key")
        let audit = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(audit.contains(#""what":"outbox-fetched""#) && audit.contains("enplan-plan-c1-2026-12-09.txt"), audit)
    }

    /// Two factors: an ordinary key opens the login form only; headless commands, a password change
    /// among them, are refused for it, and nothing is read or written.
    func testAnOrdinaryKeyAloneRunsNoHeadlessCommand() throws {
        let (d, _) = try prepared()
        let before = try String(contentsOfFile: d.events, encoding: .utf8)
        for command in ["citizens --json", "citizen add --cpr 0101901234 --name X", "user passwd", "audit --json"] {
            let r = try session(d, command, user: command.hasPrefix("audit") ? "karen" : "mette", headless: false)
            XCTAssertEqual(r.status, 1, "\(command): \(r.stderr)")
            XCTAssertEqual(r.stderr, "enplan: this SSH key opens the full-screen interface, where you log in with your password (ssh -t); "
                           + "headless commands over SSH need a key an administrator allowed for them (enplan key add --headless)\n", command)
            XCTAssertEqual(r.stdout, "", command)
        }
        XCTAssertEqual(try String(contentsOfFile: d.events, encoding: .utf8), before, "nothing written")
        XCTAssertTrue(try session(d, "version", headless: false).stdout.hasPrefix("enplan "), "version takes any key")
        // A headless key changes a password only with the current one.
        XCTAssertEqual(try Binary.run(["--data-dir", d.path, "ssh-session", "--user", "mette", "--key", "SHA256:test", "--headless"],
                                      stdin: "forkert\nny-adgangskode\n",
                                      env: ["SSH_ORIGINAL_COMMAND": "user passwd", "SSH_CLIENT": "192.0.2.7 50000 22"]).status, 2)
        // key add --headless marks the key, key list says so, and the audit log has it.
        let file = d.path + "/authorized_keys", pub = d.path + "/script.pub"
        try Self.publicKey("mette-script").write(toFile: pub, atomically: true, encoding: .utf8)
        XCTAssertEqual(try d.run("key", "add", "--as", "admin", "--user", "mette", "--headless", "--authorized-keys", file, pub).status, 0)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("ssh-session --user mette --headless --key SHA256:"))
        let keys = try JSONSerialization.jsonObject(with: Data(try d.run("key", "list", "--as", "admin", "--authorized-keys", file, "--json").stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(keys.first?["headless"] as? Bool, true)
        XCTAssertTrue(try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8).contains(#""kiosk":false,"headless":true"#))
        XCTAssertEqual(try d.run("key", "add", "--as", "admin", "--kiosk", "--headless", "--authorized-keys", file, pub).status, 2)
    }
}
