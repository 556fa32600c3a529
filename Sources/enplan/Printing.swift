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
}
