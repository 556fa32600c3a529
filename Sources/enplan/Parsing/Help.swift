import EnPlanTUI

/// The usage and each command's help, made from the declarations (so they cannot drift apart).
enum Help {
    static let width = 100

    /// `enplan --help`: every command with its summary, in declaration order.
    static func usage(_ commands: [CommandSpec]) -> String {
        var out = [
            "EnPlan: one responsible caseworker, one unified plan, fewer meetings.",
            "",
            "Usage: enplan \(Parser.global.map(\.synopsis).joined(separator: " ")) [COMMAND] [OPTIONS]",
            "",
        ]
        // `enplan` alone (the full-screen interface) with its options, then the commands.
        for c in commands where c.path.isEmpty {
            out += wrap(units: ["enplan"] + synopsis(c), first: "  ", rest: "      ") + wrap(c.summary, first: "      ", rest: "      ")
        }
        out += ["", "Commands:"]
        let named = commands.filter { !$0.path.isEmpty }
        let column = named.map { TextWidth.columns($0.name) }.max()! + 4
        for c in named {
            out += wrap(c.summary, first: "  " + pad(c.name, column - 2), rest: String(repeating: " ", count: column))
        }
        out += [
            "",
            "`enplan help COMMAND` or `enplan COMMAND --help` shows a command's options; `enplan help user`",
            "all the user commands. Dates: dd-mm-yyyy, yyyy-mm-dd, today, +3d, +2w. Data directory:",
            "--data-dir, else $ENPLAN_DATA, else $XDG_DATA_HOME/enplan (~/.local/share/enplan). The logs in",
            "PostgreSQL: --store postgresql://…, else $ENPLAN_STORE, else the settings' store = URL (the data",
            "directory is then this host's cache). Exit status: 0 success, 1 a failure found or a refusal,",
            "2 bad usage or input.",
        ]
        return out.joined(separator: "\n") + "\n"
    }

    /// `enplan help COMMAND`: its synopsis, summary and options.
    static func command(_ c: CommandSpec) -> String {
        var out = wrap(units: ["enplan"] + synopsis(c), first: "Usage: ", rest: "         ")
        out += [""] + wrap(c.summary, first: "", rest: "")
        let rows = c.options.map { o in ("--\(o.name)" + (o.valueName.map { " \($0)" } ?? ""), o.help + (o.required ? " (required)" : "")) }
            + c.arguments.map { ($0, "(required)") }
        if !rows.isEmpty {
            out += ["", "Options:"]
            let column = min(rows.map { TextWidth.columns($0.0) }.max()! + 4, 34)
            for (label, help) in rows {
                if TextWidth.columns(label) + 4 > column {
                    out.append("  " + label)
                    out += wrap(help, first: String(repeating: " ", count: column), rest: String(repeating: " ", count: column))
                } else {
                    out += wrap(help, first: "  " + pad(label, column - 2), rest: String(repeating: " ", count: column))
                }
            }
        }
        if c.options.contains(where: \.isDate) { out += ["", "DATE: dd-mm-yyyy, yyyy-mm-dd, today, +3d, +2w."] }
        out += ["", "Every command also takes " + Parser.global.map(\.synopsis).joined(separator: " ") + "."]
        return out.joined(separator: "\n") + "\n"
    }

    /// `enplan help plan`: the help of every command whose first word is `noun`.
    static func noun(_ noun: String, _ commands: [CommandSpec]) -> String {
        commands.filter { $0.path.first == noun }.map(command).joined(separator: "\n")
    }

    /// `plan export`, `--as USER`, `--citizen ID`, `[--format text|markdown]`, …
    static func synopsis(_ c: CommandSpec) -> [String] {
        (c.path.isEmpty ? [] : [c.name]) + c.options.map(\.synopsis) + c.arguments
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(1, width - TextWidth.columns(s)))
    }

    /// Words filled into lines of `width` columns, the first after `first`, the others after `rest`.
    static func wrap(_ text: String, first: String, rest: String) -> [String] {
        wrap(units: text.split(separator: " ").map(String.init), first: first, rest: rest)
    }

    /// The same with units that are never broken (`[--reason TEXT]`).
    static func wrap(units: [String], first: String, rest: String) -> [String] {
        var lines: [String] = [], line = first, empty = true
        for word in units {
            if !empty && TextWidth.columns(line) + 1 + TextWidth.columns(word) > width {
                lines.append(line); line = rest; empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        return lines + [line]
    }
}
