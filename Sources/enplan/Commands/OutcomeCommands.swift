@_spi(Store) import EnPlanDomain
import Foundation

/// Outcomes toward self-support, the citizen's own assessment, the vulnerability flag and the
/// youth measure's target group, headless (issue 10, parts 1, 2 and 5). The lists read the citizen
/// through `CaseService.citizen` (the same redaction as the plan screen; the look is logged once).
enum OutcomeCommands {
    static var all: [CommandSpec] { [outcomeRecord, outcomeList, ownRecord, ownList, vulnerability, groupSet, groupShow] }

    static var outcomeRecord: CommandSpec {
        CommandSpec(["outcome", "record"], "record a status toward self-support (or an exit), dated, with its source", options: [
            .actor(), .citizen, .choice("status", OutcomeStatus.self, required: true, "the status"),
            .date("date", required: true, "the day it holds from"), .text("source", "TEXT", "where it came from (a register, the citizen, a letter)"),
            .int("expect-version", "N", "the citizen's version you saw (`citizen show`); refused if it has changed since"), .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let today = service.today, citizen = inv.required("citizen")
            let command = Command.recordOutcome(citizen: citizen, status: inv.choice("status", OutcomeStatus.self)!,
                                                date: try inv.day("date", today: today)!, source: inv.string("source"))
            let events = try service.execute(command,
                                             as: inv.required("as"), expectedVersion: inv.int("expect-version"))
            guard inv.flag("json") else { print(events[0].seq); return 0 }
            let written = try Outcome(fields: events[0].data)
            Output.jsonArray([written]) { o, w in outcomeJSON(o, citizen: citizen, &w); w.field("seq", events[0].seq); w.closeObject() }
            return 0
        }
    }

    static var outcomeList: CommandSpec {
        CommandSpec(["outcome", "list"], "a citizen's statuses toward self-support, oldest first (what consent lets you see; the look is logged)",
                    options: [.actor(), .citizen, .reason, .json]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let citizen = inv.required("citizen")
            let d = try service.citizen(citizen, as: inv.required("as"), reason: inv.string("reason"))
            let list = d.citizen.outcomes.statuses
            if inv.flag("json") {
                Output.jsonArray(list) { o, w in outcomeJSON(o, citizen: citizen, &w); w.closeObject() }
            } else {
                Output.table(["DATE", "STATUS", "SECTOR", "SOURCE"], list.map { [$0.date.iso, $0.status.rawValue, $0.sector.rawValue, $0.source ?? ""] })
            }
            return 0
        }
    }

    /// An outcome's fields, the object left open for the caller's last fields.
    static func outcomeJSON(_ o: Outcome, citizen: String, _ w: inout JSONWriter) {
        w.openObject()
        w.field("citizen", citizen); w.field("status", o.status); w.field("date", o.date); w.field("source", o.source); w.field("sector", o.sector)
        w.field("success", o.status.isSuccess); w.field("exit", o.status.isExit)
    }

    static var ownRecord: CommandSpec {
        CommandSpec(["own-assessment", "record"], "record the citizen's own assessment: a topic, a score 1-5 and their own words", options: [
            .actor(), .citizen, .choice("topic", OwnAssessmentTopic.self, required: true, "what it is about"),
            .int("score", in: 1...5, required: true, "the citizen's score, 1-5"), .text("words", "TEXT", "in the citizen's own words"),
            .date("date", "the day they said it (default today)"),
            .int("expect-version", "N", "the citizen's version you saw (`citizen show`); refused if it has changed since"), .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let today = service.today, citizen = inv.required("citizen")
            let events = try service.execute(.recordOwnAssessment(citizen: citizen, topic: inv.choice("topic", OwnAssessmentTopic.self)!,
                                                                  score: inv.int("score")!, words: inv.string("words") ?? "",
                                                                  date: try inv.day("date", today: today) ?? today),
                                             as: inv.required("as"), expectedVersion: inv.int("expect-version"))
            guard inv.flag("json") else { print(events[0].seq); return 0 }
            let written = try OwnAssessment(fields: events[0].data)
            Output.jsonArray([written]) { a, w in ownJSON(a, citizen: citizen, &w); w.field("seq", events[0].seq); w.closeObject() }
            return 0
        }
    }

    static var ownList: CommandSpec {
        CommandSpec(["own-assessment", "list"], "a citizen's own assessments, oldest first (what consent lets you see; the look is logged)",
                    options: [.actor(), .citizen, .reason, .json]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let citizen = inv.required("citizen")
            let list = try service.citizen(citizen, as: inv.required("as"), reason: inv.string("reason")).citizen.outcomes.assessments
            if inv.flag("json") {
                Output.jsonArray(list) { a, w in ownJSON(a, citizen: citizen, &w); w.closeObject() }
            } else {
                Output.table(["DATE", "TOPIC", "SCORE", "SECTOR", "WORDS"], list.map { [$0.date.iso, $0.topic.rawValue, String($0.score), $0.sector.rawValue, $0.words] })
            }
            return 0
        }
    }

    static func ownJSON(_ a: OwnAssessment, citizen: String, _ w: inout JSONWriter) {
        w.openObject()
        w.field("citizen", citizen); w.field("topic", a.topic); w.field("score", a.score); w.field("words", a.words); w.field("date", a.date)
        w.field("sector", a.sector)
    }

    enum YesNo: String, CaseIterable { case yes, no }

    static var vulnerability: CommandSpec {
        CitizenWrite.command(["vulnerability", "set"], "set or clear the citizen's psychological vulnerability flag (the youth target group may ask for it)", options: [
            .choice("on", YesNo.self, required: true, "vulnerable or not"), .date("date", "from which day (default today)"),
        ]) { inv, citizen, today in
            .recordVulnerability(citizen: citizen, on: inv.choice("on", YesNo.self) == .yes, date: try inv.day("date", today: today) ?? today)
        }
    }

    static var groupSet: CommandSpec {
        CommandSpec(["target-group", "set"], "set the youth measure's target group (supervisors and admins); replaces the one before", options: [
            .actor("SUPERVISOR"), .date("baseline", required: true, "the baseline day (everyone in the group that day is the baseline cohort)"),
            .text("benefits", "CODE,…", "the benefits that count (default: \(YouthTargetGroup.defaultBenefits.joined(separator: ",")))"),
            .int("max-age", in: 15...30, "under this age at entry (default 30)"),
            .text("basis", "\"SEL\"", "the legal basis an active effort must have, by its start (default SEL: serviceloven)"),
            .choice("vulnerability", YesNo.self, "only citizens with the vulnerability flag (default no)"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            try service.execute(.setYouthTargetGroup(maxAge: inv.int("max-age") ?? 30, benefits: inv.list("benefits") ?? YouthTargetGroup.defaultBenefits,
                                                     effortBasis: inv.string("basis") ?? "SEL",
                                                     requireVulnerability: inv.choice("vulnerability", YesNo.self) == .yes,
                                                     baseline: try inv.day("baseline", today: service.today)!), as: inv.required("as"))
            print(service.youthTargetGroup.map(describe) ?? "")
            return 0
        }
    }

    static var groupShow: CommandSpec {
        CommandSpec(["target-group", "show"], "the youth measure's target group as it is set", options: [.actor(), .json]) { inv in
            let service = try Context.open(inv.dataDirectory)
            _ = try service.user(inv.required("as"))
            guard let g = service.youthTargetGroup else { throw DomainError.notFound("no target group is set yet (`enplan target-group set`)") }
            if inv.flag("json") {
                Output.jsonArray([g]) { g, w in
                    w.openObject(); w.field("maxAge", g.maxAge); w.field("benefits", g.benefits); w.field("effortBasis", g.effortBasis)
                    w.field("requireVulnerability", g.requireVulnerability); w.field("baseline", g.baseline); w.field("setOn", g.setOn); w.closeObject()
                }
            } else {
                print(describe(g))
            }
            return 0
        }
    }

    static func describe(_ g: YouthTargetGroup) -> String {
        "under \(g.maxAge), benefit \(g.benefits.joined(separator: "/")), an active \(g.effortBasis) effort"
            + (g.requireVulnerability ? ", vulnerability flag" : "") + "; baseline \(g.baseline.iso)"
    }
}
