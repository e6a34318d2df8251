import XCTest
@testable import Markdown

final class MarkdownDocumentTests: XCTestCase {
    func testCopiesBlocksAndInlinesWithFileLines() {
        let document = MarkdownDocument.parse("# Title\n\nSome **bold** and *it*.\n\n- one\n- two\n\n```lines 4\nWhat happened?\n```\n",
                                              lineOffset: 3)
        guard document.blocks.count == 4 else { return XCTFail("\(document.blocks)") }
        XCTAssertEqual(document.blocks[0], .heading(level: 1, content: [.text("Title")], line: 4))
        XCTAssertEqual(document.blocks[1], .paragraph([.text("Some "), .strong([.text("bold")]), .text(" and "),
                                                        .emphasis([.text("it")]), .text(".")], line: 6))
        if case let .list(ordered, _, items, line) = document.blocks[2] {
            XCTAssertFalse(ordered)
            XCTAssertEqual(items.count, 2)
            XCTAssertEqual(line, 8)
        } else { XCTFail("expected a list") }
        XCTAssertEqual(document.blocks[3], .code(info: "lines 4", literal: "What happened?\n", line: 11, column: 1))
    }
}
