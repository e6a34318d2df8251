import XCTest
@testable import Content

final class SitePathsTests: XCTestCase {
    func testPrettyURLs() {
        XCTAssertEqual(SitePaths.urlPath(forContentPath: "toolbox/urge-log.md"), "toolbox/urge-log/")
        XCTAssertEqual(SitePaths.urlPath(forContentPath: "toolbox/_index.md"), "toolbox/")
        XCTAssertEqual(SitePaths.urlPath(forContentPath: "_index.md"), "")
        XCTAssertEqual(SitePaths.outputFile(forURLPath: "toolbox/urge-log/"), "toolbox/urge-log/index.html")
    }

    func testRelativeLinks() {
        XCTAssertEqual(SitePaths.relativeURL(from: "toolbox/urge-log/", to: "program/"), "../../program/")
        XCTAssertEqual(SitePaths.relativeURL(from: "", to: ""), "./")
        XCTAssertEqual(SitePaths.relativeURL(from: "", to: "toolbox/"), "toolbox/")
    }

    func testRewritingMarkdownLinks() {
        XCTAssertEqual(PageLoader.rewrite("../toolbox/cost-benefit-analysis.md#steps", from: "program/point.md", urlPath: "program/point/"),
                       "../../toolbox/cost-benefit-analysis/#steps")
        XCTAssertEqual(PageLoader.rewrite("https://example.org/a.md", from: "a.md", urlPath: "a/"), "https://example.org/a.md")
        XCTAssertEqual(PageLoader.rewrite("tel:988", from: "a.md", urlPath: "a/"), "tel:988")
        XCTAssertEqual(PageLoader.rewrite("#local", from: "a.md", urlPath: "a/"), "#local")
        XCTAssertEqual(PageLoader.rewrite("../../outside.md", from: "a.md", urlPath: "a/"), "../../outside.md")
    }

    func testResolveRefusesToClimbOut() {
        XCTAssertNil(SitePaths.resolve("../../x.md", from: "toolbox/a.md"))
        XCTAssertEqual(SitePaths.resolve("./b.md", from: "toolbox/a.md"), "toolbox/b.md")
    }
}
