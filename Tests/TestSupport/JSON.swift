import Foundation
import XCTest
@_spi(Store) import EnPlanDomain

/// Reading what EnPlan wrote with a parser of another make (Foundation's), as jq or Python would.
public enum JSON {
    /// One JSON object's members, or a test failure (and an empty dictionary) if the text is not one.
    public static func object(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [String: Any] {
        do {
            guard let o = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                XCTFail("not a JSON object: \(text)", file: file, line: line)
                return [:]
            }
            return o
        } catch {
            XCTFail("not valid JSON (\(error)): \(text)", file: file, line: line)
            return [:]
        }
    }

    /// Every line of a JSON-lines file (a log) as an object.
    public static func lines(ofFile path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { object(String($0), file: file, line: line) }
    }

    /// A payload as EnPlan writes it: its JSON text, keys in their written order.
    public static func text(_ fields: Fields) -> String { fields.json }
}
