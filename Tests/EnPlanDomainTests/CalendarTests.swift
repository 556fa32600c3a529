import Foundation
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

final class CalendarTests: XCTestCase {
    func day(_ s: String) -> Day { Day(iso: s)! }

    func testDanishHolidays() {
        XCTAssertEqual(Holidays.easterSunday(2026), day("2026-04-05"))
        XCTAssertEqual(Holidays.easterSunday(2027), day("2027-03-28"))
        XCTAssertEqual(Holidays.name(of: day("2026-04-02")), "Skærtorsdag")
        XCTAssertEqual(Holidays.name(of: day("2026-04-03")), "Langfredag")
        XCTAssertEqual(Holidays.name(of: day("2026-04-06")), "2. påskedag")
        XCTAssertEqual(Holidays.name(of: day("2026-05-14")), "Kristi himmelfartsdag")
        XCTAssertEqual(Holidays.name(of: day("2026-05-25")), "2. pinsedag")
        XCTAssertEqual(Holidays.name(of: day("2026-12-24")), "Juleaftensdag")
        XCTAssertEqual(Holidays.name(of: day("2026-06-05")), "Grundlovsdag")
        XCTAssertEqual(Holidays.name(of: day("2023-05-05")), "Store Bededag")
        XCTAssertNil(Holidays.name(of: day("2026-05-01")), "Store Bededag was abolished from 2024")
        XCTAssertNil(Holidays.name(of: day("2026-11-24")))
    }

    private func fixtureWithMeetings() throws -> Fixture {
        let f = try Fixture()
        let c = try f.citizen()
        // mette busy Tuesday 24 Nov 08:00-10:00, jonas 10:00-11:30; Lokale 1 taken 11:30-12:00.
        for (who, start, minutes, room) in [(["mette"], "2026-11-24T08:00", 120, nil), (["jonas"], "2026-11-24T10:00", 90, nil),
                                            (["per"], "2026-11-24T11:30", 30, "Lokale 1")] as [([String], String, Int, String?)] {
            try f.service.execute(.scheduleMeeting(type: .other, citizen: nil, start: LocalTime(iso: start)!, minutes: minutes, room: room,
                                                   participants: who, guests: [], allowConflict: false), as: who[0])
        }
        _ = c
        return f
    }

    /// A leaver's place in a coming meeting goes to a colleague, checked as a booking is; the
    /// meeting's citizen is no longer open to the one who left it through that meeting.
    func testAParticipantIsReplacedOnlyByAFreeActiveColleague() throws {
        let f = try Fixture()
        let c = try f.citizen()
        let s = f.service
        let start = LocalTime(iso: "2026-11-25T10:00")!
        let m = try s.execute(.scheduleMeeting(type: .network, citizen: c, start: start, minutes: 60, room: nil, participants: ["mette", "per"],
                                               guests: [], allowConflict: false), as: "mette")[0].stream
        try s.execute(.scheduleMeeting(type: .other, citizen: nil, start: start, minutes: 30, room: nil, participants: ["jonas"], guests: [],
                                       allowConflict: false), as: "jonas")
        XCTAssertTrue(f.store.projection.citizens[c]!.participants.contains("per"))
        XCTAssertThrowsDomainError(try s.execute(.replaceParticipant(meeting: m, leaving: "mette", by: "jonas"), as: "admin")) {
            if case .conflict = $0 { return true }; return false
        }
        XCTAssertThrowsDomainError(try s.execute(.replaceParticipant(meeting: m, leaving: "karen", by: "jonas"), as: "admin")) {
            if case .invalid(.notAParticipant(user: "karen", meeting: m)) = $0 { return true }; return false
        }
        XCTAssertThrowsDomainError(try s.execute(.replaceParticipant(meeting: m, leaving: "per", by: nil), as: "jonas")) {
            if case .forbidden = $0 { return true }; return false
        }
        XCTAssertEqual(s.restaffing([m], to: "jonas").busy, [m])
        XCTAssertEqual(s.restaffing([m], to: "karen").free, [m])

        try s.execute(.replaceParticipant(meeting: m, leaving: "per", by: "karen"), as: "admin")
        XCTAssertEqual(f.store.projection.meetings[m]!.participants, ["mette", "karen"], "the newcomer takes the leaver's place")
        XCTAssertFalse(f.store.projection.citizens[c]!.participants.contains("per"), "the meeting no longer opens the citizen to per")
        try s.execute(.replaceParticipant(meeting: m, leaving: "karen", by: nil), as: "mette")
        XCTAssertEqual(f.store.projection.meetings[m]!.participants, ["mette"])
        XCTAssertThrowsDomainError(try s.execute(.replaceParticipant(meeting: m, leaving: "mette", by: nil), as: "mette")) {
            if case .invalid(.noParticipants) = $0 { return true }; return false
        }
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertEqual(reopened.projection.meetings[m], f.store.projection.meetings[m], "replayed as it was applied")
    }

    func testFirstFreeSlotForEveryoneAndTheRoom() throws {
        let f = try fixtureWithMeetings()
        let after = LocalTime(iso: "2026-11-24T07:00")!
        XCTAssertEqual(Scheduling.firstFreeSlot(participants: ["mette", "jonas"], room: nil, minutes: 60, after: after, in: f.store.projection)?.iso,
                       "2026-11-24T11:30")
        XCTAssertEqual(Scheduling.firstFreeSlot(participants: ["mette", "jonas"], room: "Lokale 1", minutes: 60, after: after, in: f.store.projection)?.iso,
                       "2026-11-24T12:00")
        XCTAssertEqual(Scheduling.firstFreeSlot(participants: ["mette"], room: nil, minutes: 60, after: LocalTime(iso: "2026-11-24T15:30")!,
                                                in: f.store.projection)?.iso, "2026-11-25T08:00", "not past 16:00")
        XCTAssertEqual(Scheduling.firstFreeSlot(participants: ["mette"], room: nil, minutes: 30, after: LocalTime(iso: "2026-11-24T08:05")!,
                                                in: f.store.projection)?.iso, "2026-11-24T10:00", "on the quarter hour")
    }

    func testFreeSlotsSkipWeekendsHolidaysAndKeepWallClockAcrossDaylightSaving() throws {
        let f = try Fixture()
        let s = f.store.projection
        // Thursday 24 December 2026 → Christmas Eve, Christmas, Boxing Day, weekend → Monday 28.
        XCTAssertEqual(Scheduling.firstFreeSlot(participants: ["mette"], room: nil, minutes: 60, after: LocalTime(iso: "2026-12-24T09:00")!, in: s)?.iso,
                       "2026-12-28T08:00")
        // Easter 2026: Thursday 2 April to Monday 6 April are holidays.
        XCTAssertEqual(Scheduling.firstFreeSlot(participants: ["mette"], room: nil, minutes: 60, after: LocalTime(iso: "2026-04-02T07:00")!, in: s)?.iso,
                       "2026-04-07T08:00")
        // The Monday after clocks go forward (29 March 2026) and back (25 October): still 08:00 local.
        XCTAssertEqual(Scheduling.firstFreeSlot(participants: ["mette"], room: nil, minutes: 60, after: LocalTime(iso: "2026-03-28T12:00")!, in: s)?.iso,
                       "2026-03-30T08:00")
        XCTAssertEqual(Scheduling.firstFreeSlot(participants: ["mette"], room: nil, minutes: 60, after: LocalTime(iso: "2026-10-24T12:00")!, in: s)?.iso,
                       "2026-10-26T08:00")
        XCTAssertNil(Scheduling.firstFreeSlot(participants: ["mette"], room: nil, minutes: 600, after: LocalTime(iso: "2026-10-24T12:00")!, in: s))
    }

    func testMergeSuggestionWithinFourteenDays() throws {
        let f = try Fixture()
        let c = try f.citizen()
        try f.service.execute(.scheduleMeeting(type: .network, citizen: c, start: LocalTime(iso: "2026-12-01T10:00")!, minutes: 60, room: nil,
                                               participants: ["mette"], guests: [], allowConflict: false), as: "mette")
        XCTAssertEqual(Scheduling.mergeCandidate(citizen: c, near: LocalTime(iso: "2026-12-10T09:00")!, in: f.store.projection)?.id, "m1")
        XCTAssertNil(Scheduling.mergeCandidate(citizen: c, near: LocalTime(iso: "2026-12-20T09:00")!, in: f.store.projection))
        try f.service.execute(.setMeetingStatus(meeting: "m1", status: .cancelled, outcome: nil), as: "mette")
        XCTAssertNil(Scheduling.mergeCandidate(citizen: c, near: LocalTime(iso: "2026-12-10T09:00")!, in: f.store.projection))
    }

    func testTheOutcomeCompletesTheFollowUpsOnTheAgenda() throws {
        let f = try Fixture()
        let c = try f.citizenWithPlan()
        try f.service.execute(.scheduleFollowUp(citizen: c, due: f.today + -2), as: "mette", on: f.today + -60)
        try f.service.execute(.scheduleFollowUp(citizen: c, due: f.today + 30), as: "mette")
        try f.service.execute(.addEffort(citizen: c, goal: nil, title: "Mentor", sector: .employment, legalBasis: "LAB § 31",
                                         provider: "Jobcentret", start: f.today, end: nil), as: "mette")
        XCTAssertThrowsDomainError(try f.service.execute(.scheduleMeeting(type: .followup, citizen: c, start: LocalTime(iso: "2026-11-23T08:00")!, minutes: 60,
                                                                          room: nil, participants: ["mette"], guests: [], allowConflict: false, agenda: ["f9"]), as: "mette")) {
            $0.description.contains("f9 is not an open follow-up")
        }
        try f.service.execute(.scheduleMeeting(type: .followup, citizen: c, start: LocalTime(iso: "2026-11-23T08:00")!, minutes: 60, room: nil,
                                               participants: ["mette"], guests: [], allowConflict: false, agenda: ["f1", "e1"]), as: "mette")
        XCTAssertEqual(f.service.state.citizens[c]!.plan!.overdueFollowUps(on: f.today), 1)
        let events = try f.service.execute(.recordMeetingOutcome(meeting: "m1", status: .held, outcome: "Praktik aftalt", completeFollowUps: .change), as: "mette")
        XCTAssertEqual(events.map(\.type), ["MeetingStatusChanged", "FollowUpCompleted"])
        let plan = f.service.state.citizens[c]!.plan!
        XCTAssertEqual(plan.followUps[0].done, f.today)
        XCTAssertEqual(plan.followUps[0].result, .change)
        XCTAssertNil(plan.followUps[1].done, "not on the agenda: still open")
        XCTAssertEqual(f.service.state.meetings["m1"]?.outcome, "Praktik aftalt")
        XCTAssertEqual(plan.overdueFollowUps(on: f.today), 0)
    }

    func testICalendarExportIsPrivateFoldedAndStable() throws {
        let f = try Fixture()
        let c = try f.citizen("0101901234", name: "Søren Sørensen")
        try f.service.execute(.scheduleMeeting(type: .network, citizen: c, start: LocalTime(iso: "2026-03-30T10:00")!, minutes: 90,
                                               room: "Mødelokale 1; bygning B", participants: ["mette", "jonas"],
                                               guests: [Guest(kind: .citizen, name: "Søren Sørensen", organisation: nil),
                                                        Guest(kind: .partner, name: "Anna Vestergaard", organisation: "Region Sjælland Psykiatri, Roskilde")],
                                               allowConflict: false), as: "mette", on: Day(iso: "2026-03-02")!)   // booked before it was held
        try f.service.execute(.setMeetingStatus(meeting: "m1", status: .cancelled, outcome: "Borgeren er indlagt"), as: "mette")
        let meetings = try f.service.meetings(as: "mette", scope: .citizen(c), from: Day(iso: "2026-03-01")!, to: Day(iso: "2026-04-30")!)
        let ics = ICalendar.export(meetings, state: f.store.projection, storeID: f.store.identity)
        XCTAssertTrue(ics.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF line ends only")
        for line in ics.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75, line) }
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(unfolded.contains("DTSTART;TZID=Europe/Copenhagen:20260330T100000\r\n"))
        XCTAssertTrue(unfolded.contains("DTEND;TZID=Europe/Copenhagen:20260330T113000\r\n"))
        XCTAssertTrue(unfolded.contains("SUMMARY:Netværksmøde\r\n"), "the type, no initials")
        XCTAssertTrue(unfolded.contains("DESCRIPTION:EnPlan-møde m1\r\n"))
        XCTAssertTrue(unfolded.contains("LOCATION:Mødelokale 1\\; bygning B\r\n"))
        XCTAssertTrue(unfolded.contains("UID:m1-\(f.store.identity)@enplan\r\n"))
        XCTAssertTrue(unfolded.contains("SEQUENCE:1\r\n"), "one change after scheduling")
        XCTAssertTrue(unfolded.contains("STATUS:CANCELLED\r\n"))
        XCTAssertTrue(unfolded.contains("ATTENDEE;CN=\"ekstern deltager\""))
        XCTAssertTrue(unfolded.contains("ATTENDEE;CN=\"Mette Kjær\""), "municipal participants by name")
        XCTAssertTrue(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen"))
        for secret in ["0101901234", "010190", "Søren", "S.S.", "indlagt", "Anna", "Region", "Psykiatri"] { XCTAssertFalse(unfolded.contains(secret), secret) }
        // The same meeting exported again has the same UID.
        XCTAssertEqual(ICalendar.export(meetings, state: f.store.projection, storeID: f.store.identity), ics)
    }

    /// The export byte for byte: Tests/EnPlanDomainTests/Golden/meetings.ics. ENPLAN_UPDATE_GOLDEN=1
    /// rewrites it (then read the diff before committing it).
    func testICalendarGoldenFile() throws {
        let f = try Fixture()
        let c = try f.citizen("0101901234", name: "Åse Ærø Østergaard")
        try f.service.execute(.scheduleMeeting(type: .roundtable, citizen: c, start: LocalTime(iso: "2026-10-26T09:00")!, minutes: 120,
                                               room: "Borgerrummet, 2. sal", participants: ["mette", "jonas", "per"],
                                               guests: [Guest(kind: .relative, name: "Mor", organisation: nil),
                                                        Guest(kind: .partner, name: "Henrik Bach", organisation: "Kirkens Korshær")],
                                               allowConflict: false), as: "mette", on: Day(iso: "2026-10-01")!)   // booked before they were held
        try f.service.execute(.scheduleMeeting(type: .rehab, citizen: nil, start: LocalTime(iso: "2026-03-29T14:00")!, minutes: 45, room: nil,
                                               participants: ["karen"], guests: [], allowConflict: false), as: "karen", on: Day(iso: "2026-03-02")!)
        try f.service.execute(.setMeetingStatus(meeting: "m2", status: .cancelled, outcome: nil), as: "karen")
        let meetings = f.store.projection.meetings.values.map { $0 }
        let ics = ICalendar.export(meetings, state: f.store.projection, storeID: "golden")
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/meetings.ics")
        if ProcessInfo.processInfo.environment["ENPLAN_UPDATE_GOLDEN"] == "1" { try Data(ics.utf8).write(to: golden) }
        XCTAssertEqual(ics, try String(contentsOf: golden, encoding: .utf8))
    }

    func testCalendarsHideCitizensTheViewerMayNotSee() throws {
        let f = try Fixture()
        let c = try f.citizen()
        try f.service.execute(.scheduleMeeting(type: .network, citizen: c, start: LocalTime(iso: "2026-11-25T10:00")!, minutes: 60, room: "R",
                                               participants: ["mette"], guests: [Guest(kind: .citizen, name: "Søren Sørensen", organisation: nil)],
                                               allowConflict: false), as: "mette")
        let seenByPer = try f.service.meetings(as: "per", scope: .room("R"), from: f.today, to: f.today + 7)
        XCTAssertEqual(seenByPer.count, 1)
        XCTAssertNil(seenByPer[0].citizen, "busy time only")
        XCTAssertTrue(seenByPer[0].guests.isEmpty)
        XCTAssertEqual(try f.service.meetings(as: "mette", scope: .room("R"), from: f.today, to: f.today + 7)[0].citizen, c)
        XCTAssertThrowsDomainError(try f.service.meetings(as: "per", scope: .citizen(c), from: f.today, to: f.today + 7)) {
            $0 == .needsReason(citizen: c)
        }
    }
}
