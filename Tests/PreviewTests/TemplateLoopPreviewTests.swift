import Foundation
import Preview
import XCTest

/// A partial saved so that it includes itself used to crash the whole
/// preview (swift-mustache recursed until the stack ran out). Now it is an
/// error when the templates load: the server keeps answering and shows it.
final class TemplateLoopPreviewTests: XCTestCase {
    func testAPartialThatIncludesItselfIsShownAndThePreviewKeepsServing() async throws {
        let site = try PreviewFixture()
        defer { site.remove() }
        let preview = try await RunningPreview(site.buildOptions)
        let http = preview.http
        let events = try http.events()
        XCTAssertEqual(events.next(within: 5)?.name, "hello")

        try site.write("templates/partials/footer.mustache", "<footer>{{site.title}}</footer>\n{{>partials/footer}}\n")
        try site.save("templates/page.mustache", "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{>partials/footer}}{{/main}}{{/base}}\n")
        XCTAssertNotNil(events.waitFor("reload", within: 10))
        let page = try http.request("/about/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("smartsite-error-overlay"))
        XCTAssertTrue(page.text.contains("partials/footer.mustache:2"), page.text)
        XCTAssertTrue(page.text.contains("includes itself"))

        try site.save("templates/partials/footer.mustache", "<footer>{{site.title}}</footer>\n")
        XCTAssertNotNil(events.waitFor("reload", within: 10))
        let fixed = try http.request("/about/").text
        XCTAssertFalse(fixed.contains("smartsite-error-overlay"))
        XCTAssertTrue(fixed.contains("<footer>Preview Test</footer>"))
        try await preview.stop()
    }
}
