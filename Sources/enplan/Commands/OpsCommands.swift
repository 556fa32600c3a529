@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation

/// Running EnPlan on a server: its version, its man page, backups and restores.
enum OpsCommands {
    static var all: [CommandSpec] { [version, themes, manpage] }

    static var version: CommandSpec {
        CommandSpec(["version"], "print the version (also enplan --version)") { _ in
            print("\(Version.line) (themes built in: \(Theme.builtIn.keys.sorted().joined(separator: ", ")))")
            return 0
        }
    }

    static var themes: CommandSpec {
        CommandSpec(["themes"], "the themes the full-screen interface finds: name, whether it has colour, and where it comes from") { inv in
            let paths = Theme.searchPaths(dataDirectory: inv.dataDirectory, executable: Context.executable)
            let rows = Theme.available(in: paths).map { name -> [String] in
                let (theme, problem) = Theme.load(name, from: paths)
                return [name, problem != nil ? "bad" : theme.usesColor ? "colour" : "monochrome", problem ?? Theme.source(name, in: paths) ?? "-"]
            }
            Output.table(["NAME", "COLOUR", "FROM"], rows)
            return 0
        }
    }

    static var manpage: CommandSpec {
        CommandSpec(["manpage"], "print the man page enplan(1) in troff, made from the command declarations (man/enplan.1)") { _ in
            print(ManPage.render(CLI.commands), terminator: "")
            return 0
        }
    }
}
