import EnPlanTUI
import Foundation

/// Printing through CUPS: the document goes to `lp` on standard input, and the job id it gives
/// back ("request id is Jobcenter-42 (1 file(s))") is what the person is told. `CUPS_SERVER`
/// (and CUPS's own client.conf) say which server; the queue is the settings' or CUPS's default.
enum Printing {
    static func submit(_ postScript: String, title: String, queue: String?) throws -> String {
        let lp = Process()
        lp.executableURL = URL(fileURLWithPath: ["/usr/bin/lp", "/bin/lp", "/usr/local/bin/lp"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/lp")
        lp.arguments = (queue.map { ["-d", $0] } ?? []) + ["-t", title, "-o", "media=A4", "-o", "document-format=application/postscript", "-"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        lp.standardInput = input; lp.standardOutput = output; lp.standardError = errors
        do { try lp.run() } catch { throw UsageError("cannot run lp (install cups-client): \(error.localizedDescription)") }
        input.fileHandleForWriting.write(Data(postScript.utf8))
        try? input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        lp.waitUntilExit()
        guard lp.terminationStatus == 0, let r = out.range(of: "request id is ") else {
            let why = err.split(separator: "\n").first.map(String.init) ?? "lp exited with \(lp.terminationStatus)"
            throw UsageError("the plan was not printed: \(why)")
        }
        return String(out[r.upperBound...].prefix { $0 != " " && $0 != "\n" })
    }

    /// The printers to choose from: the queues CUPS lists (`lpstat -e`, destinations and their
    /// instances), and the person's own (`own`, from the settings; without one, CUPS's default,
    /// `lpstat -d`). No CUPS, or no answer within `timeout`: no queues, and the person's own alone.
    static func printers(own: String?, timeout: TimeInterval = 5) -> Printers {
        // Both in one run; the C locale, so that the default's line is CUPS's English.
        let out = run(["-d", "-e"], timeout: timeout) ?? ""
        var queues: [String] = [], cupsDefault: String?
        for line in out.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if let r = line.range(of: "system default destination: ") { cupsDefault = String(line[r.upperBound...]) }
            else if !line.contains(" ") { queues.append(line) }
        }
        return Printers(queues: queues, own: own ?? cupsDefault)
    }

    /// lpstat's output, or nil when it cannot run or does not end within `timeout` (a print
    /// server that does not answer must not hold the screen).
    private static func run(_ arguments: [String], timeout: TimeInterval) -> String? {
        guard let path = ["/usr/bin/lpstat", "/bin/lpstat", "/usr/local/bin/lpstat"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let lpstat = Process()
        lpstat.executableURL = URL(fileURLWithPath: path)
        lpstat.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C"; env["LANG"] = "C"
        lpstat.environment = env
        let output = Pipe()
        lpstat.standardOutput = output
        lpstat.standardError = FileHandle.nullDevice
        lpstat.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        lpstat.terminationHandler = { _ in ended.signal() }
        do { try lpstat.run() } catch { return nil }
        // Read while it runs (a long list must not fill the pipe and stop it).
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box(), read = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { box.data = output.fileHandleForReading.readDataToEndOfFile(); read.signal() }
        guard ended.wait(timeout: .now() + timeout) == .success else {
            lpstat.terminate()
            return nil
        }
        _ = read.wait(timeout: .now() + 1)
        return String(decoding: box.data, as: UTF8.self)
    }
}
