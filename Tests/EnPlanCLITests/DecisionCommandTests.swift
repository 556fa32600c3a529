import Foundation
import XCTest
import TestSupport
@_spi(Store) import EnPlanDomain

/// `enplan decision add`: the appeal deadline reckoned from how the decision is sent.
final class DecisionCommandTests: XCTestCase {
    func testTheDeadlineFollowsHowTheDecisionIsSent() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "12", "--seed", "3").status, 0)
        let rows = try JSONSerialization.jsonObject(with: Data(try d.run("citizens", "--as", "mette", "--json").stdout.utf8)) as! [[String: Any]]
        let id = try XCTUnwrap(rows.first { $0["mine"] as? Bool == true && $0["plan"] as? String == "active" }?["id"] as? String)
        let today = SystemClock().now().local.day
        for (sent, how) in [("digital", Delivery.digital), ("letter", .letter), ("hand", .hand)] {
            let r = try d.run("decision", "add", "--as", "mette", "--citizen", id, "--area", "LAB", "--text", "Mentor bevilget",
                              "--sent", sent, "--json")
            XCTAssertEqual(r.status, 0, r.stderr)
            let obj = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])?.first)
            XCTAssertEqual(obj["appealDeadline"] as? String, AppealDeadline.deadline(sent: today, by: how, area: .lab).iso, sent)
        }
        let before = try d.eventObjects().count
        for bad in [["--area", "XYZ", "--text", "x"], ["--area", "LAB", "--text", "x", "--sent", "pigeon"], ["--area", "LAB"]] {
            let r = try d.run(["decision", "add", "--as", "mette", "--citizen", id] + bad)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
        XCTAssertEqual(try d.eventObjects().count, before, "nothing written")
    }
}
