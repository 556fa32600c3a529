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
        let today = d.today
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

/// The rooms an administrator keeps in the settings: a meeting's room is one of them.
final class RoomSettingsTests: XCTestCase {
    func testAMeetingsRoomIsOneOfTheKeptRooms() throws {
        let d = DataDirectory()
        XCTAssertEqual(try d.run("demo", "--citizens", "6", "--seed", "3").status, 0)
        try "rooms = Mødelokale 1, Mødelokale 2\n".write(toFile: d.path + "/settings", atomically: true, encoding: .utf8)
        let tomorrow = d.today + 1
        func add(_ room: String, at time: String) throws -> Binary.Result {
            try d.run("meeting", "add", "--as", "mette", "--type", "network", "--start", "\(tomorrow.iso)T\(time)", "--minutes", "30",
                      "--participants", "mette", "--room", room, "--allow-conflict")
        }
        let ok = try add("mødelokale  1", at: "10:00")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let rows = try JSONSerialization.jsonObject(with: Data(try d.run("meetings", "--as", "mette", "--room", "Mødelokale 1", "--json").stdout.utf8))
        XCTAssertTrue("\(rows)".contains("Mødelokale 1"), "stored under the kept name: \(rows)")
        let before = try d.eventObjects().count
        let bad = try add("Mødelokale 9", at: "11:00")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("no room \"Mødelokale 9\" (rooms: Mødelokale 1, Mødelokale 2)"), bad.stderr)
        XCTAssertEqual(try d.eventObjects().count, before, "nothing written")
    }
}
