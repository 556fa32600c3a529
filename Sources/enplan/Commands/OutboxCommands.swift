@_spi(Store) import EnPlanDomain
import Foundation
import Glibc

/// A person's outbox (`Outbox`): what they exported on a screen, fetched over SSH to stdout.
enum OutboxCommands {
    static var all: [CommandSpec] { [list, get, remove] }

    /// What the screen tells the person to type at their own computer.
    static func fetchCommand(code: String, name: String) -> String {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        let quoted = name.contains(where: { " '\"$`\\".contains($0) }) ? "'\(name.replacingOccurrences(of: "'", with: ""))'" : name
        return "ssh \(Context.osUser)@\(String(cString: host)) outbox get \(Outbox.shown(code)) > \(quoted)"
    }

    static var list: CommandSpec {
        CommandSpec(["outbox", "list"], "your outbox: the exports you made on the screens, with their codes (kept \(Outbox.keepDays) days, or until fetched)",
                    options: [.actor(), .json]) { inv in
            let actor = inv.required("as")
            _ = try Context.open(inv.dataDirectory).user(actor)
            let items = Outbox(dataDirectory: inv.dataDirectory, user: actor).list()
            if inv.flag("json") {
                Output.jsonArray(items) { i, w in
                    w.openObject(); w.field("code", Outbox.shown(i.code)); w.field("name", i.name); w.field("bytes", i.bytes)
                    w.field("made", i.made.iso); w.closeObject()
                }
            } else {
                Output.table(["CODE", "NAME", "BYTES", "MADE"], items.map { [Outbox.shown($0.code), $0.name, String($0.bytes), $0.made.local.iso.replacingOccurrences(of: "T", with: " ")] })
            }
            return 0
        }
    }

    static var get: CommandSpec {
        CommandSpec(["outbox", "get"], "write the export with CODE to standard output and remove it from your outbox (ssh enplan@host outbox get CODE > file); audit-logged",
                    options: [.actor()], arguments: ["CODE"]) { inv in
            let actor = inv.required("as")
            let service = try Context.open(inv.dataDirectory)
            _ = try service.user(actor)
            guard let (item, data) = try Outbox(dataDirectory: inv.dataDirectory, user: actor).take(code: inv.arguments[0]) else {
                throw DomainError.notFound(.outboxItem(Outbox.shown(inv.arguments[0].uppercased())))
            }
            try service.recordExport(.outboxFetched, citizen: nil, as: actor, reason: item.name)
            FileHandle.standardOutput.write(data)
            return 0
        }
    }

    static var remove: CommandSpec {
        CommandSpec(["outbox", "remove"], "remove an export from your outbox without fetching it", options: [.actor()], arguments: ["CODE"]) { inv in
            let actor = inv.required("as")
            _ = try Context.open(inv.dataDirectory).user(actor)
            guard Outbox(dataDirectory: inv.dataDirectory, user: actor).remove(code: inv.arguments[0]) else {
                throw DomainError.notFound(.outboxItem(Outbox.shown(inv.arguments[0].uppercased())))
            }
            Output.line("Removed.")
            return 0
        }
    }
}
