import Foundation
import Testing
import TestSupport

/// `smartsite new`, attacked: every refusal is an error naming what to do,
/// exit status 1, and nothing left behind.
@Suite struct NewCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-new-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func smartsite(_ arguments: String..., in place: URL? = nil) throws -> (status: Int32, printed: String, errors: String) {
        try SmartsiteProgram.run(arguments, in: place ?? folder, environment: ["COLUMNS": "80"])
    }

    func newSite(_ name: String = "site", extra: [String] = []) throws -> URL {
        let result = try SmartsiteProgram.run(["new", "site", name, "--name", "Hope House"] + extra, in: folder)
        #expect(result.status == 0, "\(result.errors)")
        return folder.appendingPathComponent(name)
    }

    func text(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    @Test func withoutATerminalNothingIsAskedAndTheMissingNameIsNamed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try smartsite("new", "site", "x")
        #expect(result.status == 1)
        #expect(result.errors.contains("error: the new site needs the program's name"), "\(result.errors)")
        #expect(result.errors.contains("--name"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }

    /// A person who types `smartsite new site hope` at a terminal is asked,
    /// re-asked after a wrong phone number, and may leave the address for later.
    /// util-linux `script` gives the program a real terminal (a pty) and types
    /// the answers into it.
    @Test func onATerminalItAsksAndAsksAgainAfterAMistake() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = try #require(SmartsiteProgram.path, "smartsite is not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["--quiet", "--return", "--command", "'\(program)' new site hope", "/dev/null"]
        process.currentDirectoryURL = folder
        let typed = Pipe(), shown = Pipe()
        process.standardInput = typed
        process.standardOutput = shown
        process.standardError = shown
        try process.run()
        typed.fileHandleForWriting.write(Data("Sunrise Recovery Center\ncall us\n(555) 123-4567\n\n".utf8))
        try typed.fileHandleForWriting.close()
        let screen = String(decoding: shown.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(screen)")
        #expect(screen.contains("Your program's name"), "\(screen)")
        #expect(screen.contains("'call us' is not a phone number"), "\(screen)")
        #expect(screen.contains("Where the site will be published"), "\(screen)")
        let site = folder.appendingPathComponent("hope/content")
        #expect(text(site.appendingPathComponent("site.yaml")).contains("title: \"Sunrise Recovery Center\""))
        #expect(text(site.appendingPathComponent("providers/sunrise-recovery-center.md")).contains("(555) 123-4567"))
        #expect(text(site.appendingPathComponent("site.yaml")).contains("base_url: https://smart-recovery-guide.example.org/"))
    }

    @Test func theExampleAddressIsKeptUntilChangedAndCheckSaysSo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try newSite()
        let checked = try smartsite("check", "--strict", "--no-worksheets", in: site)
        #expect(checked.status == 1)
        #expect(checked.errors.contains("content/site.yaml:3:1: warning: base_url is still the example address https://smart-recovery-guide.example.org/"),
                "\(checked.errors)")
        // An example phone number on the program's provider page is caught too.
        let provider = site.appendingPathComponent("content/providers/hope-house.md")
        try text(provider).replacingOccurrences(of: "name: Hope House", with: "name: Hope House\nphone: \"(555) 555-0100\"")
            .write(to: provider, atomically: true, encoding: .utf8)
        let settings = site.appendingPathComponent("content/site.yaml")
        try text(settings).replacingOccurrences(of: "https://smart-recovery-guide.example.org/", with: "https://hope.example.net/")
            .write(to: settings, atomically: true, encoding: .utf8)
        let again = try smartsite("check", "--strict", "--no-worksheets", in: site)
        #expect(again.status == 1)
        #expect(!again.errors.contains("base_url is still"))
        #expect(again.errors.contains("content/providers/hope-house.md:2:1: warning: 'phone' is the example number (555) 555-0100"), "\(again.errors)")
    }

    @Test func aFolderThatCannotTakeANewSiteIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.txt")
        try Data("keep me\n".utf8).write(to: file)
        let full = folder.appendingPathComponent("full")
        try FileManager.default.createDirectory(at: full, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: full.appendingPathComponent("mine.txt"))
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path, withDestinationPath: empty.path)
        let site = try newSite()
        let cases: [(String, String)] = [
            ("notes.txt", "notes.txt: error: this is a file, not a folder"),
            ("full", "full: error: this folder is not empty"),
            ("link", "link: error: this is a shortcut (symbolic link)"),
            ("site/content/new", "site/content/new: error: this folder is inside the content folder"),
            ("site/templates/partials/new", "site/templates/partials/new: error: this folder is inside the templates folder"),
        ]
        for (target, message) in cases {
            let result = try smartsite("new", "site", target, "--name", "Hope House")
            #expect(result.status == 1, "\(target)")
            #expect(result.errors.contains(message), "\(target): \(result.errors)")
        }
        #expect(text(file) == "keep me\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: full.path) == ["mine.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/new").path))
        let badAddress = try smartsite("new", "site", "other", "--name", "Hope House", "--base-url", "javascript:alert(1)")
        #expect(badAddress.status == 1 && badAddress.errors.contains("--base-url: error:"), "\(badAddress.errors)")
        let badPhone = try smartsite("new", "site", "other", "--name", "Hope House", "--phone", "call us")
        #expect(badPhone.status == 1 && badPhone.errors.contains("'call us' is not a phone number"), "\(badPhone.errors)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other").path))
    }

    /// `smartsite new site -- --help` once made a folder named `--help`
    /// that `cd --help` cannot enter: a name that reads as an option is a
    /// usage error, and nothing is made; `./-x` still asks for one on purpose.
    @Test(arguments: [["new", "site", "--name", "Hope House", "--", "--help"],
                      ["new", "site", "--name", "Hope House", "--", "-h"],
                      ["new", "page", "--", "--draft"]])
    func aNameThatReadsAsAnOptionMakesNothing(arguments: [String]) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SmartsiteProgram.run(arguments, in: folder, environment: ["COLUMNS": "80"])
        let name = arguments.last ?? ""
        #expect(result.status == 64)
        #expect(result.errors.contains("'\(name)' begins with '-', so it reads as an option"), "\(result.errors)")
        #expect(result.errors.contains("smartsite new --help"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// What the refusal says to write does work.
    @Test func aNameBeginningWithADashIsMadeWhenWrittenAsAPath() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try newSite("./-site")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/site.yaml").path))
        let refused = try smartsite("new", "page", "--", "-notes", in: site)
        #expect(refused.errors.contains("write it as content/-notes"), "\(refused.errors)")
        let page = try smartsite("new", "page", "content/-notes", in: site)
        #expect(page.status == 0, "\(page.errors)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/-notes.md").path))
    }

    @Test func anUnwritableFolderIsAnErrorAndLeavesNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Root may write anywhere; a folder of its own under /proc cannot be made by anyone.
        let result = try smartsite("new", "site", "/proc/smartsite-new-site", "--name", "Hope House")
        #expect(result.status == 1)
        #expect(result.errors.contains("/proc/smartsite-new-site: error: cannot make the new site here"), "\(result.errors)")
    }

    @Test func aMovedProgramSaysWhereToFindTheStarter() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let program = SmartsiteProgram.path else { throw SmartsiteProgram.NotBuilt() }
        let moved = folder.appendingPathComponent("bin/smartsite")
        try FileManager.default.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: program, toPath: moved.path)
        let alone = try Self.run(moved, ["new", "site", "a", "--name", "Hope House"], in: folder)
        #expect(alone.status == 1)
        #expect(alone.errors.contains("error: cannot find the starter site"), "\(alone.errors)")
        #expect(alone.errors.contains("--from"))
        let given = try Self.run(moved, ["new", "site", "b", "--name", "Hope House", "--from", SmartsiteProgram.packageRoot.path], in: folder)
        #expect(given.status == 0, "\(given.errors)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b/content/site.yaml").path))
        let wrong = try Self.run(moved, ["new", "site", "c", "--name", "Hope House", "--from", folder.path], in: folder)
        #expect(wrong.status == 1 && wrong.errors.contains("this folder has no starter site"), "\(wrong.errors)")
    }

    @Test func eachKindStartsFromItsArchetypeAndNothingIsReplaced() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try newSite(extra: ["--base-url", "https://hope.example.net/"])
        let made: [(String, String, String)] = [
            ("page", "our-room", "content/our-room.md"),
            ("tool", "gratitude-list", "content/toolbox/gratitude-list.md"),
            ("provider", "hope-east", "content/providers/hope-east.md"),
            ("meeting", "tuesday-evening", "content/meetings/tuesday-evening.md"),
            ("worksheet", "gratitude-log", "content/worksheets/gratitude-log.md"),
            ("page", "content/groups/_index", "content/groups/_index.md"),
        ]
        for (kind, path, file) in made {
            let result = try smartsite("new", kind, path, in: site)
            #expect(result.status == 0, "\(kind) \(path): \(result.errors)")
            #expect(result.printed.contains("Wrote \(file)"), "\(result.printed)")
        }
        #expect(text(site.appendingPathComponent("content/toolbox/gratitude-list.md")).contains("title: Gratitude list\n"))
        #expect(text(site.appendingPathComponent("content/groups/_index.md")).contains("title: Groups\n"))
        let meeting = text(site.appendingPathComponent("content/meetings/tuesday-evening.md"))
        for key in ["title:", "days:", "start:", "end:", "timezone:", "place:", "online:", "language:", "audience:", "host:", "contact:", "example: true"] {
            #expect(meeting.contains(key), "the meeting archetype has no \(key)")
        }
        let before = text(site.appendingPathComponent("content/our-room.md"))
        let again = try smartsite("new", "page", "our-room", in: site)
        #expect(again.status == 1)
        #expect(again.errors.contains("content/our-room.md: error: this file already exists"), "\(again.errors)")
        #expect(text(site.appendingPathComponent("content/our-room.md")) == before)
        let outside = try smartsite("new", "page", "../escape", in: site)
        #expect(outside.status == 1 && outside.errors.contains("must be inside content/"), "\(outside.errors)")
        let wrongFolder = try smartsite("new", "tool", "program/x", in: site)
        #expect(wrongFolder.status == 1 && wrongFolder.errors.contains("a tool goes in content/toolbox/"), "\(wrongFolder.errors)")

        // Everything new builds as it comes: the meeting is a (marked) example listing.
        let built = try smartsite("build", in: site)
        #expect(built.status == 0, "\(built.errors)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("output/meetings/tuesday-evening/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("output/worksheets/gratitude-log-letter.pdf").path))
    }

    @Test func theWorksheetCommandUsesTheWorksheetsOwnPaper() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content/worksheets")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("title: T\n".utf8).write(to: folder.appendingPathComponent("content/site.yaml"))
        // The words a worksheet prints come from templates/i18n/, as in every site.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates/i18n"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FixtureSite.shippedWords("en"), to: folder.appendingPathComponent("templates/i18n/en.yaml"))
        try Data("---\ntitle: Log\npaper: a4\n---\n\n```field Name\n```\n".utf8).write(to: content.appendingPathComponent("log.md"))
        let own = try smartsite("worksheet", "log", "--ps-only")
        #expect(own.status == 0, "\(own.errors)")
        #expect(own.printed.contains("Wrote log-a4.ps"), "\(own.printed)")
        #expect(text(folder.appendingPathComponent("log-a4.ps")).contains("595"), "not A4 (595 points wide)")
        let asked = try smartsite("worksheet", "log", "--ps-only", "--paper", "Letter")
        #expect(asked.printed.contains("Wrote log-letter.ps"), "\(asked.printed)")
    }

    /// Runs a given copy of the program (SmartsiteProgram runs the one swift build made).
    static func run(_ program: URL, _ arguments: [String], in folder: URL) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errors = folder.appendingPathComponent("errors-\(UUID().uuidString.prefix(6)).txt")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: errors) }
        return (process.terminationStatus, (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }
}
