import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The offers register and its weekly users: ISO weeks (across a year's end), an effort's run in
/// a week, and the figures' counts worked out by hand.
final class OfferTests: XCTestCase {
    func d(_ iso: String) -> Day { Day(iso: iso)! }

    func testISOWeeksAcrossTheYearsEnd() {
        let w53 = IsoWeek("2026-W53")!
        XCTAssertEqual(w53.monday, d("2026-12-28")); XCTAssertEqual(w53.sunday, d("2027-01-03"))
        XCTAssertEqual(IsoWeek(d("2027-01-03")), w53, "Sunday 3 January 2027 is in 2026's week 53")
        XCTAssertEqual(IsoWeek(d("2027-01-04")).iso, "2027-W01")
        XCTAssertEqual(w53.adding(weeks: 1), IsoWeek("2027W01"))
        XCTAssertNil(IsoWeek("2025-W53"), "2025 has 52 weeks")
        XCTAssertNil(IsoWeek("2026-W00"))
    }

    func testAnEffortRunsInAWeekFromItsStartToItsEnd() {
        let w53 = IsoWeek("2026-W53")!, w01 = IsoWeek("2027-W01")!
        func effort(_ start: String, _ end: String?, _ status: EffortStatus = .active) -> Effort {
            Effort(id: "e1", goal: nil, title: "t", sector: .social, legalBasis: "b", provider: "p", start: d(start), end: end.map(d), status: status, offer: "o1")
        }
        let endsSunday = effort("2026-12-20", "2027-01-03"), startsMonday = effort("2027-01-04", nil)
        XCTAssertTrue(endsSunday.ran(in: w53)); XCTAssertFalse(endsSunday.ran(in: w01), "ended the Sunday before")
        XCTAssertFalse(startsMonday.ran(in: w53)); XCTAssertTrue(startsMonday.ran(in: w01))
        XCTAssertTrue(effort("2026-12-01", "2026-12-28", .ended).ran(in: w53), "ended on the week's Monday: ran that day")
        XCTAssertFalse(effort("2026-12-29", nil, .planned).ran(in: w53), "planned: not begun")
        XCTAssertFalse(effort("2026-12-01", "2026-12-30", .cancelled).ran(in: w53), "cancelled")
    }

    /// Three citizens on 6 January 2027 (2027-W01). c1 at o1 from 20-12-2026 to Sunday 03-01-2027;
    /// c2 at o1 from Monday 04-01-2027; c3 at o2 (social) ended on Monday 28-12-2026; c4 at o1
    /// from 10-01-2027 (planned). Week 53: c1 and c3 (2); week 1: c2 (1).
    func testWeeklyUsersPerOfferAndSectorAcrossAWeekBoundary() throws {
        let f = try Fixture(clock: FixedClock(Timestamp(iso: "2027-01-06T10:00:00.000Z")!))
        let s = f.service
        try s.execute(.defineOffer(provider: "Kirkens Korshær", kind: .civilSociety, activity: "Madklub", place: "Algade 3", weekdays: [4, 2, 2]), as: "karen")
        try s.execute(.defineOffer(provider: "Café Ægte", kind: .socialEconomy, activity: "Praktik", place: "", weekdays: []), as: "karen")
        XCTAssertEqual(s.state.offers["o1"]?.weekdays, [2, 4])
        XCTAssertThrowsDomainError(try s.execute(.defineOffer(provider: "X", kind: .municipal, activity: "Y", place: "", weekdays: []), as: "mette")) {
            if case .forbidden = $0 { return true } else { return false }
        }
        let c1 = try f.citizenWithPlan("0101801234"), c2 = try f.citizenWithPlan("0202801234"), c3 = try f.citizenWithPlan("0303801234")
        let c4 = try f.citizenWithPlan("0404801234")
        func effort(_ c: String, _ offer: String, _ sector: Sector, _ start: String, _ end: String?) throws {
            try s.execute(.addEffort(citizen: c, goal: nil, title: "Tilbud", sector: sector, legalBasis: "SEL § 104", provider: "", start: d(start),
                                     end: end.map(d), offer: offer), as: "mette")
        }
        try effort(c1, "o1", .employment, "2026-12-20", "2027-01-03")
        try effort(c2, "o1", .employment, "2027-01-04", nil)
        try effort(c3, "o2", .social, "2026-12-01", nil)
        try s.execute(.setEffortStatus(citizen: c3, effort: "e1", status: .ended, end: d("2026-12-28")), as: "mette")
        try effort(c4, "o1", .employment, "2027-01-10", nil)
        XCTAssertEqual(s.state.citizens[c1]?.plan?.efforts[0].provider, "Kirkens Korshær", "the offer's provider")
        try s.execute(.reportAttendance(offer: "o1", week: IsoWeek("2026-W53")!, count: 9), as: "mette")
        try s.execute(.reportAttendance(offer: "o1", week: IsoWeek("2026-W53")!, count: 11), as: "mette")

        func table(to: String) throws -> FigureTable {
            try s.figures(.offers, filter: FigureFilter(period: Period(from: d("2026-10-01"), to: d(to))), as: "karen")
        }
        func cell(_ t: FigureTable, _ row: String, _ col: String) -> FigureCell { t.rows[t.row(row)!].cells[t.column(col)!] }
        let w53 = try table(to: "2027-01-03")
        XCTAssertEqual(cell(w53, "all", "offers").value, .count(2))
        XCTAssertEqual(cell(w53, "all", "weeklyUsers").citizens, [c1, c3])
        XCTAssertEqual(cell(w53, "offer:o1", "weeklyUsers").citizens, [c1])
        XCTAssertEqual(cell(w53, "offer:o2", "weeklyUsers").citizens, [c3])
        XCTAssertEqual(cell(w53, "sector:employment", "weeklyUsers").citizens, [c1])
        XCTAssertEqual(cell(w53, "sector:social", "weeklyUsers").citizens, [c3])
        XCTAssertEqual(cell(w53, "offer:o1", "attendance").value, .count(11), "the last report for the week")
        XCTAssertEqual(cell(w53, "all", "attendance").value, .count(11))
        let w01 = try table(to: "2027-01-31")   // runs on: this week
        XCTAssertEqual(cell(w01, "all", "weeklyUsers").citizens, [c2], "c4's effort has not begun")
        XCTAssertEqual(cell(w01, "offer:o2", "weeklyUsers").citizens, [])
        XCTAssertEqual(cell(w01, "all", "usersTrend").value, .spark([0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 1]),
                       "c3 from 01-12 (week 49), c1 from 20-12 (week 51), c2 alone in week 1")
        XCTAssertEqual(cell(w01, "all", "attendanceTrend").value, .spark([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11, 0]))
        // The attendance is a count only; a week not begun is refused.
        XCTAssertThrowsDomainError(try s.execute(.reportAttendance(offer: "o1", week: IsoWeek("2027-W02")!, count: 3), as: "mette")) {
            if case .invalid = $0 { return true } else { return false }
        }
    }
}
