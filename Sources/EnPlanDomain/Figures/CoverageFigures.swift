/// Section 5, unified plan coverage: of the citizens with two or more sectors involved, how many
/// have an active unified plan, a consent in force, and a follow-up planned in the next 6 months
/// (183 days, today included); all together and per target group. Closed cases are left out.
enum CoverageFigures {
    static let keys = ["shared", "withPlan", "withConsent", "withFollowUp"]

    static func isShared(_ c: CitizenRef) -> Bool { c.sectorMask.nonzeroBitCount >= 2 }

    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let now = Bilingual("I dag (\(s.today.danish))", "Today (\(s.today.iso))")
        let shared = ("Borgere med to eller flere forvaltninger involveret", "Citizens with two or more sectors involved")
        let none = ("Borgere med kun én forvaltning; lukkede sager", "Citizens with one sector only; closed cases")
        return [
            FigureColumn(key: "shared", title: Bilingual("Borgere på tværs", "Shared citizens"), definition: definition(shared, ("Ingen (et antal)", "None (a count)"), none, now)),
            FigureColumn(key: "withPlan", title: Bilingual("Med én plan", "With a plan"),
                         definition: definition(("Heraf med en aktiv helhedsorienteret plan", "Of them, with an active unified plan"), shared, none, now)),
            FigureColumn(key: "withConsent", title: Bilingual("Med samtykke", "With consent"),
                         definition: definition(("Heraf med et samtykke, der gælder i dag", "Of them, with a consent in force today"), shared, none, now)),
            FigureColumn(key: "withFollowUp", title: Bilingual("Opfølgning 6 mdr.", "Follow-up 6 months"),
                         definition: definition(("Heraf med en planlagt opfølgning de næste 6 måneder", "Of them, with a follow-up planned in the next 6 months"),
                                                shared, ("Udførte opfølgninger", "Follow-ups already done"),
                                                Bilingual("\(s.today.danish) til \((s.today + 182).danish)", "\(s.today.iso) to \((s.today + 182).iso)"))),
        ]
    }

    static func table(_ s: FigureScope) -> FigureTable {
        var t = Tally()
        let horizon = s.today + 182
        let all = t.row("all"), groupRow = Dictionary(uniqueKeysWithValues: TargetGroup.allCases.map { ($0, t.row(FigureScope.row($0))) })
        let (shared, withPlan, withConsent, withFollowUp) = (t.column("shared"), t.column("withPlan"), t.column("withConsent"), t.column("withFollowUp"))
        for c in s.openCitizens() where isShared(c) {
            let plan = c.hasPlan
            let consent = c.hasConsent(on: s.today)
            let followUp = c.followUps?.contains(where: { $0.done == nil && $0.due >= s.today && $0.due <= horizon }) == true
            let id = c.id
            for r in [all, groupRow[c.targetGroup(on: s.today)]!] {
                t.add(r, shared, id)
                if plan { t.add(r, withPlan, id) }
                if consent { t.add(r, withConsent, id) }
                if followUp { t.add(r, withFollowUp, id) }
            }
        }
        func row(_ key: String, _ label: Bilingual) -> FigureRow {
            let n = t.ids(key, "shared").count
            return FigureRow(key: key, label: label, cells: [t.count(key, "shared")] + keys.dropFirst().map { .share(t.ids(key, $0), of: n) })
        }
        let rows = [row("all", FigureScope.all)]
            + [TargetGroup.child, .youth, .adult].filter { !t.ids(FigureScope.row($0), "shared").isEmpty }.map { row(FigureScope.row($0), FigureScope.label($0)) }
        return s.table(.coverage, columns(s), rows)
    }
}
