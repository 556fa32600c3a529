@_spi(Store) import EnPlanDomain
import Foundation

/// The headless commands: every one declared once, in the file of its noun; parsed, run and its
/// errors turned into exit codes here. Exit: 0 success, 1 failure found or refused, 2 bad usage or input.
enum CLI {
    /// In the order the usage lists them.
    static var commands: [CommandSpec] {
        StoreCommands.all + DemoCommands.all + UserCommands.all + CitizenCommands.all + PlanCommands.all
            + DecisionCommands.all + TemplateCommands.all + MeetingCommands.all + AuditCommands.all + [StoreCommands.stress] + ReportCommands.all
            + OutcomeCommands.all
            + OpsCommands.all + OutboxCommands.all + KeyCommands.all + [SSHSession.spec] + ReviewCommands.all + OfferCommands.all + RetentionCommands.all
            + OrganisationCommands.all
    }

    static func run(_ argv: [String]) -> Int32 {
        let commands = self.commands
        if let bad = ProgramClock.problem {
            Output.error("\(ProgramClock.variable)=\"\(bad)\" is not a time (YYYY-MM-DDTHH:MM or YYYY-MM-DD, Copenhagen time)")
            return 2
        }
        do {
            switch try Parser.parse(argv, commands: commands) {
            case .run(let invocation): return try invocation.command.run(invocation)
            case .help(let words): Output.text(try help(words, commands)); return 0
            }
        } catch let e as UsageError {
            Output.error(e.description); return 2
        } catch let e as DomainError {
            Output.error(e.description); return e.isBadInput ? 2 : 1
        } catch let e as StoreError {
            Output.error(e.description); return 1
        } catch {
            Output.error("\(error)"); return 1
        }
    }

    /// `enplan help`, `enplan help plan`, `enplan help plan export`, `enplan plan export --help`.
    static func help(_ words: [String], _ commands: [CommandSpec]) throws -> String {
        if words.isEmpty { return Help.usage(commands) }
        if let c = commands.first(where: { $0.path == words }) { return Help.command(c) }
        if words.count == 1 && commands.contains(where: { $0.path.first == words[0] }) { return Help.noun(words[0], commands) }
        _ = try Parser.resolve(words, in: commands)   // names the unknown command
        throw UsageError("unknown command \"\(words.joined(separator: " "))\" (enplan --help lists them)")
    }
}

extension OptionSpec {
    /// The acting user: every query and command is checked for them, as in the full-screen interface.
    static func actor(_ who: String = "USER") -> OptionSpec { .text("as", who, required: true, "the acting user") }
    static var citizen: OptionSpec { .text("citizen", "ID", required: true, "the citizen") }
    static var json: OptionSpec { .flag("json", "JSON: an array with one object a line") }
    static var reason: OptionSpec { .text("reason", "TEXT", "why you look at a citizen you do not work on (audit-logged)") }
    /// Why a change is made (the citizen's journey shows it).
    static var why: OptionSpec { .text("reason", "TEXT", "why (the citizen's journey shows it)") }
}
