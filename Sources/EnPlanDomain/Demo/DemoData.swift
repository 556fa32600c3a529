/// Fictional data for trying EnPlan and for benchmarks: Danish names with æ, ø and å, 45 % of
/// citizens under 30 (as in Roskilde's target group), plans with goals, efforts, decisions and
/// follow-ups (some overdue), meetings in the weeks around today, contacts, assessments, consents.
/// Everything goes through `CaseService.execute`, so the demo obeys every rule a user does.
public enum DemoData {
    public struct Options: Sendable {
        public var citizens = 300
        public var seed: UInt64 = 1
        /// Citizens per write (one fdatasync each).
        public var batch = 250
        public init() {}
    }

    public struct Report: Sendable {
        public var users = 0, citizens = 0, meetings = 0, events = 0, templates = 0
    }

    public static let password = "demo"

    static let caseworkers: [(String, String, Sector)] = [
        ("mette", "Mette Kjær", .employment), ("soeren", "Søren Østergaard", .employment), ("aase", "Åse Bækgaard", .employment),
        ("jonas", "Jonas Dahl", .social), ("birgitte", "Birgitte Ærø", .social), ("ali", "Ali Hassan", .social),
        ("lotte", "Lotte Møller", .health), ("frederik", "Frederik Lund", .health), ("hanne", "Hanne Grøn", .health),
        ("camilla", "Camilla Sørensen", .family), ("mads", "Mads Brøndum", .family), ("yasmin", "Yasmin Khalil", .family),
        ("per", "Per Løkke", .misuse), ("signe", "Signe Krogh", .misuse), ("thomas", "Thomas Bø", .misuse),
    ]
    static let supervisors: [(String, String, Sector)] = [("karen", "Karen Holm", .employment), ("bjarne", "Bjarne Friis", .social)]
    static let admin = ("admin", "Ida Administrator", Sector.employment)

    static let firstNames = ["Søren", "Åse", "Ærø", "Mette", "Jens", "Sofie", "Mikkel", "Freja", "Ahmad", "Emma", "Oliver", "Ida",
                             "Lærke", "Bjørn", "Jørgen", "Gitte", "Nanna", "Kasper", "Fatima", "Rasmus", "Line", "Øjvind", "Æbel",
                             "Signe", "Magnus", "Asta", "Malthe", "Zainab", "Kirsten", "Mathias", "Maja", "Tobias", "Karoline", "Frida"]
    static let lastNames = ["Sørensen", "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Møller",
                            "Østergaard", "Bækgaard", "Kjærgaard", "Ærenlund", "Løvgren", "Thomsen", "Madsen", "Rasmussen",
                            "Søndergaard", "Hjørnholm", "Abdi", "Yilmaz", "Kristiansen", "Grønbæk", "Frølund", "Åkjær"]
    static let ownWords = ["Jeg vil gerne have et arbejde, hvor jeg kan bruge mine hænder.", "Jeg vil færdiggøre min uddannelse.",
                           "Jeg vil have styr på min økonomi og mit helbred.", "Jeg vil gerne tilbage til mit fag.",
                           "Jeg vil være en god far for mine børn og have et job.", "Jeg vil ud af misbruget og i gang med noget.",
                           "Jeg vil gerne starte på en erhvervsuddannelse.", "Jeg vil have en bolig og et fast arbejde."]
    typealias EffortKind = (title: String, sector: Sector, basis: String, provider: String, area: LifeArea)
    static let efforts: [EffortKind] = [
        ("Virksomhedspraktik", .employment, "LAB § 42", "Byggefirmaet Ærø ApS", .job),
        ("Mentorstøtte", .employment, "LAB § 31", "Jobcentret", .job),
        ("Løntilskud", .employment, "LAB § 51", "Roskilde Kommune, Vej og Park", .job),
        ("Brobygning til uddannelse", .employment, "LAB § 32", "Ungdommens Uddannelsesvejledning", .education),
        ("Socialpædagogisk støtte", .social, "SEL § 85", "Bostøtten", .housing),
        ("Økonomisk rådgivning", .social, "SEL § 12", "Gældsrådgivningen", .economy),
        ("Midlertidigt botilbud", .social, "SEL § 107", "Botilbuddet Søhuset", .housing),
        ("Psykologforløb", .health, "SUL § 69", "Region Sjælland Psykiatri", .health),
        ("Genoptræning", .health, "SUL § 140", "Sundhedscentret", .health),
        ("Familiebehandling", .family, "BL § 32", "Familiehuset", .family),
        ("Kontaktperson for barnet", .family, "BL § 32", "Familieafdelingen", .family),
        ("Ambulant alkoholbehandling", .misuse, "SUL § 141", "Misbrugscentret", .health),
        ("Stofbehandling", .misuse, "SEL § 101", "Misbrugscentret", .health),
        ("Netværksgruppe", .social, "SEL § 79", "Kirkens Korshær, frivillige", .network),
    ]
    static let goalTexts: [LifeArea: String] = [
        .job: "Komme i ordinær beskæftigelse", .education: "Påbegynde og gennemføre en uddannelse", .health: "Stabilt helbred og behandling",
        .social: "Bedre sociale relationer", .family: "Et trygt hjem for børnene", .housing: "Egen bolig", .economy: "Styr på økonomien",
        .network: "Et netværk uden for kommunen",
    ]
    static let rooms = ["Mødelokale 1", "Mødelokale 2", "Borgerrummet", "Lille sal"]
    static let partners = [("Anna Vestergaard", "Region Sjælland Psykiatri"), ("Henrik Bach", "Kirkens Korshær"),
                           ("Susanne Dyhr", "Byggefirmaet Ærø ApS"), ("Ole Mørk", "Misbrugscentret, Region")]

    /// Fills an empty store. A store with users or citizens in it is refused.
    public static func fill(_ service: CaseService, options: Options) throws -> Report {
        try service.store.refresh()
        guard service.state.accounts.isEmpty, service.state.citizens.isEmpty, service.store.lastSeq == 0 else {
            throw DomainError.invalid(.demoStoreNotEmpty(path: "\(service.store.directory)"))
        }
        var rng = SeededRandom(seed: options.seed)
        var report = Report()
        let today = service.today

        var users: [(String, Command)] = []
        users.append((admin.0, .createUser(User(id: admin.0, name: admin.1, sector: admin.2, role: .admin), passwordHash: try Passwords.hash(password))))
        for (id, name, sector) in supervisors { users.append((admin.0, .createUser(User(id: id, name: name, sector: sector, role: .supervisor), passwordHash: try Passwords.hash(password)))) }
        for (id, name, sector) in caseworkers { users.append((admin.0, .createUser(User(id: id, name: name, sector: sector, role: .caseworker), passwordHash: try Passwords.hash(password)))) }
        for t in DemoTemplates.all { users.append((admin.0, .defineTemplate(t))) }
        report.events += try service.execute(batch: users).count
        report.users = users.count - DemoTemplates.all.count
        report.templates = DemoTemplates.all.count

        var usedCPR = Set<String>()
        var booked = Set<String>()   // "who|day|hour" and "room|day|hour", so demo meetings never clash
        var citizenNumber = 0
        var meetingNumber = 0
        while citizenNumber < options.citizens {
            var batch: [(actor: String, command: Command)] = []
            let upTo = min(options.citizens, citizenNumber + options.batch)
            while citizenNumber < upTo {
                citizenNumber += 1
                batch += citizen(number: citizenNumber, today: today, rng: &rng, usedCPR: &usedCPR, booked: &booked, meetings: &meetingNumber)
            }
            let events = try service.execute(batch: batch, asOf: { historicalDay($0, today: today) })
            report.events += events.count
            report.meetings += events.filter { EventType.named($0.type) == .meetingScheduled }.count
        }
        report.citizens = options.citizens
        report.events += try service.execute(batch: supervision(service, citizens: options.citizens, today: today)).count
        report.events += try service.execute(batch: DemoOutcomes.commands(service, today: today, seed: options.seed)).count
        report.events += try DemoReviews.fill(service, today: today, rng: &rng)
        let staff = [admin.0] + supervisors.map(\.0) + caseworkers.map(\.0)
        report.events += try service.execute(batch: DemoOrganisation.commands(today: today, users: staff)).count
        report.users += DemoOrganisation.leaders.count
        return report
    }

    /// The day the demo's history did a command on, where it was not today: a past follow-up was
    /// planned three weeks before it was due and completed on the day it was done; a meeting was
    /// booked two weeks before it (a new meeting is never in the past); a referral was
    /// sent 1-60 days ago (answered today, when it is: the referral figures have slow answers and
    /// referrals unanswered after 14 days to show).
    static func historicalDay(_ command: Command, today: Day) -> Day? {
        switch command {
        case let .scheduleFollowUp(_, due, _): return due + -21
        case let .scheduleMeeting(_, _, start, _, _, _, _, _, _): return start.day + -14
        case let .completeFollowUp(_, _, done, _, _): return done
        case let .sendReferral(citizen, _, _, _): return today + -(1 + (FigureScope.number(citizen) ?? 0) * 7 % 60)
        default: return nil
        }
    }

    /// What the supervisors keep: three targets (the plan coverage one behind its pace, the
    /// caseload ceiling broken by the busiest caseworkers) and the last citizens moved to another
    /// caseworker, with the reason in their journeys.
    static func supervision(_ service: CaseService, citizens: Int, today: Day) -> [(actor: String, command: Command)] {
        let karen = supervisors[0].0
        var out: [(actor: String, command: Command)] = [
            (karen, .defineTarget(id: "plan-1000", kind: .planCoverage, name: "1.000 borgere med to eller flere forvaltninger har én plan",
                                  value: 1000, deadline: Day(year: today.components.year + 1, month: 12, day: 31), sector: nil)),
            (karen, .defineTarget(id: "loft-25", kind: .caseloadMax, name: "Højst 25 borgere pr. sagsbehandler", value: 25, deadline: nil, sector: nil)),
            (karen, .defineTarget(id: "kontakter-6", kind: .contactsPerQuarter, name: "Højst 6 kontakter pr. borger i kvartalet", value: 6, deadline: nil, sector: nil)),
        ]
        guard citizens >= 50 else { return out }
        let moved = ((citizens - 2)...citizens).map { "c\($0)" }.filter { service.state.citizens[$0]?.responsible != "ali" }
        if !moved.isEmpty { out.append((karen, .reassign(citizens: moved, to: "ali", reason: "Færre sagsbehandlere pr. borger: samlet hos én"))) }
        return out
    }

    private static func citizen(number: Int, today: Day, rng: inout SeededRandom, usedCPR: inout Set<String>,
                                booked: inout Set<String>, meetings: inout Int) -> [(actor: String, command: Command)] {
        let id = "c\(number)"
        let youth = rng.chance(0.45)
        let age = youth ? rng.int(16...29) : rng.int(30...64)
        var cpr: String
        repeat {
            let birth = today + -(age * 365 + rng.int(1...364))
            let (y, m, d) = birth.components
            let yy = y % 100
            let seventh = y >= 2000 ? 4 : rng.int(0...3)
            cpr = Day.pad(d, 2) + Day.pad(m, 2) + Day.pad(yy, 2) + "-" + String(seventh) + Day.pad(rng.int(0...999), 3)
        } while !usedCPR.insert(cpr).inserted
        let name = rng.pick(firstNames) + " " + rng.pick(lastNames)
        let worker = rng.pick(caseworkers)
        let responsible = rng.chance(0.6) ? rng.pick(Array(caseworkers.prefix(3))).0 : worker.0
        let benefit = youth ? rng.pick(["kontanthjaelp", "ingen", "sygedagpenge", "kontanthjaelp"])
                            : rng.pick(["kontanthjaelp", "sygedagpenge", "jobafklaring", "ressourceforloeb", "ledighedsydelse", "dagpenge"])
        var out: [(actor: String, command: Command)] = []
        out.append((worker.0, .registerCitizen(cpr: cpr, name: name, benefit: benefit, responsible: responsible)))
        let r = responsible
        if rng.chance(0.3) { out.append((r, .chooseContactPerson(citizen: id, name: rng.pick(caseworkers).1))) }
        if rng.chance(0.25) {
            out.append((r, .linkHousehold(citizen: id, member: HouseholdMember(relation: .partner, name: rng.pick(firstNames) + " " + rng.pick(lastNames), citizen: nil))))
            if rng.chance(0.6) { out.append((r, .linkHousehold(citizen: id, member: HouseholdMember(relation: .child, name: rng.pick(firstNames), citizen: nil)))) }
        }
        // Contacts over the last half year.
        for _ in 0..<rng.int(2...8) {
            let when = Timestamp(millis: Int64((today + -rng.int(1...180)).daysSinceEpoch) * 86_400_000 + Int64(rng.int(7...15)) * 3_600_000)
            out.append((rng.chance(0.7) ? r : worker.0, .logContact(citizen: id, channel: rng.pick(Channel.allCases), note: rng.chance(0.5) ? "Samtale om planen" : nil, at: when)))
        }
        guard rng.chance(0.85) else { return out }   // some citizens have no unified plan yet

        // The consent covers the sectors of the plan's efforts (and perhaps more): what the plan
        // holds, its caseworkers may see and change; users of other sectors see only that it exists.
        let kinds = (0..<rng.int(1...4)).map { _ in rng.pick(efforts) }
        var sectors = Set([Sector.employment, worker.2] + kinds.map(\.sector))
        while sectors.count < rng.int(2...4) { sectors.insert(rng.pick(Sector.allCases)) }
        out.append((r, .giveConsent(citizen: id, sectors: Array(sectors), given: today + -rng.int(30...300))))
        let overall: OverallGoal = youth ? (rng.chance(0.7) ? .education : .employment) : .employment
        out.append((r, .createPlan(citizen: id, overallGoal: overall, ownWords: rng.pick(ownWords))))
        var areas: [LifeArea] = [overall == .education ? .education : .job]
        for k in kinds where !areas.contains(k.area) { areas.append(k.area) }
        for area in areas { out.append((r, .addGoal(citizen: id, area: area, text: goalTexts[area]!))) }
        for (i, k) in kinds.enumerated() {
            let start = today + -rng.int(0...200)
            let end: Day? = rng.chance(0.5) ? start + rng.int(60...365) : nil
            let goal = "g\((areas.firstIndex(of: k.area) ?? 0) + 1)"
            out.append((r, .addEffort(citizen: id, goal: goal, title: k.title, sector: k.sector, legalBasis: k.basis, provider: k.provider, start: start, end: end)))
            if let end, end < today { out.append((r, .setEffortStatus(citizen: id, effort: "e\(i + 1)", status: .ended, end: end))) }
        }
        if rng.chance(0.6) {
            let area: LegalArea = rng.pick([.lab, .sel, .sul, .barnetsLov])
            let date = today + -rng.int(0...60)
            out.append((r, .recordDecision(citizen: id, legalArea: area, date: date, text: "Bevilling af indsats efter \(area.rawValue)", appealDeadline: nil)))
        }
        let followUps = rng.int(1...3)
        for i in 0..<followUps {
            let due = today + rng.int(-90...60)
            // What it is about, by the citizen's number (no draw: the rest of the demo stays as it was).
            let subjects = ["Samtale om praktik", "Status på jobsøgning", "Opfølgning på bostøtte", "Samtale om uddannelse", "Status på behandling",
                            "Opfølgning på mentorforløb"]
            out.append((r, .scheduleFollowUp(citizen: id, due: due, subject: subjects[(number + i) % subjects.count])))
            // Most past follow-ups were done; about one in four is left overdue for supervisors to chase.
            if due < today && rng.chance(0.75) {
                // Every third citizen's first one was done late (up to four weeks): the timeliness figures have something to show.
                let done = i == 0 && number % 3 == 0 ? min(due + number % 29, today) : due
                out.append((r, .completeFollowUp(citizen: id, followUp: "f\(i + 1)", done: done, result: rng.pick(FollowUpResult.allCases), note: nil)))
            }
        }
        for _ in 0..<rng.int(0...3) {
            out.append((r, .recordAssessment(citizen: id, domain: rng.pick(["Arbejdsevne", "Helbred", "Sociale relationer", "Økonomi"]),
                                             score: rng.int(0...4), date: today + -rng.int(0...300))))
        }
        if rng.chance(0.3) {
            let from = caseworkers.first { $0.0 == r }!.2
            let to = rng.pick(Sector.allCases.filter { $0 != from })
            out.append((r, .sendReferral(citizen: id, to: to, text: "Henvisning til vurdering", confirmedSharing: true)))
            if rng.chance(0.6) {
                let answerer = caseworkers.first { $0.2 == to }!.0
                out.append((answerer, .answerReferral(citizen: id, referral: "r1", status: rng.chance(0.8) ? .accepted : .rejected)))
            }
        }
        // A network meeting in the weeks around today, for about half the citizens.
        if rng.chance(0.5) {
            for _ in 0..<10 {
                var day = today + rng.int(-21...28)
                while day.weekday > 5 { day = day + 1 }
                let hour = rng.int(8...15)
                let other = rng.pick(caseworkers.filter { $0.2 != .employment }).0
                let people = Array(Set([r, other]))
                let room = rng.pick(rooms)
                let keys = (people + [room]).map { "\($0)|\(day.daysSinceEpoch)|\(hour)" }
                guard keys.allSatisfy({ !booked.contains($0) }) else { continue }
                keys.forEach { booked.insert($0) }
                let partner = rng.pick(partners)
                out.append((r, .scheduleMeeting(type: rng.pick([.network, .network, .roundtable, .followup]), citizen: id,
                                                start: LocalTime(day: day, minuteOfDay: hour * 60), minutes: 60, room: room, participants: people,
                                                guests: [Guest(kind: .citizen, name: name, organisation: nil), Guest(kind: .partner, name: partner.0, organisation: partner.1)],
                                                allowConflict: false)))
                meetings += 1   // ids are handed out in order: this is m<meetings>
                if day < today {
                    out.append((r, .setMeetingStatus(meeting: "m\(meetings)", status: rng.chance(0.85) ? .held : .noshow, outcome: nil)))
                }
                break
            }
        }
        return out
    }
}
