import Foundation
@testable import Worksheets
import XCTest

final class ScratchDump: XCTestCase {
    func testDump() throws {
        guard let out = ProcessInfo.processInfo.environment["WS_DUMP"] else { return }
        for slug in expectedSlugs {
            for paper in Paper.allCases {
                let (ps, _, _) = try buildWorksheet(path: contentRoot + "/worksheets/\(slug).md", paper: paper, settings: testSettings, distil: false)
                try ps.write(toFile: "\(out)/\(slug)-\(paper.rawValue).ps", atomically: true, encoding: .utf8)
            }
        }
    }
}
