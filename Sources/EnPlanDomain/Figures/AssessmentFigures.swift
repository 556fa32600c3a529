/// Section 9, the citizens' own assessment (issue 10, part 5): citizens with a welfare-technology
/// effort and their mean score of it; citizens who chose their own contact person, how many were
/// asked after a year, and the mean score.
///
/// Invariants:
/// - Each citizen counts once a row; their latest own assessment of the topic gives their score
///   (so one talkative citizen does not weigh more than another).
/// - "Asked after a year": an own assessment of the contact person dated 365 days or more after
///   the citizen chose them (the choice's day is the `ContactPersonChosen` event's).
/// - Assessments are counted as `Access.countsInFigures` allows the viewer.
enum AssessmentFigures {
    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let now = Bilingual("Til i dag (\(s.today.danish))", "Up to today (\(s.today.iso))")
        let base = ("Borgere med en velfærdsteknologisk indsats (ikke aflyst) / der selv valgte kontaktperson",
                    "Citizens with a welfare-technology effort (not cancelled) / who chose their own contact person")
        return [
            FigureColumn(key: "citizens", title: Bilingual("Borgere", "Citizens"),
                         definition: definition(base, ("Ingen (et antal)", "None (a count)"), ("Aflyste indsatser", "Cancelled efforts"), now)),
            FigureColumn(key: "yearPassed", title: Bilingual("Et år gået", "A year passed"),
                         definition: definition(("Heraf valgt for mindst 365 dage siden", "Of them, chosen 365 days ago or more"), base,
                                                ("Velfærdsteknologi: ikke relevant", "Welfare technology: not relevant"), now)),
            FigureColumn(key: "asked", title: Bilingual("Spurgt", "Asked"),
                         definition: definition(("Med en egen vurdering af emnet (kontaktperson: mindst et år efter valget)",
                                                 "With an own assessment of the topic (contact person: a year or more after the choice)"),
                                                ("Borgere (kontaktperson: et år gået)", "Citizens (contact person: a year passed)"),
                                                ("Vurderinger af andre emner", "Assessments of other topics"), now)),
            FigureColumn(key: "mean", title: Bilingual("Gns. score (1-5)", "Mean score (1-5)"),
                         definition: definition(("Summen af de spurgtes seneste score", "The sum of the asked citizens' latest scores"),
                                                ("De spurgte", "The citizens asked"), ("Ingen", "None"), now)),
        ]
    }

    static func table(_ s: FigureScope) -> FigureTable {
        var welfare: [String] = [], welfareAsked: [String] = [], welfareScores: [Int] = []
        var chose: [String] = [], yearPassed: [String] = [], contactAsked: [String] = [], contactScores: [Int] = []
        for c in s.citizens() {
            let welfareEffort = c.efforts?.contains(where: { $0.welfareTechnology && $0.status != .cancelled }) == true
            let chosenOn = c.contactChosen
            guard welfareEffort || chosenOn != nil else { continue }
            let assessments = c.ownAssessments, consents = c.consents
            func latest(_ topic: OwnAssessmentTopic, from: Day?) -> OwnAssessment? {
                assessments.filter { a in a.topic == topic && (from.map { a.date >= $0 } ?? true)
                    && Access.countsInFigures(s.viewer, of: a.sector, consents: consents, on: s.today) }.max { $0.date < $1.date }
            }
            if welfareEffort {
                welfare.append(c.id)
                if let a = latest(.welfareTechnology, from: nil) { welfareAsked.append(c.id); welfareScores.append(a.score) }
            }
            if let chosen = chosenOn, chosen <= s.today {
                chose.append(c.id)
                if s.today - chosen >= 365 {
                    yearPassed.append(c.id)
                    if let a = latest(.contactPerson, from: chosen + 365) { contactAsked.append(c.id); contactScores.append(a.score) }
                }
            }
        }
        func mean(_ xs: [Int]) -> FigureCell {
            xs.isEmpty ? .plain(.text(Bilingual("–", "–"))) : .plain(.text(Stats.decimal(Double(xs.reduce(0, +)) / Double(xs.count))))
        }
        let rows = [
            FigureRow(key: "welfare", label: Bilingual("Velfærdsteknologi", "Welfare technology"),
                      cells: [.count(welfare), .plain(.none), .share(welfareAsked, of: welfare.count), mean(welfareScores)]),
            FigureRow(key: "contact", label: Bilingual("Selvvalgt kontaktperson", "Own contact person"),
                      cells: [.count(chose), .count(yearPassed), .share(contactAsked, of: yearPassed.count), mean(contactScores)]),
        ]
        return s.table(.assessments, columns(s), rows)
    }
}
