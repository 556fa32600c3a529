// Meetings (stream = the meeting's id): scheduling, status and outcome, merging.
extension Decide {
    func scheduleMeeting(type: MeetingType, citizen cid: String?, start: LocalTime, minutes: Int, room: String?,
                         participants: [String], guests: [Guest], allowConflict: Bool, agenda: [String]) throws -> [Store.Pending] {
        guard actor.role != .admin else { throw DomainError.forbidden(.adminsManageUsers(meetings: true)) }
        if let cid { _ = try changeable(cid) }
        try InputRules.checkMeeting(start, today: today)
        guard (5...480).contains(minutes) else { throw DomainError.invalid(.meetingMinutes(5...480)) }
        guard !participants.isEmpty else { throw DomainError.invalid(.noParticipants) }
        let agenda = try checkedAgenda(agenda), guests = try checkedGuests(guests)
        for p in participants {
            guard let u = state.user(p), u.active else { throw DomainError.notFound(.activeUser(p)) }
        }
        var meeting = Meeting(id: "m\(state.meetingCount + 1)", type: type, citizen: cid, start: start, minutes: minutes,
                              room: try optionalText(room, .room), participants: Array(Set(participants)).sorted(),
                              guests: guests, status: .planned, outcome: nil)
        try requireOpenAgenda(agenda, citizen: cid)
        meeting.agenda = agenda
        if !allowConflict, let clash = Scheduling.conflicts(for: meeting, in: state).first {
            throw DomainError.conflict(.booked(clash))
        }
        return [.init(meeting.id, .meetingScheduled(meeting))]
    }

    /// A planned meeting moved or edited, by those who may change it; checked as a booking is.
    func changeMeeting(meeting mid: String, type: MeetingType, start: LocalTime, minutes: Int, room: String?, agenda: [String],
                       allowConflict: Bool) throws -> [Store.Pending] {
        guard let m = state.meetings[mid] else { throw DomainError.notFound(.meeting(mid)) }
        guard m.status == .planned else { throw DomainError.invalid(.meetingNotPlanned(meeting: mid, status: m.status)) }
        // A meeting about a citizen the actor may not change is refused without naming the citizen.
        if !mayChange(m) { throw DomainError.forbidden(.participantsOnly(.change, meeting: mid)) }
        guard (5...480).contains(minutes) else { throw DomainError.invalid(.meetingMinutes(5...480)) }
        guard start.day >= today else { throw DomainError.invalid(.meetingInPast(start: start)) }
        try InputRules.checkMeeting(start, today: today)
        let agenda = try checkedAgenda(agenda)
        var moved = m
        moved.type = type; moved.start = start; moved.minutes = minutes; moved.room = try optionalText(room, .room)
        try requireOpenAgenda(agenda.filter { !m.agenda.contains($0) }, citizen: m.citizen)
        moved.agenda = agenda
        guard moved != m else { throw DomainError.invalid(.unchanged(.meeting, mid)) }
        if !allowConflict, let clash = Scheduling.conflicts(for: moved, in: state).first {
            throw DomainError.conflict(.booked(clash))
        }
        return [.init(mid, .meetingChanged(type: type, start: start, minutes: minutes, room: moved.room, agenda: agenda))]
    }

    func setMeetingStatus(meeting mid: String, status: MeetingStatus, outcome: String?) throws -> [Store.Pending] {
        guard let m = state.meetings[mid] else { throw DomainError.notFound(.meeting(mid)) }
        guard m.participants.contains(actor.id) || actor.role == .supervisor || (m.citizen.flatMap { state.citizens[$0] }.map { Access.canChange(actor, $0) } ?? false) else {
            throw DomainError.forbidden(.participantsOnly(.change, meeting: mid))
        }
        return [.init(mid, .meetingStatusChanged(status: status, outcome: try optionalText(outcome, .outcome)))]
    }

    func recordMeetingOutcome(meeting mid: String, status: MeetingStatus, outcome: String?,
                              completeFollowUps result: FollowUpResult?) throws -> [Store.Pending] {
        guard let m = state.meetings[mid] else { throw DomainError.notFound(.meeting(mid)) }
        guard m.participants.contains(actor.id) || actor.role == .supervisor || (m.citizen.flatMap { state.citizens[$0] }.map { Access.canChange(actor, $0) } ?? false) else {
            throw DomainError.forbidden(.participantsOnly(.recordOutcome, meeting: mid))
        }
        guard status != .planned else { throw DomainError.invalid(.outcomeIsPlanned) }
        // Held and no-show are facts of a meeting that began; a future one can only be cancelled
        // (else a meeting marked held stops blocking its hour, and a second booking goes through).
        guard status == .cancelled || m.hasBegun(today: today) else {
            throw DomainError.invalid(.meetingNotBegun(meeting: mid, status: status))
        }
        var events: [Store.Pending] = [.init(mid, .meetingStatusChanged(status: status, outcome: try optionalText(outcome, .outcome)))]
        if let result, status == .held, let cid = m.citizen, let plan = state.citizens[cid]?.plan {
            guard m.start.day <= today else { throw DomainError.invalid(.futureMeetingCompletesNothing) }
            for f in plan.followUps where m.agenda.contains(f.id) && f.done == nil {
                events.append(.init(cid, .followUpCompleted(id: f.id, done: m.start.day, result: result, note: "\(mid)")))
            }
        }
        return events
    }

    func joinMeeting(meeting mid: String, participants: [String], guests: [Guest], allowConflict: Bool, agenda: [String]) throws -> [Store.Pending] {
        guard let m = state.meetings[mid] else { throw DomainError.notFound(.meeting(mid)) }
        guard m.status == .planned else { throw DomainError.invalid(.meetingNotPlanned(meeting: mid, status: m.status)) }
        // A meeting about a citizen the actor may not change is refused without naming the citizen.
        if !mayChange(m) { throw DomainError.forbidden(.participantsOnly(.add, meeting: mid)) }
        let guests = try checkedGuests(guests)
        let new = Array(Set(participants).subtracting(m.participants)).sorted()
        let newAgenda = try checkedAgenda(agenda).filter { !m.agenda.contains($0) }
        try requireOpenAgenda(newAgenda, citizen: m.citizen)
        let newGuests = guests.filter { g in !m.guests.contains(g) }
        guard !new.isEmpty || !newGuests.isEmpty || !newAgenda.isEmpty else {
            throw DomainError.invalid(.nothingToAdd(meeting: mid))
        }
        for p in new {
            guard let u = state.user(p), u.active else { throw DomainError.notFound(.activeUser(p)) }
        }
        if !allowConflict {
            var probe = m; probe.participants = new; probe.room = nil
            if let clash = Scheduling.conflicts(for: probe, in: state).first { throw DomainError.conflict(.booked(clash)) }
        }
        return [.init(mid, .meetingJoined(participants: new, guests: newGuests, agenda: newAgenda))]
    }

    /// A planned meeting is changed by those who may change its citizen's case, or, without a
    /// citizen, by its participants.
    /// A leaver's place in a planned meeting goes to `by` (nil: they are only taken off): an
    /// administrator does it when someone stops (`user deactivate --hand-to`), or whoever may change
    /// the meeting. The newcomer must be active and free at that hour; the meeting keeps at least
    /// one participant.
    func replaceParticipant(meeting mid: String, leaving: String, by: String?) throws -> [Store.Pending] {
        guard let m = state.meetings[mid] else { throw DomainError.notFound(.meeting(mid)) }
        guard m.status == .planned else { throw DomainError.invalid(.meetingNotPlanned(meeting: mid, status: m.status)) }
        if actor.role != .admin, !mayChange(m) { throw DomainError.forbidden(.participantsOnly(.change, meeting: mid)) }
        guard m.participants.contains(leaving) else { throw DomainError.invalid(.notAParticipant(user: leaving, meeting: mid)) }
        if let by, !m.participants.contains(by) {
            guard let u = state.user(by), u.active else { throw DomainError.notFound(.activeUser(by)) }
            var probe = m; probe.participants = [by]; probe.room = nil
            if let clash = Scheduling.conflicts(for: probe, in: state).first { throw DomainError.conflict(.booked(clash)) }
        } else if by == nil, m.participants.count == 1 {
            throw DomainError.invalid(.noParticipants)
        }
        return [.init(mid, .participantReplaced(leaving: leaving, by: by))]
    }

    func mayChange(_ m: Meeting) -> Bool {
        guard let cid = m.citizen else { return m.participants.contains(actor.id) }
        return state.citizens[cid].map { Access.canChange(actor, $0) } ?? false
    }

    /// Agenda items as typed: each a text (`InputRules`) before it is looked up.
    private func checkedAgenda(_ items: [String]) throws -> [String] { try items.map { try text($0, .agendaItem) } }

    /// Guests with their names and organisations checked (`InputRules`).
    private func checkedGuests(_ guests: [Guest]) throws -> [Guest] {
        try guests.map { Guest(kind: $0.kind, name: try text($0.name, .guestName), organisation: try optionalText($0.organisation, .organisation)) }
    }

    /// Agenda items are the citizen's open follow-ups and running efforts.
    func requireOpenAgenda(_ items: [String], citizen cid: String?) throws {
        guard !items.isEmpty else { return }
        guard let cid, let plan = state.citizens[cid]?.plan else { throw DomainError.invalid(.agendaNeedsPlan) }
        for item in items {
            let open = plan.followUps.contains { $0.id == item && $0.done == nil }
                || plan.efforts.contains { $0.id == item && ($0.status == .planned || $0.status == .active) }
            guard open else { throw DomainError.invalid(.notOnAgenda(item: item, citizen: cid)) }
        }
    }
}
