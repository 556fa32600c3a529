import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// The helpers themselves: a helper that cannot fail would make every test that uses it worthless.
final class TestSupportTests: XCTestCase {
    func testLineDiffShowsOnlyTheLinesThatDifferWithContext() {
        XCTAssertEqual(lineDiff(actual: "a\nb\nc", expected: "a\nb\nc"), "")
        XCTAssertEqual(lineDiff(actual: "a\nx\nc", expected: "a\nb\nc"), "@@ -1 +1 @@\n a\n-b\n+x\n c")
        let expected = (1...10).map(String.init).joined(separator: "\n")
        let actual = expected.replacingOccurrences(of: "9", with: "nine") + "\n11"
        XCTAssertEqual(lineDiff(actual: actual, expected: expected), "@@ -7 +7 @@\n 7\n 8\n-9\n+nine\n 10\n+11")
    }

    func testDecideCaseReportsTheEventsOrTheRefusal() throws {
        let refused = DecideCase("no plan without consent", given: DecideCase.staff + [.registered("c1")],
                                 when: .createPlan(citizen: "c1", overallGoal: .employment, ownWords: ""), as: "mette",
                                 then: .refused(.invalid, "consent"))
        guard case .failure(let e as DomainError) = try refused.run() else { return XCTFail("not refused") }
        XCTAssertEqual(DecideCase.Refusal(e), .invalid)
        let accepted = DecideCase("a plan", given: DecideCase.staff + [.registered("c1"), .consent("c1")],
                                  when: .createPlan(citizen: "c1", overallGoal: .employment, ownWords: " Arbejde "), as: "mette",
                                  then: .events([]))
        XCTAssertEqual(try accepted.run().get(), [Store.Pending("c1", .planCreated(overallGoal: .employment, ownWords: "Arbejde", date: DecideCase.day))])
        XCTAssertEqual(try accepted.state().citizens["c1"]?.version, 2, "the given events are versions 1 and 2 of the stream")
    }

    func testJSONReadsWhatEnPlanWrites() throws {
        let f = try Fixture()
        try f.citizen()
        let lines = try JSON.lines(ofFile: f.eventsPath)
        XCTAssertEqual(lines.count, 6)
        XCTAssertEqual(lines.last?["type"] as? String, "CitizenRegistered")
        XCTAssertEqual((lines.last?["data"] as? [String: Any])?["name"] as? String, "Søren Sørensen")
    }
}
