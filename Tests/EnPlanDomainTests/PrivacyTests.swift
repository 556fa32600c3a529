import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// Issue 11: nothing crosses a sector without consent, on every path.
final class CrossingRuleTests: XCTestCase {
    /// A citizen whose every kind of piece was recorded by mette (employment), with consent
    /// employment + social (s1), and jonas (social) and per (misuse) brought in by a meeting.
    func caseOfEveryKind() throws -> (Fixture, String) {
        let f = try Fixture()
        let id = try f.citizenWithPlan()
        let today = f.today
        let s = f.service
        try s.execute(.addGoal(citizen: id, area: .health, text: "Stabilt helbred"), as: "mette")
        try s.execute(.addEffort(citizen: id, goal: nil, title: "Mentor", sector: .employment, legalBasis: "LAB § 31", provider: "Jobcentret",
                                 start: today, end: nil), as: "mette")
        try s.execute(.recordDecision(citizen: id, legalArea: .lab, date: today, text: "Bevilget mentor", appealDeadline: nil), as: "mette")
        try s.execute(.scheduleFollowUp(citizen: id, due: today + 14), as: "mette")
        try s.execute(.recordAssessment(citizen: id, domain: "Arbejdsevne", score: 3, date: today), as: "mette")
        try s.execute(.sendReferral(citizen: id, to: .social, text: "Bostøtte?"), as: "mette")
        try s.execute(.logContact(citizen: id, channel: .phone, note: "Fortalte om sit forbrug", at: nil), as: "mette")
        try s.execute(.linkHousehold(citizen: id, member: HouseholdMember(relation: .partner, name: "Fatima Christensen", citizen: nil)), as: "mette")
        try s.execute(.recordOutcome(citizen: id, status: .jobReady, date: today, source: "Jobnet"), as: "mette")
        try s.execute(.recordOwnAssessment(citizen: id, topic: .plan, score: 4, words: "Planen giver mening", date: today), as: "mette")
        try s.execute(.recordVulnerability(citizen: id, on: true, date: today), as: "mette")
        try s.execute(.scheduleMeeting(type: .network, citizen: id, start: LocalTime(iso: "2026-11-25T09:00")!, minutes: 60, room: "R1",
                                       participants: ["mette", "jonas", "per"], guests: [], allowConflict: false), as: "mette")
        return (f, id)
    }

    /// What `viewer` is shown of each kind of piece: nil where it is withheld.
    func shown(_ f: Fixture, _ id: String, _ viewer: String) throws -> [String: String?] {
        let d = try f.service.citizen(id, as: viewer)
        let p = d.citizen.plan!
        func text(_ s: String, _ hidden: Bool) -> String? { hidden || s.isEmpty ? nil : s }
        return [
            "goal": text(p.goals[0].text, d.hidden.contains("g1")),
            "effort": text(p.efforts[0].title, d.hidden.contains("e1")),
            "decision": text(p.decisions[0].text, d.hidden.contains(p.decisions[0].id)),
            "followUp": d.hidden.contains("f1") ? nil : "f1",
            "assessment": p.assessments.first.map { "\($0.domain) \($0.score)" },
            "referral": text(p.referrals[0].text, d.hidden.contains("r1")),
            "household": d.citizen.household.first?.name,
            "benefit": d.citizen.benefit,
            "ownWords": text(p.ownWords, false),
            "outcome": d.citizen.outcomes.statuses.first.map { "\($0.status.rawValue) \($0.source ?? "")" },
            "ownAssessment": d.citizen.outcomes.assessments.first.map { "\($0.score) \($0.words)" },
            "vulnerability": d.citizen.outcomes.vulnerability.first.map { "\($0.on)" },
        ]
    }

    func testEveryKindOfPieceWithConsentWithoutItAndAfterWithdrawal() throws {
        let (f, id) = try caseOfEveryKind()
        let all: [String: String?] = ["goal": "Stabilt helbred", "effort": "Mentor", "decision": "Bevilget mentor", "followUp": "f1",
                                      "assessment": "Arbejdsevne 3", "referral": "Bostøtte?", "household": "Fatima Christensen",
                                      "benefit": "kontanthjaelp", "ownWords": "Jeg vil være tømrer", "outcome": "job-ready Jobnet",
                                      "ownAssessment": "4 Planen giver mening", "vulnerability": "true"]
        XCTAssertEqual(try shown(f, id, "mette"), all, "the recording sector sees everything")
        XCTAssertEqual(try shown(f, id, "jonas"), all, "social is covered by the consent")
        // per (misuse) is not covered: every piece exists, none of its content shows.
        var none = all.mapValues { _ in String?.none }
        XCTAssertEqual(try shown(f, id, "per"), none)
        let d = try f.service.citizen(id, as: "per")
        XCTAssertEqual(Set(d.withheld.map(\.kind)), Set(Withheld.Kind.allCases))
        XCTAssertTrue(d.withheld.allSatisfy { $0.sector == .employment }, "whose it is stays visible")
        // Always visible: name, masked CPR, age, the responsible caseworker, the contact person, consent.
        XCTAssertEqual(d.citizen.name, "Søren Sørensen"); XCTAssertTrue(d.cpr.hasPrefix("111299"))
        XCTAssertEqual(d.citizen.responsible, "mette"); XCTAssertEqual(d.citizen.consents.count, 1)
        // What per cannot read, per cannot change.
        XCTAssertThrowsDomainError(try f.service.execute(.setGoalStatus(citizen: id, goal: "g1", status: .dropped), as: "per")) {
            if case .forbidden = $0 { return true }; return false
        }

        // After withdrawal, social loses it too — except the referral sent to social.
        try f.service.execute(.withdrawConsent(citizen: id, consent: "s1"), as: "mette")
        none["referral"] = "Bostøtte?"
        XCTAssertEqual(try shown(f, id, "jonas"), none)
        XCTAssertEqual(try shown(f, id, "mette"), all)
        // The list's benefit column follows the same rule.
        XCTAssertNil(try f.service.citizens(as: "jonas").first { $0.id == id }?.benefit)
        XCTAssertEqual(try f.service.citizens(as: "mette").first { $0.id == id }?.benefit, "kontanthjaelp")
    }

    func testTheJourneyAndTheLogShowNoMoreThanTheDetail() throws {
        let (f, id) = try caseOfEveryKind()
        try f.service.execute(.withdrawConsent(citizen: id, consent: "s1"), as: "mette")
        let journey = try f.service.journey(id, as: "jonas")
        let texts = journey.entries.map { $0.event.data.jsonString }.joined(separator: "\n")
        for secret in ["Stabilt helbred", "Mentor", "Bevilget mentor", "Arbejdsevne", "Fatima", "Fortalte om sit forbrug", "kontanthjaelp", "tømrer"] {
            XCTAssertFalse(texts.contains(secret), "the journey leaks \(secret)")
        }
        XCTAssertTrue(texts.contains("Bostøtte?"), "a referral to social is read by social")
        XCTAssertTrue(journey.entries.contains { $0.event.type == "ConsentWithdrawn" && !$0.seen.hidden }, "consent is always visible")
        let log = try f.service.history(id, as: "jonas").map { $0.data.jsonString }.joined(separator: "\n")
        XCTAssertFalse(log.contains("Fatima") || log.contains("kontanthjaelp") || log.contains("Stabilt helbred"))
    }

    func testATemplateOrAReferralIntoAnUnsharedSectorNeedsAnExplicitYes() throws {
        let f = try Fixture()
        let id = try f.citizenWithPlan()   // employment + social
        try f.service.execute(.sendReferral(citizen: id, to: .social, text: "Bostøtte"), as: "mette")
        XCTAssertThrowsDomainError(try f.service.execute(.sendReferral(citizen: id, to: .misuse, text: "Stort forbrug af hash"), as: "mette")) {
            $0 == .sharingNotCovered(citizen: id, from: .employment, to: [.misuse], items: ["Stort forbrug af hash"])
        }
        XCTAssertEqual(f.service.state.citizens[id]?.plan?.referrals.count, 1, "nothing was written")
        try f.service.execute(.sendReferral(citizen: id, to: .misuse, text: "Stort forbrug af hash", confirmedSharing: true), as: "mette")
        XCTAssertEqual(f.service.state.citizens[id]?.plan?.referrals.count, 2)

        try f.service.execute(.defineTemplate(DemoTemplates.all.first { $0.id == "sygemeldt-retur" }!), as: "karen")
        XCTAssertThrowsDomainError(try f.service.execute(.applyTemplate(citizen: id, template: "sygemeldt-retur", start: nil), as: "mette")) {
            if case let .sharingNotCovered(_, from, to, items) = $0 { return from == .employment && to == [.health] && !items.isEmpty }
            return false
        }
        XCTAssertFalse(try f.service.execute(.applyTemplate(citizen: id, template: "sygemeldt-retur", start: nil, confirmedSharing: true),
                                             as: "mette").isEmpty)
    }

    func testBusyMeetingsCarryOnlyTimeRoomAndIdOnEveryCalendar() throws {
        let (f, id) = try caseOfEveryKind()
        _ = id
        try f.service.execute(.createUser(User(id: "hanne", name: "Hanne Sund", sector: .health, role: .caseworker), passwordHash: Fixture.hash), as: "admin")
        let day = Day(iso: "2026-11-25")!
        for scope in [CaseService.MeetingScope.room("R1"), .user("mette")] {
            let m = try XCTUnwrap(try f.service.meetings(as: "hanne", scope: scope, from: day, to: day).first)
            XCTAssertTrue(m.busy)
            XCTAssertNil(m.citizen); XCTAssertEqual(m.participants, []); XCTAssertEqual(m.guests, []); XCTAssertEqual(m.agenda, [])
            XCTAssertEqual(m.room, "R1"); XCTAssertEqual(m.id, "m1")
            let ics = f.service.calendarFile([m])
            XCTAssertTrue(ics.contains("SUMMARY:Optaget") && !ics.contains("Netværksmøde") && !ics.contains("ATTENDEE"), ics)
        }
        XCTAssertFalse(try f.service.meetings(as: "jonas", scope: .room("R1"), from: day, to: day)[0].busy, "a participant sees it")
    }
}

final class LookupAuditTests: XCTestCase {
    func looks(_ f: Fixture) throws -> [AuditRecord] {
        try f.service.auditEntries(AuditFilter(kinds: [.citizenViewed, .exported, .lookupRefused, .citizensSearched], exceptionsFirst: false),
                                   as: "admin").sorted { $0.seq < $1.seq }
    }

    func testEveryKindOfLookIsLoggedOnceAndARefreshIsNot() throws {
        let f = try Fixture()
        let id = try f.citizen()
        _ = try f.service.citizen(id, as: "mette", purpose: "plan")
        _ = try f.service.citizen(id, as: "mette", purpose: "plan", logged: false)      // a refresh
        _ = try f.service.journey(id, as: "mette")
        _ = try f.service.journey(id, as: "mette", logged: false)
        try f.service.recordSearch("soren", results: 1, as: "mette")
        try f.service.recordExport(.planDocument, citizen: id, as: "mette")
        try f.service.recordExport(.calendarFile, citizen: nil, as: "mette")
        _ = try f.service.citizen(id, as: "per", reason: "Henvendelse fra borgeren")
        XCTAssertThrowsDomainError(try f.service.citizen(id, as: "per")) { $0 == .needsReason(citizen: id) }
        XCTAssertThrowsDomainError(try f.service.citizen("c999", as: "per")) { $0 == .needsReason(citizen: "c999") }
        let r = try looks(f)
        XCTAssertEqual(r.map(\.kind), [.citizenViewed, .citizenViewed, .citizensSearched, .exported, .exported, .citizenViewed,
                                       .lookupRefused, .lookupRefused])
        XCTAssertEqual(r.map { $0.what ?? "" }, ["plan", "journey", "search", "plan-document", "calendar-file", "detail", "refused", "refused"])
        XCTAssertEqual(r[2].query, "soren")
        XCTAssertEqual(r[5].reason, "Henvendelse fra borgeren"); XCTAssertTrue(r[5].brokeTheGlass)
        XCTAssertEqual(r[6].citizen, id); XCTAssertEqual(r[6].user, "per"); XCTAssertEqual(r[6].detail, "no work relation and no reason")
        XCTAssertEqual(r[7].citizen, "c999"); XCTAssertEqual(r[7].detail, "unknown citizen")
        // Exceptions first: the break-the-glass look, then the refusals, each newest first.
        let ordered = try f.service.auditEntries(AuditFilter(kinds: [.citizenViewed, .lookupRefused]), as: "karen")
        XCTAssertEqual(ordered.prefix(3).map(\.seq), [r[5].seq, r[7].seq, r[6].seq])
        XCTAssertThrowsDomainError(try f.service.auditEntries(AuditFilter(), as: "mette")) { if case .forbidden = $0 { return true }; return false }
    }

    func testUnknownAndNotYoursReadTheSameUntilAReasonIsGiven() throws {
        let f = try Fixture()
        let id = try f.citizen()
        let words = { (cid: String) -> String in
            do { _ = try f.service.citizen(cid, as: "per"); return "" } catch { return "\(error)".replacingOccurrences(of: cid, with: "ID") }
        }
        XCTAssertEqual(words(id), words("c77"))
        XCTAssertThrowsDomainError(try f.service.citizen("c77", as: "per", reason: "Ringede")) { if case .notFound = $0 { return true }; return false }
    }

    func testTheAuditFilterByCitizenNameCPRUserDateAndKind() throws {
        let f = try Fixture()
        let a = try f.citizen("0101901234", name: "Åse Ørum"), b = try f.citizen("0202902345", name: "Bo Berg")
        _ = try f.service.citizen(a, as: "mette"); _ = try f.service.citizen(b, as: "mette"); _ = try f.service.citizen(a, as: "karen")
        let byCitizen = { (text: String) in try f.service.auditEntries(AuditFilter(citizen: text, kinds: [.citizenViewed]), as: "karen").count }
        XCTAssertEqual(try byCitizen(a), 2); XCTAssertEqual(try byCitizen("010190-1234"), 2); XCTAssertEqual(try byCitizen("åse"), 2)
        XCTAssertEqual(try f.service.auditEntries(AuditFilter(user: "karen", kinds: [.citizenViewed]), as: "karen").count, 1)
        XCTAssertEqual(try f.service.auditEntries(AuditFilter(from: f.today + 1, kinds: [.citizenViewed]), as: "karen").count, 0)
        XCTAssertEqual(try f.service.auditEntries(AuditFilter(from: f.today, to: f.today, kinds: [.citizenViewed]), as: "karen").count, 3)
    }
}

final class SpotCheckAndReportTests: XCTestCase {
    func testSpotChecksDrawRecentLookupsSkipTheCheckedAndAreCountedByMonth() throws {
        let f = try Fixture()
        let id = try f.citizen()
        for _ in 0..<5 { _ = try f.service.citizen(id, as: "mette") }
        let drawn = try f.service.drawSpotCheck(count: 3, as: "karen")
        XCTAssertEqual(drawn.count, 3)
        XCTAssertTrue(drawn.allSatisfy { $0.kind == .citizenViewed && $0.user == "mette" })
        try f.service.recordSpotCheck(entry: drawn[0].seq, verdict: .workRelated, note: nil, as: "karen")
        try f.service.recordSpotCheck(entry: drawn[1].seq, verdict: .flagged, note: "Ingen aftale i kalenderen", as: "karen")
        XCTAssertThrowsDomainError(try f.service.recordSpotCheck(entry: drawn[0].seq, verdict: .flagged, note: nil, as: "karen")) {
            if case .conflict = $0 { return true }; return false
        }
        XCTAssertThrowsDomainError(try f.service.recordSpotCheck(entry: drawn[2].seq, verdict: .flagged, note: nil, as: "mette")) {
            if case .forbidden = $0 { return true }; return false
        }
        let again = try f.service.drawSpotCheck(count: 10, as: "karen")
        XCTAssertEqual(again.count, 3, "five looks, two checked")
        XCTAssertTrue(Set(again.map(\.seq)).isDisjoint(with: [drawn[0].seq, drawn[1].seq]))
        let counts = try f.service.spotCheckCounts(as: "karen")
        XCTAssertEqual(counts.map(\.month), ["2026-11"]); XCTAssertEqual(counts.map(\.count), [2])
        let flagged = try f.service.auditEntries(AuditFilter(kinds: [.spotChecked]), as: "karen")
        XCTAssertEqual(Set(flagged.compactMap(\.verdict)), [.workRelated, .flagged])
    }

    func testTheAccessReportInDanishWithNamesOrUnits() throws {
        let f = try Fixture()
        let id = try f.citizen()
        _ = try f.service.citizen(id, as: "mette", purpose: "plan")
        _ = try f.service.journey(id, as: "mette")
        _ = try f.service.citizen(id, as: "per", reason: "Borgeren ringede")
        try f.service.recordExport(.planDocument, citizen: id, as: "mette")
        XCTAssertThrowsDomainError(try f.service.citizen(id, as: "jonas")) { _ in true }
        let report = try f.service.accessReport(citizen: id, as: "karen")
        let units = report.render(names: false, format: .text)
        assertLines(units, """
        Opslag i dine oplysninger: Søren Sørensen
        Periode: hele perioden. Udskrevet 23-11-2026 kl. 11.00.

        23-11-2026 kl. 11.00 · Sagsbehandler i beskæftigelse · så din plan
        23-11-2026 kl. 11.00 · Sagsbehandler i beskæftigelse · så dit forløb
        23-11-2026 kl. 11.00 · Sagsbehandler i misbrugsbehandlingen · så din plan · begrundelse: "Borgeren ringede"
        23-11-2026 kl. 11.00 · Sagsbehandler i beskæftigelse · udskrev din plan
        23-11-2026 kl. 11.00 · Sagsbehandler i socialområdet · forsøgte at se dine oplysninger, men fik afslag

        I alt 5 opslag.

        """)
        XCTAssertFalse(units.contains("Mette") || units.contains("mette"))
        let named = report.render(names: true, format: .markdown)
        XCTAssertTrue(named.contains("| 23-11-2026 kl. 11.00 | Mette Kjær, sagsbehandler i beskæftigelse | så din plan |  |"), named)
        XCTAssertTrue(named.hasPrefix("# Opslag i dine oplysninger: Søren Sørensen"))
        XCTAssertEqual(try f.service.accessReport(citizen: id, from: f.today + 1, as: "karen").looks.count, 0)
        XCTAssertThrowsDomainError(try f.service.accessReport(citizen: id, as: "mette")) { if case .forbidden = $0 { return true }; return false }
    }
}
