import Foundation
import XCTest
@testable import Rendering

/// Which partials are rendered once per language and depth and pasted in
/// (SharedPartials): only those whose text cannot differ between two pages
/// at one depth. That both ways make the same bytes is checked through the
/// real program (CommandLineTests.testSharedPartialsMakeTheSameBytesAsRenderingEachPage).
final class SharedPartialsTests: XCTestCase {
    private func analysed(_ texts: [String: String]) -> [String: SharedPartials.Names] {
        let templates = texts.mapValues { TemplateChecks.Template(path: "templates/x.mustache", tags: TemplateTags.scan($0)) }
        let changed = Set(texts.filter { $0.value.contains("{{=") }.keys)
        return SharedPartials.Analysis(templates: templates, delimitersChanged: changed).sharedPartials()
    }

    /// The shared partials with their fall-through names.
    private func shared(_ texts: [String: String]) -> [String: Set<String>] {
        analysed(texts).mapValues(\.fallThrough)
    }

    private let base = "<body>\n{{>partials/bar}}\n{{$main}}{{/main}}\n</body>\n"
    private let page = "{{<base}}{{$main}}{{page.title}}{{/main}}{{/base}}\n"

    func testTheShippedHelpBarHeaderFooterAndSidebarAreShared() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
        let library = try TemplateLibrary(folder: folder, displayRoot: "templates")
        XCTAssertEqual(library.shared.parts.values.map(\.name).sorted(),
                       ["partials/footer", "partials/header", "partials/help-bar", "partials/sidebar"])
        // The help lines' own names, which a page of some kind might also have.
        let bar = try XCTUnwrap(library.shared.parts.values.first { $0.name == "partials/help-bar" })
        XCTAssertEqual(bar.fallThrough, ["name", "phone", "phone_url", "text", "text_url"])
        XCTAssertEqual(bar.keyedBy, [])
        // The header is kept by which menu entry is current, whether it is the home page, and the language links.
        let header = try XCTUnwrap(library.shared.parts.values.first { $0.name == "partials/header" })
        XCTAssertEqual(header.keyedBy, ["is_home", "languages", "menu"])
    }

    /// `is_home`, `menu` and `languages` outside sections make a partial
    /// shared per combination of their values; inside a section they are
    /// an item's names like any other.
    func testAPartialOfTheMenuAndIsHomeIsSharedByThoseValues() {
        let found = analysed(["base": base, "page": page,
                              "partials/bar": "{{#is_home}}H{{/is_home}}{{#menu}}{{title}}{{#current}}*{{/current}}{{/menu}}{{>partials/in}}",
                              "partials/in": "{{#languages}}{{url}}{{/languages}}"])
        XCTAssertEqual(found["partials/bar"], SharedPartials.Names(fallThrough: ["title", "current", "url"], keyedBy: ["is_home", "menu", "languages"]))
        XCTAssertEqual(analysed(["base": base, "page": page, "partials/bar": "{{#site.help_lines}}{{menu}}{{/site.help_lines}}"])["partials/bar"],
                       SharedPartials.Names(fallThrough: ["menu"], keyedBy: []))
    }

    func testAPartialOfSiteWordsAndRootIsSharedWithItsSectionsNames() {
        let found = shared(["base": base, "page": page,
                            "partials/bar": "{{words.need_help}} {{#site.help_lines}}{{name}}{{#text}}{{text}}{{/text}}{{/site.help_lines}} {{root}}x"])
        XCTAssertEqual(found, ["partials/bar": ["name", "text"]])
    }

    func testAPartialThatShowsThePageIsNotShared() {
        XCTAssertEqual(shared(["base": base, "page": page, "partials/bar": "{{site.title}} {{page.title}}"]), [:])
        XCTAssertEqual(shared(["base": base, "page": page, "partials/bar": "{{#alternates}}{{href}}{{/alternates}}"]), [:])
        XCTAssertEqual(shared(["base": base, "page": page, "partials/bar": "{{.}}"]), [:])
        // Inside an inverted section (or one over `true`) the current value is still the page.
        XCTAssertEqual(shared(["base": base, "page": page, "partials/bar": "{{^site.disclaimer}}{{.page.title}}{{/site.disclaimer}}"]), [:])
        XCTAssertEqual(shared(["base": base, "page": page, "partials/bar": "{{#site.help_lines}}{{.}}{{/site.help_lines}}"]), [:])
        XCTAssertEqual(shared(["base": base, "page": page, "partials/bar": "{{uppercased(site.title)}}"]), [:])
        // Through a partial it includes.
        XCTAssertEqual(shared(["base": base, "page": page, "partials/bar": "{{>partials/in}}", "partials/in": "{{page.url}}"]), [:])
    }

    func testAPartialWithBlocksParentsOrDynamicPartialsIsNotShared() {
        for text in ["{{$slot}}{{/slot}}", "{{<base}}{{/base}}", "{{>*page.kind}}", "{{=<% %>=}}<% page.title %>"] {
            XCTAssertEqual(shared(["base": base, "page": page, "partials/bar": text]), [:], text)
        }
    }

    /// Inside `{{#section}}` the section's value answers the partial's
    /// names first; indented, every line of it is indented.
    func testAPartialIncludedInASectionOrIndentedIsNotShared() {
        let partial = "{{site.title}}\n"
        XCTAssertEqual(shared(["base": "{{#menu}}{{>partials/bar}}{{/menu}}", "partials/bar": partial]), [:])
        XCTAssertEqual(shared(["base": "<div>\n  {{>partials/bar}}\n</div>", "partials/bar": partial]), [:])
        // After spaces that follow a standalone tag, or a comment, on its line.
        XCTAssertEqual(shared(["base": "{{#a}}\nX\n{{/a}}  {{>partials/bar}}\n", "partials/bar": partial]), [:])
        XCTAssertEqual(shared(["base": "  {{! c }}{{>partials/bar}}\n", "partials/bar": partial]), [:])
        // Once from a template that is itself included indented.
        XCTAssertEqual(shared(["base": "  {{>partials/outer}}\n", "partials/outer": "{{>partials/bar}}", "partials/bar": partial]),
                       [:])
        // A dynamic partial inside a section may include any template in that section.
        XCTAssertEqual(shared(["base": "{{>partials/bar}}{{#page}}{{>*kind}}{{/page}}", "partials/bar": partial]), [:])
        // Beside an inverted section, in a block's default, on a line of its own: shared.
        XCTAssertEqual(shared(["base": "{{$aside}}{{^page.has_toc}}{{>partials/bar}}{{/page.has_toc}}{{/aside}}\n{{>partials/bar}}\n",
                               "partials/bar": partial]), ["partials/bar": []])
    }

    func testTagsKnowWhatIsOpenAroundThemAndWhetherTheyAreIndented() {
        let tags = TemplateTags.scan("{{#a}}\n  {{^b}}{{>p}}{{/b}}\n{{/a}}{{$c}}{{x}}{{/c}} {{y}} z {{w}}")
        XCTAssertEqual(tags.map(\.enclosedBy), ["", "#", "#^", "#", "", "", "$", "", "", ""])
        // {{/b}} and {{y}} stand after spaces and tags only; {{w}} after text.
        XCTAssertEqual(tags.map(\.indented), [false, true, true, true, false, false, false, false, true, false])
        XCTAssertEqual(tags[5].kind, .block)
    }
}
