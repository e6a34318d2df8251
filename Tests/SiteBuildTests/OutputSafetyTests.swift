import Diagnostics
import Foundation
import TestSupport
import XCTest
@testable import SiteBuild

/// The output folder is replaced whole, so every folder whose replacement
/// would lose something is refused with the reason, before anything is written.
final class OutputSafetyTests: XCTestCase {
    private var site: FixtureSite!

    override func setUpWithError() throws { site = try FixtureSite() }
    override func tearDown() { site.remove() }

    private func options(output: String, force: Bool = false) -> BuildOptions {
        var options = BuildOptions(contentFolder: site.content.path, templatesFolder: site.templates.path,
                                   outputFolder: output, buildWorksheets: false)
        options.replacesOtherFiles = force
        return options
    }

    /// The build's one error, or nil when it built.
    private func refusal(output: String, force: Bool = false) -> Diagnostic? {
        do {
            _ = try SiteBuilder.build(options(output: output, force: force))
            return nil
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1, "\(error)")
            return error.diagnostics.first
        }
    }

    /// Refused, with a message containing `words`, a fix, and `folder` untouched.
    private func assertRefused(_ output: String, _ words: String, force: Bool = false, keeps folder: URL? = nil,
                               file: StaticString = #filePath, line: UInt = #line) {
        let before = folder.map(Self.hashes)
        guard let problem = refusal(output: output, force: force) else {
            return XCTFail("--output \(output) was not refused", file: file, line: line)
        }
        XCTAssertTrue(problem.isError)
        XCTAssertEqual(problem.path, output, file: file, line: line)
        XCTAssertTrue(problem.message.contains(words), problem.description, file: file, line: line)
        XCTAssertNotNil(problem.fix, file: file, line: line)
        if let folder, let before { XCTAssertEqual(Self.hashes(folder), before, "\(folder.path) changed", file: file, line: line) }
    }

    /// Every file below `folder` with its bytes.
    static func hashes(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
            files[url.path] = (try? Data(contentsOf: url)) ?? Data()
        }
        return files
    }

    func testTheContentFolderIsRefused() {
        assertRefused(site.content.path, "this is the content folder", keeps: site.content)
        assertRefused(site.content.path + "/", "this is the content folder", force: true, keeps: site.content)
    }

    func testTheTemplatesFolderIsRefused() {
        assertRefused(site.templates.path, "this is the templates folder", force: true, keeps: site.templates)
    }

    func testAFolderHoldingTheContentIsRefused() {
        assertRefused(site.root.path, "holds the content folder", force: true, keeps: site.root)
        assertRefused(site.content.path + "/toolbox/..", "this is the content folder", keeps: site.content)
    }

    func testAFolderInsideTheContentIsRefused() {
        assertRefused(site.content.appendingPathComponent("built").path, "inside the content folder", force: true)
        assertRefused(site.content.appendingPathComponent("toolbox").path, "inside the content folder", force: true, keeps: site.content)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("built").path))
    }

    func testTheWorkingFolderAndItsParentAreRefused() throws {
        let project = site.root.appendingPathComponent("work/project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        for (output, words) in [(".", "this is the folder you are working in"), ("..", "holds the folder you are working in")] {
            let settings = BuildOptions(contentFolder: site.content.path, templatesFolder: site.templates.path, outputFolder: output)
            XCTAssertThrowsError(try OutputSafety.check(settings, workingFolder: project.path, home: "/nonexistent-home")) { error in
                let problem = error as? Diagnostic
                XCTAssertTrue(problem?.message.contains(words) == true, "\(error)")
                XCTAssertNotNil(problem?.fix)
            }
        }
    }

    func testARelativeParentOfTheProjectIsRefusedByTheBuild() {
        // `--output ..` from inside a project: the folder holding content/.
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(site.content.path))
        defer { XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(previous)) }
        assertRefused("..", "holds the content folder", force: true, keeps: site.root)
    }

    func testAnExistingFileIsRefused() throws {
        try site.write("notes.txt", "keep me\n")
        let file = site.root.appendingPathComponent("notes.txt").path
        assertRefused(file, "this is a file, not a folder", force: true)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "keep me\n")
    }

    func testTheRootAndTheHomeFolderAreRefused() throws {
        assertRefused("/", "top of the file system", force: true)
        let home = site.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        for output in [home.path, site.root.path + "/./home/"] {
            XCTAssertThrowsError(try OutputSafety.check(options(output: output, force: true), workingFolder: "/", home: home.path)) { error in
                XCTAssertTrue((error as? Diagnostic)?.message.contains("this is your home folder") == true, "\(error)")
            }
        }
    }

    func testAFolderWithOtherFilesNeedsForce() throws {
        try site.write("www/index.php", "<?php ?>\n")
        let www = site.root.appendingPathComponent("www")
        assertRefused(www.path, "files in it that smartsite did not make", keeps: www)
        XCTAssertEqual(refusal(output: www.path)?.fix?.contains("--force"), true)

        XCTAssertNil(refusal(output: www.path, force: true))
        XCTAssertFalse(FileManager.default.fileExists(atPath: www.appendingPathComponent("index.php").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: www.appendingPathComponent(OutputSafety.markerName).path))
    }

    func testAFolderSmartsiteMadeIsReplacedWithoutForce() throws {
        XCTAssertNil(refusal(output: site.output.path))
        XCTAssertNotNil(site.read(OutputSafety.markerName))
        try site.write("output/stale.html", "old\n")
        XCTAssertNil(refusal(output: site.output.path))
        XCTAssertNil(site.read("stale.html"))
        // An empty folder is fine too.
        let empty = site.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        XCTAssertNil(refusal(output: empty.path))
    }

    /// `output` linking to a web root: the link stays and the web root gets the site.
    func testASymlinkedOutputIsKeptAndItsTargetUpdated() throws {
        let webRoot = site.root.appendingPathComponent("srv/www")
        try FileManager.default.createDirectory(at: webRoot, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.output.path, withDestinationPath: webRoot.path)
        XCTAssertNil(refusal(output: site.output.path))
        XCTAssertNil(refusal(output: site.output.path))
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path)
        XCTAssertEqual(link, webRoot.path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: webRoot.appendingPathComponent("index.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: webRoot.appendingPathComponent(OutputSafety.markerName).path))
        // A link to the content folder is the content folder.
        let toContent = site.root.appendingPathComponent("to-content")
        try FileManager.default.createSymbolicLink(atPath: toContent.path, withDestinationPath: site.content.path)
        assertRefused(toContent.path, "this is the content folder", force: true, keeps: site.content)
    }
}
