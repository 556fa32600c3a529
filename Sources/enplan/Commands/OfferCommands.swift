@_spi(Store) import EnPlanDomain
import Foundation

/// The offers register headless: `enplan offer add` (supervisors and administrators), `offer
/// list`, `offer attendance` (a provider's count for a week, no names). The weekly users are
/// the figures' (`enplan report offers`).
enum OfferCommands {
    static var all: [CommandSpec] { [add, list, attendance] }

    static let weekdayNames = ["man", "tir", "ons", "tor", "fre", "lør", "søn"]

    /// A weekday, 1 (Monday) to 7: "1", "man" or "mon".
    static func weekday(_ word: String) -> Int? {
        let english = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let l = word.lowercased()
        if let n = Int(l), (1...7).contains(n) { return n }
        return (weekdayNames.firstIndex { l.hasPrefix($0) } ?? english.firstIndex { l.hasPrefix($0) }).map { $0 + 1 }
    }

    /// "1,3", "man,ons" or "mon,wed": checked by the parser, read with `inv.list("weekdays")`.
    static var weekdaysOption: OptionSpec {
        OptionSpec(name: "weekdays", valueName: "man,ons", required: false, help: "the days it runs (1-7 or day names)", check: { s in
            Invocation.split(s).first { weekday($0) == nil }.map { "--weekdays: \"\($0)\" is no weekday (1-7, man … søn, mon … sun)" }
        })
    }

    static var add: CommandSpec {
        CommandSpec(["offer", "add"], "add an offer to the register (supervisors and admins); prints its id", options: [
            .actor("SUPERVISOR"), .text("provider", "NAME", required: true, "who runs it"),
            .choice("kind", Offer.Kind.self, required: true, "the kind of provider"), .text("activity", "TEXT", required: true, "what it is"),
            .text("place", "TEXT", "where"), weekdaysOption, .json,
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let events = try service.execute(.defineOffer(provider: inv.required("provider"), kind: inv.choice("kind", Offer.Kind.self)!,
                                                          activity: inv.required("activity"), place: inv.string("place") ?? "",
                                                          weekdays: inv.list("weekdays")?.map { weekday($0)! } ?? []), as: inv.required("as"))
            let id = String(events[0].stream.dropFirst(Streams.offerPrefix.count))
            if inv.flag("json") { printJSON(try service.offers(as: inv.required("as")).filter { $0.id == id }) } else { Output.line(id) }
            return 0
        }
    }

    static func printJSON(_ offers: [Offer]) {
        Output.jsonArray(offers) { o, w in
            w.openObject()
            w.field("id", o.id); w.field("provider", o.provider); w.field("kind", o.kind.rawValue); w.field("activity", o.activity)
            w.field("place", o.place); w.key("weekdays"); w.openArray(); for d in o.weekdays { w.int(d) }; w.closeArray()
            w.field("defined", o.defined.iso)
            w.key("attendance"); w.openObject()
            for (week, n) in o.attendance.sorted(by: { $0.key < $1.key }) { w.field(week.iso, n) }
            w.closeObject(); w.closeObject()
        }
    }

    static var list: CommandSpec {
        CommandSpec(["offer", "list"], "the offers register", options: [.actor(), .json]) { inv in
            let offers = try Context.open(inv.dataDirectory).offers(as: inv.required("as"))
            if inv.flag("json") { printJSON(offers); return 0 }
            Output.table(["ID", "KIND", "ACTIVITY", "PROVIDER", "PLACE", "DAYS", "LAST REPORT"], offers.map { o in
                let last = o.attendance.max { $0.key < $1.key }
                return [o.id, o.kind.rawValue, o.activity, o.provider, o.place, o.weekdays.map { weekdayNames[$0 - 1] }.joined(separator: ","),
                        last.map { "\($0.key.iso): \($0.value)" } ?? ""]
            })
            return 0
        }
    }

    static var attendance: CommandSpec {
        CommandSpec(["offer", "attendance"], "record the attendance a provider reported for a week (a count, no names)", options: [
            .actor(), .text("offer", "ID", required: true, "the offer (`offer list`)"), .week("week", "the ISO week (default: this week)"),
            .int("count", in: 0...100_000, required: true, "how many came that week"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let week = inv.week("week") ?? IsoWeek(service.today)
            let events = try service.execute(.reportAttendance(offer: inv.required("offer"), week: week, count: inv.int("count")!), as: inv.required("as"))
            Output.line(events[0].seq)
            return 0
        }
    }
}
