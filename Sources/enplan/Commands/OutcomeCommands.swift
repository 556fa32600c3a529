@_spi(Store) import EnPlanDomain
import Foundation

/// Outcomes toward self-support, the citizen's own assessment, the vulnerability flag and the
/// youth measure's target group, headless (issue 10, parts 1, 2 and 5). The lists read the citizen
/// through `CaseService.citizen` (the same redaction as the plan screen; the look is logged once).
enum OutcomeCommands {
    static var all: [CommandSpec] { outcome + ownAssessment + [vulnerability, groupSet, groupShow] }

    static var outcome: [CommandSpec] {
        pair("outcome", record: "record a status toward self-support (or an exit), dated, with its source",
             list: "a citizen's statuses toward self-support, oldest first (what consent lets you see; the look is logged)", options: [
                .choice("status", OutcomeStatus.self, required: true, "the status"), .date("date", required: true, "the day it holds from"),
                .text("source", "TEXT", "where it came from (a register, the citizen, a letter)"),
             ], header: ["DATE", "STATUS", "SECTOR", "SOURCE"], pieces: { $0.outcomes.statuses }) { inv, citizen, today in
            .recordOutcome(citizen: citizen, status: inv.choice("status", OutcomeStatus.self)!, date: try inv.day("date", today: today)!,
                           source: inv.string("source"))
        } cells: { (o: Outcome) in [o.date.iso, o.status.rawValue, o.sector.rawValue, o.source ?? ""] } json: { o, w in
            w.field("status", o.status); w.field("date", o.date); w.field("source", o.source); w.field("sector", o.sector)
            w.field("success", o.status.isSuccess); w.field("exit", o.status.isExit)
        }
    }

    static var ownAssessment: [CommandSpec] {
        pair("own-assessment", record: "record the citizen's own assessment: a topic, a score 1-5 and their own words",
             list: "a citizen's own assessments, oldest first (what consent lets you see; the look is logged)", options: [
                .choice("topic", OwnAssessmentTopic.self, required: true, "what it is about"),
                .int("score", in: 1...5, required: true, "the citizen's score, 1-5"), .text("words", "TEXT", "in the citizen's own words"),
                .date("date", "the day they said it (default today)"),
             ], header: ["DATE", "TOPIC", "SCORE", "SECTOR", "WORDS"], pieces: { $0.outcomes.assessments }) { inv, citizen, today in
            .recordOwnAssessment(citizen: citizen, topic: inv.choice("topic", OwnAssessmentTopic.self)!, score: inv.int("score")!,
                                 words: inv.string("words") ?? "", date: try inv.day("date", today: today) ?? today)
        } cells: { (a: OwnAssessment) in [a.date.iso, a.topic.rawValue, String(a.score), a.sector.rawValue, a.words] } json: { a, w in
            w.field("topic", a.topic); w.field("score", a.score); w.field("words", a.words); w.field("date", a.date); w.field("sector", a.sector)
        }
    }

    /// `NOUN record` and `NOUN list` for one kind of piece of a case: the record writes one command
    /// and prints its seq once it is on disk (with `--json`, the piece as written, with its seq);
    /// the list reads the citizen as the plan screen does (redacted by `Access`, the look logged once).
    static func pair<T: FieldsConvertible>(_ noun: String, record: String, list: String, options: [OptionSpec], header: [String],
                                           pieces: @escaping (Citizen) -> [T],
                                           _ make: @escaping (Invocation, String, Day) throws -> Command,
                                           cells: @escaping (T) -> [String], json: @escaping (T, inout JSONWriter) -> Void) -> [CommandSpec] {
        func object(_ piece: T, _ citizen: String, _ w: inout JSONWriter, seq: Int? = nil) {
            w.openObject(); w.field("citizen", citizen); json(piece, &w); w.field("seq", seq); w.closeObject()
        }
        let recording = CommandSpec([noun, "record"], record, options: [.actor(), .citizen] + options + [
            .int("expect-version", "N", "the citizen's version you saw (`citizen show`); refused if it has changed since"), .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let citizen = inv.required("citizen")
            let events = try service.execute(try make(inv, citizen, service.today), as: inv.required("as"), expectedVersion: inv.int("expect-version"))
            guard inv.flag("json") else { Output.line(events[0].seq); return 0 }
            Output.jsonArray([try T(fields: events[0].data)]) { piece, w in object(piece, citizen, &w, seq: events[0].seq) }
            return 0
        }
        let listing = CommandSpec([noun, "list"], list, options: [.actor(), .citizen, .reason, .json]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let citizen = inv.required("citizen")
            let all = pieces(try service.citizen(citizen, as: inv.required("as"), reason: inv.string("reason")).citizen)
            if inv.flag("json") { Output.jsonArray(all) { piece, w in object(piece, citizen, &w) } } else { Output.table(header, all.map(cells)) }
            return 0
        }
        return [recording, listing]
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
            .int("max-age", "N", "under this age at entry, 15-30 (default 30)"),
            .text("basis", "\"SEL\"", "the legal basis an active effort must have, by its start (default SEL: serviceloven)"),
            .choice("vulnerability", YesNo.self, "only citizens with the vulnerability flag (default no)"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            try service.execute(.setYouthTargetGroup(maxAge: inv.int("max-age") ?? 30, benefits: inv.list("benefits") ?? YouthTargetGroup.defaultBenefits,
                                                     effortBasis: inv.string("basis") ?? "SEL",
                                                     requireVulnerability: inv.choice("vulnerability", YesNo.self) == .yes,
                                                     baseline: try inv.day("baseline", today: service.today)!), as: inv.required("as"))
            Output.line(service.youthTargetGroup.map(describe) ?? "")
            return 0
        }
    }

    static var groupShow: CommandSpec {
        CommandSpec(["target-group", "show"], "the youth measure's target group as it is set", options: [.actor(), .json]) { inv in
            let service = try Context.open(inv.dataDirectory)
            _ = try service.user(inv.required("as"))
            guard let g = service.youthTargetGroup else { throw DomainError.notFound(.youthTargetGroup) }
            if inv.flag("json") {
                Output.jsonArray([g]) { g, w in
                    w.openObject(); w.field("maxAge", g.maxAge); w.field("benefits", g.benefits); w.field("effortBasis", g.effortBasis)
                    w.field("requireVulnerability", g.requireVulnerability); w.field("baseline", g.baseline); w.field("setOn", g.setOn); w.closeObject()
                }
            } else {
                Output.line(describe(g))
            }
            return 0
        }
    }

    static func describe(_ g: YouthTargetGroup) -> String {
        "under \(g.maxAge), benefit \(g.benefits.joined(separator: "/")), an active \(g.effortBasis) effort"
            + (g.requireVulnerability ? ", vulnerability flag" : "") + "; baseline \(g.baseline.iso)"
    }
}
