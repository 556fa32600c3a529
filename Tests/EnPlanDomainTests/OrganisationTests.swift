import Foundation
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// Issue 27: the organisation as it is — units and dated moves, leaders who get their own units'
/// figures and never another team's, decision mandates (and none defined: as before), and the
/// directory's search with the Danish folding.
final class OrganisationTests: XCTestCase {
    /// The fixture's staff, two team leaders (lene, rasmus) and a supervisor who leads nothing (ole),
    /// under a director (karen): team A (mette) and team B (jonas, per), per moving to A ten days ago.
    private func organised() throws -> Fixture {
        let clock = TestClock()
        let f = try Fixture(clock: clock)
        let s = f.service, day = f.today
        try s.execute(batch: [("lene", "Lene Dalgaard", Sector.employment), ("rasmus", "Rasmus Bech", .social), ("ole", "Ole Mørk", .health)].map {
            ("admin", Command.createUser(User(id: $0.0, name: $0.1, sector: $0.2, role: .supervisor), passwordHash: Fixture.hash))
        })
        try s.execute(batch: [
            ("admin", .defineUnit(OrgUnit(id: "bam", name: "Borger- og Arbejdsmarkedsforvaltningen", leaders: ["karen"]), new: true)),
            ("admin", .defineUnit(OrgUnit(id: "voksne", name: "Voksne", parent: "bam", targetGroups: [.adults]), new: true)),
            ("admin", .defineUnit(OrgUnit(id: "ja", name: "Jobcenter Voksne", parent: "voksne", targetGroups: [.adults], sectors: [.employment],
                                          description: "Sygedagpenge og jobafklaring", leaders: ["lene"]), new: true)),
            ("admin", .defineUnit(OrgUnit(id: "tv", name: "Tværgående myndighed", parent: "bam", targetGroups: [.youth, .adults],
                                          sectors: [.social, .misuse], description: "Én sagsbehandler på tværs", leaders: ["rasmus"]), new: true)),
            ("admin", .placeUser(user: "mette", unit: "ja", from: day + -100, does: nil)),
            ("admin", .placeUser(user: "jonas", unit: "tv", from: day + -100, does: "Socialrådgiver for unge")),
            ("admin", .placeUser(user: "per", unit: "tv", from: day + -100, does: nil)),
            ("admin", .placeUser(user: "per", unit: "ja", from: day + -10, does: "Alkoholbehandling")),
        ])
        // One citizen each, registered 50 days ago (each registering caseworker responsible).
        clock.time = Timestamp(millis: Fixture.now.millis - 50 * 86_400_000)
        for (cpr, name, by) in [("0101901234", "Søren Sørensen", "mette"), ("0202851234", "Åse Bækgaard", "jonas"), ("0303801234", "Æbel Ørum", "per")] {
            try s.execute(.registerCitizen(cpr: cpr, name: name, benefit: "kontanthjaelp", responsible: nil), as: by)
        }
        clock.time = Fixture.now
        return f
    }

    func testUnitsAndDatedMoves() throws {
        let f = try organised()
        let org = f.service.organisation, day = f.today
        XCTAssertEqual(org.unit(of: "per", on: day + -11), "tv")
        XCTAssertEqual(org.unit(of: "per", on: day + -10), "ja", "a move counts from its day")
        XCTAssertNil(org.unit(of: "per", on: day + -101), "nobody's unit before their first day")
        XCTAssertEqual(org.path(of: "ja"), "Borger- og Arbejdsmarkedsforvaltningen › Voksne › Jobcenter Voksne")
        XCTAssertEqual(org.subtree(of: "bam"), ["bam", "voksne", "ja", "tv"])
        XCTAssertEqual(org.leaderScope(of: "lene"), ["ja"])
        XCTAssertEqual(org.leaderScope(of: "karen"), ["bam", "tv", "voksne", "ja"], "the director's: everything, in tree order")
        XCTAssertEqual(org.duties["per"], "Alkoholbehandling")

        // Only an administrator; no cycles; leaders are supervisors; ids and names checked.
        let s = f.service
        XCTAssertThrowsDomainError(try s.execute(.defineUnit(OrgUnit(id: "cc", name: "C"), new: true), as: "karen")) { $0 == .forbidden(.adminOnly(.anything)) }
        XCTAssertThrowsDomainError(try s.execute(.placeUser(user: "mette", unit: "tv", from: day, does: nil), as: "lene")) { $0 == .forbidden(.adminOnly(.anything)) }
        XCTAssertThrowsDomainError(try s.execute(.defineUnit(OrgUnit(id: "bam", name: "Igen"), new: true), as: "admin")) { $0 == .conflict(.unitExists("bam")) }
        XCTAssertThrowsDomainError(try s.execute(.defineUnit(OrgUnit(id: "bam", name: "Forvaltningen", parent: "ja"), new: false), as: "admin")) {
            $0 == .invalid(.unitCycle(unit: "bam", parent: "ja"))
        }
        XCTAssertThrowsDomainError(try s.execute(.defineUnit(OrgUnit(id: "cc", name: "C", leaders: ["mette"]), new: true), as: "admin")) {
            $0 == .invalid(.leaderNotSupervisor(user: "mette"))
        }
        XCTAssertThrowsDomainError(try s.execute(.defineUnit(OrgUnit(id: "cc", name: "C", parent: "zz"), new: true), as: "admin")) { $0 == .notFound(.unit("zz")) }
        XCTAssertThrowsDomainError(try s.execute(.defineUnit(OrgUnit(id: "C!", name: "C"), new: true), as: "admin")) { $0 == .invalid(.badID(.unit, "C!")) }
        XCTAssertThrowsDomainError(try s.execute(.placeUser(user: "mette", unit: "zz", from: day, does: nil), as: "admin")) { $0 == .notFound(.unit("zz")) }

        // Moving a unit in the tree is a new definition with another parent.
        var b = org.units["tv"]!
        b.parent = "voksne"
        try s.execute(.defineUnit(b, new: false), as: "admin")
        XCTAssertEqual(s.organisation.path(of: "tv"), "Borger- og Arbejdsmarkedsforvaltningen › Voksne › Tværgående myndighed")

        // The events are in the log with the administrator as actor (the audit of the organisation).
        let lines = try f.eventLines().filter { $0.contains("\"UserUnitSet\"") }
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines.allSatisfy { $0.contains("\"actor\":\"admin\"") && $0.contains("\"stream\":\"user:") })

        // The snapshot carries it.
        try f.store.writeSnapshot()
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertEqual(reopened.projection.organisation, s.organisation)
        XCTAssertEqual(reopened.projection.version(of: Streams.unit("tv")), 2)
    }

    /// The citizens behind every cell of a table.
    private func listed(_ t: FigureTable) -> Set<String> {
        Set(t.rows.flatMap { $0.cells.compactMap(\.citizens).flatMap { $0 } })
    }

    func testATeamLeaderGetsTheirOwnTeamsFiguresAndNeverAnothers() throws {
        let f = try organised()
        let s = f.service, now = FigureFilter(period: Period.named(.thisMonth, today: f.today))
        // Today: team A has mette's and per's citizens (per moved in ten days ago); team B jonas's.
        let lene = try s.figures(.caseload, filter: now, as: "lene", logged: false)
        XCTAssertEqual(lene.filter.unit, "ja", "a team leader's dashboard opens on their team")
        XCTAssertEqual(listed(lene), ["c1", "c3"])
        XCTAssertEqual(Set(lene.rows.map(\.key)), ["user:mette", "user:per", "unassigned", "unit:ja"], "no row of another team's caseworker, nor unit")
        let rasmus = try s.figures(.caseload, filter: now, as: "rasmus", logged: false)
        XCTAssertEqual(listed(rasmus), ["c2"])
        for section in FigureSection.allCases {
            let t = try s.figures(section, filter: now, as: "lene", logged: false)
            XCTAssertFalse(listed(t).contains("c2"), "\(section): another team's citizen")
        }
        // Never another team's, asked for by unit or by caseworker; the list behind a cell checks it again.
        var other = now; other.unit = "tv"
        XCTAssertThrowsDomainError(try s.figures(.caseload, filter: other, as: "lene")) { $0 == .forbidden(.otherUnit(user: "lene", unit: "tv")) }
        var jonas = now; jonas.user = "jonas"
        XCTAssertThrowsDomainError(try s.figures(.timeliness, filter: jonas, as: "lene")) { $0 == .forbidden(.otherUnit(user: "lene", unit: "tv")) }
        let forged = FigureTable(section: rasmus.section, columns: rasmus.columns, rows: rasmus.rows, asOf: rasmus.asOf, filter: rasmus.filter)
        XCTAssertThrowsDomainError(try s.citizensBehind(forged, row: 0, column: 0, as: "lene")) { $0 == .forbidden(.otherUnit(user: "lene", unit: "tv")) }
        // A supervisor who leads nothing gets no team's figures; the director and an administrator get everyone's.
        XCTAssertThrowsDomainError(try s.figures(.caseload, filter: now, as: "ole")) { $0 == .forbidden(.leadsNoUnit(user: "ole")) }
        XCTAssertEqual(listed(try s.figures(.caseload, filter: now, as: "karen", logged: false)), ["c1", "c2", "c3"])
        XCTAssertEqual(listed(try s.figures(.caseload, filter: now, as: "admin", logged: false)), ["c1", "c2", "c3"])
        // The director filters down the tree; a caseworker still gets their own caseload only.
        XCTAssertEqual(listed(try s.figures(.caseload, filter: other, as: "karen", logged: false)), ["c2"])
        XCTAssertEqual(listed(try s.figures(.caseload, filter: now, as: "mette", logged: false)), ["c1"])
        XCTAssertEqual(s.figureUnits(as: "lene").map(\.unit.id), ["ja"])
        XCTAssertEqual(s.figureUnits(as: "mette").count, 0)
    }

    /// The caseload "by unit": a row for each unit of the scope, the sum of its caseworkers' rows
    /// (those in it or below on the reference day), each cell's list theirs put together.
    func testTheCaseloadByUnitSumsItsCaseworkers() throws {
        let f = try organised()
        let s = f.service, now = FigureFilter(period: Period.named(.thisMonth, today: f.today))
        let t = try s.figures(.caseload, filter: now, as: "karen", logged: false)
        XCTAssertEqual(t.rows.filter { $0.key.hasPrefix("unit:") }.map(\.key), ["unit:bam", "unit:tv", "unit:voksne", "unit:ja"], "tree order")
        XCTAssertEqual(t.rows.first { $0.key == "unit:ja" }?.label.da, "Enhed: Jobcenter Voksne")
        let expected: [String: [String]] = ["bam": ["mette", "jonas", "per"], "tv": ["jonas"], "voksne": ["mette", "per"], "ja": ["mette", "per"]]
        for (unit, people) in expected {
            let row = try XCTUnwrap(t.rows.first { $0.key == "unit:" + unit })
            let theirs = t.rows.filter { people.map { "user:" + $0 }.contains($0.key) }
            XCTAssertEqual(theirs.count, people.count, unit)
            for (k, column) in t.columns.enumerated() {
                guard let ids = row.cells[k].citizens else {
                    // The sparkline: the sum of theirs, week by week.
                    guard case .spark(let xs) = row.cells[k].value else { XCTFail("\(unit).\(column.key)"); continue }
                    let sums = (0..<12).map { w in theirs.reduce(0.0) { acc, r in if case .spark(let ys) = r.cells[k].value { return acc + ys[w] }; return acc } }
                    XCTAssertEqual(xs, sums, "\(unit).\(column.key)")
                    continue
                }
                let summed = theirs.flatMap { $0.cells[k].citizens ?? [] }
                XCTAssertEqual(Set(ids), Set(summed), "\(unit).\(column.key)")
                XCTAssertEqual(ids.count, summed.count, "\(unit).\(column.key)")
                guard case .count(let n) = row.cells[k].value else { XCTFail("\(unit).\(column.key)"); continue }
                XCTAssertEqual(n, ids.count, "\(unit).\(column.key)")
            }
        }
        XCTAssertEqual(t.rows.first { $0.key == "unit:bam" }?.cells[0].citizens.map(Set.init), ["c1", "c2", "c3"])
        // A move counts from its day: a period that ended before per's move puts per's citizen in B.
        let before = FigureFilter(period: Period(from: f.today + -60, to: f.today + -20))
        let then = try s.figures(.caseload, filter: before, as: "karen", logged: false)
        XCTAssertEqual(then.rows.first { $0.key == "unit:tv" }?.cells[0].citizens.map(Set.init), ["c2", "c3"])
        XCTAssertEqual(then.rows.first { $0.key == "unit:ja" }?.cells[0].citizens.map(Set.init), ["c1"])
        // A team leader's: their unit only; a caseworker's and one caseworker's figures: no unit rows.
        let lene = try s.figures(.caseload, filter: now, as: "lene", logged: false)
        XCTAssertEqual(lene.rows.filter { $0.key.hasPrefix("unit:") }.map(\.key), ["unit:ja"])
        XCTAssertFalse(try s.figures(.caseload, filter: now, as: "mette", logged: false).rows.contains { $0.key.hasPrefix("unit:") })
        var one = now; one.user = "mette"
        XCTAssertFalse(try s.figures(.caseload, filter: one, as: "karen", logged: false).rows.contains { $0.key.hasPrefix("unit:") })
        // Without an organisation, no such rows (as before).
        let plain = try Fixture()
        try plain.service.execute(.registerCitizen(cpr: "0101901234", name: "Søren Sørensen", benefit: "kontanthjaelp", responsible: nil), as: "mette")
        let none = try plain.service.figures(.caseload, filter: now, as: "karen", logged: false)
        XCTAssertFalse(none.rows.contains { $0.key.hasPrefix("unit:") })
        XCTAssertTrue(none.rows.contains { $0.key == "user:mette" })
    }

    func testFiguresOfAPastPeriodFollowWhereTheCaseworkerWasThen() throws {
        let f = try organised()
        let s = f.service
        // A period that ended before per's move: per's citizen is team B's (the section's "all" row lists every citizen in scope).
        let before = FigureFilter(period: Period(from: f.today + -60, to: f.today + -20))
        XCTAssertEqual(listed(try s.figures(.caseworkers, filter: before, as: "lene", logged: false)), ["c1"])
        XCTAssertEqual(listed(try s.figures(.caseworkers, filter: before, as: "rasmus", logged: false)), ["c2", "c3"])
        // And the responsible caseworker then, not now: jonas's citizen given to mette today stays B's for that period.
        try s.execute(.reassign(citizens: ["c2"], to: "mette", reason: "Samlet hos én"), as: "karen")
        XCTAssertEqual(listed(try s.figures(.caseworkers, filter: before, as: "rasmus", logged: false)), ["c2", "c3"])
        XCTAssertEqual(listed(try s.figures(.caseworkers, filter: before, as: "lene", logged: false)), ["c1"])
        let now = FigureFilter(period: Period.named(.thisMonth, today: f.today))
        XCTAssertEqual(listed(try s.figures(.caseworkers, filter: now, as: "lene", logged: false)), ["c1", "c2", "c3"])
        XCTAssertEqual(listed(try s.figures(.caseworkers, filter: now, as: "rasmus", logged: false)), [])
    }

    func testDecisionMandates() throws {
        let f = try organised()
        let s = f.service
        let c = try f.citizenWithPlan("0404851234")   // mette's, with a plan
        func decide(_ area: LegalArea, as who: String = "mette") throws {
            try s.execute(.recordDecision(citizen: c, legalArea: area, date: f.today, text: "Bevilget", appealDeadline: nil), as: who)
        }
        // Units but no mandates anywhere: every decision as before.
        XCTAssertNoThrow(try decide(.sel))
        // Team A decides under LAB and LAS; team B under SEL: mette (A) is refused SEL, told who may.
        var a = s.organisation.units["ja"]!; a.mandates = [.lab, .las]
        var b = s.organisation.units["tv"]!; b.mandates = [.sel, .lab, .sul]
        try s.execute(batch: [("admin", .defineUnit(a, new: false)), ("admin", .defineUnit(b, new: false))])
        XCTAssertNoThrow(try decide(.lab))
        XCTAssertThrowsDomainError(try decide(.sel)) { $0 == .forbidden(.outsideMandate(area: .sel, units: ["Tværgående myndighed"], people: [])) }
        XCTAssertThrowsDomainError(try decide(.barnetsLov)) { $0 == .forbidden(.outsideMandate(area: .barnetsLov, units: [], people: [])) }
        // A person's own mandate adds to their unit's, and is named as a holder.
        try s.execute(.setUserMandate(user: "jonas", areas: [.barnetsLov]), as: "admin")
        XCTAssertThrowsDomainError(try decide(.barnetsLov)) { $0 == .forbidden(.outsideMandate(area: .barnetsLov, units: [], people: ["jonas"])) }
        try s.execute(.setUserMandate(user: "mette", areas: [.sel]), as: "admin")
        XCTAssertNoThrow(try decide(.sel))
        // A unit without mandates of its own takes the unit above's.
        var voksne = s.organisation.units["voksne"]!; voksne.mandates = [.sul]
        a.mandates = nil
        try s.execute(batch: [("admin", .defineUnit(voksne, new: false)), ("admin", .defineUnit(a, new: false))])
        XCTAssertNoThrow(try decide(.sul))
        XCTAssertThrowsDomainError(try decide(.lab)) { $0 == .forbidden(.outsideMandate(area: .lab, units: ["Tværgående myndighed"], people: [])) }
        // Someone in no unit at all, where mandates exist, decides nothing.
        XCTAssertEqual(s.organisation.mandate(of: "karen", on: f.today), [])
        // Correcting a decision into another legal area is deciding under it; so is annulling one.
        XCTAssertThrowsDomainError(try s.execute(.correctDecision(citizen: c, decision: "d1", legalArea: .barnetsLov, date: f.today, text: "Bevilget",
                                                                  appealDeadline: nil, sent: .digital, reason: "Forkert lov"), as: "mette")) {
            $0 == .forbidden(.outsideMandate(area: .barnetsLov, units: [], people: ["jonas"]))
        }
        try s.execute(.setUserMandate(user: "mette", areas: []), as: "admin")
        XCTAssertThrowsDomainError(try s.execute(.annulDecision(citizen: c, decision: "d1", reason: "Fejl"), as: "mette")) {
            $0 == .forbidden(.outsideMandate(area: .sel, units: ["Tværgående myndighed"], people: []))
        }
    }

    func testNoOrganisationChangesNothing() throws {
        let f = try Fixture()
        let c = try f.citizenWithPlan()
        XCTAssertNoThrow(try f.service.execute(.recordDecision(citizen: c, legalArea: .sul, date: f.today, text: "B", appealDeadline: nil), as: "mette"))
        let t = try f.service.figures(.caseload, filter: FigureFilter(period: Period.named(.thisMonth, today: f.today)), as: "karen", logged: false)
        XCTAssertNil(t.filter.unit)
        XCTAssertEqual(listed(t), [c])
        var unit = t.filter; unit.unit = "ja"
        XCTAssertThrowsDomainError(try f.service.figures(.caseload, filter: unit, as: "karen")) { $0 == .notFound(.unit("ja")) }
    }

    func testTheDirectoryFindsColleaguesTheDanishWay() throws {
        let f = try organised()
        let s = f.service
        try s.execute(.setUserContact(user: "per", phone: "46 31 22 33", email: "per@kommune.example"), as: "admin")
        func names(_ q: String, citizen: String? = nil, as who: String = "mette") throws -> [String] {
            try s.directory(search: q, citizen: citizen, as: who).map(\.name)
        }
        XCTAssertEqual(try names("lokke"), ["Per Løkke"])
        XCTAssertEqual(try names("LØKKE"), ["Per Løkke"])
        XCTAssertEqual(try names("kjaer"), ["Mette Kjær"])
        XCTAssertEqual(try names("tvaergaende"), ["Jonas Dahl", "Rasmus Bech"], "by the unit's name, folded")
        XCTAssertEqual(try names("alkohol"), ["Per Løkke"], "by what they do")
        XCTAssertEqual(try names("misbrug"), ["Per Løkke"], "by sector")
        XCTAssertEqual(try names("unge tvær"), ["Jonas Dahl"], "every word, by target group and unit")
        let per = try s.directory(search: "per løkke", as: "mette")[0]
        XCTAssertEqual(per.phone, "46 31 22 33")
        XCTAssertEqual(per.email, "per@kommune.example")
        XCTAssertEqual(per.unitPath, "Borger- og Arbejdsmarkedsforvaltningen › Voksne › Jobcenter Voksne")
        XCTAssertEqual(per.does, "Alkoholbehandling")
        let jonas = try s.directory(search: "jonas", as: "mette")[0]
        XCTAssertEqual(jonas.targetGroups, [.youth, .adults])
        XCTAssertEqual(try s.directory(search: "lene", as: "mette")[0].leads, ["Jobcenter Voksne"])
        XCTAssertEqual(try s.directory(search: "mette", as: "mette")[0].does, "Sygedagpenge og jobafklaring", "the unit's words without one's own")
        // Everyone, by name the Danish way; from a citizen, the people already on the case first.
        let all = try names("")
        XCTAssertEqual(all.first, "Ida Admin")
        try s.execute(.logContact(citizen: "c1", channel: .phone, note: nil, at: nil), as: "mette")
        try s.execute(.reassign(citizens: ["c1"], to: "jonas", reason: "Samlet hos én"), as: "karen")
        let fromPlan = try s.directory(citizen: "c1", as: "karen")
        XCTAssertEqual(fromPlan.prefix(2).map(\.id), ["jonas", "mette"])
        XCTAssertTrue(fromPlan.prefix(2).allSatisfy(\.onCitizen))
        // Asked from a citizen the viewer may not see: the plain directory, nothing about the case.
        let blind = try s.directory(citizen: "c3", as: "mette")
        XCTAssertFalse(blind.contains { $0.onCitizen })
        XCTAssertEqual(blind.map(\.name), all)
    }
}

/// The demo's chart: five teams under three areas, leaders at two levels, the cross-sector
/// authority's mandates; its team leader sees their team's citizens, the director everyone's.
final class DemoOrganisationTests: XCTestCase {
    func testTheDemosChart() throws {
        let f = try Fixture(seedUsers: false)
        var options = DemoData.Options()
        options.citizens = 60; options.seed = 3
        _ = try DemoData.fill(f.service, options: options)
        let org = f.service.organisation, s = f.service
        XCTAssertEqual(org.tree().filter { org.children(of: $0.unit.id).isEmpty }.count, 5, "five teams")
        XCTAssertEqual(org.units["tvaers"]?.mandates, [.lab, .sel, .sul])
        XCTAssertEqual(org.leaderScope(of: "karen").count, org.units.count)
        XCTAssertEqual(org.leaderScope(of: "bjarne"), ["unge", "tvaers", "ungeteam"])
        XCTAssertEqual(org.unit(of: "soeren", on: f.today + -61), "ungeteam")
        XCTAssertEqual(org.unit(of: "soeren", on: f.today), "job")
        let now = FigureFilter(period: Period.named(.thisMonth, today: f.today))
        let all = try s.figures(.caseload, filter: now, as: "karen", logged: false)
        let team = try s.figures(.caseload, filter: now, as: "lene", logged: false)
        let ids = { (t: FigureTable) in Set(t.rows.flatMap { $0.cells.compactMap(\.citizens).flatMap { $0 } }) }
        XCTAssertFalse(ids(team).isEmpty)
        XCTAssertTrue(ids(team).isSubset(of: ids(all)) && ids(team).count < ids(all).count)
        let members = org.members(of: ["job"], on: f.today)
        for id in ids(team) { XCTAssertTrue(members.contains(s.state.citizens[id]!.responsible), "\(id) is another team's") }
        // A decision under SEL by mette (the jobcentre: LAB, LAS) names who may make it.
        let c = try XCTUnwrap(s.state.citizens.heads.first { $0.responsible == "mette" && s.state.citizens[$0.id]?.plan != nil && $0.closed == nil }?.id)
        XCTAssertThrowsDomainError(try s.execute(.recordDecision(citizen: c, legalArea: .sel, date: f.today, text: "B", appealDeadline: nil), as: "mette")) {
            $0 == .forbidden(.outsideMandate(area: .sel, units: ["Tværgående myndighed", "Ungeteamet", "Sundhed og misbrug"], people: []))
        }
        XCTAssertEqual(try s.directory(search: "tvaergaende", as: "mette").map(\.id), ["ali", "birgitte", "hanne"])
    }
}
