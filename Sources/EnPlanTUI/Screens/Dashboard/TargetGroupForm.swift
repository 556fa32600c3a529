import EnPlanDomain

/// The youth measure's target group, set by a supervisor from the youth section (`g`): the
/// baseline day, the benefits that count (picked by name from the code list), the age limit, the
/// legal basis of the active effort, and whether the vulnerability flag is needed. Fields to the
/// one command, no side effects; the domain checks the rest (a caseworker is refused).
enum TargetGroupForm {
    static func make(_ current: YouthTargetGroup?, benefits: [Benefit], today: Day, strings s: Strings) -> Form {
        typealias F = Form.Field
        let g = current ?? YouthTargetGroup(benefits: YouthTargetGroup.defaultBenefits, requireVulnerability: false,
                                            baseline: Day(year: today.components.year - 1, month: 4, day: 1)!, setOn: today)
        let names = g.benefits.map { code in benefits.first { $0.code == code }.map { s.pick($0.danish, $0.english) } ?? code }
        return Form(title: s.text(Words("Målgruppe for unge-kohorterne", "The youth cohorts' target group")), fields: [
            F.date("baseline", s.text(Words("Basisdag", "Baseline day")), s.date(g.baseline)),
            F.text("benefits", s.text(Words("Ydelser (komma imellem)", "Benefits (commas between)")), names.joined(separator: ", ")),
            Form.Field(key: "age", label: s.text(Words("Under alder", "Under age")), kind: .number(15...30, extra: []), value: String(g.maxAge)),
            F.text("basis", s.text(Words("Aktiv indsats efter", "An active effort under")), g.effortBasis),
            F.choice("vulnerable", s.text(Words("Kun psykisk sårbare", "Only psychologically vulnerable")), ["no", "yes"],
                     shown: [s.pick("nej", "no"), s.pick("ja", "yes")], g.requireVulnerability ? "yes" : "no"),
        ])
    }

    /// The benefit codes typed by code or by name in either language; nil with the first word no benefit has.
    static func codes(_ text: String, benefits: [Benefit]) -> (codes: [String], unknown: String?) {
        var out: [String] = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            let w = word.lowercased()
            guard let b = benefits.first(where: { $0.code == w || $0.danish.lowercased() == w || $0.english.lowercased() == w }) else { return (out, word) }
            out.append(b.code)
        }
        return (out, nil)
    }

    static func command(_ f: Form, benefits: [Benefit], today: Day) -> Command {
        .setYouthTargetGroup(maxAge: Int(f.value("age")) ?? 30, benefits: codes(f.value("benefits"), benefits: benefits).codes,
                             effortBasis: f.value("basis"), requireVulnerability: f.value("vulnerable") == "yes",
                             baseline: f.day("baseline", today: today) ?? today)
    }
}
