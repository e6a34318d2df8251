import XCTest
@testable import Markdown

final class DirectiveTests: XCTestCase {
    private func render(_ markdown: String, lineOffset: Int = 0) -> RenderedMarkdown {
        HTMLRenderer(options: MarkdownOptions(path: "content/compare.md", lineOffset: lineOffset)) {
            $0.hasSuffix(".md") ? String($0.dropLast(3)) + "/" : $0
        }.render(markdown)
    }

    func testTableRendersHeaderAlignmentAndInlineMarkdown() {
        let markdown = """
        ```table Side by side
        | Question | SMART | 12-step |
        |:--|:-:|--:|
        | Who leads? | A **facilitator** | A [sponsor](s.md) |
        | Pipes | a \\| b | |
        ```
        """
        let result = render(markdown)
        XCTAssertEqual(result.diagnostics, [])
        let html = result.html
        XCTAssertTrue(html.contains("<caption>Side by side</caption>"), html)
        XCTAssertTrue(html.contains("<th scope=\"col\" style=\"text-align: left\">Question</th>"), html)
        XCTAssertTrue(html.contains("<th scope=\"col\" style=\"text-align: center\">SMART</th>"), html)
        XCTAssertTrue(html.contains("<th scope=\"row\" style=\"text-align: left\">Who leads?</th>"), html)
        // Each body cell is labelled with its column's header, for phones.
        XCTAssertTrue(html.contains("<td data-label=\"SMART\" style=\"text-align: center\">A <strong>facilitator</strong></td>"), html)
        XCTAssertTrue(html.contains("<a href=\"s/\">sponsor</a>"), html)
        XCTAssertTrue(html.contains("a | b"), html)
        XCTAssertEqual(result.links.map(\.destination), ["s.md"])
        XCTAssertFalse(html.contains("<pre>"))
    }

    func testTableWithTooManyCellsPointsAtTheRow() {
        let markdown = "Intro\n\n```table\n| A | B |\n|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 |\n```\n"
        let result = render(markdown, lineOffset: 2)
        XCTAssertEqual(result.diagnostics.map { $0.description.components(separatedBy: "\n")[0] },
                       ["content/compare.md:9:1: error: this row has 3 cells but the header has 2"])
    }

    func testTableWithoutAlignmentRowIsAnError() {
        let result = render("```table\n| A | B |\n| 1 | 2 |\n```\n")
        XCTAssertEqual(result.diagnostics.first?.line, 3)
        XCTAssertTrue(result.diagnostics.first?.message.contains("alignment row") ?? false)
    }

    func testCalloutKindsTitleAndMarkdownBody() {
        let result = render("```callout warning If you are in danger\nCall **911** now. See [help](help.md).\n```\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertTrue(result.html.contains("<aside class=\"callout callout-warning\" aria-label=\"Warning\">"), result.html)
        XCTAssertTrue(result.html.contains("<p class=\"callout-title\">If you are in danger</p>"), result.html)
        XCTAssertTrue(result.html.contains("Call <strong>911</strong> now."), result.html)
        XCTAssertTrue(result.html.contains("href=\"help/\""), result.html)
        let plain = render("```callout\nJust a note.\n```\n")
        XCTAssertTrue(plain.html.contains("callout-note"))
        XCTAssertTrue(plain.html.contains("<p class=\"callout-title\">Note</p>"))
    }

    /// A Spanish page's boxes and tables are named with the words its
    /// language gives (templates/i18n), not the English defaults.
    func testBoxesAndTablesTakeThePagesWords() {
        let spanish = MarkdownWords(note: "Nota", tip: "Consejo", warning: "Atención", table: "Tabla")
        let renderer = HTMLRenderer(options: MarkdownOptions(path: "content/es/x.md", words: spanish)) { $0 }
        let result = renderer.render("```callout\nUna nota.\n```\n\n```callout warning\nCuidado.\n```\n\n```table\n| A | B |\n|--|--|\n| 1 | 2 |\n```\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertTrue(result.html.contains("<aside class=\"callout callout-note\" aria-label=\"Nota\">\n<p class=\"callout-title\">Nota</p>"), result.html)
        XCTAssertTrue(result.html.contains("<aside class=\"callout callout-warning\" aria-label=\"Atención\">\n<p class=\"callout-title\">Atención</p>"), result.html)
        XCTAssertTrue(result.html.contains("role=\"region\" aria-label=\"Tabla\""), result.html)
        XCTAssertFalse(result.html.contains("Note") || result.html.contains("Warning") || result.html.contains("\"Table\""), result.html)
    }

    func testEmptyCalloutIsAnError() {
        let result = render("```callout tip\n```\n")
        XCTAssertEqual(result.diagnostics.first?.message, "this callout is empty")
    }

    func testSplitRowHandlesEscapesAndOuterPipes() {
        XCTAssertEqual(HTMLDirective.splitRow("| a | b \\| c |"), ["a", "b | c"])
        XCTAssertEqual(HTMLDirective.splitRow("a|b"), ["a", "b"])
        XCTAssertEqual(HTMLDirective.splitRow("| trailing \\"), ["trailing \\"])
    }
}
