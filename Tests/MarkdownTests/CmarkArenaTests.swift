import CmarkArena
import XCTest
@testable import Markdown

/// The allocator cmark runs on (Sources/CmarkArena): blocks keep their
/// contents when they grow or move, come zeroed from calloc, and memory
/// given out with no tree alive is libc's (freed by libc, not the arena).
final class CmarkArenaTests: XCTestCase {
    func testBlocksKeepTheirContentsWhenTheyGrowOrMove() throws {
        let ticket = smartsite_arena_enter()
        defer { smartsite_arena_leave(ticket) }
        let first = try XCTUnwrap(smartsite_arena_calloc(1, 10)?.assumingMemoryBound(to: UInt8.self))
        XCTAssertTrue((0..<10).allSatisfy { first[$0] == 0 })
        for i in 0..<10 { first[i] = UInt8(i + 1) }
        // The newest block grows in place.
        let grown = try XCTUnwrap(smartsite_arena_realloc(first, 100)?.assumingMemoryBound(to: UInt8.self))
        XCTAssertEqual(grown, first)
        let second = try XCTUnwrap(smartsite_arena_calloc(4, 4))
        // An older block moves, with its contents.
        let moved = try XCTUnwrap(smartsite_arena_realloc(grown, 300_000)?.assumingMemoryBound(to: UInt8.self))
        XCTAssertNotEqual(moved, grown)
        XCTAssertEqual((0..<10).map { moved[$0] }, (1...10).map(UInt8.init))
        moved[299_999] = 7
        smartsite_arena_free(second)
        smartsite_arena_free(moved)
        XCTAssertNil(smartsite_arena_calloc(Int.max, 2), "an overflowing size is refused, not wrapped")
    }

    func testOutsideATreeTheArenaIsLibc() throws {
        let block = try XCTUnwrap(smartsite_arena_calloc(1, 64))
        let ticket = smartsite_arena_enter()
        let inside = smartsite_arena_calloc(1, 64)
        smartsite_arena_leave(ticket)
        XCTAssertNotNil(inside)
        // Freed by libc (a wrong free would crash here, or under ASan in `make fuzz`).
        let bigger = try XCTUnwrap(smartsite_arena_realloc(block, 4096))
        smartsite_arena_free(bigger)
    }

    /// Trees inside a page (a table's cells) give their memory back as they
    /// go, and an emptied arena keeps one chunk: a page with many directives
    /// does not pin memory, before or after.
    func testNestedTreesReuseTheirMemoryAndTheArenaShrinks() {
        let cells = (0..<3000).map { "| cell *\($0)* | [link](x.md) |" }.joined(separator: "\n")
        let markdown = "# Page\n\n```table\n| a | b |\n|---|---|\n\(cells)\n```\n\n```callout note\nA *note*.\n```\n"
        let options = MarkdownOptions(path: "content/table.md", lineOffset: 0)
        let html = HTMLRenderer(options: options).render(markdown).html
        XCTAssertTrue(html.contains("<em>2999</em>"), String(html.suffix(300)))
        XCTAssertLessThanOrEqual(smartsite_arena_held_bytes(), 512 * 1024, "one chunk is kept after the page")
        let ticket = smartsite_arena_enter()
        for _ in 0..<3000 {
            let inner = smartsite_arena_enter()
            _ = smartsite_arena_calloc(1, 1200)
            smartsite_arena_leave(inner)
        }
        XCTAssertLessThanOrEqual(smartsite_arena_held_bytes(), 512 * 1024, "3,000 nested trees of 1.2 KB reuse one chunk")
        smartsite_arena_leave(ticket)
    }

    /// Many headings with the same title get their numbers without counting
    /// up from 1 for each (which took minutes for a large file of `#` lines).
    func testThousandsOfEqualHeadingsAreQuick() {
        var ids = HeadingIDs()
        let given = (0..<20_000).map { _ in ids.unique(for: "") }
        XCTAssertEqual(given.first, "section")
        XCTAssertEqual(given.last, "section-19999")
        XCTAssertEqual(Set(given).count, given.count)
    }

    /// A page over the arena's limit is parsed with libc's allocator and
    /// renders the same as small ones.
    func testLargeDocumentsRenderTheSame() {
        let paragraph = "Some *text* and a [link](a.md).\n\n"
        let count = CmarkTree.largestArenaDocument / paragraph.utf8.count + 100
        let options = MarkdownOptions(path: "content/big.md", lineOffset: 0)
        let html = HTMLRenderer(options: options).render(String(repeating: paragraph, count: count)).html
        XCTAssertEqual(html, String(repeating: "<p>Some <em>text</em> and a <a href=\"a.md\">link</a>.</p>\n", count: count))
    }
}
