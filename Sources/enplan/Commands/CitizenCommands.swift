@_spi(Store) import EnPlanDomain
import Foundation
import EnPlanTUI

/// The citizens: the list, registering one, one citizen's case, contacts and consent; and the
/// benefit code list their cases use.
enum CitizenCommands {
    static var all: [CommandSpec] { [benefits, citizens, add, show, contact, consent, withdraw, responsible] }

    static var benefits: CommandSpec {
        CommandSpec(["benefits"], "the date-bounded benefit code list", options: [.json]) { inv in
            let list = try Context.open(inv.dataDirectory).state.benefits.values.sorted { $0.code < $1.code }
            if inv.flag("json") {
                Output.jsonArray(list) { b, w in
                    w.openObject(); w.field("code", b.code); w.field("da", b.danish); w.field("en", b.english)
                    w.field("validFrom", b.validFrom); w.field("validTo", b.validTo); w.closeObject()
                }
            } else {
                Output.table(["CODE", "DANISH", "VALID"], list.map { [$0.code, $0.danish, "\($0.validFrom.iso) – \($0.validTo?.iso ?? "")"] })
            }
            return 0
        }
    }

    static var citizens: CommandSpec {
        CommandSpec(["citizens"], "the citizens USER may see, the CPR number masked", options: [.actor(), .json]) { inv in
            // In Danish order, as the screen's list (CLDR's, through ICU), equal names by id.
            let rows = try Context.open(inv.dataDirectory).citizens(as: inv.required("as"))
                .map { (DanishCollation.key($0.name), $0) }
                .sorted { $0.0 != $1.0 ? $0.0.lexicographicallyPrecedes($1.0) : $0.1.id < $1.1.id }.map(\.1)
            if inv.flag("json") {
                printJSON(rows)
            } else {
                Output.table(["ID", "NAME", "CPR", "AGE", "SECTORS", "RESPONSIBLE", "OVERDUE"],
                             rows.map { [$0.id, $0.name, $0.maskedCPR, String($0.age), $0.sectors.map(\.rawValue).joined(separator: ","),
                                         $0.responsible, $0.overdueFollowUps > 0 ? String($0.overdueFollowUps) : ""] })
                Output.line("\(rows.count) citizens")
            }
            return 0
        }
    }

    /// Citizen rows as `citizens --json` prints them (also the list behind a figure, `report --list`).
    static func printJSON(_ rows: [CitizenRow]) {
        Output.jsonArray(rows) { r, w in
            w.openObject()
            w.field("id", r.id); w.field("name", r.name); w.field("cpr", r.maskedCPR); w.field("age", r.age)
            w.field("targetGroup", r.targetGroup); w.field("benefit", r.benefit); w.field("sectors", r.sectors)
            w.field("responsible", r.responsible); w.field("nextMeeting", r.nextMeeting?.iso)
            w.field("overdueFollowUps", r.overdueFollowUps); w.field("plan", r.planStatus); w.field("mine", r.mine)
            w.closeObject()
        }
    }

    static var add: CommandSpec {
        CommandSpec(["citizen", "add"], "register a citizen; prints the new citizen's id", options: [
            .actor(), .text("cpr", "DDMMYY-SSSS", required: true, "the CPR number"), .text("name", "NAME", required: true, "the citizen's name"),
            .text("benefit", "CODE", "the benefit (`enplan benefits`)"), .text("responsible", "USER", "the responsible caseworker (default: you)"),
        ]) { inv in
            let command = Command.registerCitizen(cpr: inv.required("cpr"), name: inv.required("name"), benefit: inv.string("benefit"),
                                                  responsible: inv.string("responsible"))
            let events = try Context.open(inv.dataDirectory).execute(command, as: inv.required("as"))
            Output.line(events[0].stream)
            return 0
        }
    }

    static var show: CommandSpec {
        CommandSpec(["citizen", "show"], "one citizen's case, with the ids the other commands take; the full CPR number only for users who work on the citizen",
                    options: [.actor(), .citizen, .reason, .json]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let d = try service.citizen(inv.required("citizen"), as: inv.required("as"), reason: inv.string("reason"))
            Output.text(inv.flag("json") ? CaseText.json(d) : CaseText.text(d, today: service.today))
            return 0
        }
    }

    static var contact: CommandSpec {
        CitizenWrite.command(["contact"], "log a contact (a ContactLogged event); prints its seq alone, once it is on disk", options: [
            .choice("channel", Channel.self, required: true, "how"), .text("note", "TEXT", "what it was about"),
        ]) { inv, citizen, _ in
            .logContact(citizen: citizen, channel: inv.choice("channel", Channel.self)!, note: inv.string("note"), at: nil)
        }
    }

    static var consent: CommandSpec {
        CitizenWrite.command(["consent", "give"], "the citizen's consent to share between sectors", options: [
            .choices("sectors", Sector.self, each: "sector", required: true, "the sectors that may share"),
        ]) { inv, citizen, _ in
            .giveConsent(citizen: citizen, sectors: inv.choices("sectors", Sector.self)!, given: nil)
        }
    }

    static var withdraw: CommandSpec {
        CitizenWrite.command(["consent", "withdraw"], "withdraw the citizen's consent (from today), with the reason", options: [
            .text("consent", "ID", required: true, "the consent (`citizen show`)"), .why,
        ]) { inv, citizen, _ in
            .withdrawConsent(citizen: citizen, consent: try inv.required("consent"), reason: inv.string("reason"))
        }
    }

    static var responsible: CommandSpec {
        CitizenWrite.command(["citizen", "responsible"], "give the citizen another responsible caseworker, with the reason", options: [
            .text("user", "USER", required: true, "the new responsible caseworker"), .why,
        ]) { inv, citizen, _ in
            .changeResponsible(citizen: citizen, user: try inv.required("user"), reason: inv.string("reason"))
        }
    }
}
