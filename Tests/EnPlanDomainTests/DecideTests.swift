import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// Every command's refusals: clear errors, and nothing appended.
final class DecideTests: XCTestCase {
    func testRegisteringACitizen() throws {
        let f = try Fixture()
        let id = try f.citizen("111299-1444", name: "  Åse Ærø  ")
        let c = f.service.state.citizens[id]!
        XCTAssertEqual(c.name, "Åse Ærø")
        XCTAssertEqual(c.responsible, "mette")
        XCTAssertEqual(c.sectors, [.employment])
        XCTAssertEqual(c.age(on: f.today), 26)

        let lines = try f.eventLines().count
        XCTAssertThrowsDomainError(try f.citizen("111299-1444")) { if case .conflict = $0 { return true }; return false }
        XCTAssertThrowsDomainError(try f.citizen("11129-1444")) { $0.isBadInput }
        XCTAssertThrowsDomainError(try f.citizen("311199-1444")) { $0.description.contains("not a real date") }
        XCTAssertThrowsDomainError(try f.citizen("010130-4444")) { $0.description.contains("future") }   // born 2030
        XCTAssertThrowsDomainError(try f.citizen("010190-1234", name: "   ")) { $0.description.contains("name is empty") }
        XCTAssertThrowsDomainError(try f.citizen("010190-1234", by: "admin")) { if case .forbidden = $0 { return true }; return false }
        XCTAssertThrowsDomainError(try f.service.execute(.registerCitizen(cpr: "010190-1234", name: "X", benefit: "uddannelseshjaelp", responsible: nil), as: "mette")) {
            $0.description.contains("not in force")   // ended 30 June 2025
        }
        XCTAssertThrowsDomainError(try f.service.execute(.registerCitizen(cpr: "010190-1234", name: "X", benefit: nil, responsible: "karen"), as: "mette")) {
            $0.description.contains("must be a caseworker")
        }
        XCTAssertEqual(try f.eventLines().count, lines)
    }

    func testAPlanNeedsConsentAndIsOnePerCitizen() throws {
        let f = try Fixture()
        let id = try f.citizen()
        XCTAssertThrowsDomainError(try f.service.execute(.createPlan(citizen: id, overallGoal: .employment, ownWords: ""), as: "mette")) {
            $0.description.contains("consent")
        }
        XCTAssertThrowsDomainError(try f.service.execute(.giveConsent(citizen: id, sectors: [.employment], given: nil), as: "mette")) {
            $0.description.contains("at least two sectors")
        }
        try f.service.execute(.giveConsent(citizen: id, sectors: [.employment, .social], given: nil), as: "mette")
        try f.service.execute(.createPlan(citizen: id, overallGoal: .employment, ownWords: "Arbejde"), as: "mette")
        XCTAssertThrowsDomainError(try f.service.execute(.createPlan(citizen: id, overallGoal: .education, ownWords: ""), as: "mette")) {
            $0.description.contains("one plan per citizen")
        }
    }

    func testEffortsDecisionsFollowUps() throws {
        let f = try Fixture()
        let id = try f.citizenWithPlan()
        let today = f.today
        try f.service.execute(.addGoal(citizen: id, area: .education, text: "Tømrerlærling"), as: "mette")
        try f.service.execute(.addEffort(citizen: id, goal: "g1", title: "Mentor", sector: .employment, legalBasis: "LAB § 31",
                                         provider: "Jobcentret", start: today, end: today + 90), as: "mette")
        XCTAssertThrowsDomainError(try f.service.execute(.addEffort(citizen: id, goal: "g9", title: "x", sector: .social, legalBasis: "SEL § 85",
                                                                    provider: "p", start: today, end: nil), as: "mette")) { $0.description.contains("no goal g9") }
        XCTAssertThrowsDomainError(try f.service.execute(.addEffort(citizen: id, goal: nil, title: "x", sector: .social, legalBasis: "SEL § 85",
                                                                    provider: "p", start: today, end: today + -1), as: "mette")) { $0.description.contains("before it starts") }
        try f.service.execute(.recordDecision(citizen: id, legalArea: .sel, date: today, text: "Bevilget", appealDeadline: nil), as: "mette")
        XCTAssertEqual(f.service.state.citizens[id]!.plan!.decisions[0].appealDeadline, today + 28, "appeal deadline defaults to four weeks")
        try f.service.execute(.scheduleFollowUp(citizen: id, due: today + -3), as: "mette", on: today + -60)
        XCTAssertEqual(f.service.state.citizens[id]!.plan!.overdueFollowUps(on: today), 1)
        XCTAssertThrowsDomainError(try f.service.execute(.completeFollowUp(citizen: id, followUp: "f1", done: today + 1, result: .continue, note: nil), as: "mette")) {
            $0.description.contains("future")
        }
        try f.service.execute(.completeFollowUp(citizen: id, followUp: "f1", done: today, result: .change, note: "Ny praktik"), as: "mette")
        XCTAssertEqual(f.service.state.citizens[id]!.plan!.overdueFollowUps(on: today), 0)
        XCTAssertThrowsDomainError(try f.service.execute(.completeFollowUp(citizen: id, followUp: "f1", done: today, result: .end, note: nil), as: "mette")) {
            $0.description.contains("completed already")
        }
        XCTAssertThrowsDomainError(try f.service.execute(.recordAssessment(citizen: id, domain: "Helbred", score: 5, date: today), as: "mette")) {
            $0.description.contains("0-4")
        }
        try f.service.execute(.recordAssessment(citizen: id, domain: "Helbred", score: 9, date: today), as: "mette")
    }

    func testReferralsAreAnsweredByTheReceivingSector() throws {
        let f = try Fixture()
        let id = try f.citizenWithPlan()
        XCTAssertThrowsDomainError(try f.service.execute(.sendReferral(citizen: id, to: .employment, text: "x"), as: "mette")) {
            $0.description.contains("another sector")
        }
        try f.service.execute(.sendReferral(citizen: id, to: .misuse, text: "Vurdering af alkoholforbrug", confirmedSharing: true), as: "mette")
        XCTAssertTrue(f.service.state.citizens[id]!.sectors.contains(.misuse), "a referral involves the receiving sector")
        XCTAssertThrowsDomainError(try f.service.execute(.answerReferral(citizen: id, referral: "r1", status: .accepted), as: "mette")) {
            $0.description.contains("only the misuse sector")
        }
        try f.service.execute(.answerReferral(citizen: id, referral: "r1", status: .accepted), as: "per")
        XCTAssertThrowsDomainError(try f.service.execute(.answerReferral(citizen: id, referral: "r1", status: .rejected), as: "per")) {
            $0.description.contains("cannot become")
        }
    }

    func testMeetingsRefuseDoubleBookingsUnlessAllowed() throws {
        let f = try Fixture()
        let id = try f.citizen()
        let start = LocalTime(iso: "2026-11-24T10:00")!
        try f.service.execute(.scheduleMeeting(type: .network, citizen: id, start: start, minutes: 60, room: "Lokale 1",
                                               participants: ["mette", "jonas"], guests: [], allowConflict: false), as: "mette")
        XCTAssertThrowsDomainError(try f.service.execute(.scheduleMeeting(type: .other, citizen: nil, start: start.adding(minutes: 30), minutes: 30,
                                                                          room: nil, participants: ["jonas"], guests: [], allowConflict: false), as: "jonas")) {
            $0.description == "jonas is booked in meeting m1 from 2026-11-24 10:00 to 11:00"
        }
        XCTAssertThrowsDomainError(try f.service.execute(.scheduleMeeting(type: .other, citizen: nil, start: start, minutes: 30,
                                                                          room: "Lokale 1", participants: ["per"], guests: [], allowConflict: false), as: "per")) {
            $0.description.hasPrefix("room Lokale 1 is booked")
        }
        try f.service.execute(.scheduleMeeting(type: .other, citizen: nil, start: start.adding(minutes: 60), minutes: 30,
                                               room: "Lokale 1", participants: ["jonas"], guests: [], allowConflict: false), as: "jonas")
        try f.service.execute(.scheduleMeeting(type: .other, citizen: nil, start: start, minutes: 30,
                                               room: nil, participants: ["jonas"], guests: [], allowConflict: true), as: "jonas")
        XCTAssertTrue(f.service.state.citizens[id]!.participants.contains("jonas"))
    }

    func testUsersAndTheFirstAdministrator() throws {
        let f = try Fixture(seedUsers: false)
        XCTAssertThrowsDomainError(try f.service.execute(.createUser(User(id: "bo", name: "Bo", sector: .health, role: .caseworker), passwordHash: "h"), as: "bo")) {
            $0.description.contains("first user must be an administrator")
        }
        try f.service.execute(.createUser(User(id: "boss", name: "Boss", sector: .health, role: .admin), passwordHash: "h"), as: "boss")
        try f.service.execute(.createUser(User(id: "bo", name: "Bo", sector: .health, role: .caseworker), passwordHash: "h"), as: "boss")
        XCTAssertThrowsDomainError(try f.service.execute(.createUser(User(id: "cc", name: "C", sector: .health, role: .caseworker), passwordHash: "h"), as: "bo")) {
            if case .forbidden = $0 { return true }; return false
        }
        XCTAssertThrowsDomainError(try f.service.execute(.createUser(User(id: "Bad Id", name: "C", sector: .health, role: .caseworker), passwordHash: "h"), as: "boss")) {
            $0.description.contains("user id")
        }
        XCTAssertThrowsDomainError(try f.service.execute(.createUser(User(id: "bo", name: "C", sector: .health, role: .caseworker), passwordHash: "h"), as: "boss")) {
            $0.description.contains("exists already")
        }
        try f.service.execute(.setUserActive(user: "bo", active: false), as: "boss")
        XCTAssertThrowsDomainError(try f.service.execute(.registerCitizen(cpr: "0101901234", name: "A", benefit: nil, responsible: nil), as: "bo")) {
            $0.description.contains("deactivated")
        }
    }

    func testBenefitsAreADateBoundedCodeList() throws {
        let f = try Fixture()
        let day = f.today
        try f.service.execute(.defineBenefit(Benefit(code: "ny-ydelse", danish: "Ny ydelse", english: "New benefit", validFrom: day + -10, validTo: nil)), as: "admin")
        try f.service.execute(.registerCitizen(cpr: "0101901234", name: "A", benefit: "ny-ydelse", responsible: nil), as: "mette")
        try f.service.execute(.defineBenefit(Benefit(code: "ny-ydelse", danish: "Ny ydelse", english: "New benefit", validFrom: day + -10, validTo: day + -1)), as: "admin")
        XCTAssertThrowsDomainError(try f.service.execute(.registerCitizen(cpr: "0201901234", name: "B", benefit: "ny-ydelse", responsible: nil), as: "mette")) {
            $0.description.contains("not in force")
        }
    }
}
