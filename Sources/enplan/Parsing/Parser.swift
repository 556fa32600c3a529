/// Reads a command line against the declared commands: `enplan [GLOBAL] WORDS… [--name value | --name=value | --flag]…`.
///
/// Every refusal is one line that names the command, and nothing runs: an unknown option, an
/// option without its value, a flag given a value, an option given twice, a missing required
/// option or argument, a word too many, a value its option's check refuses.
enum Parser {
    /// Options every command takes, before or after its words.
    static var global: [OptionSpec] { [
        .text("data-dir", "DIR", "the data directory (else $ENPLAN_DATA, else $XDG_DATA_HOME/enplan)"),
        .text("store", "URL", "keep the logs in PostgreSQL (postgresql://…; else $ENPLAN_STORE, else the settings' store = URL); the data directory then holds this host's cache"),
        .text("cache-dir", "DIR", "with --store: this host's cache (snapshot, settings, outbox, signing key); the same as --data-dir, named for what it holds there"),
        .flag("demo", "use the demo store in $XDG_DATA_HOME/enplan-demo (created first when opened without a command)"),
        .flag("help", "show the usage, or the command's help (also -h)"),
        .flag("version", "print the version (the same as `enplan version`)"),
    ] }

    enum Outcome {
        case run(Invocation)
        /// `enplan help WORDS…`, `enplan WORDS… --help`.
        case help([String])
    }

    static func parse(_ argv: [String], commands: [CommandSpec]) throws -> Outcome {
        let (words, help) = scan(argv, commands: commands)
        if words.first == "help" { return .help(Array(words.dropFirst())) }
        if help { return .help(words) }
        let command = try resolve(words, in: commands)
        func refuse(_ s: String) -> UsageError { UsageError(command.path.isEmpty ? s : "\(command.name): \(s)") }

        var values: [String: String] = [:], flags: Set<String> = [], rest: [String] = []
        var i = 0
        while i < argv.count {
            let a = argv[i]
            i += 1
            guard let (key, inline) = option(a) else { rest.append(a); continue }
            guard let spec = global.first(where: { $0.name == key }) ?? command.option(key) else {
                throw refuse("unknown option --\(key) (`\(command.path.isEmpty ? "enplan --help" : "enplan help \(command.name)")` lists the options)")
            }
            if spec.isFlag {
                guard inline == nil else { throw refuse("--\(key) takes no value") }
                flags.insert(key)
                continue
            }
            let value: String
            if let inline { value = inline } else {
                guard i < argv.count else { throw refuse("--\(key) needs a value (\(spec.valueName!))") }
                value = argv[i]
                i += 1
            }
            guard values[key] == nil else { throw refuse("--\(key) is given twice") }
            // A required option left empty is reported as missing, below.
            if !(spec.required && value.isEmpty), let complaint = spec.check(value) { throw refuse(complaint) }
            values[key] = value
        }
        if flags.contains("version") {
            guard command.path.isEmpty || command.path == ["version"], rest == command.path,
                  let version = commands.first(where: { $0.path == ["version"] }) else {
                throw refuse("--version is given alone (enplan --version)")
            }
            return .run(Invocation(command: version, dataDirectory: "", demo: false, arguments: [], values: [:], flags: []))
        }
        // The command's words come first among the words (the resolution above found them so).
        guard rest.starts(with: command.path) else { throw refuse("give the options after the command's words") }
        let arguments = Array(rest.dropFirst(command.path.count))
        for o in command.options where o.required && (values[o.name] ?? "").isEmpty {
            throw refuse("missing --\(o.name) \(o.valueName!)")
        }
        if arguments.count < command.arguments.count {
            throw refuse("missing \(command.arguments[arguments.count])")
        }
        if arguments.count > command.arguments.count {
            throw refuse("unexpected argument \"\(arguments[command.arguments.count])\"")
        }
        let demo = flags.contains("demo")
        if values["cache-dir"] != nil, values["data-dir"] != nil, values["cache-dir"] != values["data-dir"] {
            throw refuse("give --cache-dir or --data-dir, not both: with --store they are the same directory")
        }
        let given = values["cache-dir"] ?? values["data-dir"]
        let dataDirectory = Context.dataDirectory(given, demo: demo)
        Context.storeURL = demo ? values["store"] : Context.storeURL(values["store"], dataDirectory: dataDirectory)
        return .run(Invocation(command: command, dataDirectory: dataDirectory, demo: demo,
                               arguments: arguments, values: values, flags: flags))
    }

    /// `--name` or `--name=value` -> (name, value); nil for a word (`--` alone is a word).
    private static func option(_ a: String) -> (String, String?)? {
        guard a.hasPrefix("--"), a.count > 2 else { return nil }
        let body = a.dropFirst(2)
        guard let eq = body.firstIndex(of: "=") else { return (String(body), nil) }
        return (String(body[..<eq]), String(body[body.index(after: eq)...]))
    }

    /// The words of a command line, and whether it asks for help, before the command is known: an
    /// option is taken to have a value unless some command declares it a flag. (No option name is
    /// a flag in one command and takes a value in another; a test holds the declarations to that.)
    static func scan(_ argv: [String], commands: [CommandSpec]) -> (words: [String], help: Bool) {
        let flagNames = Set((global + commands.flatMap(\.options)).filter(\.isFlag).map(\.name))
        var words: [String] = [], help = false
        var i = 0
        while i < argv.count {
            defer { i += 1 }
            if argv[i] == "-h" || argv[i] == "--help" { help = true; continue }
            guard let (key, inline) = option(argv[i]) else { words.append(argv[i]); continue }
            if inline == nil && !flagNames.contains(key) { i += 1 }
        }
        return (words, help)
    }

    /// The command named by the longest run of leading words.
    static func resolve(_ words: [String], in commands: [CommandSpec]) throws -> CommandSpec {
        for k in stride(from: words.count, through: words.isEmpty ? 0 : 1, by: -1) {
            if let c = commands.first(where: { $0.path == Array(words.prefix(k)) }) { return c }
        }
        let noun = words[0]
        if commands.contains(where: { $0.path.first == noun }) {
            throw UsageError("unknown command \"\(words.joined(separator: " "))\" (`enplan help \(noun)` lists the \(noun) commands)")
        }
        throw UsageError("unknown command \"\(words.joined(separator: " "))\" (enplan --help lists them)")
    }
}
