/// The state EnPlan works on: the replay of every event. Commands are checked against it; queries
/// read it. It keeps derived state only (not the events), so its memory stays well under the log's.
///
/// The apply is split by concern, one file each: this file (the entry points, and the events of
/// users, code lists, meetings and registration), `Projection+Citizen` (what an event does to a
/// citizen's case), `Projection+Erasure` (an erased line, an erasure's nameless record, `namedBy`)
/// and `Projection+Organisation` (units, memberships, mandates). Stream names: `Streams`. Its
/// state is set only there and by `restore` (the snapshot): `internal(set)` so that the apply's
/// files can; nothing else in the domain sets it.
public struct Projection: Sendable {
    public struct Account: Sendable, Equatable {
        public var user: User
        public var passwordHash: String
        public var version: Int
        /// Failed logins since the last successful one, and when the last one failed.
        public var failedLogins = 0
        public var lastFailure: Timestamp?

        /// Five failures in a row lock the user for five minutes.
        public func lockedUntil(now: Timestamp) -> Timestamp? {
            guard failedLogins > 0, failedLogins % 5 == 0, let last = lastFailure else { return nil }
            let until = Timestamp(millis: last.millis + 5 * 60_000)
            return now < until ? until : nil
        }
    }

    public internal(set) var accounts: [String: Account] = [:]
    public internal(set) var citizens = CitizenTable()
    /// Each citizen's place (`CitizenTable`) by CPR number, as a number: 12 bytes a bucket, where
    /// a dictionary of digits to ids keeps 32.
    var placeByCPR: [UInt64: Int32] = [:]
    /// The CPR numbers citizens had before (`CPRChanged`), as numbers, with their places: an old
    /// number still finds its citizen (`citizenID(cpr:)`).
    var formerByCPR: [UInt64: Int32] = [:]
    /// `formerByCPR`, for the snapshot.
    var formerCPRPlaces: [UInt64: Int32] { formerByCPR }
    public internal(set) var meetings: [String: Meeting] = [:]
    /// Meeting ids by the day they start on (conflict checks and the calendar look at one day).
    public internal(set) var meetingsByDay: [Day: [String]] = [:]
    public internal(set) var benefits: [String: Benefit] = [:]
    public internal(set) var benefitsVersion = 0
    /// Plan templates by id, with their streams' versions.
    public internal(set) var templates: [String: PlanTemplate] = [:]
    public internal(set) var templateVersions: [String: Int] = [:]
    /// Targets (måltal) by id, with their streams' versions in `Target.version`.
    public internal(set) var targets: [String: Target] = [:]
    /// The youth measure's target group (stream `targetgroup:youth`), with its version.
    public internal(set) var youthTargetGroup: YouthTargetGroup?
    /// The quarterly review's draws by id (the quarter, "2026Q4"), with their streams' versions.
    public internal(set) var reviewDraws: [String: ReviewDraw] = [:]
    /// The offers register by id ("o1"), with their streams' versions in `Offer.version`.
    public internal(set) var offers: [String: Offer] = [:]
    /// The organisation: units, who is in which from when, mandates (`Organisation`).
    public internal(set) var organisation = Organisation()
    /// Where each stream's lines start in the event log, in order (`LineIndex`: up to the
    /// snapshot read in place from its file, mapped; after it, in memory).
    public internal(set) var lines = LineIndex()
    /// Ids are handed out in order: c1, c2 … and m1, m2 … (under the store's lock, so never twice).
    public internal(set) var citizenCount = 0
    public internal(set) var meetingCount = 0
    public internal(set) var lastSeq = 0
    /// For each citizen id, the places of the citizens whose links, dismissed duplicates or
    /// household name it (a place may be listed more than once, or name it no longer: `erase`
    /// checks). Made at the first erasure this projection applies, in one pass over every
    /// citizen, then kept by the three events that name another citizen; nil until then, so a
    /// projection that never applies an erasure never pays for it. Without it each erasure read
    /// every other citizen (from a snapshot, in full): 1,000 erasures on a 100,000-citizen store
    /// took minutes, in the run and in every session that took the records in.
    var namedBy: [String: [Int32]]?

    public init() {
        for b in Benefit.defaults { benefits[b.code] = b }
    }

    /// The id of the citizen with this CPR number (ten digits, no dash), if one is registered:
    /// their number now, or one they had before (`CPRChanged`).
    public func citizenID(cpr digits: String) -> String? {
        guard let key = Projection.cprKey(digits), let place = placeByCPR[key] ?? formerByCPR[key] else { return nil }
        return citizens.id(at: Int(place))
    }

    /// Every registered CPR number as a number (now and before) with its citizen's place, for a pass
    /// that compares numbers without reading a citizen (the duplicates: `Duplicates`).
    func forEachCPR(_ body: (_ key: UInt64, _ place: Int, _ former: Bool) -> Void) {
        for (key, place) in placeByCPR { body(key, Int(place), false) }
        for (key, place) in formerByCPR { body(key, Int(place), true) }
    }

    /// Ten digits as a number (nil for anything else).
    static func cprKey(_ digits: String) -> UInt64? {
        var n: UInt64 = 0, count = 0
        for b in digits.utf8 {
            guard b >= 48, b <= 57, count < 10 else { return nil }
            n = n * 10 + UInt64(b - 48); count += 1
        }
        return count == 10 ? n : nil
    }

    public var users: [User] { accounts.values.map(\.user).sorted { $0.id < $1.id } }
    public func user(_ id: String) -> User? { accounts[id]?.user }

    public func version(of stream: String) -> Int {
        // In place, not `citizens[stream]?.version`: that would copy the whole Citizen on the hot path.
        if let v = citizens.version(of: stream) { return v }
        if let i = meetings.index(forKey: stream) { return meetings.values[i].version }
        if stream.hasPrefix(Streams.userPrefix) { return accounts[String(stream.dropFirst(Streams.userPrefix.count))]?.version ?? 0 }
        if stream == Streams.benefits { return benefitsVersion }
        if stream.hasPrefix(Streams.templatePrefix) { return templateVersions[String(stream.dropFirst(Streams.templatePrefix.count))] ?? 0 }
        if stream.hasPrefix(Streams.targetPrefix) { return targets[String(stream.dropFirst(Streams.targetPrefix.count))]?.version ?? 0 }
        if stream == Streams.youthTargetGroup { return youthTargetGroup?.version ?? 0 }
        if stream.hasPrefix(Streams.reviewPrefix) { return reviewDraws[String(stream.dropFirst(Streams.reviewPrefix.count))]?.version ?? 0 }
        if stream.hasPrefix(Streams.offerPrefix) { return offers[String(stream.dropFirst(Streams.offerPrefix.count))]?.version ?? 0 }
        if stream.hasPrefix(Streams.unitPrefix) { return organisation.units[String(stream.dropFirst(Streams.unitPrefix.count))]?.version ?? 0 }
        return 0
    }

    public struct Inconsistent: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// Notes where an applied event's line starts in the log.
    mutating func noteLine(_ stream: String, at offset: Int) { lines.note(stream, at: offset) }

    public mutating func apply(_ e: RecordedEvent) throws {
        try apply(try DomainEvent(type: e.type, fields: e.data), stream: e.stream, version: e.version, actor: e.actor, at: e.ts)
        lastSeq = e.seq
    }

    /// Applies an event whose envelope and typed payload were decoded apart (the replay).
    mutating func apply(_ e: LogLine.Envelope, event: DomainEvent) throws {
        try apply(event, stream: e.stream, version: e.version, actor: e.actor, at: e.ts)
        lastSeq = e.seq
    }

    /// Applies an event as the next version of its stream, without a store or a log line (the
    /// pure tests of `Decide` build their state from events this way).
    public mutating func apply(_ event: DomainEvent, stream: String, actor: String, at ts: Timestamp) throws {
        try apply(event, stream: stream, version: version(of: stream) + 1, actor: actor, at: ts)
    }

    mutating func apply(_ event: DomainEvent, stream: String, version: Int, actor: String, at ts: Timestamp) throws {
        // Most events change a citizen who exists already: one hash lookup, then work in place.
        if let i = citizens.place(of: stream) {
            guard version == citizens.version(at: i) + 1 else {
                throw Inconsistent(reason: "stream \(stream) has version \(version), expected \(citizens.version(at: i) + 1)")
            }
            if case .citizenRegistered = event { throw Inconsistent(reason: "citizen \(stream) is registered already") }
            if case let .cprChanged(_, new, _) = event { try changeCPR(place: i, to: new) }
            if case let .citizenErased(_, closed, _) = event {
                erase(place: i, closed: closed)
                citizens[place: i].version = version
                return
            }
            // Static on purpose: an instance method here would copy the whole projection (self is
            // borrowed while one of its citizens is inout), and then every apply copies every citizen.
            let sector = Projection.recordsSector(event) ? accounts[actor]?.user.sector : nil
            Projection.applyToCitizen(event, &citizens[place: i], actor: actor, sector: sector, at: ts)
            citizens[place: i].version = version
            if namedBy != nil { noteNaming(event, place: i) }
            return
        }
        let expected = self.version(of: stream) + 1
        // The record of an erasure follows its case's lines, which a replay passed over (they are
        // erased): its version is the case's next, whatever this projection counted.
        let afterErasedLines: Bool
        if case .citizenErased = event { afterErasedLines = true } else { afterErasedLines = false }
        guard version == expected || afterErasedLines else {
            throw Inconsistent(reason: "stream \(stream) has version \(version), expected \(expected)")
        }
        switch event {
        case let .userCreated(user, hash):
            accounts[user.id] = Account(user: user, passwordHash: hash, version: version)
        case let .passwordChanged(hash):
            // A new password (an administrator's reset, say) lifts a lockout too.
            try updateAccount(stream) { $0.passwordHash = hash; $0.failedLogins = 0 }
        case let .userActiveSet(active):
            try updateAccount(stream) { $0.user.active = active }
        case let .userContactSet(phone, email):
            try updateAccount(stream) { $0.user.phone = phone; $0.user.email = email }
        case .userUnitSet, .userMandateSet, .unitDefined:
            try applyToOrganisation(event, stream: stream, version: version)
        case .loginFailed:
            try updateAccount(stream) { $0.failedLogins += 1; $0.lastFailure = ts }
        case .loginSucceeded, .userUnlocked:
            try updateAccount(stream) { $0.failedLogins = 0 }
        case let .benefitDefined(b):
            benefits[b.code] = b
            benefitsVersion = version
        case let .templateDefined(t):
            templates[t.id] = t
            templateVersions[t.id] = version
        case let .targetDefined(t):
            var target = t
            target.version = version
            targets[t.id] = target
        case let .youthTargetGroupSet(g):
            guard stream == Streams.youthTargetGroup else { throw Inconsistent(reason: "a target group on stream \(stream)") }
            var group = g
            group.version = version
            youthTargetGroup = group
        case let .targetEnded(date):
            let id = String(stream.dropFirst(Streams.targetPrefix.count))
            guard targets[id] != nil else { throw Inconsistent(reason: "no target \(id)") }
            targets[id]!.ended = date
            targets[id]!.version = version
        case let .meetingChanged(type, start, minutes, room, agenda):
            guard let old = meetings[stream] else { throw Inconsistent(reason: "no meeting \(stream)") }
            if old.start.day != start.day {
                meetingsByDay[old.start.day]?.removeAll { $0 == stream }
                if meetingsByDay[old.start.day]?.isEmpty == true { meetingsByDay[old.start.day] = nil }
                meetingsByDay[start.day, default: []].append(stream)
            }
            meetings[stream]!.type = type; meetings[stream]!.start = start; meetings[stream]!.minutes = minutes
            meetings[stream]!.room = room; meetings[stream]!.agenda = agenda
            meetings[stream]!.version = version
            meetings[stream]!.updated = ts
        case let .reviewSampleDrawn(d):
            var draw = d
            draw.version = version
            reviewDraws[d.id] = draw
        case let .offerDefined(o):
            var offer = o
            offer.version = version
            offers[o.id] = offer
        case let .offerAttendanceReported(week, count):
            let id = String(stream.dropFirst(Streams.offerPrefix.count))
            guard offers[id] != nil else { throw Inconsistent(reason: "no offer \(id)") }
            offers[id]!.attendance[week] = count
            offers[id]!.version = version
        case let .citizenRegistered(cprText, name, benefit, responsible, sectors):
            let cpr = try CPR(cprText)
            var c = Citizen(id: stream, cpr: cpr, name: name, benefit: benefit, responsible: responsible, registeredSectors: sectors)
            c.version = version
            c.facts.registered = ts.copenhagenDay
            c.facts.responsible = [.init(from: ts.copenhagenDay, user: responsible)]
            if benefit != nil { c.outcomes.benefits = [.init(from: ts.copenhagenDay, code: benefit)] }
            if benefit != nil { c.recorded.benefit = accounts[actor]?.user.sector ?? sectors.first }
            citizens[stream] = c
            placeByCPR[Projection.cprKey(cpr.digits)!] = Int32(citizens.place(of: stream)!)
            citizenCount += 1
        case let .meetingScheduled(m):
            var meeting = m
            meeting.version = version
            meeting.updated = ts
            meetings[stream] = meeting
            meetingsByDay[m.start.day, default: []].append(stream)
            meetingCount += 1
            if let cid = m.citizen {
                citizens[cid]?.meetings.append(stream)
                citizens[cid]?.participants.formUnion(m.participants)
            }
            return
        case let .meetingStatusChanged(status, outcome):
            guard meetings.index(forKey: stream) != nil else { throw Inconsistent(reason: "no meeting \(stream)") }
            meetings[stream]!.status = status
            if let outcome { meetings[stream]!.outcome = outcome }
            meetings[stream]!.version = version
            meetings[stream]!.updated = ts
            if let cid = meetings[stream]!.citizen, let i = citizens.place(of: cid) {
                // A cancelled meeting gives its participants no access: only planned, held and no-show ones do.
                let ids = citizens.head(place: i).meetings
                citizens[place: i].participants = Set(ids.compactMap { meetings[$0] }.filter { $0.status != .cancelled }.flatMap(\.participants))
            }
            return
        case let .meetingJoined(participants, guests, agenda):
            guard meetings.index(forKey: stream) != nil else { throw Inconsistent(reason: "no meeting \(stream)") }
            for p in participants where !meetings[stream]!.participants.contains(p) { meetings[stream]!.participants.append(p) }
            meetings[stream]!.guests += guests
            for item in agenda where !meetings[stream]!.agenda.contains(item) { meetings[stream]!.agenda.append(item) }
            meetings[stream]!.version = version
            meetings[stream]!.updated = ts
            if let cid = meetings[stream]!.citizen, let i = citizens.place(of: cid) {
                citizens[place: i].participants.formUnion(participants)
                citizens[place: i].facts.merged.append(meetings[stream]!.start.day)
            }
            return
        case let .participantReplaced(leaving, by):
            guard let m = meetings[stream] else { throw Inconsistent(reason: "no meeting \(stream)") }
            var people = m.participants
            if let i = people.firstIndex(of: leaving) {
                if let by, !people.contains(by) { people[i] = by } else { people.remove(at: i) }
            }
            meetings[stream]!.participants = people
            meetings[stream]!.version = version
            meetings[stream]!.updated = ts
            if let cid = m.citizen, let i = citizens.place(of: cid) {
                let ids = citizens.head(place: i).meetings
                citizens[place: i].participants = Set(ids.compactMap { meetings[$0] }.filter { $0.status != .cancelled }.flatMap(\.participants))
            }
            return
        // A replay of an erased case: its lines are gone (`applyErased`), the record makes the same
        // nameless closed case a live session has.
        case let .citizenErased(_, closed, _):
            guard !citizens.contains(stream) else { throw Inconsistent(reason: "citizen \(stream) was erased already") }
            var c = Citizen.erased(id: stream, closed: closed)
            c.version = version
            citizens[stream] = c
            return
        // A citizen's events, on a stream that is no citizen.
        case .citizenDetailsChanged, .responsibleChanged, .contactPersonChosen, .householdLinked, .consentGiven, .consentWithdrawn,
             .planCreated, .planGoalChanged, .goalAdded, .goalStatusChanged, .goalChanged, .effortAdded, .effortStatusChanged,
             .effortChanged, .templateApplied, .decisionRecorded, .followUpScheduled, .followUpCompleted, .assessmentRecorded,
             .referralSent, .referralAnswered, .contactLogged, .outcomeRecorded, .ownAssessmentRecorded, .vulnerabilityRecorded, .planReviewed,
             .caseClosed, .caseReopened, .citizensLinked, .duplicateDismissed, .cprChanged, .decisionCorrected, .decisionAnnulled:
            throw Inconsistent(reason: "no citizen \(stream) for \(event.type)")
        }
    }

    mutating func updateAccount(_ stream: String, _ change: (inout Account) -> Void) throws {
        let id = String(stream.dropFirst(Streams.userPrefix.count))
        guard accounts[id] != nil else { throw Inconsistent(reason: "no user \(id)") }
        change(&accounts[id]!)
        accounts[id]!.version += 1
    }


    // Snapshot support: the store restores a projection it wrote earlier.
    mutating func restore(accounts: [String: Account], citizens: CitizenTable, placeByCPR: [UInt64: Int32],
                          meetings: [String: Meeting], meetingsByDay: [Day: [String]], benefits: [String: Benefit],
                          benefitsVersion: Int, templates: [String: PlanTemplate], templateVersions: [String: Int],
                          lines: LineIndex, citizenCount: Int, meetingCount: Int, lastSeq: Int, targets: [String: Target] = [:],
                          youthTargetGroup: YouthTargetGroup? = nil, reviewDraws: [String: ReviewDraw] = [:], offers: [String: Offer] = [:],
                          formerByCPR: [UInt64: Int32] = [:], organisation: Organisation = Organisation()) {
        self.formerByCPR = formerByCPR
        self.organisation = organisation
        self.targets = targets; self.youthTargetGroup = youthTargetGroup; self.reviewDraws = reviewDraws; self.offers = offers
        self.templates = templates; self.templateVersions = templateVersions; self.lines = lines
        self.accounts = accounts; self.citizens = citizens; self.placeByCPR = placeByCPR; self.meetings = meetings
        self.meetingsByDay = meetingsByDay; self.benefits = benefits; self.benefitsVersion = benefitsVersion
        self.citizenCount = citizenCount; self.meetingCount = meetingCount; self.lastSeq = lastSeq
    }
}
