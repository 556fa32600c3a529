import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

final class JSONTests: XCTestCase {
    func testFieldsRoundTripWithEscapesAndDanishLetters() throws {
        var f = Fields()
        f.set("name", "Åse \"Østergaard\" \\ Bæk\n\ttab")
        f.set("n", -42)
        f.set("ok", true)
        f.set("list", ["a", "ø"])
        var inner = Fields(); inner.set("k", "v")
        f.set("objects", [inner])
        let bytes = f.jsonBytes
        XCTAssertEqual(try JSONReader.decode(Fields.self, from: bytes), f)
        // jq and Python must read it too: Foundation's parser agrees.
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
        XCTAssertEqual(parsed["name"] as? String, "Åse \"Østergaard\" \\ Bæk\n\ttab")
    }

    func testReaderHandlesUnicodeEscapesAndRefusesGarbage() throws {
        XCTAssertEqual(try JSONReader.decode(Fields.self, from: #"{"a":"\u00f8\ud83d\ude00","b":null}"#), {
            var f = Fields(); f.set("a", "ø😀"); return f
        }())
        XCTAssertThrowsError(try JSONReader.decode(Fields.self, from: #"{"a":"x""#))
        XCTAssertThrowsError(try JSONReader.decode(Fields.self, from: #"{"a":1.5}"#))
        XCTAssertThrowsError(try JSONReader.decode(Fields.self, from: #"{"a":1} trailing"#))
        XCTAssertThrowsError(try JSONReader.decode(Fields.self, from: "{\"a\":\"line\nbreak\"}"))
    }

    /// Every type of the catalogue, so a new one cannot be left out (`EventSamples.sample` has a case a type).
    func testEveryEventTypeRoundTrips() throws {
        for type in EventType.allCases {
            let e = EventSamples.sample(type)
            XCTAssertEqual(e.eventType, type, "the sample of \(type.name) is of another type")
            let back = try DomainEvent(type: type.name, fields: try JSONReader.decode(Fields.self, from: e.fields.jsonBytes))
            XCTAssertEqual(back, e, type.name)
            XCTAssertEqual(back.eventType, type, "\(type.name)'s row decodes to another type")
        }
        XCTAssertThrowsError(try DomainEvent(type: "NoSuchEvent", fields: Fields()))
    }
}

import Foundation
