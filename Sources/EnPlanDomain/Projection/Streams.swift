/// Stream names for aggregates other than citizens (whose stream is their id, "c42") and
/// meetings ("m7").
public enum Streams {
    public static let userPrefix = "user:"
    public static let benefits = "benefits"
    public static let templatePrefix = "template:"
    public static func template(_ id: String) -> String { templatePrefix + id }
    public static func user(_ id: String) -> String { userPrefix + id }
    public static let targetPrefix = "target:"
    public static func target(_ id: String) -> String { targetPrefix + id }
    /// The youth measure's target group: one aggregate.
    public static let youthTargetGroup = "targetgroup:youth"
    public static let reviewPrefix = "review:"
    public static func review(_ id: String) -> String { reviewPrefix + id }
    public static let offerPrefix = "offer:"
    public static func offer(_ id: String) -> String { offerPrefix + id }
    public static let unitPrefix = "unit:"
    public static func unit(_ id: String) -> String { unitPrefix + id }
}
