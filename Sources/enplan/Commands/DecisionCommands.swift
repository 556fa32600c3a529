@_spi(Store) import EnPlanDomain
import Foundation

/// `enplan decision add`: a decision under one legal area, its appeal deadline reckoned from how
/// it is sent (Digital Post: the same day; a letter: by its weekday), past weekends and holidays.
enum DecisionCommands {
    static var all: [CommandSpec] { [add, correct, annul] }

    /// A recorded decision corrected: what is not given stays as it was; the deadline is reckoned
    /// again unless given. The reason is required (audit: `DecisionCorrected`).
    static var correct: CommandSpec {
        CommandSpec(["decision", "correct"], "correct a recorded decision (law, date, text, deadline) with the reason; prints the seq", options: [
            .actor(), .citizen, .text("decision", "ID", required: true, "the decision (d1, …)"), .choice("area", LegalArea.self, "the legal area"),
            .date("date", "the decision's date"), .text("text", "TEXT", "the decision"), .choice("sent", Delivery.self, "how it reaches the citizen"),
            .date("appeal-deadline", "a deadline other than the reckoned one"), .text("reason", "TEXT", required: true, "why it is corrected"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let today = service.today
            // What is not given is taken from the decision as it is, in the domain.
            let events = try service.correctDecision(citizen: inv.required("citizen"), decision: inv.required("decision"),
                                                     legalArea: inv.choice("area", LegalArea.self), date: try inv.day("date", today: today),
                                                     text: inv.string("text"), appealDeadline: try inv.day("appeal-deadline", today: today),
                                                     sent: inv.choice("sent", Delivery.self) ?? .digital, reason: inv.required("reason"),
                                                     as: inv.required("as"))
            Output.line(events[0].seq)
            return 0
        }
    }

    static var annul: CommandSpec {
        CommandSpec(["decision", "annul"], "annul a recorded decision with the reason (it stays in the plan, marked); prints the seq", options: [
            .actor(), .citizen, .text("decision", "ID", required: true, "the decision (d1, …)"), .text("reason", "TEXT", required: true, "why it is annulled"),
        ]) { inv in
            let events = try Context.open(inv.dataDirectory).execute(.annulDecision(citizen: inv.required("citizen"), decision: inv.required("decision"),
                                                                                     reason: inv.required("reason")), as: inv.required("as"))
            Output.line(events[0].seq)
            return 0
        }
    }

    /// The decision a `DecisionRecorded` event holds.
    static func recorded(_ e: RecordedEvent) -> Decision? {
        guard case let .decisionRecorded(d)? = try? DomainEvent(type: e.type, fields: e.data) else { return nil }
        return d
    }

    static var add: CommandSpec {
        CommandSpec(["decision", "add"], "record a decision; prints it with its appeal deadline", options: [
            .actor(), .citizen, .choice("area", LegalArea.self, required: true, "the legal area"),
            .date("date", "the decision's date (default: today)"), .text("text", "TEXT", required: true, "the decision"),
            .choice("sent", Delivery.self, "how it reaches the citizen (default digital: Digital Post)"),
            .date("appeal-deadline", "a deadline other than the reckoned one"), .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let today = service.today, citizen = inv.required("citizen")
            let command = Command.recordDecision(citizen: citizen, legalArea: inv.choice("area", LegalArea.self)!,
                                                 date: try inv.day("date", today: today) ?? today, text: inv.required("text"),
                                                 appealDeadline: try inv.day("appeal-deadline", today: today),
                                                 sent: inv.choice("sent", Delivery.self) ?? .digital)
            let events = try service.execute(command, as: inv.required("as"))
            // The decision just written, as its event holds it (its id and its reckoned deadline).
            guard let d = events.lazy.compactMap(DecisionCommands.recorded).first else { return 0 }
            if inv.flag("json") {
                Output.jsonArray([d]) { d, w in
                    w.openObject()
                    w.field("id", d.id); w.field("citizen", citizen); w.field("legalArea", d.legalArea.rawValue); w.field("date", d.date.iso)
                    w.field("text", d.text); w.field("sector", d.sector.rawValue); w.field("appealDeadline", d.appealDeadline.iso); w.field("seq", events[0].seq)
                    w.closeObject()
                }
            } else {
                Output.line("\(d.id) \(d.legalArea.rawValue) \(d.date.iso) · appeal deadline \(d.appealDeadline.iso) · seq \(events[0].seq)")
            }
            return 0
        }
    }
}
