@_spi(Store) import EnPlanDomain

/// The shape of the commands that record one thing in one citizen's case (a contact, a consent,
/// the plan, an effort, a follow-up, its result): `--as USER --citizen ID`, their own options,
/// `--expect-version N` (refused as stale when the citizen has changed since the caller looked),
/// one domain command, and the seq of its first event printed only once it is on disk.
enum CitizenWrite {
    static func command(_ path: [String], _ summary: String, options: [OptionSpec],
                        _ make: @escaping (_ inv: Invocation, _ citizen: String, _ today: Day) throws -> Command) -> CommandSpec {
        CommandSpec(path, summary, options: [.actor(), .citizen] + options + [
            .int("expect-version", "N", "the citizen's version you saw (`citizen show`); refused if it has changed since"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let command = try make(inv, inv.required("citizen"), service.today)
            let events = try service.execute(command, as: inv.required("as"), expectedVersion: inv.int("expect-version"))
            // Printed only now: the event is on disk (fdatasync returned).
            Output.line(events[0].seq)
            return 0
        }
    }
}
