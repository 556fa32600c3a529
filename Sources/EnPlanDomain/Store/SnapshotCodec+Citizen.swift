/// A citizen in the snapshot: its head first (what the passes over every citizen read in place),
/// then the rest of its case (`CitizenTable`).
extension Citizen {
    // In a snapshot a citizen is two records (`Snapshot.write`): its head (`CitizenHead`: what the
    // passes over every citizen read, alone), in one block with every other head, and the rest.

    /// Everything of the citizen that is not in its head.
    func writeRest(to w: inout SnapshotWriter) {
        w.array(registeredSectors) { $0.raw($1) }; w.optional(contactPerson) { $0.string($1) }
        w.values(household); w.optional(plan) { $0.value($1) }; w.values(contacts)
        w.value(facts); w.value(recorded); w.value(outcomes)
    }
    init(head h: CitizenHead, rest r: inout SnapshotReader) throws {
        self.init(id: h.id, cpr: h.cpr, name: h.name, benefit: h.benefit, responsible: h.responsible, registeredSectors: try r.array { try $0.raw() })
        version = h.version; consents = h.consents; meetings = h.meetings; participants = Set(h.participants)
        closed = h.closed; formerCPRs = h.formerCPRs; linked = h.linked; notDuplicates = h.notDuplicates
        contactPerson = try r.optional { try $0.string() }
        household = try r.values(); plan = try r.optional { try Plan(from: &$0) }; contacts = try r.values()
        facts = try CitizenFacts(from: &r)
        recorded = try Recorders(from: &r)
        outcomes = try CitizenOutcomes(from: &r)
    }
}

extension CitizenHead: SnapshotCodable {
    /// Id, version, CPR number, the inbox flags and the last answer's day first: opening reads just
    /// these of every citizen (`peek`); the answered referrals next, so the inbox reads them of a
    /// citizen answered lately without the rest of the head (`answers`).
    func write(to w: inout SnapshotWriter) {
        w.string(id); w.int(version); w.string(cpr.digits); w.int(Int(inboxFlags)); w.int(lastAnswered.map { $0.daysSinceEpoch + 1 } ?? 0)
        w.array(answeredReferrals) { w, r in w.string(r.id); w.sector(r.to); w.string(r.sentBy); w.day(r.answered); w.raw(r.status) }
        w.day(cpr.birthDate); w.string(name); w.optional(benefit) { $0.string($1) }; w.string(responsible)
        w.values(consents); w.array(meetings) { $0.string($1) }; w.array(participants) { $0.string($1) }
        w.int(Int(sectorMask)); w.optional(benefitRecorder) { $0.sector($1) }; w.bool(hasPlan); w.array(openFollowUps) { $0.day($1) }
        w.array(requestedReferrals) { w, r in w.string(r.id); w.sector(r.from); w.sector(r.to); w.day(r.date) }
        w.optional(handover) { $0.day($1.from); $0.string($1.user) }
        w.optional(closed) { $0.day($1) }; w.array(formerCPRs) { $0.string($1.digits); $0.day($1.birthDate) }
        w.array(linked) { $0.string($1) }; w.array(notDuplicates) { $0.string($1) }
    }
    init(from r: inout SnapshotReader) throws {
        let id = try r.string(), version = try r.int(), digits = try r.string()
        _ = try r.int()   // the inbox flags: worked out from the fields below
        _ = try r.int()   // the last answer's day: worked out from the answered referrals
        let answered = try Self.answeredReferrals(from: &r)
        let cpr = CPR(checkedDigits: digits, birthDate: try r.day())
        self.init(id: id, version: version, cpr: cpr, name: try r.string(), benefit: try r.optional { try $0.string() }, responsible: try r.string(),
                  consents: try r.values(), meetings: try r.array { try $0.string() }, participants: try r.array { try $0.string() },
                  sectorMask: UInt8(truncatingIfNeeded: try r.int()), benefitRecorder: try r.optional { try $0.sector() }, hasPlan: try r.bool(),
                  openFollowUps: try r.array { try $0.day() },
                  requestedReferrals: try r.array { RequestedReferral(id: try $0.string(), from: try $0.sector(), to: try $0.sector(), date: try $0.day()) },
                  answeredReferrals: answered,
                  handover: try r.optional { let from = try $0.day(); return CitizenFacts.Span(from: from, user: try $0.string()) },
                  closed: try r.optional { try $0.day() },
                  formerCPRs: try r.array { let digits = try $0.string(); return CPR(checkedDigits: digits, birthDate: try $0.day()) },
                  linked: try r.array { try $0.string() }, notDuplicates: try r.array { try $0.string() })
    }

    private static func answeredReferrals(from r: inout SnapshotReader) throws -> [AnsweredReferral] {
        try r.array { AnsweredReferral(id: try $0.string(), to: try $0.sector(), sentBy: try $0.string(), answered: try $0.day(), status: try $0.raw()) }
    }

    /// The answered referrals alone, from the record's start (the inbox's look at a citizen whose
    /// only news may be an answer: is it to this user?).
    static func answers(from r: inout SnapshotReader) throws -> [AnsweredReferral] {
        _ = try peek(from: &r)
        return try answeredReferrals(from: &r)
    }

    /// The id, the version, the CPR digits, the inbox flags and the last answer's day alone (what
    /// opening needs of every citizen).
    static func peek(from r: inout SnapshotReader) throws -> (id: String, version: Int, cpr: String, inboxFlags: UInt8, lastAnswered: Day?) {
        let (id, version, cpr, flags) = (try r.string(), try r.int(), try r.string(), UInt8(truncatingIfNeeded: try r.int()))
        let answered = try r.int()
        return (id, version, cpr, flags, answered == 0 ? nil : Day(daysSinceEpoch: answered - 1))
    }
}
