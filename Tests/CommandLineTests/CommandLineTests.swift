import Foundation
import Testing
import TestSupport

/// The `smartsite` program as people type it: help that reads well in a
/// terminal, a word that is no command answered with the one they meant,
/// and exit statuses scripts can rely on (0 done, 1 the site has errors,
/// 2 or 64 the command line was wrong).
@Suite struct CommandLineTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func smartsite(_ arguments: String...) throws -> (status: Int32, printed: String, errors: String) {
        try SmartsiteProgram.run(arguments, in: folder, environment: ["COLUMNS": "80"])
    }

    @Test func helpNamesEveryCommandWithinEightyColumns() throws {
        let help = try smartsite("--help")
        #expect(help.status == 0)
        for command in ["build", "check", "preview", "worksheet", "new"] {
            #expect(help.printed.contains("  \(command) "), "no \(command) in\n\(help.printed)")
        }
        for command in ["build", "check", "preview", "worksheet", "new"] {
            let text = try smartsite("help", command)
            #expect(text.status == 0, "help \(command): \(text.errors)")
            let long = text.printed.split(separator: "\n").filter { $0.count > 80 }
            #expect(long.isEmpty, "help \(command) has lines over 80 columns:\n\(long.joined(separator: "\n"))")
        }
    }

    @Test(arguments: [("serve", "preview"), ("server", "preview"), ("watch", "preview"), ("buidl", "build"),
                      ("lint", "check"), ("chek", "check"), ("worksheets", "worksheet"),
                      ("init", "new site"), ("create", "new site"), ("nwe", "new")])
    func aWordThatIsNoCommandIsAnsweredWithTheOneMeant(typed: String, meant: String) throws {
        let result = try smartsite(typed)
        #expect(result.status == 2)
        #expect(result.errors.contains("error: '\(typed)' is not a smartsite command; did you mean `smartsite \(meant)`?"), "\(result.errors)")
        #expect(result.printed.isEmpty)
    }

    @Test func aWordNothingLikeACommandListsThem() throws {
        let result = try smartsite("frobnicate")
        #expect(result.status == 2)
        #expect(result.errors.contains("the commands are: build, check, preview, worksheet, new"), "\(result.errors)")
    }

    @Test func anUnknownOptionIsAUsageError() throws {
        let result = try smartsite("build", "--no-such-flag")
        #expect(result.status == 64)
        #expect(result.errors.contains("--no-such-flag"))
    }

    @Test func anOutputFolderThatReadsAsAnOptionIsRefused() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let result = try SmartsiteProgram.run(["build", "--no-worksheets", "--output=--help"], in: site.root)
        #expect(result.status == 64)
        #expect(result.errors.contains("'--help' begins with '-'"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("--help").path))
    }

    /// The help bar, header, footer and sidebar are rendered once per
    /// language and depth (the header also per current menu entry and home
    /// page) and pasted in (SharedPartials); SMARTSITE_NO_SHARED_PARTIALS=1
    /// renders them on every page. Both make the same bytes: on the shipped
    /// site, on its English pages alone (a site of one language, where the
    /// header is shared too), and where a shared partial's section names a
    /// value that some pages have of their own (`children` on a section
    /// page), which those pages must show.
    @Test func sharedPartialsMakeTheSameBytesAsRenderingEachPage() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("templates/partials/help.mustache",
                       "{{#site.help_lines}}<p class=help>{{name}} {{#children}}[{{title}}]{{/children}}</p>{{/site.help_lines}}{{root}}"
                           + "{{#menu}}<a href=\"{{url}}\"{{#current}} class=here{{/current}}>{{title}}</a>{{/menu}}{{#is_home}}home{{/is_home}}")
        let shipped = SmartsiteProgram.packageRoot
        let english = site.root.appendingPathComponent("english")
        try FileManager.default.copyItem(at: shipped.appendingPathComponent("content"), to: english)
        try FileManager.default.removeItem(at: english.appendingPathComponent("es"))
        for (content, templates) in [(shipped.appendingPathComponent("content").path, shipped.appendingPathComponent("templates").path),
                                     (english.path, shipped.appendingPathComponent("templates").path),
                                     (site.content.path, site.templates.path)] {
            func build(_ output: String, _ environment: [String: String]) throws -> URL {
                let folder = site.root.appendingPathComponent(output)
                let result = try SmartsiteProgram.run(["build", "--no-worksheets", "--content", content, "--templates", templates,
                                                       "--output", folder.path], in: site.root, environment: environment)
                #expect(result.status == 0, "\(result.errors)")
                return folder
            }
            let pasted = try build("pasted", [:])
            let plain = try build("plain", ["SMARTSITE_NO_SHARED_PARTIALS": "1"])
            let files = try FileManager.default.subpathsOfDirectory(atPath: plain.path).sorted()
            #expect(try FileManager.default.subpathsOfDirectory(atPath: pasted.path).sorted() == files)
            var compared = 0
            for file in files where file.hasSuffix(".html") {
                let one = try Data(contentsOf: pasted.appendingPathComponent(file))
                #expect(one == (try Data(contentsOf: plain.appendingPathComponent(file))), "\(file) differs")
                compared += 1
            }
            #expect(compared > 5)
            try FileManager.default.removeItem(at: pasted)
            try FileManager.default.removeItem(at: plain)
        }
        // The fall-through case really happened: the section page lists its children inside the help line.
        let toolbox = site.root.appendingPathComponent("check/toolbox/index.html")
        let result = try SmartsiteProgram.run(["build", "--no-worksheets", "--output", "check"], in: site.root)
        #expect(result.status == 0, "\(result.errors)")
        let html = try String(contentsOf: toolbox, encoding: .utf8)
        #expect(html.contains("<p class=help>988 Suicide &amp; Crisis Lifeline [Urge Log &lt;script&gt;]</p>../"), "\(html)")
        let home = try String(contentsOf: site.root.appendingPathComponent("check/program/coping/index.html"), encoding: .utf8)
        #expect(home.contains("<p class=help>988 Suicide &amp; Crisis Lifeline </p>../../"), "\(home)")
    }

    /// A one-shot build of a large site renders the Markdown of the pages
    /// past the first 20,000 again as it writes them, instead of keeping
    /// their HTML. The shipped site (both languages) built keeping none, or
    /// a few, must be byte for byte the site built keeping all.
    @Test func pagesThatRenderTheirMarkdownAgainMakeTheSameBytes() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let shipped = SmartsiteProgram.packageRoot
        func build(_ output: String, keeping: String?) throws -> URL {
            let folder = site.root.appendingPathComponent(output)
            let result = try SmartsiteProgram.run(["build", "--no-worksheets", "--content", shipped.appendingPathComponent("content").path,
                                                   "--templates", shipped.appendingPathComponent("templates").path, "--output", folder.path],
                                                  in: site.root, environment: keeping.map { ["SMARTSITE_KEPT_PAGE_BODIES": $0] } ?? [:])
            #expect(result.status == 0, "\(result.errors)")
            return folder
        }
        let kept = try build("kept", keeping: nil)
        let files = try FileManager.default.subpathsOfDirectory(atPath: kept.path).sorted()
        #expect(files.contains("es/index.html"))
        for keeping in ["0", "7"] {
            let again = try build("again-" + keeping, keeping: keeping)
            #expect(try FileManager.default.subpathsOfDirectory(atPath: again.path).sorted() == files)
            var compared = 0
            for file in files where file.hasSuffix(".html") || file.hasSuffix(".json") {
                let one = try Data(contentsOf: again.appendingPathComponent(file))
                #expect(one == (try Data(contentsOf: kept.appendingPathComponent(file))), "\(file) differs keeping \(keeping)")
                compared += 1
            }
            #expect(compared > 50)
        }
    }

    @Test func theVersionIsPrinted() throws {
        let result = try smartsite("--version")
        #expect(result.status == 0)
        #expect(result.printed.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func buildAndCheckExitWithOneOnASiteWithErrorsAndZeroWhenItIsFixed() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/about.md", "---\ntitle: About\norder: first\n---\n")
        let broken = try SmartsiteProgram.run(["build", "--no-worksheets"], in: site.root)
        #expect(broken.status == 1)
        #expect(broken.errors.contains("content/about.md:3:8: error: 'order' must be a whole number"), "\(broken.errors)")
        #expect(try SmartsiteProgram.run(["check", "--no-worksheets"], in: site.root).status == 1)

        try site.write("content/about.md", "---\ntitle: About\ndescription: Who we are.\n---\n\nText. See the [toolbox](toolbox/_index.md).\n")
        let fixed = try SmartsiteProgram.run(["build", "--no-worksheets"], in: site.root)
        #expect(fixed.status == 0, "\(fixed.errors)")
        let checked = try SmartsiteProgram.run(["check", "--no-worksheets"], in: site.root)
        #expect(checked.status == 0, "\(checked.errors)")
        // The fixture's pages have no descriptions: warnings, which --strict turns into a failure.
        #expect(try SmartsiteProgram.run(["check", "--no-worksheets", "--strict"], in: site.root).status == 1)
    }

    @Test(arguments: ["A4", "a4", "Letter", "LETTER"])
    func thePaperSizeIsReadInAnyCase(paper: String) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/worksheets/w.md", "---\ntitle: W\n---\n\n```lines 3 What happened?\n```\n")
        let result = try SmartsiteProgram.run(["worksheet", "w", "--paper", paper, "--ps-only"], in: site.root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("w-\(paper.lowercased()).ps").path))
    }

    @Test func aWorksheetThatDoesNotExistIsNamed() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let result = try SmartsiteProgram.run(["worksheet", "urge-logg", "--ps-only"], in: site.root)
        #expect(result.status == 1)
        #expect(result.errors.contains("content/worksheets/urge-logg.md"), "\(result.errors)")
    }
}
