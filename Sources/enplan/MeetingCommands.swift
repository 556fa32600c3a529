import EnPlanDomain
import Foundation

/// The calendar's headless commands.
enum MeetingCommands {
    static func scope(_ args: inout Arguments, actor: String) throws -> CaseService.MeetingScope {
        let given = [args.optional("user").map(CaseService.MeetingScope.user), args.optional("citizen").map(CaseService.MeetingScope.citizen),
                     args.optional("room").map(CaseService.MeetingScope.room)].compactMap { $0 }
        guard given.count <= 1 else { throw UsageError("give one of --user, --citizen or --room") }
        return given.first ?? .user(actor)
    }

    static func period(_ args: inout Arguments, today: Day, defaultDays: Int) throws -> (Day, Day) {
        let from = try Commands.day(&args, "from", today: today) ?? today
        let to = try Commands.day(&args, "to", today: today) ?? from + defaultDays
        return (from, to)
    }

    /// The meetings a `meetings` or `calendar export` command asks for (scope, period, reason).
    static func query(_ dir: String, _ args: inout Arguments, defaultDays: Int) throws -> (CaseService, [Meeting]) {
        let actor = try args.required("as", "USER")
        let reason = args.optional("reason")
        let service = try Context.open(dir)
        let scope = try scope(&args, actor: actor)
        let (from, to) = try period(&args, today: service.today, defaultDays: defaultDays)
        try args.checkAllUsed()
        return (service, try service.meetings(as: actor, scope: scope, from: from, to: to, reason: reason))
    }

    static func list(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let json = args.flag("json")
        let (_, found) = try query(dir, &args, defaultDays: 28)
        if json {
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

    static func add(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER")
        guard let type = try args.value("type", MeetingType.self) else { throw UsageError("missing --type network|followup|roundtable|rehab|other") }
        let citizen = args.optional("citizen")
        let startText = try args.required("start", "YYYY-MM-DDTHH:MM")
        guard let start = LocalTime(iso: startText) else { throw UsageError("--start must be YYYY-MM-DDTHH:MM (Copenhagen time), not \"\(startText)\"") }
        guard let minutes = try args.int("minutes", range: 5...480) else { throw UsageError("missing --minutes N") }
        let participants = try args.required("participants", "u1,u2").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        var guests: [Guest] = []
        if let partner = args.optional("partner") {
            let p = partner.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guests.append(Guest(kind: .partner, name: p[0], organisation: p.count > 1 ? p[1] : nil))
        }
        let room = args.optional("room")
        let allow = args.flag("allow-conflict")
        let agenda = args.optional("agenda").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        try args.checkAllUsed()
        let service = try Context.open(dir)
        if let citizen, let other = Scheduling.mergeCandidate(citizen: citizen, near: start, in: service.state) {
            // Fewer meetings is the point: say so, the caller decides.
            Output.warning("\(citizen) already has meeting \(other.id) on \(other.start.iso.replacingOccurrences(of: "T", with: " ")) (within 14 days): consider adding this agenda and these participants to it")
        }
        let e = try service.execute(.scheduleMeeting(type: type, citizen: citizen, start: start, minutes: minutes, room: room,
                                                     participants: participants, guests: guests, allowConflict: allow, agenda: agenda), as: actor)
        print(e[0].stream)
        return 0
    }

    static func free(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER")
        let participants = try args.required("participants", "u1,u2").split(separator: ",").map(String.init)
        guard let minutes = try args.int("minutes", range: 5...480) else { throw UsageError("missing --minutes N") }
        let room = args.optional("room")
        let service = try Context.open(dir)
        let after = try Commands.day(&args, "after", today: service.today)
        try args.checkAllUsed()
        _ = try service.user(actor)
        for p in participants where service.state.user(p) == nil { throw DomainError.notFound("no user \(p)") }
        let now = service.store.clock.now().local
        let from = after.map { LocalTime(day: $0, minuteOfDay: 0) }.map { max($0, now) } ?? now
        let hours = Settings.load(directory: dir).workingHours
        guard let slot = Scheduling.firstFreeSlot(participants: participants, room: room, minutes: minutes, after: from, in: service.state, hours: hours) else {
            Output.error("no free slot of \(minutes) minutes in the coming year")
            return 1
        }
        print(slot.iso)
        return 0
    }

    static func outcome(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let actor = try args.required("as", "USER"), meeting = try args.required("meeting", "ID")
        guard let status = try args.value("status", MeetingStatus.self), status != .planned else {
            throw UsageError("--status must be held, cancelled or noshow")
        }
        let note = args.optional("note")
        let complete = try args.value("complete", FollowUpResult.self)
        try args.checkAllUsed()
        let events = try Context.open(dir).execute(.recordMeetingOutcome(meeting: meeting, status: status, outcome: note, completeFollowUps: complete), as: actor)
        print(events.map { String($0.seq) }.joined(separator: " "))
        return 0
    }

    static func export(_ dir: String, _ args: inout Arguments) throws -> Int32 {
        let (service, found) = try query(dir, &args, defaultDays: 90)
        FileHandle.standardOutput.write(Data(ICalendar.export(found, state: service.state, storeID: service.store.identity).utf8))
        return 0
    }
}
