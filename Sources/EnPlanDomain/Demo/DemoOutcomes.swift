/// The demo's outcomes, youth cohorts and own assessments (issue 10, parts 1, 2 and 5): an SEL
/// effort and a vulnerability flag for most young citizens on an unemployment benefit, from
/// before a baseline about four years ago to now, so the baseline and the first entry cohorts
/// have matured and the younger ones are interim; statuses toward self-support with successes
/// (some too late to count), exits and not-yet; welfare-technology efforts, contact persons the
/// citizens chose themselves, and the citizens' own assessments; the target group set by karen.
/// Made through the same commands a user gives, after the citizens exist.
enum DemoOutcomes {
    /// The baseline: 1 April four years before today's year.
    static func baseline(_ today: Day) -> Day { Day(year: today.components.year - 4, month: 4, day: 1)! }

    static func commands(_ service: CaseService, today: Day, seed: UInt64) -> [(actor: String, command: Command)] {
        var rng = SeededRandom(seed: seed &+ 10)
        let base = baseline(today)
        var out: [(actor: String, command: Command)] = []
        let citizens = service.state.citizens.values.sorted { FigureScope.idOrder($0.id, $1.id) }
        func past(_ d: Day) -> Day { min(d, today) }
        for c in citizens where c.plan != nil {
            let r = c.responsible, id = c.id
            let young = c.cpr.birthDate.adding(months: 12 * 30) > base && c.age(on: today) >= 16
            if young, let b = c.benefit, YouthTargetGroup.defaultBenefits.contains(b), rng.chance(0.8) {
                // In the target group from `entry`: before the baseline (the baseline cohort) or after it.
                let start = rng.chance(0.35) ? base + -rng.int(10...400) : base + rng.int(1...max(1, today - base - 20))
                let entry = max(start, base)
                out.append((r, .recordVulnerability(citizen: id, on: true, date: past(start + -rng.int(0...30)))))
                out.append((r, .addEffort(citizen: id, goal: nil, title: "Socialpædagogisk støtte", sector: .social, legalBasis: "SEL § 85",
                                          provider: "Bostøtten", start: start, end: nil)))
                let u = rng.int(1...100)
                var statuses: [(OutcomeStatus, Day)] = [(rng.pick([.activityReady, .notReady]), entry + rng.int(0...20))]
                switch u {
                case 1...45: statuses.append((rng.pick([.job, .education, .jobReady, .educationReady]), entry + rng.int(30...700)))
                case 46...53: statuses.append((rng.pick([.job, .education]), entry + rng.int(740...900)))   // too late to count
                case 54...64: statuses.append((rng.pick([.moved, .moved, .pension, .died]), entry + rng.int(30...600)))
                default: if rng.chance(0.5) { statuses.append((.activityReady, entry + rng.int(100...400))) }
                }
                for (status, day) in statuses where day <= today {
                    out.append((r, .recordOutcome(citizen: id, status: status, date: day, source: rng.pick(["Jobnet", "Borgeren", "Uddannelsesinstitutionen", "CPR"]))))
                }
            } else if rng.chance(0.35) {
                out.append((r, .recordOutcome(citizen: id, status: rng.pick(OutcomeStatus.allCases.filter { !$0.isExit }), date: today + -rng.int(0...300),
                                              source: "Jobnet")))
            }
            if rng.chance(0.1) {
                let start = today + -rng.int(30...500)
                out.append((r, .addEffort(citizen: id, goal: nil, title: "Tablet med påmindelses-app", sector: .social, legalBasis: "SEL § 112",
                                          provider: "Hjælpemiddelcentret", start: start, end: nil, welfareTechnology: true)))
                if rng.chance(0.7) {
                    out.append((r, .recordOwnAssessment(citizen: id, topic: .welfareTechnology, score: rng.int(2...5),
                                                        words: rng.pick(["Appen husker mig på mine aftaler.", "Svær at komme i gang med.", "Den gør mig mere selvhjulpen."]),
                                                        date: past(start + rng.int(20...200)))))
                }
            }
            if rng.chance(0.15) {
                let chosen = today + -rng.int(100...800)
                out.append((r, .chooseContactPerson(citizen: id, name: rng.pick(DemoData.caseworkers).1, chosenByCitizen: chosen)))
                if today - chosen >= 365, rng.chance(0.6) {
                    out.append((r, .recordOwnAssessment(citizen: id, topic: .contactPerson, score: rng.int(2...5),
                                                        words: rng.pick(["Godt at have én at ringe til.", "Hun lytter.", "Det har gjort en forskel."]),
                                                        date: past(chosen + 365 + rng.int(0...60)))))
                }
            }
            if rng.chance(0.2) {
                out.append((r, .recordOwnAssessment(citizen: id, topic: rng.pick([.plan, .meeting, .wholeCase]), score: rng.int(1...5),
                                                    words: rng.pick(["Planen giver mening for mig.", "For mange møder.", "Jeg føler mig hørt."]),
                                                    date: today + -rng.int(0...120))))
            }
        }
        out.append((DemoData.supervisors[0].0, .setYouthTargetGroup(maxAge: 30, benefits: YouthTargetGroup.defaultBenefits, effortBasis: "SEL",
                                                                   requireVulnerability: true, baseline: base)))
        return out
    }
}
