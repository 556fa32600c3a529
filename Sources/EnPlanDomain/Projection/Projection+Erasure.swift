// An erasure in the projection: a line whose payload was erased (a replay), a live session's
// erasure (the citizen a nameless closed case, the tombstone a replay makes from `CitizenErased`),
// and `namedBy`, the index of who names whom that spares each erasure a pass over every citizen.
extension Projection {
    /// A line whose payload was erased (retention): nothing to apply. A stream that is still here
    /// (a kept case whose household link named an erased person) moves to the line's version; an
    /// erased citizen's or meeting's own lines find no stream. Their ids stay used: a registration
    /// or a booking still counts, so no later one is handed the same id.
    mutating func applyErased(_ e: LogLine.Envelope) {
        if let i = citizens.place(of: e.stream) {
            citizens[place: i].version = e.version
        } else if meetings[e.stream] != nil {
            meetings[e.stream]!.version = e.version
        } else if e.type == EventType.citizenRegistered.name {
            citizenCount += 1
        } else if e.type == EventType.meetingScheduled.name {
            meetingCount += 1
        }
        lastSeq = e.seq
    }


    /// A live session's view of an erasure, the same as a replay's (whose erased lines built
    /// nothing): the citizen a nameless closed case, their numbers out of the indexes, the meetings
    /// about them gone, and no other case's household or duplicate links naming them.
    mutating func erase(place i: Int, closed: Day) {
        let id = citizens.id(at: i), head = citizens.head(place: i)
        for cpr in [head.cpr] + head.formerCPRs {
            if let key = Projection.cprKey(cpr.digits) {
                if placeByCPR[key] == Int32(i) { placeByCPR[key] = nil }
                if formerByCPR[key] == Int32(i) { formerByCPR[key] = nil }
            }
        }
        for m in head.meetings {
            guard let meeting = meetings.removeValue(forKey: m) else { continue }
            meetingsByDay[meeting.start.day]?.removeAll { $0 == m }
            if meetingsByDay[meeting.start.day]?.isEmpty == true { meetingsByDay[meeting.start.day] = nil }
        }
        if namedBy == nil { namedBy = Projection.naming(citizens) }
        let naming = Set(namedBy!.removeValue(forKey: id) ?? [])
        citizens[place: i] = Citizen.erased(id: id, closed: closed)
        for j in naming.map(Int.init).sorted() where j != i {
            let h = citizens.head(place: j)
            guard h.linked.contains(id) || h.notDuplicates.contains(id) || citizens[place: j].household.contains(where: { $0.citizen == id }) else { continue }
            citizens[place: j].linked.removeAll { $0 == id }
            citizens[place: j].notDuplicates.removeAll { $0 == id }
            // The household and who recorded each member go in step (`householdLinked` appends to both).
            let gone = Set(citizens[place: j].household.indices.filter { citizens[place: j].household[$0].citizen == id })
            if !gone.isEmpty {
                let recorders = citizens[place: j].recorded.household
                citizens[place: j].household = citizens[place: j].household.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
                citizens[place: j].recorded.household = recorders.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
            }
        }
    }

    /// `namedBy` made from the citizens as they are: one pass, each citizen read once.
    static func naming(_ citizens: CitizenTable) -> [String: [Int32]] {
        var out: [String: [Int32]] = [:]
        for j in 0..<citizens.count {
            let c = citizens[place: j]
            for other in c.linked + c.notDuplicates + c.household.compactMap(\.citizen) { out[other, default: []].append(Int32(j)) }
        }
        return out
    }

    /// Keeps `namedBy` (once made) as an event on the citizen at place `i` names another citizen.
    mutating func noteNaming(_ event: DomainEvent, place i: Int) {
        let named: String?
        switch event {
        case let .householdLinked(m): named = m.citizen
        case let .citizensLinked(other, _), let .duplicateDismissed(other, _): named = other
        default: return
        }
        if let named { namedBy![named, default: []].append(Int32(i)) }
    }

}
