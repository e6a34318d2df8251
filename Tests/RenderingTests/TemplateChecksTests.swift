import Foundation
import XCTest
@testable import Rendering

/// The checks made when templates load: where tags are, partials that
/// include themselves, names no value has.
final class TemplateChecksTests: XCTestCase {
    func testTagsAreFoundWithTheirLinesAndColumns() {
        let tags = TemplateTags.scan("<p>{{page.title}}</p>\n  {{#menu}}{{{ url }}}{{/menu}}\n{{! a\ncomment }}{{>partials/footer}}{{>*page.kind}}")
        XCTAssertEqual(tags.map(\.name), ["page.title", "menu", "url", "menu", "a\ncomment", "partials/footer", "page.kind"])
        XCTAssertEqual(tags.map(\.line), [1, 2, 2, 2, 3, 4, 4])
        XCTAssertEqual(tags.map(\.column), [4, 3, 12, 23, 1, 11, 31])
        XCTAssertEqual(tags[5].kind, .partial(dynamic: false))
        XCTAssertEqual(tags[6].kind, .partial(dynamic: true))
    }

    func testScanningStopsAtASetDelimiterTag() {
        XCTAssertEqual(TemplateTags.scan("{{a}}{{=<% %>=}}<% b %>{{c}}").map(\.name), ["a"])
    }

    func testACircleOfThreePartialsIsOneErrorWithTheWholeChain() {
        let checks = TemplateChecks(templates: [
            "a": .init(path: "templates/a.mustache", tags: TemplateTags.scan("{{>b}}")),
            "b": .init(path: "templates/b.mustache", tags: TemplateTags.scan("\n{{>c}}")),
            "c": .init(path: "templates/c.mustache", tags: TemplateTags.scan("x {{>a}}")),
            "page": .init(path: "templates/page.mustache", tags: TemplateTags.scan("{{>a}}")),
        ], broken: [])
        let errors = checks.includeCycles()
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.description.components(separatedBy: "\n").first,
                       "templates/a.mustache:1:1: error: these templates include each other in a circle, which would never end: "
                       + "'a' includes 'b' (templates/a.mustache:1), 'b' includes 'c' (templates/b.mustache:2), 'c' includes 'a' (templates/c.mustache:1)")
    }

    func testTemplatesThatShareAPartialAreNoCircle() {
        let checks = TemplateChecks(templates: [
            "base": .init(path: "b", tags: TemplateTags.scan("{{>partials/help}}{{>partials/footer}}")),
            "partials/footer": .init(path: "f", tags: TemplateTags.scan("{{>partials/help}}")),
            "partials/help": .init(path: "h", tags: []),
            "page": .init(path: "p", tags: TemplateTags.scan("{{<base}}{{$main}}{{>partials/help}}{{/main}}{{/base}}")),
        ], broken: [])
        XCTAssertEqual(checks.run(), [])
    }

    func testAMisspelledNameIsAWarningWithTheNameItMeant() {
        let checks = TemplateChecks(templates: ["page": .init(path: "templates/page.mustache",
            tags: TemplateTags.scan("{{page.titel}} {{#childrn}}{{titl}}{{/childrn}} {{uppercased(site.title)}} {{#first()}}{{.}}{{/first()}}"))],
            broken: [])
        XCTAssertEqual(checks.run().map(\.message), [
            "no page has a value named 'page.titel', so this prints nothing",
            "no page has a value named 'childrn', so this prints nothing",
            "no page has a value named 'titl', so this prints nothing",
        ])
        XCTAssertEqual(checks.run().map(\.fix), ["did you mean 'page.title'?", "did you mean 'children'?", "did you mean 'title'?"])
    }

    /// The list of names and docs/templates.md say the same: a value added
    /// in code and not to the docs (or the other way) fails here.
    func testEveryNameATemplateCanUseIsDocumented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/templates.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        var documented: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let firstColumn = line.dropFirst(2).prefix { $0 != "|" }
            for part in firstColumn.split(separator: "`", omittingEmptySubsequences: false).enumerated() where part.offset % 2 == 1 {
                documented.formUnion(part.element.split(separator: ".").map(String.init))
            }
            // Lists and groups name their entries' values after "list:" or "with:".
            for marker in ["list: ", "with: "] {
                guard let start = line.range(of: marker) else { continue }
                for part in line[start.upperBound...].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                where part.offset % 2 == 1 {
                    documented.insert(String(part.element))
                }
            }
        }
        documented = documented.filter { $0.first?.isLetter == true && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }
        XCTAssertEqual(TemplateNames.values.subtracting(documented).sorted(), [], "values not in docs/templates.md")
        XCTAssertEqual(documented.subtracting(TemplateNames.values).sorted(), [], "names in docs/templates.md that no value has")
    }
}
