import Diagnostics
import Foundation
import TestSupport
import XCTest
@testable import SiteBuild

/// What killed or overlapping builds leave beside output/, and what the next
/// build does with it.
final class InterruptedBuildTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws { site = try FixtureSite() }
    override func tearDown() { site.remove() }

    private var options: BuildOptions {
        BuildOptions(contentFolder: site.content.path, templatesFolder: site.templates.path,
                     outputFolder: site.output.path, buildWorksheets: false)
    }

    /// The `.output-*` folders beside output/, waiting up to `seconds` for
    /// the background delete to finish.
    private func leftovers(waiting seconds: Double = 10) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: site.root.path)) ?? [])
                .filter { $0.hasPrefix(".output-") }
            if names.isEmpty || Date() > deadline { return names.sorted() }
            usleep(20_000)
        }
    }

    private func makeLeftover(_ name: String, file: String = "index.html") throws {
        try site.write("\(name)/\(file)", "left over\n")
    }

    func testLeftoversOfEarlierBuildsAreRemovedWhateverTheirProcessID() throws {
        _ = try SiteBuilder.build(options)
        // Killed builds of this process id, of PID 1 (every build in a
        // container) and of an old smartsite's two renames.
        let pid = ProcessInfo.processInfo.processIdentifier
        for name in [".output-building-\(pid)", ".output-building-1", ".output-previous-1", ".output-old-1234abcd"] {
            try makeLeftover(name)
        }
        _ = try SiteBuilder.build(options)
        XCTAssertEqual(leftovers(), [])
        XCTAssertNotNil(site.read("index.html"))
    }

    /// A kill between an old smartsite's two renames left no output/: the old site is put back and replaced.
    func testAMissingOutputIsRestoredFromTheSetAsideSite() throws {
        try makeLeftover(".output-previous-1", file: "old-page.html")
        try makeLeftover(".output-building-1", file: "half.html")
        // The build fails after it took the output (a required template is
        // missing), so output/ should be the old site, back in place.
        try FileManager.default.removeItem(at: site.templates.appendingPathComponent("404.mustache"))
        XCTAssertThrowsError(try SiteBuilder.build(options))
        XCTAssertEqual(site.read("old-page.html"), "left over\n")
        XCTAssertNil(site.read("half.html"))
        XCTAssertEqual(leftovers(), [])
    }

    func testTheSwapKeepsNoCopyOfTheOldSite() throws {
        _ = try SiteBuilder.build(options)
        try site.write("output/stale.html", "old\n")
        _ = try SiteBuilder.build(options)
        XCTAssertNil(site.read("stale.html"))
        XCTAssertEqual(leftovers(), [])
    }

    /// A second build while one is writing output/ stops before touching
    /// anything, and says why in plain words.
    func testAnOverlappingBuildIsToldToWait() throws {
        _ = try SiteBuilder.build(options)
        let before = site.snapshot()
        let running = OutputFolder(path: site.output.path)
        try running.prepare()
        defer { running.discard() }
        do {
            _ = try SiteBuilder.build(options)
            XCTFail("the second build should have stopped")
        } catch {
            let problem = try XCTUnwrap(error.diagnostics.first)
            XCTAssertEqual(error.diagnostics.count, 1)
            XCTAssertTrue(problem.message.contains("another smartsite build is writing"), problem.description)
            XCTAssertTrue(problem.message.contains("wait for it to finish"), problem.description)
            XCTAssertFalse(problem.description.contains("NSCocoaErrorDomain"), problem.description)
        }
        XCTAssertEqual(site.snapshot(), before)
        XCTAssertTrue(FileManager.default.fileExists(atPath: running.staging.path), "the running build's folder was removed")
    }
}
