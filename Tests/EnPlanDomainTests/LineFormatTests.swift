import Foundation
import XCTest
@_spi(Store) @testable import EnPlanDomain
import TestSupport

/// Format 2: a payload erased in place keeps the line's length and hash, and the chain still
/// catches every edit of what remains.
final class LineFormatTests: XCTestCase {
    let ts = Timestamp(iso: "2026-11-23T10:00:00.000Z")!

    private func line(_ seq: Int, _ data: Fields, prev: String, format: Int = 2) -> (bytes: [UInt8], hash: String) {
        LogLine.encode(seq: seq, ts: ts, actor: "mette", type: "ContactLogged", stream: "c7", version: seq, data: data, prev: prev, format: format)
    }

    private func decode(_ bytes: [UInt8], prev: String?, seq: Int = 0) throws -> RecordedEvent {
        try Array(bytes.dropLast()).withUnsafeBytes { try LogLine.decode($0, previousHash: prev, previousSeq: seq) }
    }

    private func erased(_ bytes: [UInt8]) -> [UInt8]? {
        Array(bytes.dropLast()).withUnsafeBytes { LogLine.erasing($0) }.map { $0 + [0x0A] }
    }

    func testAnErasedPayloadKeepsTheLineItsLengthAndItsHash() throws {
        var payloads: [Fields] = [Fields()]
        for note in ["", "Bo", "Søren Sørensen 111299-1444", String(repeating: "æøå ", count: 200)] + (0..<70).map({ String(repeating: "x", count: $0) }) {
            var f = Fields(); f.set("note", note); payloads.append(f)
        }
        for data in payloads {
            let l = line(1, data, prev: LogLine.genesisHash)
            let e = try decode(l.bytes, prev: LogLine.genesisHash)
            XCTAssertFalse(e.erased)
            XCTAssertEqual(e.data.json, data.json)
            let gone = try XCTUnwrap(erased(l.bytes), data.json)
            XCTAssertEqual(gone.count, l.bytes.count, "erased in place: \(data.json)")
            let text = String(decoding: gone, as: UTF8.self)
            XCTAssertFalse(text.contains("\"data\"") || text.contains("\"salt\""), text)
            let after = try decode(gone, prev: LogLine.genesisHash)
            XCTAssertTrue(after.erased)
            XCTAssertEqual(after.hash, l.hash)
            XCTAssertEqual(after.data.json, "{}")
            XCTAssertEqual([after.seq, after.version], [1, 1])
            XCTAssertNil(erased(gone), "erased once")
        }
    }

    func testTheChainHoldsAcrossAnErasedLineAndCatchesEditsOfWhatRemains() throws {
        var note = Fields(); note.set("note", "Ringede til Søren Sørensen om praktik")
        let a = line(1, note, prev: LogLine.genesisHash)
        let b = line(2, note, prev: a.hash)
        let c = line(3, note, prev: b.hash)
        let b2 = try XCTUnwrap(erased(b.bytes))
        _ = try decode(a.bytes, prev: LogLine.genesisHash)
        _ = try decode(b2, prev: a.hash, seq: 1)
        _ = try decode(c.bytes, prev: b.hash, seq: 2)

        func edited(_ bytes: [UInt8], _ from: String, _ to: String) -> [UInt8] {
            Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
        }
        // The erased line's envelope, its commitment, and the payload of a kept line: each edit is caught.
        for bad in [edited(b2, "\"actor\":\"mette\"", "\"actor\":\"jonas\""), edited(b2, "\"version\":2", "\"version\":9"),
                    edited(b2, "\"erased\":\"", "\"erased\":\"0"), edited(c.bytes, "praktik", "Praktik")] {
            XCTAssertThrowsError(try decode(bad, prev: nil), String(decoding: bad, as: UTF8.self))
        }
        // The salt taken away with the payload left (or a payload put back without it) is no line either.
        let text = String(decoding: c.bytes, as: UTF8.self)
        let noSalt = text.replacingOccurrences(of: #","salt":"[0-9a-f]+""#, with: "", options: .regularExpression)
        XCTAssertThrowsError(try decode(Array(noSalt.utf8), prev: nil))
        // Removing the erased line, or swapping two lines, breaks the chain as before.
        XCTAssertThrowsError(try decode(c.bytes, prev: a.hash, seq: 1))
    }

    func testFormatOneIsStillReadButNotErasedInPlace() throws {
        var note = Fields(); note.set("note", "hej")
        let old = line(1, note, prev: LogLine.genesisHash, format: 1)
        XCTAssertTrue(String(decoding: old.bytes, as: UTF8.self).hasPrefix(#"{"v":1,"#))
        let e = try decode(old.bytes, prev: LogLine.genesisHash)
        XCTAssertEqual(e.data.json, note.json)
        XCTAssertNil(erased(old.bytes), "a format-1 line's hash covers its payload: the log is upgraded first")
        // A format-2 line may follow a format-1 line in the same chain.
        let next = line(2, note, prev: old.hash)
        _ = try decode(next.bytes, prev: old.hash, seq: 1)
    }
}
