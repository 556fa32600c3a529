import EnPlanDomain

/// The forms of the plan's sections `u` and `v`: a status toward self-support (with the
/// vulnerability flag beside it), and the citizen's own assessment. Fields to commands, no side effects.
extension PlanForm {
    static func outcomeForm(_ purpose: Purpose, citizen c: Citizen, today: Day, strings s: Strings) -> Form {
        typealias F = Form.Field
        let yesNo = [s.pick("nej", "no"), s.pick("ja", "yes")]
        if purpose == .ownAssessment {
            let topics = OwnAssessmentTopic.allCases
            return Form(title: s.o(.formOwnAssessment), fields: [
                F.choice("topic", s.o(.fTopic), topics.map(\.rawValue), shown: topics.map(s.ownTopic)),
                Form.Field(key: "score", label: s.o(.fOwnScore), kind: .number(1...5, extra: []), value: ""),
                F.text("words", "\(s.o(.fWords)) \(s.p(.optional))", required: false),
                F.date("date", s.p(.fDate), s.date(today)),
            ])
        }
        let statuses = OutcomeStatus.allCases
        let vulnerable = c.outcomes.vulnerability.last { $0.date <= today }?.on == true
        // No status is given for the caseworker: a first one is chosen (a default would be saved unread).
        let current = c.outcomes.current(on: today)?.status.rawValue
        let values = (current == nil ? [""] : []) + statuses.map(\.rawValue)
        let shown = (current == nil ? [s.pick("– vælg status –", "– choose a status –")] : []) + statuses.map(s.outcomeStatus)
        return Form(title: s.o(.formOutcome), fields: [
            F.choice("status", s.o(.status), values, shown: shown, current ?? ""),
            F.date("date", s.p(.fDate), s.date(today)),
            F.text("source", "\(s.o(.fSource)) \(s.p(.optional))", required: false),
            F.choice("vulnerable", s.o(.fVulnerable), ["no", "yes"], shown: yesNo, vulnerable ? "yes" : "no"),
        ])
    }

    static func outcomeCommands(_ purpose: Purpose, form f: Form, citizen c: Citizen, today: Day) -> [Command] {
        let date = f.day("date", today: today) ?? today
        if purpose == .ownAssessment {
            return [.recordOwnAssessment(citizen: c.id, topic: OwnAssessmentTopic(rawValue: f.value("topic")) ?? .plan,
                                         score: Int(f.value("score")) ?? 0, words: f.value("words"), date: date)]
        }
        let source = f.value("source")
        var out: [Command] = []
        // A status only when one was chosen anew or dated; the flag only when it changed.
        if !f.value("status").isEmpty, f.changed("status") || f.changed("date") || f.changed("source") || !f.changed("vulnerable") {
            out.append(.recordOutcome(citizen: c.id, status: OutcomeStatus(rawValue: f.value("status")) ?? .notReady, date: date,
                                      source: source.isEmpty ? nil : source))
        }
        if f.changed("vulnerable") { out.append(.recordVulnerability(citizen: c.id, on: f.value("vulnerable") == "yes", date: date)) }
        return out
    }
}
