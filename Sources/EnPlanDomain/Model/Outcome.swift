/// Outcomes toward self-support, the citizen's own assessment, and the youth target group
/// (issue 10, parts 1, 2 and 5).
///
/// Invariants:
/// - An outcome, an own assessment and a vulnerability flag each belong to the sector that
///   recorded it (the event's own "sector" field, `ContentOwner.recordedSector`): another sector
///   sees it only where the citizen's consent covers both (`Access.redacted`).
/// - A citizen's outcomes are kept in date order (a later-dated one recorded earlier stays after);
///   the current status is the last one dated today or before.
/// - The youth target group is one aggregate (stream `targetgroup:youth`): each `YouthTargetGroupSet`
///   replaces the definition as a whole.

/// A status toward self-support (selvforsørgelse), or an exit.
public enum OutcomeStatus: String, CaseIterable, Sendable {
    case job, education, flexJob = "flex-job", jobReady = "job-ready", educationReady = "education-ready",
         activityReady = "activity-ready", notReady = "not-ready", moved, pension, died

    /// The youth measure's success: job or education, or job- or education-ready.
    public var isSuccess: Bool { self == .job || self == .education || self == .jobReady || self == .educationReady }
    /// A competing exit (moved away, pension, died): counted apart, not as a failure.
    public var isExit: Bool { self == .moved || self == .pension || self == .died }
}

public struct Outcome: Equatable, Sendable {
    public var status: OutcomeStatus
    public var date: Day
    /// Where it came from (a register, the citizen, an employer's letter).
    public var source: String?
    /// The recorder's sector: what consent is checked against.
    public var sector: Sector

    public init(status: OutcomeStatus, date: Day, source: String?, sector: Sector) {
        self.status = status; self.date = date; self.source = source; self.sector = sector
    }
}

/// What the citizen's own assessment is about.
public enum OwnAssessmentTopic: String, CaseIterable, Sendable {
    case plan, contactPerson = "contact-person", welfareTechnology = "welfare-technology", meeting, wholeCase = "case"
}

/// The citizen's own assessment: a dated score 1-5 with their own words.
public struct OwnAssessment: Equatable, Sendable {
    public var topic: OwnAssessmentTopic
    public var score: Int
    public var words: String
    public var date: Day
    public var sector: Sector

    public init(topic: OwnAssessmentTopic, score: Int, words: String, date: Day, sector: Sector) {
        self.topic = topic; self.score = score; self.words = words; self.date = date; self.sector = sector
    }

    public static func isValidScore(_ s: Int) -> Bool { (1...5).contains(s) }
}

/// The target group of the youth measure, as a supervisor sets it.
public struct YouthTargetGroup: Equatable, Sendable {
    /// Under this age on the day of entry (30: under 30).
    public var maxAge: Int
    /// The benefit codes that count (unemployment benefits).
    public var benefits: [String]
    /// The legal basis an active effort must have, by its prefix ("SEL": serviceloven).
    public var effortBasis: String
    /// Only citizens with a vulnerability flag recorded.
    public var requireVulnerability: Bool
    /// The baseline day: everyone in the group that day is the baseline cohort.
    public var baseline: Day
    /// Who set it, and when.
    public var setOn: Day
    public var version = 0

    public init(maxAge: Int = 30, benefits: [String], effortBasis: String = "SEL", requireVulnerability: Bool, baseline: Day, setOn: Day) {
        self.maxAge = maxAge; self.benefits = benefits; self.effortBasis = effortBasis
        self.requireVulnerability = requireVulnerability; self.baseline = baseline; self.setOn = setOn
    }

    /// The unemployment benefits a new target group starts from.
    public static let defaultBenefits = ["kontanthjaelp", "uddannelseshjaelp", "dagpenge", "selvforsoergelse"]
}

/// What the projection keeps of a citizen for outcomes, cohorts and own assessments.
public struct CitizenOutcomes: Equatable, Sendable {
    public var statuses: [Outcome] = []
    public var assessments: [OwnAssessment] = []
    /// The vulnerability flag over time: the day it was set or cleared, and by which sector.
    public var vulnerability: [Flag] = []
    /// Each benefit from the day it was recorded (nil: none), oldest first.
    public var benefits: [BenefitSpan] = []
    /// The day the citizen chose their own contact person (nil: not chosen by the citizen).
    public var contactChosen: Day?

    public struct Flag: Equatable, Sendable {
        public var date: Day
        public var on: Bool
        public var sector: Sector
    }
    public struct BenefitSpan: Equatable, Sendable {
        public var from: Day
        public var code: String?
    }

    public init() {}

    /// The status in force on `day`: the last one dated on or before it.
    public func current(on day: Day) -> Outcome? { statuses.last { $0.date <= day } }

    mutating func add(_ o: Outcome) {
        let i = statuses.lastIndex { $0.date <= o.date }.map { $0 + 1 } ?? 0
        statuses.insert(o, at: i)
    }
}

extension Outcome: FieldsConvertible {
    public var fields: Fields {
        var f = Fields(); f.set("status", status); f.set("date", date); f.set("source", source); f.set("sector", sector); return f
    }
    public init(fields f: Fields) throws {
        self.init(status: try f.value("status"), date: try f.day("date"), source: try f.optionalString("source"), sector: try f.value("sector"))
    }
}

extension OwnAssessment: FieldsConvertible {
    public var fields: Fields {
        var f = Fields(); f.set("topic", topic); f.set("score", score); f.set("words", words); f.set("date", date); f.set("sector", sector); return f
    }
    public init(fields f: Fields) throws {
        self.init(topic: try f.value("topic"), score: try f.int("score"), words: try f.string("words"), date: try f.day("date"),
                  sector: try f.value("sector"))
    }
}

extension YouthTargetGroup: FieldsConvertible {
    public var fields: Fields {
        var f = Fields()
        f.set("maxAge", maxAge); f.set("benefits", benefits); f.set("effortBasis", effortBasis)
        f.set("requireVulnerability", requireVulnerability); f.set("baseline", baseline); f.set("setOn", setOn)
        return f
    }
    public init(fields f: Fields) throws {
        self.init(maxAge: try f.int("maxAge"), benefits: try f.strings("benefits"), effortBasis: try f.string("effortBasis"),
                  requireVulnerability: try f.bool("requireVulnerability"), baseline: try f.day("baseline"), setOn: try f.day("setOn"))
    }
}

extension CitizenOutcomes: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.array(statuses) { w, o in w.raw(o.status); w.day(o.date); w.optional(o.source) { $0.string($1) }; w.raw(o.sector) }
        w.array(assessments) { w, a in w.raw(a.topic); w.int(a.score); w.string(a.words); w.day(a.date); w.raw(a.sector) }
        w.array(vulnerability) { w, v in w.day(v.date); w.bool(v.on); w.raw(v.sector) }
        w.array(benefits) { w, b in w.day(b.from); w.optional(b.code) { $0.string($1) } }
        w.optional(contactChosen) { $0.day($1) }
    }
    init(from r: inout SnapshotReader) throws {
        self.init()
        statuses = try r.array { Outcome(status: try $0.raw(), date: try $0.day(), source: try $0.optional { try $0.string() }, sector: try $0.raw()) }
        assessments = try r.array { OwnAssessment(topic: try $0.raw(), score: try $0.int(), words: try $0.string(), date: try $0.day(), sector: try $0.raw()) }
        vulnerability = try r.array { Flag(date: try $0.day(), on: try $0.bool(), sector: try $0.raw()) }
        benefits = try r.array { BenefitSpan(from: try $0.day(), code: try $0.optional { try $0.string() }) }
        contactChosen = try r.optional { try $0.day() }
    }
}

extension YouthTargetGroup: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.string(fields.json); w.int(version) }
    init(from r: inout SnapshotReader) throws {
        guard let f = try? Fields(json: try r.string()), var g = try? YouthTargetGroup(fields: f) else { throw SnapshotReader.Corrupt() }
        g.version = try r.int()
        self = g
    }
}
