import XCTest
import Foundation
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The projection's table of citizens answers as the dictionary it replaced: by id, changed in
/// place, every citizen once, equal whatever the order they were added in.
final class CitizenTableTests: XCTestCase {
    func citizen(_ id: String, _ name: String) throws -> Citizen {
        Citizen(id: id, cpr: try CPR("0101901234"), name: name, benefit: nil, responsible: "mette", registeredSectors: [.employment])
    }

    func testByIDInPlaceAndInOrder() throws {
        var t = CitizenTable()
        XCTAssertTrue(t.isEmpty)
        t["c1"] = try citizen("c1", "Åse")
        t["c2"] = try citizen("c2", "Søren")
        t["c1"]!.contacts.append(ContactEntry(at: Timestamp(millis: 0), channel: .phone, sector: .employment, user: "mette"))
        t["c1"]?.name = "Åse Ærø"
        XCTAssertEqual(t.count, 2)
        XCTAssertEqual(t["c1"]?.name, "Åse Ærø")
        XCTAssertEqual(t["c1"]?.contacts.count, 1)
        XCTAssertNil(t["c3"])
        XCTAssertEqual(t.values.map(\.id), ["c1", "c2"])
        XCTAssertEqual(t.place(of: "c2"), 1)
        t[place: 1].version = 7
        XCTAssertEqual(t.version(of: "c2"), 7)
        XCTAssertNil(t.version(of: "c9"))
        XCTAssertTrue(t.contains("c2"))
        XCTAssertFalse(t.contains("c9"))
    }

    func testEqualWhateverTheOrder() throws {
        var a = CitizenTable(), b = CitizenTable()
        a["c1"] = try citizen("c1", "Åse"); a["c2"] = try citizen("c2", "Søren")
        b["c2"] = try citizen("c2", "Søren"); b["c1"] = try citizen("c1", "Åse")
        XCTAssertEqual(a, b)
        b["c1"]?.name = "Åse Ærø"
        XCTAssertNotEqual(a, b)
    }
}

/// Citizens read in place from the mapped snapshot answer exactly as the replayed ones: whole, by
/// head, changed (then held of the session's own), and written again into a new snapshot.
final class MappedCitizenTableTests: XCTestCase {
    func demo() throws -> Fixture {
        let f = try Fixture(seedUsers: false)
        var options = DemoData.Options(); options.citizens = 150
        _ = try DemoData.fill(f.service, options: options)
        return f
    }

    func replayed(_ f: Fixture) throws -> Store {
        try FileManager.default.removeItem(atPath: f.dir + "/" + Store.snapshotFile)
        defer { try? f.store.writeSnapshot() }
        let s = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertFalse(s.usedSnapshot)
        return s
    }

    /// An answered referral is told in its sender's inbox for 14 days, from a replay and from the
    /// snapshot's heads alike; the sender is the line's actor, not part of the event.
    func testTheSenderOfAnAnsweredReferralIsToldForFourteenDays() throws {
        let f = try Fixture()
        let c = try f.citizenWithPlan()
        try f.service.execute(.giveConsent(citizen: c, sectors: [.employment, .social], given: f.today), as: "mette")
        try f.service.execute(.sendReferral(citizen: c, to: .social, text: "Bostøtte?"), as: "mette")
        XCTAssertEqual(f.service.inbox(for: "mette").answers, 0)
        let r = try XCTUnwrap(f.store.projection.citizens[c]?.plan?.referrals.last)
        XCTAssertEqual(r.sentBy, "mette")
        XCTAssertNil(r.answered)
        try f.service.execute(.answerReferral(citizen: c, referral: r.id, status: .accepted), as: "jonas")
        XCTAssertEqual(f.service.inbox(for: "mette").items.map(\.kind), [.answered(id: r.id, to: .social, status: .accepted)])
        XCTAssertEqual(f.service.inbox(for: "jonas").answers, 0, "told to the sender only")
        try f.store.writeSnapshot()
        for (days, told) in [(0, 1), (14, 1), (15, 0)] {
            let later = try Store(directory: f.dir, clock: FixedClock(Timestamp(millis: Fixture.now.millis + Int64(days) * 86_400_000)))
            XCTAssertTrue(later.usedSnapshot)
            XCTAssertEqual(CaseService(store: later, terminal: "t\(days)").inbox(for: "mette").answers, told, "\(days) days after")
        }
        XCTAssertEqual(try replayed(f).projection.citizens[c]?.plan?.referrals.last?.answered, f.today)
    }

    func testMappedCitizensEqualTheReplayedOnesWholeAndByHead() throws {
        let f = try demo()
        try f.store.writeSnapshot()
        let mapped = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertTrue(mapped.usedSnapshot)
        let t = mapped.projection.citizens
        XCTAssertEqual(t.count, 150)
        XCTAssertEqual(t.inSnapshot, 150, "opening decodes no citizen into the session's own memory")
        let replay = try replayed(f).projection.citizens
        XCTAssertEqual(replay.inSnapshot, 0)
        XCTAssertEqual(t, replay)
        var withPlan = 0, withReferral = 0, handedOver = 0
        for i in 0..<t.count {
            let c = replay[place: i]
            XCTAssertEqual(t.head(place: i), CitizenHead(c), c.id)
            XCTAssertEqual(t.version(at: i), c.version)
            XCTAssertEqual(t.head(place: i).overdueFollowUps(on: f.today), c.plan?.overdueFollowUps(on: f.today) ?? 0)
            XCTAssertEqual(t.head(place: i).sectors, c.sectors)
            withPlan += c.plan == nil ? 0 : 1
            withReferral += t.head(place: i).requestedReferrals.isEmpty ? 0 : 1
            handedOver += t.head(place: i).handover == nil ? 0 : 1
        }
        // The demo exercises what the head carries, so the comparison above is not of empty lists.
        XCTAssertGreaterThan(withPlan, 50)
        XCTAssertGreaterThan(withReferral, 5)
        XCTAssertGreaterThan(handedOver, 0)
        XCTAssertEqual(t.inSnapshot, 150, "reading decodes, but keeps nothing")
        // The inbox reads only the heads flagged at opening, and finds what a pass over all finds.
        let since = f.today + -CaseService.newForDays
        XCTAssertEqual(t.headsForTheInbox(answeredSince: since),
                       replay.heads.filter { !$0.requestedReferrals.isEmpty || $0.handover != nil || ($0.lastAnswered.map { $0 >= since } ?? false) })
        XCTAssertGreaterThan(replay.heads.filter { $0.lastAnswered.map { $0 >= since } ?? false }.count, 0, "the demo has answers of late")
        // For one sender: the heads with news of their own, read from the record's start first.
        for u in ["mette", "jonas"] {
            XCTAssertEqual(t.headsForTheInbox(answeredSince: since, sentBy: u),
                           replay.heads.filter { !$0.requestedReferrals.isEmpty || $0.handover != nil
                               || $0.answeredReferrals.contains { $0.answered >= since && $0.sentBy == u } }, u)
        }
        let replayedService = CaseService(store: try replayed(f), terminal: "t3"), mappedService = CaseService(store: mapped, terminal: "t4")
        var items = 0
        for u in mapped.projection.users {
            let inbox = mappedService.inbox(for: u.id)
            XCTAssertEqual(inbox, replayedService.inbox(for: u.id), u.id)
            items += inbox.items.count
        }
        XCTAssertGreaterThan(items, 0, "the demo gives some user an inbox item")
    }

    func testAChangedCitizenIsTakenInAndANewSnapshotCopiesTheRest() throws {
        let f = try demo()
        try f.store.writeSnapshot()
        let service = CaseService(store: try Store(directory: f.dir, clock: FixedClock(Fixture.now)), terminal: "t2")
        let before = service.state.citizens["c7"]!
        try service.execute(.logContact(citizen: "c7", channel: .phone, note: "ringede", at: nil), as: before.responsible)
        let t = service.state.citizens
        XCTAssertEqual(t.inSnapshot, 149, "only the changed citizen is held of the session's own")
        XCTAssertEqual(t["c7"]?.contacts.count, before.contacts.count + 1)
        XCTAssertEqual(t.head("c7")?.version, before.version + 1)
        // Another terminal's change reaches this one through the log, and is taken in the same way.
        try f.store.refresh()
        try f.service.execute(.logContact(citizen: "c9", channel: .meeting, note: nil, at: nil), as: f.service.state.citizens["c9"]!.responsible)
        try service.store.refresh()
        XCTAssertEqual(service.state.citizens.inSnapshot, 148)
        XCTAssertEqual(service.state.citizens, f.store.projection.citizens)
        // A snapshot written from a table partly mapped (records copied) and partly owned (encoded)
        // opens to the same citizens as a replay.
        try service.store.writeSnapshot()
        let reopened = try Store(directory: f.dir, clock: FixedClock(Fixture.now))
        XCTAssertTrue(reopened.usedSnapshot)
        XCTAssertEqual(reopened.projection.citizens.inSnapshot, 150)
        XCTAssertEqual(reopened.projection.citizens, try replayed(f).projection.citizens)
    }
}

/// The compact map of ids answers as a dictionary would, whatever the ids look like.
final class NumberedMapTests: XCTestCase {
    func testAnyKeyOnceAndTheHandedOutOnesByNumber() {
        var m = NumberedMap<Int32>(prefix: "c")
        var expected: [String: Int32] = [:]
        let keys = ["c1", "c2", "c10", "c0", "c01", "c", "x7", "user:mette", "c999999999", "c1000000000", "cæ", "c2", "m3", "c3"]
        for (i, k) in keys.enumerated() { m[k] = Int32(i); expected[k] = Int32(i) }
        for k in keys + ["c4", "c11", "c999999998", ""] { XCTAssertEqual(m[k], expected[k], k) }
        XCTAssertEqual(Set(m.keys), Set(expected.keys))
        m["c2"] = nil; expected["c2"] = nil
        m["c999999999"] = 5; expected["c999999999"] = 5
        for k in keys { XCTAssertEqual(m[k], expected[k], k) }
        XCTAssertEqual(Set(m.keys), Set(expected.keys))
    }

    func testTheCitizenByCPRNumber() throws {
        let f = try Fixture()
        let id = try f.citizen("111299-1444")
        XCTAssertEqual(f.service.state.citizenID(cpr: "1112991444"), id)
        XCTAssertNil(f.service.state.citizenID(cpr: "1112991445"))
        XCTAssertNil(f.service.state.citizenID(cpr: "111299-1444"), "ten digits, no dash")
        XCTAssertNil(f.service.state.citizenID(cpr: "11129914440"))
    }
}

/// The list's order is String's order by name, then id, however the names are written.
final class ListOrderTests: XCTestCase {
    func row(_ id: String, _ name: String) -> CitizenRow {
        CitizenRow(id: id, name: name, maskedCPR: "010190-xxxx", age: 36, benefit: nil, sectorMask: 1, responsible: "mette",
                   nextMeeting: nil, overdueFollowUps: 0, planStatus: .none, mine: true)
    }

    func testBytewiseFirstThenStringsOwnOrder() {
        let nfc = ["Åse Ærø", "Aase", "Bo", "Åse Ærø", "Øjvind", "Zoë", "😀 Emoji", "Ærø", "bo", ""]
        var rows = nfc.enumerated().map { row("c\($0.offset + 1)", $0.element) }
        XCTAssertEqual(rows.inNameOrder(), rows.sorted { ($0.name, $0.id) < ($1.name, $1.id) })
        // The same name decomposed (A + combining ring): String finds it equal to the composed one
        // and orders the two by id; the bytes alone would not.
        rows.append(row("c0", "A\u{30A}se \u{C6}r\u{F8}"))
        rows.append(row("c99", "Zoe\u{308}"))
        let expected = rows.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        XCTAssertEqual(rows.inNameOrder().map(\.id), expected.map(\.id))
        XCTAssertEqual(rows.shuffled().inNameOrder().map(\.id), expected.map(\.id))
    }
}
