import EnPlanDomain

/// The calendar's own keys (`KeyTable.calendar`).
public enum CalendarAction: ScreenAction {
    case today, switchView, newMeeting, goToDate, nextMeeting, export
    case previousDay, nextDay, previousWeek, nextWeek, previousMonth, nextMonth
}

/// An open meeting's keys (`KeyTable.meeting`): its outcome, and changing it.
public enum MeetingAction: ScreenAction { case held, cancelled, noShow, editMeeting }

/// The scheduling form's own keys (`KeyTable.schedule`: its bar and help; `ScheduleForm.handle` reads the keys).
public enum ScheduleAction: ScreenAction { case findFreeSlot, saveAnyway, merge }

extension Action {
    static func calendar(_ a: CalendarAction) -> Action { .own(OwnAction(a)) }
    static func meeting(_ a: MeetingAction) -> Action { .own(OwnAction(a)) }
    static func schedule(_ a: ScheduleAction) -> Action { .own(OwnAction(a)) }
}

extension KeyTable {
    /// The meeting calendar.
    public static let calendar: [Binding] = [
        Binding(action: .open, keys: [.enter], label: Strings.T.kOpen, help: Strings.C.hOpenMeeting, inBar: true),
        Binding(action: .calendar(.newMeeting), keys: [.char("n")], label: Strings.C.kNew, help: Strings.C.hNew, inBar: true),
        Binding(action: .calendar(.switchView), keys: [.char("v")], label: Strings.C.kView, help: Strings.C.hView, inBar: true),
        Binding(action: .calendar(.today), keys: [.char("t")], label: Strings.C.kToday, help: Strings.C.hToday, inBar: true),
        Binding(action: .calendar(.goToDate), keys: [.char("g")], label: Strings.C.kGoTo, help: Strings.C.hGoTo, inBar: true),
        Binding(action: .calendar(.export), keys: [.char("x")], label: Strings.C.kExport, help: Strings.C.hExport, inBar: true),
        Binding(action: .calendar(.nextMeeting), keys: [.tab], label: Strings.C.kNextMeeting, help: Strings.C.hNextMeeting, inBar: false),
        Binding(action: .calendar(.previousDay), keys: [.left, .char("h")], label: Strings.C.kDay, help: Strings.C.hDay, inBar: false),
        Binding(action: .calendar(.nextDay), keys: [.right, .char("l")], label: Strings.C.kDay, help: Strings.C.hDay, inBar: false),
        Binding(action: .calendar(.previousWeek), keys: [.up, .char("k")], label: Strings.C.kWeek, help: Strings.C.hWeek, inBar: false),
        Binding(action: .calendar(.nextWeek), keys: [.down, .char("j")], label: Strings.C.kWeek, help: Strings.C.hWeek, inBar: false),
        Binding(action: .calendar(.previousMonth), keys: [.pageUp], label: Strings.C.kMonth, help: Strings.C.hMonth, inBar: false),
        Binding(action: .calendar(.nextMonth), keys: [.pageDown], label: Strings.C.kMonth, help: Strings.C.hMonth, inBar: false),
        Binding(action: .back, keys: [.escape], label: Strings.T.kBack, help: Strings.T.hBack, inBar: false),
        Binding(action: .back, keys: [.char("q")], label: Strings.T.kBack, help: Strings.T.hBack, inBar: true),
    ]

    /// An open meeting: its outcome, one key each.
    public static let meeting: [Binding] = [
        Binding(action: .meeting(.held), keys: [.char("a")], label: Strings.C.kHeld, help: Strings.C.hHeld, inBar: true),
        Binding(action: .meeting(.cancelled), keys: [.char("c")], label: Strings.C.kCancelled, help: Strings.C.hCancelled, inBar: true),
        Binding(action: .meeting(.noShow), keys: [.char("u")], label: Strings.C.kNoShow, help: Strings.C.hNoShow, inBar: true),
        Binding(action: .meeting(.editMeeting), keys: [.char("e")], label: Strings.C.kEditMeeting, help: Strings.C.hEditMeeting, inBar: true),
        Binding(action: .back, keys: [.escape, .char("q")], label: Strings.T.kBack, help: Strings.T.hBack, inBar: true),
    ]

    /// The scheduling form: a form's keys and its own.
    public static let schedule: [Binding] = form + [
        Binding(action: .schedule(.findFreeSlot), keys: [.ctrl("f")], label: Strings.C.kFreeSlot, help: Strings.C.hFreeSlot, inBar: true),
        Binding(action: .schedule(.saveAnyway), keys: [.char("j"), .char("y")], label: Strings.C.kSaveAnyway, help: Strings.C.hSaveAnyway, inBar: false),
        Binding(action: .schedule(.merge), keys: [.char("m")], label: Strings.C.kMergeKey, help: Strings.C.hMergeKey, inBar: false),
    ]

    /// Typing a line (a date, an outcome): Enter takes it, Esc closes.
    public static let line: [Binding] = [
        Binding(action: .save, keys: [.enter], label: Strings.T.kSave, help: Strings.T.hSave, inBar: true),
        Binding(action: .cancel, keys: [.escape], label: Strings.T.kBack, help: Strings.T.hCancel, inBar: true),
    ]
}

extension CalendarScreen: Screen {
    public var route: Route { .calendar(subject) }

    public func keys(_ context: ScreenContext) -> [Binding] {
        if let choice = form?.citizenChoice { return choice.chooser.keys }
        if let choice = form?.participantChoice { return choice.chooser.keys }
        if form != nil { return KeyTable.schedule + KeyTable.whileTyping }
        if outcome != nil || goTo != nil { return KeyTable.line }
        if open != nil { return KeyTable.meeting + KeyTable.whileTyping }
        return KeyTable.global + KeyTable.calendar
    }

    public mutating func handle(_ key: Key, context x: ScreenContext) -> Effect {
        height = max(1, x.rows - 1)
        if key == .resize { list.clamp(count: focus.count, height: height); return .none }
        if form != nil { return handleForm(key, x) }
        if goTo != nil { return typeDate(key, x) }
        if outcome != nil { return typeOutcome(key, x) }
        if open != nil {
            switch KeyTable.pressed(key, in: keys(x), as: MeetingAction.self) {
            case nil, .open?, .move?: break
            case .frame(let effect)?: return effect
            case .back?: open = nil
            case .own(let action)?:
                switch action {
                case .held, .noShow:
                    let status: MeetingStatus = action == .held ? .held : .noshow
                    // Refused before the note is typed, not after (it used to be lost).
                    if let m = open, !m.hasBegun(today: x.today) {
                        return .message(x.strings.refusal(DomainError.invalid(.meetingNotBegun(meeting: m.id, status: status)), names: x.names), .error)
                    }
                    outcome = OutcomeEntry(status: status)
                case .cancelled: outcome = OutcomeEntry(status: .cancelled)
                case .editMeeting:
                    if let m = open, m.status == .planned, !m.busy {
                        // The agenda is ticked from the citizen's open items: one look at the case, logged.
                        let d: CitizenDetail?
                        do { d = try m.citizen.map { try x.service.citizen($0, as: x.user.id, purpose: "meeting") } } catch {
                            return .message(x.strings.refusal(error, names: x.names), .error)
                        }
                        form = ScheduleForm(editing: m, rooms: x.rooms, citizen: d, strings: x.strings)
                    }
                }
            }
            return .none
        }
        let listLike = view == .agenda || view == .day
        switch KeyTable.pressed(key, in: keys(x), as: CalendarAction.self) {
        case nil, .move?: return .none   // the calendar's arrows are its own (a day, a week)
        case .frame(let effect)?: return effect
        case .back?: return .back
        case .open?:
            open = selectedMeeting
            // The agenda in words is a look at the citizen's case (logged): unlogged, it is not shown.
            do { openAgenda = try open.flatMap { m in m.busy ? nil : try x.service.agenda(of: m.id, as: x.user.id) } ?? [] } catch {
                openAgenda = []
                return .message(x.strings.refusal(error, names: x.names), .error)
            }
        case .own(let action)?:
            switch action {
            case .newMeeting: form = ScheduleForm(day: cursor, userName: x.user.name, rooms: x.rooms, strings: x.strings)
            case .switchView: nextView()
            case .today: jump(to: x.today)
            case .goToDate: goTo = ""
            case .nextMeeting: select(by: 1)
            case .export:
                let shown = meetings.filter { period.contains($0.start.day.daysSinceEpoch) }
                return .export(name: "enplan-\(Day(daysSinceEpoch: period.lowerBound).iso)-\(view.rawValue).ics",
                               text: x.service.calendarFile(shown), done: x.strings.c(.exported), record: .calendar)
            case .previousDay: move(days: -1)
            case .nextDay: move(days: 1)
            case .previousWeek: if listLike { select(by: -1) } else { move(days: -7) }
            case .nextWeek: if listLike { select(by: 1) } else { move(days: 7) }
            case .previousMonth: move(months: -1)
            case .nextMonth: move(months: 1)
            }
        }
        return load(x)
    }

    private mutating func typeDate(_ key: Key, _ x: ScreenContext) -> Effect {
        guard var typed = goTo else { return .none }
        switch key {
        case .escape: goTo = nil
        case .enter:
            guard let d = DayInput.parse(typed, today: x.today) else { return .message("\(x.strings.c(.goToPrompt))\(typed)?", .error) }
            jump(to: d); goTo = nil
            return load(x)
        case .backspace: if !typed.isEmpty { typed.removeLast() }; goTo = typed
        case .char(let c): typed.append(c); goTo = typed
        case .paste(let t): typed += Key.pastedLine(t); goTo = typed
        default: break
        }
        return .none
    }

    private mutating func typeOutcome(_ key: Key, _ x: ScreenContext) -> Effect {
        guard var entry = outcome, let m = open else { return .none }
        if key == .escape { outcome = nil; return .none }
        if !entry.askingResult {
            switch key {
            case .enter:
                // Cancelling a meeting is a decision others depend on: it takes a reason.
                if entry.status == .cancelled && entry.note.trimmingCharacters(in: .whitespaces).isEmpty {
                    entry.missingReason = true
                    outcome = entry
                    return .none
                }
                let hasFollowUps = entry.status == .held && !m.agenda.filter { $0.hasPrefix("f") }.isEmpty
                if hasFollowUps { entry.askingResult = true; outcome = entry } else { return saveOutcome(m, entry, nil) }
            case .backspace: if !entry.note.isEmpty { entry.note.removeLast() }; outcome = entry
            case .char(let c): entry.note.append(c); outcome = entry
            case .paste(let t): entry.note += Key.pastedLine(t); outcome = entry
            default: break
            }
            return .none
        }
        let results: [Character: FollowUpResult] = ["1": .continue, "2": .change, "3": .end, "4": .reassess]
        if key == .enter { return saveOutcome(m, entry, nil) }
        if case .char(let c) = key, let r = results[c] { return saveOutcome(m, entry, r) }
        return .none
    }

    private mutating func saveOutcome(_ m: Meeting, _ entry: OutcomeEntry, _ result: FollowUpResult?) -> Effect {
        let note = entry.note.trimmingCharacters(in: .whitespaces)
        pending = .outcome
        return .write([.recordMeetingOutcome(meeting: m.id, status: entry.status, outcome: note.isEmpty ? nil : note, completeFollowUps: result)],
                      expectedVersion: nil)
    }

    /// A key in the scheduling form; a citizen looked up by name on the way is logged first, and
    /// what the key led to (a write, a question) is carried out only once it is.
    private mutating func handleForm(_ key: Key, _ x: ScreenContext) -> Effect {
        let effect = typeForm(key, x)
        guard let search = searched else { return effect }
        searched = nil
        return .record(search, then: effect)
    }

    private mutating func typeForm(_ key: Key, _ x: ScreenContext) -> Effect {
        guard var f = form else { return .none }
        if let frame = KeyTable.frame(key) { return frame }
        if var choice = f.participantChoice {
            // Several colleagues of that name: the one picked stands for the entry from now on.
            switch choice.chooser.handle(key) {
            case .none: f.participantChoice = choice; form = f; return .none
            case .cancel: f.participantChoice = nil; form = f; return .none
            case .choose(let i):
                f.pickedParticipants[choice.entry] = choice.ids[i]
                f.participantChoice = nil
                form = f
                return handleForm(.enter, x)
            }
        }
        if var choice = f.citizenChoice {
            // Several citizens of that name: the one picked goes into the field, and the form saves on.
            switch choice.chooser.handle(key) {
            case .none: f.citizenChoice = choice; form = f; return .none
            case .cancel: f.citizenChoice = nil; form = f; return .none
            case .choose(let i):
                let row = choice.rows[i]
                f.citizenChoice = nil
                f.form["citizen"] = "\(row.name) \(row.maskedCPR)"
                form = f
                return handleForm(.enter, x)
            }
        }
        defer { if form != nil { form = f } }
        switch f.handle(key) {
        case .none:
            // On the agenda: what the citizen named above has open, offered to tick (once a citizen).
            if f.editing == nil, f.form.focusedKey == "agenda", f.agendaOfferedFor != f.citizenText {
                f.agendaOfferedFor = f.citizenText
                var detail: CitizenDetail?
                if case .success(let c?) = findCitizen(f.citizenText, x) {
                    do { detail = try x.service.citizen(c.id, as: x.user.id, purpose: "meeting") } catch {
                        f.form.show(x.strings.refusal(error, names: x.names), at: "agenda")
                    }
                }
                let choices = ScheduleForm.agendaChoices(detail, strings: x.strings)
                f.form.setTicks("agenda", values: choices.values, shown: choices.shown, empty: choices.empty)
            }
        case .cancel: form = nil
        case .findFreeSlot:
            let from = LocalTime(day: DayInput.parse(f.form.value("date"), today: x.today) ?? x.today, minuteOfDay: 0)
            switch f.participants(users: x.service.userNames, strings: x.strings) {
            case .failure(let p): f.form.show(p.text, at: p.field)
            case .success(let people):
                if let slot = x.service.firstFreeSlot(participants: people, room: f.room, minutes: f.minutes, after: from, hours: x.workingHours) {
                    f.take(slot)
                }
            }
        case .merge:
            guard let target = f.mergeInto, case .success(let people) = f.participants(users: x.service.userNames, strings: x.strings) else { break }
            pending = .merge
            return .write([.joinMeeting(meeting: target.id, participants: people, guests: f.partners, allowConflict: false, agenda: f.agenda)],
                          expectedVersion: nil)
        case .save(let allow):
            var people: [String] = [], citizen: (id: String, name: String)?
            if f.editing == nil {
                // A colleague's name several answer to: a chooser (name, sector, role, unit), not a dead end.
                if let (entry, ids) = f.ambiguousParticipant(users: x.service.userNames) {
                    let s = x.strings, org = x.service.organisation
                    let items = ids.map { id -> String in
                        guard let u = try? x.service.user(id) else { return x.staffNames[id] ?? "–" }
                        let unit = org.unit(of: id, on: x.today).flatMap { org.units[$0]?.name }
                        return ["\(u.name)", s.sector(u.sector), s.role(u.role), unit].compactMap { $0 }.joined(separator: " · ")
                    }
                    f.participantChoice = .init(chooser: Chooser(title: s.c(.whichColleague), about: entry, items: items), entry: entry, ids: ids)
                    return .none
                }
                // A name several citizens share: a chooser, not a dead end.
                let shared: [CitizenRow]
                do { shared = try citizenMatches(f.citizenText, x) } catch {
                    f.form.show(x.strings.refusal(error, names: x.names), at: "citizen"); return .none
                }
                if shared.count > 1, x.service.visibleCitizen(f.citizenText, as: x.user.id) == nil {
                    let s = x.strings
                    let items = shared.map { CitizenLookup.chooserItem($0, strings: s, staff: x.staffNames) }
                    f.citizenChoice = .init(chooser: Chooser(title: s.c(.whichCitizen), about: f.citizenText, items: items), rows: shared)
                    return .none
                }
                switch (f.participants(users: x.service.userNames, strings: x.strings), findCitizen(f.citizenText, x)) {
                case (.failure(let p), _), (_, .failure(let p)): f.form.show(p.text, at: p.field); return .none
                case let (.success(p), .success(c)): people = p; citizen = c
                }
            }
            switch f.command(today: x.today, citizen: citizen, people: people, allowConflict: allow, strings: x.strings) {
            case .failure(let p): f.form.show(p.text, at: p.field)
            case .success(let command):
                // A weekend or a public holiday is said first (j holds it anyway).
                let start: LocalTime? = switch command {
                case let .scheduleMeeting(_, _, start, _, _, _, _, _, _), let .changeMeeting(_, _, start, _, _, _, _): start
                default: nil
                }
                if let start, !f.offDayConfirmed, !AppealDeadline.isWorkingDay(start.day) {
                    let what = Holidays.name(of: start.day) ?? x.strings.c(.weekend)
                    f.offDay = "\(x.strings.weekdayName(start.day)) \(x.strings.date(start.day)): \(what)"
                    break
                }
                // Fewer meetings: a citizen's meeting within 14 days is offered first, once.
                if case let .scheduleMeeting(_, citizen?, start, _, _, _, _, _, _) = command, !f.mergeOffered,
                   let other = x.service.mergeCandidate(citizen: citizen, near: start) {
                    f.mergeInto = other
                    f.mergeOffered = true
                    break
                }
                pending = .schedule
                return .write([command], expectedVersion: nil)
            }
        }
        return .none
    }

    /// The answer to a write: the form or the outcome closes with a word, or shows the refusal.
    public mutating func written(_ result: WriteResult, context x: ScreenContext) -> Effect {
        let what = pending
        pending = nil
        switch (what, result) {
        case (.schedule?, .saved):
            let moved = form?.editing != nil
            form = nil
            if moved { open = nil; return .message(x.strings.c(.fChanged), .normal) }
            return .message(x.strings.c(.fSaved), .normal)
        case (.merge?, .saved): form = nil; return .message(x.strings.c(.fMerged), .normal)
        case (.outcome?, .saved): outcome = nil; open = nil; return .message(x.strings.c(.outcomeSaved), .normal)
        case (.outcome?, .refused(let e)): outcome = nil; return .message(x.strings.refusal(e, names: x.names), .error)
        case (_, .refused(let e)):
            guard var f = form else { return .message(x.strings.refusal(e, names: x.names), .error) }
            if what == .schedule, case DomainError.conflict(.booked) = e { f.conflict = x.strings.refusal(e, names: x.names) }
            else { f.form.show(refusal: e, strings: x.strings, names: x.names, fields: ScheduleForm.refusalFields) }
            f.mergeInto = nil
            form = f
            return .none
        case (nil, .saved): return .none
        }
    }

    /// Any change here or elsewhere may move a meeting: the period is read again.
    public mutating func reload(_ changes: CaseService.Changes?, context x: ScreenContext) -> Effect {
        invalidate()
        return load(x)
    }

    /// Reads the meetings around the period when it moved outside what was read.
    mutating func load(_ x: ScreenContext) -> Effect {
        guard needsLoad else { return .none }
        let scope: CaseService.MeetingScope
        switch subject {
        case .me: scope = .user(x.user.id)
        case .user(let u): scope = .user(u)
        case .citizen(let c): scope = .citizen(c)
        case .room(let r): scope = .room(r)
        }
        let window = loadWindow
        do {
            loaded(try x.service.meetings(as: x.user.id, scope: scope, from: window.from, to: window.to), window: window)
            return .none
        } catch {
            loaded([], window: window)
            return .message(x.strings.refusal(error, names: x.names), .error)
        }
    }
}
