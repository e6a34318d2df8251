import Foundation
import XCTest
@testable import SiteBuild

/// Incremental rebuilds against the files a full build makes: every change
/// must leave the same site a fresh build would, while rendering only the
/// pages that show what changed.
final class PreviewSessionTests: XCTestCase {
    private var site: PreviewFixture!
    private var session: PreviewSession!
    /// The site as the preview serves it, updated like the server does.
    private var served: [String: Data] = [:]

    override func setUpWithError() throws {
        site = try PreviewFixture()
        session = PreviewSession(options: site.buildOptions)
        let first = session.buildAll()
        XCTAssertEqual(first.errors, [])
        served = first.files
    }

    override func tearDown() {
        session.close()
        site.remove()
    }

    @discardableResult
    private func change(_ changes: SourceChange...) -> PreviewUpdate {
        let update = session.apply(Set(changes))
        if !update.failed {
            if update.replacesAll { served = [:] }
            served.merge(update.files) { _, new in new }
            served.merge(update.deferred.mapValues { $0.make() }) { _, new in new }
            update.removed.forEach { served[$0] = nil }
        }
        return update
    }

    /// Writes a file of the fixture (`content/...` or `templates/...`) and rebuilds.
    @discardableResult
    private func edit(_ path: String, _ text: String) throws -> PreviewUpdate {
        try site.write(path, text)
        let relative = String(path.drop { $0 != "/" }.dropFirst())
        return change(path.hasPrefix("content/") ? .content(relative) : .template(relative))
    }

    private func page(_ path: String) -> String {
        served[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// What a fresh full build of the site as it is on disk now makes
    /// (the fixture's, or the site of `options`).
    private func assertSameAsFullBuild(_ options: BuildOptions? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let fresh = PreviewSession(options: options ?? site.buildOptions)
        defer { fresh.close() }
        let full = fresh.buildAll()
        XCTAssertEqual(full.errors, [], file: file, line: line)
        XCTAssertEqual(Set(served.keys), Set(full.files.keys), file: file, line: line)
        for (path, data) in full.files where served[path] != data {
            XCTFail("\(path) differs from a full build", file: file, line: line)
        }
    }

    func testFullBuildIsKeptInMemoryAndWritesNoOutputFolder() {
        for path in ["index.html", "about/index.html", "toolbox/urge-log/index.html", "404.html", "search.json",
                     "sitemap.xml", "assets/site.css", "logo.png"] {
            XCTAssertNotNil(served[path], path)
        }
        XCTAssertNil(served["assets/.hidden.css"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testChangingOnePageRendersItTheListThatShowsItAndTheSearchIndex() throws {
        let update = try edit("content/about.md", "---\ntitle: About the group\ndescription: Who we are.\n---\n\nNew text.\n")
        XCTAssertEqual(Set(update.files.keys), ["about/index.html", "index.html"])
        XCTAssertEqual(Set(update.deferred.keys), ["search.json"], "made when the search page asks for it")
        XCTAssertEqual(update.reload, .page)
        XCTAssertTrue(page("about/index.html").contains("New text."))
        XCTAssertTrue(page("search.json").contains("About the group"))
        assertSameAsFullBuild()
    }

    /// No other page shows a page's text: its section lists only its title and description.
    func testChangingAPagesTextAloneRendersThatPageAlone() throws {
        let update = try edit("content/about.md", "---\ntitle: About us\ndescription: Who we are.\n---\n\nOther text.\n")
        XCTAssertEqual(Set(update.files.keys), ["about/index.html"])
        assertSameAsFullBuild()
    }

    /// Breadcrumbs say "Home" whatever the home page is called, and no list shows it.
    func testRenamingTheHomePageRendersItAlone() throws {
        let update = try edit("content/_index.md", "---\ntitle: Welcome\n---\n\nWelcome. See the [urge log](toolbox/urge-log.md).\n\n![logo](logo.png)\n")
        XCTAssertEqual(Set(update.files.keys), ["index.html"])
        assertSameAsFullBuild()
    }

    func testChangingAToolsPointsRendersOldAndNewPointsAndTheToolbox() throws {
        let update = try edit("content/toolbox/urge-log.md", "---\ntitle: Urge Log\ndescription: Write urges down.\npoints: [3]\n---\n\n## Steps\n\nWrite it down.\n")
        XCTAssertTrue(Set(update.files.keys).isSuperset(of: ["toolbox/urge-log/index.html", "toolbox/index.html",
                                                             "program/urges/index.html", "program/thoughts/index.html"]))
        XCTAssertNil(update.files["program/motivation/index.html"])
        XCTAssertNil(update.files["about/index.html"])
        XCTAssertTrue(page("program/thoughts/index.html").contains("<li class=tool>Urge Log</li>"))
        XCTAssertFalse(page("program/urges/index.html").contains("Urge Log"))
        assertSameAsFullBuild()
    }

    /// Section lists are sorted once per build; a page that changes its
    /// `order` or title must still move to its place in its section's list.
    func testReorderingAPageMovesItInItsSectionList() throws {
        let before = page("toolbox/index.html")
        let cba = try XCTUnwrap(before.range(of: "Cost-Benefit Analysis"))
        let urgeLog = try XCTUnwrap(before.range(of: "Urge Log"))
        XCTAssertLessThan(cba.lowerBound, urgeLog.lowerBound, "titles sort the list before any order is set")
        try edit("content/toolbox/urge-log.md", "---\ntitle: Urge Log\ndescription: Write urges down.\npoints: [2]\norder: 1\n---\n\n## Steps\n\nWrite it down.\n")
        let after = page("toolbox/index.html")
        let movedCBA = try XCTUnwrap(after.range(of: "Cost-Benefit Analysis"))
        let movedUrgeLog = try XCTUnwrap(after.range(of: "Urge Log"))
        XCTAssertLessThan(movedUrgeLog.lowerBound, movedCBA.lowerBound, after)
        assertSameAsFullBuild()
    }

    func testRenamingAPointRendersItsNeighboursAndTheToolsThatServeIt() throws {
        let update = try edit("content/program/urges.md", "---\ntitle: Urges, coped with\npoint: 2\n---\n\nPoint two.\n")
        XCTAssertNotNil(update.files["program/motivation/index.html"])  // its "next" link
        XCTAssertNotNil(update.files["toolbox/urge-log/index.html"])    // serves point 2
        XCTAssertNil(update.files["toolbox/cba/index.html"])
        XCTAssertTrue(page("program/motivation/index.html").contains("Urges, coped with"))
        assertSameAsFullBuild()
    }

    func testRenamingASectionRendersTheBreadcrumbsBelowIt() throws {
        let update = try edit("content/toolbox/_index.md", "---\ntitle: Toolbox\nshort_title: Tools\n---\n\nAll tools.\n")
        XCTAssertNotNil(update.files["toolbox/cba/index.html"])
        XCTAssertNil(update.files["about/index.html"])
        XCTAssertTrue(page("toolbox/cba/index.html").contains(">Tools</a>"))
        assertSameAsFullBuild()
    }

    func testChangingATemplateRendersEveryPage() throws {
        let update = try edit("templates/page.mustache", "{{<base}}{{$main}}<h1 class=new>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/base}}\n")
        XCTAssertNotNil(update.files["about/index.html"])
        XCTAssertNotNil(update.files["404.html"])
        XCTAssertNil(update.files["search.json"], "no template shapes the search index")
        XCTAssertTrue(page("about/index.html").contains("<h1 class=new>"))
        assertSameAsFullBuild()
    }

    func testChangingAStylesheetReloadsStylesOnly() throws {
        let update = try edit("templates/assets/site.css", "body { color: navy; }\n")
        XCTAssertEqual(update.reload, .styles(["assets/site.css"]))
        XCTAssertEqual(Array(update.files.keys), ["assets/site.css"])
        XCTAssertEqual(try edit("templates/assets/search.js", "console.log('new');\n").reload, .page)
        assertSameAsFullBuild()
    }

    func testAFailedChangeIsTriedAgainUntilItIsFixed() throws {
        let broken = try edit("content/about.md", "---\ntitle: [broken\n---\n\nText.\n")
        XCTAssertEqual(broken.errors.first?.path, site.content.path + "/about.md")
        XCTAssertGreaterThan(broken.errors.first?.line ?? 0, 0)
        // Another good change does not hide the page that is still broken.
        XCTAssertTrue(try edit("content/toolbox/cba.md", "---\ntitle: Cost-Benefit Analysis\npoints: [1]\n---\n\nWeigh it well.\n").failed)
        let fixed = try edit("content/about.md", "---\ntitle: About us again\n---\n\nText.\n")
        XCTAssertEqual(fixed.errors, [])
        XCTAssertNotNil(fixed.files["toolbox/cba/index.html"])
        XCTAssertTrue(page("about/index.html").contains("About us again"))
        assertSameAsFullBuild()
    }

    func testABrokenLinkFailsTheBuild() throws {
        let update = try edit("content/about.md", "---\ntitle: About us\n---\n\nSee [nothing](nothing.md).\n")
        XCTAssertTrue(update.errors.contains { $0.message.contains("nothing.md") }, "\(update.errors)")
    }

    func testRenamingAHeadingThatAnotherPageLinksToFailsTheBuild() throws {
        let update = try edit("content/toolbox/urge-log.md", "---\ntitle: Urge Log\npoints: [2]\n---\n\n## How\n\nWrite.\n")
        XCTAssertEqual(update.errors.map(\.path), [site.content.path + "/about.md"])
        XCTAssertTrue(update.errors.first?.message.contains("#steps") ?? false, "\(update.errors)")
    }

    func testAddingOrRemovingAPageIsAFullBuild() throws {
        XCTAssertTrue(try edit("content/meetings.md", "---\ntitle: Meetings\n---\n\nWhen and where.\n").replacesAll)
        XCTAssertNotNil(served["meetings/index.html"])
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("meetings.md"))
        XCTAssertTrue(change(.content("meetings.md")).replacesAll)
        XCTAssertNil(served["meetings/index.html"])
        assertSameAsFullBuild()
    }

    func testDraftsAndTemporaryFilesChangeNothing() throws {
        XCTAssertEqual(try edit("content/drafts.md", "---\ntitle: Still not yet\ndraft: true\n---\n\nDraft.\n").reload, .none)
        XCTAssertEqual(change(.content("gone-again.tmp"), .template("README")).reload, .none)
        XCTAssertTrue(try edit("content/drafts.md", "---\ntitle: Published\n---\n\nDone.\n").replacesAll)
        XCTAssertNotNil(served["drafts/index.html"])
        assertSameAsFullBuild()
    }

    func testChangingAWorksheetRemakesItsPDFsAndThePagesThatShowIt() throws {
        // A real worksheet, as shipped, belonging to the fixture's Urge Log tool.
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content/worksheets/urge-log.md")
        let worksheet = try String(contentsOf: shipped, encoding: .utf8)
        try site.write("content/worksheets/urge-log.md", worksheet)
        try site.write("content/toolbox/urge-log.md", "---\ntitle: Urge Log\npoints: [2]\nworksheet: urge-log\n---\n\n## Steps\n\nWrite.\n")
        var options = site.buildOptions
        options.buildWorksheets = true
        session.close()
        session = PreviewSession(options: options)
        let first = session.buildAll()
        XCTAssertEqual(first.errors, [])
        served = first.files
        XCTAssertNotNil(served["worksheets/urge-log-letter.pdf"])

        let renamed = worksheet.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Renamed ")
        let update = try edit("content/worksheets/urge-log.md", renamed)
        XCTAssertEqual(update.errors, [])
        for path in ["worksheets/urge-log/index.html", "worksheets/index.html", "toolbox/urge-log/index.html",
                     "worksheets/urge-log-letter.pdf", "worksheets/urge-log-a4.pdf"] {
            XCTAssertNotNil(update.files[path], path)
        }
        XCTAssertTrue(page("toolbox/urge-log/index.html").contains("Renamed "))
        XCTAssertNil(update.files["about/index.html"])
        let fresh = PreviewSession(options: options)
        defer { fresh.close() }
        let full = fresh.buildAll()
        for (path, data) in full.files where served[path] != data {
            XCTFail("\(path) differs from a full build")
        }
    }

    /// A copy of the shipped site (real templates, real meetings, Ghostscript),
    /// previewed; `english` leaves out content/es/ (site.yaml's `es` is then
    /// not built, with a warning).
    private func previewShippedSite(english: Bool) throws -> (folder: URL, options: BuildOptions, first: PreviewUpdate) {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-preview-meetings-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for part in ["content", "templates"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        if english { try FileManager.default.removeItem(at: folder.appendingPathComponent("content/es")) }
        let options = BuildOptions(contentFolder: folder.appendingPathComponent("content").path,
                                   templatesFolder: folder.appendingPathComponent("templates").path,
                                   outputFolder: folder.appendingPathComponent("output").path)
        session.close()
        session = PreviewSession(options: options)
        let first = session.buildAll()
        XCTAssertEqual(first.errors, [])
        served = first.files
        return (folder, options, first)
    }

    /// Two languages: the Spanish schedule shares the English meetings, and
    /// another language's pages are made by full builds, so a meeting saved
    /// is one; the Spanish schedule, home page and flyer show the change.
    func testSavingAMeetingTheSpanishScheduleSharesRemakesTheSpanishPagesToo() throws {
        let (folder, _, first) = try previewShippedSite(english: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertTrue(page("es/meetings/index.html").contains("Wednesday online SMART meeting"))
        let spanishFlyer = try XCTUnwrap(first.files["es/meetings/flyer-letter.pdf"])
        let file = folder.appendingPathComponent("content/meetings/wednesday-online.md")
        let meeting = try String(contentsOf: file, encoding: .utf8)
        try Data(meeting.replacingOccurrences(of: "title: Wednesday online SMART meeting", with: "title: Tuesday online SMART meeting")
            .replacingOccurrences(of: "days: [wed]", with: "days: [tue]").utf8).write(to: file)
        let update = change(.content("meetings/wednesday-online.md"))
        XCTAssertEqual(update.errors, [])
        XCTAssertTrue(update.replacesAll)
        for path in ["es/meetings/index.html", "es/index.html"] {
            XCTAssertTrue(page(path).contains("Tuesday online SMART meeting"), path)
            XCTAssertFalse(page(path).contains("Wednesday online SMART meeting"), path)
        }
        XCTAssertNotEqual(served["es/meetings/flyer-letter.pdf"], spanishFlyer)
    }

    /// Two languages: a template saved renders every page of both, without
    /// a full build (no worksheet or flyer is made again), and leaves the
    /// site a fresh build makes.
    func testChangingATemplateOnATwoLanguageSiteRendersBothLanguages() throws {
        let (folder, options, _) = try previewShippedSite(english: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let footer = folder.appendingPathComponent("templates/partials/footer.mustache")
        let text = try String(contentsOf: footer, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer\" data-edited>").utf8)
            .write(to: footer)
        let update = change(.template("partials/footer.mustache"))
        XCTAssertEqual(update.errors, [])
        XCTAssertFalse(update.replacesAll, "a template saved is not a full build")
        XCTAssertTrue(update.summary.contains("pages rendered"), update.summary)
        for path in ["index.html", "es/index.html", "es/toolbox/urge-log/index.html", "es/worksheets/urge-log/index.html", "es/404.html"] {
            XCTAssertTrue(page(path).contains("<footer class=\"site-footer\" data-edited>"), path)
        }
        XCTAssertFalse(update.files.keys.contains { $0.hasSuffix(".pdf") }, "no PDF is made again")

        assertSameAsFullBuild(options)
    }

    /// One language: a facilitator moves a meeting to another evening and
    /// saves; only what shows the meeting is made again.
    func testSavingAMeetingRemakesItsPageTheScheduleTheHostTheCalendarsAndTheFlyer() throws {
        let (folder, options, first) = try previewShippedSite(english: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flyer = try XCTUnwrap(served["meetings/flyer-letter.pdf"])
        XCTAssertNotNil(served["meetings/flyer-a4.pdf"])
        XCTAssertTrue(page("meetings/index.html").contains("flyer-letter.pdf"))

        let file = folder.appendingPathComponent("content/meetings/wednesday-online.md")
        let meeting = try String(contentsOf: file, encoding: .utf8)
        let moved = meeting.replacingOccurrences(of: "title: Wednesday online SMART meeting", with: "title: Tuesday online SMART meeting")
            .replacingOccurrences(of: "days: [wed]", with: "days: [tue]")
        XCTAssertNotEqual(moved, meeting)
        try Data(moved.utf8).write(to: file)
        let update = change(.content("meetings/wednesday-online.md"))
        XCTAssertEqual(update.errors, [])
        XCTAssertFalse(update.replacesAll, "one meeting saved is not a full build")
        XCTAssertEqual(update.reload, .page)
        for path in ["meetings/wednesday-online/index.html", "meetings/index.html", "index.html",
                     "providers/restore-los-angeles/index.html", "meetings/wednesday-online/wednesday-online.ics",
                     "meetings.ics", "meetings/flyer-letter.pdf", "meetings/flyer-a4.pdf"] {
            XCTAssertNotNil(update.files[path], "\(path) was not made again")
        }
        XCTAssertNil(update.files["providers/banyan-palm-springs/index.html"], "the other host's page does not show it")
        // The calendars are made as one set (they are small); another meeting's comes out the same.
        XCTAssertEqual(update.files["meetings/saturday-spanish/saturday-spanish.ics"], first.files["meetings/saturday-spanish/saturday-spanish.ics"])
        XCTAssertNotEqual(served["meetings/flyer-letter.pdf"], flyer)
        XCTAssertTrue(page("meetings/wednesday-online/wednesday-online.ics").contains("BYDAY=TU"))
        XCTAssertTrue(page("index.html").contains("Tuesday online SMART meeting"))

        // Only the text below the settings: the page alone, no calendar or flyer.
        try Data(moved.replacingOccurrences(of: "\n---\n\n", with: "\n---\n\nBring a headset.\n\n").utf8).write(to: file)
        let text = change(.content("meetings/wednesday-online.md"))
        XCTAssertEqual(Set(text.files.keys), ["meetings/wednesday-online/index.html"])

        assertSameAsFullBuild(options)
    }

    func testAnImageIsCopiedAgain() throws {
        try site.write("content/logo.png", PreviewFixture.png + Data([0]))
        let update = change(.content("logo.png"))
        // The photo is published again under new names (its srcset copies), and the pages match a full build.
        XCTAssertNotNil(update.files["logo.png"])
        XCTAssertTrue(update.files.keys.contains { $0.hasPrefix("logo.") && $0.hasSuffix(".webp") }, "\(update.files.keys)")
        assertSameAsFullBuild()
    }
}
