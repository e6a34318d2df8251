import Content
import Diagnostics
import Foundation
import TestSupport
import XCTest

/// What `smartsite check` adds to a build: warnings a publisher should see.
final class SiteAuditTests: XCTestCase {
    private func audit(_ site: FixtureSite) throws -> (SiteAudit, [String]) {
        let (loaded, _) = try Site.load(contentRoot: site.content, displayRoot: "content")
        let audit = SiteAudit(site: loaded)
        return (audit, audit.run().map { $0.description.components(separatedBy: "\n")[0] })
    }

    func testFindsMissingDescriptionsImagesWithoutAltAndOrphans() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/orphan.md", "---\ntitle: Orphan\ndescription: Nobody links here.\n---\n\n![](chart.png)\n")
        try site.write("content/chart.png", "png")
        let (_, warnings) = try audit(site)
        XCTAssertTrue(warnings.contains("content/orphan.md:6:1: warning: the image 'chart.png' has no alt text, so screen readers cannot describe it"), "\(warnings)")
        XCTAssertTrue(warnings.contains("content/orphan.md:2:1: warning: no menu, section list or link leads to this page, so visitors cannot find it"), "\(warnings)")
        XCTAssertTrue(warnings.contains("content/_index.md:2:1: warning: the page has no description; search engines and link previews will show its first paragraph"), "\(warnings)")
        // Reached through the menu (toolbox), its list (urge log) and the tool's link to its point.
        XCTAssertFalse(warnings.contains { $0.contains("no menu") && !$0.hasPrefix("content/orphan.md") }, "\(warnings)")
    }

    func testListsExternalLinksWithoutFetchingThem() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/toolbox/_index.md", "---\ntitle: Toolbox\n---\n\nSee [A](https://example.org/a) and [B](http://example.org/b).\n")
        let (audit, _) = try audit(site)
        XCTAssertEqual(audit.externalLinks().map(\.url), ["http://example.org/b", "https://example.org/a"])
        XCTAssertEqual(audit.externalLinks().first?.line, 5)
    }

    func testTheShippedSiteHasNothingToFix() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (site, warnings) = try Site.load(contentRoot: repository.appendingPathComponent("content"), displayRoot: "content")
        XCTAssertEqual(warnings, [])
        // Only the shipped example meetings, which strict checking names on purpose (issue 13).
        let findings = SiteAudit(site: site).run().map(\.description)
        XCTAssertEqual(findings.filter { !$0.contains("this is an example meeting listing") }, [])
        XCTAssertEqual(findings.count, 4, "\(findings)")
    }
}
