import Content
import XCTest

final class BaseURLTests: XCTestCase {
    func testOneTrailingSlashWhicheverWayItWasWritten() {
        XCTAssertEqual(BaseURL.normalized("https://example.org/recovery"), "https://example.org/recovery/")
        XCTAssertEqual(BaseURL.normalized("https://example.org/recovery/"), "https://example.org/recovery/")
        XCTAssertEqual(BaseURL.normalized("/"), "/")
    }

    func testTheSitePathIsWhatFollowsTheHost() {
        XCTAssertEqual(BaseURL.sitePath(of: "https://example.org/recovery/"), "/recovery/")
        XCTAssertEqual(BaseURL.sitePath(of: "https://example.org/recovery"), "/recovery/")
        XCTAssertEqual(BaseURL.sitePath(of: "https://example.org"), "/")
        XCTAssertEqual(BaseURL.sitePath(of: "/guide/"), "/guide/")
    }

    func testOnlyWebAddressesAndRootedPathsAreBaseURLs() {
        XCTAssertNil(BaseURL.problem(with: "https://example.org/"))
        XCTAssertNil(BaseURL.problem(with: "http://localhost:8000/"))
        XCTAssertNil(BaseURL.problem(with: "/recovery/"))
        XCTAssertNotNil(BaseURL.problem(with: "recovery/"))
        XCTAssertNotNil(BaseURL.problem(with: "mailto:a@example.org"))
        XCTAssertNotNil(BaseURL.problem(with: "javascript:alert(1)"))
        XCTAssertNotNil(BaseURL.problem(with: "https://"))
        XCTAssertNotNil(BaseURL.problem(with: "//example.org/"))
    }
}
