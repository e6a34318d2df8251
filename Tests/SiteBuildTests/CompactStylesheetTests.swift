import Foundation
import XCTest
@testable import SiteBuild

/// The published stylesheet has the same rules as templates/assets/site.css,
/// with only what a reader of the file needs taken out.
final class CompactStylesheetTests: XCTestCase {
    private func compact(_ css: String) -> String {
        String(decoding: CompactStylesheet.compact(Data(css.utf8)), as: UTF8.self)
    }

    func testCommentsAndSpacesAroundPunctuationGo() {
        XCTAssertEqual(compact("/* the page */\nbody {\n  color: black;\n  margin: 0 auto;\n}\n\na, b { x: 1 }\n"),
                       "body{color: black;margin: 0 auto}a,b{x: 1}\n")
    }

    func testSpacesThatMeanSomethingStay() {
        // A descendant combinator, calc()'s operators, a media query's `and (`.
        XCTAssertEqual(compact(".nav  .item:hover > a { width: calc(100% - 2rem) }"),
                       ".nav .item:hover > a{width: calc(100% - 2rem)}\n")
        XCTAssertEqual(compact("@media (min-width: 40rem) and (prefers-color-scheme: dark) {\n a { b: c } }"),
                       "@media (min-width: 40rem) and (prefers-color-scheme: dark){a{b: c}}\n")
        // A comment between two names still parts them.
        XCTAssertEqual(compact(".a/* x */.b{}"), ".a .b{}\n")
    }

    func testStringsAndEscapesAreKeptAsWritten() {
        XCTAssertEqual(compact(#"a::after { content: "/* not a comment */ { ; }  ,"; }"#),
                       #"a::after{content: "/* not a comment */ { ; }  ,"}"# + "\n")
        XCTAssertEqual(compact(#"q { quotes: '\'' "\"" ; }"#), #"q{quotes: '\'' "\""}"# + "\n")
        // `\;` and `\,` are part of a name: the `;` stays before `}` and the space after `,` stays.
        XCTAssertEqual(compact(#".a\; { x: y\; }"#), #".a\;{x: y\;}"# + "\n")
        XCTAssertEqual(compact(#".a\, .b {}"#), #".a\, .b{}"# + "\n")
    }

    func testBrokenStylesheetsDoNotCrash() {
        for css in ["/* never closed", "a { content: \"open", "a { x: y \\", "\\", "\"", "/*", ";", "}", ""] {
            _ = compact(css)
        }
        XCTAssertEqual(compact("a{}/* never closed\nb{}"), "a{}\n")
        XCTAssertEqual(compact(""), "")
    }

    /// The shipped stylesheets: a fifth lighter, the same rules (every
    /// selector and declaration still there), and compacting again changes nothing.
    func testTheShippedStylesheetsKeepEveryRule() throws {
        let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../templates/assets").standardized
        for name in ["site.css", "print.css"] {
            let source = try Data(contentsOf: assets.appendingPathComponent(name))
            let once = CompactStylesheet.compact(source)
            XCTAssertEqual(CompactStylesheet.compact(once), once, name)
            XCTAssertLessThan(once.count, source.count * 85 / 100, name)
            // The same characters once comments, spaces and the `;` before a `}` are set aside.
            let text = String(decoding: once, as: UTF8.self)
            let written = String(decoding: source, as: UTF8.self)
                .replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
            XCTAssertEqual(bare(text), bare(written), name)
            XCTAssertTrue(text.contains("@media (prefers-color-scheme: dark)") || name != "site.css", name)
        }
    }

    private func bare(_ css: String) -> String {
        css.filter { !$0.isWhitespace }.replacingOccurrences(of: ";}", with: "}")
    }

    func testOnlyTheTemplatesStylesheetsAreCompacted() {
        XCTAssertTrue(CompactStylesheet.applies(to: "assets/site.css"))
        XCTAssertTrue(CompactStylesheet.applies(to: "assets/Print.CSS"))
        XCTAssertFalse(CompactStylesheet.applies(to: "assets/nav.js"))
        XCTAssertFalse(CompactStylesheet.applies(to: "handouts/site.css"))
    }
}
