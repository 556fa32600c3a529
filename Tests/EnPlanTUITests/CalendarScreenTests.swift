import Foundation
@_spi(Store) import EnPlanDomain
import XCTest
import TestSupport
@testable import EnPlanTUI

final class CalendarScreenTests: XCTestCase {
    /// The clock says Monday 23 November 2026 11:00 (Copenhagen). mette has meetings today at 12:00
    /// and on Wednesday 25 November at 13:30; c1 is hers.
    private func harness() throws -> Harness {
        let h = try Harness(rows: 34, cols: 120)
        try h.service.execute(.scheduleMeeting(type: .network, citizen: "c1", start: LocalTime(iso: "2026-11-23T12:00")!, minutes: 60,
                                               room: "Mødelokale 1", participants: ["mette"],
                                               guests: [Guest(kind: .partner, name: "Anna Vestergaard", organisation: "Psykiatrien")],
                                               allowConflict: false), as: "mette")
        try h.service.execute(.scheduleMeeting(type: .followup, citizen: nil, start: LocalTime(iso: "2026-11-25T13:30")!, minutes: 30,
                                               room: nil, participants: ["mette"], guests: [], allowConflict: false), as: "mette")
        h.login("mette")
        h.press(.char("2"))
        return h
    }

    func testWeekViewWithISOWeekAndMeetingsInTheirColumns() throws {
        let h = try harness()
        let c = h.screen
        XCTAssertTrue(c.line(1).hasPrefix("Uge 48 · 23-11-2026 – 29-11-2026 · mine møder"), c.line(1))
        XCTAssertTrue(c.line(2).contains("man 23-11") && c.line(2).contains("søn 29-11"))
        let noon = c.text.split(separator: "\n").first { $0.contains("12:00 Netværks") }
        XCTAssertNotNil(noon, c.text)
        XCTAssertTrue(c.text.contains("13:30 Opfølgn"))
        // Wednesday's meeting sits two columns right of Monday's.
        let mondayCol = TextWidth.columns(String(noon!.components(separatedBy: "12:00 Netværks")[0]))
        let wed = c.text.split(separator: "\n").first { $0.contains("13:30 Opfølgn") }!
        XCTAssertEqual(TextWidth.columns(String(wed.components(separatedBy: "13:30")[0])) - mondayCol, 2 * ((120 - 6) / 7))
        XCTAssertTrue(c.line(c.rows - 2).contains("Næste møde i dag: 12:00 Netværksmøde (Mødelokale 1)"), c.line(c.rows - 2))
        XCTAssertTrue(c.line(c.rows - 2).hasPrefix("Kalender: Uge · 2 møder"), "the week's meetings, not the day's: \(c.line(c.rows - 2))")
    }

    func testTheFourViewsAndMovingAbout() throws {
        let h = try harness()
        h.press(.char("v"))
        h.assertRow(1, startsWith: "november 2026")
        XCTAssertTrue(h.text.contains("23 •1") && h.text.contains("25 •1"))
        h.press(.char("v"))
        h.assertShows("man 23-11-2026 12:00–13:00  Netværksmøde Søren Sørensen")
        h.assertShows("ons 25-11-2026 13:30–14:00  Opfølgningsmøde")
        h.press(.char("v"))
        h.assertRow(1, startsWith: "man 23-11-2026 · uge 48")
        h.press(.right, .right)
        h.assertRow(1, startsWith: "ons 25-11-2026")
        h.assertShows("13:30–14:00")
        h.press(.char("v"), .down)          // week view, a week on
        h.assertRow(1, startsWith: "Uge 49")
        h.press(.char("t"))
        h.assertRow(1, startsWith: "Uge 48")
        h.press(.char("g")); h.type("24-12-2026"); h.press(.enter)
        h.assertRow(1, startsWith: "Uge 52")
        h.press(.pageDown)
        h.assertRow(1, startsWith: "Uge 3 · 18-01-2027")   // 24 January 2027
    }

    func testOpeningAMeeting() throws {
        let h = try harness()
        h.press(.enter)
        let text = h.text
        XCTAssertTrue(text.contains("Netværksmøde Søren Sørensen"), text)
        XCTAssertFalse(text.contains("(m1)") || text.contains("(c1)"), "no internal ids: \(text)")
        XCTAssertTrue(text.contains("Lokale: Mødelokale 1"))
        XCTAssertTrue(text.contains("Mette Kjær") && text.contains("Anna Vestergaard, Psykiatrien (samarbejdspartner)"))
        h.press(.escape)
        h.assertRow(1, startsWith: "Uge 48")
    }

    func testSchedulingShowsConflictsFindsFreeTimeAndOffersAMerge() throws {
        let h = try harness()
        h.press(.char("n"))
        h.assertShows("Nyt møde")
        // 12:00 today clashes with m1 for mette.
        h.press(.tab, .tab, .ctrl("u")); h.type("12:00"); h.press(.enter)   // it opens at the citizen
        h.assertShows("Mette Kjær er booket i mødet ‘Netværksmøde’ 23-11-2026 kl. 12:00-13:00 · j: gem alligevel")
        h.press(.char("x"))                 // edit instead
        h.press(.ctrl("f"))                 // first free hour for mette: 11:00 (now), before m1
        XCTAssertTrue(h.text.split(separator: "\n").contains { $0.contains("Tid:") && $0.contains("11:00") }, h.numbered)
        h.press(.enter)
        h.assertShows("Mødet er gemt")
        XCTAssertEqual(h.service.state.meetings["m3"]?.start.iso, "2026-11-23T11:00")

        // A meeting for c1, who has m1 today: the merge is offered first, and taken with m.
        h.press(.char("n"))
        h.type("søren")                                            // the citizen by name, not c1
        h.press(.tab, .tab, .tab, .ctrl("u")); h.type("30")        // minutes
        h.press(.tab, .tab, .end); h.type(", jonas")               // participants by name: Mette Kjær, Jonas Dahl
        h.press(.tab, .tab); h.type("Ole Mørk, Misbrugscentret")   // partners
        h.press(.enter)
        h.assertShows("Borgeren har allerede et møde inden for 14 dage: netværksmøde 23-11-2026 12:00")
        h.press(.char("m"))
        h.assertShows("Deltagerne er tilføjet mødet")
        XCTAssertEqual(h.service.state.meetings.count, 3, "no new meeting")
        XCTAssertEqual(h.service.state.meetings["m1"]?.version, 2)
        XCTAssertEqual(h.service.state.meetings["m1"]?.participants, ["mette", "jonas"])
        XCTAssertTrue(h.service.state.meetings["m1"]!.guests.contains(Guest(kind: .partner, name: "Ole Mørk", organisation: "Misbrugscentret")))

        // A new meeting about a citizen (Enter again after the offer): the citizen is a guest.
        h.press(.char("n")); h.type("c1"); h.press(.tab, .ctrl("u")); h.type("+3d"); h.press(.enter)
        h.assertShows("Borgeren har allerede et møde")
        h.press(.enter)
        h.assertShows("Mødet er gemt")
        XCTAssertEqual(h.service.state.meetings["m4"]?.guests, [Guest(kind: .citizen, name: "Søren Sørensen", organisation: nil)])
    }

    func testRecordingAnOutcomeAndExportingFromTheScreen() throws {
        final class Saved: @unchecked Sendable { var name = "", text = "" }
        let saved = Saved()
        let h = try Harness(rows: 34, cols: 120, saveExport: { name, text in saved.name = name; saved.text = text; return "/home/x/" + name })
        try h.service.execute(.scheduleMeeting(type: .network, citizen: "c1", start: LocalTime(iso: "2026-11-23T08:00")!, minutes: 60,
                                               room: "R", participants: ["mette"], guests: [], allowConflict: false), as: "mette")
        h.login("mette")
        h.press(.char("2"), .char("x"))
        h.assertShows("Gemt som /home/x/enplan-2026-11-23-week.ics")
        XCTAssertTrue(saved.text.contains("SUMMARY:Netværksmøde\r\n"), "no citizen initials in a file that leaves the system")
        XCTAssertFalse(saved.text.contains("S.S."))
        XCTAssertFalse(saved.text.contains("0101901234"))
        h.press(.enter)                                   // open m1
        h.assertShows("a: afholdt")
        h.press(.char("a")); h.type("Aftalt praktik"); h.press(.enter)
        h.assertShows("Udfaldet er gemt")
        XCTAssertEqual(h.service.state.meetings["m1"]?.status, .held)
        XCTAssertEqual(h.service.state.meetings["m1"]?.outcome, "Aftalt praktik")
    }

    /// An open meeting shows its agenda by what it is, and moves (Flyt/ret, `e`) with the same
    /// conflict check as a booking: a clash is said with the name, the meeting and the time.
    func testAMeetingMovesWithTheConflictCheckAndShowsItsAgendaInWords() throws {
        let h = try Harness(rows: 34, cols: 120)
        let s = h.service, today = s.today
        try s.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: today), as: "mette")
        try s.execute(.createPlan(citizen: "c1", overallGoal: .education, ownWords: "Tømrer"), as: "mette")
        try s.execute(.addEffort(citizen: "c1", goal: nil, title: "Brobygning", sector: .employment, legalBasis: "LAB § 32",
                                 provider: "UU", start: today, end: nil), as: "mette")
        try s.execute(.scheduleFollowUp(citizen: "c1", due: today + 7), as: "mette")
        try s.execute(.scheduleMeeting(type: .network, citizen: "c1", start: LocalTime(iso: "2026-11-23T14:00")!, minutes: 60, room: nil,
                                       participants: ["mette"], guests: [], allowConflict: false, agenda: ["f1", "e1"]), as: "mette")
        try s.execute(.scheduleMeeting(type: .followup, citizen: nil, start: LocalTime(iso: "2026-11-24T10:00")!, minutes: 30, room: nil,
                                       participants: ["mette"], guests: [], allowConflict: false), as: "mette")
        h.login("mette")
        h.press(.char("2"), .enter)
        h.assertShows("  Opfølgning, frist 30-11-2026")
        h.assertShows("  Indsats: Brobygning")
        h.assertHides("f1")
        h.assertHides("e1")
        h.assertShows("e Flyt/ret")
        h.press(.char("e"))
        h.assertShows("Flyt eller ret mødet 23-11-2026")
        h.press(.ctrl("u")); h.type("24-11-2026"); h.press(.tab, .ctrl("u")); h.type("10:00"); h.press(.enter)
        h.assertShows("Mette Kjær er booket i mødet ‘Opfølgningsmøde’ 24-11-2026 kl. 10:00-10:30 · j: gem alligevel")
        XCTAssertEqual(s.state.meetings["m1"]?.start, LocalTime(iso: "2026-11-23T14:00"), "nothing moved on a conflict")
        h.press(.char("x"), .ctrl("u")); h.type("11:00"); h.press(.enter)
        h.assertShows("Mødet er flyttet/rettet")
        XCTAssertEqual(s.state.meetings["m1"]?.start, LocalTime(iso: "2026-11-24T11:00"))
        XCTAssertEqual(try s.store.events(of: ["m1"]).last?.type, "MeetingChanged")
        h.assertHides("is booked")
    }

    /// The agenda is ticked from what the citizen named has open, by what it is; no id is typed.
    func testTheAgendaIsTickedFromTheCitizensOpenItems() throws {
        let h = try Harness(rows: 34, cols: 120)
        let s = h.service, today = s.today
        try s.execute(.giveConsent(citizen: "c1", sectors: [.employment, .social], given: today), as: "mette")
        try s.execute(.createPlan(citizen: "c1", overallGoal: .education, ownWords: "Tømrer"), as: "mette")
        try s.execute(.addEffort(citizen: "c1", goal: nil, title: "Brobygning", sector: .employment, legalBasis: "LAB § 32",
                                 provider: "UU", start: today, end: nil), as: "mette")
        try s.execute(.scheduleFollowUp(citizen: "c1", due: today + 7, subject: "Samtale om praktik"), as: "mette")
        h.login("mette")
        h.press(.char("2"), .char("n"))
        h.assertShows("vælg borgeren først")
        h.type("Søren Sørensen")
        for _ in 0..<6 where !h.screen.line(h.screen.cursor!.row).contains("Dagsorden") { h.press(.tab) }
        h.assertShows("[ ] Samtale om praktik · frist 30-11-2026 (1/2) ←/→ mellemrum: vælg/fravælg")
        h.press(.char(" "))
        h.assertShows("[x] Samtale om praktik · frist 30-11-2026 (1/2)")
        h.press(.right)
        h.assertShows("[ ] Indsats: Brobygning (2/2)")
        h.press(.char(" "), .tab)
        h.assertShows("Samtale om praktik · frist 30-11-2026; Indsats: Brobygning")
        h.press(.enter)
        if h.text.contains("j: hold mødet alligevel") { h.press(.char("j")) }
        h.assertShows("Mødet er gemt")
        XCTAssertEqual(s.state.meetings.values.first { $0.citizen == "c1" }?.agenda, ["f1", "e1"])
    }

    /// Two citizens of the same name: a chooser with their birth dates, not a dead end or an id.
    func testASharedNameIsPickedFromAChooser() throws {
        let h = try Harness(rows: 34, cols: 120)
        let s = h.service
        let first = try s.execute(.registerCitizen(cpr: "120590-1234", name: "Emma Larsen", benefit: nil, responsible: nil), as: "mette")[0].stream
        let second = try s.execute(.registerCitizen(cpr: "030385-2345", name: "Emma Larsen", benefit: nil, responsible: nil), as: "mette")[0].stream
        h.login("mette")
        h.press(.char("2"), .char("n"))
        h.type("Emma Larsen")
        h.press(.enter)
        h.assertShows("Hvilken borger?")
        h.assertShows("Emma Larsen · 120590-XXXX")
        h.assertShows("Emma Larsen · 030385-XXXX")
        h.assertHides(first + " ")
        for _ in 0..<3 where !h.screen.line(h.screen.cursor!.row).contains("030385-XXXX") { h.press(.down) }
        h.press(.enter)
        h.assertShows("Mødet er gemt")
        XCTAssertEqual(s.state.meetings.values.first { $0.citizen != nil && $0.citizen != "c1" }?.citizen, second)
    }

    /// Two colleagues answer to "mette": a chooser with their sectors, and the one picked takes part.
    func testAColleaguesSharedNameIsPickedFromAChooser() throws {
        let h = try Harness(rows: 34, cols: 120)
        let s = h.service
        try s.execute(.createUser(User(id: "mholm", name: "Mette Holm", sector: .social, role: .caseworker), passwordHash: Fixture.hash), as: "admin")
        try s.execute(.defineUnit(OrgUnit(id: "soc", name: "Socialteamet"), new: true), as: "admin")
        try s.execute(.placeUser(user: "mholm", unit: "soc", from: s.today, does: nil), as: "admin")
        h.login("jonas")
        h.press(.char("2"), .char("n"))
        for _ in 0..<8 where !h.screen.line(h.screen.cursor!.row).contains("Deltagere") { h.press(.tab) }
        h.type(", mette")
        h.press(.enter)
        h.assertShows("Hvilken kollega?")
        h.assertShows("Mette Holm · social · sagsbehandler · Socialteamet")   // and her unit, where she has one
        h.assertShows("Mette Kjær · beskæftigelse · sagsbehandler")
        h.assertHides("mholm")
        for _ in 0..<3 where !h.screen.line(h.screen.cursor!.row).contains("Mette Holm") { h.press(.down) }
        h.press(.enter)
        if h.text.contains("j: hold mødet alligevel") { h.press(.char("j")) }
        h.assertShows("Mødet er gemt")
        let m = try XCTUnwrap(s.state.meetings.values.first { $0.participants.contains("jonas") && $0.citizen == nil })
        XCTAssertEqual(Set(m.participants), ["jonas", "mholm"])
    }

    func testAnotherCaseworkersCalendarShowsBusyTimeOnly() throws {
        let h = try Harness(rows: 34, cols: 120)
        try h.service.execute(.scheduleMeeting(type: .network, citizen: "c1", start: LocalTime(iso: "2026-11-24T10:00")!, minutes: 60,
                                               room: nil, participants: ["mette"], guests: [], allowConflict: false), as: "mette")
        h.login("karen")
        h.press(.char(":")); h.type("calendar user mette"); h.press(.enter)
        XCTAssertTrue(h.screen.line(1).contains("Mette Kjær"))
        h.press(.right, .enter)
        h.assertShows("Borger: Søren Sørensen", "a supervisor sees the citizen")
        // jonas (social) does not work on c1: the same meeting is busy time only.
        h.press(.escape, .function(12), .backTab, .ctrl("u")); h.type("jonas"); h.press(.tab); h.type("demo"); h.press(.enter)
        h.press(.char(":")); h.type("calendar user mette"); h.press(.enter)
        h.press(.right, .enter)
        XCTAssertTrue(h.text.contains("Møde\n") && h.text.contains("Status: planlagt") && !h.text.contains("(m1)"), "the busy meeting is open, by no id: \(h.text)")
        XCTAssertFalse(h.text.contains("Netværksmøde") || h.text.contains("Søren") || h.text.contains("S.S."), "busy time: not even the type")
    }

    func testTheSchedulingFormTakesNamesNotIds() throws {
        let h = try harness()
        h.press(.char("n"))
        h.assertShows("‹ Netværksmøde ›")                       // the type, in Danish, picked from a list
        h.press(.backTab, .right)
        h.assertShows("‹ Opfølgningsmøde ›")
        h.press(.tab); h.type("zzz")                            // no citizen by that name
        h.press(.enter)
        h.assertShows("Ingen borgere matcher. (zzz)")
        h.press(.ctrl("u")); h.type("Søren")
        for _ in 0..<5 { h.press(.tab) }
        h.press(.ctrl("u")); h.type("Mette, Ukendt Person")    // participants by name
        h.press(.enter)
        h.assertShows("ingen medarbejder hedder: Ukendt Person")
        XCTAssertEqual(h.service.state.meetings.count, 2, "nothing saved")
    }

    /// "Held" on a meeting that has not begun is refused at once, before the note is asked for.
    func testHeldOnAFutureMeetingIsRefusedBeforeTheNote() throws {
        let h = try harness()
        h.press(.char("n"), .tab, .ctrl("u")); h.type("+7d"); h.press(.enter)   // no citizen: no merge offered
        h.assertShows("Mødet er gemt")
        h.press(.char("g"), .ctrl("u")); h.type("+7d"); h.press(.enter, .enter)
        h.press(.char("a"))
        h.assertShows("Mødet er ikke begyndt endnu")
        XCTAssertEqual(h.service.state.meetings.values.filter { $0.status == .held }.count, 0)
    }

    /// Esc on a filled meeting form asks first (it used to lose the form); an untouched one closes.
    func testEscOnAFilledMeetingFormAsksFirst() throws {
        let h = try harness()
        h.press(.char("n")); h.type("Søren")
        h.press(.escape)
        h.assertShows("Kassér dine ændringer? j: ja")
        h.press(.char("x"))                                     // any other key: go on
        h.assertShows("Nyt møde")
        h.press(.escape, .char("j"))
        h.assertHides("Borger (navn eller CPR)")
        h.press(.char("n"), .escape)
        h.assertHides("Borger (navn eller CPR)")
    }

    func testAMeetingOnAWeekendOrAHolidayAsksFirst() throws {
        let h = try harness()
        h.press(.char("n"), .tab); h.type("24-12-2026"); h.press(.enter)
        h.assertShows("tor 24-12-2026: Juleaftensdag · j: hold mødet alligevel")
        XCTAssertEqual(h.service.state.meetings.count, 2, "nothing saved yet")
        h.press(.char("j"))
        h.assertShows("Mødet er gemt")
        h.press(.char("n"), .tab); h.type("28-11-2026"); h.press(.enter)
        h.assertShows("lør 28-11-2026: weekend")
        h.press(.char("x"))                                     // any other key: edit
        h.assertHides("hold mødet alligevel")
        XCTAssertEqual(h.service.state.meetings.count, 3)
    }

    func testCancellingAMeetingTakesAReason() throws {
        let h = try harness()
        h.press(.enter, .char("c"))                              // m1, today 12:00: cancel it
        XCTAssertTrue(h.statusLine.hasPrefix("Hvorfor aflyses mødet?"), h.statusLine)
        h.press(.enter)
        XCTAssertTrue(h.statusLine.hasPrefix("Skriv hvorfor mødet aflyses"), h.statusLine)
        XCTAssertEqual(h.service.state.meetings["m1"]?.status, .planned, "nothing saved without a reason")
        h.type("Borgeren er syg"); h.press(.enter)
        XCTAssertEqual(h.service.state.meetings["m1"]?.status, .cancelled)
        XCTAssertEqual(h.service.state.meetings["m1"]?.outcome, "Borgeren er syg")
    }

    func testRoomsFromTheListAreOneRoomWhateverTheirCase() throws {
        let h = try Harness(rows: 34, cols: 120, rooms: ["Mødelokale 1", "Mødelokale 2"])
        try h.service.execute(.scheduleMeeting(type: .network, citizen: nil, start: LocalTime(iso: "2026-11-24T10:00")!, minutes: 60,
                                               room: "mødelokale  1", participants: ["jonas"], guests: [], allowConflict: false), as: "jonas")
        h.login("mette")
        h.press(.char("2"), .char("n"))
        h.press(.tab, .ctrl("u")); h.type("24-11-2026"); h.press(.tab, .ctrl("u")); h.type("10:30")
        h.press(.tab, .tab)                                     // the room: picked from the list
        h.assertShows("‹ (intet lokale) ›")
        h.press(.right)
        h.assertShows("‹ Mødelokale 1 ›")
        h.press(.enter)
        h.assertShows("Mødelokale 1 er booket i mødet", "the room typed in another case is the same room")
    }
}

/// Two citizens of one name: the form tells them apart by the birth date as the list shows it.
final class CitizenLookupTests: XCTestCase {
    func testTwoOfOneNameAreToldApartByTheirBirthDate() throws {
        let h = try Harness(rows: 34, cols: 130)
        try h.service.execute(.registerCitizen(cpr: "120590-1234", name: "Emma Larsen", benefit: nil, responsible: nil), as: "mette")
        try h.service.execute(.registerCitizen(cpr: "010101-4321", name: "Emma Larsen", benefit: nil, responsible: nil), as: "mette")
        h.login("mette")
        h.press(.char("2"), .char("n")); h.type("emma larsen"); h.press(.enter)
        h.assertShows("Hvilken borger?")
        h.assertShows("Emma Larsen · 010101-XXXX")
        h.assertShows("Emma Larsen · 120590-XXXX")
        h.press(.escape)                         // or typed with the birth date, as the list shows it
        h.assertHides("Hvilken borger?")
        for typed in ["Emma Larsen 120590-XXXX", "emma larsen 12-05-1990", "Emma 12.05.90"] {
            let rows = try h.service.citizens(as: "mette", logged: false)
            XCTAssertEqual(CitizenLookup.matches(typed, in: rows).map(\.maskedCPR), ["120590-XXXX"], typed)
        }
        h.press(.ctrl("u")); h.type("Emma Larsen 120590-XXXX"); h.press(.enter)
        h.assertShows("Mødet er gemt")
        let booked = h.service.state.meetings.values.filter { $0.citizen != nil && h.service.citizenName($0.citizen!) == "Emma Larsen" }
        XCTAssertEqual(booked.count, 1)
        XCTAssertEqual(booked.first.flatMap { h.service.state.citizens[$0.citizen!]?.cpr.digits }, "1205901234")
    }
}

/// `:kalender borger NAVN` opens the citizen's meetings by name, never a reason with no field.
final class CalendarByNameTests: XCTestCase {
    func testTheCitizensCalendarOpensByName() throws {
        let h = try Harness(rows: 34, cols: 130)
        h.login("mette")
        h.press(.char(":")); h.type("kalender borger søren"); h.press(.enter)
        h.assertShows("borger Søren Sørensen")
        h.assertHides("begrundelse")
        h.press(.escape, .char(":")); h.type("kalender borger zzz"); h.press(.enter)
        h.assertShows("Ingen borgere matcher. (zzz)")
    }

    /// Two citizens of one name: a chooser (name, masked CPR, age, responsible) picked with arrows
    /// and Enter opens the one chosen; Esc opens nothing. The search is logged once.
    func testASharedNameOpensAChooser() throws {
        let h = try Harness(citizens: [("Emma Larsen", "1205901234"), ("Emma Larsen", "0303851234"), ("Søren Sørensen", "0101901234")],
                            rows: 34, cols: 130)
        h.login("mette")
        let searches = try h.service.auditTrail(as: "admin").filter { $0.type == "CitizensSearched" }.count
        h.press(.char(":")); h.type("kalender borger emma larsen"); h.press(.enter)
        h.assertShows("Hvilken borger?")
        h.assertShows("Emma Larsen · 120590-XXXX · 36 år · ansvarlig: Mette Kjær")
        h.assertShows("Emma Larsen · 030385-XXXX")
        XCTAssertEqual(try h.service.auditTrail(as: "admin").filter { $0.type == "CitizensSearched" }.count, searches + 1)
        h.press(.escape)
        h.assertHides("Hvilken borger?")
        h.press(.char(":")); h.type("kalender borger emma larsen"); h.press(.enter)
        h.press(.down, .enter)
        h.assertHides("Hvilken borger?")
        h.assertShows("borger Emma Larsen")
        guard case .main(let s) = h.app.phase, case .calendar(.citizen(let id))? = s.stack.last?.route else { return XCTFail("no calendar") }
        XCTAssertEqual(h.service.state.citizens[id]?.cpr.digits, "0303851234")
    }
}
