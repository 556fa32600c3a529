@_spi(Store) import EnPlanDomain
import EnPlanTUI
import Foundation

/// The unified plan: creating it, applying a template, its efforts and follow-ups, the export
/// for the citizen, and the citizen's journey.
enum PlanCommands {
    static var all: [CommandSpec] { [create, apply, export, print, effort, followUpAdd, followUpDone, journey, referralAnswer] }

    static var create: CommandSpec {
        CitizenWrite.command(["plan", "create"], "the unified plan (needs consent)", options: [
            .choice("goal", OverallGoal.self, required: true, "the overall goal"), .text("words", "TEXT", "the goal in the citizen's own words"),
        ]) { inv, citizen, _ in
            .createPlan(citizen: citizen, overallGoal: inv.choice("goal", OverallGoal.self)!, ownWords: inv.string("words") ?? "")
        }
    }

    static var effort: CommandSpec {
        CitizenWrite.command(["effort", "add"], "add an effort to the plan", options: [
            .text("title", "T", required: true, "what it is"), .choice("sector", Sector.self, required: true, "the sector that provides it"),
            .text("basis", "\"SEL § 85\"", required: true, "its legal basis"), .text("provider", "P", "who provides it (needed without --offer)"),
            .date("start", "when it starts (default today)"), .date("end", "when it ends"), .text("goal", "G", "the goal it serves"),
            .flag("welfare-technology", "a welfare-technology effort (a smartphone, a tablet, an app)"),
            .text("offer", "ID", "the offer in the register it is carried out at (`offer list`); its provider is then the offer's"),
        ]) { inv, citizen, today in
            .addEffort(citizen: citizen, goal: inv.string("goal"), title: inv.required("title"), sector: inv.choice("sector", Sector.self)!,
                       legalBasis: inv.required("basis"), provider: inv.string("provider") ?? "",
                       start: try inv.day("start", today: today) ?? today, end: try inv.day("end", today: today),
                       welfareTechnology: inv.flag("welfare-technology"), offer: inv.string("offer"))
        }
    }

    static var followUpAdd: CommandSpec {
        CitizenWrite.command(["followup", "add"], "schedule a follow-up", options: [
            .date("due", required: true, "when it is due"), .text("subject", "TEXT", "what it is about (\"Samtale om praktik\")"),
        ]) { inv, citizen, today in
            .scheduleFollowUp(citizen: citizen, due: try inv.day("due", today: today)!, subject: inv.string("subject"))
        }
    }

    static var followUpDone: CommandSpec {
        CitizenWrite.command(["followup", "done"], "complete a follow-up with its result", options: [
            .text("followup", "ID", required: true, "the follow-up (`citizen show` lists them)"),
            .choice("result", FollowUpResult.self, required: true, "what the plan does next"), .text("note", "TEXT", "a note"),
            .date("done", "when it was done (default today)"),
        ]) { inv, citizen, today in
            .completeFollowUp(citizen: citizen, followUp: inv.required("followup"), done: try inv.day("done", today: today) ?? today,
                              result: inv.choice("result", FollowUpResult.self)!, note: inv.string("note"))
        }
    }

    static var referralAnswer: CommandSpec {
        CitizenWrite.command(["referral", "answer"], "answer a referral to your sector (accepted, rejected) or revoke your own, with the reason", options: [
            .text("referral", "ID", required: true, "the referral (`citizen show`)"),
            .choice("answer", ReferralStatus.self, required: true, "accepted, rejected or revoked"), .why,
        ]) { inv, citizen, _ in
            .answerReferral(citizen: citizen, referral: try inv.required("referral"), status: inv.choice("answer", ReferralStatus.self)!,
                            reason: inv.string("reason"))
        }
    }

    static var apply: CommandSpec {
        CommandSpec(["plan", "apply"], "add a template's goals, efforts and follow-ups in one write, dated from --start", options: [
            .actor(), .citizen, .text("template", "ID", required: true, "the template (`enplan templates`)"), .date("start", "the day it counts from (default today)"),
            .flag("confirm-sharing", "share efforts with sectors the consent does not cover (refused without it, naming what and with whom)"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let command = Command.applyTemplate(citizen: inv.required("citizen"), template: inv.required("template"),
                                                start: try inv.day("start", today: service.today), confirmedSharing: inv.flag("confirm-sharing"))
            let events = try service.execute(command, as: inv.required("as"))
            Output.line("\(events.count) events, seq \(events.first!.seq)-\(events.last!.seq)")
            return 0
        }
    }

    static var lang: OptionSpec { .choice("lang", Language.self, "the language (default da)") }

    static func names(_ service: CaseService, _ s: Strings) -> PlanScreen.Names { Names(service, s) }

    static var export: CommandSpec {
        CommandSpec(["plan", "export"], "the plan as a document for the citizen on stdout: no CPR, notes or unshared content; the look is audit-logged",
                    options: [.actor(), .citizen, .choice("format", PlanDocument.Format.self, "text (default) or markdown"), lang, .reason]) { inv in
            let strings = Strings(inv.choice("lang", Language.self) ?? .da)
            let service = try Context.open(inv.dataDirectory)
            let id = inv.required("citizen"), actor = inv.required("as")
            // Read without a view of its own: the export is the look, recorded once with its reason.
            let detail = try service.citizen(id, as: actor, reason: inv.string("reason"), purpose: "export", logged: false)
            try service.recordExport(.planDocument, citizen: id, as: actor, reason: detail.brokeTheGlass ? inv.string("reason") : nil)
            let format = inv.choice("format", PlanDocument.Format.self) ?? .text
            Output.text(PlanDocument.render(detail, names: names(service, strings), strings: strings, format: format,
                                            letterhead: Settings.load(directory: inv.dataDirectory).letterhead))
            return 0
        }
    }

    static var print: CommandSpec {
        CommandSpec(["plan", "print"], "print the plan for the citizen on the municipality's printer (CUPS, lp: A4, a header on each page); prints the job id; audit-logged",
                    options: [.actor(), .citizen, .text("printer", "QUEUE", "the CUPS queue (default: the settings' printer for this user, else printer, else CUPS's default)"),
                              lang, .reason]) { inv in
            let strings = Strings(inv.choice("lang", Language.self) ?? .da)
            let service = try Context.open(inv.dataDirectory)
            let id = inv.required("citizen"), actor = inv.required("as")
            let settings = Settings.load(directory: inv.dataDirectory)
            let detail = try service.citizen(id, as: actor, reason: inv.string("reason"), purpose: "export", logged: false)
            let document = PlanDocument.document(detail, names: names(service, strings), strings: strings, format: .text, letterhead: settings.letterhead)
            let header = (settings.letterhead.municipality.map { $0 + " · " } ?? "") + strings.p(.docTitle) + ": " + detail.citizen.name
            let title = "enplan-plan-\(detail.citizen.name)-\(service.today.iso)"
            let ps = PrintLayout.postScript(document, header: header, title: title, strings: strings)
            let queue = inv.string("printer") ?? settings.printer(for: actor)
            let job = try Printing.submit(ps, title: title, queue: queue)
            try service.recordExport(.planPrinted, citizen: id, as: actor, reason: ([queue ?? "default", job] + (detail.brokeTheGlass ? [inv.string("reason") ?? ""] : [])).joined(separator: " · "))
            Output.line(job)
            return 0
        }
    }

    static var journey: CommandSpec {
        CommandSpec(["journey"], "the citizen's journey in time order, with its figures", options: [
            .actor(), .citizen, .choice("sector", Sector.self, "only this sector's entries"), .choice("kind", JourneyKind.self, "only entries of this kind"),
            lang, .reason, .json,
        ]) { inv in
            let id = inv.required("citizen")
            let strings = Strings(inv.choice("lang", Language.self) ?? .da)
            let service = try Context.open(inv.dataDirectory)
            let journey = try service.journey(id, as: inv.required("as"), reason: inv.string("reason"))
            let entries = journey.filtered(sector: inv.choice("sector", Sector.self), kind: inv.choice("kind", JourneyKind.self))
            if inv.flag("json") {
                Output.line(journeyJSON(id, journey, entries))
                return 0
            }
            let s = strings
            for (line, _) in JourneyView(journey: journey).figureLines(s) { Output.line(line) }
            var n = names(service, s)
            n.citizens = journey.others
            n.items = journey.items
            Output.table(["TIME", "SECTOR", "WHO", "WHAT"], entries.map {
                [s.time($0.at.local), $0.seen.sector.map(s.sector) ?? "", n.users[$0.event.actor] ?? $0.event.actor, s.describe($0.seen, names: n)]
            })
            return 0
        }
    }

    static func journeyJSON(_ id: String, _ journey: Journey, _ entries: [Journey.Entry]) -> String {
        let f = journey.figures
        var w = JSONWriter()
        w.openObject()
        w.field("citizen", id)
        w.key("figures"); w.openObject()
        for (name, window) in [("contacts", f.contacts), ("meetings", f.meetings), ("caseworkers", f.caseworkers)] {
            w.key(name); w.openObject(); w.field("days90", window.days90); w.field("months12", window.months12); w.closeObject()
        }
        func lead(_ l: Journey.Lead) { w.openObject(); w.field("from", l.from.iso); w.field("started", l.started?.iso); w.field("days", l.days); w.closeObject() }
        if let p = f.planToFirstEffort { w.key("planToFirstEffort"); lead(p) }
        w.key("referrals"); w.openArray()
        for r in f.referrals { w.openObject(); w.field("id", r.id); w.field("to", r.to.rawValue); w.key("lead"); lead(r.lead); w.closeObject() }
        w.closeArray()
        w.closeObject()
        w.key("entries"); w.openArray()
        for e in entries {
            w.openObject()
            w.field("seq", e.event.seq); w.field("at", e.at.iso); w.field("actor", e.event.actor); w.field("type", e.event.type)
            w.field("kind", e.kind.rawValue); w.field("sector", e.seen.sector?.rawValue); w.field("hidden", e.seen.hidden)
            w.key("data"); e.event.data.encode(to: &w)
            w.closeObject()
        }
        w.closeArray()
        w.closeObject()
        return w.string
    }
}
