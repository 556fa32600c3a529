import EnPlanDomain

/// Scheduling a meeting: conflicts are shown before saving (saving anyway needs a confirmation),
/// Ctrl-F finds the first free slot, and a citizen's meeting within 14 days is offered for merging.
public struct ScheduleForm: Sendable {
    public static let labels: [Strings.T] = [.fType, .fCitizen, .fDate, .fTime, .fMinutes, .fRoom, .fParticipants, .fAgenda, .fPartners]
    public var fields: [String]
    public var focus = 0
    public var error: String?
    /// A conflict shown: `y` saves anyway.
    public var conflict: String?
    /// A meeting of the citizen's to merge into: `m` adds to it.
    public var mergeInto: Meeting?
    /// The merge was offered for these fields; Enter again saves a new meeting.
    public var mergeOffered = false

    public init(day: Day, user: String) {
        fields = ["network", "", day.danish, "10:00", "60", "", user, "", ""]
    }

    public enum Outcome: Equatable { case none, cancel, save(allowConflict: Bool), merge, findFreeSlot }

    public mutating func handle(_ key: Key) -> Outcome {
        if conflict != nil {
            if key == .char("y") || key == .char("j") { return .save(allowConflict: true) }
            conflict = nil
            return .none
        }
        if mergeInto != nil && key == .char("m") { return .merge }
        switch key {
        case .escape: return .cancel
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        case .enter: return .save(allowConflict: false)
        case .ctrl("f"): return .findFreeSlot
        case .backspace: if !fields[focus].isEmpty { fields[focus].removeLast() }
        case .ctrl("u"): fields[focus] = ""
        case .char(let c): fields[focus].append(c); mergeInto = nil; mergeOffered = false
        default: break
        }
        return .none
    }

    /// A comma-separated field as its items.
    func list(_ i: Int) -> [String] {
        fields[i].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public var participants: [String] { list(6) }
    public var agenda: [String] { list(7) }

    /// Outside partners: "Name, Organisation; Name, Organisation".
    public var partners: [Guest] {
        fields[8].split(separator: ";").compactMap { entry in
            let p = entry.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = p.first, !name.isEmpty else { return nil }
            return Guest(kind: .partner, name: name, organisation: p.count > 1 && !p[1].isEmpty ? p[1] : nil)
        }
    }

    /// The fields as a command, or the first problem. `citizenName`: the citizen joins as a guest.
    public func command(today: Day, citizenName: String? = nil) -> Result<Command, DomainError> {
        guard let type = MeetingType(rawValue: fields[0].trimmingCharacters(in: .whitespaces)) else {
            return .failure(.invalid("type: network, followup, roundtable, rehab, other"))
        }
        guard let day = DayInput.parse(fields[2], today: today) else { return .failure(.invalid("date: dd-mm-yyyy, +2w …")) }
        let t = fields[3].split(separator: ":")
        guard t.count == 2, let h = Int(t[0]), let mi = Int(t[1]), (0..<24).contains(h), (0..<60).contains(mi) else {
            return .failure(.invalid("time: HH:MM"))
        }
        guard let minutes = Int(fields[4]), (5...480).contains(minutes) else { return .failure(.invalid("minutes: 5-480")) }
        let citizen = fields[1].trimmingCharacters(in: .whitespaces)
        let room = fields[5].trimmingCharacters(in: .whitespaces)
        let people = participants
        return .success(.scheduleMeeting(type: type, citizen: citizen.isEmpty ? nil : citizen, start: LocalTime(day: day, minuteOfDay: h * 60 + mi),
                                         minutes: minutes, room: room.isEmpty ? nil : room, participants: people,
                                         guests: (citizenName.map { [Guest(kind: .citizen, name: $0, organisation: nil)] } ?? []) + partners,
                                         allowConflict: false, agenda: agenda))
    }

    func render(into canvas: inout Canvas, top: Int, strings s: Strings) {
        let left = 2
        canvas.put(s.t(.fTitle), row: top, col: left, role: .header)
        let labelWidth = Self.labels.map { TextWidth.columns(s.t($0)) }.max()! + 2
        for (i, l) in Self.labels.enumerated() {
            let row = top + 2 + i
            canvas.put(s.t(l) + ":", row: row, col: left, role: .normal)
            canvas.put(TextWidth.fit(fields[i], to: 40), row: row, col: left + labelWidth, role: .input, width: 40)
            if i == focus { canvas.cursor = (row, left + labelWidth + min(39, TextWidth.columns(fields[i]))) }
        }
        var row = top + 3 + Self.labels.count
        if let error { canvas.put(error, row: row, col: left, role: .error); row += 1 }
        if let conflict { canvas.put(conflict + " · " + s.t(.fSaveAnyway), row: row, col: left, role: .alert); row += 1 }
        if let m = mergeInto {
            canvas.put(s.t(.fMerge) + " \(m.id) \(s.date(m.start.day)) \(Day.pad(m.start.minuteOfDay / 60, 2)):\(Day.pad(m.start.minuteOfDay % 60, 2)) · \(s.t(.fMergeKey))",
                       row: row, col: left, role: .alert)
            row += 1
        }
        canvas.put(s.t(.fHint), row: row + 1, col: left, role: .dim)
    }
}
