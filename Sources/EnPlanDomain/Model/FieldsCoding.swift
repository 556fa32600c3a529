/// Each model type's one conversion to and from `Fields`: used by the events that carry it and by
/// the snapshot, so a type is written the same way everywhere.
public protocol FieldsConvertible {
    var fields: Fields { get }
    init(fields: Fields) throws
}

extension User: FieldsConvertible {
    public var fields: Fields {
        var f = Fields(); f.set("id", id); f.set("name", name); f.set("sector", sector); f.set("role", role); f.set("active", active)
        f.set("phone", phone); f.set("email", email)
        return f
    }
    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), name: try f.string("name"), sector: try f.value("sector"), role: try f.value("role"),
                  active: (try? f.bool("active")) ?? true, phone: try f.optionalString("phone"), email: try f.optionalString("email"))
    }
}

extension Benefit: FieldsConvertible {
    public var fields: Fields {
        var f = Fields(); f.set("code", code); f.set("da", danish); f.set("en", english); f.set("validFrom", validFrom); f.set("validTo", validTo); return f
    }
    public init(fields f: Fields) throws {
        self.init(code: try f.string("code"), danish: try f.string("da"), english: try f.string("en"),
                  validFrom: try f.day("validFrom"), validTo: try f.optionalDay("validTo"))
    }
}

extension HouseholdMember: FieldsConvertible {
    public var fields: Fields { var f = Fields(); f.set("relation", relation); f.set("name", name); f.set("citizen", citizen); return f }
    public init(fields f: Fields) throws {
        self.init(relation: try f.value("relation"), name: try f.string("name"), citizen: try f.optionalString("citizen"))
    }
}

extension Consent: FieldsConvertible {
    public var fields: Fields {
        var f = Fields(); f.set("id", id); f.set("sectors", sectors); f.set("given", given); f.set("withdrawn", withdrawn); return f
    }
    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), sectors: try f.values("sectors"), given: try f.day("given"), withdrawn: try f.optionalDay("withdrawn"))
    }
}

extension Goal: FieldsConvertible {
    public var fields: Fields { var f = Fields(); f.set("id", id); f.set("area", area); f.set("text", text); f.set("status", status); return f }
    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), area: try f.value("area"), text: try f.string("text"), status: try f.value("status"))
    }
}

extension Effort: FieldsConvertible {
    public var fields: Fields {
        var f = Fields()
        f.set("id", id); f.set("goal", goal); f.set("title", title); f.set("sector", sector); f.set("legalBasis", legalBasis)
        f.set("provider", provider); f.set("start", start); f.set("end", end); f.set("status", status)
        if welfareTechnology { f.set("welfareTechnology", true) }
        f.set("offer", offer)
        return f
    }
    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), goal: try f.optionalString("goal"), title: try f.string("title"), sector: try f.value("sector"),
                  legalBasis: try f.string("legalBasis"), provider: try f.string("provider"), start: try f.day("start"),
                  end: try f.optionalDay("end"), status: try f.value("status"), welfareTechnology: try f.optionalBool("welfareTechnology") ?? false,
                  offer: try f.optionalString("offer"))
    }
}

extension Decision: FieldsConvertible {
    public var fields: Fields {
        var f = Fields()
        f.set("id", id); f.set("legalArea", legalArea); f.set("date", date); f.set("text", text); f.set("appealDeadline", appealDeadline)
        f.set("sector", sector)
        return f
    }
    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), legalArea: try f.value("legalArea"), date: try f.day("date"), text: try f.string("text"),
                  appealDeadline: try f.day("appealDeadline"), sector: try f.optionalValue("sector"))
    }
}

extension FollowUp: FieldsConvertible {
    public var fields: Fields { var f = Fields(); f.set("id", id); f.set("due", due); f.set("done", done); f.set("result", result); return f }
    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), due: try f.day("due"), done: try f.optionalDay("done"), result: try f.optionalValue("result"))
    }
}

extension Assessment: FieldsConvertible {
    public var fields: Fields { var f = Fields(); f.set("domain", domain); f.set("score", score); f.set("date", date); return f }
    public init(fields f: Fields) throws {
        self.init(domain: try f.string("domain"), score: try f.int("score"), date: try f.day("date"))
    }
}

extension Referral: FieldsConvertible {
    public var fields: Fields {
        var f = Fields()
        f.set("id", id); f.set("from", from); f.set("to", to); f.set("text", text); f.set("date", date); f.set("status", status)
        return f
    }
    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), from: try f.value("from"), to: try f.value("to"), text: try f.string("text"),
                  date: try f.day("date"), status: try f.value("status"))
    }
}

extension Guest: FieldsConvertible {
    public var fields: Fields { var f = Fields(); f.set("kind", kind); f.set("name", name); f.set("organisation", organisation); return f }
    public init(fields f: Fields) throws {
        self.init(kind: try f.value("kind"), name: try f.string("name"), organisation: try f.optionalString("organisation"))
    }
}

extension Meeting: FieldsConvertible {
    public var fields: Fields {
        var f = Fields()
        f.set("id", id); f.set("type", type); f.set("citizen", citizen); f.set("start", start.iso); f.set("minutes", minutes)
        f.set("room", room); f.set("participants", participants); f.set("guests", guests.map(\.fields)); f.set("status", status)
        f.set("outcome", outcome)
        if !agenda.isEmpty { f.set("agenda", agenda) }
        return f
    }
    public init(fields f: Fields) throws {
        guard let start = LocalTime(iso: try f.string("start")) else { throw Fields.Missing(key: "start", problem: "is not YYYY-MM-DDTHH:MM") }
        self.init(id: try f.string("id"), type: try f.value("type"), citizen: try f.optionalString("citizen"), start: start,
                  minutes: try f.int("minutes"), room: try f.optionalString("room"), participants: try f.strings("participants"),
                  guests: try f.objects("guests").map(Guest.init(fields:)), status: try f.value("status"),
                  outcome: try f.optionalString("outcome"))
        agenda = try f.strings("agenda")
    }
}

extension Plan: FieldsConvertible {
    public var fields: Fields {
        var f = Fields()
        f.set("overallGoal", overallGoal); f.set("ownWords", ownWords); f.set("created", created)
        f.set("goals", goals.map(\.fields)); f.set("efforts", efforts.map(\.fields)); f.set("decisions", decisions.map(\.fields))
        f.set("followUps", followUps.map(\.fields)); f.set("assessments", assessments.map(\.fields)); f.set("referrals", referrals.map(\.fields))
        return f
    }
    public init(fields f: Fields) throws {
        self.init(overallGoal: try f.value("overallGoal"), ownWords: try f.string("ownWords"), created: try f.day("created"))
        goals = try f.objects("goals").map(Goal.init(fields:))
        efforts = try f.objects("efforts").map(Effort.init(fields:))
        decisions = try f.objects("decisions").map(Decision.init(fields:))
        followUps = try f.objects("followUps").map(FollowUp.init(fields:))
        assessments = try f.objects("assessments").map(Assessment.init(fields:))
        referrals = try f.objects("referrals").map(Referral.init(fields:))
    }
}

extension Citizen: FieldsConvertible {
    public var fields: Fields {
        var f = Fields()
        f.set("id", id); f.set("cpr", cpr.digits); f.set("name", name); f.set("benefit", benefit); f.set("responsible", responsible)
        f.set("sectors", registeredSectors); f.set("contactPerson", contactPerson); f.set("household", household.map(\.fields))
        f.set("consents", consents.map(\.fields))
        if let plan { f.set("plan", [plan.fields]) }
        // Contacts are most of a large store: kept column-wise as numbers, not as objects.
        f.set("contactTimes", contacts.map { Int($0.at.millis) })
        f.set("contactKinds", contacts.map { Channel.allCases.firstIndex(of: $0.channel)! * 8 + Sector.allCases.firstIndex(of: $0.sector)! })
        f.set("contactUsers", contacts.map(\.user))
        f.set("meetings", meetings); f.set("participants", participants.sorted())
        f.set("version", version)
        return f
    }
    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), cpr: try CPR(try f.string("cpr")), name: try f.string("name"),
                  benefit: try f.optionalString("benefit"), responsible: try f.string("responsible"), registeredSectors: try f.values("sectors"))
        contactPerson = try f.optionalString("contactPerson")
        household = try f.objects("household").map(HouseholdMember.init(fields:))
        consents = try f.objects("consents").map(Consent.init(fields:))
        plan = try f.objects("plan").first.map(Plan.init(fields:))
        let times = try f.ints("contactTimes"), kinds = try f.ints("contactKinds"), users = try f.strings("contactUsers")
        guard times.count == kinds.count, kinds.count == users.count,
              kinds.allSatisfy({ $0 / 8 < Channel.allCases.count && $0 % 8 < Sector.allCases.count }) else {
            throw Fields.Missing(key: "contactTimes", problem: "does not match contactKinds and contactUsers")
        }
        contacts = (0..<times.count).map { i in
            ContactEntry(at: Timestamp(millis: Int64(times[i])), channel: Channel.allCases[kinds[i] / 8],
                         sector: Sector.allCases[kinds[i] % 8], user: users[i])
        }
        meetings = try f.strings("meetings")
        participants = Set(try f.strings("participants"))
        version = try f.int("version")
    }
}
