import Diagnostics
import Foundation
import XCTest
import SourceFiles

/// Reading what a person wrote: every mistake placed at the file's own line
/// and column, and one rule for which files in a folder are read at all.
final class SourceTextTests: XCTestCase {
    func testByteOrderMarkAndWindowsLineEndingsAreTakenOut() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Windows\r\n---\r\nold Mac\rline\n".utf8)
        XCTAssertEqual(try SourceText.decode(bytes, path: "content/w.md").text, "---\ntitle: Windows\n---\nold Mac\nline\n")
    }

    func testInvalidUTF8IsPlaced() {
        XCTAssertThrowsError(try SourceText.decode(Array("ok\nab".utf8) + [0xC3, 0x28], path: "content/bad.md")) { error in
            XCTAssertEqual((error as? Diagnostic)?.description.components(separatedBy: "\n").first,
                           "content/bad.md:2:3: error: this file is not valid UTF-8 (byte 0xC3)")
        }
    }

    func testABinaryFileIsRefusedWithWhereItsFirstNULIs() {
        XCTAssertThrowsError(try SourceText.decode(Array("# Title\nx".utf8) + [0, 1, 2], path: "content/pic.md")) { error in
            XCTAssertEqual((error as? Diagnostic)?.line, 2)
            XCTAssertTrue((error as? Diagnostic)?.message.contains("NUL byte") ?? false)
        }
    }

    func testAFileTooLargeToBeAPageIsRefused() {
        XCTAssertThrowsError(try SourceText.decode([], path: "content/huge.md", fileSize: SourceText.maximumBytes + 1)) { error in
            XCTAssertEqual((error as? Diagnostic)?.fix, "split it into several pages")
        }
    }
}

final class FrontMatterTests: XCTestCase {
    func testAFileWithoutFencesIsAllBody() throws {
        let split = try FrontMatter.split(SourceText(path: "content/a.md", text: "# Just text\n"))
        XCTAssertTrue(split.isEmpty)
        XCTAssertEqual(split.body, "# Just text\n")
        XCTAssertEqual(split.bodyLineOffset, 0)
    }

    func testTheBodyKnowsWhichFileLineItStartsAt() throws {
        let split = try FrontMatter.split(SourceText(path: "content/a.md", text: "---\ntitle: A\norder: 2\n...  \nBody\n"))
        XCTAssertEqual(split.yaml, "title: A\norder: 2\n")
        XCTAssertEqual(split.yamlFirstLine, 2)
        XCTAssertEqual(split.body, "Body\n")
        XCTAssertEqual(split.bodyLineOffset, 4)
    }

    func testAnUnclosedFenceIsAnErrorAtLineOne() {
        XCTAssertThrowsError(try FrontMatter.split(SourceText(path: "content/a.md", text: "---\ntitle: A\n\nBody\n"))) { error in
            XCTAssertEqual((error as? Diagnostic)?.description.components(separatedBy: "\n").first,
                           "content/a.md:1:1: error: the front matter that starts here has no closing `---`")
        }
    }
}

final class SettingsReaderTests: XCTestCase {
    private func reader(_ yaml: String) throws -> SettingsReader {
        try SettingsReader(FrontMatter.compose(yaml, path: "content/a.md", firstLine: 2), path: "content/a.md", firstLine: 2)
    }

    func testAWrongValueIsPlacedAtItsFileLineAndColumn() throws {
        let settings = try reader("title: A\norder: first\n")
        XCTAssertThrowsError(try settings.int("order")) { error in
            XCTAssertEqual((error as? Diagnostic)?.line, 3)
            XCTAssertEqual((error as? Diagnostic)?.column, 8)
        }
        XCTAssertEqual(try settings.string("title"), "A")
        XCTAssertNil(try settings.string("missing"))
    }

    func testAnEmptyValueCountsAsNotGiven() throws {
        let settings = try reader("title:\ndescription: ~\n")
        XCTAssertTrue(settings.has("title"))
        XCTAssertNil(try settings.string("title"))
        XCTAssertNil(try settings.string("description"))
    }

    func testAMisspelledKeySuggestsTheKnownOne() throws {
        let warnings = try reader("title: A\npoinst: [1]\n").unknownKeys(known: ["title", "points"], kind: "a tool page")
        XCTAssertEqual(warnings.map(\.line), [3])
        XCTAssertEqual(warnings.first?.fix, "did you mean 'points'?")
    }
}

final class ContentFolderTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-walk-\(UUID().uuidString)")
        for file in ["page.md", "toolbox/urge-log.md", "images/room.png", ".DS_Store", "notes.md~", "#draft.md#",
                     ".page.md.swp", "toolbox/.hidden.md", ".git/config", "site.yaml"] {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func testDotFilesBackupsAndSettingsAreLeftOut() throws {
        let folder = try ContentFolder(root: root, displayRoot: "content")
        XCTAssertEqual(folder.markdownFiles, ["page.md", "toolbox/urge-log.md"])
        XCTAssertEqual(folder.otherFiles, ["images/room.png"])
        XCTAssertEqual(folder.diagnostics, [])
    }

    func testALinkOutOfTheFolderIsAnErrorAndALinkToAFolderIsNotFollowed() throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("passwd.txt").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: root.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("same.md").path, withDestinationPath: "page.md")
        let folder = try ContentFolder(root: root, displayRoot: "content")
        XCTAssertEqual(folder.markdownFiles, ["page.md", "same.md", "toolbox/urge-log.md"])
        XCTAssertFalse(folder.otherFiles.contains("passwd.txt"))
        XCTAssertEqual(folder.diagnostics.map { "\($0.path) \($0.isError)" }, ["content/loop false", "content/passwd.txt true"])
    }

    func testAMissingFolderSaysWhatToDo() {
        XCTAssertThrowsError(try ContentFolder(root: root.appendingPathComponent("nope"), displayRoot: "content")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the content folder does not exist")
        }
    }

    func testTheNamesNoOneMeansToPublish() {
        for name in [".env", "site.css~", "#notes.md#", "x.SWP", "Thumbs.db", "desktop.ini", "a.orig"] {
            XCTAssertTrue(ContentFolder.isLeftOut(name), name)
        }
        for name in ["page.md", "#", "room.png", "tmp.md"] {
            XCTAssertFalse(ContentFolder.isLeftOut(name), name)
        }
    }
}
