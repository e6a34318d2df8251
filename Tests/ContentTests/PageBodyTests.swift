import Content
import Diagnostics
import Foundation
import Markdown
import TestSupport
import XCTest

/// Pages that do not keep their HTML from loading to writing (a one-shot
/// build of a large site) make it again from their file, and the same.
final class PageBodyTests: XCTestCase {
    private func load(_ site: FixtureSite, keeping: Int) throws -> Site {
        var options = Site.LoadOptions()
        options.keptPageBodies = keeping
        return try Site.load(contentRoot: site.content, displayRoot: "content", options: options).0
    }

    func testAPageMadeAgainHasTheHTMLOfAKeptOne() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        // A link to another page (rewritten to its address), a heading (its id), smart quotes.
        try site.write("content/toolbox/urge-log.md",
                       "---\ntitle: Urge Log\n---\n\n## How to use it\n\n\"Write it down,\" see [coping](../program/coping.md).\n")
        let kept = try load(site, keeping: .max)
        let dropped = try load(site, keeping: 0)
        XCTAssertEqual(kept.pages.count, dropped.pages.count)
        XCTAssertGreaterThan(dropped.pages.count, 3)
        for (one, other) in zip(kept.pages, dropped.pages) {
            XCTAssertFalse(one.content.html.isEmpty, one.contentPath)
            XCTAssertEqual(other.content.html, "", "\(other.contentPath) kept its HTML")
            XCTAssertEqual(try other.withBody().content.html, one.content.html, other.contentPath)
            XCTAssertEqual(other.content.headings, one.content.headings)
            XCTAssertEqual(other.description, one.description)
            XCTAssertTrue(try one.withBody() === one, "a page that kept its HTML is written as it is")
        }
        let log = try XCTUnwrap(dropped.page(at: "toolbox/urge-log.md"))
        let html = try log.withBody().content.html
        XCTAssertTrue(html.contains("href=\"../../program/coping/\""), html)
    }

    func testAFileSavedDuringTheBuildIsAnErrorNotAMismatchedPage() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let dropped = try load(site, keeping: 0)
        let log = try XCTUnwrap(dropped.page(at: "toolbox/urge-log.md"))
        try site.write("content/toolbox/urge-log.md", "---\ntitle: Urge Log\n---\n\n## A heading the checks never saw\n")
        XCTAssertThrowsError(try log.withBody()) { error in
            XCTAssertEqual((error as? Diagnostic)?.description.components(separatedBy: "\n").first,
                           "content/toolbox/urge-log.md: error: the file changed while the site was being built, so this page would not match what was checked")
        }
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("toolbox/urge-log.md"))
        XCTAssertThrowsError(try log.withBody(), "a file deleted during the build is an error too")
    }

    func testEveryPageKeepsItsHTMLByDefault() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let loaded = try Site.load(contentRoot: site.content, displayRoot: "content").0
        XCTAssertTrue(loaded.pages.allSatisfy { !$0.content.html.isEmpty && $0.bodyAgain == nil })
    }
}

/// The search index's text, clipped once on loading and again for the index.
final class SearchTextTests: XCTestCase {
    func testClippingTwiceGivesWhatClippingOnceGives() {
        let words = (0..<2000).map { "word\($0 % 97)" + ($0 % 7 == 0 ? "\n\n" : " ") }.joined()
        let first = SearchText.clip("  " + words, limit: SearchText.largestLimit)
        XCTAssertLessThan(first.utf8.count, SearchText.largestLimit + 10)
        for limit in [400, 1000, 2999, 3000] {
            XCTAssertEqual(SearchText.clip(first, limit: limit), SearchText.clip(words, limit: limit), "\(limit)")
        }
        XCTAssertEqual(SearchText.clip(" a\n\n b\tc ", limit: 3000), "a b c")
        XCTAssertEqual(SearchText.clip("one two three", limit: 2), "one", "a word is never cut")
    }

    func testTheLimitNeverGrowsWithMorePages() {
        var previous = Int.max
        for pages in [0, 1, 500, 1333, 1334, 5000, 9999, 10000, 10001, 100_000] {
            let limit = SearchText.limit(pageCount: pages)
            XCTAssertLessThanOrEqual(limit, previous, "\(pages)")
            previous = limit
        }
        XCTAssertEqual(SearchText.limit(pageCount: 10000), 400)
        XCTAssertEqual(SearchText.limit(pageCount: 10), 3000)
    }
}

/// What the search index takes of each page, whichever way it was loaded.
final class SearchTextLoadingTests: XCTestCase {
    /// 2,700 pages in batches of 1,000: the third batch clips its pages'
    /// text to what 2,000 pages get (2,000 bytes), less than the first two
    /// (3,000); the index, clipping again to what 2,700 pages get, has
    /// what it would have made of each page's whole text.
    func testTextClippedInBatchesIsWhatTheIndexGetsFromTheWholeText() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let words = (0..<400).map { "word\($0)" }.joined(separator: " ")
        let body = "\(words)\n\n\(words)\n"
        for number in 0..<2700 {
            try site.write("content/many/page-\(number).md", "---\ntitle: Page \(number)\n---\n\n" + body)
        }
        // Unicode white space and accents at the ends are trimmed as before folding.
        try site.write("content/program/spaces.md", "---\ntitle: Spaces\n---\n\n&nbsp;\n\nQué tal está\n\n&nbsp;\u{3000}\n")
        var batched = Site.LoadOptions()
        batched.pagesPerBatch = 1000
        let loaded = try Site.load(contentRoot: site.content, displayRoot: "content", options: batched).0
        let whole = HTMLRenderer(options: MarkdownOptions(path: "x")).render(body).plainText
        let limit = SearchText.limit(pageCount: loaded.pages.count)
        XCTAssertLessThan(limit, 2000)
        let kept = Set(loaded.pages.filter { $0.contentPath.hasPrefix("many/") }.map(\.content.plainText.utf8.count))
        XCTAssertEqual(kept.count, 2, "the first batches keep 3,000 bytes, the last 2,000: \(kept)")
        for page in loaded.pages where page.contentPath.hasPrefix("many/") {
            XCTAssertEqual(SearchText.clip(page.content.plainText, limit: limit), SearchText.clip(whole, limit: limit), page.contentPath)
        }
        let spaces = try XCTUnwrap(loaded.page(at: "program/spaces.md"))
        XCTAssertEqual(spaces.content.plainText, "Qué tal está")
        let plain = HTMLRenderer(options: MarkdownOptions(path: "x")).render("&nbsp;\n\nQué tal está\n\n&nbsp;\u{3000}\n").plainText
        XCTAssertEqual(SearchText.clip(plain, limit: 3000), "Qué tal está")
    }
}
