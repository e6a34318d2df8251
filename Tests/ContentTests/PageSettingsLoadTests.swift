import Diagnostics
import XCTest
@testable import Content
import SourceFiles

/// Front matter as a page reads it: the loader's messages at file lines.
final class PageSettingsLoadTests: XCTestCase {
    override func setUp() {
        try? FileManager.default.createDirectory(at: FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-empty-\(getpid())"), withIntermediateDirectories: true)
    }

    private func load(_ text: String, path: String = "toolbox/x.md") -> (Page?, [Diagnostic]) {
        // An empty folder: the loader only needs it for paths.
        let folder = try? ContentFolder(root: FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-empty-\(getpid())"), displayRoot: "content")
        guard let folder else { XCTFail("no folder"); return (nil, []) }
        let loader = PageLoader(folder: folder, config: SiteConfig(title: "Test"))
        do {
            let loaded = try loader.load(SourceText(path: "content/" + path, text: text), contentPath: path)
            return (loaded.page, loaded.diagnostics)
        } catch {
            return (nil, [error])
        }
    }

    private func firstLine(_ diagnostics: [Diagnostic]) -> String? {
        diagnostics.first?.description.components(separatedBy: "\n").first
    }

    func testYAMLSyntaxErrorPointsAtTheFileLine() {
        let (_, diagnostics) = load("---\ntitle: Fine\ndescription: \"unclosed\n---\n\nBody\n")
        XCTAssertEqual(diagnostics.first?.path, "content/toolbox/x.md")
        XCTAssertEqual(diagnostics.first?.line, 4)
        XCTAssertTrue(diagnostics.first?.message.hasPrefix("the settings are not valid YAML") ?? false)
    }

    func testWrongTypeNamesTheKeyAndItsLine() {
        let (_, diagnostics) = load("---\ntitle: Urge Log\norder: first\n---\n")
        XCTAssertEqual(firstLine(diagnostics), "content/toolbox/x.md:3:8: error: 'order' must be a whole number")
        XCTAssertEqual(diagnostics.first?.fix, "write a number without quotes, e.g. `order: 3`")
    }

    func testTabIndentationIsExplained() {
        let (_, diagnostics) = load("---\ntitle: X\npoints:\n\t- 1\n---\n")
        XCTAssertEqual(firstLine(diagnostics), "content/toolbox/x.md:4:1: error: a tab is used for indentation; YAML allows only spaces there")
    }

    func testMissingClosingFence() {
        let (_, diagnostics) = load("---\ntitle: X\n\nBody text\n")
        XCTAssertEqual(firstLine(diagnostics), "content/toolbox/x.md:1:1: error: the front matter that starts here has no closing `---`")
    }

    func testMisspelledKeyIsAWarningWithSuggestion() {
        let (page, diagnostics) = load("---\ntitle: X\npoinst: [1]\n---\n\nText\n")
        XCTAssertNotNil(page)
        XCTAssertEqual(firstLine(diagnostics), "content/toolbox/x.md:3:1: warning: 'poinst' is not a setting of a tool page (toolbox/)")
        XCTAssertEqual(diagnostics.first?.fix, "did you mean 'points'?")
    }

    func testProviderWithoutNameIsAnError() {
        let (_, diagnostics) = load("---\ntitle: A center\ncity: Los Angeles\n---\n", path: "providers/a.md")
        XCTAssertEqual(diagnostics.first?.message, "a provider page has no 'name'")
    }

    func testBodyLinesAreFileLines() {
        let (page, _) = load("---\ntitle: X\n---\n\n## Steps\n")
        XCTAssertEqual(page?.content.headings.first?.line, 5)
    }

    func testCRLFAndByteOrderMarkAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Windows\r\n---\r\n\r\n## Head\r\n".utf8)
        let source = try SourceText.decode(bytes, path: "content/w.md")
        let (page, diagnostics) = load(source.text)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(page?.title, "Windows")
        XCTAssertEqual(page?.content.headings.first?.line, 5)
    }
}
