import XCTest
@testable import Content

/// The WCAG arithmetic behind the branding check, against figures the WCAG
/// definition gives (black on white is 21:1; #767676 is the lightest grey
/// that passes 4.5:1 on white).
final class ColourTests: XCTestCase {
    func testReadsHexInBothLengthsAndRefusesTheRest() {
        XCTAssertEqual(Colour(hex: "#0B5563")?.description, "#0b5563")
        XCTAssertEqual(Colour(hex: "#fff")?.description, "#ffffff")
        for text in ["0b5563", "#0b556", "#0b55633", "red", "#ggg", "", "#"] {
            XCTAssertNil(Colour(hex: text), text)
        }
    }

    func testContrastRatiosMatchWCAG() throws {
        let black = try XCTUnwrap(Colour(hex: "#000"))
        XCTAssertEqual(black.contrast(with: .white), 21, accuracy: 0.001)
        XCTAssertEqual(Colour.white.contrast(with: .white), 1, accuracy: 0.001)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(Colour(hex: "#767676")).contrast(with: .white), 4.5)
        XCTAssertLessThan(try XCTUnwrap(Colour(hex: "#777777")).contrast(with: .white), 4.5)
        XCTAssertEqual(Colour.ratioText(4.49), "4.4:1", "a ratio is never rounded up past the limit")
    }

    func testTheNearestShadePassesAndKeepsItsHue() throws {
        let light = try XCTUnwrap(Colour(hex: "#6fa8dc"))
        let shade = light.nearestShade(reaching: 4.5, against: .white)
        XCTAssertGreaterThanOrEqual(shade.contrast(with: .white), 4.5)
        XCTAssertLessThan(shade.darkened(-0.02).contrast(with: .white), 4.6, "not darker than it needs to be")
        XCTAssertGreaterThan(shade.blue, shade.red, "still a blue")
        let onDark = try XCTUnwrap(Colour(hex: "#6a2c70")).nearestShade(reaching: 4.5, against: .darkPaper)
        XCTAssertGreaterThanOrEqual(onDark.contrast(with: .darkPaper), 4.5)
        let passing = try XCTUnwrap(Colour(hex: "#0b5563"))
        XCTAssertEqual(passing.nearestShade(reaching: 4.5, against: .white), passing)
    }
}
