import Foundation
import Glibc
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// Retention end to end on a real store: a case closed years back is archived, then erased from
/// every file of the data directory, with the rest still proven and the state the same whether
/// read live or replayed.
final class RetentionTests: XCTestCase {
    let policy = RetentionPolicy()
    var archives: [String] = []

    override func tearDown() { for a in archives { try? FileManager.default.removeItem(atPath: a) } }

    private func archiveDir() -> String {
        let d = NSTemporaryDirectory() + "enplan-archive-\(UUID().uuidString)"
        archives.append(d)
        return d
    }

    /// Every file of the data directory that holds one of `terms`.
    private func holding(_ terms: [String], in dir: String) -> [String] {
        CaseService.filesMentioning(terms, in: dir)
    }

    /// Søren (c1, closed 10-01-2020) with a changed CPR number, a note, a meeting with a guest, a
    /// search for him, an export in an outbox and a crash's torn copy naming him; Anna (c2, open)
    /// with him in her household.
    private func store(_ clock: TestClock) throws -> (Fixture, soeren: String, anna: String, meeting: String) {
        let f = try Fixture(clock: clock)
        let s = f.service
        let soeren = try f.citizen("111299-1444", name: "Søren Sørensen")
        try s.execute(.changeCPR(citizen: soeren, new: "111299-1452", reason: "Nyt nummer fra CPR"), as: "mette")
        try s.execute(.logContact(citizen: soeren, channel: .phone, note: "Ringede om gælden til Blåbærvej", at: nil), as: "mette")
        let meeting = try s.execute(.scheduleMeeting(type: .network, citizen: soeren, start: LocalTime(iso: "2026-11-24T10:00")!, minutes: 60, room: nil,
                                                     participants: ["mette"], guests: [Guest(kind: .relative, name: "Gitte Sørensen", organisation: nil)],
                                                     allowConflict: false), as: "mette")[0].stream
        let anna = try f.citizen("020270-1234", name: "Anna Ager")
        try s.execute(.linkHousehold(citizen: anna, member: HouseholdMember(relation: .partner, name: "Søren Sørensen", citizen: soeren)), as: "mette")
        try s.execute(.logContact(citizen: anna, channel: .phone, note: "Anna ringede", at: nil), as: "mette")
        try s.recordSearch("Søren Sør", results: 1, as: "mette")
        _ = try s.citizen(soeren, as: "mette")
        _ = try Outbox(dataDirectory: f.dir, user: "mette", clock: clock).put(name: "plan-soeren.txt", text: "Plan for Søren Sørensen")
        try "{\"torn\":\"Søren Sørensen 111299-1452\"".write(toFile: f.dir + "/events.jsonl.torn-99-20260101", atomically: true, encoding: .utf8)
        // Years later he moved: the case closed on 10-01-2020 (entered now, as cases closed before EnPlan are).
        try s.execute(.closeCase(citizen: soeren, date: Day(iso: "2020-01-10")!, reason: "Flyttet"), as: "mette")
        return (f, soeren, anna, meeting)
    }

    func testAClosedCaseIsArchivedThenErasedFromEveryFileAndTheRestStaysProven() throws {
        let clock = TestClock()
        let (f, soeren, anna, meeting) = try store(clock)
        let s = f.service
        let terms = ["Søren Sørensen", "1112991444", "111299-1444", "1112991452", "111299-1452", "gælden til Blåbærvej", "Gitte Sørensen"]

        let due = try s.retention(as: "admin", policy: policy)
        XCTAssertEqual(due.cases.map(\.id), [soeren])
        XCTAssertEqual(due.cases[0].due, Day(iso: "2025-01-10")!)
        XCTAssertFalse(due.cases[0].archived)
        XCTAssertThrowsDomainError(try s.retention(as: "karen", policy: self.policy)) { if case .forbidden = $0 { return true }; return false }

        // No archive copy: nothing is erased.
        let early = try s.runRetention(as: "admin", policy: policy, dryRun: false)
        XCTAssertEqual(early.citizens, [])
        XCTAssertEqual(early.notArchived, [soeren])
        XCTAssertFalse(holding(["Søren Sørensen"], in: f.dir).isEmpty)

        let dest = archiveDir()
        let archived = try s.archive(as: "admin", policy: policy, to: dest)
        XCTAssertEqual(archived.citizens, [soeren])
        XCTAssertTrue(try String(contentsOfFile: dest + "/events.jsonl", encoding: .utf8).contains("gælden til Blåbærvej"), "the copy holds the case")
        XCTAssertTrue(try String(contentsOfFile: dest + "/events.jsonl", encoding: .utf8).contains("Gitte Sørensen"), "and its meetings")
        XCTAssertTrue(try String(contentsOfFile: dest + "/LÆSMIG.txt", encoding: .utf8).contains("P1825D"))
        XCTAssertTrue(try s.retention(as: "admin", policy: policy).cases[0].archived)

        let dry = try s.runRetention(as: "admin", policy: policy, dryRun: true)
        XCTAssertEqual(dry.citizens, [soeren])
        XCTAssertFalse(holding(["Søren Sørensen"], in: f.dir).isEmpty, "a dry run changes nothing")

        let run = try s.runRetention(as: "admin", policy: policy, dryRun: false)
        XCTAssertEqual(run.citizens, [soeren])
        XCTAssertEqual(run.residue, [])
        XCTAssertTrue(run.filesRemoved.contains("events.jsonl.torn-99-20260101"), "the crash's torn copy naming him: \(run.filesRemoved)")
        XCTAssertTrue(run.filesRemoved.contains { $0.hasPrefix("outbox/mette/") }, "the export naming him")
        XCTAssertEqual(holding(terms, in: f.dir), [], "nothing of him in any file of the data directory")
        XCTAssertFalse(holding(["Anna Ager", "Anna ringede"], in: f.dir).isEmpty, "the others are kept")

        for r in try Store.verify(directory: f.dir, mark: false) { XCTAssertEqual(r.problems.map(\.reason), [], r.file) }
        // The state: a nameless closed case, out of every list and index; Anna's household without him.
        let state = f.store.projection
        XCTAssertTrue(state.citizens[soeren]!.isErased)
        XCTAssertNil(state.citizenID(cpr: "1112991452"))
        XCTAssertNil(state.citizenID(cpr: "1112991444"))
        XCTAssertNil(state.meetings[meeting])
        XCTAssertEqual(state.citizens[anna]!.household, [])
        // Anna's case reads on in this session, its erased household line passed over.
        XCTAssertFalse(try s.journey(anna, as: "mette").entries.contains { $0.event.type == "HouseholdLinked" })
        XCTAssertNoThrow(try s.citizen(anna, as: "mette"))
        XCTAssertFalse(try s.citizens(as: "karen").contains { $0.id == soeren })
        XCTAssertThrowsError(try s.citizen(soeren, as: "karen", reason: "tjek"))
        XCTAssertFalse(Duplicates.all(in: state).contains { $0.first == soeren || $0.second == soeren })
        for section in FigureSection.allCases { _ = try s.figures(section, filter: FigureFilter(period: Period.named(.thisQuarter, today: s.today)), as: "karen") }
        // Replayed from the logs alone (no snapshot), the same state.
        unlink(f.dir + "/" + Store.snapshotFile)
        let replayed = try Store(directory: f.dir, clock: clock)
        XCTAssertEqual(replayed.projection.citizens, state.citizens)
        XCTAssertEqual(replayed.projection.meetings, state.meetings)
        XCTAssertEqual(replayed.projection.citizenCount, state.citizenCount)
        // The record stays, and says under which rule and which archive copy.
        let record = try XCTUnwrap(try f.eventLines().last { $0.contains("\"CitizenErased\"") })
        XCTAssertTrue(record.contains("P1825D") && record.contains(archived.manifest), record)
        // The rest is still proven: an edit of Anna's note is caught.
        let text = try String(contentsOfFile: f.eventsPath, encoding: .utf8)
        try text.replacingOccurrences(of: "Anna ringede", with: "Anna skrev!").write(toFile: f.eventsPath, atomically: false, encoding: .utf8)
        XCTAssertFalse(try Store.verify(directory: f.dir, mark: false).flatMap(\.problems).isEmpty)
    }

    /// The search for the erased people's names and numbers: every term in one pass, anywhere in a
    /// file (its first and last bytes too), in UTF-8, short terms as well.
    func testTheSearchFindsAnyTermAnywhereInOnePass() throws {
        let dir = archiveDir()
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws { try text.write(toFile: dir + "/" + name, atomically: false, encoding: .utf8) }
        try write("start", "Søren Sørensen og resten")
        try write("end", "{\"cpr\":\"111299-1444\"}\n… 1112991452")
        try write("sub/short", "ab c7 xy")
        try write("none", "Søren Sørense 111299-144 1112991")
        try write("empty", "")
        let terms = ["Søren Sørensen", "1112991452", "Gitte Sørensen"] + (0..<2000).map { String(format: "32%08d", $0) }
        XCTAssertEqual(CaseService.filesMentioning(terms, in: dir), ["end", "start"])
        XCTAssertEqual(CaseService.filesMentioning(["c7"], in: dir), ["sub/short"])
        XCTAssertEqual(CaseService.filesMentioning(["452"], in: dir), ["end"])
        XCTAssertEqual(CaseService.filesMentioning([], in: dir), [])
        XCTAssertEqual(CaseService.filesMentioning(["", "Ingen"], in: dir), [])
    }

    /// The residue by file and line: a text file's line, and a JSON line's stream and whose it is
    /// (a citizen not erased, through a meeting too); one a line, the term never given.
    func testTheResidueNamesFileLineAndWhoseLineItIs() throws {
        let dir = archiveDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws { try text.write(toFile: dir + "/" + name, atomically: false, encoding: .utf8) }
        try write("notes.txt", "første linje\nanden: Søren Sørensen og Søren Sørensen\n\nfjerde 111299-1452")
        try write("events.jsonl", [#"{"v":2,"seq":1,"stream":"c1","data":{"name":"Anna"}}"#,
                                    #"{"v":2,"seq":2,"stream":"c2","data":{"name":"Søren Sørensen"}}"#,
                                    #"{"v":2,"seq":3,"stream":"m4","data":{"guest":"Søren Sørensen"}}"#,
                                    #"{"v":2,"seq":4,"stream":"user:jonas","data":{"note":"1112991452"}}"#,
                                    #"{"v":2,"seq":5,"stream":"c9","data":{"name":"Søren Sørensen"}}"#].joined(separator: "\n") + "\n")
        let found = Residue.find(["Søren Sørensen", "1112991452", "111299-1452"], in: dir, erased: ["c9"]) { stream in
            stream == "m4" ? "c3" : stream.hasPrefix("c") ? stream : nil
        }
        XCTAssertEqual(found, [
            Residue(file: "events.jsonl", line: 2, term: .name, stream: "c2", otherCitizen: "c2"),
            Residue(file: "events.jsonl", line: 3, term: .name, stream: "m4", otherCitizen: "c3"),
            Residue(file: "events.jsonl", line: 4, term: .cprNumber, stream: "user:jonas", otherCitizen: nil),
            Residue(file: "events.jsonl", line: 5, term: .name, stream: "c9", otherCitizen: nil),
            Residue(file: "notes.txt", line: 2, term: .name, stream: nil, otherCitizen: nil),
            Residue(file: "notes.txt", line: 4, term: .cprNumber, stream: nil, otherCitizen: nil),
        ])
        XCTAssertEqual(Residue.find(["Ingen"], in: dir, erased: []) { _ in nil }, [])
    }

    /// The links and household members naming an erased citizen go, from citizens linked before
    /// the first erasure the projection applied and after it (`Projection.namedBy`, made at the
    /// first erasure, then kept by the events that name another citizen).
    func testErasuresDropTheLinksNamingThemBeforeAndAfterTheFirst() throws {
        var p = Projection()
        let at = Timestamp(iso: "2026-11-23T10:00:00.000Z")!, closed = Day(iso: "2020-01-10")!
        func on(_ stream: String, _ e: DomainEvent) throws { try p.apply(e, stream: stream, actor: "mette", at: at) }
        for (i, cpr) in ["0101801234", "0202802345", "0303803456", "0404804567", "0505805678"].enumerated() {
            try on("c\(i + 1)", .citizenRegistered(cpr: cpr, name: "Borger \(i + 1)", benefit: nil, responsible: "mette", sectors: [.employment]))
        }
        func member(_ id: String) -> HouseholdMember { HouseholdMember(relation: .child, name: "Barn", citizen: id) }
        func erase(_ id: String) throws {
            try on(id, .caseClosed(date: closed, reason: "Flyttet"))
            try on(id, .citizenErased(rule: "P1825D", closed: closed, archive: "Arkivkopi"))
        }
        try on("c1", .householdLinked(member("c2")))
        try on("c1", .householdLinked(HouseholdMember(relation: .partner, name: "Uden for EnPlan", citizen: nil)))
        try on("c4", .citizensLinked(other: "c3", reason: "x")); try on("c3", .citizensLinked(other: "c4", reason: "x"))
        try erase("c2")
        XCTAssertEqual(p.citizens["c1"]!.household.map(\.name), ["Uden for EnPlan"])
        XCTAssertEqual(p.citizens["c1"]!.recorded.household.count, 1, "who recorded each member goes in step")
        // Named after the first erasure.
        try on("c1", .householdLinked(member("c3")))
        try on("c5", .duplicateDismissed(other: "c3", reason: "x")); try on("c3", .duplicateDismissed(other: "c5", reason: "x"))
        try erase("c3")
        XCTAssertEqual(p.citizens["c1"]!.household.map(\.name), ["Uden for EnPlan"])
        XCTAssertEqual(p.citizens["c4"]!.linked, [])
        XCTAssertEqual(p.citizens["c5"]!.notDuplicates, [])
        XCTAssertTrue(p.citizens["c2"]!.isErased && p.citizens["c3"]!.isErased)
        // An erased citizen named others: nothing of theirs changes when one of them goes.
        try erase("c4")
        XCTAssertEqual(p.citizens["c1"]!.household.map(\.name), ["Uden for EnPlan"])
    }

    /// A session open on the snapshot (its citizens read in place) while the run erases: it takes the
    /// records in, and the household naming the erased citizen loses him there too.
    func testASessionOpenOnTheSnapshotTakesTheErasureIn() throws {
        let clock = TestClock()
        let (f, soeren, anna, _) = try store(clock)
        try f.store.writeSnapshot()
        let session = try Store(directory: f.dir, clock: clock)
        XCTAssertGreaterThan(session.projection.citizens.inSnapshot, 0, "the session reads its citizens from the snapshot")
        _ = try f.service.archive(as: "admin", policy: policy, to: archiveDir())
        XCTAssertEqual(try f.service.runRetention(as: "admin", policy: policy, dryRun: false).citizens, [soeren])
        try session.refresh()
        XCTAssertTrue(session.projection.citizens[soeren]!.isErased)
        XCTAssertEqual(session.projection.citizens[anna]!.household, [])
    }

    func testTheAuditLogKeepsItsOwnPeriodAndTheStoresOwnRecords() throws {
        let clock = TestClock()
        let (f, _, anna, _) = try store(clock)
        _ = try f.service.citizen(anna, as: "mette")
        // Six years on: the looks of 2026 are past a 5-year period; Anna's case is open, and stays.
        clock.time = Timestamp(iso: "2032-12-01T10:00:00.000Z")!
        let r = try f.service.retention(as: "admin", policy: RetentionPolicy(archiveExempt: "Rigsarkivets afgørelse 2031-7"))
        XCTAssertGreaterThan(r.auditRecords, 0)
        let run = try f.service.runRetention(as: "admin", policy: RetentionPolicy(archiveExempt: "Rigsarkivets afgørelse 2031-7"), dryRun: false)
        XCTAssertEqual(run.citizens.count, 1, "exempt from archiving: erased without a copy")
        var kinds: [String: Int] = [:]
        try f.store.scan(audit: true) { e in
            if e.ts.copenhagenDay < Day(iso: "2027-01-01")! { kinds[e.type, default: 0] += 1 }
            return true
        }
        XCTAssertNil(kinds["CitizenViewed"], "the looks are erased")
        XCTAssertNil(kinds["CitizensSearched"])
        XCTAssertNil(kinds["LoginSucceeded"])
        for r in try Store.verify(directory: f.dir, mark: false) { XCTAssertEqual(r.problems.map(\.reason), [], r.file) }
        XCTAssertFalse(f.store.projection.citizens[anna]!.isErased, "an open case is never erased")
        let record = try XCTUnwrap(try f.eventLines().last { $0.contains("\"CitizenErased\"") })
        XCTAssertTrue(record.contains("Rigsarkivets afgørelse 2031-7"), record)
    }
}
