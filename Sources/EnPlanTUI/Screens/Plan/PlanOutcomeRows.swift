import EnPlanDomain

/// The plan's sections `u` (status toward self-support, newest first) and `v` (the citizen's own
/// assessment, newest first). What another sector recorded and no consent shares shows as a count
/// with its sector, never its content.
extension PlanScreen {
    func outcomeRows(_ s: Strings, heading: (Section, String, Int?) -> Void, item: (Section, String, String, Role) -> Void,
                     label: (Section, String) -> Void) {
        let o = citizen.outcomes, today = detail.today
        func notShared(_ kind: Withheld.Kind, _ section: Section) {
            let hidden = detail.withheld.filter { $0.kind == kind }
            for sector in Set(hidden.map(\.sector)).sorted() {
                label(section, "\(hidden.filter { $0.sector == sector }.count) \(s.p(.notShared)) (\(s.sector(sector)))")
            }
        }
        heading(.outcomes, s.o(.sOutcomes), o.statuses.count)
        notShared(.outcome, .outcomes)
        let current = o.current(on: today)
        for (i, x) in o.statuses.enumerated().reversed() {
            let tag = x.status.isExit ? " · \(s.o(.exit))" : ""
            item(.outcomes, "u\(i + 1)", "\(s.date(x.date)) \(s.outcomeStatus(x.status))\(tag)" + (x.source.map { " · \(s.o(.source)): \($0)" } ?? "")
                 + " · \(s.sector(x.sector))", x == current ? .normal : .dim)
        }
        heading(.ownAssessments, s.o(.sOwnAssessments), o.assessments.count)
        notShared(.ownAssessment, .ownAssessments)
        for (i, a) in o.assessments.enumerated().sorted(by: { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }) {
            let stars = String(repeating: "●", count: a.score) + String(repeating: "○", count: 5 - a.score)
            item(.ownAssessments, "v\(i + 1)", "\(s.date(a.date)) \(s.ownTopic(a.topic)): \(stars) \(a.score)/5"
                 + (a.words.isEmpty ? "" : " “\(a.words)”"), .normal)
        }
    }
}
