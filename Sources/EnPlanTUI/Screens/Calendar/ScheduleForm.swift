import EnPlanDomain

/// Scheduling a meeting: a configuration of `Form` with its fields by name. Conflicts are shown
/// before saving (saving anyway needs a confirmation), Ctrl-F finds the first free slot, and a
/// citizen's meeting within 14 days is offered for merging.
public struct ScheduleForm: Sendable {
    public var form: Form
    /// A conflict shown: `y` saves anyway.
    public var conflict: String?
    /// A meeting of the citizen's to merge into: `m` adds to it.
    public var mergeInto: Meeting?
    /// The merge was offered for these fields; Enter again saves a new meeting.
    public var mergeOffered = false
    /// The day is a weekend or a public holiday: said first, `j` holds the meeting anyway.
    public var offDay: String?
    public var offDayConfirmed = false
    /// The meeting being moved or edited (nil: a new one).
    public var editing: Meeting?

    /// `userName`: the one scheduling, the first participant.
    /// `rooms`: the rooms kept in the settings; when there are any, the room is picked from them.
    public init(day: Day, userName: String, rooms: [String] = [], strings s: Strings) {
        typealias F = Form.Field
        form = Form(title: s.c(.fTitle), fields: [
            F.choice("type", s.c(.fType), MeetingType.allCases.map(\.rawValue), shown: MeetingType.allCases.map(ICalendar.typeName)),
            F.text("citizen", s.c(.fCitizen), required: false),
            F.text("date", s.c(.fDate), day.danish, required: false).typedOverFirst(),
            F.text("time", s.c(.fTime), "10:00", required: false).typedOverFirst(),
            F.text("minutes", s.c(.fMinutes), "60", required: false).typedOverFirst(),
            rooms.isEmpty ? F.text("room", s.c(.fRoom), required: false) : F.choice("room", s.c(.fRoom), [""] + rooms, shown: [s.c(.noRoom)] + rooms),
            F.text("participants", s.c(.fParticipants), userName, required: false),
            Form.Field(key: "agenda", label: s.c(.fAgenda), kind: .ticks(values: [], shown: [], empty: s.c(.agendaPickCitizen)), value: ""),
            F.text("partners", s.c(.fPartners), required: false),
        ], hint: s.c(.fHint))
        // Typing starts with who the meeting is about (the type is picked with ←/→ when it is not
        // a network meeting); Esc asks before a filled form is thrown away.
        form.focus = 1
        form.inputWidth = 40
        form.tickHint = s.c(.tickHint)
    }

    /// The citizen the agenda's items were last offered for (as typed in the citizen field).
    public var agendaOfferedFor: String?
    /// Several citizens answer to the name typed: picked from a list (name, birth date, age,
    /// responsible), never by an id; the chosen one goes into the field as name and birth date.
    public var citizenChoice: CitizenChoice?

    public struct CitizenChoice: Sendable {
        public var chooser: Chooser
        public let rows: [CitizenRow]
    }

    /// A participant's name that several colleagues answer to: picked from a list (name, sector,
    /// role); the one picked is remembered for that entry, so two of one name are told apart.
    public var participantChoice: ParticipantChoice?
    public struct ParticipantChoice: Sendable {
        public var chooser: Chooser
        public let entry: String
        public let ids: [String]
    }
    /// Entries of the participants field already picked from a list: the entry as typed → the user.
    public var pickedParticipants: [String: String] = [:]

    /// The first entry of the participants field that several colleagues answer to, and who.
    public func ambiguousParticipant(users: [String: String]) -> (entry: String, ids: [String])? {
        for entry in list("participants") where pickedParticipants[entry] == nil {
            let q = FoldedText.query(entry)
            // A user id typed (headless habits) counts as that person's name here.
            let matches = users.filter { FoldedText($0.value).contains(q) || $0.key == entry }
            // Ambiguous unless exactly one of them is called just that.
            if matches.count > 1 && matches.filter({ FoldedText.query($0.value) == q }).count != 1 {
                return (entry, matches.keys.sorted { (users[$0] ?? $0, $0) < (users[$1] ?? $1, $1) })
            }
        }
        return nil
    }

    /// What an agenda may hold: the citizen's open follow-ups and running efforts, in words (by
    /// subject and day, by title), the ones `keep` already holds first; what the viewer may not
    /// see of another sector is not offered.
    public static func agendaChoices(_ d: CitizenDetail?, keep: [String] = [], strings s: Strings) -> (values: [String], shown: [String], empty: String) {
        guard let d else { return ([], [], s.c(.agendaPickCitizen)) }
        var values: [String] = [], shown: [String] = []
        let plan = d.citizen.plan
        for f in (plan?.followUps ?? []).sorted(by: { $0.due < $1.due }) where f.done == nil || keep.contains(f.id) {
            values.append(f.id); shown.append("\(f.subject ?? s.c(.followUpWord)) · \(s.p(.due)) \(s.date(f.due))")
        }
        for e in plan?.efforts ?? [] where (e.status == .planned || e.status == .active || keep.contains(e.id)) && !d.hidden.contains(e.id) {
            values.append(e.id); shown.append("\(s.c(.effortWord)): \(e.title)")
        }
        return (values, shown, s.c(.agendaNothingOpen))
    }

    /// The field of this form each refusal names.
    public static let refusalFields: [RefusalField: String] = [
        .minutes: "minutes", .participants: "participants", .room: "room", .citizen: "citizen", .user: "participants",
        .date: "date", .start: "date", .time: "time", .textOf(.agendaItem): "agenda", .textOf(.room): "room",
    ]

    /// Moving or editing `m`: its type, day, time, length, room and agenda, prefilled.
    public init(editing m: Meeting, rooms: [String] = [], citizen: CitizenDetail? = nil, strings s: Strings) {
        typealias F = Form.Field
        let hm = Day.pad(m.start.minuteOfDay / 60, 2) + ":" + Day.pad(m.start.minuteOfDay % 60, 2)
        let roomList = rooms.contains(where: { Scheduling.sameRoom($0, m.room ?? "") }) || m.room == nil ? rooms : rooms + [m.room!]
        form = Form(title: "\(s.c(.fEditTitle)) \(s.date(m.start.day))", fields: [
            F.choice("type", s.c(.fType), MeetingType.allCases.map(\.rawValue), shown: MeetingType.allCases.map(ICalendar.typeName), m.type.rawValue),
            F.text("date", s.c(.fDate), m.start.day.danish, required: false).typedOverFirst(),
            F.text("time", s.c(.fTime), hm, required: false).typedOverFirst(),
            F.text("minutes", s.c(.fMinutes), String(m.minutes), required: false).typedOverFirst(),
            rooms.isEmpty ? F.text("room", s.c(.fRoom), m.room ?? "", required: false)
                          : F.choice("room", s.c(.fRoom), [""] + roomList, shown: [s.c(.noRoom)] + roomList,
                                     roomList.first { Scheduling.sameRoom($0, m.room ?? "") } ?? ""),
            Form.Field(key: "agenda", label: s.c(.fAgenda), kind: .ticks(values: [], shown: [], empty: s.c(.agendaNothingOpen)), value: m.agenda.joined(separator: ",")),
        ], hint: s.c(.fHint))
        let choices = ScheduleForm.agendaChoices(citizen, keep: m.agenda, strings: s)
        form.setTicks("agenda", values: choices.values, shown: choices.shown, empty: m.citizen == nil ? s.c(.agendaPickCitizen) : choices.empty)
        form.focus = 1
        form.inputWidth = 40
        form.tickHint = s.c(.tickHint)
        editing = m
        mergeOffered = true
    }

    public enum Outcome: Equatable { case none, cancel, save(allowConflict: Bool), merge, findFreeSlot }

    public mutating func handle(_ key: Key) -> Outcome {
        if offDay != nil {
            offDay = nil
            if key == .char("y") || key == .char("j") { offDayConfirmed = true; return .save(allowConflict: false) }
            return .none
        }
        if conflict != nil {
            if key == .char("y") || key == .char("j") { return .save(allowConflict: true) }
            conflict = nil
            return .none
        }
        if mergeInto != nil && key == .char("m") { return .merge }
        if key == .ctrl("f") { return .findFreeSlot }
        if case .char = key { mergeInto = nil; mergeOffered = false; offDayConfirmed = false }
        switch form.handle(key) {
        case .none: return .none
        case .cancel: return .cancel
        case .save: return .save(allowConflict: false)
        }
    }

    /// A comma-separated field as its items.
    func list(_ key: String) -> [String] {
        form[key].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public var agenda: [String] { list("agenda") }
    /// The citizen field as typed: a name, a CPR number or an id (resolved when saved).
    public var citizenText: String { form.value("citizen") }

    /// The participants typed by name (or part of one, æøå or not) or by user id, as user ids;
    /// or the field's problem: a name that matches no user, or several.
    public func participants(users: [String: String], strings s: Strings) -> Result<[String], FieldProblem> {
        var ids: [String] = []
        for entry in list("participants") {
            if let picked = pickedParticipants[entry] { ids.append(picked); continue }
            let q = FoldedText.query(entry)
            // An id, unless another colleague's name holds it too (then a chooser asks which).
            if users[entry] != nil, !users.contains(where: { $0.key != entry && FoldedText($0.value).contains(q) }) { ids.append(entry); continue }
            var matches = users.filter { FoldedText($0.value).contains(q) }.sorted { $0.value < $1.value }
            // The one called just that, where others' names hold it too ("Mette Kjær" beside "Mette Kjær Hansen").
            let exact = matches.filter { FoldedText.query($0.value) == q }
            if matches.count > 1, exact.count == 1 { matches = exact }
            guard matches.count == 1 else {
                let text = matches.isEmpty ? "\(s.c(.noSuchPerson)): \(entry)"
                                           : "\(entry)? " + matches.prefix(4).map(\.value).joined(separator: ", ")
                return .failure(FieldProblem(field: "participants", text: text))
            }
            ids.append(matches[0].key)
        }
        return .success(ids)
    }
    public var room: String? { form.value("room").isEmpty ? nil : form.value("room") }
    public var minutes: Int { Int(form.value("minutes")) ?? 60 }

    /// Outside partners: "Name, Organisation; Name, Organisation".
    public var partners: [Guest] {
        form["partners"].split(separator: ";").compactMap { entry in
            let p = entry.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = p.first, !name.isEmpty else { return nil }
            return Guest(kind: .partner, name: name, organisation: p.count > 1 && !p[1].isEmpty ? p[1] : nil)
        }
    }

    /// Puts a free slot into the date and time fields.
    public mutating func take(_ slot: LocalTime) {
        form["date"] = slot.day.danish
        form["time"] = Day.pad(slot.minuteOfDay / 60, 2) + ":" + Day.pad(slot.minuteOfDay % 60, 2)
        form.error = nil
    }

    /// The fields as a command, or the field and its problem. `citizen`: the citizen found for
    /// the citizen field (id and name: the citizen joins as a guest); `people`: the participants' ids.
    public func command(today: Day, citizen: (id: String, name: String)?, people: [String], allowConflict: Bool = false,
                        strings s: Strings) -> Result<Command, FieldProblem> {
        when(today: today, strings: s).map { type, start, minutes in
            if let m = editing {
                return .changeMeeting(meeting: m.id, type: type, start: start, minutes: minutes, room: room, agenda: agenda, allowConflict: allowConflict)
            }
            return .scheduleMeeting(type: type, citizen: citizen?.id, start: start, minutes: minutes, room: room, participants: people,
                                    guests: (citizen.map { [Guest(kind: .citizen, name: $0.name, organisation: nil)] } ?? []) + partners,
                                    allowConflict: allowConflict, agenda: agenda)
        }
    }

    /// The type, start and length the fields give, or the field and its problem.
    func when(today: Day, strings s: Strings) -> Result<(MeetingType, LocalTime, Int), FieldProblem> {
        guard let type = MeetingType(rawValue: form.value("type")) else { return .failure(FieldProblem(field: "type", text: s.c(.badType))) }
        guard let day = DayInput.parse(form.value("date"), today: today) else { return .failure(FieldProblem(field: "date", text: s.c(.badDate))) }
        let t = form.value("time").split(separator: ":")
        guard t.count == 2, let h = Int(t[0]), let mi = Int(t[1]), (0..<24).contains(h), (0..<60).contains(mi) else {
            return .failure(FieldProblem(field: "time", text: s.c(.badTime)))
        }
        guard let minutes = Int(form.value("minutes")), (5...480).contains(minutes) else { return .failure(FieldProblem(field: "minutes", text: s.c(.badMinutes))) }
        return .success((type, LocalTime(day: day, minuteOfDay: h * 60 + mi), minutes))
    }

    /// A problem with one field, to show beside it.
    public struct FieldProblem: Error, Equatable { public let field: String, text: String }

    func render(into canvas: inout Canvas, top: Int, width: Int, strings s: Strings) {
        let left = 2
        canvas.put(form.title, row: top, col: left, role: .header)
        var row = form.renderFields(into: &canvas, top: top + 2, left: left, width: width - 4) + 1
        if let error = form.error { canvas.put(error, row: row, col: left, role: .error); row += 1 }
        if let conflict { canvas.put(conflict + " · " + s.c(.fSaveAnyway), row: row, col: left, role: .alert); row += 1 }
        if let offDay { canvas.put(offDay + " · " + s.c(.fHoldAnyway), row: row, col: left, role: .alert); row += 1 }
        if form.askingDiscard { canvas.put(s.p(.discardAsk), row: row, col: left, role: .alert); row += 1 }
        if let m = mergeInto {
            canvas.put(s.c(.fMerge) + " \(ICalendar.typeName(m.type).lowercased()) \(s.date(m.start.day)) \(Day.pad(m.start.minuteOfDay / 60, 2)):\(Day.pad(m.start.minuteOfDay % 60, 2)) · \(s.c(.fMergeKey))",
                       row: row, col: left, role: .alert)
            row += 1
        }
        canvas.put(form.hint ?? "", row: row + 1, col: left, role: .dim)
    }
}
