/// The demo's plan templates (pakkeforløb): realistic courses that municipalities run across
/// sectors. `enplan templates --json` prints them in the format `enplan template import` reads.
public enum DemoTemplates {
    typealias G = PlanTemplate.GoalItem
    typealias E = PlanTemplate.EffortItem

    public static let all: [PlanTemplate] = [
        PlanTemplate(
            id: "ung-uddannelse", name: "Ung under 30 mod uddannelse",
            description: "Uddannelseshjælp og vejledning: brobygning, mentor og styr på økonomien, med opfølgning hver måned det første kvartal.",
            goals: [G(key: "uddannelse", area: .education, text: "Starte på en erhvervsuddannelse inden for et år"),
                    G(key: "okonomi", area: .economy, text: "Styr på økonomi og gæld under uddannelsen")],
            efforts: [E(goal: "uddannelse", title: "Brobygning til uddannelse", sector: .employment, legalBasis: "LAB § 32",
                        provider: "Ungdommens Uddannelsesvejledning", startAfterDays: 0, days: 90),
                      E(goal: "uddannelse", title: "Mentorstøtte", sector: .employment, legalBasis: "LAB § 31",
                        provider: "Jobcentret", startAfterDays: 0, days: 180),
                      E(goal: "okonomi", title: "Økonomisk rådgivning", sector: .social, legalBasis: "SEL § 12",
                        provider: "Gældsrådgivningen", startAfterDays: 14, days: 60)],
            followUpDays: [28, 56, 91, 182]),
        PlanTemplate(
            id: "misbrug-job", name: "Misbrugsbehandling sideløbende med jobtræning",
            description: "Behandling og beskæftigelse på samme tid, ikke efter hinanden: praktik starter, når behandlingen er i gang.",
            goals: [G(key: "behandling", area: .health, text: "Stabil i behandling og uden stoffer"),
                    G(key: "job", area: .job, text: "Praktik og derefter job med løntilskud")],
            efforts: [E(goal: "behandling", title: "Ambulant stofbehandling", sector: .misuse, legalBasis: "SEL § 101",
                        provider: "Misbrugscentret", startAfterDays: 0, days: 182),
                      E(goal: "job", title: "Virksomhedspraktik", sector: .employment, legalBasis: "LAB § 42",
                        provider: "Lokal virksomhed", startAfterDays: 28, days: 91),
                      E(goal: "job", title: "Mentorstøtte", sector: .employment, legalBasis: "LAB § 31",
                        provider: "Jobcentret", startAfterDays: 28, days: 182)],
            followUpDays: [14, 42, 91, 182]),
        PlanTemplate(
            id: "familie-boern", name: "Familie med børn: tryghed, bolig og job",
            description: "Familiebehandling og bostøtte samtidig med, at en forælder kommer i gang med job eller uddannelse.",
            goals: [G(key: "familie", area: .family, text: "Et trygt hjem for børnene"),
                    G(key: "bolig", area: .housing, text: "Stabil bolig uden huslejerestancer"),
                    G(key: "job", area: .job, text: "En forælder i job eller uddannelse")],
            efforts: [E(goal: "familie", title: "Familiebehandling", sector: .family, legalBasis: "BL § 32",
                        provider: "Familiehuset", startAfterDays: 0, days: 182),
                      E(goal: "bolig", title: "Socialpædagogisk støtte", sector: .social, legalBasis: "SEL § 85",
                        provider: "Bostøtten", startAfterDays: 0, days: 120),
                      E(goal: "job", title: "Virksomhedspraktik", sector: .employment, legalBasis: "LAB § 42",
                        provider: "Lokal virksomhed", startAfterDays: 60, days: 91)],
            followUpDays: [30, 91, 182]),
        PlanTemplate(
            id: "sygemeldt-retur", name: "Sygemeldt tilbage i arbejde",
            description: "Behandling og gradvis tilbagevenden til arbejdspladsen, med opfølgning efter sygedagpengeloven.",
            goals: [G(key: "helbred", area: .health, text: "Færre symptomer og bedre søvn"),
                    G(key: "job", area: .job, text: "Tilbage på fuld tid hos arbejdsgiveren")],
            efforts: [E(goal: "helbred", title: "Psykologforløb", sector: .health, legalBasis: "SUL § 69",
                        provider: "Region Sjælland Psykiatri", startAfterDays: 0, days: 84),
                      E(goal: "job", title: "Delvis raskmelding med gradvis optrapning", sector: .employment, legalBasis: "LAB § 42",
                        provider: "Arbejdsgiveren", startAfterDays: 28, days: 84)],
            followUpDays: [28, 56, 84]),
    ]
}
