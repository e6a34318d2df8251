import Foundation
@testable import Worksheets
import TestSupport
import XCTest

/// The repository's worksheets, built for real and read back with gs, qpdf
/// and poppler.
final class WorksheetPDFTests: XCTestCase {
    func testEveryWorksheetIsBuiltInBothSizesWithoutProblems() throws {
        let build = SharedBuild.cold
        XCTAssertEqual(build.result.worksheets.map(\.slug), expectedSlugs)
        XCTAssertEqual(build.result.diagnostics.map(\.description), [])
        XCTAssertEqual(build.result.distilled, 50)
        XCTAssertEqual(build.result.reused, 0)
        XCTAssertLessThanOrEqual(build.result.ghostscriptRuns, 3, "all PDFs come from two gs processes, and the workbooks from one")
        for worksheet in build.result.worksheets {
            XCTAssertEqual(worksheet.pdfFiles[.letter], "worksheets/\(worksheet.slug)-letter.pdf")
            XCTAssertEqual(worksheet.pdfFiles[.a4], "worksheets/\(worksheet.slug)-a4.pdf")
            XCTAssertEqual(worksheet.worksheet.sourcePath, contentRoot + "/worksheets/\(worksheet.slug).md")
            XCTAssertFalse(worksheet.worksheet.description.isEmpty, worksheet.slug)
        }
    }

    func testEveryPostScriptFileRunsInGhostscript() throws {
        for slug in expectedSlugs {
            for paper in Paper.allCases {
                let (ps, pdf, warnings) = try buildWorksheet(path: contentRoot + "/worksheets/\(slug).md", paper: paper,
                                                             settings: testSettings, distil: false)
                XCTAssertNil(pdf)
                XCTAssertEqual(warnings.map(\.description), [])
                XCTAssertTrue(ps.hasPrefix("%!PS-Adobe-3.0\n"))
                let run = try Tool.gs(["-sDEVICE=nullpage", "-"], stdin: Data(ps.utf8))
                XCTAssertEqual(run.status, 0, "\(slug) \(paper): \(run.text) \(run.stderr)")
                XCTAssertFalse((run.text + run.stderr).contains("Error"), "\(slug) \(paper): \(run.text) \(run.stderr)")
            }
        }
    }

    func testEveryPDFPassesQpdfCheckAndHasItsTitleAndPageSize() throws {
        let build = SharedBuild.cold
        for worksheet in build.result.worksheets {
            let sizes = worksheet.worksheet.landscape ? [(Paper.letter, "792 x 612"), (Paper.a4, "842 x 595")]
                                                      : [(Paper.letter, "612 x 792"), (Paper.a4, "595 x 842")]
            for (paper, size) in sizes {
                let pdf = build.pdf(worksheet.slug, paper)
                let check = try Tool.run("qpdf", package: "qpdf", ["--check", pdf])
                XCTAssertEqual(check.status, 0, "\(pdf): \(check.text)\(check.stderr)")
                let info = try Tool.run("pdfinfo", package: "poppler-utils", [pdf]).text
                XCTAssertTrue(info.contains("Title:           \(worksheet.worksheet.title)\n"), info)
                XCTAssertTrue(info.contains("Page size:       \(size) pts"), "\(pdf): \(info)")
                XCTAssertTrue(info.contains("Pages:           \(worksheet.pageCount(paper))\n"), info)
                XCTAssertTrue(info.contains("Form:            AcroForm"), info)
            }
        }
    }

    func testTextComesOutWithHeadingsPromptsAndTypography() throws {
        let build = SharedBuild.cold
        func text(_ slug: String) throws -> String {
            try Tool.run("pdftotext", package: "poppler-utils", [build.pdf(slug, .letter), "-"]).text
        }
        let cba = try text("cost-benefit-analysis")
        for expected in ["Cost-Benefit Analysis", "How to fill it in", "Benefits of using", "Costs of using",
                         "Benefits of not using", "Costs of not using", "How ready do you feel to make a change?"] {
            XCTAssertTrue(cba.contains(expected), "cost-benefit-analysis lacks “\(expected)”:\n\(cba)")
        }
        let abc = try text("abc-urges")
        for expected in ["A — Activating event", "E — Effective new beliefs", "“I can’t stand this,” “One won’t hurt,” “I deserve it.”"] {
            XCTAssertTrue(abc.contains(expected), "abc-urges lacks “\(expected)”:\n\(abc)")
        }
        XCTAssertTrue(try text("urge-log").contains("(0–10)"))
        let plan = try text("change-plan")
        // Our own words: the handbook's headings were too close to copy (content issue).
        for heading in ["What I want to change:", "Why it matters: how much, from 0 to 10?", "How sure do I feel that I can do it?",
                        "My reasons:", "My first steps:", "My helpers", "Signs that it is working:",
                        "What could get in the way, and what I will do then:", "dangerous withdrawal"] {
            XCTAssertTrue(plan.contains(heading), "change-plan lacks “\(heading)”")
        }
        for slug in expectedSlugs {
            let all = try Tool.run("pdftotext", package: "poppler-utils", [build.pdf(slug, .a4), "-"]).text
            XCTAssertTrue(all.contains("not affiliated with or endorsed by SMART Recovery"), "\(slug): footer note")
            let pages = build.result.worksheets.first { $0.slug == slug }!.pageCount(.a4)
            for page in 1...pages { XCTAssertTrue(all.contains("page \(page) of \(pages)"), "\(slug): page \(page) footer") }
            // The help lines on every page: a filled-in sheet often sits at a bedside, far from the site.
            let onEveryPage = all.components(separatedBy: "Need help now?").count - 1
            XCTAssertEqual(onEveryPage, pages, "\(slug): help lines in the footer of each page")
            XCTAssertTrue(all.replacingOccurrences(of: "\n", with: " ").contains("988 Suicide & Crisis Lifeline: call 988, text 988"), slug)
        }
    }

    func testFormFieldsHaveStableNamesAndTheRightTypes() throws {
        let build = SharedBuild.cold
        let cba = try formFields(build.pdf("cost-benefit-analysis", .letter))
        for name in ["benefits_of_using", "costs_of_using", "benefits_of_not_using", "costs_of_not_using", "name", "date"] {
            XCTAssertEqual(cba[name]?.type, "/Tx", name)
        }
        XCTAssertEqual(cba["how_ready_do_you_feel_to_make_a_change"]?.radio, true)

        let log = try formFields(build.pdf("urge-log", .a4))
        XCTAssertEqual(log["urge_log.row3.trigger"]?.type, "/Tx")
        XCTAssertEqual(log["urge_log.row10.how_i_coped"]?.type, "/Tx")
        XCTAssertEqual(log.keys.filter { $0.hasPrefix("urge_log.row") }.count, 70)

        let stages = try formFields(build.pdf("stages-of-change", .letter))
        let boxes = stages.filter { $0.value.checkbox }.map(\.key).sorted()
        XCTAssertEqual(boxes.count, 6)
        XCTAssertEqual(boxes, ["action", "contemplation", "lapse_or_relapse", "maintenance", "precontemplation", "preparation"]
            .map { "where_am_i_right_now." + $0 })

        let plan = try formFields(build.pdf("change-plan", .letter))
        XCTAssertEqual(plan["why_it_matters_how_much_from_0_to_10"]?.radio, true)
        XCTAssertEqual(plan["how_sure_do_i_feel_that_i_can_do_it"]?.radio, true)
        XCTAssertEqual(plan["helpers.row1.who"]?.type, "/Tx")

        let pie = try formFields(build.pdf("lifestyle-balance-pie", .letter))
        XCTAssertEqual(pie["balance.physical_health"]?.type, "/Tx")
        XCTAssertEqual(pie.keys.filter { $0.hasPrefix("balance.") }.count, 8)
    }

    func testEachPDFHasItsOwnSectionsAsBookmarks() throws {
        let build = SharedBuild.cold
        func outline(_ slug: String, _ paper: Paper) throws -> [String] {
            let json = try Tool.run("qpdf", package: "qpdf", ["--json", "--json-key=outlines", build.pdf(slug, paper)]).stdout
            let root = try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
            return (root["outlines"] as? [[String: Any]] ?? []).map { "\($0["title"] as? String ?? "") p\($0["destpageposfrom1"] as? Int ?? 0)" }
        }
        for paper in Paper.allCases {
            XCTAssertEqual(try outline("stages-of-change", paper), ["Next steps p1"])
            XCTAssertEqual(try outline("change-plan", paper), ["My goal p1", "My plan p2"])
            XCTAssertEqual(try outline("urge-log", paper), [])
            XCTAssertEqual(try outline("abc-urges", paper).count, 5)
        }
    }

    /// Every page of every worksheet, rendered by gs from the PostScript and
    /// from the PDF at 30 dpi, gives the very same pixels.
    func testPostScriptAndPDFRenderTheSamePixels() throws {
        let build = SharedBuild.cold
        let dir = try Tool.temporaryDirectory("pixels")
        defer { try? FileManager.default.removeItem(at: dir) }
        for worksheet in build.result.worksheets {
            for paper in Paper.allCases {
                let (ps, _, _) = try buildWorksheet(path: worksheet.worksheet.sourcePath, paper: paper, settings: testSettings, distil: false)
                let name = "\(worksheet.slug)-\(paper.rawValue)"
                try Tool.gs(["-sDEVICE=png16m", "-r30", "-sOutputFile=\(dir.path)/\(name)-ps-%d.png", "-"], stdin: Data(ps.utf8))
                try Tool.gs(["-sDEVICE=png16m", "-r30", "-sOutputFile=\(dir.path)/\(name)-pdf-%d.png", build.pdf(worksheet.slug, paper)])
                for page in 1...worksheet.pageCount(paper) {
                    let a = try Data(contentsOf: dir.appendingPathComponent("\(name)-ps-\(page).png"))
                    let b = try Data(contentsOf: dir.appendingPathComponent("\(name)-pdf-\(page).png"))
                    XCTAssertEqual(a, b, "\(name) page \(page) renders differently from the PostScript and from the PDF")
                }
            }
        }
    }
}
