import Diagnostics
import Foundation
import TestSupport
import XCTest
@testable import Markdown

final class HTMLRendererTests: XCTestCase {
    private func render(_ markdown: String, lineOffset: Int = 0, rawHTML: Bool = false,
                        rewrite: @escaping (String) -> String = { $0 }) -> RenderedMarkdown {
        HTMLRenderer(options: MarkdownOptions(path: "content/x.md", lineOffset: lineOffset, allowRawHTML: rawHTML),
                     rewriteLink: rewrite).render(markdown)
    }

    func testHeadingsGetStableUniqueIDs() {
        let result = render("# Urge Log\n\n## How to use it\n\n## Example\n\n### Example\n\n## Example\n")
        XCTAssertEqual(result.headings.map(\.id), ["urge-log", "how-to-use-it", "example", "example-1", "example-2"])
        XCTAssertEqual(result.headings.map(\.level), [1, 2, 2, 3, 2])
        XCTAssertTrue(result.html.contains("<h2 id=\"how-to-use-it\">How to use it</h2>"), result.html)
    }

    /// A later heading never takes an id already given, whether it came from
    /// a repeated title or from a title that reads like a numbered one; the
    /// same holds past the short list (17 headings and more).
    func testHeadingIDsStayUniqueOnLongPages() {
        var ids = HeadingIDs()
        XCTAssertEqual(["Example", "Example 1", "Example", "Example", "Example 2"].map { ids.unique(for: $0) },
                       ["example", "example-1", "example-2", "example-3", "example-2-1"])
        var many = HeadingIDs()
        let given = (0..<40).map { many.unique(for: $0 % 3 == 0 ? "Step \($0 / 3)" : "Step") }
        XCTAssertEqual(Set(given).count, given.count, "\(given)")
        XCTAssertEqual(given.prefix(4), ["step-0", "step", "step-1", "step-1-1"])
    }

    func testHeadingIDsDropPunctuationAndKeepOtherScripts() {
        XCTAssertEqual(HeadingIDs.slug("What's it for? (Step 1)"), "whats-it-for-step-1")
        XCTAssertEqual(HeadingIDs.slug("Señales — y después"), "señales-y-después")
        XCTAssertEqual(HeadingIDs.slug("!!!"), "section")
    }

    /// The byte-level rule for ASCII headings must give exactly the ids the
    /// general rule gives, or links written by hand would break.
    func testASCIISlugsMatchTheGeneralRule() {
        var generator = SystemRandomNumberGenerator()
        let ascii = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        for _ in 0..<3000 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in ascii.randomElement(using: &generator) ?? " " })
            XCTAssertEqual(HeadingIDs.asciiSlug(text), HeadingIDs.unicodeSlug(text), "for \(Array(text.utf8))")
        }
        XCTAssertNil(HeadingIDs.asciiSlug("Señales"))
    }

    /// Heading ids are put in while the HTML is copied out of cmark; the
    /// rest of the HTML must come through byte for byte, multi-byte text and
    /// look-alike tags included.
    func testHeadingIDsLeaveTheRestOfTheHTMLAsItWas() {
        let markdown = "Intro <h2> text, `<h2>` and é.\n\n## Première\n\nBody ü.\n\n### Deux ✓\n\nEnd.\n"
        let result = render(markdown)
        let plain = result.html
            .replacingOccurrences(of: "<h2 id=\"première\">", with: "<h2>")
            .replacingOccurrences(of: "<h3 id=\"deux\">", with: "<h3>")
        XCTAssertEqual(plain, "<p>Intro <!-- raw HTML omitted --> text, <code>&lt;h2&gt;</code> and é.</p>\n<h2>Première</h2>\n<p>Body ü.</p>\n<h3>Deux ✓</h3>\n<p>End.</p>\n")
        XCTAssertEqual(result.headings.map(\.id), ["première", "deux"])
    }

    func testTrimmingSkipsOnlyWhatTheUnicodeRuleKeeps() {
        func reference(_ text: String) -> String {
            guard let start = text.firstIndex(where: { !$0.isWhitespace }),
                  let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
            return String(text[start...end])
        }
        // " \u{301}" is one Character (a space carrying a mark), and so is
        // "\u{600} " (a prepended sign): cutting the ASCII space alone would differ.
        for text in ["Plain", " padded ", "a\u{301}", "\u{00A0}x", "x\u{2003}", "tab\t", "é", "a b", "", " ", "\n\nx\n", "x\r\n", "~!",
                     " \u{301}a", "x\u{600} ", "\n \u{301}x\n"] {
            XCTAssertEqual(text.trimmingWhitespace, reference(text), "\(Array(text.unicodeScalars))")
            XCTAssertEqual(HTMLRenderer.trimmed(Array(text.utf8)), reference(text), "\(Array(text.unicodeScalars))")
        }
    }

    func testPageTextIsTrimmedByTheUnicodeRule() {
        XCTAssertEqual(HTMLRenderer.trimmed(Array(" \n Hello there \n\n".utf8)), "Hello there")
        XCTAssertEqual(HTMLRenderer.trimmed(Array("\u{00A0}Hello\u{2003}\n".utf8)), "Hello")
        XCTAssertEqual(HTMLRenderer.trimmed(Array("é ü".utf8)), "é ü")
        XCTAssertEqual(HTMLRenderer.trimmed(Array(" \n\t".utf8)), "")
        XCTAssertEqual(HTMLRenderer.trimmed([]), "")
    }

    func testHeadingKeepsInlineMarkup() {
        let result = render("## Cost *and* benefit\n")
        XCTAssertTrue(result.html.contains("<h2 id=\"cost-and-benefit\">Cost <em>and</em> benefit</h2>"), result.html)
    }

    func testSmartPunctuation() {
        let result = render("\"Quotes\" and it's -- fine --- really...\n")
        XCTAssertTrue(result.html.contains("“Quotes” and it’s – fine — really…"), result.html)
    }

    func testRawHTMLIsOmittedUnlessAllowed() {
        let markdown = "<script>alert(1)</script>\n\nText <b>bold</b>\n"
        let safe = render(markdown)
        XCTAssertFalse(safe.html.contains("<script>"))
        XCTAssertFalse(safe.html.contains("<b>"))
        XCTAssertTrue(safe.html.contains("raw HTML omitted"))
        let allowed = render(markdown, rawHTML: true)
        XCTAssertTrue(allowed.html.contains("<b>bold</b>"))
    }

    /// With raw HTML allowed, a hand-written `<h2>` must not take a heading's id.
    func testHeadingIDsWithRawHTMLAllowed() {
        let result = render("<h2>Hand-written</h2>\n\n## Real *one*\n", rawHTML: true)
        XCTAssertTrue(result.html.contains("<h2>Hand-written</h2>"), result.html)
        XCTAssertTrue(result.html.contains("<h2 id=\"real-one\">Real <em>one</em></h2>"), result.html)
        XCTAssertEqual(result.headings.map(\.id), ["real-one"])
    }

    func testJavascriptLinksAreNeutralised() {
        let result = render("[x](javascript:alert(1))\n")
        XCTAssertFalse(result.html.contains("javascript:"), result.html)
    }

    func testLinksAreRewrittenAndCollectedWithPositions() {
        let result = render("Intro\n\nSee [the log](../toolbox/urge-log.md#steps) and ![a chart](pie.png).\n",
                            lineOffset: 4) { $0.replacingOccurrences(of: ".md", with: "/") }
        XCTAssertEqual(result.links.count, 2)
        XCTAssertEqual(result.links[0].destination, "../toolbox/urge-log.md#steps")
        XCTAssertEqual(result.links[0].rewritten, "../toolbox/urge-log/#steps")
        XCTAssertEqual(result.links[0].line, 7)
        XCTAssertEqual(result.links[0].column, 5)
        XCTAssertEqual(result.links[0].text, "the log")
        XCTAssertTrue(result.links[1].isImage)
        XCTAssertEqual(result.links[1].text, "a chart")
        XCTAssertTrue(result.html.contains("href=\"../toolbox/urge-log/#steps\""), result.html)
    }

    func testColumnsCountCharactersNotBytes() {
        let result = render("Ünïcödé — [link](a.md)\n")
        XCTAssertEqual(result.links.first?.column, 11)
    }

    func testSummaryIsFirstTopLevelParagraph() {
        let result = render("# Title\n\n> quoted\n\nFirst *real* paragraph.\n\nSecond.\n")
        XCTAssertEqual(result.summary, "First real paragraph.")
        XCTAssertTrue(result.plainText.contains("Second."))
    }

    func testInvalidUTF8BecomesReplacementCharacter() {
        var bytes = Array("Before ".utf8)
        bytes += [0xFF, 0xFE, 0xC3]
        bytes += Array(" after\n".utf8)
        let result = HTMLRenderer(options: MarkdownOptions(path: "x.md")).render(bytes: bytes)
        XCTAssertTrue(result.html.contains("Before"))
        XCTAssertTrue(result.html.contains("after"))
        XCTAssertTrue(result.html.contains("\u{FFFD}"), result.html)
    }

    func testNULBytesDoNotTruncate() {
        let result = HTMLRenderer(options: MarkdownOptions(path: "x.md")).render(bytes: Array("one\0two\n\nthree\n".utf8))
        XCTAssertTrue(result.html.contains("three"), result.html)
    }

    func testCodeLanguagesStayCode() {
        let result = render("```yaml\ntitle: x\n```\n\n```\nplain\n```\n")
        XCTAssertTrue(result.diagnostics.isEmpty)
        XCTAssertTrue(result.html.contains("<code class=\"language-yaml\">"))
    }

    func testUnknownDirectiveIsAnErrorAtTheFence() {
        let result = render("Intro\n\n```tabel\n| a |\n```\n", lineOffset: 3)
        XCTAssertEqual(result.diagnostics.count, 1)
        let diagnostic = result.diagnostics[0]
        XCTAssertEqual(diagnostic.description.components(separatedBy: "\n")[0],
                       "content/x.md:6:1: error: unknown directive 'tabel'")
        XCTAssertTrue(diagnostic.fix?.contains("did you mean 'table'?") ?? false)
    }

    func testManyParsesDoNotLeak() {
        let markdown = String(repeating: "## Heading\n\nSome *text* with a [link](a.md).\n\n```callout tip\nBody\n```\n\n", count: 20)
        for _ in 0..<200 { _ = render(markdown) }
        let before = residentKilobytes()
        for _ in 0..<3000 { _ = render(markdown) }
        let growth = residentKilobytes() - before
        // 3,000 parses of ~2 KB would leak far more than 8 MB if trees were not freed.
        XCTAssertLessThan(growth, 8 * 1024, "resident memory grew by \(growth) KB")
    }
}
