import Foundation
import XCTest
@testable import EnPlanDomain

/// The on-disk formats byte for byte, so that a restructuring cannot change what existing stores
/// hold: each event type's payload (Golden/events.txt) and every kind of audit record
/// (Golden/audit.jsonl). ENPLAN_UPDATE_GOLDEN=1 rewrites them (then read the diff before committing).
final class FormatGoldenTests: XCTestCase {
    private func golden(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/" + name)
    }

    private func compare(_ actual: String, golden name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = golden(name)
        if ProcessInfo.processInfo.environment["ENPLAN_UPDATE_GOLDEN"] == "1" { try Data(actual.utf8).write(to: url) }
        XCTAssertEqual(actual, try String(contentsOf: url, encoding: .utf8), name, file: file, line: line)
    }

    func testEventPayloadsAreWrittenAsBefore() throws {
        let text = EventSamples.all.map { "\($0.type) \($0.fields.json)\n" }.joined()
        try compare(text, golden: "events.txt")
    }

    func testAuditRecordsAreWrittenAsBefore() throws {
        let f = try Fixture()
        let s = f.service
        let c = try f.citizenWithPlan()
        try s.execute(.scheduleMeeting(type: .network, citizen: c, start: LocalTime(iso: "2026-11-24T10:00")!, minutes: 60, room: "R",
                                       participants: ["mette"], guests: [], allowConflict: false), as: "mette")
        _ = try s.login("mette", password: "demo")
        _ = try? s.login("mette", password: "wrong")
        _ = try? s.login("nobody", password: "demo")
        for _ in 0..<5 { _ = try? s.login("jonas", password: "wrong") }
        _ = try? s.login("jonas", password: "demo")   // locked after five failures
        _ = try s.citizens(as: "mette")
        try s.recordListRefresh(added: 2, total: 7, as: "mette")
        try s.recordSearch("sør", results: 1, as: "mette")
        _ = try s.citizen(c, as: "mette")
        _ = try s.citizen(c, as: "per", reason: "  akut henvendelse  ")
        _ = try s.history(c, as: "mette")
        _ = try s.journey(c, as: "mette")
        _ = try s.meetings(as: "mette", scope: .user("mette"), from: f.today, to: f.today + 7)
        _ = try s.meetings(as: "mette", scope: .room("R"), from: f.today, to: f.today + 7)
        _ = try s.meetings(as: "mette", scope: .citizen(c), from: f.today, to: f.today + 7)
        _ = try s.auditTrail(as: "karen", citizen: c)
        _ = try s.auditTrail(as: "karen")
        try compare(try String(contentsOfFile: f.dir + "/" + Store.auditFile, encoding: .utf8), golden: "audit.jsonl")
    }
}

/// One sample of every event type, with optional fields both set and left out.
enum EventSamples {
    static let day = Day(year: 2026, month: 11, day: 23)!
    static let all: [DomainEvent] = [
        .userCreated(User(id: "u1", name: "Ü", sector: .health, role: .supervisor), passwordHash: "$y$x"),
        .passwordChanged(passwordHash: "$y$y"), .userActiveSet(active: false), .loginFailed, .loginSucceeded,
        .benefitDefined(Benefit(code: "x", danish: "Ø", english: "O", validFrom: day, validTo: day + 3)),
        .citizenRegistered(cpr: "0101901234", name: "Å", benefit: nil, responsible: "u1", sectors: [.family, .misuse]),
        .citizenDetailsChanged(name: "B", benefit: "fleksjob"), .responsibleChanged(user: "u2"), .contactPersonChosen(name: nil),
        .householdLinked(HouseholdMember(relation: .child, name: "C", citizen: "c2")),
        .consentGiven(Consent(id: "s1", sectors: [.employment, .health], given: day, withdrawn: nil)),
        .consentWithdrawn(id: "s1", date: day), .planCreated(overallGoal: .education, ownWords: "ord", date: day),
        .planGoalChanged(overallGoal: .employment, ownWords: ""), .goalAdded(Goal(id: "g1", area: .housing, text: "t", status: .open)),
        .goalStatusChanged(id: "g1", status: .achieved),
        .effortAdded(Effort(id: "e1", goal: nil, title: "t", sector: .social, legalBasis: "SEL § 85", provider: "p", start: day, end: nil, status: .planned)),
        .effortStatusChanged(id: "e1", status: .ended, end: day),
        .decisionRecorded(Decision(id: "d1", legalArea: .barnetsLov, date: day, text: "t", appealDeadline: day + 28)),
        .followUpScheduled(id: "f1", due: day), .followUpCompleted(id: "f1", done: day, result: .reassess, note: "n"),
        .assessmentRecorded(Assessment(domain: "Helbred", score: 9, date: day)),
        .referralSent(Referral(id: "r1", from: .employment, to: .misuse, text: "t", date: day, status: .requested)),
        .referralAnswered(id: "r1", status: .rejected),
        .contactLogged(channel: .digital, sector: .family, note: nil, at: Timestamp(iso: "2026-11-01T08:00:00.000Z")),
        .meetingScheduled(Meeting(id: "m1", type: .roundtable, citizen: "c1", start: LocalTime(iso: "2026-11-24T10:00")!, minutes: 60,
                                  room: "R", participants: ["u1", "u2"], guests: [Guest(kind: .partner, name: "A", organisation: "O")],
                                  status: .planned, outcome: nil)),
        .meetingStatusChanged(status: .noshow, outcome: "x"),
        .meetingJoined(participants: ["u3"], guests: [Guest(kind: .relative, name: "R", organisation: nil)], agenda: ["f1"]),
        .goalChanged(id: "g1", area: .health, text: "Ny tekst"),
        .effortChanged(id: "e1", goal: "g1", title: "Mentor", legalBasis: "LAB § 31", provider: "Jobcentret", start: day, end: day + 90),
        .templateApplied(template: "ung", name: "Ung i job", start: day),
        .templateDefined(PlanTemplate(id: "ung", name: "Ung i job", description: "d",
                                      goals: [.init(key: "job", area: .job, text: "Job")],
                                      efforts: [.init(goal: "job", title: "Mentor", sector: .employment, legalBasis: "LAB § 31",
                                                      provider: "Jobcentret", startAfterDays: 7, days: 90),
                                                .init(goal: nil, title: "Samtale", sector: .social, legalBasis: "SEL § 11",
                                                      provider: "Rådgivningen", startAfterDays: 0, days: nil)],
                                      followUpDays: [30, 90])),
    ]
}
