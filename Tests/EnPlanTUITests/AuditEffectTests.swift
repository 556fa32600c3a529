@_spi(Store) import EnPlanDomain
@testable import EnPlanTUI
import Foundation
import TestSupport
import XCTest

/// Screens never write, not even to the audit log: a search, a list that grew and a spot check are
/// `Effect.record`, which the App writes; what could not be logged is not shown or acted on.
final class AuditEffectTests: XCTestCase {
    private func count(_ h: Harness, _ type: String) throws -> Int {
        try h.service.auditTrail(as: "admin").filter { $0.type == type }.count
    }

    private func top(_ h: Harness) -> (any Screen)? {
        guard case .main(let s) = h.app.phase else { return nil }
        return s.stack.last
    }

    private func context(_ h: Harness) throws -> ScreenContext {
        guard case .main(let s) = h.app.phase else { throw XCTSkip("not logged in") }
        return h.app.context(s.user)
    }

    /// Another file is put where the audit log was (as an upgrade would): the next audit write is
    /// refused ("the store was upgraded since you opened EnPlan").
    private func replaceTheAuditLog(_ h: Harness) throws {
        let path = h.dir + "/" + Store.auditFile
        try FileManager.default.copyItem(atPath: path, toPath: path + ".new")
        _ = rename(path + ".new", path)
    }

    func testTheListAsksForItsSearchToBeLoggedAndTheAppLogsIt() throws {
        let h = try Harness()
        h.login("mette")
        h.press(.char("/")); h.type("sør")
        let before = try count(h, "CitizensSearched")
        var list = try XCTUnwrap(top(h) as? CitizenListScreen)
        guard case .record(.search("sør", results: 1), then: .none) = list.handle(.enter, context: try context(h)) else {
            return XCTFail("Enter ends the search: its record is asked for")
        }
        XCTAssertEqual(try count(h, "CitizensSearched"), before, "the screen wrote nothing itself")
        h.press(.enter)
        XCTAssertEqual(try count(h, "CitizensSearched"), before + 1, "the App wrote it")
    }

    func testASpotCheckIsRecordedByTheAppAndNotShownWhenItCannotBe() throws {
        let h = try Harness()
        _ = try h.service.citizen("c1", as: "mette", purpose: "plan")     // a lookup to check
        h.login("karen")
        h.press(.char(":")); h.type("opslagslog"); h.press(.enter)
        h.press(.char("s"), .char("n"))
        var audit = try XCTUnwrap(top(h) as? AuditScreen)
        guard case .record(.spotCheck(_, .workRelated, nil), then: .none) = audit.handle(.char("a"), context: try context(h)) else {
            return XCTFail("a asks for the verdict to be recorded")
        }
        XCTAssertEqual(try count(h, "SpotChecked"), 0, "the screen wrote nothing itself")

        try replaceTheAuditLog(h)
        h.press(.char("a"))
        h.assertHides("✓ arbejdsrelateret", "a verdict that was not recorded is not shown")
        XCTAssertFalse(h.statusLine.hasPrefix("Stikprøven er gemt"), h.statusLine)
    }

    /// A citizen named in the scheduling form is a search: when it cannot be logged, the refusal
    /// stands at the citizen field and the meeting is not saved.
    func testAMeetingIsNotSavedOnAnUnloggedNameSearch() throws {
        let h = try Harness(rows: 34, cols: 120)
        h.login("mette")
        h.press(.char("2"), .char("n"))
        h.type("Søren")                                          // the form opens at the citizen
        h.assertShows("Borger (navn eller CPR): Søren")
        var calendar = try XCTUnwrap(top(h) as? CalendarScreen)
        guard case .record(.search("Søren", results: 1), then: .write) = calendar.handle(.enter, context: try context(h)) else {
            return XCTFail("the meeting is written only once the search for its citizen is logged")
        }
        let meetings = h.service.state.meetings.count
        try replaceTheAuditLog(h)
        h.press(.enter)
        XCTAssertEqual(h.service.state.meetings.count, meetings, "nothing saved")
        XCTAssertNotNil(top(h).flatMap { ($0 as? CalendarScreen)?.form }, "the form stays open")
        XCTAssertTrue(h.screen.line(5).contains("Søren") && h.screen.line(6).contains("Lageret er blevet opgraderet"), "under the citizen field: \(h.numbered)")
    }
}
