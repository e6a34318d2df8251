import XCTest
@testable import Preview

final class RequestPathTests: XCTestCase {
    /// Paths that try to leave the served root or reach hidden files.
    static let nastyPaths = [
        "/../etc/passwd",
        "/..",
        "/a/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/secret",
        "/.%2e/secret",
        "/%2e/index.html",
        "/..%2fetc%2fpasswd",
        "/..%2Fetc/passwd",
        "/%2fetc/passwd",
        "/..%5c..%5cwindows%5cwin.ini",
        "/..\\..\\etc\\passwd",
        "//etc/passwd",
        "/assets//site.css",
        "/index.html%00.css",
        "/%00",
        "/.git/config",
        "/.env",
        "/assets/.hidden.css",
        "/%2egit/config",
        "/%c0%ae%c0%ae/etc/passwd",
        "/%zz",
        "/%2",
        "/a%0d%0aSet-Cookie:%20x=1",
        "etc/passwd",
        "/./index.html",
    ]

    func testNastyPathsAreRefused() {
        for path in Self.nastyPaths {
            guard case .refused = RequestPath.normalize(path) else {
                XCTFail("\(path) was accepted as \(RequestPath.normalize(path))")
                continue
            }
        }
    }

    func testPlainPathsBecomePathsBelowTheRoot() {
        XCTAssertEqual(RequestPath.normalize("/"), .path(""))
        XCTAssertEqual(RequestPath.normalize("/toolbox/"), .path("toolbox/"))
        XCTAssertEqual(RequestPath.normalize("/toolbox/urge-log/index.html"), .path("toolbox/urge-log/index.html"))
        XCTAssertEqual(RequestPath.normalize("/assets/site.css"), .path("assets/site.css"))
    }

    func testPercentEncodingIsDecodedExactlyOnce() {
        XCTAssertEqual(RequestPath.normalize("/caf%C3%A9/"), .path("café/"))
        XCTAssertEqual(RequestPath.normalize("/a%20b"), .path("a b"))
        // Decoded once: `%252e%252e` is the literal name `%2e%2e`, not `..`.
        XCTAssertEqual(RequestPath.normalize("/%252e%252e/x"), .path("%2e%2e/x"))
    }

    func testTooLongPathsAreRefused() {
        let long = "/" + String(repeating: "a/", count: RequestPath.maximumLength)
        XCTAssertNotEqual(RequestPath.normalize(long), .path(String(long.dropFirst())))
    }

    func testLocationsAreEncodedSafely() {
        XCTAssertEqual(RequestPath.encode("toolbox/urge-log"), "toolbox/urge-log")
        XCTAssertEqual(RequestPath.encode("café x"), "caf%C3%A9%20x")
        XCTAssertEqual(RequestPath.encode("a\r\nb"), "a%0D%0Ab")
    }
}
