import XCTest
@testable import Content

final class SitePathsTests: XCTestCase {
    func testPrettyURLs() {
        XCTAssertEqual(SitePaths.urlPath(forContentPath: "toolbox/urge-log.md"), "toolbox/urge-log/")
        XCTAssertEqual(SitePaths.urlPath(forContentPath: "toolbox/_index.md"), "toolbox/")
        XCTAssertEqual(SitePaths.urlPath(forContentPath: "_index.md"), "")
        XCTAssertEqual(SitePaths.outputFile(forURLPath: "toolbox/urge-log/"), "toolbox/urge-log/index.html")
    }

    func testOfflineLinksNameTheirIndexFile() {
        XCTAssertEqual(SitePaths.offlineLink("../toolbox/"), "../toolbox/index.html")
        XCTAssertEqual(SitePaths.offlineLink("../toolbox/urge-log/#steps"), "../toolbox/urge-log/index.html#steps")
        XCTAssertEqual(SitePaths.offlineLink(""), "index.html")
        XCTAssertEqual(SitePaths.offlineLink("./"), "./index.html")
        XCTAssertEqual(SitePaths.offlineLink(".."), "../index.html")
        XCTAssertEqual(SitePaths.offlineLink("./?q=urge"), "./index.html?q=urge")
        for unchanged in ["#part", "../images/room.png", "../worksheets/urge-log-a4.pdf", "https://example.org/",
                          "tel:988", "mailto:a@example.org", "//cdn.example.org/x/", "/abs/"] {
            XCTAssertEqual(SitePaths.offlineLink(unchanged), unchanged)
        }
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

    /// The byte-level fast paths give what splitting into names gives, on
    /// plain paths and on the odd ones that take the general way.
    func testPathQuestionsMatchSplittingIntoNames() {
        func splitURLPath(_ path: String) -> String {
            var names = path.split(separator: "/").map(String.init)
            guard let last = names.popLast() else { return "" }
            if last != "_index.md" { names.append(last.hasSuffix(".md") ? String(last.dropLast(3)) : last) }
            return names.isEmpty ? "" : names.joined(separator: "/") + "/"
        }
        let paths = ["_index.md", "a.md", "a/_index.md", "a/b/c.md", "a/b/_index.md", "x_index.md", "a/x_index.md",
                     "a//b.md", "/a.md", "a/", "", "/", "a/../b.md", "..", "a/..", "../a", "a/...", "a/.b", "a/..b/c",
                     "readme", "a/b.markdown", "toolbox/été.md", "_index.md/_index.md"]
        for path in paths {
            XCTAssertEqual(SitePaths.urlPath(forContentPath: path), splitURLPath(path), path)
            XCTAssertEqual(SitePaths.depth(of: path), path.split(separator: "/").count, path)
            XCTAssertEqual(SitePaths.hasParentStep(path), path.split(separator: "/").contains("..") , path)
            if SitePaths.isPlainRelative(path) {
                XCTAssertEqual(SitePaths.folder(of: path), path.split(separator: "/").dropLast().joined(separator: "/"), path)
            }
        }
    }

    func testPageKindComesFromWhereTheFileIs() {
        XCTAssertEqual(PageKind.of(relativePath: "_index.md"), .home)
        XCTAssertEqual(PageKind.of(relativePath: "toolbox/_index.md"), .section)
        XCTAssertEqual(PageKind.of(relativePath: "a/b/_index.md"), .section)
        XCTAssertEqual(PageKind.of(relativePath: "toolbox/urge-log.md"), .tool)
        XCTAssertEqual(PageKind.of(relativePath: "program/point-1.md"), .point)
        XCTAssertEqual(PageKind.of(relativePath: "providers/clinic.md"), .provider)
        XCTAssertEqual(PageKind.of(relativePath: "toolbox/more/x.md"), .page)
        XCTAssertEqual(PageKind.of(relativePath: "toolbox.md"), .page)
        XCTAssertEqual(PageKind.of(relativePath: "about.md"), .page)
    }
}
