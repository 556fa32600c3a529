import XCTest
@testable import EnPlanDomain

final class JSONTests: XCTestCase {
    func testFieldsRoundTripWithEscapesAndDanishLetters() throws {
        var f = Fields()
        f.set("name", "Åse \"Østergaard\" \\ Bæk\n\ttab")
        f.set("n", -42)
        f.set("ok", true)
        f.set("list", ["a", "ø"])
        var inner = Fields(); inner.set("k", "v")
        f.set("objects", [inner])
        let bytes = f.jsonBytes
        XCTAssertEqual(try JSONReader.decode(Fields.self, from: bytes), f)
        // jq and Python must read it too: Foundation's parser agrees.
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
        XCTAssertEqual(parsed["name"] as? String, "Åse \"Østergaard\" \\ Bæk\n\ttab")
    }

    func testReaderHandlesUnicodeEscapesAndRefusesGarbage() throws {
        XCTAssertEqual(try JSONReader.decode(Fields.self, from: #"{"a":"\u00f8\ud83d\ude00","b":null}"#), {
            var f = Fields(); f.set("a", "ø😀"); return f
        }())
        XCTAssertThrowsError(try JSONReader.decode(Fields.self, from: #"{"a":"x""#))
        XCTAssertThrowsError(try JSONReader.decode(Fields.self, from: #"{"a":1.5}"#))
        XCTAssertThrowsError(try JSONReader.decode(Fields.self, from: #"{"a":1} trailing"#))
        XCTAssertThrowsError(try JSONReader.decode(Fields.self, from: "{\"a\":\"line\nbreak\"}"))
    }

    func testEveryEventTypeRoundTrips() throws {
        let day = Day(year: 2026, month: 11, day: 23)!
        let events: [DomainEvent] = [
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
        ]
        for e in events {
            let bytes = e.fields.jsonBytes
            let back = try DomainEvent(type: e.type, fields: try JSONReader.decode(Fields.self, from: bytes))
            XCTAssertEqual(back, e, e.type)
        }
        XCTAssertThrowsError(try DomainEvent(type: "NoSuchEvent", fields: Fields()))
    }
}

import Foundation
