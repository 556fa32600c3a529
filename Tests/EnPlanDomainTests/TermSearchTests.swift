import Foundation
import XCTest
@testable import EnPlanDomain

/// The retention run's one-pass search for many names and numbers agrees with searching for each.
final class TermSearchTests: XCTestCase {
    private func found(_ terms: [String], in text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { TermSearch(terms).found(in: $0) }
    }

    func testItFindsWhatTheTermsFindAndNothingElse() {
        XCTAssertTrue(found(["Søren Sørensen"], in: "Søren Sørensen ringede"), "at the start")
        XCTAssertTrue(found(["111299-1444"], in: "cpr 111299-1444"), "at the end")
        XCTAssertTrue(found(["Åse", "Æbel Ørum"], in: "{\"name\":\"Æbel Ørum\"}"), "multi-byte letters")
        XCTAssertFalse(found(["Søren Sørensen"], in: "Søren Sørense"), "a term cut short is no match")
        XCTAssertFalse(found(["1112991444"], in: "111299-1444"), "digits apart are no match")
        XCTAssertTrue(found(["Bo"], in: "Hej Bo"), "a term under three bytes")
        XCTAssertFalse(found([], in: "anything"))
        // Against the plain search, on random text and terms cut from it and from elsewhere.
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("abcæøå 0123-\"")
        for _ in 0..<200 {
            let text = String((0..<Int.random(in: 0...300, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let terms = (0..<Int.random(in: 1...20, using: &rng)).map { _ in
                String((0..<Int.random(in: 1...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            }
            let hay = Array(text.utf8)
            let plain = terms.contains { term in
                let needle = Array(term.utf8)
                return hay.indices.contains { i in hay[i...].starts(with: needle) }
            }
            XCTAssertEqual(found(terms, in: text), plain, "\(terms) in \(text)")
        }
    }
}
