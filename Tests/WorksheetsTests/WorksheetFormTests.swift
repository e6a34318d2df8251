import Content
import Foundation
import TestSupport
@testable import Worksheets
import XCTest
import SourceFiles

/// The worksheet's page offers the form itself: every block kind as its
/// HTML control, every control labelled, and the same fields as the PDF.
final class WorksheetFormTests: XCTestCase {
    private static let everyBlock = """
        ---
        title: Every block
        ---
        An intro.

        ```field
        Name
        Date
        ```

        ## A section

        ```lines 3 name=story What happened?
        A hint.
        ```

        ```lines 2 name=notes
        ```

        ```checkboxes columns=2 Helped
        - Walking
        - **Calling** a friend
        ```

        ```scale 1-5 How strong?
        1: Weak
        5: Strong
        ```

        ### A subsection

        ```grid columns=2 lines=2
        Top left
        Top right
        Bottom left
        ```

        ```table rows=2 name=log
        When
        Intensity (0-10)
        ```

        ## Another section

        ```pie Areas
        Work
        Play
        Rest
        ```
        """

    private func form(_ text: String) throws -> String {
        var parser = WorksheetParser(path: "worksheets/every.md", slug: "every", baseURL: "https://guide.example.org/")
        let worksheet = try XCTUnwrap(parser.parse(SourceText(path: "worksheets/every.md", text: text)),
                                      parser.diagnostics.map(\.description).joined(separator: "\n"))
        return WorksheetHTML.render(worksheet, words: englishWords)
    }

    func testEveryBlockKindBecomesItsControlWithALabel() throws {
        let html = try form(Self.everyBlock)
        let expected = [
            // Never sent: a form landmark, but no <form> to submit.
            "<div class=\"ws-form\" role=\"form\" aria-label=\"Every block\">",
            "<label class=\"ws-label\" for=\"ws-name\">Name</label> <input type=\"text\" autocomplete=\"off\" id=\"ws-name\" name=\"name\">",
            "<label class=\"ws-label\" for=\"ws-date\">Date</label> <input type=\"text\" autocomplete=\"off\" id=\"ws-date\" name=\"date\">",
            "<fieldset class=\"ws-section\"><legend><h2 class=\"ws-heading\">A section</h2></legend>",
            "<label for=\"ws-story\">What happened?</label></p><p class=\"ws-hint\" id=\"ws-story-hint\">A hint.</p>"
                + "<textarea autocomplete=\"off\" id=\"ws-story\" name=\"story\" rows=\"3\" aria-describedby=\"ws-story-hint\"></textarea>",
            "<fieldset class=\"ws-checkboxes ws-columns-2\"><legend class=\"ws-label\">Helped</legend>",
            "<input type=\"checkbox\" id=\"ws-helped.walking\" name=\"helped.walking\"> <label for=\"ws-helped.walking\">Walking</label>",
            "<label for=\"ws-helped.calling\"><strong>Calling</strong> a friend</label>",
            "<fieldset class=\"ws-scale\" aria-describedby=\"ws-how_strong-ends\"><legend class=\"ws-label\">How strong?</legend>",
            "<input type=\"radio\" id=\"ws-how_strong-v1\" name=\"how_strong\" value=\"v1\"><label for=\"ws-how_strong-v1\">1</label>",
            "<label for=\"ws-how_strong-v5\">5</label>",
            "<p class=\"ws-scale-anchors\" id=\"ws-how_strong-ends\"><span>1: Weak</span> <span>5: Strong</span></p>",
            "<h3 class=\"ws-heading\">A subsection</h3>",
            "<tr><th scope=\"col\"><label for=\"ws-top_left\">Top left</label></th><th scope=\"col\"><label for=\"ws-top_right\">Top right</label></th></tr>",
            "<tr><td><textarea autocomplete=\"off\" id=\"ws-top_left\" name=\"top_left\" rows=\"2\"></textarea></td>",
            "<tr><th scope=\"col\"><label for=\"ws-bottom_left\">Bottom left</label></th></tr>",
            "<th scope=\"col\" class=\"ws-normal\">When</th><th scope=\"col\" class=\"ws-narrow\">Intensity (0-10)</th>",
            "<input type=\"text\" autocomplete=\"off\" id=\"ws-log.row2.intensity_0_10\" name=\"log.row2.intensity_0_10\" aria-label=\"Intensity (0-10), row 2\">",
            "</fieldset>\n<fieldset class=\"ws-section\"><legend><h2 class=\"ws-heading\">Another section</h2></legend>",
            "<fieldset class=\"ws-pie\"><legend class=\"ws-label\">Areas</legend><svg",
            "<label class=\"ws-label\" for=\"ws-areas.play\">Play</label> <input type=\"number\" autocomplete=\"off\" id=\"ws-areas.play\" name=\"areas.play\" min=\"0\" max=\"10\"",
        ]
        for piece in expected {
            XCTAssertTrue(html.contains(piece), "the form lacks \(piece):\n\(html)")
        }
        XCTAssertFalse(html.contains("<form") || html.contains("action="), "the form has nowhere to send to")
        XCTAssertFalse(html.contains("type=\"submit\""))
        XCTAssertEqual(html.components(separatedBy: "<fieldset").count - 1, html.components(separatedBy: "</fieldset>").count - 1)

        // Every control is named for a screen reader: a <label for> its id, or aria-label.
        for control in controls(html) {
            let labelled = control.ariaLabel != nil || html.contains("for=\"\(control.id)\"")
            XCTAssertTrue(labelled, "\(control.id) has no label")
        }
        // A writing area without a prompt is named after its field.
        XCTAssertTrue(html.contains("aria-label=\"\(try XCTUnwrap(controls(html).first { $0.tag == "textarea" && $0.ariaLabel != nil }).name)\""))
    }

    func testHostileLabelsAreEscaped() throws {
        let html = try form("---\ntitle: \"<script>x</script>\"\n---\n```field Name <script>alert(1)</script> & \"you\"\n```\n")
        XCTAssertFalse(html.contains("<script>"), html)
        XCTAssertTrue(html.contains("role=\"form\" aria-label=\"&lt;script&gt;x&lt;/script&gt;\""), html)
        XCTAssertTrue(html.contains("for=\"ws-name_alert_1_you\">Name alert(1) &amp; “you”</label>"), html)
    }

    /// The web form and the PDF are one form: for every worksheet of the
    /// repository, the page's controls carry exactly the PDF's field names,
    /// with the same prompts, in the PDF's order of blocks.
    func testEveryWorksheetsWebFormHasThePDFsFields() throws {
        let build = SharedBuild.cold
        XCTAssertEqual(build.result.worksheets.map(\.slug).sorted(), expectedSlugs)
        for worksheet in build.result.worksheets {
            let html = worksheet.htmlPreview
            let names = Set(controls(html).map(\.name))
            let pdfFields = Set(try formFields(build.pdf(worksheet.slug, .letter)).keys)
            XCTAssertEqual(names, pdfFields, worksheet.slug)
            XCTAssertEqual(Set(controls(html).map(\.id)).count, controls(html).count, "\(worksheet.slug): ids are unique")
            // The prompts, in order: each writing area's label comes after the one before it.
            var position = html.startIndex
            for case let .lines(area) in worksheet.worksheet.blocks where !area.label.isEmpty {
                let label = WorksheetHTML.inline(area.label)
                let found = try XCTUnwrap(html.range(of: label, range: position..<html.endIndex), "\(worksheet.slug): \(label)")
                position = found.upperBound
            }
        }
    }

    private struct Control {
        var tag: String, id: String, name: String, ariaLabel: String?
    }

    /// The inputs and text areas of `html`, from their attributes.
    private func controls(_ html: String) -> [Control] {
        let tag = try! Regex(#"<(input|textarea) ([^>]*)>"#)
        return html.matches(of: tag).map { match in
            let attributes = String(match.output[2].substring ?? "")
            func value(_ name: String) -> String? {
                guard let found = attributes.firstMatch(of: try! Regex(" ?\(name)=\"([^\"]*)\"")) else { return nil }
                return found.output[1].substring.map(String.init)
            }
            return Control(tag: String(match.output[1].substring ?? ""), id: value("id") ?? "", name: value("name") ?? "", ariaLabel: value("aria-label"))
        }
    }
}
