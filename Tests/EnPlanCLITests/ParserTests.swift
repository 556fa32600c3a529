@testable import enplan
import Foundation
import XCTest
import TestSupport

/// The declarations themselves: every command has its help, and the parser can read them.
final class DeclarationTests: XCTestCase {
    func testEveryDeclaredCommandHasItsHelp() {
        let commands = CLI.commands
        XCTAssertGreaterThan(commands.count, 30)
        XCTAssertEqual(Set(commands.map(\.path)).count, commands.count, "no two commands share their words")
        let usage = Help.usage(commands)
        for c in commands {
            XCTAssertFalse(c.summary.isEmpty, c.name)
            let help = Help.command(c)
            XCTAssertTrue(help.hasPrefix("Usage: enplan\(c.path.isEmpty ? "" : " " + c.name)"), help)
            for o in c.options {
                XCTAssertFalse(o.help.isEmpty, "\(c.name) --\(o.name)")
                XCTAssertTrue(help.contains("\n  --\(o.name)"), "\(c.name): --\(o.name) in its help\n\(help)")
                XCTAssertNil(Parser.global.first { $0.name == o.name }, "\(c.name) --\(o.name) shadows a global option")
            }
            XCTAssertTrue(usage.contains(c.path.isEmpty ? "  enplan [--theme" : "\n  \(c.name) "), "\(c.name) in the usage")
        }
    }

    /// Before the command is known, the parser takes an option to have a value unless some command
    /// declares it a flag: that needs every name to be one or the other everywhere.
    func testAnOptionNameIsAFlagEverywhereOrNowhere() {
        var kinds: [String: Set<Bool>] = [:]
        for o in Parser.global + CLI.commands.flatMap(\.options) { kinds[o.name, default: []].insert(o.isFlag) }
        XCTAssertEqual(kinds.filter { $0.value.count > 1 }.keys.sorted(), [])
    }
}

/// The parser through the real binary: each refusal is one line on stderr naming the command and
/// the option, exit 2, nothing on stdout, nothing written.
final class ParserTests: XCTestCase {
    func testUsageErrorsNameTheOptionAndTheCommand() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "5").status, 0)
        let before = try String(contentsOfFile: d.events, encoding: .utf8)
        let audit = try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8)
        let cases: [([String], String)] = [
            // unknown option: named with its command, wherever it stands
            (["citizens", "--as", "mette", "--bogus"], "enplan: citizens: unknown option --bogus"),
            (["citizens", "--bogus", "--as", "mette"], "enplan: citizens: unknown option --bogus"),
            (["user", "add", "--as", "admin", "--colour=red"], "enplan: user add: unknown option --colour"),
            (["--bogus"], "enplan: unknown option --bogus"),
            // an option another command takes is still unknown here
            (["users", "--citizen", "c1"], "enplan: users: unknown option --citizen"),
            // missing value
            (["citizens", "--as"], "enplan: citizens: --as needs a value (USER)"),
            (["contact", "--as", "mette", "--citizen", "c1", "--channel"], "enplan: contact: --channel needs a value (phone|meeting|letter|digital)"),
            (["--data-dir"], "--data-dir needs a value (DIR)"),
            // missing required option (in declaration order), or its value left empty
            (["contact", "--citizen", "c1", "--channel", "phone"], "enplan: contact: missing --as USER"),
            (["contact", "--as", "mette", "--channel", "phone"], "enplan: contact: missing --citizen ID"),
            (["contact", "--as", "mette", "--citizen", "c1"], "enplan: contact: missing --channel phone|meeting|letter|digital"),
            (["followup", "add", "--as", "mette", "--citizen", "c1", "--due", ""], "enplan: followup add: missing --due DATE"),
            (["template", "import", "--as", "karen"], "enplan: template import: missing FILE.json"),
            // flags, repeats, stray words
            (["users", "--json=yes"], "enplan: users: --json takes no value"),
            (["citizens", "--as", "mette", "--as", "karen"], "enplan: citizens: --as is given twice"),
            (["citizens", "--as", "mette", "extra"], "enplan: citizens: unexpected argument \"extra\""),
            // values checked by their declaration
            (["meetings", "--as", "mette", "--from", "someday"], "enplan: meetings: --from: \"someday\" is not a date"),
            (["demo", "--citizens", "many"], "enplan: demo: --citizens must be a whole number, not \"many\""),
            (["demo", "--citizens", "0"], "enplan: demo: --citizens must be between 1 and 200000"),
            (["meeting", "outcome", "--as", "mette", "--meeting", "m1", "--status", "planned"], "--status must be one of held, cancelled, noshow"),
            (["consent", "give", "--as", "mette", "--citizen", "c1", "--sectors", "social,cooking"], "unknown sector \"cooking\""),
            (["meeting", "add", "--as", "mette", "--type", "other", "--start", "tomorrow 10", "--minutes", "30", "--participants", "mette"],
             "enplan: meeting add: --start must be YYYY-MM-DDTHH:MM"),
            // commands
            (["frobnicate"], "enplan: unknown command \"frobnicate\""),
            (["user"], "enplan: unknown command \"user\" (`enplan help user` lists the user commands)"),
            (["user", "remove", "--as", "admin"], "enplan: unknown command \"user remove\""),
            (["help", "frobnicate"], "enplan: unknown command \"frobnicate\""),
        ]
        for (args, message) in cases {
            let r = try d.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("enplan: ") && r.stderr.contains(message), "\(args): expected \(message), got \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(args)")
        }
        XCTAssertEqual(try String(contentsOfFile: d.events, encoding: .utf8), before, "no event written")
        XCTAssertEqual(try String(contentsOfFile: d.path + "/audit.jsonl", encoding: .utf8), audit, "nothing read, so nothing audit-logged")
    }

    /// `enplan help COMMAND` and `enplan COMMAND --help` for every declared command: the same text,
    /// its usage line and every option, on stdout with exit 0, whatever else the line holds.
    func testHelpForEveryDeclaredCommand() throws {
        for c in CLI.commands where !c.path.isEmpty {
            let help = try Binary.run(["help"] + c.path)
            XCTAssertEqual(help.status, 0, "\(c.name): \(help.stderr)")
            XCTAssertEqual(help.stdout, Help.command(c))
            XCTAssertTrue(help.stdout.hasPrefix("Usage: enplan \(c.name)"), help.stdout)
            for o in c.options { XCTAssertTrue(help.stdout.contains("--\(o.name)"), "\(c.name) --\(o.name)") }
            let flag = try Binary.run(c.path + ["--help", "--bogus"])
            XCTAssertEqual(flag.status, 0, "\(c.name) --help: \(flag.stderr)")
            XCTAssertEqual(flag.stdout, help.stdout, "\(c.name) --help")
        }
        for args in [["--help"], ["-h"], ["help"]] {
            let usage = try Binary.run(args)
            XCTAssertEqual(usage.status, 0)
            XCTAssertEqual(usage.stdout, Help.usage(CLI.commands))
        }
    }

    func testHelpPlanShowsEveryPlanCommand() throws {
        let r = try Binary.run(["help", "plan"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let usages = r.lines.filter { $0.hasPrefix("Usage: ") }
        XCTAssertEqual(usages.map { $0.split(separator: " ").prefix(3).joined(separator: " ") },
                       ["Usage: enplan plan", "Usage: enplan plan", "Usage: enplan plan", "Usage: enplan plan"])
        XCTAssertTrue(r.stdout.contains("Usage: enplan plan print --as USER --citizen ID [--printer QUEUE]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Usage: enplan plan create --as USER --citizen ID --goal employment|education [--words TEXT]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Usage: enplan plan apply --as USER --citizen ID --template ID [--start DATE]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Usage: enplan plan export --as USER --citizen ID [--format text|markdown] [--lang da|en]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("  --goal employment|education  the overall goal (required)\n"), r.stdout)
        XCTAssertFalse(r.stdout.contains("effort add"), "only the plan commands")
        XCTAssertEqual(try Binary.run(["plan", "--help"]).stdout, r.stdout)
    }

    /// Every declared command run with its required options, then with all of them: whatever the
    /// domain says to these values, the command ends with 0, 1 or 2, never a crash (a run function
    /// that reads an option it does not declare stops on a precondition).
    func testEveryDeclaredCommandRunsOnWhatItDeclares() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "8", "--seed", "2").status, 0)
        let known = ["as": "karen", "citizen": "c1", "user": "mette", "meeting": "m1", "participants": "mette,jonas", "template": "ung-uddannelse",
                     "followup": "f1", "id": "ny", "name": "Ny Bruger", "cpr": "010190-1234", "partner": "Ole Mørk, Misbrugscentret", "theme": "default",
                     "authorized-keys": d.path + "/authorized_keys"]
        for c in CLI.commands {
            for all in [false, true] {
                var args = c.path
                for o in c.options where o.required || all {
                    if o.isFlag { args.append("--\(o.name)"); continue }
                    let candidates = [known[o.name], o.valueName!.components(separatedBy: "|").first, o.valueName!.components(separatedBy: ",").first,
                                      "today", "2030-01-07T10:00", "5", "1", "x"].compactMap { $0 }
                    let value = try XCTUnwrap(candidates.first { o.check($0) == nil }, "\(c.name) --\(o.name)")
                    args += ["--\(o.name)", value]
                }
                args += c.arguments.map { _ in d.path + "/none.json" }
                let r = try d.run(args, stdin: "tre grønne heste i Roskilde\n")
                XCTAssertTrue([0, 1, 2].contains(r.status), "\(args): \(r.status) \(r.stderr)")
                XCTAssertFalse(r.stderr.contains("Fatal error"), "\(args): \(r.stderr)")
            }
        }
        XCTAssertEqual(try d.run("verify").status, 0)
    }
}

/// The six commands that record one thing in a citizen's case share one shape: each refuses a
/// stale `--expect-version` with exit 1 and writes nothing, and with the current version prints
/// the seq of the event it wrote.
final class CitizenWriterTests: XCTestCase {
    func testEverySixWriterChecksTheVersionAndPrintsItsSeq() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "8", "--seed", "2").status, 0)
        let show = { (id: String) throws -> [String: Any] in
            try JSONSerialization.jsonObject(with: Data(try d.run("citizen", "show", "--as", "mette", "--citizen", id, "--json").stdout.utf8)) as! [String: Any]
        }
        let rows = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        func openFollowUp(_ id: String) throws -> String? {
            ((try show(id)["plan"] as? [String: Any])?["followUps"] as? [[String: Any]])?.first { $0["done"] == nil }?["id"] as? String
        }
        // A citizen of mette's with a plan and an open follow-up.
        var found: (String, String)?
        for r in rows where r["plan"] as? String == "active" && r["mine"] as? Bool == true {
            if let f = try openFollowUp(r["id"] as! String) { found = (r["id"] as! String, f); break }
        }
        let (planned, open) = try XCTUnwrap(found)
        // A citizen of mette's with no plan yet, registered here.
        let fresh = try d.run("citizen", "add", "--as", "mette", "--cpr", "010190-1234", "--name", "Ny Borger").stdout.trimmingCharacters(in: .newlines)
        let writers: [(String, [String])] = [
            (fresh, ["consent", "give", "--sectors", "employment,social"]),
            (fresh, ["plan", "create", "--goal", "education", "--words", "Jeg vil være tømrer"]),
            (planned, ["contact", "--channel", "phone", "--note", "Ringede"]),
            (planned, ["effort", "add", "--title", "Praktik", "--sector", "employment", "--basis", "LAB § 42", "--provider", "Jobcenter", "--start", "+1w"]),
            (planned, ["followup", "add", "--due", "+4w"]),
            (planned, ["followup", "done", "--followup", open, "--result", "continue"]),
        ]
        XCTAssertEqual(Set(writers.map { $0.1.prefix(2).joined(separator: " ") }).count, 6)
        for (citizen, args) in writers {
            let version = try show(citizen)["version"] as! Int
            let events = try d.eventObjects().count
            let stale = try d.run(args + ["--as", "mette", "--citizen", citizen, "--expect-version", String(version - 1)])
            XCTAssertEqual(stale.status, 1, "\(args): \(stale.stderr)")
            XCTAssertTrue(stale.stderr.contains("changed by someone else"), stale.stderr)
            XCTAssertEqual(try d.eventObjects().count, events, "\(args): nothing written")
            let ok = try d.run(args + ["--as", "mette", "--citizen", citizen, "--expect-version", String(version)])
            XCTAssertEqual(ok.status, 0, "\(args): \(ok.stderr)")
            let written = try d.eventObjects()
            XCTAssertEqual(ok.stdout, "\(written[events]["seq"] as! Int)\n", "\(args) prints the seq of its first event")
            XCTAssertEqual(written[events]["stream"] as? String, citizen)
        }
    }
}
