import Foundation
import Testing
import TestSupport

/// Journey: a facilitator lists the program's meetings, builds, prints the
/// schedule and pins it on the notice board; a visitor reads it and scans
/// its QR code. Through the real program, Ghostscript, poppler, qpdf and zbar.
@Suite(.serialized) struct MeetingFlyerJourneyTests {
    let folder: URL
    var site: URL { folder.appendingPathComponent("center") }
    var output: URL { site.appendingPathComponent("output") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-flyer-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try SmartsiteProgram.run(["new", "site", "center", "--name", "Sunrise Recovery Center",
                                             "--phone", "(760) 555-1234", "--base-url", "https://sunrise.example.net/recovery"],
                                            in: folder)
        #expect(made.status == 0, "\(made.errors)")
        // The facilitator's first step: the example listings make way for the program's own.
        let meetings = folder.appendingPathComponent("center/content/meetings")
        for file in try FileManager.default.contentsOfDirectory(atPath: meetings.path) where file != "_index.md" {
            try FileManager.default.removeItem(at: meetings.appendingPathComponent(file))
        }
    }

    func write(_ path: String, _ text: String) throws {
        let url = site.appendingPathComponent("content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func build() throws -> (status: Int32, printed: String, errors: String) {
        try SmartsiteProgram.run(["build"], in: site, environment: ["COLUMNS": "200"])
    }

    func meeting(_ name: String, title: String, days: String, start: String, end: String, extra: String) throws {
        try write("meetings/\(name).md", "---\ntitle: \(title)\ndays: \(days)\nstart: \"\(start)\"\nend: \"\(end)\"\n\(extra)\n---\n\nHow to join.\n")
    }

    func flyer(_ paper: String) -> String { output.appendingPathComponent("meetings/flyer-\(paper).pdf").path }

    func text(_ pdf: String) throws -> String {
        // -raw: in the order drawn, so a title is not split by the layout's columns.
        let read = try Tool.run("pdftotext", package: "poppler-utils", ["-raw", pdf, "-"])
        #expect(read.status == 0, "\(read.stderr)")
        return read.text
    }

    /// The code on the page, read as a phone reads it: rendered, then decoded by zbar.
    func scanned(_ pdf: String) throws -> String {
        let image = folder.appendingPathComponent("scan-\(UUID().uuidString.prefix(6))").path
        let render = try Tool.run("pdftoppm", package: "poppler-utils", ["-r", "150", "-singlefile", "-png", pdf, image])
        #expect(render.status == 0, "\(render.stderr)")
        let read = try Tool.run("zbarimg", package: "zbar-tools", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", image + ".png"])
        #expect(read.status == 0, "zbarimg found no QR code on \(pdf): \(read.stderr)")
        return read.text.trimmingCharacters(in: .newlines)
    }

    func pages(_ pdf: String) throws -> Int? {
        let info = try Tool.run("pdfinfo", package: "poppler-utils", [pdf]).text
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    @Test func theWeeksMeetingsArePrintedWithTheHelpLinesTheAddressAndAScannableCode() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try meeting("monday-evening", title: "Monday evening (open) group", days: "[mon, thu]", start: "6:30 pm", end: "8:00 pm",
                    extra: "place:\n  name: Room 2 \\\\ (back door)\n  street: 1 Main St\n  city: Palm Springs\n  region: CA")
        try meeting("tuesday-online", title: "Tuesday online check-in", days: "[tue]", start: "07:00", end: "08:00",
                    extra: "online: https://example.org/join\ntimezone: America/New_York")
        try meeting("saturday-family", title: "Family & Friends %% Saturday", days: "[sat]", start: "10:00", end: "11:30",
                    extra: "place:\n  city: Indio\nonline: https://example.org/ff\naudience: family-and-friends\nexample: true")
        let built = try build()
        #expect(built.status == 0, "\(built.errors)")
        let settings = try String(contentsOf: site.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        #expect(settings.contains("help_lines"), "the new site has help lines to print")

        for paper in ["letter", "a4"] {
            let pdf = flyer(paper)
            let check = try Tool.run("qpdf", package: "qpdf", ["--check", pdf])
            #expect(check.status == 0, "\(paper): \(check.text) \(check.stderr)")
            #expect(try pages(pdf) == 1, "\(paper)")
            let words = try text(pdf)
            for title in ["Monday evening (open) group", "Tuesday online check-in", "Family & Friends %% Saturday"] {
                #expect(words.contains(title), "\(paper) flyer lacks \(title):\n\(words)")
            }
            // Monday and Thursday each list the Monday group; days in week order.
            #expect(words.components(separatedBy: "Monday evening (open) group").count == 3, "\(words)")
            let order = ["Monday", "Tuesday", "Thursday", "Saturday"].compactMap { words.range(of: $0 + "\n")?.lowerBound }
            #expect(order.count == 4 && order == order.sorted(), "\(words)")
            // Time zones shown: the New York meeting keeps its own.
            #expect(words.contains("6:30 pm") && words.contains("to 8:00 pm PT"), "\(words)")
            #expect(words.contains("to 8:00 am ET"), "\(words)")
            // Backslashes and parentheses are PostScript's own: printed as written.
            #expect(words.contains("Room 2 \\\\ (back door), 1 Main St, Palm Springs, CA"), "\(words)")
            #expect(words.contains("Online") && words.contains("Hybrid"), "\(words)")
            #expect(words.contains("EXAMPLE") && words.contains("Example listings: replace them"), "the example is marked:\n\(words)")
            for line in ["Emergency", "911", "988 Suicide & Crisis Lifeline", "call 988"] {
                #expect(words.contains(line), "\(paper) flyer lacks the help line \(line):\n\(words)")
            }
            #expect(words.contains("sunrise.example.net/recovery/meetings/"), "the address to type:\n\(words)")
            #expect(try scanned(pdf) == "https://sunrise.example.net/recovery/meetings/", "\(paper)")
        }
        // The meetings page offers both.
        let page = try String(contentsOf: output.appendingPathComponent("meetings/index.html"), encoding: .utf8)
        #expect(page.contains("href=\"../meetings/flyer-letter.pdf\"") && page.contains("href=\"../meetings/flyer-a4.pdf\""), "\(page)")

        // Built again unchanged: the same bytes, kept rather than made again.
        let before = try Data(contentsOf: URL(fileURLWithPath: flyer("letter")))
        #expect(try build().status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: flyer("letter"))) == before)

        // A meeting renamed: the flyer follows.
        try meeting("tuesday-online", title: "Tuesday evening online group", days: "[tue]", start: "19:00", end: "20:00",
                    extra: "online: https://example.org/join")
        #expect(try build().status == 0)
        let renamed = try text(flyer("a4"))
        #expect(renamed.contains("Tuesday evening online group") && !renamed.contains("Tuesday online check-in"), "\(renamed)")
    }

    @Test func aLongScheduleStaysOnOnePageAndSendsReadersToTheWebsiteForTheRest() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for i in 0..<70 {
            try meeting("m\(i)", title: "Group number \(i) with a rather long name for a meeting", days: "[mon, wed, fri]",
                        start: "\(8 + i % 12):00", end: "\(9 + i % 12):00", extra: "place:\n  name: Hall \(i)\n  city: Palm Springs")
        }
        let built = try build()
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.printed.contains("flyer has room for") || built.errors.contains("flyer has room for"),
                "a warning says some meetings are left out: \(built.printed) \(built.errors)")
        for paper in ["letter", "a4"] {
            #expect(try pages(flyer(paper)) == 1)
            #expect(try Tool.run("qpdf", package: "qpdf", ["--check", flyer(paper)]).status == 0)
            let words = try text(flyer(paper))
            #expect(words.contains("More meetings are listed on the website."), "\(words)")
            #expect(words.contains("Need help now?") && words.contains("988"), "the help lines keep their place")
        }
    }

    @Test func aTitleTheFontsCannotPrintIsAWarningNotABrokenFlyer() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try meeting("chinese", title: "中文 SMART 小组", days: "[sun]", start: "15:00", end: "16:00",
                    extra: "online: https://example.org/zh\nlanguage: zh")
        let built = try build()
        #expect(built.status == 0, "\(built.errors)")
        #expect((built.printed + built.errors).contains("the meetings flyer: page 1: the fonts have no glyph for '中'"),
                "\(built.printed) \(built.errors)")
        #expect(try Tool.run("qpdf", package: "qpdf", ["--check", flyer("letter")]).status == 0)
        #expect(try text(flyer("letter")).contains("SMART"))
    }
}
