import Content
import DerivedFiles
import Foundation
@testable import Worksheets
import TestSupport
import XCTest
import SourceFiles

/// The build as the site uses it: caching, determinism, errors.
final class BuildTests: XCTestCase {
    func testTheSameInputGivesByteIdenticalPDFs() throws {
        let again = try Tool.temporaryDirectory("again")
        defer { try? FileManager.default.removeItem(at: again) }
        let result = try build(contentRoot, into: again)
        // Each worksheet on two papers, regular and large print, and the two workbooks.
        XCTAssertEqual(result.distilled, 50)
        for slug in expectedSlugs + ["workbook"] {
            for paper in Paper.allCases {
                let file = "worksheets/\(slug)-\(paper.rawValue).pdf"
                let a = try Data(contentsOf: SharedBuild.cold.root.appendingPathComponent(file))
                let b = try Data(contentsOf: again.appendingPathComponent(file))
                XCTAssertEqual(a, b, "\(file) differs between two builds of the same input")
            }
        }
    }

    func testASecondBuildReusesEveryPDFWithoutRunningGhostscript() throws {
        let second = try Tool.temporaryDirectory("second")
        defer { try? FileManager.default.removeItem(at: second) }
        let result = try build(contentRoot, into: second, previous: SharedBuild.cold.root)
        XCTAssertEqual(result.distilled, 0)
        XCTAssertEqual(result.reused, 50)
        XCTAssertEqual(result.ghostscriptRuns, 0)
        XCTAssertEqual(result.worksheets.map { $0.pdfFiles.count }, Array(repeating: 2, count: 12))
        let copy = try Data(contentsOf: second.appendingPathComponent("worksheets/urge-log-a4.pdf"))
        XCTAssertEqual(copy, try Data(contentsOf: SharedBuild.cold.root.appendingPathComponent("worksheets/urge-log-a4.pdf")))
    }

    /// Editing one worksheet re-distils only its group, and the group's other
    /// PDFs come out byte for byte as in a cold build.
    func testAnEditRedistilsOnlyItsGroupAndKeepsTheOthersBytes() throws {
        let files = ["one.md": "---\ntitle: One\n---\n```lines 2 First\n```\n",
                     "two.md": "---\ntitle: Two\n---\n```lines 2 Second\n```\n",
                     "three.md": "---\ntitle: Three\n---\n```lines 2 Third\n```\n",
                     "four.md": "---\ntitle: Four\n---\n```lines 2 Fourth\n```\n"]
        let content = try contentFolder(files)
        let first = try Tool.temporaryDirectory("first"), second = try Tool.temporaryDirectory("second"), cold = try Tool.temporaryDirectory("cold")
        defer { [content, first, second, cold].forEach { try? FileManager.default.removeItem(at: $0) } }
        let r1 = try build(content.path, into: first)
        // Four PDFs per worksheet (two papers, regular and large print), and two workbooks in a gs run of their own.
        XCTAssertEqual(r1.distilled, 18)
        XCTAssertEqual(r1.ghostscriptRuns, DistillingGroups.assign(["four", "one", "three", "two"]).count + 1)

        try Data("---\ntitle: Two, changed\n---\n```lines 3 Second\n```\n".utf8)
            .write(to: content.appendingPathComponent("worksheets/two.md"))
        let r2 = try build(content.path, into: second, previous: first)
        let group = DistillingGroups.assign(["four", "one", "three", "two"]).first { $0.contains(3) }!
        XCTAssertEqual(r2.distilled, group.count * 4 + 2, "the edited worksheet's group and the workbooks")
        XCTAssertEqual(r2.reused, 16 - group.count * 4)
        XCTAssertEqual(r2.ghostscriptRuns, 2)

        let r3 = try build(content.path, into: cold)
        XCTAssertEqual(r3.distilled, 18)
        for name in ["one", "two", "three", "four"] {
            for paper in Paper.allCases {
                let file = "worksheets/\(name)-\(paper.rawValue).pdf"
                XCTAssertEqual(try Data(contentsOf: second.appendingPathComponent(file)), try Data(contentsOf: cold.appendingPathComponent(file)),
                               "\(file): an incremental build must give the bytes of a cold build")
            }
        }
    }

    func testWithoutGhostscriptTheBuildWarnsNamingThePackageAndStillDescribesTheWorksheets() throws {
        let out = try Tool.temporaryDirectory("nogs")
        defer { try? FileManager.default.removeItem(at: out) }
        var settings = testSettings
        settings.ghostscriptPath = "/nonexistent/gs"
        let result = try build(contentRoot, into: out, settings: settings)
        XCTAssertEqual(result.worksheets.count, 12)
        XCTAssertEqual(result.distilled, 0)
        XCTAssertTrue(result.worksheets.allSatisfy { $0.pdfFiles.isEmpty && !$0.htmlPreview.isEmpty })
        let missing = try XCTUnwrap(result.diagnostics.first)
        XCTAssertFalse(missing.isError, "the HTML site still builds")
        XCTAssertTrue(missing.description.contains("Debian package `ghostscript`"), missing.description)
        XCTAssertThrowsError(try buildWorksheet(path: contentRoot + "/worksheets/urge-log.md", paper: .a4, settings: settings)) { error in
            XCTAssertTrue("\(error)".contains("ghostscript"), "\(error)")
        }
    }

    /// The PDFs are the only files for the output (no list of what was made,
    /// which would be published), and gs leaves nothing in its scratch folder.
    func testOnlyThePDFsGoToTheOutputAndTheScratchFolderIsLeftEmpty() throws {
        let out = try Tool.temporaryDirectory("output"), scratch = try Tool.temporaryDirectory("scratch")
        defer { [out, scratch].forEach { try? FileManager.default.removeItem(at: $0) } }
        let built = try build(contentRoot, into: out, scratch: scratch)
        XCTAssertEqual(built.files.keys.sorted(), (expectedSlugs.flatMap { ["worksheets/\($0)-a4.pdf", "worksheets/\($0)-letter.pdf",
                                                                          "worksheets/\($0)-large-a4.pdf", "worksheets/\($0)-large-letter.pdf"] }
                                                   + ["worksheets/workbook-a4.pdf", "worksheets/workbook-letter.pdf"]).sorted())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [])
    }

    /// The worksheets are the files the content folder's walk finds: a
    /// `_name.md` is one (pages may link to it), a dot-file is not.
    func testAnUnderscoreFileIsBuiltAndADotFileIsNot() throws {
        let text = "---\ntitle: T\n---\n```lines 2 Notes\n```\n"
        let content = try contentFolder(["_draft.md": text, ".hidden.md": text, "plain.md": text])
        let out = try Tool.temporaryDirectory("underscore")
        defer { [content, out].forEach { try? FileManager.default.removeItem(at: $0) } }
        let built = try build(content.path, into: out)
        XCTAssertEqual(built.worksheets.map(\.slug), ["_draft", "plain"])
        XCTAssertNotNil(built.files["worksheets/_draft-letter.pdf"])
    }

    /// Preview keeps the last build's files in memory; they are reused from there.
    func testPDFsAreReusedFromTheLastBuildsFilesInMemory() throws {
        let scratch = try Tool.temporaryDirectory("scratch")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = try ContentFolder(root: URL(fileURLWithPath: contentRoot), displayRoot: contentRoot)
        let again = buildWorksheets(WorksheetFile.all(in: folder), settings: testSettings,
                                    previous: .files(SharedBuild.cold.result.files), scratch: scratch)
        XCTAssertEqual(again.reused, 50)
        XCTAssertEqual(again.ghostscriptRuns, 0)
        XCTAssertEqual(again.files, SharedBuild.cold.result.files)
    }

    func testANewWorksheetWithEveryBlockNeedsNoCode() throws {
        let text = """
        ---
        title: “Every” block – test
        description: All the building blocks.
        tool: urge-log
        paper: a4
        ---
        An intro with **bold**, *italic* and a [link](../toolbox/urge-log.md).

        ## A section

        Instructions.

        1. First
        2. Second

        ```field Your name
        ```

        ```lines 3 name=story What happened?
        A hint.
        ```

        ```checkboxes columns=2 Helped
        - Walking
        - Calling a friend
        ```

        ```scale 1-5 How strong?
        1: Weak
        5: Strong
        ```

        ```pagebreak
        ```

        ```grid columns=2 lines=2
        Top left
        Top right
        ```

        ```table rows=3 name=log
        When
        What
        ```

        ```pie Areas
        Work
        Play
        Rest
        ```
        """
        let content = try contentFolder(["every-block.md": text])
        let out = try Tool.temporaryDirectory("every")
        defer { [content, out].forEach { try? FileManager.default.removeItem(at: $0) } }
        let result = try build(content.path, into: out)
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        let summary = try XCTUnwrap(result.worksheets.first)
        XCTAssertEqual(summary.worksheet.title, "“Every” block – test")
        XCTAssertEqual(summary.worksheet.tool, "urge-log")
        XCTAssertEqual(summary.pageCount(.a4), 2, "the page break starts page 2")
        let fields = try formFields(out.appendingPathComponent("worksheets/every-block-a4.pdf").path)
        XCTAssertEqual(Set(fields.keys), Set(["your_name", "story", "helped.walking", "helped.calling_a_friend", "how_strong", "top_left",
                                              "top_right", "log.row1.when", "log.row1.what", "log.row2.when", "log.row2.what",
                                              "log.row3.when", "log.row3.what", "areas.work", "areas.play", "areas.rest"]))
        let html = summary.htmlPreview
        for piece in ["<p class=\"ws-intro\">An intro with <strong>bold</strong>, <em>italic</em> and a <a href=\"https://guide.example.org/toolbox/urge-log/\">link</a>.</p>",
                      "<h2 class=\"ws-heading\">A section</h2>", "<ol class=\"ws-instructions\">", "class=\"ws-lines\"",
                      "<p class=\"ws-hint\" id=\"ws-story-hint\">A hint.</p>", "id=\"ws-story\" name=\"story\"", "<ul class=\"ws-checklist\">",
                      "<legend class=\"ws-label\">How strong?</legend>", "<table class=\"ws-grid\">",
                      "<th scope=\"col\" class=\"ws-normal\">When</th>", "<fieldset class=\"ws-pie\">"] {
            XCTAssertTrue(html.contains(piece), "preview lacks \(piece):\n\(html)")
        }
    }
}

/// Mistakes in a worksheet file point at the file, line and column.
final class DiagnosticTests: XCTestCase {
    private func diagnostics(_ body: String, file: String = "bad.md") throws -> [String] {
        let content = try contentFolder([file: "---\ntitle: Bad\n---\n" + body])
        let out = try Tool.temporaryDirectory("bad")
        defer { [content, out].forEach { try? FileManager.default.removeItem(at: $0) } }
        let result = try build(content.path, into: out)
        XCTAssertTrue(result.worksheets.isEmpty, "a worksheet with errors is not built")
        return result.diagnostics.map { $0.description.replacingOccurrences(of: content.path + "/", with: "") }
    }

    func testAnUnknownBlockIsAnErrorAtItsFence() throws {
        let messages = try diagnostics("Intro.\n\n  ```chekboxes Things\n  - a\n  ```\n")
        XCTAssertEqual(messages, ["worksheets/bad.md:6:3: error: unknown worksheet block `chekboxes`\n  fix: did you mean `checkboxes`? worksheet blocks: field, lines, checkboxes, scale, grid, table, pie, pagebreak"])
    }

    func testBadParametersAreErrorsAtTheFence() throws {
        XCTAssertEqual(try diagnostics("```grid colums=2\nA\n```\n"),
                       ["worksheets/bad.md:4:1: error: `grid` has no parameter `colums`\n  fix: did you mean `columns`? its parameters: columns, lines"])
        XCTAssertEqual(try diagnostics("\n```lines 99 Too many\n```\n"),
                       ["worksheets/bad.md:5:1: error: `lines` needs the number of lines first, from 1 to 30\n  fix: e.g. ```lines 5 What happened?"])
        XCTAssertEqual(try diagnostics("```table rows=x Log\nA\n```\n"),
                       ["worksheets/bad.md:4:1: error: `rows=x`: rows must be a whole number from 1 to 40\n  fix: e.g. `rows=8`"])
        XCTAssertEqual(try diagnostics("```scale 0-10 Rate it\n0: Low\n5: Middle\n```\n"),
                       ["worksheets/bad.md:6:1: error: a scale's lines name its ends, as `0: words` and `10: words`\n  fix: e.g. `0: Not at all` and `10: Very much`"])
        XCTAssertEqual(try diagnostics("```\nplain code\n```\n"),
                       ["worksheets/bad.md:4:1: error: a fenced block without a name is not a worksheet block\n  fix: worksheet blocks: field, lines, checkboxes, scale, grid, table, pie, pagebreak"])
    }

    func testADuplicateFieldNameIsAnError() throws {
        let messages = try diagnostics("```lines 2 Notes\n```\n\n```lines 2 Notes\n```\n")
        XCTAssertEqual(messages, ["worksheets/bad.md:7:1: error: the form field name `notes` is already used on line 4\n  fix: change the label, or give this block its own `name=`"])
    }

    func testEveryProblemInAFileIsReportedAtOnce() throws {
        let messages = try diagnostics("```tabel\n```\n\n```lines Notes\n```\n")
        XCTAssertEqual(messages.count, 2)
    }
}

final class PartsTests: XCTestCase {
    func testSHA256MatchesKnownVectors() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testFieldNamesComeFromLabels() {
        XCTAssertEqual(FieldName.from("Costs of using"), "costs_of_using")
        XCTAssertEqual(FieldName.from("Intensity (0–10)"), "intensity_0_10")
        XCTAssertEqual(FieldName.from("Where, and with whom"), "where_and_with_whom")
        XCTAssertEqual(FieldName.from("Café — niño’s"), "cafe_ninos")
        XCTAssertEqual(FieldName.from("!!!"), "")
    }

    func testGroupsDependOnTheSlugAlone() {
        let all = DistillingGroups.assign(expectedSlugs)
        XCTAssertEqual(all.flatMap { $0 }.sorted(), Array(0..<12))
        let some = DistillingGroups.assign(["urge-log", "deads"])
        let slugGroup = { (slugs: [String], groups: [[Int]], slug: String) in groups.first { $0.contains(slugs.firstIndex(of: slug)!) }!.map { slugs[$0] } }
        XCTAssertTrue(Set(slugGroup(["urge-log", "deads"], some, "urge-log")).isSubset(of: Set(slugGroup(expectedSlugs, all, "urge-log"))))
    }
}

final class TrailerIDTests: XCTestCase {
    func testTheTrailerIDIsReplacedWhetherGsWroteItAsHexOrAsALiteralString() throws {
        let id = String(repeating: "ab", count: 16)
        for written in ["/ID [<510F1E5CAAFAB67D1DE639F6853F3ECE><510F1E5CAAFAB67D1DE639F6853F3ECE>]",
                        "/ID [(.<\\001/\\204\\252q\\3452`n`lZi=)(.<\\001/\\204\\252q\\3452`n`lZi=)]",
                        "/ID [(a\\)b]\\(c)(x(y)z)]"] {
            let pdf = Data("%PDF-1.7\nxref\ntrailer\n<< /Size 3 \(written)\n>>\nstartxref\n9\n%%EOF\n".utf8)
            let fixed = try XCTUnwrap(PDFStamp().stamping(pdf, with: id), written)
            XCTAssertEqual(String(decoding: fixed, as: UTF8.self),
                           "%PDF-1.7\nxref\ntrailer\n<< /Size 3 /ID [<\(id.uppercased())><\(id.uppercased())>]\n>>\nstartxref\n9\n%%EOF\n")
        }
    }
}
