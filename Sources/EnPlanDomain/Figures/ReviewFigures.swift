/// Section 8, the quarterly review (kvartalsgennemgang): a row per quarter, this quarter first
/// (also before its sample is drawn), then every earlier quarter with a draw. Of the drawn plans
/// the viewer's filter includes: how many are reviewed ("7 af 16 gennemgået"), with the citizen
/// invited and taking part, the mean (re)habilitation focus, and those given actions.
enum ReviewFigures {
    static let keys = ["drawn", "reviewed", "progress", "invited", "tookPart", "focus", "actions"]

    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let quarter = Bilingual("Kvartalet i rækken", "The row's quarter")
        let drawn = ("Planer trukket til kvartalets gennemgang", "Plans drawn for the quarter's review")
        let reviewed = ("Trukne planer med en gennemgang for kvartalets udtræk", "Drawn plans with a review for the quarter's draw")
        let outside = ("Planer uden for filteret", "Plans outside the filter")
        return [
            FigureColumn(key: "drawn", title: Bilingual("Trukket", "Drawn"),
                         definition: definition(drawn, ("Ingen (et antal)", "None (a count)"),
                                                ("Planer gennemgået de sidste 12 måneder før udtrækket; planer uden for filteret", "Plans reviewed in the 12 months before the draw; plans outside the filter"), quarter)),
            FigureColumn(key: "reviewed", title: Bilingual("Gennemgået", "Reviewed"), definition: definition(reviewed, drawn, outside, quarter)),
            FigureColumn(key: "progress", title: Bilingual("Fremdrift", "Progress"), definition: definition(reviewed, drawn, outside, quarter)),
            FigureColumn(key: "invited", title: Bilingual("Borger inviteret", "Citizen invited"),
                         definition: definition(("Heraf hvor borgeren var inviteret", "Of them, with the citizen invited"), reviewed, outside, quarter)),
            FigureColumn(key: "tookPart", title: Bilingual("Borger deltog", "Citizen took part"),
                         definition: definition(("Heraf hvor borgeren deltog", "Of them, with the citizen taking part"), reviewed, outside, quarter)),
            FigureColumn(key: "focus", title: Bilingual("Rehab. fokus", "Rehab. focus"),
                         definition: definition(("Gennemsnit af det (re)habiliterende fokus, 1 ikke rehabiliterende … 4 i høj grad", "Mean (re)habilitation focus, 1 not rehabilitative … 4 to a high degree"),
                                                reviewed, outside, quarter)),
            FigureColumn(key: "actions", title: Bilingual("Med handlinger", "With actions"),
                         definition: definition(("Heraf med handlinger, der er blevet opfølgninger på planen", "Of them, with actions that became follow-ups on the plan"),
                                                reviewed, outside, quarter)),
        ]
    }

    static func table(_ s: FigureScope) -> FigureTable {
        let now = Quarter(of: s.today)
        let quarters = Set(s.state.reviewDraws.values.map(\.quarter)).union([now]).sorted(by: >)
        return s.table(.reviews, columns(s), quarters.map { row($0, s) })
    }

    static func row(_ q: Quarter, _ s: FigureScope) -> FigureRow {
        let key = "quarter:" + q.id
        guard let draw = s.state.reviewDraws[q.id] else {
            // Not drawn yet: no counts (nothing to open), only the words.
            return FigureRow(key: key, label: q.label, cells: [.plain(.none), .plain(.none), .plain(.text(Bilingual("ikke trukket", "not drawn"))),
                                                                 .plain(.none), .plain(.none), .plain(.none), .plain(.none)])
        }
        var drawn: [String] = [], reviewed: [String] = [], invited: [String] = [], tookPart: [String] = [], actions: [String] = []
        var focus = 0
        for id in draw.plans {
            guard let c = s.state.citizens[id], s.includes(c) else { continue }
            drawn.append(id)
            guard let r = c.plan?.reviews.first(where: { $0.draw == draw.id }) else { continue }
            reviewed.append(id); focus += r.focus.rawValue
            if r.invited { invited.append(id) }
            if r.tookPart { tookPart.append(id) }
            if !r.actions.isEmpty { actions.append(id) }
        }
        let n = reviewed.count
        let progress = Bilingual("\(n) af \(drawn.count) gennemgået", "\(n) of \(drawn.count) reviewed")
        return FigureRow(key: key, label: q.label, cells: [
            .count(drawn), .share(reviewed, of: drawn.count), .plain(.text(progress)),
            .share(invited, of: n), .share(tookPart, of: n), .plain(n == 0 ? .none : .text(Stats.decimal(Double(focus) / Double(n)))),
            .share(actions, of: n),
        ])
    }
}
