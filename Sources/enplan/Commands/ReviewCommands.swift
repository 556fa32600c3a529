@_spi(Store) import EnPlanDomain
import Foundation

/// The quarterly review headless: `enplan review sample` (draw the quarter's plans, or `--check
/// ID`: draw again from the recorded population and seed), `review record` (one drawn plan's
/// review; its actions become follow-ups), `review list` (the quarters, or one quarter's plans).
/// Supervisors and administrators only (the domain refuses others, exit 1).
enum ReviewCommands {
    static var all: [CommandSpec] { [sample, record, list] }

    enum YesNo: String, CaseIterable { case yes, no }

    static func quarter(_ inv: Invocation, _ today: Day) -> Quarter {
        inv.quarter("quarter") ?? Quarter(of: today)
    }

    static var sample: CommandSpec {
        CommandSpec(["review", "sample"], "draw the quarter's review sample (at least one plan from each sector × target group), or check a draw", options: [
            .actor("SUPERVISOR"), .quarter("quarter", "the quarter (default: this one)"),
            .int("size", in: 1...1000, "how many plans at least (default 16)"),
            .text("check", "ID", "draw again from the draw's recorded population and seed and say whether it matches (exit 1 if not)"), .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let viewer = inv.required("as")
            if let id = inv.string("check") {
                let (draw, again) = try service.checkReviewDraw(id, as: viewer)
                let same = again == draw.plans
                if inv.flag("json") {
                    Output.jsonArray([draw]) { d, w in
                        w.openObject(); w.field("id", d.id); w.field("seed", d.seed); w.field("matches", same)
                        w.field("plans", d.plans); w.field("again", again); w.closeObject()
                    }
                } else {
                    Output.line("\(draw.id): " + (same ? "matches" : "does NOT match")
                          + " (drawn again from \(draw.population.reduce(0) { $0 + $1.citizens.count }) plans in \(draw.population.count) strata with seed \(draw.seed): \(again.count) plans)")
                }
                return same ? 0 : 1
            }
            let draw = try service.drawReviewSample(quarter: quarter(inv, service.today), size: inv.int("size") ?? ReviewDraw.defaultSize, as: viewer)
            try show(draw, service.drawnPlans(draw.id, as: viewer), json: inv.flag("json"))
            return 0
        }
    }

    static func show(_ d: ReviewDraw, _ plans: [CaseService.DrawnPlan], json: Bool) throws {
        let population = d.population.reduce(0) { $0 + $1.citizens.count }
        if json {
            Output.jsonArray([d]) { d, w in
                w.openObject()
                w.field("id", d.id); w.field("quarter", d.quarter.id); w.field("seed", d.seed); w.field("size", d.size); w.field("drawn", d.drawn.iso)
                w.field("population", population); w.field("strata", d.population.count); w.field("excluded", d.excluded.count)
                w.key("plans"); w.openArray()
                for p in plans {
                    w.openObject(); w.field("citizen", p.citizen); w.field("name", p.name); w.field("stratum", p.stratum?.key)
                    w.field("reviewed", p.review?.date.iso); w.closeObject()
                }
                w.closeArray(); w.closeObject()
            }
        } else {
            Output.line("\(d.id) · seed \(d.seed) · \(d.plans.count) plans of \(population) in \(d.population.count) strata · \(d.excluded.count) reviewed in the last 12 months left out")
            Output.table(["CITIZEN", "NAME", "STRATUM", "REVIEWED"], plans.map { [$0.citizen, $0.name, $0.stratum?.key ?? "", $0.review?.date.iso ?? ""] })
        }
    }

    static var record: CommandSpec {
        CommandSpec(["review", "record"], "record a drawn plan's review; an action becomes a follow-up on the plan", options: [
            .actor("SUPERVISOR"), .citizen, .quarter("quarter", "the draw (default: this quarter's)"),
            .text("authority", "NAME", "who reviewed it for the authority (default: you)"), .text("provider", "NAME", "who reviewed it for the provider"),
            .choice("invited", YesNo.self, required: true, "the citizen was invited"), .choice("took-part", YesNo.self, required: true, "the citizen took part"),
            .int("focus", in: 1...4, required: true, "the (re)habilitation focus: 1 not rehabilitative, 2 small, 3 some, 4 high degree"),
            .text("findings", "TEXT", required: true, "what the review found"), .text("action", "TEXT", "an action (becomes a follow-up)"),
            .date("action-due", "when the action is followed up (default +4w)"), .date("date", "the review's day (default today)"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let today = service.today, viewer = inv.required("as")
            let actions = try inv.string("action").map { [ReviewAction(text: $0, due: try inv.day("action-due", today: today) ?? today + 28)] } ?? []
            let events = try service.execute(.recordReview(
                citizen: inv.required("citizen"), draw: quarter(inv, today).id, date: try inv.day("date", today: today) ?? today,
                authority: inv.string("authority") ?? (try service.user(viewer)).name, provider: inv.string("provider") ?? "",
                invited: inv.choice("invited", YesNo.self) == .yes, tookPart: inv.choice("took-part", YesNo.self) == .yes,
                focus: ReviewFocus(rawValue: inv.int("focus")!)!, findings: inv.required("findings"), actions: actions), as: viewer)
            Output.line(events[0].seq)
            return 0
        }
    }

    static var list: CommandSpec {
        CommandSpec(["review", "list"], "the review by quarter (drawn, reviewed), or one quarter's drawn plans with --quarter", options: [
            .actor("SUPERVISOR"), .quarter("quarter", "one quarter's plans"), .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let viewer = inv.required("as")
            if inv.quarter("quarter") != nil {
                let q = quarter(inv, service.today)
                guard let d = try service.reviewDraws(as: viewer).first(where: { $0.quarter == q }) else { throw DomainError.notFound(.reviewSample(q.id)) }
                try show(d, service.drawnPlans(d.id, as: viewer), json: inv.flag("json"))
                return 0
            }
            let progress = try service.reviewProgress(as: viewer)
            let draws = progress.map(\.draw), reviewed = progress.map(\.reviewed)
            if inv.flag("json") {
                Output.jsonArray(Array(zip(draws, reviewed))) { p, w in
                    w.openObject(); w.field("id", p.0.id); w.field("quarter", p.0.quarter.id); w.field("drawn", p.0.plans.count)
                    w.field("reviewed", p.1); w.field("seed", p.0.seed); w.field("date", p.0.drawn.iso); w.closeObject()
                }
            } else {
                Output.table(["QUARTER", "DRAWN", "REVIEWED", "PROGRESS", "DATE"],
                             zip(draws, reviewed).map { [$0.0.id, String($0.0.plans.count), String($0.1), "\($0.1) of \($0.0.plans.count) reviewed", $0.0.drawn.iso] })
            }
            return 0
        }
    }
}
