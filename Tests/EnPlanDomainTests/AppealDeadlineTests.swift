import XCTest
import TestSupport
@_spi(Store) @testable import EnPlanDomain

/// Appeal deadlines as the Ministry of Justice's guidance reckons them: from the day of receipt
/// (which depends on how the decision was sent), four weeks, moved past weekends and holidays.
final class AppealDeadlineTests: XCTestCase {
    func testTheTable() {
        func d(_ s: String) -> Day { Day(iso: s)! }
        let cases: [(String, Delivery, String, String)] = [
            // sent, how, last day to appeal, why
            ("2026-11-23", .digital, "2026-12-21", "Digital Post: received the same day; four weeks, a Monday"),
            ("2026-11-23", .letter, "2026-12-28", "a letter on Monday: received Saturday; 26 Dec (a holiday, a Saturday) moves to Monday"),
            ("2026-11-24", .letter, "2026-12-28", "Tuesday: +5, received Sunday; 27 Dec a Sunday"),
            ("2026-11-25", .letter, "2026-12-30", "Wednesday: +7"),
            ("2026-11-26", .letter, "2026-12-30", "Thursday: +6"),
            ("2026-11-27", .letter, "2026-12-30", "Friday: +5"),
            ("2026-11-28", .letter, "2027-01-04", "Saturday: as if Monday; 2 Jan a Saturday"),
            ("2026-11-29", .letter, "2027-01-04", "Sunday: as if Monday"),
            ("2026-12-03", .digital, "2027-01-04", "31 Dec and New Year's Day are not working days"),
            ("2026-11-26", .digital, "2026-12-28", "24 Dec is not a working day, nor Christmas"),
            ("2027-02-25", .digital, "2027-03-30", "Easter: Maundy Thursday to Easter Monday"),
            ("2026-05-08", .digital, "2026-06-08", "Grundlovsdag"),
            ("2026-11-28", .hand, "2026-12-28", "by hand on a Saturday: received that day"),
            ("2026-11-23", .quickpost, "2026-12-23", "Quickpost: two days"),
        ]
        for (sent, how, expected, why) in cases {
            XCTAssertEqual(AppealDeadline.deadline(sent: d(sent), by: how, area: .sel).iso, expected, why)
        }
    }

    func testADecisionTakesItsDeadlineFromHowItWasSent() {
        let day = DecideCase.day, letter = AppealDeadline.deadline(sent: day, by: .letter, area: .lab)
        XCTAssertGreaterThan(letter, day + 28, "a letter is received days after it is sent")
        assertDecide(DecideCase("a decision sent as a letter", given: DecideCase.staff + [.registered("c1"), .consent("c1"), .plan("c1")],
                                when: .recordDecision(citizen: "c1", legalArea: .lab, date: day, text: "Bevilget", appealDeadline: nil, sent: .letter),
                                as: "mette",
                                then: .events([.init("c1", .decisionRecorded(Decision(id: "d1", legalArea: .lab, date: day, text: "Bevilget",
                                                                                     appealDeadline: letter, sector: .employment)))])))
    }
}
