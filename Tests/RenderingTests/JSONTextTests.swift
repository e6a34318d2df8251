import Foundation
import XCTest
@testable import Rendering

/// The search index and structured data are JSON written by hand: each
/// string must read back as itself, and never close a <script> or end a
/// JavaScript line.
final class JSONTextTests: XCTestCase {
    private func readBack(_ json: String) throws -> String {
        let array = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
        return try XCTUnwrap(array?.first)
    }

    func testStringsReadBackAsThemselves() throws {
        let samples = ["", "plain", "a \"quoted\" word", "back\\slash", "line\nbreak\r\ttab", "</script><b>&amp;",
                       "It’s “smart” — punctuation…", "\u{2028}line\u{2029}para", "\u{0}\u{1F}", "é ü ✓ 🙂",
                       "ends with ’", "\u{2027}\u{202A}", "’\u{2028}’"]
        for sample in samples {
            let json = JSONText.string(sample)
            XCTAssertEqual(try readBack(json), sample, json)
            XCTAssertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json)
            XCTAssertFalse(json.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0.value < 0x20 }, json)
        }
        XCTAssertEqual(JSONText.string("a<b\u{2028}"), "\"a\\u003cb\\u2028\"")
        XCTAssertEqual(JSONText.string("It’s"), "\"It’s\"")
    }
}
