import XCTest
@_spi(Store) @testable import EnPlanDomain

final class DayTests: XCTestCase {
    let today = Day(year: 2026, month: 11, day: 23)!

    func testISOWeeks() {
        XCTAssertEqual(today.isoWeek.week, 48)
        XCTAssertEqual(Day(year: 2021, month: 1, day: 3)!.isoWeek.week, 53)      // belongs to 2020's week 53
        XCTAssertEqual(Day(year: 2021, month: 1, day: 3)!.isoWeek.year, 2020)
        XCTAssertEqual(Day(year: 2024, month: 12, day: 30)!.isoWeek.week, 1)     // 2025's week 1
        XCTAssertEqual(today.weekday, 1)                                         // a Monday
    }

    func testDatesAsPeopleTypeThem() {
        XCTAssertEqual(DayInput.parse("24-12-2026", today: today), Day(year: 2026, month: 12, day: 24))
        XCTAssertEqual(DayInput.parse("2026-12-24", today: today), Day(year: 2026, month: 12, day: 24))
        XCTAssertEqual(DayInput.parse("i dag", today: today), today)
        XCTAssertEqual(DayInput.parse("today", today: today), today)
        XCTAssertEqual(DayInput.parse("+2w", today: today), today + 14)
        XCTAssertEqual(DayInput.parse("+3d", today: today), today + 3)
        XCTAssertEqual(DayInput.parse("-1w", today: today), today + -7)
        XCTAssertEqual(DayInput.parse("+1m", today: today), Day(year: 2026, month: 12, day: 23))
        XCTAssertNil(DayInput.parse("31-02-2026", today: today))
        XCTAssertNil(DayInput.parse("tomorrowish", today: today))
        XCTAssertNil(DayInput.parse("+2x", today: today))
    }

    func testTimestampsRoundTrip() {
        let s = "2026-11-23T09:15:02.123Z"
        XCTAssertEqual(Timestamp(iso: s)?.iso, s)
        XCTAssertNil(Timestamp(iso: "2026-11-23 09:15:02"))
        XCTAssertEqual(Timestamp(Date(timeIntervalSince1970: 0)).iso, "1970-01-01T00:00:00.000Z")
    }

    func testCopenhagenWallClockAcrossDaylightSaving() {
        // 29 March 2026 02:00 UTC+1 clocks go forward: 10:00 local is 08:00 UTC after, 09:00 UTC before.
        XCTAssertEqual(Timestamp(iso: "2026-03-27T09:00:00.000Z")!.local.iso, "2026-03-27T10:00")
        XCTAssertEqual(Timestamp(iso: "2026-03-30T08:00:00.000Z")!.local.iso, "2026-03-30T10:00")
    }
}

import Foundation

/// The program's one clock, set by `ENPLAN_CLOCK`, and wall-clock times that do not exist.
final class ProgramClockTests: XCTestCase {
    func testTheClockStartsAtTheSetTimeAndRuns() throws {
        let sunday = try XCTUnwrap(ProgramClock.clock("2026-12-13T10:00"))
        XCTAssertEqual(sunday.now().local.day, Day(year: 2026, month: 12, day: 13))
        XCTAssertEqual(sunday.now().local.minuteOfDay / 60, 10)
        XCTAssertEqual(try XCTUnwrap(ProgramClock.clock("2026-12-25")).now().local.iso.prefix(13), "2026-12-25T09")
        XCTAssertEqual(try XCTUnwrap(ProgramClock.clock("2026-07-01T08:00:00.000Z")).now().local.iso.prefix(13), "2026-07-01T10")
        let a = sunday.now(); usleep(20_000)
        XCTAssertGreaterThan(sunday.now(), a, "time passes on a set clock")
        for bad in ["", "tomorrow", "2026-13-01", "0001-01-01", "9999-12-31T10:00", "2027-03-28T02:30"] {
            XCTAssertNil(ProgramClock.clock(bad), bad)
        }
    }

    func testLocalTimesInTheSpringGapDoNotExist() throws {
        // Summer time begins on the last Sunday of March at 02:00 (28-03-2027): 02:00-02:59 is skipped.
        XCTAssertNil(LocalTime(iso: "2027-03-28T02:30")!.instant)
        XCTAssertEqual(LocalTime(iso: "2027-03-28T03:00")!.instant?.iso, "2027-03-28T01:00:00.000Z")
        XCTAssertEqual(LocalTime(iso: "2027-03-28T01:59")!.instant?.iso, "2027-03-28T00:59:00.000Z")
        // The repeated hour in October is its first (summer-time) instant.
        XCTAssertEqual(LocalTime(iso: "2026-10-25T02:30")!.instant?.iso, "2026-10-25T00:30:00.000Z")
        XCTAssertEqual(LocalTime(iso: "2026-12-09T10:00")!.instant?.local.iso, "2026-12-09T10:00")
    }
}
