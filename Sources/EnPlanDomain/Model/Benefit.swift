/// One benefit (ydelse) in a date-bounded code list: reforms abolish and rename benefits, so the
/// list is data (defaults below, extended or ended by `BenefitDefined` events), not an enum.
public struct Benefit: Equatable, Sendable {
    public var code: String
    public var danish: String
    public var english: String
    public var validFrom: Day
    public var validTo: Day?

    public init(code: String, danish: String, english: String, validFrom: Day, validTo: Day? = nil) {
        self.code = code; self.danish = danish; self.english = english; self.validFrom = validFrom; self.validTo = validTo
    }

    public func isValid(on day: Day) -> Bool { day >= validFrom && (validTo.map { day <= $0 } ?? true) }

    /// The list a new store starts from. Uddannelseshjælp ended on 30 June 2025 (kontanthjælp reform).
    public static let defaults: [Benefit] = {
        let start = Day(year: 2014, month: 1, day: 1)!
        func b(_ code: String, _ da: String, _ en: String, to: Day? = nil) -> Benefit {
            Benefit(code: code, danish: da, english: en, validFrom: start, validTo: to)
        }
        return [
            b("kontanthjaelp", "Kontanthjælp", "Social assistance"),
            b("uddannelseshjaelp", "Uddannelseshjælp", "Education assistance", to: Day(year: 2025, month: 6, day: 30)),
            b("sygedagpenge", "Sygedagpenge", "Sickness benefit"),
            b("dagpenge", "Arbejdsløshedsdagpenge", "Unemployment benefit"),
            b("jobafklaring", "Jobafklaringsforløb", "Job clarification course"),
            b("ressourceforloeb", "Ressourceforløb", "Resource course"),
            b("ledighedsydelse", "Ledighedsydelse", "Flex-job waiting allowance"),
            b("fleksjob", "Fleksjob", "Flex job"),
            b("revalidering", "Revalidering", "Rehabilitation"),
            b("foertidspension", "Førtidspension", "Disability pension"),
            b("selvforsoergelse", "Selvforsørgelses- og hjemrejseydelse", "Self-support and return allowance"),
            b("ingen", "Ingen offentlig ydelse", "No public benefit"),
        ]
    }()
}
