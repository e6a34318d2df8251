import Foundation
import XCTest
@testable import SiteBuild

/// Builds the site that ships in content/ and templates/, with the real
/// worksheets (Ghostscript), and checks what a visitor and a publisher rely on.
final class ShippedSiteTests: XCTestCase {
    nonisolated(unsafe) static var output: URL?
    nonisolated(unsafe) static var buildError: Error?

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    override class func setUp() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-shipped-\(getpid())")
        do {
            _ = try SiteBuilder.build(BuildOptions(
                contentFolder: repository.appendingPathComponent("content").path,
                templatesFolder: repository.appendingPathComponent("templates").path,
                outputFolder: folder.path))
            output = folder
        } catch {
            buildError = error
        }
    }

    override class func tearDown() {
        if let output { try? FileManager.default.removeItem(at: output) }
    }

    private func site() throws -> URL {
        if let error = Self.buildError { XCTFail("the shipped site does not build: \(error)") }
        return try XCTUnwrap(Self.output)
    }

    private func htmlFiles(_ root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String { if path.hasSuffix(".html") { files.append(path) } }
        return files.sorted()
    }

    private func read(_ root: URL, _ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    func testEveryPageCarriesTheHelpLinesAndOneHeading() throws {
        let root = try site()
        let pages = htmlFiles(root)
        XCTAssertGreaterThan(pages.count, 40)
        for page in pages {
            let html = read(root, page)
            // The Spanish pages (es/) in Spanish words.
            let spanish = page.hasPrefix("es/")
            XCTAssertTrue(html.contains(spanish ? "aria-label=\"Ayuda ahora\"" : "aria-label=\"Help now\""), "\(page) has no help bar")
            XCTAssertTrue(html.contains("href=\"tel:988\""), "\(page) does not link the 988 Lifeline")
            XCTAssertTrue(html.contains("1-800-662-4357"), "\(page) does not show the SAMHSA helpline")
            XCTAssertTrue(html.contains(spanish ? "no está afiliada" : "not affiliated"), "\(page) lacks the not-affiliated statement")
            XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1, "\(page) must have exactly one h1")
            XCTAssertTrue(html.contains("<meta name=\"description\" content=\""), page)
        }
    }

    func testEveryInternalLinkAndFragmentResolves() throws {
        let root = try site()
        var checked = 0
        for page in htmlFiles(root) where !page.hasSuffix("404.html") {
            let html = read(root, page)
            let base = root.appendingPathComponent(page).deletingLastPathComponent()
            for link in matches("(?:href|src)=\"([^\"]*)\"", in: html) {
                if link.contains(":") || link.hasPrefix("//") { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var target = parts[0].isEmpty ? root.appendingPathComponent(page) : base.appendingPathComponent(parts[0])
                if parts[0].hasSuffix("/") || parts[0].isEmpty && page.hasSuffix("/") { target.appendPathComponent("index.html") }
                target = target.standardizedFileURL
                XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(page): \(link) leads nowhere")
                if parts.count == 2, !parts[1].isEmpty, target.pathExtension == "html" {
                    let targetHTML = (try? String(contentsOf: target, encoding: .utf8)) ?? ""
                    XCTAssertTrue(targetHTML.contains("id=\"\(parts[1].removingPercentEncoding ?? parts[1])\""), "\(page): \(link) has no such anchor")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }

    func testEveryToolNamesItsPointAndLinksBack() throws {
        let root = try site()
        let tools = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("toolbox").path)
            .filter { !$0.hasSuffix(".html") }
        XCTAssertGreaterThanOrEqual(tools.count, 14)
        for tool in tools {
            let html = read(root, "toolbox/\(tool)/index.html")
            XCTAssertTrue(html.contains("class=\"tool-points\""), "\(tool) does not name its point")
            XCTAssertFalse(matches("href=\"(\\.\\./\\.\\./program/[a-z-]+/)\"", in: html).isEmpty, "\(tool) does not link to its point")
        }
    }

    func testToolsLinkTheirWorksheetPDFs() throws {
        let root = try site()
        let html = read(root, "toolbox/cost-benefit-analysis/index.html")
        XCTAssertTrue(html.contains("href=\"../../worksheets/cost-benefit-analysis-letter.pdf\""), html)
        XCTAssertTrue(html.contains("href=\"../../worksheets/cost-benefit-analysis-a4.pdf\""), html)
        let pdf = try Data(contentsOf: root.appendingPathComponent("worksheets/cost-benefit-analysis-letter.pdf"))
        XCTAssertEqual(pdf.prefix(5), Data("%PDF-".utf8))
    }

    func testComparisonIsATable() throws {
        let html = read(try site(), "smart-and-12-step/index.html")
        XCTAssertTrue(html.contains("<table>"), "the comparison must render as a table")
        XCTAssertTrue(html.contains("<th scope=\"col\""))
        XCTAssertTrue(html.contains("Disease model"), "the comparison must cover the disputed disease model")
    }

    func testProvidersHaveStructuredDataAndPhoneLinks() throws {
        let root = try site()
        let restore = read(root, "providers/restore-los-angeles/index.html")
        XCTAssertTrue(restore.contains("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\""), restore)
        XCTAssertTrue(restore.contains("href=\"tel:8889794570\""), restore)
        let banyan = read(root, "providers/banyan-palm-springs/index.html")
        XCTAssertTrue(banyan.contains("\"@type\":\"MedicalOrganization\""))
    }

    func testSearchIndexCoversEveryPage() throws {
        let root = try site()
        // Each language has its own index: es/search.json lists the pages below es/.
        func entries(_ path: String) throws -> [[String: String]] {
            let data = try Data(contentsOf: root.appendingPathComponent(path))
            return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
        }
        let english = try entries("search.json"), spanish = try entries("es/search.json")
        let indexed = Set((english + spanish).compactMap { $0["url"] })
        for page in htmlFiles(root) where page.hasSuffix("/index.html") || page == "index.html" {
            let url = String(page.dropLast("index.html".count))
            if ["search/", "worksheets/", "es/search/", "es/worksheets/"].contains(url) { continue }
            XCTAssertTrue(indexed.contains(url), "no search.json has an entry for \(url)")
        }
        XCTAssertFalse(english.contains { $0["url"]?.hasPrefix("es/") == true }, "Spanish pages in the English index")
        XCTAssertTrue(spanish.allSatisfy { $0["url"]?.hasPrefix("es/") == true }, "other pages in the Spanish index")
        XCTAssertTrue(english.contains { $0["title"] == "Cost-Benefit Analysis" })
        XCTAssertTrue(spanish.contains { $0["title"] == "Análisis de costos y beneficios" }, "\(spanish.compactMap { $0["title"] })")
    }

    func testPublishingFiles() throws {
        let root = try site()
        XCTAssertTrue(read(root, "sitemap.xml").contains("<loc>https://smart-recovery-guide.example.org/toolbox/urge-log/</loc>"))
        XCTAssertTrue(read(root, "robots.txt").contains("Sitemap:"))
        XCTAssertTrue(read(root, "404.html").contains("href=\"/assets/site.css\""), "404 must work at any depth")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("assets/favicon.svg").path))
        // No request to any third-party host.
        for page in htmlFiles(root) {
            let html = read(root, page)
            for source in matches("(?:src|href)=\"(https?://[^\"]+)\"[^>]*(?:rel=\"stylesheet\"|></script>)", in: html) {
                XCTFail("\(page) loads \(source) from another host")
            }
        }
    }
}
