import Foundation
import SiteBuild
import XCTest
@testable import Preview

final class FileWatcherTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("toolbox"), withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func firstBatch(_ method: WatchMethod, after save: () throws -> Void) async throws -> Set<SourceChange> {
        let watcher = FileWatcher(roots: [.init(folder: folder) { .content($0) }], method: method,
                                  pollInterval: .milliseconds(100))
        let (batches, active) = watcher.changes()
        XCTAssertEqual(active, method)
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(150))
        try save()
        var iterator = batches.makeAsyncIterator()
        return await iterator.next() ?? []
    }

    /// Editors write a temporary file and rename it over the real one; saving
    /// several files at once is one batch, and the temporary names never show.
    private func saveBurst() throws {
        for name in ["a.md", "b.md", "toolbox/c.md"] {
            let temporary = folder.appendingPathComponent(".\(name.replacingOccurrences(of: "/", with: "-")).swp")
            try Data("---\ntitle: \(name)\n---\n".utf8).write(to: temporary)
            XCTAssertEqual(rename(temporary.path, folder.appendingPathComponent(name).path), 0)
        }
        try Data("x".utf8).write(to: folder.appendingPathComponent("4913"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("a.md~"))
    }

    func testInotifyCoalescesABurstOfSavesIntoOneBatch() async throws {
        let batch = try await firstBatch(.inotify, after: saveBurst)
        XCTAssertEqual(batch, [.content("a.md"), .content("b.md"), .content("toolbox/c.md")])
    }

    func testPollingSeesTheSameBurst() async throws {
        let batch = try await firstBatch(.polling, after: saveBurst)
        XCTAssertEqual(batch, [.content("a.md"), .content("b.md"), .content("toolbox/c.md")])
    }

    func testInotifyWatchesFoldersMadeAfterItStarted() async throws {
        let batch = try await firstBatch(.inotify) {
            let folder = self.folder.appendingPathComponent("providers")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("---\ntitle: A center\n---\n".utf8).write(to: folder.appendingPathComponent("center.md"))
        }
        XCTAssertTrue(batch.contains(.content("providers/center.md")), "\(batch)")
    }

    func testEditorsScratchFilesAreNotPartOfTheSite() {
        for name in [".about.md.swp", "about.md~", "4913", "#about.md#", ".#about.md", "x.tmp"] {
            XCTAssertTrue(FileWatcher.isScratch(name[...]), name)
        }
        for name in ["about.md", "site.yaml", "logo.png", "2024-report.pdf"] {
            XCTAssertFalse(FileWatcher.isScratch(name[...]), name)
        }
    }
}
