import XCTest
@testable import EnPlanDomain

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
