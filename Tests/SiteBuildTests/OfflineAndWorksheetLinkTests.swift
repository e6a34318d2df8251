import Foundation
import TestSupport
import XCTest
@testable import SiteBuild

/// The copy that works from disk (`build --offline`), and a worksheet's
/// `tool:` linking the two pages from either side.
final class OfflineAndWorksheetLinkTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws { site = try FixtureSite() }
    override func tearDown() { site.remove() }

    private func options(offline: Bool = false, worksheets: Bool = false) -> BuildOptions {
        var options = BuildOptions(contentFolder: site.content.path, templatesFolder: site.templates.path,
                                   outputFolder: site.output.path, buildWorksheets: worksheets)
        options.offline = offline
        return options
    }

    func testTheOfflineCopyLinksToIndexFilesAndShipsTheSearchIndexAsAScript() throws {
        try site.write("templates/home.mustache", """
            {{<base}}{{$main}}<nav>{{#menu}}<a href="{{url}}">{{title}}</a>{{/menu}}</nav><a class=home href="{{root}}">Home</a>\
            <form action="{{root}}search/"></form>{{{page.content}}}{{/main}}{{/base}}
            """)
        _ = try SiteBuilder.build(options(offline: true))
        let home = try XCTUnwrap(site.read("index.html"))
        XCTAssertTrue(home.contains(#"<a href="toolbox/index.html">Toolbox</a>"#), home)
        XCTAssertTrue(home.contains(#"<a class=home href="./index.html">"#), home)
        XCTAssertTrue(home.contains(#"action="./search/index.html""#), home)
        XCTAssertTrue(home.contains(#"href="toolbox/urge-log/index.html#how-to-use-it""#), home)
        let tool = try XCTUnwrap(site.read("toolbox/urge-log/index.html"))
        XCTAssertTrue(tool.contains(#"href="../../toolbox/index.html""#) && tool.contains(#"href="../../index.html""#), tool)
        let script = try XCTUnwrap(site.read("search-index.js"))
        XCTAssertTrue(script.hasPrefix("window.smartsiteSearchIndex = ["), script)
        XCTAssertTrue(script.contains(#""url":"toolbox/urge-log/index.html""#), script)
        XCTAssertNotNil(site.read("search.json"))

        // The copy for a web host is as it always was.
        _ = try SiteBuilder.build(options())
        XCTAssertTrue(try XCTUnwrap(site.read("index.html")).contains(#"<a href="toolbox/">Toolbox</a>"#))
        XCTAssertNil(site.read("search-index.js"))
    }

    func testAWorksheetsToolSettingShowsItOnTheToolPage() throws {
        try site.write("templates/tool.mustache", "{{<page}}{{$main}}{{#worksheet}}<a class=ws href=\"{{url}}\">{{title}}</a>{{/worksheet}}{{/main}}{{/page}}\n")
        try site.write("templates/worksheet.mustache", "{{<page}}{{$main}}{{#tool}}<a class=tool href=\"{{url}}\">{{title}}</a>{{/tool}}{{/main}}{{/page}}\n")
        // The tool page has no `worksheet:`; only the worksheet names the tool.
        try site.write("content/worksheets/urge-log.md", "---\ntitle: Urge log sheet\ntool: urge-log\n---\n\n```field Name\n```\n")
        _ = try SiteBuilder.build(options(worksheets: true))
        let tool = try XCTUnwrap(site.read("toolbox/urge-log/index.html"))
        XCTAssertTrue(tool.contains(#"<a class=ws href="../../worksheets/urge-log/">Urge log sheet</a>"#), tool)
        let worksheet = try XCTUnwrap(site.read("worksheets/urge-log/index.html"))
        XCTAssertTrue(worksheet.contains(#"<a class=tool href="../../toolbox/urge-log/">"#), worksheet)
    }
}
