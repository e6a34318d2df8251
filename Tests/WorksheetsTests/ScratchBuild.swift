import Foundation
@testable import Worksheets
import XCTest

final class ScratchBuild: XCTestCase {
    func testScratchBuild() throws {
        guard let out = ProcessInfo.processInfo.environment["WS_OUT"] else { return }
        let result = buildWorksheets(contentRoot: contentRoot, stagingRoot: out, previousOutputRoot: ProcessInfo.processInfo.environment["WS_PREV"], settings: testSettings)
        for d in result.diagnostics { print(d) }
        print(result.timingSummary)
        for ws in result.worksheets { print(ws.slug, ws.pageCount[.letter] ?? 0, ws.pageCount[.a4] ?? 0) }
    }
}
