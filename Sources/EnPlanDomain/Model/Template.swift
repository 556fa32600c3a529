/// A plan template (pakkeforløb): a named set of goals, efforts and follow-ups at day offsets from
/// the day it is applied. Templates are data in the store (stream "template:<id>"); defining one
/// again with the same id replaces it for later use, and plans it was applied to keep what they got.
public struct PlanTemplate: Equatable, Sendable {
    public struct GoalItem: Equatable, Sendable {
        /// The name efforts use to hang under this goal (only within the template).
        public var key: String
        public var area: LifeArea
        public var text: String
        public init(key: String, area: LifeArea, text: String) { self.key = key; self.area = area; self.text = text }
    }

    public struct EffortItem: Equatable, Sendable {
        public var goal: String?
        public var title: String
        public var sector: Sector
        public var legalBasis: String
        public var provider: String
        /// Starts this many days after the template is applied.
        public var startAfterDays: Int
        /// Lasts this many days (nil: open-ended).
        public var days: Int?
        public init(goal: String?, title: String, sector: Sector, legalBasis: String, provider: String, startAfterDays: Int, days: Int?) {
            self.goal = goal; self.title = title; self.sector = sector; self.legalBasis = legalBasis; self.provider = provider
            self.startAfterDays = startAfterDays; self.days = days
        }
    }

    public var id: String
    public var name: String
    public var description: String
    public var goals: [GoalItem]
    public var efforts: [EffortItem]
    /// Follow-ups, due this many days after the template is applied.
    public var followUpDays: [Int]

    public init(id: String, name: String, description: String, goals: [GoalItem], efforts: [EffortItem], followUpDays: [Int]) {
        self.id = id; self.name = name; self.description = description
        self.goals = goals; self.efforts = efforts; self.followUpDays = followUpDays
    }

    /// The longest offset a template may use: ten years.
    public static let maxDays = 3650
}

extension PlanTemplate: FieldsConvertible {
    public var fields: Fields {
        var f = Fields()
        f.set("id", id); f.set("name", name); f.set("description", description)
        f.set("goals", goals.map { g -> Fields in var o = Fields(); o.set("key", g.key); o.set("area", g.area); o.set("text", g.text); return o })
        f.set("efforts", efforts.map { e -> Fields in
            var o = Fields()
            o.set("goal", e.goal); o.set("title", e.title); o.set("sector", e.sector); o.set("legalBasis", e.legalBasis)
            o.set("provider", e.provider); o.set("startAfterDays", e.startAfterDays); o.set("days", e.days)
            return o
        })
        f.set("followUpDays", followUpDays)
        return f
    }

    public init(fields f: Fields) throws {
        self.init(id: try f.string("id"), name: try f.string("name"), description: try f.optionalString("description") ?? "",
                  goals: try f.objects("goals").map { GoalItem(key: try $0.string("key"), area: try $0.value("area"), text: try $0.string("text")) },
                  efforts: try f.objects("efforts").map {
                      EffortItem(goal: try $0.optionalString("goal"), title: try $0.string("title"), sector: try $0.value("sector"),
                                 legalBasis: try $0.string("legalBasis"), provider: try $0.string("provider"),
                                 startAfterDays: try $0.optionalInt("startAfterDays") ?? 0, days: try $0.optionalInt("days"))
                  },
                  followUpDays: try f.ints("followUpDays"))
    }
}

extension PlanTemplate {
    /// Templates from a JSON file: one template object, or an array of them (the format
    /// `enplan templates --json` prints). A bad one is named by its place in the file.
    public static func parse(json: String) throws -> [PlanTemplate] {
        let bytes = Array(json.utf8)
        let objects: [Fields] = try JSONReader.read(bytes) { r in
            if r.peekByte() == UInt8(ascii: "[") {
                try r.openArray()
                var out: [Fields] = []
                while try r.nextElement() { out.append(try Fields(from: &r)) }
                return out
            }
            return [try Fields(from: &r)]
        }
        return try objects.enumerated().map { i, f in
            do { return try PlanTemplate(fields: f) } catch {
                throw DomainError.invalid(.templateFile(index: i + 1, detail: "\(error)"))
            }
        }
    }
}
