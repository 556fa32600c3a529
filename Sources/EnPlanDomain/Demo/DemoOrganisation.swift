/// The demo's organisation (issue 27): a merged administration built around target groups, as
/// Aarhus's (seed 002) — areas for children, youth 15-29 and adults — with Roskilde's cross-sector
/// authority (seed 000) as a unit holding mandates under LAB, SEL and SUL, five teams, and leaders
/// at two levels under the director. Written last, through the same commands an administrator uses,
/// so the demo's citizens and their history are what they were.
///
///     Borger- og Arbejdsmarkedsforvaltningen (karen, director)
///     ├── Børn og familie (nadia)            └── Familieafdelingen: camilla, mads, yasmin      [BL]
///     ├── Unge 15-29 (bjarne)                ├── Ungeteamet (rasmus): aase, jonas               [LAB, LAS, SEL]
///     │                                      └── Tværgående myndighed: ali, birgitte, hanne     [LAB, SEL, SUL]
///     └── Voksne                             ├── Jobcenter Voksne (lene): mette, soeren         [LAB, LAS]
///                                            └── Sundhed og misbrug: lotte, frederik, per, signe, thomas [SUL, SEL]
///
/// Søren moved from the youth team to the adults' jobcentre 60 days ago (a dated move: the youth
/// team's figures for an earlier period still count his citizens).
enum DemoOrganisation {
    /// The leaders the organisation adds to the demo's users (supervisors; password "demo").
    static let leaders: [(String, String, Sector)] = [
        ("nadia", "Nadia Østergaard", .family), ("lene", "Lene Dalgaard", .employment), ("rasmus", "Rasmus Bech", .social),
    ]

    static let units: [OrgUnit] = [
        OrgUnit(id: "bam", name: "Borger- og Arbejdsmarkedsforvaltningen", targetGroups: [.children, .youth, .adults], sectors: Sector.allCases,
                description: "Den sammenlagte forvaltning: hjælpen til børn, unge og voksne på tværs af beskæftigelse, social, sundhed, familie og misbrug",
                leaders: ["karen"]),
        OrgUnit(id: "boern", name: "Børn og familie", parent: "bam", targetGroups: [.children], sectors: [.family],
                description: "Børn under 15 og deres familier", leaders: ["nadia"]),
        OrgUnit(id: "unge", name: "Unge 15-29", parent: "bam", targetGroups: [.youth], sectors: [.employment, .social, .health],
                description: "Unge mellem 15 og 29 på vej mod uddannelse og job", leaders: ["bjarne"]),
        OrgUnit(id: "voksne", name: "Voksne", parent: "bam", targetGroups: [.adults], sectors: [.employment, .health, .misuse],
                description: "Voksne fra 30 år: job, sygdom, sundhed og misbrug"),
        OrgUnit(id: "familie", name: "Familieafdelingen", parent: "boern", targetGroups: [.children], sectors: [.family],
                description: "Familiebehandling og støtte til børn efter barnets lov", mandates: [.barnetsLov]),
        OrgUnit(id: "ungeteam", name: "Ungeteamet", parent: "unge", targetGroups: [.youth], sectors: [.employment, .social],
                description: "Uddannelsesparate og aktivitetsparate unge: uddannelsespålæg, mentorer, brobygning", leaders: ["rasmus"],
                mandates: [.lab, .las, .sel]),
        OrgUnit(id: "tvaers", name: "Tværgående myndighed", parent: "unge", targetGroups: [.youth, .adults], sectors: [.employment, .social, .health],
                description: "Én sagsbehandler med myndighed på tværs af beskæftigelse, social og sundhed for borgere med komplekse sager",
                mandates: [.lab, .sel, .sul]),
        OrgUnit(id: "job", name: "Jobcenter Voksne", parent: "voksne", targetGroups: [.adults], sectors: [.employment],
                description: "Ledige og sygemeldte voksne: jobafklaring, praktik, løntilskud og fleksjob", leaders: ["lene"], mandates: [.lab, .las]),
        OrgUnit(id: "sundhed", name: "Sundhed og misbrug", parent: "voksne", targetGroups: [.adults], sectors: [.health, .misuse],
                description: "Genoptræning, psykologforløb og behandling af alkohol- og stofmisbrug", mandates: [.sul, .sel]),
    ]

    /// Each person's unit (from 400 days ago), and what they do where it is more than the unit's words.
    static let members: [(String, String, String?)] = [
        ("admin", "bam", "Brugere, enheder og kompetencer i EnPlan"), ("karen", "bam", "Direktør for forvaltningen"),
        ("nadia", "boern", "Områdeleder for børn og familie"), ("bjarne", "unge", "Områdeleder for unge 15-29"),
        ("camilla", "familie", nil), ("mads", "familie", "Familiebehandler"), ("yasmin", "familie", nil),
        ("rasmus", "ungeteam", "Teamleder i Ungeteamet"), ("aase", "ungeteam", "Uddannelsespålæg og brobygning"), ("jonas", "ungeteam", "Socialrådgiver for unge"),
        ("soeren", "ungeteam", nil),
        ("ali", "tvaers", "Tværgående sagsbehandler: én plan for borgeren"), ("birgitte", "tvaers", nil), ("hanne", "tvaers", "Sundhedsfaglig i den tværgående myndighed"),
        ("lene", "job", "Teamleder i Jobcenter Voksne"), ("mette", "job", "Sygedagpenge og jobafklaring"),
        ("lotte", "sundhed", "Genoptræning"), ("frederik", "sundhed", nil),
        ("per", "sundhed", "Alkoholbehandling"), ("signe", "sundhed", nil), ("thomas", "sundhed", "Stofbehandling"),
    ]

    /// The organisation's commands, as the administrator: the leaders, the units, everyone's place
    /// and contact details, Søren's move.
    static func commands(today: Day, users: [String]) throws -> [(actor: String, command: Command)] {
        let admin = DemoData.admin.0
        var out: [(actor: String, command: Command)] = []
        for (id, name, sector) in leaders {
            out.append((admin, .createUser(User(id: id, name: name, sector: sector, role: .supervisor), passwordHash: try Passwords.hash(DemoData.password))))
        }
        for u in units { out.append((admin, .defineUnit(u, new: true))) }
        let known = Set(users + leaders.map(\.0))
        for (id, unit, does) in members where known.contains(id) {
            out.append((admin, .placeUser(user: id, unit: unit, from: today + -400, does: does)))
        }
        out.append((admin, .placeUser(user: "soeren", unit: "job", from: today + -60, does: "Jobafklaring og virksomhedspraktik")))
        for (n, id) in (users + leaders.map(\.0)).enumerated() {
            out.append((admin, .setUserContact(user: id, phone: "46 31 \(String(format: "%02d", 10 + n)) \(String(format: "%02d", 20 + n))",
                                               email: "\(id)@kommune.example")))
        }
        return out
    }
}
