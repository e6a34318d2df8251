@testable import PostScript
import XCTest

final class LayoutTests: XCTestCase {
    func testLinesNeverPassTheWidthAndKeepEveryWordInItsFont() {
        let runs = [TextRun("Write down what you notice: ", font: .timesRoman),
                    TextRun("the benefits and costs", font: .timesBold),
                    TextRun(" of using, and of ", font: .timesRoman),
                    TextRun("not", font: .timesItalic),
                    TextRun(" using — short-term and long-term alike.", font: .timesRoman)]
        let lines = TextLayout.lines(runs, size: 12, width: 150)
        XCTAssertGreaterThan(lines.count, 2)
        for line in lines {
            XCTAssertLessThanOrEqual(line.width, 150.01)
            let measured = line.runs.reduce(0) { $0 + $1.font.width(of: $1.text, size: 12) }
            XCTAssertEqual(measured, line.width, accuracy: 0.01)
        }
        let text = lines.map { $0.runs.map(\.text).joined() }.joined(separator: " ")
        XCTAssertEqual(text.filter { $0 != " " },
                       "Write down what you notice: the benefits and costs of using, and of not using — short-term and long-term alike.".filter { $0 != " " })
        XCTAssertTrue(lines.contains { $0.runs.contains(TextRun("not", font: .timesItalic)) })
    }

    func testAWordLongerThanALineIsCutInsteadOfOverflowing() {
        let lines = TextLayout.lines([TextRun(String(repeating: "W", count: 40), font: .helvetica)], size: 10, width: 60)
        XCTAssertGreaterThan(lines.count, 1)
        for line in lines { XCTAssertLessThanOrEqual(line.width, 60.01) }
        XCTAssertEqual(lines.map { $0.runs.map(\.text).joined() }.joined(), String(repeating: "W", count: 40))
    }

    func testPaginationNeverSplitsABlockAndKeepsAHeadingWithItsBlock() {
        func block(_ h: Double, keep: Bool = false, breakBefore: Bool = false) -> FlowBlock {
            FlowBlock(height: h, spaceBefore: 10, keepWithNext: keep, breakBefore: breakBefore) { _, _ in }
        }
        let blocks = [block(300), block(20, keep: true), block(200), block(100), block(50, breakBefore: true)]
        let pages = PageFlow.paginate(blocks, frameHeight: 500)
        XCTAssertEqual(pages.map { $0.map(\.index) }, [[0], [1, 2, 3], [4]], "the heading (1) moves with its block (2)")
        for page in pages {
            for p in page { XCTAssertLessThanOrEqual(p.offset + blocks[p.index].height, 500) }
        }
        XCTAssertEqual(pages[1][0].offset, 0, "no space above the first block of a page")
    }

    func testUnmappableCharactersPrintAsQuestionMarksAndAreReported() {
        var doc = PostScriptDocument(info: DocumentInfo(title: "t"), pageSize: .a4)
        doc.addPage { page in page.text("smile 😀 and 中", font: .helvetica, size: 10, x: 10, y: 10) }
        XCTAssertTrue(doc.render().contains("(smile ? and ?) S"))
        XCTAssertEqual(doc.warnings.count, 2)
        XCTAssertTrue(doc.warnings[0].contains("U+1F600"), doc.warnings[0])
    }

    func testNumbersAndStringsAreWrittenSafely() {
        XCTAssertEqual(Literal.number(0.1 + 0.2), "0.3")
        XCTAssertEqual(Literal.number(-3.456), "-3.5")
        XCTAssertEqual(Literal.number(12), "12")
        XCTAssertEqual(Literal.number(-0.04), "0")
        XCTAssertEqual(Literal.number(0.05), "0.1")
        XCTAssertEqual(Literal.string(Array("a(b)c\\".utf8)), "(a\\(b\\)c\\\\)")
        XCTAssertEqual(Literal.string([0x93, 0x0A]), "(\\223\\012)")
        XCTAssertEqual(Literal.pdfText("é"), "<FEFF00E9>")
        XCTAssertEqual(WinAnsi.encode("“é”–—•…ñ").bytes, [0x93, 0xE9, 0x94, 0x96, 0x97, 0x95, 0x85, 0xF1])
        XCTAssertEqual(WinAnsi.encode("e\u{301}").bytes, [0xE9], "a decomposed accent is composed")
    }

    func testDSCStructure() {
        let ps = sampleDocument(size: .a4).render()
        let lines = ps.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "%!PS-Adobe-3.0")
        XCTAssertEqual(lines.last, "%%EOF")
        XCTAssertTrue(lines.contains("%%BoundingBox: 0 0 595 842"))
        XCTAssertTrue(lines.contains("%%Pages: 2"))
        XCTAssertEqual(lines.filter { $0.hasPrefix("%%Page: ") }, ["%%Page: 1 1", "%%Page: 2 2"])
        XCTAssertTrue(lines.contains("<< /PageSize [595 842] >> setpagedevice"))
        XCTAssertTrue(lines.contains("/pdfmark where {pop} {userdict /pdfmark /cleartomark load put} ifelse"))
        for marker in ["%%EndComments", "%%BeginProlog", "%%EndProlog", "%%BeginSetup", "%%EndSetup", "%%Trailer"] {
            XCTAssertEqual(lines.filter { $0 == marker }.count, 1, marker)
        }
    }

    func testPDFDatesFromEpochSeconds() {
        XCTAssertEqual(DocumentInfo.pdfDate(secondsSince1970: 0), "D:19700101000000Z")
        XCTAssertEqual(DocumentInfo.pdfDate(secondsSince1970: 1_767_225_600), "D:20260101000000Z")
        XCTAssertEqual(DocumentInfo.pdfDate(secondsSince1970: 951_782_400 + 3661), "D:20000229010101Z")
    }
}
