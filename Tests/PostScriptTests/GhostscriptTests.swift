import Foundation
@testable import PostScript
import TestSupport
import XCTest

/// The writer's output checked with the real consumers: Ghostscript runs it,
/// pdfwrite distils it, qpdf and poppler read the PDF.
final class GhostscriptTests: XCTestCase {
    func testGhostscriptRunsTheSampleWithoutError() throws {
        let ps = sampleDocument().render()
        let result = try Tool.gs(["-sDEVICE=nullpage", "-"], stdin: Data(ps.utf8))
        XCTAssertEqual(result.status, 0, result.stderr + result.text)
        XCTAssertFalse(result.text.contains("Error"), result.text)
        XCTAssertFalse(result.stderr.contains("Error"), result.stderr)
    }

    func testPDFPassesQpdfCheckAndKeepsTitleSizeAndTypography() throws {
        for (size, expected) in [(PageSize.letter, "612 x 792"), (PageSize.a4, "595 x 842")] {
            let pdf = try distil(sampleDocument(size: size).render())
            let check = try Tool.run("qpdf", package: "qpdf", ["--check", pdf.path])
            XCTAssertEqual(check.status, 0, check.text + check.stderr)

            let info = try Tool.run("pdfinfo", package: "poppler-utils", [pdf.path]).text
            XCTAssertTrue(info.contains("Title:           Sample “form” – test"), info)
            XCTAssertTrue(info.contains("Page size:       \(expected) pts"), info)
            XCTAssertTrue(info.contains("Pages:           2"), info)
            XCTAssertTrue(info.contains("CreationDate:    Thu Jan  1 00:00:00 2026 UTC"), info)

            let text = try Tool.run("pdftotext", package: "poppler-utils", [pdf.path, "-"]).text
            XCTAssertTrue(text.contains("Heading with “quotes” — and ‘ticks’…"), text)
            XCTAssertTrue(text.contains("Plain, bold and italic • café – niño (x) \\ end"), text)
            XCTAssertTrue(text.contains("Page two"), text)
        }
    }

    func testFormFieldsAreListedWithTheirNamesAndTypes() throws {
        let pdf = try distil(sampleDocument().render())
        let json = try Tool.run("qpdf", package: "qpdf", ["--json", pdf.path]).stdout
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        let acroform = try XCTUnwrap(root["acroform"] as? [String: Any])
        XCTAssertEqual(acroform["hasacroform"] as? Bool, true)
        let fields = try XCTUnwrap(acroform["fields"] as? [[String: Any]])
        var found: [String: String] = [:]
        for field in fields {
            found[field["fullname"] as? String ?? ""] = (field["fieldtype"] as? String ?? "") + ((field["ischeckbox"] as? Bool ?? false) ? " checkbox" : "")
        }
        XCTAssertEqual(found, ["costs_of_using": "/Tx", "urge_log.row3.trigger": "/Btn checkbox", "name": "/Tx"])
        let multiline = fields.first { $0["fullname"] as? String == "costs_of_using" }?["fieldflags"] as? Int
        XCTAssertEqual(multiline, 4096, "a writing area is a multi-line text field")
    }

    func testBookmarksLinksAndInfoReachThePDF() throws {
        let pdf = try distil(sampleDocument().render())
        let qdf = pdf.deletingPathExtension().appendingPathExtension("qdf")
        try Tool.run("qpdf", package: "qpdf", ["--qdf", "--object-streams=disable", pdf.path, qdf.path])
        let text = String(decoding: try Data(contentsOf: qdf), as: UTF8.self)
        XCTAssertTrue(text.contains("/Title (Section one)"))
        XCTAssertTrue(text.contains("/Title (Sub \\(2.1\\))"))
        XCTAssertTrue(text.contains("/Type /Outlines"))
        XCTAssertTrue(text.contains("/URI (https://example.org/a?b=\\(c\\))"))
        XCTAssertTrue(text.contains("/SourceHash (abc123)"))
        XCTAssertTrue(text.contains("/AcroForm"))
        XCTAssertTrue(text.contains("/Yes"), "the check box has an on appearance")
    }

    func testPostScriptAndPDFRenderTheSamePixels() throws {
        let ps = sampleDocument().render()
        let pdf = try distil(ps)
        let dir = pdf.deletingLastPathComponent()
        try Tool.gs(["-sDEVICE=ppmraw", "-r40", "-sOutputFile=\(dir.path)/ps-%d.ppm", "-"], stdin: Data(ps.utf8))
        try Tool.gs(["-sDEVICE=ppmraw", "-r40", "-sOutputFile=\(dir.path)/pdf-%d.ppm", pdf.path])
        for page in 1...2 {
            let a = try Data(contentsOf: dir.appendingPathComponent("ps-\(page).ppm"))
            let b = try Data(contentsOf: dir.appendingPathComponent("pdf-\(page).ppm"))
            XCTAssertGreaterThan(a.count, 1000)
            XCTAssertEqual(a, b, "page \(page) renders differently from PostScript and from the PDF")
        }
    }

    func testTextWidthsMatchGhostscriptStringwidth() throws {
        let sample = "Hello, “world” — café ñ… (AVATAR) 0123456789 Wq"
        var program = "/SSWinAnsi [" + WinAnsi.glyphNames.map { "/" + $0 }.joined(separator: " ") + "] def\n"
        for font in StandardFont.allCases {
            program += "/\(font.rawValue) findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding SSWinAnsi def currentdict end /X exch definefont 100 scalefont setfont\n"
            program += Literal.string(WinAnsi.encode(sample).bytes) + " stringwidth pop =\n"
        }
        let output = try Tool.gs(["-sDEVICE=nullpage", "-"], stdin: Data(program.utf8)).text
        let measured = output.split(separator: "\n").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        XCTAssertEqual(measured.count, StandardFont.allCases.count, output)
        for (font, gsWidth) in zip(StandardFont.allCases, measured) {
            XCTAssertEqual(font.width(of: sample, size: 100), gsWidth, accuracy: 0.5, "\(font)")
        }
    }

    /// Any string, in any place a caller can put one, gives a program that
    /// Ghostscript runs and a PDF that qpdf accepts.
    func testRandomStringsAlwaysGiveAProgramGhostscriptRuns() throws {
        var rng = SplitMix(seed: 20260101)
        for round in 0..<3 {
            var strings = (0..<120).map { _ in randomString(&rng) }
            strings += ["(", ")", "\\", "\\(", ")(", "%%EOF", "%!PS", "\u{0}", "\r\n", "{SSFields}", "/ANN pdfmark", "]", ">>", String(repeating: "(", count: 600)]
            var doc = PostScriptDocument(info: DocumentInfo(title: strings[0], author: strings[1], subject: strings[2],
                                                            keywords: [strings[3], strings[4]],
                                                            custom: [(key: strings[5], value: strings[6])]),
                                         pageSize: .letter)
            var index = 0
            while index < strings.count {
                doc.addPage { page in
                    for row in 0..<20 where index < strings.count {
                        let s = strings[index]
                        let y = 750 - Double(row) * 36
                        page.text(s, font: StandardFont.allCases[index % 8], size: 10, x: 40, y: y)
                        page.bookmark(s, level: 1 + index % 3, y: y)
                        page.link(Rect(x: 40, y: y, width: 100, height: 10), url: s)
                        page.textField(name: "f\(index).\(s)", rect: Rect(x: 300, y: y - 20, width: 200, height: 14),
                                       multiline: index % 2 == 0, tooltip: s)
                        page.checkBox(name: "c\(index)\(s)", rect: Rect(x: 520, y: y - 20, width: 10, height: 10), tooltip: s)
                        index += 1
                    }
                }
            }
            let ps = doc.render()
            for line in ps.split(separator: "\n", omittingEmptySubsequences: false) {
                XCTAssertLessThanOrEqual(line.utf8.count, 255, "DSC allows lines of at most 255 characters")
            }
            XCTAssertTrue(ps.utf8.allSatisfy { $0 < 0x80 }, "the program is 7-bit ASCII")
            let run = try Tool.gs(["-sDEVICE=nullpage", "-"], stdin: Data(ps.utf8))
            XCTAssertEqual(run.status, 0, "round \(round): " + run.text + run.stderr)
            let pdf = try distil(ps)
            let check = try Tool.run("qpdf", package: "qpdf", ["--check", pdf.path])
            XCTAssertEqual(check.status, 0, "round \(round): " + check.text + check.stderr)
        }
    }

    // MARK: - Helpers

    private func distil(_ ps: String) throws -> URL {
        let dir = try Tool.temporaryDirectory("ps")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("out.pdf")
        let result = try Tool.gs(["-sDEVICE=pdfwrite", "-sOutputFile=\(pdf.path)", "-"], stdin: Data(ps.utf8))
        XCTAssertEqual(result.status, 0, result.text + result.stderr)
        return pdf
    }
}

/// A small seeded generator, so a failing random case can be reproduced.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func randomString(_ rng: inout SplitMix) -> String {
    let ranges: [ClosedRange<UInt32>] = [0x00...0x7F, 0x20...0x7E, 0x80...0xFF, 0x100...0x24F, 0x2000...0x206F,
                                         0x0300...0x036F, 0x4E00...0x4EFF, 0x1F600...0x1F64F, 0xE000...0xE0FF, 0xFFF0...0xFFFF]
    let specials: [Character] = ["(", ")", "\\", "%", "/", "[", "]", "{", "}", "<", ">", "\n", "\r", "\t", " "]
    var s = ""
    for _ in 0..<Int.random(in: 0...40, using: &rng) {
        if Int.random(in: 0..<4, using: &rng) == 0 {
            s.append(specials.randomElement(using: &rng)!)
        } else if let scalar = Unicode.Scalar(UInt32.random(in: ranges.randomElement(using: &rng)!, using: &rng)) {
            s.unicodeScalars.append(scalar)
        }
    }
    return s
}
