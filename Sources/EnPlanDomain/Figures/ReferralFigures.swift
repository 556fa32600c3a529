/// Section 6, referral bottlenecks: the referrals sent in the period, as a matrix from the sending
/// to the receiving sector: how many; the median and 90th percentile of days to an answer and to
/// the first effort started in the receiving sector; and those still unanswered after 14 days.
///
/// Days to the first effort: from the referral's day to the start of the first effort of the
/// receiving sector that has started (active or ended), as the journey counts it (an effort
/// already running on the day counts 0 days). A cell's list holds one citizen id per referral.
enum ReferralFigures {
    static let keys = ["sent", "answerMedian", "answerP90", "effortMedian", "effortP90", "unanswered14"]

    static func columns(_ s: FigureScope) -> [FigureColumn] {
        let p = s.periodText
        let sent = ("Henvisninger sendt i perioden", "Referrals sent in the period")
        let answered = ("Besvarede henvisninger (accepteret, afvist eller tilbagekaldt)", "Answered referrals (accepted, rejected or revoked)")
        let started = ("Henvisninger, hvor en indsats i den modtagende forvaltning er gået i gang", "Referrals after which an effort of the receiving sector started")
        let open = ("Ubesvarede henvisninger", "Unanswered referrals")
        let none = ("Ingen", "None")
        return [
            FigureColumn(key: "sent", title: Bilingual("Henvisninger", "Referrals"), definition: definition(sent, ("Ingen (et antal)", "None (a count)"), none, p)),
            FigureColumn(key: "answerMedian", title: Bilingual("Dage til svar, median", "Days to answer, median"),
                         definition: definition(("Medianen af dage fra afsendelse til svar", "The median of days from sending to the answer"), answered, open, p)),
            FigureColumn(key: "answerP90", title: Bilingual("Dage til svar, 90 %", "Days to answer, 90th pct."),
                         definition: definition(("90-procent-fraktilen af dage fra afsendelse til svar", "The 90th percentile of days from sending to the answer"), answered, open, p)),
            FigureColumn(key: "effortMedian", title: Bilingual("Dage til indsats, median", "Days to effort, median"),
                         definition: definition(("Medianen af dage fra afsendelse til første igangsatte indsats", "The median of days from sending to the first effort started"),
                                                started, ("Henvisninger uden igangsat indsats", "Referrals without an effort started"), p)),
            FigureColumn(key: "effortP90", title: Bilingual("Dage til indsats, 90 %", "Days to effort, 90th pct."),
                         definition: definition(("90-procent-fraktilen af dage fra afsendelse til første igangsatte indsats", "The 90th percentile of days from sending to the first effort started"),
                                                started, ("Henvisninger uden igangsat indsats", "Referrals without an effort started"), p)),
            FigureColumn(key: "unanswered14", title: Bilingual("Ubesvaret > 14 dage", "Unanswered > 14 days"),
                         definition: definition(("Henvisninger, der stadig er ubesvarede mere end 14 dage efter afsendelse", "Referrals still unanswered more than 14 days after sending"),
                                                sent, none, p)),
        ]
    }

    /// Days from `day` to the first effort of `sector` that has started, or nil.
    static func daysToEffort(_ efforts: [some EffortTiming], from day: Day, sector: Sector, today: Day) -> Int? {
        efforts.filter { $0.sector == sector && ($0.status == .active || $0.status == .ended) && $0.start <= today
            && ($0.start >= day || ($0.end ?? today) >= day) }.map { max($0.start, day) - day }.min()
    }

    static func table(_ s: FigureScope) -> FigureTable {
        var t = Tally()
        var answer: [String: [(Int, String)]] = [:], effort: [String: [(Int, String)]] = [:]
        var pairs = Set<String>()
        for c in s.citizens() {
            guard let referrals = c.referrals, let efforts = c.efforts else { continue }
            for r in referrals where s.filter.period.contains(r.date) {
                let keys = ["all", r.from.rawValue + ">" + r.to.rawValue]
                pairs.insert(keys[1])
                let answered = c.answerDay(of: r.id).map { $0 - r.date }
                let started = daysToEffort(efforts, from: r.date, sector: r.to, today: s.today)
                for k in keys {
                    t.add(k, "sent", c.id)
                    if let a = answered { answer[k, default: []].append((a, c.id)) }
                    if let e = started { effort[k, default: []].append((e, c.id)) }
                    if r.status == .requested && s.today - r.date > 14 { t.add(k, "unanswered14", c.id) }
                }
            }
        }
        func days(_ xs: [(Int, String)]?, _ stat: ([Int]) -> Double?) -> FigureCell {
            FigureCell(value: .days(stat((xs ?? []).map(\.0))), citizens: (xs ?? []).map(\.1))
        }
        func row(_ key: String, _ label: Bilingual) -> FigureRow {
            FigureRow(key: key, label: label, cells: [t.count(key, "sent"), days(answer[key], Stats.median), days(answer[key], Stats.p90),
                                                      days(effort[key], Stats.median), days(effort[key], Stats.p90), t.count(key, "unanswered14")])
        }
        var rows = [row("all", FigureScope.all)]
        for from in Sector.allCases { for to in Sector.allCases where pairs.contains(from.rawValue + ">" + to.rawValue) {
            let a = FigureScope.label(from), b = FigureScope.label(to)
            rows.append(row(from.rawValue + ">" + to.rawValue, Bilingual("\(a.da) → \(b.da)", "\(a.en) → \(b.en)")))
        } }
        return s.table(.referrals, columns(s), rows)
    }
}
