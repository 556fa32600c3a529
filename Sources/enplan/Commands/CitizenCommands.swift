@_spi(Store) import EnPlanDomain
import Foundation
import EnPlanTUI

/// The citizens: the list, registering one, one citizen's case, contacts and consent; and the
/// benefit code list their cases use.
enum CitizenCommands {
    static var all: [CommandSpec] {
        [benefits, citizens, add, show, contact, consent, withdraw, responsible, close, reopen, cpr, duplicates, link, dismiss]
    }

    static var benefits: CommandSpec {
        CommandSpec(["benefits"], "the date-bounded benefit code list", options: [.json]) { inv in
            let list = try Context.open(inv.dataDirectory).benefits.values.sorted { $0.code < $1.code }
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
        CommandSpec(["citizens"], "the citizens USER may see, the CPR number masked; a closed case with the day it closed", options: [
            .actor(), .text("cpr", "DDMMYY-SSSS", "only the citizen with this CPR number, now or before a change (if USER may see them)"), .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory), actor = inv.required("as")
            // In Danish order, as the screen's list (CLDR's, through ICU), equal names by id.
            var rows = try service.citizens(as: actor)
                .map { (DanishCollation.key($0.name), $0) }
                .sorted { $0.0 != $1.0 ? $0.0.lexicographicallyPrecedes($1.0) : $0.1.id < $1.1.id }.map(\.1)
            if let cpr = inv.string("cpr") {
                let id = service.visibleCitizen(cpr, as: actor)
                rows = rows.filter { $0.id == id }
            }
            if inv.flag("json") {
                printJSON(rows)
            } else {
                Output.table(["ID", "NAME", "CPR", "AGE", "SECTORS", "RESPONSIBLE", "OVERDUE", "CLOSED"],
                             rows.map { [$0.id, $0.name, $0.maskedCPR, String($0.age), $0.sectors.map(\.rawValue).joined(separator: ","),
                                         $0.responsible, $0.overdueFollowUps > 0 ? String($0.overdueFollowUps) : "", $0.closed?.iso ?? ""] })
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
            w.field("closed", r.closed)
            if !r.linked.isEmpty { w.field("linked", r.linked.map(\.id)) }
            w.closeObject()
        }
    }

    static var add: CommandSpec {
        CommandSpec(["citizen", "add"], "register a citizen; prints the new citizen's id (a probable duplicate is a warning on stderr: \"Mulig dublet: …\", named only if you may see that citizen)", options: [
            .actor(), .text("cpr", "DDMMYY-SSSS", required: true, "the CPR number"), .text("name", "NAME", required: true, "the citizen's name"),
            .text("benefit", "CODE", "the benefit (`enplan benefits`)"), .text("responsible", "USER", "the responsible caseworker (default: you)"),
        ]) { inv in
            let command = Command.registerCitizen(cpr: inv.required("cpr"), name: inv.required("name"), benefit: inv.string("benefit"),
                                                  responsible: inv.string("responsible"))
            let service = try Context.open(inv.dataDirectory), actor = inv.required("as")
            let events = try service.execute(command, as: actor)
            Output.line(events[0].stream)
            // Not blocking: the registration stands; a team leader links or dismisses the pair.
            for hint in try service.duplicateHints(of: events[0].stream, as: actor) { Output.warning(hintText(hint)) }
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

    /// A duplicate hint in Danish, as the screen says it: the other registration by name and birth
    /// date (and its id, which the headless commands take), or only that there may be one.
    static func hintText(_ hint: DuplicateHint) -> String {
        switch hint.other {
        case let .named(id, name, born, closed):
            return "Mulig dublet: \(name), født \(born.danish)" + (closed.map { ", lukket \($0.danish)" } ?? "") + " (\(id))"
        case .unseen:
            return "Der findes måske allerede en registrering: spørg din teamleder"
        }
    }

    static var close: CommandSpec {
        CitizenWrite.command(["citizen", "close"], "close the citizen's case on DATE (today or before), with the reason: the responsible caseworker or a team leader", options: [
            .date("date", required: true, "the day the case closed"), .text("reason", "TEXT", required: true, "why (the citizen's journey shows it)"),
        ]) { inv, citizen, today in
            .closeCase(citizen: citizen, date: try inv.day("date", today: today)!, reason: inv.required("reason"))
        }
    }

    static var reopen: CommandSpec {
        CitizenWrite.command(["citizen", "reopen"], "reopen a closed case (from today), with the reason: the responsible caseworker or a team leader", options: [
            .text("reason", "TEXT", required: true, "why (the citizen's journey shows it)"),
        ]) { inv, citizen, _ in
            .reopenCase(citizen: citizen, reason: inv.required("reason"))
        }
    }

    static var cpr: CommandSpec {
        CitizenWrite.command(["citizen", "cpr"], "record the citizen's new CPR number (the old one is kept and still finds them): the responsible caseworker or a team leader", options: [
            .text("new", "DDMMYY-SSSS", required: true, "the new CPR number"), .text("reason", "TEXT", required: true, "why (the citizen's journey shows it)"),
        ]) { inv, citizen, _ in
            .changeCPR(citizen: citizen, new: inv.required("new"), reason: inv.required("reason"))
        }
    }

    static var duplicates: CommandSpec {
        CommandSpec(["duplicates"], "probable duplicates no team leader has linked or dismissed: the same birth date and a similar name (Søren Sørensen, Soeren Sorensen), or the same name and a near CPR number", options: [
            .actor("SUPERVISOR"), .json,
        ]) { inv in
            let pairs = try Context.open(inv.dataDirectory).duplicates(as: inv.required("as"))
            if inv.flag("json") {
                Output.jsonArray(pairs) { p, w in
                    w.openObject()
                    for (key, r) in [("first", p.first), ("second", p.second)] {
                        w.key(key); w.openObject()
                        w.field("id", r.id); w.field("name", r.name); w.field("cpr", r.maskedCPR); w.field("born", r.born)
                        w.field("responsible", r.responsible); w.field("closed", r.closed)
                        w.closeObject()
                    }
                    w.field("reasons", p.reasons.map(\.rawValue))
                    w.closeObject()
                }
            } else {
                Output.table(["FIRST", "NAME", "CPR", "SECOND", "NAME", "CPR", "WHY"], pairs.map { p in
                    [p.first.id, p.first.name, p.first.maskedCPR, p.second.id, p.second.name, p.second.maskedCPR,
                     p.reasons.map { $0 == .sameBirthDate ? "same birth date, similar name" : "same name, near CPR number" }.joined(separator: "; ")]
                })
                Output.line("\(pairs.count) probable duplicates")
            }
            return 0
        }
    }

    static var link: CommandSpec {
        CitizenWrite.command(["duplicates", "link"], "a team leader links two registrations as one person (both stay; each names the other), with the reason", options: [
            .text("other", "ID", required: true, "the other registration"), .text("reason", "TEXT", required: true, "why (both journeys show it)"),
        ]) { inv, citizen, _ in
            .linkCitizens(citizen: citizen, other: inv.required("other"), reason: inv.required("reason"))
        }
    }

    static var dismiss: CommandSpec {
        CitizenWrite.command(["duplicates", "dismiss"], "a team leader dismisses a probable duplicate: two people, not flagged again, with the reason", options: [
            .text("other", "ID", required: true, "the other registration"), .text("reason", "TEXT", required: true, "why (both journeys show it)"),
        ]) { inv, citizen, _ in
            .dismissDuplicate(citizen: citizen, other: inv.required("other"), reason: inv.required("reason"))
        }
    }
}
