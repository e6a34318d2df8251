import Diagnostics
import Foundation
import PostScript
import QRCode
import TestSupport
@testable import Worksheets
import XCTest

/// What a facilitator's packet needs from every sheet: a QR code that leads
/// back to the worksheet's page, fields that show in every viewer, columns
/// that fit what is written in them, and a large-print copy.
final class PacketTests: XCTestCase {
    /// The address on a worksheet's first page, read back from the PDF as a
    /// phone would: rendered at 150 dpi and decoded by zbar.
    private func decodedQRCode(_ pdf: String) throws -> String {
        let folder = try Tool.temporaryDirectory("qr")
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = folder.appendingPathComponent("page").path
        let render = try Tool.run("pdftoppm", package: "poppler-utils", ["-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", pdf, image])
        XCTAssertEqual(render.status, 0, render.stderr)
        let read = try Tool.run("zbarimg", package: "zbar-tools", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", image + ".png"])
        XCTAssertEqual(read.status, 0, "\(pdf): zbarimg found no QR code (\(read.stderr))")
        return read.text.trimmingCharacters(in: .newlines)
    }

    func testEveryWorksheetsQRCodeReadsBackAsItsPageAddressOnEveryPaperAndInLargePrint() throws {
        let build = SharedBuild.cold
        for worksheet in build.result.worksheets {
            let address = "https://guide.example.org/worksheets/\(worksheet.slug)/"
            let files = Array(worksheet.pdfFiles.values) + Array(worksheet.largePrintFiles.values)
            XCTAssertEqual(files.count, 4, worksheet.slug)
            for file in files.sorted() {
                XCTAssertEqual(try decodedQRCode(build.root.appendingPathComponent(file).path), address, file)
            }
            // The address is printed beside the code, for a phone without a camera app.
            let text = try Tool.run("pdftotext", package: "poppler-utils", ["-l", "1", build.pdf(worksheet.slug, .letter), "-"]).text
            XCTAssertTrue(text.contains("guide.example.org/worksheets/\(worksheet.slug)/"), worksheet.slug)
        }
    }

    func testTheQRCodeIsAtLeast20MillimetresWithItsQuietZone() throws {
        for url in ["https://a.org/worksheets/x/", "https://smart-recovery-guide.example.org/worksheets/abc-emotional-upsets/"] {
            let code = try XCTUnwrap(QRCodeSide(url))
            XCTAssertGreaterThanOrEqual(code / 72 * 25.4, 20, url)
        }
    }

    func testEveryFieldHasAnAppearanceAndTheDocumentItsLanguage() throws {
        let build = SharedBuild.cold
        for file in build.result.files.keys.sorted() {
            let pdf = build.root.appendingPathComponent(file).path
            let json = try Tool.run("qpdf", package: "qpdf", ["--json", pdf]).stdout
            let root = try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
            let objects = (root["qpdf"] as? [Any])?.last as? [String: Any] ?? [:]
            var widgets = 0
            var language: String?
            for (_, object) in objects {
                guard let value = (object as? [String: Any])?["value"] as? [String: Any] else { continue }
                if value["/Type"] as? String == "/Catalog" { language = value["/Lang"] as? String }
                guard value["/Subtype"] as? String == "/Widget" else { continue }
                widgets += 1
                XCTAssertNotNil(value["/AP"], "\(file): a field without an appearance: \(value["/T"] ?? value["/Parent"] ?? "")")
            }
            XCTAssertGreaterThan(widgets, 0, file)
            XCTAssertEqual(language, "u:en", file)
            let check = try Tool.run("qpdf", package: "qpdf", ["--check", pdf])
            XCTAssertEqual(check.status, 0, "\(file): \(check.text)")
            XCTAssertFalse(try Tool.run("qpdf", package: "qpdf", ["--show-object=trailer", pdf]).text.isEmpty)
        }
    }

    func testTheUrgeLogIsLandscapeWithRoomToWriteATrigger() throws {
        let build = SharedBuild.cold
        for (paper, size) in [(Paper.letter, "792 x 612"), (Paper.a4, "842 x 595")] {
            let info = try Tool.run("pdfinfo", package: "poppler-utils", [build.pdf("urge-log", paper)]).text
            XCTAssertTrue(info.contains("Page size:       \(size) pts"), info)
        }
        let info = try Tool.run("pdfinfo", package: "poppler-utils", [build.pdf("cost-benefit-analysis", .letter)]).text
        XCTAssertTrue(info.contains("Page size:       612 x 792 pts"), "a worksheet without a wide table stays upright")
        // The trigger's cells are wider than the intensity's, and wider than an inch.
        let fields = try fieldRects(build.pdf("urge-log", .letter))
        let trigger = try XCTUnwrap(fields["urge_log.row1.trigger"])
        let intensity = try XCTUnwrap(fields["urge_log.row1.intensity_0_10"])
        XCTAssertGreaterThan(trigger, 72)
        XCTAssertLessThan(intensity, trigger / 2)
    }

    func testALastPageIsNotLeftMostlyEmpty() throws {
        for slug in ["cost-benefit-analysis", "lifestyle-balance-pie"] {
            let worksheet = try XCTUnwrap(try parse(slug))
            for paper in Paper.allCases {
                let layout = WorksheetLayout(worksheet: worksheet, paper: paper, settings: testSettings)
                let laid = layout.paginated()
                let last = try XCTUnwrap(laid.pages.last?.last)
                let used = last.offset + laid.blocks[last.index].height
                XCTAssertGreaterThan(used, layout.frameHeight * 0.75, "\(slug) \(paper): the last page is \(Int(used / layout.frameHeight * 100))% full")
            }
        }
    }

    func testLongLabelsGiveWholeFieldNames() throws {
        let name = FieldName.from("Which boxes carry the most weight for you right now?")
        XCTAssertEqual(name, "which_boxes_carry_the_most_weight_for_you_right_now")
        let long = FieldName.from(String(repeating: "word ", count: 60))
        XCTAssertLessThanOrEqual(long.count, 120)
        XCTAssertTrue(long.hasSuffix("word"), long)
    }

    func testLargePrintIsAtLeast14PointAndHasTallerWritingLines() throws {
        let worksheet = try XCTUnwrap(try parse("cost-benefit-analysis"))
        let regular = WorksheetLayout(worksheet: worksheet, paper: .letter, settings: testSettings)
        let large = WorksheetLayout(worksheet: worksheet, paper: .letter, settings: testSettings, largePrint: true)
        XCTAssertGreaterThanOrEqual(WorksheetLayout.bodySize * large.scale, 14)
        XCTAssertGreaterThanOrEqual(WorksheetLayout.ruleSpacing * large.scale, 32)
        XCTAssertEqual(large.paperSize, regular.paperSize, "the same paper")
        // On paper: poppler's word boxes of the body text are 1.4 times as tall.
        let build = SharedBuild.cold
        func wordHeight(_ file: String) throws -> Double {
            let html = try Tool.run("pdftotext", package: "poppler-utils", ["-bbox", "-f", "1", "-l", "1",
                                                                           build.root.appendingPathComponent(file).path, "-"]).text
            let pattern = try NSRegularExpression(pattern: #"yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">honestly<"#)
            let match = try XCTUnwrap(pattern.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)), file)
            let lo = Double((html as NSString).substring(with: match.range(at: 1))) ?? 0
            let hi = Double((html as NSString).substring(with: match.range(at: 2))) ?? 0
            return hi - lo
        }
        let ratio = try wordHeight("worksheets/cost-benefit-analysis-large-letter.pdf") / wordHeight("worksheets/cost-benefit-analysis-letter.pdf")
        XCTAssertEqual(ratio, 1.4, accuracy: 0.05)
    }

    func testTheWorkbookHoldsEveryWorksheetWithCoverContentsBookmarksAndUniqueFieldNames() throws {
        let build = SharedBuild.cold
        for paper in Paper.allCases {
            XCTAssertEqual(build.result.workbookFiles[paper], "worksheets/workbook-\(paper.rawValue).pdf")
            let pdf = build.root.appendingPathComponent("worksheets/workbook-\(paper.rawValue).pdf").path
            let parts = build.result.worksheets.map { $0.pageCount(paper) }.reduce(0, +)
            let info = try Tool.run("pdfinfo", package: "poppler-utils", [pdf]).text
            XCTAssertTrue(info.contains("Pages:           \(parts + 2)\n"), "cover + contents + \(parts): \(info)")
            XCTAssertEqual(build.result.workbookPageCounts[paper], parts + 2)
            XCTAssertEqual(try Tool.run("qpdf", package: "qpdf", ["--check", pdf]).status, 0)
            // The outline: every worksheet, with its sections under it.
            let json = try Tool.run("qpdf", package: "qpdf", ["--json", "--json-key=outlines", pdf]).stdout
            let outlines = (try JSONSerialization.jsonObject(with: json) as? [String: Any])?["outlines"] as? [[String: Any]] ?? []
            let titles = outlines.compactMap { $0["title"] as? String }
            XCTAssertEqual(titles, ["Cover", "Contents"] + build.result.worksheets.map(\.worksheet.title))
            let cba = try XCTUnwrap(outlines.first { $0["title"] as? String == "Cost-Benefit Analysis" })
            XCTAssertTrue(((cba["kids"] as? [[String: Any]]) ?? []).contains { $0["title"] as? String == "How to fill it in" })
            // Field names: unique, each under its worksheet.
            let names = try formFields(pdf).keys
            let single = build.result.worksheets.map { try? formFields(build.pdf($0.slug, paper)).count }.compactMap { $0 }.reduce(0, +)
            XCTAssertEqual(names.count, single, "every field of every worksheet, none merged with another")
            XCTAssertTrue(names.contains("urge-log.urge_log.row1.trigger"))
            // The help lines on every page, cover and contents included.
            for page in 1...(parts + 2) {
                let text = try Tool.run("pdftotext", package: "poppler-utils", ["-f", "\(page)", "-l", "\(page)", pdf, "-"]).text
                    .replacingOccurrences(of: "\n", with: " ")
                for line in testSettings.helpLines {
                    XCTAssertTrue(text.contains(line), "page \(page) lacks “\(line)”")
                }
                XCTAssertTrue(text.contains("page \(page) of \(parts + 2)"), "page \(page): continuous page numbers")
            }
        }
    }

    /// A point's workbook: the worksheets of its tools, with the whole
    /// workbook's cover, contents, bookmarks and unique names; kept when
    /// nothing changed, like the others.
    func testEachPointGetsAWorkbookOfItsToolsWorksheets() throws {
        var settings = testSettings
        settings.workbookParts = [
            WorkbookPart(key: "point-2", title: "Point 2: Coping with Urges", tools: ["urge-log", "abc-for-urges", "disarm", "deads"]),
            // A tool page's `worksheet:` counts too; a part with no worksheet gets no workbook.
            WorkbookPart(key: "point-4", title: "Point 4: Living a Balanced Life", tools: [], worksheets: ["lifestyle-balance-pie"]),
            WorkbookPart(key: "point-9", title: "Nothing", tools: ["no-such-tool"]),
        ]
        let out = try Tool.temporaryDirectory("points")
        defer { try? FileManager.default.removeItem(at: out) }
        let built = try build(contentRoot, into: out, settings: settings)
        XCTAssertEqual(built.diagnostics.map(\.description), [])
        XCTAssertEqual(built.partWorkbooks.map(\.part.key), ["point-2", "point-4"])
        let expected = ["point-2": ["Urge Log", "ABC for Urges", "DISARM", "DEADS Plan"].sorted(), "point-4": ["Lifestyle Balance Pie"]]
        for made in built.partWorkbooks {
            let members = built.worksheets.filter { made.part.holds($0.worksheet) }
            XCTAssertEqual(members.map(\.worksheet.title).sorted(), expected[made.part.key])
            for paper in Paper.allCases {
                let file = try XCTUnwrap(made.files[paper])
                XCTAssertEqual(file, "worksheets/workbook-\(made.part.key)-\(paper.rawValue).pdf")
                let pdf = out.appendingPathComponent(file).path
                let parts = members.map { $0.pageCount(paper) }.reduce(0, +)
                let info = try Tool.run("pdfinfo", package: "poppler-utils", [pdf]).text
                XCTAssertTrue(info.contains("Pages:           \(parts + 2)\n"), "cover + contents + \(parts): \(info)")
                XCTAssertTrue(info.contains("Title:           SMART Recovery Program Guide: \(made.part.title), worksheets"), info)
                XCTAssertEqual(made.pageCounts[paper], parts + 2)
                XCTAssertEqual(try Tool.run("qpdf", package: "qpdf", ["--check", pdf]).status, 0)
                let json = try Tool.run("qpdf", package: "qpdf", ["--json", "--json-key=outlines", pdf]).stdout
                let outlines = (try JSONSerialization.jsonObject(with: json) as? [String: Any])?["outlines"] as? [[String: Any]] ?? []
                XCTAssertEqual(outlines.compactMap { $0["title"] as? String }, ["Cover", "Contents"] + members.map(\.worksheet.title))
                let names = try formFields(pdf).keys
                let single = try members.map { try formFields(out.appendingPathComponent("worksheets/\($0.slug)-\(paper.rawValue).pdf").path).count }.reduce(0, +)
                XCTAssertEqual(names.count, single, "every field of every member, none merged")
                // The cover names the point.
                let cover = try Tool.run("pdftotext", package: "poppler-utils", ["-l", "1", pdf, "-"]).text
                XCTAssertTrue(cover.contains(made.part.title), cover)
            }
        }
        let again = try build(contentRoot, into: out, previous: out, settings: settings)
        XCTAssertEqual(again.ghostscriptRuns, 0, "nothing changed: no gs run")
        XCTAssertEqual(again.partWorkbooks.map(\.files), built.partWorkbooks.map(\.files))
        XCTAssertEqual(again.files, built.files)
    }

    private func parse(_ slug: String) throws -> Worksheet? {
        var diagnostics: [Diagnostic] = []
        let worksheet = WorksheetFile(path: contentRoot + "/worksheets/\(slug).md", shownPath: slug)
            .load(baseURL: testSettings.baseURL, diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.map(\.description), [])
        return worksheet
    }

    /// Each text field's width, by full name.
    private func fieldRects(_ pdf: String) throws -> [String: Double] {
        let json = try Tool.run("qpdf", package: "qpdf", ["--json", pdf]).stdout
        let root = try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
        let fields = (root["acroform"] as? [String: Any])?["fields"] as? [[String: Any]] ?? []
        let objects = (root["qpdf"] as? [Any])?.last as? [String: Any] ?? [:]
        var out: [String: Double] = [:]
        for field in fields {
            guard let name = field["fullname"] as? String, let object = (field["annotation"] as? [String: Any])?["object"] as? String,
                  let value = (objects["obj:" + object] as? [String: Any])?["value"] as? [String: Any],
                  let rect = value["/Rect"] as? [Double], rect.count == 4 else { continue }
            out[name] = rect[2] - rect[0]
        }
        return out
    }
}

/// The side of the QR code a worksheet prints for `url`, quiet zone included, in points.
private func QRCodeSide(_ url: String) -> Double? {
    guard let code = QRCode(url) else { return nil }
    return Double(code.size + 2 * QRCode.quietZone) * WorksheetLayout.qrModule(code)
}
