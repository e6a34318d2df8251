import XCTest
@testable import Content

/// Where a link written in a page leads, and which addresses a setting may hold.
final class LinkTargetTests: XCTestCase {
    func testLinksAreSortedIntoPagesFilesAndOtherSites() {
        let from = "program/coping.md"
        XCTAssertEqual(LinkTarget.of("../toolbox/x.md#steps", from: from), .page("toolbox/x.md", fragment: "steps"))
        XCTAssertEqual(LinkTarget.of("images/room.png", from: "meetings.md"), .file(path: "images/room.png", written: "images/room.png"))
        XCTAssertEqual(LinkTarget.of("my%20photo.png", from: "a.md"), .file(path: "my photo.png", written: "my%20photo.png"))
        XCTAssertEqual(LinkTarget.of("images/a:b.png", from: "a.md"), .file(path: "images/a:b.png", written: "images/a:b.png"))
        XCTAssertEqual(LinkTarget.of("#part", from: from), .sameFile(fragment: "part"))
        XCTAssertEqual(LinkTarget.of("", from: from), .empty)
        for external in ["https://example.org/a.md", "HTTP://x.org", "mailto:a@b.org", "tel:988", "sms:988", "//cdn.example.org/x"] {
            XCTAssertEqual(LinkTarget.of(external, from: from), .external, external)
        }
    }

    func testLinksThatLeaveTheSiteOrRunScriptsAreTold() {
        XCTAssertEqual(LinkTarget.of("../../../../etc/passwd", from: "program/coping.md"), .outsideContent)
        XCTAssertEqual(LinkTarget.of("..\\..\\..\\etc\\passwd", from: "program/coping.md"), .outsideContent)
        XCTAssertEqual(LinkTarget.of("%2e%2e/%2E%2E/etc/passwd", from: "program/coping.md"), .outsideContent)
        XCTAssertEqual(LinkTarget.of("/etc/passwd", from: "a.md"), .hostRoot)
        XCTAssertEqual(LinkTarget.of("javascript:alert(1)", from: "a.md"), .refused(scheme: "javascript"))
        XCTAssertEqual(LinkTarget.of(" JaVa\tScRiPt:alert(1)", from: "a.md"), .refused(scheme: "javascript"))
        XCTAssertEqual(LinkTarget.of("data:text/html,<b>x", from: "a.md"), .refused(scheme: "data"))
        XCTAssertEqual(LinkTarget.of("file:///etc/passwd", from: "a.md"), .refused(scheme: "file"))
        XCTAssertEqual(LinkTarget.of("c:x", from: "a.md"), .refused(scheme: "c"))
    }

    func testSettingsHoldOnlyWebMailPhoneOrSiteAddresses() {
        for good in ["https://example.org/", "http://example.org/a?b#c", "mailto:help@example.org", "tel:+18889794570",
                     "sms:988", "../toolbox/", "/recovery/", "providers/"] {
            XCTAssertNil(URLPolicy.problem(with: good), good)
        }
        let bad = ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
                   " javascript:alert(1)", "\u{1}javascript:alert(1)", "vbscript:x", "data:text/html,x", "file:///etc/passwd",
                   "https:", "https:/x", "https://", "//evil.example/", "https:\\\\evil.example", "", "https://a b/ "]
        for value in bad {
            XCTAssertNotNil(URLPolicy.problem(with: value), value.debugDescription)
        }
        XCTAssertEqual(URLPolicy.problem(with: "javascript:alert(1)"),
                       "uses 'javascript:', which a site may not link to; only https:, http:, mailto:, tel:, sms: or a path on this site are allowed")
    }
}
