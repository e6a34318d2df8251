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

    /// From FuzzRequestPath's first find: a path of non-ASCII names is
    /// accepted, and the encoded form sent back in a redirect reads back as
    /// the same path while it fits the limit, and is refused (not mangled)
    /// once encoding has made it longer than the limit.
    func testEncodedLocationsReadBackOrAreRefused() {
        let short = "/caf%C3%A9/%E2%80%9Cquoted%E2%80%9D/"
        guard case .path(let path) = RequestPath.normalize(short) else { return XCTFail("refused \(short)") }
        XCTAssertEqual(RequestPath.normalize("/" + RequestPath.encode(path)), .path(path))
        let name = String(repeating: "\u{FFFD}", count: 400)  // 1,200 bytes, 3,600 once encoded
        guard case .path(let long) = RequestPath.normalize("/" + name + "/") else { return XCTFail("refused the long name") }
        let encoded = "/" + RequestPath.encode(long)
        XCTAssertGreaterThan(encoded.utf8.count, RequestPath.maximumLength)
        XCTAssertEqual(RequestPath.normalize(encoded), .refused("the path is too long"))
    }

    func testLocationsAreEncodedSafely() {
        XCTAssertEqual(RequestPath.encode("toolbox/urge-log"), "toolbox/urge-log")
        XCTAssertEqual(RequestPath.encode("café x"), "caf%C3%A9%20x")
        XCTAssertEqual(RequestPath.encode("a\r\nb"), "a%0D%0Ab")
    }
}
