import Foundation
import Glibc
import XCTest
import TestSupport

/// Shared terminals through a real sshd (Debian's openssh-server), started by the test on a free
/// loopback port with its own configuration, host key and authorized_keys, for the OS user running
/// the tests as the service account. Skipped (never hung) when sshd is missing or cannot start.
final class SSHDTests: XCTestCase {
    private var sshd: Child?
    private var dir = ""

    override func tearDown() {
        if let sshd { sshd.send(SIGTERM); _ = try? sshd.finish(timeout: 10) }
        if !dir.isEmpty { try? FileManager.default.removeItem(atPath: dir) }
    }

    private static var me: String { String(cString: getpwuid(geteuid())!.pointee.pw_name) }

    private static func freePort() -> UInt16? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        return ok ? UInt16(bigEndian: addr.sin_port) : nil
    }

    /// Whether a TCP connection to the loopback port succeeds before the deadline.
    private static func accepts(_ port: UInt16, within seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            addr.sin_port = port.bigEndian
            let ok = withUnsafePointer(to: &addr) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(fd)
            if ok { return true }
            usleep(20_000)
        } while Date() < deadline
        return false
    }

    /// Starts sshd and waits (with a deadline) until it says it listens; nil port: skip.
    private func startSSHD() throws -> UInt16 {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"), onPath("ssh"), onPath("ssh-keygen") else {
            throw XCTSkip("no sshd or ssh (openssh-server, openssh-client)")
        }
        if geteuid() == 0 { mkdir("/run/sshd", 0o755) }   // sshd's privilege separation directory
        XCTAssertEqual(try Child.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir + "/host_key"], timeout: 30).status, 0)
        for _ in 0..<3 {
            guard let port = Self.freePort() else { continue }
            let config = """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(dir)/host_key
                PidFile \(dir)/sshd.pid
                AuthorizedKeysFile \(dir)/authorized_keys
                StrictModes no
                UsePAM no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                PermitRootLogin forced-commands-only
                AllowUsers \(Self.me)
                LogLevel INFO
                # The forced command runs on the tests' pinned day too, never on the day the suite runs.
                SetEnv ENPLAN_CLOCK=\(ProcessClock.start)

                """
            try config.write(toFile: dir + "/sshd_config", atomically: true, encoding: .utf8)
            let child = try Child.start(["sh", "-c", "exec /usr/sbin/sshd -D -e -f '\(dir)/sshd_config' 2>&1"])
            // sshd prints "Server listening on 127.0.0.1 port N." once it has bound; the port then accepts.
            if child.waitForLines(1, timeout: 15), Self.accepts(port, within: 15) {
                sshd = child
                return port
            }
            child.send(SIGKILL)
            let r = try child.finish(timeout: 10)
            if !r.stdout.contains("Address already in use") { throw XCTSkip("sshd did not start: \(r.stdout)") }
        }
        throw XCTSkip("no free loopback port for sshd")
    }

    private func ssh(_ port: UInt16, key: String, stdin: String? = nil, _ command: String...) throws -> Child.Result {
        try Child.run(["ssh", "-F", "/dev/null", "-p", "\(port)", "-i", key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                       "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10",
                       "-o", "LogLevel=ERROR", "--", "\(Self.me)@127.0.0.1"] + command, stdin: stdin, timeout: 60)
    }

    func testPeopleReachTheStoreThroughTheirOwnKeys() throws {
        let d = DataDirectory()
        dir = d.path + "-sshd"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        XCTAssertEqual(try d.run("demo", "--citizens", "12", "--seed", "3").status, 0)
        var fingerprints: [String: String] = [:]
        // mette's own key (the login form only), a script's key of hers allowed headless commands,
        // karen's headless key, and a kiosk's.
        for (name, who) in [("mette", ["--user", "mette"]), ("mette-script", ["--user", "mette", "--headless"]),
                            ("karen", ["--user", "karen", "--headless"]), ("kiosk", ["--kiosk"])] {
            XCTAssertEqual(try Child.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", "\(dir)/\(name)"], timeout: 30).status, 0)
            let add = try d.run(["key", "add", "--as", "admin"] + who + ["--authorized-keys", dir + "/authorized_keys", "\(dir)/\(name).pub"])
            XCTAssertEqual(add.status, 0, add.stderr)
            fingerprints[name] = String(add.stdout.split(separator: " ")[0])
        }
        let port = try startSSHD()
        let probe = try ssh(port, key: dir + "/mette", "version")
        if probe.status == 255 { throw XCTSkip("sshd refused the login (\(probe.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))") }
        XCTAssertEqual(probe.status, 0, probe.stderr)
        XCTAssertTrue(probe.stdout.hasPrefix("enplan "), probe.stdout)

        // Two factors: mette's key alone runs no headless command, a password change included.
        let keyAlone = try ssh(port, key: dir + "/mette", "citizens", "--json")
        XCTAssertEqual(keyAlone.status, 1, keyAlone.stderr)
        XCTAssertTrue(keyAlone.stderr.contains("headless commands over SSH need a key an administrator allowed"), keyAlone.stderr)
        XCTAssertEqual(keyAlone.stdout, "")
        let passwd = try ssh(port, key: dir + "/mette", stdin: "ny-adgangskode\n", "user", "passwd")
        XCTAssertEqual(passwd.status, 1, passwd.stderr)

        // Each person sees what their role allows, as themselves.
        let mette = try ssh(port, key: dir + "/mette-script", "citizens", "--json")
        XCTAssertEqual(mette.status, 0, mette.stderr)
        XCTAssertEqual(mette.stdout, try d.run("citizens", "--as", "mette", "--json").stdout)
        let karen = try ssh(port, key: dir + "/karen", "citizens", "--json")
        XCTAssertEqual(karen.stdout, try d.run("citizens", "--as", "karen", "--json").stdout)
        XCTAssertNotEqual(karen.stdout, mette.stdout, "a supervisor sees all, a caseworker hers")
        XCTAssertEqual(try ssh(port, key: dir + "/karen", "audit", "--json").status, 0)
        // --as someone else, a command outside the role, the service account's commands, a kiosk's command.
        let asKaren = try ssh(port, key: dir + "/mette-script", "citizens", "--as", "karen")
        XCTAssertEqual(asKaren.status, 1)
        XCTAssertEqual(asKaren.stderr, "enplan: --as karen: this SSH key is mette's, so --as may name only mette\n")
        let audit = try ssh(port, key: dir + "/mette-script", "audit")
        XCTAssertEqual(audit.status, 1)
        XCTAssertEqual(audit.stderr, "enplan: only supervisors and administrators read the audit log\n")
        XCTAssertEqual(try ssh(port, key: dir + "/mette-script", "--data-dir", "/tmp", "citizens").status, 2)
        XCTAssertEqual(try ssh(port, key: dir + "/karen", "key", "list").status, 1)
        let shell = try ssh(port, key: dir + "/mette", "cat", d.events)
        XCTAssertEqual(shell.status, 2, "no shell: cat is no enplan command: \(shell.stderr)")
        XCTAssertEqual(shell.stdout, "")
        let kiosk = try ssh(port, key: dir + "/kiosk", "citizens")
        XCTAssertEqual(kiosk.status, 1)
        XCTAssertEqual(kiosk.stderr, "enplan: a kiosk key opens the login screen only; log in there\n")

        // The audit log names the key and the address.
        let log = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(log.contains("\"terminal\":\"ssh:\(fingerprints["mette-script"]!)@127.0.0.1"), log)
        XCTAssertTrue(log.contains("\"terminal\":\"ssh:\(fingerprints["karen"]!)@127.0.0.1"), log)

        // Another OS user cannot read the data files.
        if geteuid() == 0, onPath("setpriv") {
            let other = try Child.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "cat", d.events], timeout: 30)
            XCTAssertNotEqual(other.status, 0)
            XCTAssertTrue(other.stderr.contains("Permission denied"), other.stderr)
            XCTAssertEqual(other.stdout, "")
        }
        XCTAssertEqual(try d.run("verify").status, 0)
    }
}
