@_spi(Store) import EnPlanDomain

/// Filling an empty store with fictional data.
enum DemoCommands {
    static var all: [CommandSpec] { [demo] }

    static var demo: CommandSpec {
        CommandSpec(["demo"], "fill an empty store with deterministic fictional data (every user's password: demo)", options: [
            .int("citizens", in: 1...200_000, "how many citizens (default 300)"),
            .int("seed", "S", in: 0...Int.max, "the random seed: the same seed gives the same store"),
        ]) { inv in
            var options = DemoData.Options()
            options.citizens = inv.int("citizens") ?? options.citizens
            options.seed = inv.int("seed").map(UInt64.init) ?? options.seed
            let service = try Context.open(inv.dataDirectory)
            let report = try DemoData.fill(service, options: options)
            Output.line("Created \(report.citizens) citizens, \(report.users) users and \(report.meetings) meetings in \(report.events) events in \(inv.dataDirectory). Every demo user's password is \"demo\".")
            return 0
        }
    }
}
