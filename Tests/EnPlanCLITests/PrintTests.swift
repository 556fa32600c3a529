import Foundation
import Glibc
import XCTest
import TestSupport

/// `enplan plan print` through a real CUPS: a `cupsd` of the test's own on a Unix socket in a
/// temporary directory, with a cups-pdf queue; the job completes and the PDF holds what the
/// citizen should read.
final class PrintTests: XCTestCase {
    private var dir = ""
    private var cupsd: Child?
    private var pane: TmuxPane?

    override func tearDownWithError() throws {
        pane?.kill()
        cupsd?.send(SIGTERM)
        _ = try? cupsd?.finish(timeout: 30)
        if !dir.isEmpty { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// Starts cupsd (as root: cups-pdf's backend runs as root) and adds a cups-pdf queue; returns its socket.
    private func startCUPS() throws -> String {
        let ci = ProcessInfo.processInfo.environment["CI"] == "true"
        let missing = ["/usr/sbin/cupsd", "/usr/lib/cups/backend/cups-pdf", "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"]
            .filter { !FileManager.default.fileExists(atPath: $0) } + ["lp", "lpadmin", "lpstat", "pdftotext"].filter { !onPath($0) }
        if !missing.isEmpty {
            let why = "CUPS is not installed (\(missing.joined(separator: ", "))): apt-get install cups cups-pdf cups-client poppler-utils (.ci/run does)"
            if ci { XCTFail(why) }
            throw XCTSkip(why)
        }
        // Not a missing component but the account the suite runs as: cups-pdf's backend runs only as root.
        guard geteuid() == 0 else { throw XCTSkip("the print test runs its own cupsd, which needs root for cups-pdf's backend") }
        dir = NSTemporaryDirectory() + "enplan-cups-\(UUID().uuidString.prefix(8))"
        for sub in ["spool", "tmp", "cache", "state"] { try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true) }
        chmod(dir, 0o755); chmod(dir + "/tmp", 0o1777)
        let socket = dir + "/cups.sock"
        try """
        Listen \(socket)
        LogLevel warn
        WebInterface No
        <Location />
          Order allow,deny
          Allow all
        </Location>
        <Policy default>
          <Limit All>
            Order allow,deny
            Allow all
          </Limit>
        </Policy>
        """.write(toFile: dir + "/cupsd.conf", atomically: true, encoding: .utf8)
        try """
        ServerRoot \(dir)
        RequestRoot \(dir)/spool
        TempDir \(dir)/tmp
        CacheDir \(dir)/cache
        StateDir \(dir)/state
        ErrorLog \(dir)/error_log
        AccessLog \(dir)/access_log
        PageLog \(dir)/page_log
        ServerBin /usr/lib/cups
        DataDir /usr/share/cups
        SystemGroup root
        User lp
        Group lp
        """.write(toFile: dir + "/cups-files.conf", atomically: true, encoding: .utf8)
        cupsd = try Child.start(["/usr/sbin/cupsd", "-f", "-c", dir + "/cupsd.conf", "-s", dir + "/cups-files.conf"])
        // Ready when the scheduler answers on its socket (a deadline, no fixed sleep).
        let env = ["CUPS_SERVER": socket, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let deadline = Date().addingTimeInterval(30)
        while try Child.run(["lpstat", "-r"], environment: env, timeout: 10).stdout.contains("scheduler is running") == false {
            guard Date() < deadline else { XCTFail("cupsd did not answer within 30 s"); throw XCTSkip("no cupsd") }
            usleep(50_000)
        }
        try addQueue("Jobcenter", socket: socket)
        return socket
    }

    /// Adds a cups-pdf queue to the test's cupsd.
    private func addQueue(_ name: String, socket: String) throws {
        let env = ["CUPS_SERVER": socket, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let add = try Child.run(["lpadmin", "-p", name, "-E", "-v", "cups-pdf:/", "-P", "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"],
                                environment: env, timeout: 30)
        XCTAssertEqual(add.status, 0, add.stderr)
    }

    /// Waits (driven by what CUPS reports, with a deadline) until `job` on `queue` has completed.
    private func waitCompleted(_ job: String, queue: String, socket: String) throws {
        let deadline = Date().addingTimeInterval(60)
        while !(try Child.run(["lpstat", "-W", "completed", "-o", queue], environment: ["CUPS_SERVER": socket], timeout: 10).stdout.contains(job)) {
            guard Date() < deadline else { return XCTFail("job \(job) did not complete in 60 s: \(try String(contentsOfFile: dir + "/error_log", encoding: .utf8).suffix(2000))") }
            usleep(100_000)
        }
    }

    func testThePlanIsPrintedAndThePaperHoldsWhatTheCitizenReads() throws {
        let socket = try startCUPS()
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "12", "--seed", "3").status, 0)
        try "municipality = Roskilde Kommune\nprinter.mette = Jobcenter\n".write(toFile: d.path + "/settings", atomically: true, encoding: .utf8)
        let rows = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        let row = try XCTUnwrap(rows.first { $0["mine"] as? Bool == true && $0["plan"] as? String == "active" })
        let id = row["id"] as! String, name = row["name"] as! String
        let env = ["CUPS_SERVER": socket, "ENPLAN_CLOCK": d.clock]
        let printed = try Binary.run(["--data-dir", d.path, "plan", "print", "--as", "mette", "--citizen", id], env: env)
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let job = printed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(job.hasPrefix("Jobcenter-"), "the job id: \(job)")

        // The job completes (driven by what CUPS reports, with a deadline).
        try waitCompleted(job, queue: "Jobcenter", socket: socket)
        // cups-pdf writes the job's PDF in the job owner's ~/PDF, named with the job number.
        let number = job.split(separator: "-").last!
        let pdfDir = String(cString: getpwuid(geteuid())!.pointee.pw_dir) + "/PDF"
        let pdf = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: pdfDir).first { $0.hasSuffix("job_\(number).pdf") }, "no PDF in \(pdfDir)")
        defer { try? FileManager.default.removeItem(atPath: pdfDir + "/" + pdf) }
        let text = try Child.run(["pdftotext", "-layout", pdfDir + "/" + pdf, "-"], timeout: 30).stdout
        XCTAssertTrue(text.contains("Roskilde Kommune · Din plan: \(name)") && text.contains("Side 1 af"), "a header on the page: \(text)")
        XCTAssertTrue(text.contains("Din plan: \(name)"), text)
        XCTAssertTrue(text.contains("Målet er, at du kommer i"), text)
        XCTAssertTrue(text.contains("Din kontakt i kommunen"), text)
        let show = try JSONSerialization.jsonObject(with: Data(try d.run("citizen", "show", "--as", "mette", "--citizen", id, "--json").stdout.utf8)) as! [String: Any]
        XCTAssertFalse(text.contains(String((show["cpr"] as! String).prefix(6))), "no CPR number on paper")
        // What was printed for whom is in the audit log.
        let audit = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(audit.contains(#""what":"plan-printed""#) && audit.contains("Jobcenter · \(job)"), audit)

        // A queue that does not exist: one line, and nothing is logged as printed.
        let bad = try Binary.run(["--data-dir", d.path, "plan", "print", "--as", "mette", "--citizen", id, "--printer", "Ingen"], env: env)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.hasPrefix("enplan: the plan was not printed: "), bad.stderr)
    }

    /// `P` on the plan screen in a real terminal with two CUPS queues: the chooser lists both, hers
    /// by the settings marked and chosen to start with; the other one chosen prints there (the job
    /// completes), the next `P` starts on it, and Esc prints nothing.
    func testPOnThePlanScreenChoosesAmongTheQueues() throws {
        try XCTSkipIf(!onPath("tmux"), "tmux is not installed (.ci/run installs it)")
        let socket = try startCUPS()
        try addQueue("Borgerservice", socket: socket)
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "12", "--seed", "3").status, 0)
        try "municipality = Roskilde Kommune\nprinter.mette = Jobcenter\n".write(toFile: d.path + "/settings", atomically: true, encoding: .utf8)
        let rows = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        let row = try XCTUnwrap(rows.first { $0["mine"] as? Bool == true && $0["plan"] as? String == "active" })
        let id = row["id"] as! String
        let pane = TmuxPane()
        self.pane = pane
        try pane.start("CUPS_SERVER='\(socket)' HOME='\(d.path)' LANG=C.UTF-8 TERM=xterm-256color ENPLAN_CLOCK='\(d.clock)' '\(Binary.url.path)' --data-dir '\(d.path)'; echo ENPLAN-EXITED; sleep 30")
        try pane.waitFor("Bruger-id:")
        try pane.keys("mette", "Tab", "demo", "Enter")
        try pane.waitFor("Navn▲")
        try pane.keys(":", "plan \(id)", "Enter")
        try pane.waitFor("Ansvarlig sagsbehandler")

        try pane.keys("P")
        var s = try pane.waitFor("Hvilken printer skal det udskrives på?")
        XCTAssertTrue(s.contains("Jobcenter  (standard for dig)") && s.contains("Borgerservice"), s)
        XCTAssertTrue(try pane.cursorLine().contains("Jobcenter"), "hers is chosen to start with:\n\(s)")
        // Borgerservice sorts first: up (k) to it, Enter prints there.
        try pane.keys("k")
        try pane.waitUntil("the cursor never reached Borgerservice") { _ in try pane.cursorLine().contains("Borgerservice") }
        try pane.keys("Enter")
        s = try pane.waitFor("Planen er sendt til printeren Borgerservice (job Borgerservice-", timeout: 30)
        let job = try XCTUnwrap(s.range(of: #"Borgerservice-\d+"#, options: .regularExpression).map { String(s[$0]) }, s)
        try waitCompleted(job, queue: "Borgerservice", socket: socket)
        let number = job.split(separator: "-").last!
        let pdfDir = String(cString: getpwuid(geteuid())!.pointee.pw_dir) + "/PDF"
        if let pdf = try? FileManager.default.contentsOfDirectory(atPath: pdfDir).first(where: { $0.hasSuffix("job_\(number).pdf") }) {
            try? FileManager.default.removeItem(atPath: pdfDir + "/" + pdf)
        }

        // The next P starts on Borgerservice; Esc closes the chooser and prints nothing.
        try pane.keys("P")
        s = try pane.waitFor("Hvilken printer skal det udskrives på?")
        XCTAssertTrue(try pane.cursorLine().contains("Borgerservice"), "the session's choice is kept:\n\(s)")
        try pane.keys("Escape")
        try pane.waitFor("Der blev ikke udskrevet noget")
        try pane.keys("q", "q")
        try pane.waitFor("Afslut EnPlan?")
        try pane.keys("j")
        try pane.waitFor("ENPLAN-EXITED")

        let audit = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        let prints = audit.split(separator: "\n").filter { $0.contains(#""what":"plan-printed""#) }
        XCTAssertEqual(prints.count, 1, "one print, on the queue chosen: \(prints)")
        XCTAssertTrue(prints.first?.contains("Borgerservice · \(job)") == true, "\(prints)")
    }
}
