import Diagnostics
import Foundation
import TestSupport
import XCTest
@testable import SiteBuild

final class SiteBuildTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws { site = try FixtureSite() }
    override func tearDown() { site.remove() }

    private func build(baseURL: String? = nil) throws -> BuildReport {
        try SiteBuilder.build(BuildOptions(contentFolder: site.content.path, templatesFolder: site.templates.path,
                                           outputFolder: site.output.path, baseURL: baseURL, buildWorksheets: false))
    }

    private func buildErrors() -> [Diagnostic] {
        do {
            _ = try build()
            XCTFail("the build should have failed")
            return []
        } catch {
            return (error as? DiagnosticsError)?.diagnostics.filter(\.isError) ?? []
        }
    }

    func testBuildsPrettyURLsWithInheritedTemplatesAndPartials() throws {
        let report = try build()
        XCTAssertGreaterThanOrEqual(report.pagesWritten, 4)
        let page = try XCTUnwrap(site.read("toolbox/urge-log/index.html"))
        XCTAssertTrue(page.hasPrefix("<html><title>"), page)
        XCTAssertTrue(page.contains("<p class=help>988 Suicide &amp; Crisis Lifeline 988</p>"), page)
        XCTAssertNotNil(site.read("index.html"))
        XCTAssertNotNil(site.read("toolbox/index.html"))
        XCTAssertEqual(site.read("assets/site.css"), "body{color: black}\n", "published compacted")
    }

    func testValuesAreEscapedAndOnlyMarkdownIsRaw() throws {
        _ = try build()
        let page = try XCTUnwrap(site.read("toolbox/urge-log/index.html"))
        XCTAssertTrue(page.contains("<h1>Urge Log &lt;script&gt;</h1>"), page)
        XCTAssertTrue(page.contains("<p>Write down &quot;urges&quot;</p>"), page)
        XCTAssertTrue(page.contains("<h2 id=\"how-to-use-it\">How to use it</h2>"), page)
    }

    /// Escaping works on bytes: a quote or `<` followed by a combining mark
    /// is still escaped (swift-mustache's own escaper saw one Character there
    /// and left it raw, which could end an attribute early).
    func testValuesWithCombiningMarksAreEscapedToo() throws {
        try site.write("content/marks.md", "---\ntitle: \"A \\\"\u{301} <\u{338}b>\"\n---\n\nText.\n")
        _ = try build()
        let page = try XCTUnwrap(site.read("marks/index.html"))
        XCTAssertTrue(page.contains("<h1>A &quot;\u{301} &lt;\u{338}b&gt;</h1>"), page)
    }

    /// Page values reach templates as TemplateText (faster to print than a
    /// String); everything a template can do with a String still works.
    func testPageValuesBehaveAsTextInSectionsAndTransforms() throws {
        try site.write("content/empty.md", "---\ntitle: Quiet <page>\ndescription: \"\"\n---\n")
        try site.write("templates/page.mustache", """
            {{#page.title}}[{{.}}]{{/page.title}}{{^page.title}}no title{{/page.title}}
            {{uppercased(page.title)}} {{#page.description}}(has){{/page.description}}{{^page.description}}(none){{/page.description}}
            {{#empty(page.description)}}empty{{/empty(page.description)}} {{{page.title}}} {{root}}{{page.url}}
            {{#page.title}}({{text}}){{/page.title}}
            """)
        _ = try build()
        let page = try XCTUnwrap(site.read("empty/index.html"))
        XCTAssertEqual(page, "[Quiet &lt;page&gt;]\nQUIET &lt;PAGE&gt; (has)\nempty Quiet <page> ../empty/\n()")
    }

    /// site.yaml may share settings between menu entries with YAML anchors
    /// and `<<:` merge keys; they are applied.
    func testSiteSettingsApplyYAMLMergeKeys() throws {
        try site.write("content/site.yaml", """
            title: Test & Site
            base_url: https://example.org/recovery/
            menu:
              - &tools
                title: Toolbox
                page: toolbox/_index.md
              - <<: *tools
                title: Tools again
            """)
        try site.write("templates/base.mustache", "<html><body><nav>{{#menu}}<a href=\"{{url}}\">{{title}}</a>{{/menu}}</nav>{{$main}}{{/main}}</body></html>\n")
        _ = try build()
        let home = try XCTUnwrap(site.read("index.html"))
        XCTAssertEqual(home.components(separatedBy: "href=\"toolbox/\"").count - 1, 2, home)
    }

    /// `page.toc_html` is the table of contents as ready HTML (`###` nested
    /// under its `##`, text escaped); `page.toc` is the same list for a loop.
    func testTableOfContentsAsHTMLAndAsAList() throws {
        try site.write("content/toc.md", """
            ---
            title: Contents
            toc: true
            ---

            ### Before any section

            ## One & two

            ### Detail

            ### More

            ## Three

            """)
        try site.write("templates/page.mustache",
                       "{{<base}}{{$main}}<nav>{{{page.toc_html}}}</nav><ol>{{#page.toc}}<li>{{id}}{{#is_sub}}*{{/is_sub}}</li>{{/page.toc}}</ol>{{/main}}{{/base}}\n")
        _ = try build()
        let page = try XCTUnwrap(site.read("toc/index.html"))
        XCTAssertTrue(page.contains(
            "<nav><ul><li><a href=\"#before-any-section\">Before any section</a></li>"
                + "<li><a href=\"#one-two\">One &amp; two</a><ul><li><a href=\"#detail\">Detail</a></li><li><a href=\"#more\">More</a></li></ul></li>"
                + "<li><a href=\"#three\">Three</a></li></ul></nav>"), page)
        XCTAssertTrue(page.contains("<ol><li>before-any-section*</li><li>one-two</li><li>detail*</li><li>more*</li><li>three</li></ol>"), page)
        // A page without a table of contents gets nothing, not an empty list.
        let home = try XCTUnwrap(site.read("toolbox/urge-log/index.html"))
        XCTAssertTrue(home.contains("<nav></nav>"), home)
    }

    func testLinksBetweenMarkdownFilesBecomeRelativePageURLs() throws {
        _ = try build()
        let home = try XCTUnwrap(site.read("index.html"))
        XCTAssertTrue(home.contains("href=\"toolbox/urge-log/#how-to-use-it\""), home)
        let tool = try XCTUnwrap(site.read("toolbox/urge-log/index.html"))
        XCTAssertTrue(tool.contains("<a href=\"../../toolbox/\">toolbox</a>"), tool)
        XCTAssertTrue(tool.contains("<a href=\"../../\">home</a>"), tool)
    }

    func testSiteFilesUseTheBaseURL() throws {
        _ = try build(baseURL: "https://staging.example.org/")
        let sitemap = try XCTUnwrap(site.read("sitemap.xml"))
        XCTAssertTrue(sitemap.contains("<loc>https://staging.example.org/toolbox/urge-log/</loc>"), sitemap)
        XCTAssertTrue(site.read("robots.txt")?.contains("Sitemap: https://staging.example.org/sitemap.xml") ?? false)
        let index = try XCTUnwrap(site.read("search.json"))
        XCTAssertTrue(index.contains("\"title\":\"Urge Log \\u003cscript\\u003e\""), index)
    }

    func testSameInputGivesByteIdenticalOutput() throws {
        _ = try build()
        let first = site.snapshot()
        _ = try build()
        XCTAssertEqual(first, site.snapshot())
        XCTAssertGreaterThan(first.count, 5)
    }

    func testFailedBuildLeavesPreviousOutputUntouched() throws {
        _ = try build()
        let before = site.snapshot()
        try site.write("content/toolbox/urge-log.md", "---\ntitle: Broken\norder: two\n---\n\nText\n")
        try site.write("content/broken.md", "---\ntitle: [unclosed\n---\n")
        let errors = buildErrors()
        let places = errors.map { "\($0.path.components(separatedBy: "/content/").last ?? ""):\($0.line):\($0.column)" }
        XCTAssertTrue(places.contains("toolbox/urge-log.md:3:8"), "\(places)")
        XCTAssertTrue(places.contains { $0.hasPrefix("broken.md:") }, "\(places)")
        XCTAssertEqual(site.snapshot(), before)
        // The staging folder is deleted in the background; the lock file stays (see OutputLock).
        var leftovers: [String] = []
        for _ in 0..<500 {
            leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
                .filter { $0.hasPrefix(".") && $0 != ".output.lock" }
            if leftovers.isEmpty { break }
            usleep(20_000)
        }
        XCTAssertEqual(leftovers, [], "the staging folder must be removed")
    }

    func testBrokenLinksAndFragmentsAreErrorsAtTheLink() throws {
        try site.write("content/about.md", "---\ntitle: About\n---\n\nSee [x](toolbox/missing.md) and [y](toolbox/urge-log.md#nope).\n")
        let messages = buildErrors().map { $0.description.components(separatedBy: "\n")[0] }
        XCTAssertTrue(messages.contains { $0.hasSuffix("about.md:5:5: error: the link 'toolbox/missing.md' leads to \(site.content.path)/toolbox/missing.md, which does not exist") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("about.md:5:33: error: toolbox/urge-log.md has no heading '#nope'") }, "\(messages)")
    }

    func testTemplateSyntaxErrorNamesTheTemplateLine() throws {
        try site.write("templates/page.mustache", "{{<base}}\n{{$main}}\n{{#page}}\n{{/main}}{{/base}}\n")
        let errors = buildErrors()
        XCTAssertEqual(errors.first?.path, site.templates.path + "/page.mustache")
        XCTAssertGreaterThan(errors.first?.line ?? 0, 0)
    }

    func testMissingPartialIsAnError() throws {
        try site.write("templates/base.mustache", "<html>\n{{>partials/helpp}}{{$main}}{{/main}}</html>\n")
        let errors = buildErrors()
        XCTAssertEqual(errors.map(\.description).first?.components(separatedBy: "\n").first,
                       "\(site.templates.path)/base.mustache:2:1: error: there is no template named 'partials/helpp'")
        XCTAssertEqual(errors.first?.fix, "did you mean 'partials/help'?")
    }

    func testUnknownLayoutIsAnErrorOnThePage() throws {
        try site.write("content/about.md", "---\ntitle: About\nlayout: fancy\n---\n\nText.\n")
        let errors = buildErrors()
        XCTAssertEqual(errors.first?.message, "there is no template 'fancy' (no templates/fancy.mustache)")
    }

    func testDraftsAreLeftOutUnlessAsked() throws {
        try site.write("content/draft.md", "---\ntitle: Draft\ndraft: true\n---\n\nText.\n")
        _ = try build()
        XCTAssertNil(site.read("draft/index.html"))
        _ = try SiteBuilder.build(BuildOptions(contentFolder: site.content.path, templatesFolder: site.templates.path,
                                               outputFolder: site.output.path, includeDrafts: true, buildWorksheets: false))
        XCTAssertNotNil(site.read("draft/index.html"))
    }
}
