import Foundation
import TestSupport
import XCTest

/// A staff member's `smartsite build`, run as the real program: stopped by
/// kill -9 or SIGTERM half way, then run again; and pointed at the content
/// folder by mistake. Uses the smartsite that `swift build` made beside
/// these tests (SMARTSITE_BINARY overrides it).
final class BuildJourneyTests: XCTestCase {
    private var project: URL!

    override func setUpWithError() throws {
        project = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-journey-\(UUID().uuidString.prefix(8))")
        let repo = SmartsiteProgram.packageRoot
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: repo.appendingPathComponent(folder), to: project.appendingPathComponent(folder))
        }
    }

    override func tearDown() {
        if let project { try? FileManager.default.removeItem(at: project) }
    }

    /// `count` more pages, so a build takes long enough to be stopped half way.
    private func addPages(_ count: Int) throws {
        let folder = project.appendingPathComponent("content/generated")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("---\ntitle: Generated\ndescription: Many pages.\n---\n\nMany pages.\n".utf8)
            .write(to: folder.appendingPathComponent("_index.md"))
        for i in 0..<count {
            let page = "---\ntitle: Page \(i)\ndescription: Generated page \(i).\n---\n\n## Part one\n\nSome *text* for page \(i).\n\n- one\n- two\n"
            try Data(page.utf8).write(to: folder.appendingPathComponent("page-\(i).md"))
        }
    }

    private func start(_ arguments: [String]) throws -> SmartsiteProgram.Running {
        guard SmartsiteProgram.path != nil else { throw XCTSkip("\(SmartsiteProgram.NotBuilt())") }
        return try SmartsiteProgram.start(arguments, in: project)
    }

    /// Runs smartsite to the end; its exit status and what it printed.
    private func run(_ arguments: [String]) throws -> (status: Int32, said: String) {
        let running = try start(arguments)
        running.process.waitUntilExit()
        return (running.process.terminationStatus, running.said)
    }

    private func names(beside output: String = "output") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: project.path)) ?? []).filter { $0.hasPrefix(".\(output)-") }.sorted()
    }

    private func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            usleep(5_000)
        }
        return true
    }

    /// The gs processes working in this test's folder (gs names its output
    /// files there on its command line), read from /proc.
    private func processesUsingProject() -> [Int32] {
        let ids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
        return ids.filter { id in
            guard let data = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return false }
            let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return line.contains(project.path) && line.contains("-sDEVICE=pdfwrite")
        }
    }

    private func pageCount() -> Int {
        let folder = project.appendingPathComponent("output/generated")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("page-") }.count
    }

    func testABuildKilledHalfWayIsCleanedUpByTheNextOne() throws {
        try addPages(3_000)
        let first = try run(["build", "--no-worksheets"])
        XCTAssertEqual(first.status, 0, first.said)
        XCTAssertEqual(pageCount(), 3_000)

        let killed = try start(["build", "--no-worksheets"])
        XCTAssertTrue(wait(seconds: 20) { names().contains { $0.hasPrefix(".output-building-") } }, "no staging folder appeared")
        kill(killed.process.processIdentifier, SIGKILL)
        killed.process.waitUntilExit()
        // The previous site is still there, whole.
        XCTAssertEqual(pageCount(), 3_000)
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent("output/index.html").path))

        let next = try run(["build", "--no-worksheets"])
        XCTAssertEqual(next.status, 0, next.said)
        XCTAssertEqual(pageCount(), 3_000)
        XCTAssertTrue(wait(seconds: 15) { names().isEmpty }, "left beside output/: \(names())")
    }

    func testGhostscriptStopsWithAKilledOrStoppedBuild() throws {
        // kill -9 while gs distils: gs dies with smartsite.
        let killed = try start(["build"])
        XCTAssertTrue(wait(seconds: 20) { !processesUsingProject().isEmpty }, "gs never started")
        kill(killed.process.processIdentifier, SIGKILL)
        killed.process.waitUntilExit()
        XCTAssertTrue(wait(seconds: 5) { processesUsingProject().isEmpty }, "gs still running: \(processesUsingProject())")

        // SIGTERM: smartsite stops gs, moves its staging folder away, and ends of the signal.
        let stopped = try start(["build"])
        XCTAssertTrue(wait(seconds: 20) { !processesUsingProject().isEmpty }, "gs never started")
        kill(stopped.process.processIdentifier, SIGTERM)
        stopped.process.waitUntilExit()
        XCTAssertEqual(stopped.process.terminationReason, .uncaughtSignal)
        XCTAssertFalse(names().contains { $0.hasPrefix(".output-building-") }, "\(names())")
        XCTAssertTrue(wait(seconds: 5) { processesUsingProject().isEmpty }, "gs still running: \(processesUsingProject())")

        let next = try run(["build"])
        XCTAssertEqual(next.status, 0, next.said)
        let pdfs = (try? FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("output/worksheets").path)) ?? []
        XCTAssertGreaterThan(pdfs.filter { $0.hasSuffix(".pdf") }.count, 0)
        XCTAssertTrue(wait(seconds: 15) { names().isEmpty }, "left beside output/: \(names())")
    }

    /// `-o` names the file to write, ending and all.
    func testPostScriptOnlyIsWrittenWhereDashOSays() throws {
        let outcome = try run(["worksheet", "urge-log", "--ps-only", "-o", "urge.ps"])
        XCTAssertEqual(outcome.status, 0, outcome.said)
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent("urge.ps").path), outcome.said)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("urge.ps.ps").path))
    }

    func testBuildingIntoTheContentFolderIsRefusedAndChangesNothing() throws {
        let content = project.appendingPathComponent("content")
        let before = OutputSafetyTests.hashes(content)
        let outcome = try run(["build", "--output", "content", "--no-worksheets"])
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.said.contains("content: error: this is the content folder"), outcome.said)
        XCTAssertTrue(outcome.said.contains("  fix: "), outcome.said)
        XCTAssertEqual(OutputSafetyTests.hashes(content), before)
        XCTAssertEqual(names(beside: "content"), [])
    }
}
