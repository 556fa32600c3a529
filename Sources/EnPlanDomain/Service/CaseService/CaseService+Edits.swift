// Commands given in part: a headless command names only what changes, and the rest is taken from
// the case as it is, here in the domain, so that the command reads nothing of the case itself. The
// command is then checked and written as every command is (`execute`).
extension CaseService {
    /// A recorded decision corrected: what is not given stays as it was (the deadline is reckoned
    /// again unless given).
    @discardableResult
    public func correctDecision(citizen: String, decision id: String, legalArea: LegalArea?, date: Day?, text: String?,
                                appealDeadline: Day?, sent: Delivery, reason: String, as actorID: String) throws -> [RecordedEvent] {
        try store.refresh()
        guard let d = store.projection.citizens[citizen]?.plan?.decisions.first(where: { $0.id == id }) else {
            throw DomainError.notFound(.inPlan(.decision, id, citizen: citizen))
        }
        return try execute(.correctDecision(citizen: citizen, decision: id, legalArea: legalArea ?? d.legalArea, date: date ?? d.date,
                                            text: text ?? d.text, appealDeadline: appealDeadline, sent: sent, reason: reason), as: actorID)
    }

    /// What changes in a planned meeting; nil: as it is. `room` `.some(nil)`: no room.
    public struct MeetingEdit: Sendable {
        public var type: MeetingType?
        public var start: LocalTime?
        public var minutes: Int?
        public var room: String??
        public var agenda: [String]?
        public init() {}
    }

    /// A planned meeting changed as `edit` says, checked as a booking is.
    @discardableResult
    public func changeMeeting(_ id: String, _ edit: MeetingEdit, allowConflict: Bool, as actorID: String) throws -> [RecordedEvent] {
        try store.refresh()
        guard let m = store.projection.meetings[id] else { throw DomainError.notFound(.meeting(id)) }
        return try execute(.changeMeeting(meeting: id, type: edit.type ?? m.type, start: edit.start ?? m.start, minutes: edit.minutes ?? m.minutes,
                                          room: edit.room ?? m.room, agenda: edit.agenda ?? m.agenda, allowConflict: allowConflict), as: actorID)
    }
}
