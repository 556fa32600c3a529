@_spi(Store) import EnPlanDomain
import Foundation

/// The calendar: meetings in a period, booking one, its outcome, the first free slot, the
/// iCalendar export.
enum MeetingCommands {
    static var all: [CommandSpec] { [list, add, move, edit, restaff, outcome, free, export] }

    /// Whose meetings: one of --user, --citizen, --room (default: the acting user's own).
    static var scopeOptions: [OptionSpec] {
        [.text("user", "U", "a user's meetings"), .text("citizen", "ID", "a citizen's meetings"), .text("room", "R", "a room's meetings")]
    }

    static func scope(_ inv: Invocation) throws -> CaseService.MeetingScope {
        let given = [inv.string("user").map(CaseService.MeetingScope.user), inv.string("citizen").map(CaseService.MeetingScope.citizen),
                     inv.string("room").map(CaseService.MeetingScope.room)].compactMap { $0 }
        guard given.count <= 1 else { throw UsageError("give one of --user, --citizen or --room") }
        return given.first ?? .user(inv.required("as"))
    }

    /// The meetings a `meetings` or `calendar export` command asks for (scope, period, reason).
    static func query(_ inv: Invocation, defaultDays: Int) throws -> (CaseService, [Meeting]) {
        let scope = try scope(inv)
        let service = try Context.open(inv.dataDirectory)
        let today = service.today
        let from = try inv.day("from", today: today) ?? today
        let to = try inv.day("to", today: today) ?? from + defaultDays
        return (service, try service.meetings(as: inv.required("as"), scope: scope, from: from, to: to, reason: inv.string("reason")))
    }

    static var list: CommandSpec {
        CommandSpec(["meetings"], "meetings in a period (default: your own, the next 4 weeks); one about a citizen you may not see is busy time only",
                    options: [.actor()] + scopeOptions + [.date("from", "the first day (default today)"), .date("to", "the last day (default 4 weeks on)"),
                                                          .reason, .json]) { inv in
            let (_, found) = try query(inv, defaultDays: 28)
            if inv.flag("json") {
                Output.jsonArray(found) { m, w in
                    w.openObject()
                    w.field("id", m.id); w.field("type", m.type); w.field("citizen", m.citizen); w.field("start", m.start.iso)
                    w.field("minutes", m.minutes); w.field("room", m.room); w.field("participants", m.participants); w.field("status", m.status)
                    w.field("version", m.version)
                    w.closeObject()
                }
            } else {
                Output.table(["ID", "START", "MIN", "TYPE", "CITIZEN", "ROOM", "PARTICIPANTS", "STATUS"], found.map {
                    [$0.id, $0.start.iso.replacingOccurrences(of: "T", with: " "), String($0.minutes), $0.type.rawValue, $0.citizen ?? "",
                     $0.room ?? "", $0.participants.joined(separator: ","), $0.status.rawValue]
                })
            }
            return 0
        }
    }

    static var add: CommandSpec {
        CommandSpec(["meeting", "add"], "book a meeting; a double booking is refused (exit 1) unless --allow-conflict; prints the meeting id", options: [
            .actor(), .choice("type", MeetingType.self, required: true, "the kind of meeting"), .text("citizen", "ID", "the citizen it is about"),
            .time("start", required: true, "when (Copenhagen time)"), .int("minutes", in: 5...480, required: true, "how long"),
            .text("participants", "u1,u2", required: true, "the users taking part"),
            OptionSpec(name: "partner", valueName: "\"Name, Org\"", required: false, help: "a partner from outside, with their organisation",
                       check: { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "--partner needs a name" : nil }),
            .text("room", "R", "the room"), .text("agenda", "f1,e2", "the citizen's open follow-ups and running efforts to take up"),
            .flag("allow-conflict", "book even if a participant or the room is taken"),
        ]) { inv in
            let start = inv.time("start")!
            let citizen = inv.string("citizen")
            var guests: [Guest] = []
            if let partner = inv.string("partner") {
                let p = partner.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guests.append(Guest(kind: .partner, name: p[0], organisation: p.count > 1 ? p[1] : nil))
            }
            let service = try Context.open(inv.dataDirectory)
            if let citizen, let other = service.mergeCandidate(citizen: citizen, near: start, as: inv.required("as")) {
                // Fewer meetings is the point: say so, the caller decides.
                Output.warning("\(citizen) already has meeting \(other.id) on \(other.start.iso.replacingOccurrences(of: "T", with: " ")) (within 14 days): consider adding this agenda and these participants to it")
            }
            let command = Command.scheduleMeeting(type: inv.choice("type", MeetingType.self)!, citizen: citizen, start: start, minutes: inv.int("minutes")!,
                                                  room: try Settings.load(directory: inv.dataDirectory).room(inv.string("room")), participants: inv.list("participants")!, guests: guests,
                                                  allowConflict: inv.flag("allow-conflict"), agenda: inv.list("agenda") ?? [])
            let e = try service.execute(command, as: inv.required("as"))
            warnIfOffDay(start)
            Output.line(e[0].stream)
            return 0
        }
    }

    /// A meeting on a weekend or a public holiday: the screens ask first; headless says so.
    static func warnIfOffDay(_ start: LocalTime) {
        guard !AppealDeadline.isWorkingDay(start.day) else { return }
        Output.warning("\(start.day.iso) is not a working day (\(Holidays.name(of: start.day) ?? "a weekend"))")
    }

    /// A planned meeting changed from what it is: `change` sets what the options give; the rest is
    /// taken from the meeting as it is, in the domain.
    static func change(_ inv: Invocation, _ change: (inout CaseService.MeetingEdit, Settings) throws -> Void) throws -> Int32 {
        let service = try Context.open(inv.dataDirectory)
        var edit = CaseService.MeetingEdit()
        try change(&edit, Settings.load(directory: inv.dataDirectory))
        let events = try service.changeMeeting(inv.required("meeting"), edit, allowConflict: inv.flag("allow-conflict"), as: inv.required("as"))
        if case let .meetingChanged(_, start, _, _, _)? = try? DomainEvent(type: events[0].type, fields: events[0].data) { warnIfOffDay(start) }
        Output.line(events[0].seq)
        return 0
    }

    static var move: CommandSpec {
        CommandSpec(["meeting", "move"], "move a planned meeting; checked as a booking is (its participants and room), refused (exit 1) unless --allow-conflict; prints the seq", options: [
            .actor(), .text("meeting", "ID", required: true, "the meeting"), .time("start", required: true, "the new start (Copenhagen time)"),
            .int("minutes", in: 5...480, "the new length (default: as it was)"), .flag("allow-conflict", "move it even if a participant or the room is taken"),
        ]) { inv in
            try change(inv) { m, _ in
                m.start = inv.time("start")!
                if let minutes = inv.int("minutes") { m.minutes = minutes }
            }
        }
    }

    static var edit: CommandSpec {
        CommandSpec(["meeting", "edit"], "change a planned meeting's type, room, length or agenda; checked as a booking is; prints the seq", options: [
            .actor(), .text("meeting", "ID", required: true, "the meeting"), .choice("type", MeetingType.self, "the kind of meeting"),
            .text("room", "R", "the room (\"\" for none)"), .int("minutes", in: 5...480, "how long"),
            .text("agenda", "f1,e2", "the agenda, in full: the citizen's open follow-ups and running efforts"),
            .flag("allow-conflict", "change it even if a participant or the room is taken"),
        ]) { inv in
            try change(inv) { m, settings in
                if let type = inv.choice("type", MeetingType.self) { m.type = type }
                if let room = inv.string("room") { m.room = .some(room.isEmpty ? nil : try settings.room(room)) }
                if let minutes = inv.int("minutes") { m.minutes = minutes }
                if let agenda = inv.list("agenda") { m.agenda = agenda }
            }
        }
    }

    /// Someone's place in a planned meeting to another (a leaver's, mostly): checked as a booking
    /// is for the newcomer; without --to they are only taken off.
    static var restaff: CommandSpec {
        CommandSpec(["meeting", "restaff"], "put another in someone's place in a planned meeting (a colleague who left); without --to, take them off; prints the seq", options: [
            .actor(), .text("meeting", "ID", required: true, "the meeting"), .text("user", "ID", required: true, "the participant who leaves the meeting"),
            .text("to", "ID", "who takes their place (checked: active, and free at that hour)"),
        ]) { inv in
            let service = try Context.open(inv.dataDirectory)
            let events = try service.execute(.replaceParticipant(meeting: inv.required("meeting"), leaving: inv.required("user"), by: inv.string("to")),
                                             as: inv.required("as"))
            Output.line(events[0].seq)
            return 0
        }
    }

    static var free: CommandSpec {
        CommandSpec(["meeting", "free"], "the first slot when all of them and the room are free, within the working hours, skipping public holidays", options: [
            .actor(), .text("participants", "u1,u2", required: true, "who must be free"), .int("minutes", in: 5...480, required: true, "how long"),
            .text("room", "R", "the room that must be free"), .date("after", "look from this day (default now)"),
        ]) { inv in
            let actor = inv.required("as"), participants = inv.list("participants")!, minutes = inv.int("minutes")!
            let room = inv.string("room")
            let service = try Context.open(inv.dataDirectory)
            let after = try inv.day("after", today: service.today)
            let hours = Settings.load(directory: inv.dataDirectory).workingHours
            guard let slot = try service.firstFreeSlot(participants: participants, room: room, minutes: minutes,
                                                       after: after.map { LocalTime(day: $0, minuteOfDay: 0) }, hours: hours, as: actor) else {
                Output.error("no free slot of \(minutes) minutes in the coming year")
                return 1
            }
            Output.line(slot.iso)
            return 0
        }
    }

    static var outcome: CommandSpec {
        CommandSpec(["meeting", "outcome"], "record the outcome; with --complete, a held meeting completes the open follow-ups on its agenda", options: [
            .actor(), .text("meeting", "ID", required: true, "the meeting"),
            .choice("status", MeetingStatus.self, except: [MeetingStatus.planned.rawValue], required: true, "what happened"),
            .text("note", "TEXT", "the outcome in words"), .choice("complete", FollowUpResult.self, "complete the agenda's follow-ups with this result"),
        ]) { inv in
            let command = Command.recordMeetingOutcome(meeting: inv.required("meeting"), status: inv.choice("status", MeetingStatus.self)!,
                                                       outcome: inv.string("note"), completeFollowUps: inv.choice("complete", FollowUpResult.self))
            let events = try Context.open(inv.dataDirectory).execute(command, as: inv.required("as"))
            Output.line(events.map { String($0.seq) }.joined(separator: " "))
            return 0
        }
    }

    static var export: CommandSpec {
        CommandSpec(["calendar", "export"], "the meetings as iCalendar (RFC 5545) on stdout", options: [
            .actor()] + scopeOptions + [.date("from", "the first day (default today)"), .date("to", "the last day (default 90 days on)"), .reason,
        ]) { inv in
            let (service, found) = try query(inv, defaultDays: 90)
            try service.recordExport(.calendarFile, citizen: inv.string("citizen"), as: inv.required("as"), reason: inv.string("reason"))
            Output.text(service.calendarFile(found))
            return 0
        }
    }
}
