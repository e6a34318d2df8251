import Content
import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import SiteBuild

/// A corpus of broken sites: each case breaks the fixture site in one way and
/// pins the exact diagnostic (file, line, column, message), and that the
/// previous output is left byte for byte. Cases that must build (a byte-order
/// mark, Windows line endings, raw HTML) say so and check the result. Each
/// case is a test of its own, so one failure does not hide the others; they
/// run one at a time because each builds in its fixture as the working folder.
@Suite(.serialized)
struct BadInputTests {
    enum Expect: Sendable {
        /// The exact first line of a diagnostic that must be reported.
        case error(String)
        /// That error and no other problem: one mistake, one message.
        case onlyError(String)
        /// The build succeeds, with this warning among its warnings.
        case warning(String)
        /// The build succeeds; the closure checks what it wrote.
        case builds(@Sendable (FixtureSite) -> Void)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String: [UInt8]]
        var expect: Expect
        var setUp: (@Sendable (FixtureSite) throws -> Void)? = nil
        var testDescription: String { name }

        init(_ name: String, _ files: [String: String], _ expect: Expect, setUp: (@Sendable (FixtureSite) throws -> Void)? = nil) {
            self.name = name
            self.files = files.mapValues { Array($0.utf8) }
            self.expect = expect
            self.setUp = setUp
        }

        init(_ name: String, bytes: [String: [UInt8]], _ expect: Expect) {
            self.name = name
            self.files = bytes
            self.expect = expect
        }
    }

    static let page = "content/about.md"
    static let meeting = "content/meetings/m.md"

    /// A meeting file with one setting changed: days on line 3, start 4, end 5,
    /// timezone 6, the way to join from line 7, then `rest`.
    static func meetingFile(days: String = "[mon]", start: String = "\"18:30\"", end: String = "\"19:30\"",
                            zone: String? = "America/Chicago", join: String = "online: https://example.org/join\n",
                            rest: String = "") -> String {
        "---\ntitle: M\ndays: \(days)\nstart: \(start)\nend: \(end)\n" + (zone.map { "timezone: \($0)\n" } ?? "# no time zone\n")
            + join + rest + "---\n\nText.\n"
    }

    /// site.yaml of a site with a Spanish part (content/es/), without a menu to translate.
    static let spanish = "title: T\nlanguages:\n  es:\n    title: S\n"

    static let cases: [Case] = [
        Case("malformed YAML", [page: "---\ntitle: \"About\nx\n---\n"],
             .error("content/about.md:4:1: error: the settings are not valid YAML: a quote or bracket is opened and never closed")),
        Case("tab in YAML indentation", [page: "---\ntitle: About\nmenu:\n\t- a\n---\n"],
             .error("content/about.md:4:1: error: a tab is used for indentation; YAML allows only spaces there")),
        Case("missing front matter end", [page: "---\ntitle: About\n\nText\n"],
             .error("content/about.md:1:1: error: the front matter that starts here has no closing `---`")),
        Case("no front matter", [page: "# About\n\nText\n"],
             .error("content/about.md:1:1: error: this page has no settings block, so it has no title")),
        Case("empty file", [page: ""],
             .error("content/about.md:1:1: error: this page has no settings block, so it has no title")),
        Case("misspelled key", [page: "---\ntitle: About\ndescripton: x\n---\n"],
             .warning("content/about.md:3:1: warning: 'descripton' is not a setting of a page")),
        Case("key of another kind", [page: "---\ntitle: About\npoints: [1]\n---\n"],
             .warning("content/about.md:3:1: warning: 'points' is not a setting of a page")),
        Case("order is not a number", [page: "---\ntitle: About\norder: two\n---\n"],
             .error("content/about.md:3:8: error: 'order' must be a whole number")),
        Case("quoted number", [page: "---\ntitle: About\norder: \"2\"\n---\n"],
             .error("content/about.md:3:8: error: 'order' must be a whole number")),
        Case("draft is not true or false", [page: "---\ntitle: About\ndraft: maybe\n---\n"],
             .error("content/about.md:3:8: error: 'draft' must be true or false")),
        Case("points are words", ["content/toolbox/x.md": "---\ntitle: X\npoints: [one]\n---\n"],
             .error("content/toolbox/x.md:3:10: error: each item of 'points' must be a whole number")),
        Case("title is a list", [page: "---\ntitle:\n  - a\n  - b\n---\n"],
             .error("content/about.md:3:3: error: 'title' must be text, not a list or a group of settings")),
        Case("empty title", [page: "---\ntitle: \"\"\n---\n"],
             .error("content/about.md:2:1: error: the page has no title")),
        Case("settings are a list", [page: "---\n- title\n---\n"],
             .error("content/about.md:2:1: error: the settings must be `key: value` lines")),
        Case("duplicate key", [page: "---\ntitle: A\ntitle: B\n---\n"],
             .error("content/about.md:2:1: error: a setting is given twice: title")),
        Case("deeply nested YAML", [page: "---\ntitle: A\nx: " + String(repeating: "[", count: 5000) + "\n---\n"],
             .error("content/about.md:3:1: error: the settings are nested more than 40 levels deep")),
        Case("duplicate output path", ["content/toolbox.md": "---\ntitle: Also toolbox\n---\n"],
             .error("content/toolbox/_index.md: error: this page and content/toolbox.md would both be published at /toolbox/")),
        Case("a page where the search page goes", ["content/search.md": "---\ntitle: Search\n---\n"],
             .error("content/search.md: error: this page would be published at /search/, where smartsite puts the search page")),
        Case("link escapes the content folder", [page: "---\ntitle: About\n---\n\n[x](../../etc/passwd.md)\n"],
             .error("content/about.md:5:1: error: the link '../../etc/passwd.md' leads outside the content folder")),
        Case("link to a missing page", [page: "---\ntitle: About\n---\n\nSee [x](toolbox/nope.md).\n"],
             .error("content/about.md:5:5: error: the link 'toolbox/nope.md' leads to content/toolbox/nope.md, which does not exist")),
        Case("link to a missing heading", [page: "---\ntitle: About\n---\n\nSee [x](toolbox/urge-log.md#steps).\n"],
             .error("content/about.md:5:5: error: toolbox/urge-log.md has no heading '#steps'")),
        Case("link to a missing heading on the same page", [page: "---\ntitle: About\n---\n\n## One\n\n[x](#two)\n"],
             .error("content/about.md:7:1: error: there is no heading '#two' on this page")),
        Case("link to a draft", [page: "---\ntitle: About\n---\n\n[x](draft.md)\n", "content/draft.md": "---\ntitle: D\ndraft: true\n---\n"],
             .error("content/about.md:5:1: error: the link 'draft.md' leads to a draft page, which is not published")),
        Case("link to a missing file", [page: "---\ntitle: About\n---\n\n![a chart](chart.png)\n"],
             .error("content/about.md:5:1: error: the link target 'chart.png' does not exist in the content folder")),
        Case("non-UTF-8 bytes", bytes: [page: Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8)],
             .error("content/about.md:2:11: error: this file is not valid UTF-8 (byte 0xE9)")),
        Case("NUL byte", bytes: [page: Array("---\ntitle: A\n---\n\nab".utf8) + [0] + Array("c\n".utf8)],
             .error("content/about.md:5:3: error: this file contains a NUL byte; it looks like a binary file, not Markdown")),
        Case("byte-order mark", bytes: [page: [0xEF, 0xBB, 0xBF] + Array("---\ntitle: About BOM\n---\n\nText\n".utf8)],
             .builds { site in #expect(site.read("about/index.html")?.contains("<h1>About BOM</h1>") ?? false) }),
        Case("Windows line endings", [page: "---\r\ntitle: About CRLF\r\norder: x\r\n---\r\n"],
             .error("content/about.md:3:8: error: 'order' must be a whole number")),
        Case("Windows line endings that build", [page: "---\r\ntitle: About CRLF\r\n---\r\n\r\n## Part\r\n"],
             .builds { site in #expect(site.read("about/index.html")?.contains("<h2 id=\"part\">Part</h2>") ?? false) }),
        Case("a 20 MB file", [page: "---\ntitle: Big\n---\n" + String(repeating: "word ", count: 4_200_000)],
             .error("content/about.md: error: this file is 21,000,019 bytes (20 MB); the largest file smartsite reads is 8,388,608 bytes (8 MB)")),
        Case("deeply nested lists", [page: "---\ntitle: Lists\n---\n\n" + (0..<1000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")],
             .builds { site in #expect(site.read("about/index.html") != nil) }),
        Case("deeply nested quotes", [page: "---\ntitle: Quotes\n---\n\n" + String(repeating: ">", count: 20000) + " deep\n"],
             .builds { site in #expect(site.read("about/index.html")?.contains("deep") ?? false) }),
        Case("deeply nested emphasis", [page: "---\ntitle: Stars\n---\n\n" + String(repeating: "*a ", count: 20000) + String(repeating: "b*", count: 20000) + "\n"],
             .builds { site in #expect(site.read("about/index.html") != nil) }),
        Case("raw script is omitted", [page: "---\ntitle: About\n---\n\n<script>alert('x')</script>\n\nText <img src=x onerror=alert(1)>\n"],
             .builds { site in
                 let html = site.read("about/index.html") ?? ""
                 #expect(!html.contains("<script>alert"))
                 #expect(!html.contains("onerror"))
             }),
        Case("unknown directive", [page: "---\ntitle: About\n---\n\n```tabel\n| a |\n```\n"],
             .error("content/about.md:5:1: error: unknown directive 'tabel'")),
        Case("table row with too many cells", [page: "---\ntitle: About\n---\n\n```table\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n```\n"],
             .error("content/about.md:8:1: error: this row has 3 cells but the header has 2")),
        Case("table without alignment row", [page: "---\ntitle: About\n---\n\n```table\n| a | b |\n| 1 | 2 |\n```\n"],
             .error("content/about.md:7:1: error: the second row of a table must be the alignment row, e.g. `|---|:--:|`")),
        Case("empty callout", [page: "---\ntitle: About\n---\n\n```callout tip\n```\n"],
             .error("content/about.md:5:1: error: this callout is empty")),
        Case("unknown template", [page: "---\ntitle: About\nlayout: fancy\n---\n"],
             .error("content/about.md:2:1: error: there is no template 'fancy' (no templates/fancy.mustache)")),
        Case("Mustache syntax error", ["templates/page.mustache": "{{<base}}{{$main}}\n<h1>{{#page}}{{page.title}}</h1>\n{{/main}}{{/base}}\n"],
             .error("templates/page.mustache:3:4: error: template syntax: a closing tag does not match the section it closes")),
        Case("missing partial", ["templates/base.mustache": "<html>\n  {{>partials/footer}}{{$main}}{{/main}}</html>\n"],
             .error("templates/base.mustache:2:3: error: there is no template named 'partials/footer'")),
        Case("missing required template", [:],
             .error("templates/search.mustache: error: this template is missing; every site needs it"),
             setUp: { site in try FileManager.default.removeItem(at: site.templates.appendingPathComponent("search.mustache")) }),
        Case("provider without a name", ["content/providers/a.md": "---\ntitle: A center\ncity: Reno\n---\n"],
             .error("content/providers/a.md:2:1: error: a provider page has no 'name'")),
        Case("provider services not a list", ["content/providers/a.md": "---\nname: A\nservices: detox\n---\n"],
             .error("content/providers/a.md:3:11: error: 'services' must be a list")),
        Case("point out of range", ["content/program/coping.md": "---\ntitle: Coping\npoint: 7\n---\n"],
             .error("content/program/coping.md:2:1: error: 'point' must be 1, 2, 3 or 4 (it is 7)")),
        Case("points out of range", ["content/toolbox/urge-log.md": "---\ntitle: Urge Log\npoints: [5]\n---\n"],
             .error("content/toolbox/urge-log.md:2:1: error: 'points' may only hold 1, 2, 3 and 4 (found 5)")),
        Case("tool names a missing worksheet", ["content/toolbox/urge-log.md": "---\ntitle: Urge Log\nworksheet: urge-logg\n---\n"],
             .error("content/toolbox/urge-log.md:2:1: error: the worksheet 'urge-logg' does not exist (no content/worksheets/urge-logg.md)")),
        // A second language: content/es/ beside content/, named in site.yaml.
        Case("a translation_of that names no page", ["content/site.yaml": spanish, "content/es/toolbox/registro.md": "---\ntitle: Registro\ntranslation_of: toolbox/urge-logg.md\n---\n"],
             .onlyError("content/es/toolbox/registro.md:3:1: error: 'translation_of' names content/toolbox/urge-logg.md, which is not a page")),
        Case("two translations of one page", ["content/site.yaml": spanish, "content/es/toolbox/urge-log.md": "---\ntitle: Registro\n---\n",
                                              "content/es/toolbox/registro.md": "---\ntitle: Registro\ntranslation_of: toolbox/urge-log.md\n---\n"],
             .onlyError("content/es/toolbox/urge-log.md:2:1: error: this page and content/es/toolbox/registro.md both translate content/toolbox/urge-log.md")),
        Case("a slug that takes another page's address", ["content/site.yaml": spanish, "content/es/toolbox/b.md": "---\ntitle: B\n---\n",
                                                          "content/es/toolbox/a.md": "---\ntitle: A\nslug: b\n---\n"],
             .error("content/es/toolbox/b.md:2:1: error: this page would be published at /es/toolbox/b/, where content/es/toolbox/a.md is")),
        Case("a language code that is no code", ["content/site.yaml": "title: T\nlanguages:\n  Spanish:\n    title: S\n"],
             .onlyError("content/site.yaml:3:3: error: 'Spanish' is not a language code smartsite can use as a folder and an address")),
        Case("a language without its words file", ["content/site.yaml": "title: T\nlanguages:\n  fr:\n    title: F\n", "content/fr/_index.md": "---\ntitle: Accueil\n---\n"],
             .onlyError("templates/i18n/fr.yaml: error: the words of the language 'fr' are missing")),
        Case("a words file that lacks a key", ["templates/i18n/es.yaml": "language_name: Español\n", "content/site.yaml": spanish,
                                               "content/es/_index.md": "---\ntitle: Inicio\n---\n"],
             .error("templates/i18n/es.yaml: error: the key 'and' is missing")),
        Case("menu names a missing page", ["content/site.yaml": "title: T\nmenu:\n  - title: Tools\n    page: tools/_index.md\n"],
             .error("content/site.yaml: error: the menu entry 'Tools' names 'tools/_index.md', which is not a page in content/")),
        Case("a brand colour white text cannot be read on", ["content/site.yaml": "title: T\nbase_url: https://example.org/\ncolors:\n  brand: \"#6fa8dc\"\n"],
             .error("content/site.yaml:4:10: error: the brand colour #6fa8dc has a contrast of 2.5:1 with white; text on it (and in it, on the page) needs at least 4.5:1 to be readable (WCAG AA)")),
        Case("a colour that is not one", ["content/site.yaml": "title: T\nbase_url: https://example.org/\ncolors:\n  accent: teal-ish\n"],
             .error("content/site.yaml:4:11: error: the accent colour 'teal-ish' is not a colour smartsite can read")),
        Case("a colour without quotes, which YAML reads as a comment", ["content/site.yaml": "title: T\nbase_url: https://example.org/\ncolors:\n  brand: #6a2c70\n"],
             .error("content/site.yaml:4:9: error: the brand colour is empty (without quotes, YAML reads a # and all after it as a comment)")),
        Case("colors written on one line", ["content/site.yaml": "title: T\nbase_url: https://example.org/\ncolors: \"#0b5563\"\n"],
             .error("content/site.yaml:3:9: error: 'colors' must be a group of settings")),
        Case("a logo that is not there", ["content/site.yaml": "title: T\nbase_url: https://example.org/\nlogo: images/logoo.svg\n", "content/images/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"],
             .error("content/site.yaml:3:7: error: 'logo' names 'images/logoo.svg', which does not exist (no content/images/logoo.svg)")),
        Case("a logo with a script in it", ["content/site.yaml": "title: T\nbase_url: https://example.org/\nlogo: logo.svg\n", "content/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg' onload ='fetch(1)'/>"],
             .error("content/site.yaml:3:7: error: the logo content/logo.svg has a script or event handler in it, which would run for anyone who opens it")),
        Case("a logo outside the content folder", ["content/site.yaml": "title: T\nbase_url: https://example.org/\nlogo: ../../etc/logo.png\n"],
             .error("content/site.yaml:3:7: error: 'logo' names '../../etc/logo.png', which is not a file below the content folder")),
        Case("a logo that is a document", ["content/site.yaml": "title: T\nbase_url: https://example.org/\nlogo: images/logo.pdf\n"],
             .error("content/site.yaml:3:7: error: the logo 'images/logo.pdf' is not an SVG, PNG, JPEG or WebP image")),
        Case("a page image that is not there", [page: "---\ntitle: About\nimage: room.jpg\n---\n\nText.\n"],
             .error("content/about.md:3:1: error: 'image' names 'room.jpg', which does not exist (no content/room.jpg)")),
        Case("the logo and colours of site.yaml", ["content/site.yaml": "title: T\nbase_url: https://example.org/\nlogo: images/logo.svg\ncolors:\n  brand: \"#6a2c70\"\n  accent: \"#a4431b\"\n",
                                                   "content/images/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 2 2'><circle cx='1' cy='1' r='1'/></svg>",
                                                   page: "---\ntitle: About\nimage: images/room.png\nimage_alt: Chairs in a circle\n---\n\nText.\n"],
             .builds { site in
                 let html = site.read("about/index.html") ?? ""
                 #expect(html.contains("class=\"site-logo\" src=\"../images/logo.svg\""), "\(html)")
                 #expect(html.contains("<link rel=\"icon\" href=\"../images/logo.svg\" type=\"image/svg+xml\">"))
                 #expect(html.contains("--brand: #6a2c70") && html.contains("--accent: #a4431b"))
                 #expect(html.contains("<meta name=\"theme-color\" content=\"#6a2c70\">"))
                 // The page's own photo, at an absolute address, is its picture on social media.
                 #expect(html.contains("<meta property=\"og:image\" content=\"https://example.org/images/room."), "\(html)")
                 #expect(html.contains("<meta property=\"og:image:alt\" content=\"Chairs in a circle\">"))
                 #expect(site.read("images/logo.svg")?.contains("<circle") == true)
                 // A page without a photo is shared with the logo, drawn as a PNG (social media show no SVG).
                 let home = site.read("index.html") ?? ""
                 #expect(home.contains("<meta property=\"og:image\" content=\"https://example.org/images/logo.") && home.contains(".512.png\">"), "\(home)")
             }, setUp: { site in
                 // The shipped templates, which show the logo, favicon, colours and og:image.
                 try FileManager.default.removeItem(at: site.templates)
                 try FileManager.default.copyItem(at: SmartsiteProgram.packageRoot.appendingPathComponent("templates"), to: site.templates)
                 try TestPhotos.plain(site.root.appendingPathComponent("content/images/room.png"), width: 1600, height: 900)
             }),
        Case("site.yaml without a title", ["content/site.yaml": "language: en\n"],
             .error("content/site.yaml:1:1: error: the setting 'title' is required")),
        Case("site.yaml malformed", ["content/site.yaml": "title: [x\n"],
             .error("content/site.yaml:2:1: error: the settings are not valid YAML: a list in [brackets] is not closed")),
        Case("site.yaml missing", [:],
             .error("content/site.yaml: error: the site settings file is missing"),
             setUp: { site in try FileManager.default.removeItem(at: site.content.appendingPathComponent("site.yaml")) }),
        Case("worksheet names a missing tool page", ["content/worksheets/w.md": "---\ntitle: W\ntool: urge-logg\n---\n\n```field Name\n```\n"],
             .onlyError("content/worksheets/w.md:3:1: error: 'tool' names the tool page 'urge-logg', which does not exist (no content/toolbox/urge-logg.md)")),
        Case("worksheets section page is not a worksheet", ["content/worksheets/_index.md": "---\ntitle: Worksheets\n---\n\nPrint these.\n"],
             .onlyError("content/worksheets/_index.md: error: this would be a worksheet named '_index'; the list of worksheets is made by smartsite")),
        Case("worksheet with an unknown block", ["content/worksheets/w.md": "---\ntitle: W\n---\n\n```feild Name\n```\n"],
             .error("content/worksheets/w.md:5:1: error: unknown worksheet block `feild`")),
        Case("worksheet with an unknown orientation", ["content/worksheets/w.md": "---\ntitle: W\norientation: sideways\n---\n\n```lines 2 A\n```\n"],
             .error("content/worksheets/w.md:3:1: error: 'orientation' must be `portrait` or `landscape`, not `sideways`")),
        Case("worksheet table with an unknown column width", ["content/worksheets/w.md": "---\ntitle: W\n---\n\n```table rows=2 T\nWhen | tiny\n```\n"],
             .error("content/worksheets/w.md:6:1: error: `tiny` is not a column width")),
        Case("worksheet with a negative line count", ["content/worksheets/w.md": "---\ntitle: W\n---\n\n```lines -3 What happened?\n```\n"],
             .error("content/worksheets/w.md:5:1: error: `lines` needs the number of lines first, from 1 to 30")),
        // Templates that would crash or print nothing (safety issue, items 2 and 10)
        Case("a partial that includes itself", ["templates/partials/help.mustache": "<p>{{site.title}}</p>\n{{>partials/help}}\n"],
             .error("templates/partials/help.mustache:2:1: error: this template includes itself, which would never end ('partials/help' includes 'partials/help' (templates/partials/help.mustache:2))")),
        Case("two partials that include each other", ["templates/partials/help.mustache": "{{>partials/more}}", "templates/partials/more.mustache": "x\n {{> partials/help }}"],
             .error("templates/partials/help.mustache:1:1: error: these templates include each other in a circle, which would never end: 'partials/help' includes 'partials/more' (templates/partials/help.mustache:1), 'partials/more' includes 'partials/help' (templates/partials/more.mustache:2)")),
        Case("a page template that includes itself by its kind", ["templates/page.mustache": "{{<base}}{{$main}}{{>*page.kind}}{{/main}}{{/base}}\n"],
             .error("templates/page.mustache:1:19: error: this template includes itself, which would never end ('page' includes 'page' (templates/page.mustache:1))")),
        Case("a misspelled template value", ["templates/page.mustache": "{{<base}}{{$main}}\n<h1>{{page.titel}}</h1>{{/main}}{{/base}}\n"],
             .warning("templates/page.mustache:2:5: warning: no page has a value named 'page.titel', so this prints nothing")),
        Case("a page of more than 50 MB", [page: "---\ntitle: Big\n---\n\n" + String(repeating: "A line of text.\n", count: 480_000),
                                            "templates/page.mustache": "{{<base}}{{$main}}" + String(repeating: "{{{page.content}}}", count: 8) + "{{/main}}{{/base}}\n"],
             .error("content/about.md: error: the page made from templates/page.mustache is 61,440,157 bytes (58.6 MB) of HTML, over the limit of 52,428,800 bytes (50 MB)")),
        // Links and settings that leave the site or run a script (items 5 and 9)
        Case("a provider website that runs a script", ["content/providers/a.md": "---\nname: A\nwebsite: \"javascript:alert(1)\"\n---\n"],
             .error("content/providers/a.md:3:10: error: 'website' uses 'javascript:', which a site may not link to; only https:, http:, mailto:, tel:, sms: or a path on this site are allowed")),
        Case("an insurance link with a hidden tab", ["content/providers/a.md": "---\nname: A\ninsurance_verification: \"java\\tscript:alert(1)\"\n---\n"],
             .error("content/providers/a.md:3:25: error: 'insurance_verification' contains a control character (such as a tab or a line break)")),
        Case("a menu entry that runs a script", ["content/site.yaml": "title: T\nmenu:\n  - title: Tools\n    url: JavaScript:alert(1)\n"],
             .error("content/site.yaml:4:10: error: 'url' uses 'javascript:', which a site may not link to; only https:, http:, mailto:, tel:, sms: or a path on this site are allowed")),
        Case("a help line website that is a data address", ["content/site.yaml": "title: T\nhelp_lines:\n  - name: X\n    website: \"data:text/html,<script>x</script>\"\n"],
             .error("content/site.yaml:4:14: error: 'website' uses 'data:', which a site may not link to; only https:, http:, mailto:, tel:, sms: or a path on this site are allowed")),
        Case("a base URL that is not a web address", ["content/site.yaml": "title: T\nbase_url: ftp://example.org/\n"],
             .error("content/site.yaml:2:11: error: 'base_url' uses 'ftp:', which a site may not link to; only https:, http:, mailto:, tel:, sms: or a path on this site are allowed")),
        Case("a relative base URL, which would mean another place on every page", ["content/site.yaml": "title: T\nbase_url: recovery/\n"],
             .error("content/site.yaml:2:11: error: 'base_url' must be a web address (https://…) or a path (/…)")),
        Case("a script link in Markdown", [page: "---\ntitle: About\n---\n\n[click](javascript:alert(1)) and [more](VBScript:x)\n"],
             .warning("content/about.md:5:1: warning: the link 'javascript:alert(1)' uses 'javascript:', which a page may not link to, so it was removed")),
        Case("a link that climbs out of the content folder", [page: "---\ntitle: About\n---\n\n[x](../../../../etc/passwd)\n"],
             .error("content/about.md:5:1: error: the link '../../../../etc/passwd' leads outside the content folder")),
        Case("a link to the top of the host", [page: "---\ntitle: About\n---\n\nSee [x](/etc/passwd).\n"],
             .error("content/about.md:5:5: error: the link '/etc/passwd' starts with /, so on the web it leads to the top of whatever server hosts the site, not to a page of it")),
        Case("a page file name with a question mark", ["content/what?.md": "---\ntitle: What\n---\n"],
             .error("content/what?.md: error: the file name has '?' in it, which cannot be part of a page's web address")),
        // What is published (items 3 and 4)
        Case("a link to a file outside the content folder", [:],
             .error("content/passwd.txt: error: this is a link to /etc/passwd, outside content/; smartsite does not read or publish files from outside the folder"),
             setUp: { site in
                 try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("passwd.txt").path, withDestinationPath: "/etc/passwd")
             }),
        Case("a page that is a link to a file outside", [:],
             .error("content/hosts.md: error: this is a link to /etc/hosts, outside content/; smartsite does not read or publish files from outside the folder"),
             setUp: { site in
                 try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("hosts.md").path, withDestinationPath: "/etc/hosts")
             }),
        Case("a template that is a link to a file outside", [:],
             .error("templates/partials/footer.mustache: error: this is a link to /etc/passwd, outside templates/; smartsite does not read or publish files from outside the folder"),
             setUp: { site in
                 try FileManager.default.createSymbolicLink(atPath: site.templates.appendingPathComponent("partials/footer.mustache").path,
                                                            withDestinationPath: "/etc/passwd")
             }),
        Case("a stylesheet that is a link to a file outside", [:],
             .error("templates/assets/extra.css: error: this is a link to /etc/passwd, outside templates/assets/; smartsite does not read or publish files from outside the folder"),
             setUp: { site in
                 try FileManager.default.createSymbolicLink(atPath: site.templates.appendingPathComponent("assets/extra.css").path,
                                                            withDestinationPath: "/etc/passwd")
             }),
        Case("a link spelled with %2e%2e that climbs out", [page: "---\ntitle: About\n---\n\n[x](%2e%2e/%2e%2e/etc/passwd)\n"],
             .error("content/about.md:5:1: error: the link '%2e%2e/%2e%2e/etc/passwd' leads outside the content folder")),
        Case("files nothing links to are not published", ["content/notes.txt": "call Sam re: intake", "content/site.css~": "old",
                                                          "content/.secret": "x", "content/#draft.md#": "x", "content/toolbox/.urge-log.md.swp": "x"],
             .builds { site in
                 for path in ["notes.txt", "site.css~", ".secret", "#draft.md#", "toolbox/.urge-log.md.swp"] {
                     #expect(site.read(path) == nil, "\(path) was published")
                 }
             }),
        Case("a linked image is published where the link leads", [page: "---\ntitle: About\n---\n\n![Our meeting room](images/room.png)\n[flyer](files/flyer%20one.pdf)\n",
                                                                 "content/files/flyer one.pdf": "PDF"],
             .builds { site in
                 #expect(site.read("images/room.png")?.dropFirst().hasPrefix("PNG") == true)
                 #expect(site.read("files/flyer one.pdf") == "PDF")
                 let html = site.read("about/index.html") ?? ""
                 // A photo is published as a <picture> whose addresses climb out of about/.
                 #expect(html.contains("<picture>") && html.contains("src=\"../images/room"), "\(html)")
                 #expect(html.contains("href=\"../files/flyer%20one.pdf\""), "\(html)")
             }, setUp: { site in
                 try TestPhotos.plain(site.root.appendingPathComponent("content/images/room.png"), width: 320, height: 200)
             }),
        Case("a linked file that would replace one smartsite makes", [page: "---\ntitle: About\n---\n\n[index](search.json)\n", "content/search.json": "[]"],
             .error("content/search.json: error: this file would take the place of output/search.json, which smartsite makes")),
        Case("a linked file in place of a stylesheet", [page: "---\ntitle: About\n---\n\n[css](assets/site.css)\n", "content/assets/site.css": "x"],
             .error("content/assets/site.css: error: this file would take the place of output/assets/site.css, which smartsite makes")),
        Case("addresses in the sitemap are percent-encoded", ["content/a \"b\".md": "---\ntitle: Quoted\n---\n", "content/reunión.md": "---\ntitle: R\n---\n"],
             .builds { site in
                 let sitemap = site.read("sitemap.xml") ?? ""
                 #expect(sitemap.contains("<loc>https://example.org/recovery/a%20%22b%22/</loc>"), "\(sitemap)")
                 #expect(sitemap.contains("<loc>https://example.org/recovery/reuni%C3%B3n/</loc>"), "\(sitemap)")
             }),
        // One mistake, one error (first-day issue): the pages linking to a page
        // that cannot be read, and the menu entry naming it, say nothing more.
        Case("a colon in a title", ["content/toolbox/_index.md": "---\ntitle: Tools: all of them\n---\n\nAll tools.\n"],
             .onlyError("content/toolbox/_index.md:2:13: error: the settings are not valid YAML: there is a ':' inside a value")),
        Case("an @ at the start of a value", ["content/toolbox/urge-log.md": "---\ntitle: @home\n---\n"],
             .onlyError("content/toolbox/urge-log.md:2:8: error: the settings are not valid YAML: a value starts with a character YAML keeps for itself (such as @, ` or %)")),
        Case("a page with no title that others link to", ["content/toolbox/urge-log.md": "---\ndescription: no title\n---\n"],
             .onlyError("content/toolbox/urge-log.md:2:1: error: the page has no title")),
        Case("a callout of a kind that does not exist", [page: "---\ntitle: About\n---\n\n```callout danger\nDo not stop drinking suddenly.\n```\n"],
             .error("content/about.md:5:1: error: 'danger' is not a kind of callout; the kinds are note, tip and warning")),
        Case("a misspelled callout kind", [page: "---\ntitle: About\n---\n\n```callout warnign\nText.\n```\n"],
             .error("content/about.md:5:1: error: 'warnign' is not a kind of callout; the kinds are note, tip and warning")),
        Case("a callout with a one-word title still builds", [page: "---\ntitle: About\n---\n\n```callout Reminder\nBring the worksheet.\n```\n"],
             .builds { site in #expect(site.read("about/index.html")?.contains("Reminder") ?? false) }),
        Case("a fence that is never closed", [page: "---\ntitle: About\n---\n\n## One\n\n```\ncode\n\n## Two\n"],
             .warning("content/about.md:7:1: warning: this ``` block is never closed, so everything after it shows as code")),
        Case("reviewed is not a date", [page: "---\ntitle: About\nreviewed: last week\n---\n"],
             .error("content/about.md:3:1: error: 'reviewed' must be a date written year-month-day")),
        Case("reviewed is a day that does not exist", [page: "---\ntitle: About\nreviewed: 2026-02-30\n---\n"],
             .error("content/about.md:3:1: error: 'reviewed' must be a date written year-month-day")),
        Case("reviewed is a setting of every page", [page: "---\ntitle: About\nreviewed: 2026-12-01\n---\n", "content/toolbox/x.md": "---\ntitle: X\nreviewed: 2026-12-01\n---\n"],
             .builds { site in
                 #expect(site.read("about/index.html")?.contains("About") == true)
             }),
        Case("a layout that leaves out the help lines", ["templates/page.mustache": "<html><title>{{page.title}}</title><body>{{{page.content}}}</body></html>\n"],
             .builds { site in
                 let lines = [SiteConfig.HelpLine(name: "988 Suicide & Crisis Lifeline", phone: "988")]
                 let errors = HelpLinesCheck.check(outputFolder: site.output, lines: lines).map { $0.description.prefix { $0 != "\n" } }
                 #expect(errors.count == 1, "\(errors)")
                 #expect(errors.first?.hasPrefix("templates: error:") == true && errors.first?.contains("'988 Suicide & Crisis Lifeline' (its name, a link \"tel:988\" missing)") == true, "\(errors)")
             }),
        Case("a layout that keeps the help lines", ["templates/partials/help.mustache": "{{#site.help_lines}}<a href=\"{{phone_url}}\">{{name}}</a>{{/site.help_lines}}"],
             .builds { site in
                 let lines = [SiteConfig.HelpLine(name: "988 Suicide & Crisis Lifeline", phone: "988")]
                 let errors = HelpLinesCheck.check(outputFolder: site.output, lines: lines).map(\.description)
                 #expect(errors.isEmpty, "\(errors)")
             }),
        Case("a provider's address in the US form", ["content/providers/a.md": "---\nname: A\nstreet: 1 Main St\ncity: Portland\nregion: OR\npostal_code: \"97201\"\n---\n",
                                                      "templates/provider.mustache": "{{#provider.address}}<p>{{.}}</p>{{/provider.address}}"],
             .builds { site in #expect(site.read("providers/a/index.html") == "<p>1 Main St</p><p>Portland, OR 97201</p>") }),
        Case("a reviewed date shows on the page", [page: "---\ntitle: About\nreviewed: 2026-12-01\n---\n",
                                                   "templates/page.mustache": "{{#page.reviewed}}<time datetime=\"{{page.reviewed_date}}\">{{page.reviewed}}</time>{{/page.reviewed}}"],
             .builds { site in #expect(site.read("about/index.html") == "<time datetime=\"2026-12-01\">1 December 2026</time>") }),
        // Meetings (content/meetings/): each mistake at its value, with the fix.
        Case("a meeting on a day that does not exist", [meeting: meetingFile(days: "[mon, funday]")],
             .onlyError("content/meetings/m.md:3:13: error: 'funday' is not a day of the week")),
        Case("a meeting at 25:99", [meeting: meetingFile(start: "\"25:99\"")],
             .onlyError("content/meetings/m.md:4:8: error: '25:99' is not a time of day")),
        Case("a meeting that ends before it starts", [meeting: meetingFile(start: "\"18:30\"", end: "\"17:00\"")],
             .onlyError("content/meetings/m.md:5:6: error: the meeting ends (17:00) before it starts (18:30)")),
        Case("an overnight meeting builds", [meeting: meetingFile(start: "11 pm", end: "\"01:00\"", rest: "overnight: true\n"),
                                             "templates/meeting.mustache": "{{#meeting}}{{start_24}}-{{end_24}}{{#overnight}}+1{{/overnight}}{{/meeting}}"],
             .builds { site in
                 #expect(site.read("meetings/m/index.html") == "23:00-01:00+1")
                 #expect(site.read("meetings/m/m.ics")?.contains("DTEND;TZID=America/Chicago:20260106T010000\r\n") == true)
             }),
        Case("a meeting at 6:30 pm", [meeting: meetingFile(start: "6:30 pm", end: "8 PM"),
                                      "templates/meeting.mustache": "{{#meeting}}{{start_24}}-{{end_24}} {{start}}{{/meeting}}"],
             .builds { site in #expect(site.read("meetings/m/index.html") == "18:30-20:00 6:30 pm") }),
        Case("a meeting in an unknown time zone", [meeting: meetingFile(zone: "America/Gotham")],
             .onlyError("content/meetings/m.md:6:11: error: 'America/Gotham' is not a time zone")),
        Case("a meeting with no time zone anywhere", [meeting: meetingFile(zone: nil)],
             .onlyError("content/meetings/m.md:2:1: error: the meeting has no time zone")),
        Case("an unknown time zone in site.yaml", ["content/site.yaml": "title: T\ntimezone: Mars/Olympus_Mons\n"],
             .onlyError("content/site.yaml:2:11: error: 'Mars/Olympus_Mons' is not a time zone")),
        Case("a meeting place without a city", [meeting: meetingFile(join: "place:\n  name: Church hall\n")],
             .onlyError("content/meetings/m.md:8:3: error: the meeting's place has no city")),
        Case("a meeting with neither place nor link", [meeting: meetingFile(join: "")],
             .onlyError("content/meetings/m.md:2:1: error: the meeting has neither a `place` nor an `online` link")),
        Case("an online meeting link that is not https", [meeting: meetingFile(join: "online: http://example.org/join\n")],
             .onlyError("content/meetings/m.md:7:9: error: 'online' must be an https:// link")),
        Case("an online meeting link that is a script", [meeting: meetingFile(join: "online: javascript:alert(1)\n")],
             .onlyError("content/meetings/m.md:7:9: error: 'online' must be an https:// link")),
        Case("a meeting host that is not a provider page", [meeting: meetingFile(rest: "host: toolbox/urge-log.md\n")],
             .onlyError("content/meetings/m.md:8:7: error: 'host' must be a provider page (providers/NAME.md), and 'toolbox/urge-log.md' is not one")),
        Case("a meeting skipping a day it does not meet", [meeting: meetingFile(rest: "skip: [2026-12-21, 2026-12-22]\n")],
             .onlyError("content/meetings/m.md:8:20: error: 2026-12-22 is a Tuesday, and the meeting does not meet on that day")),
        Case("a meeting for an unknown audience", [meeting: meetingFile(rest: "audience: family\n")],
             .onlyError("content/meetings/m.md:8:11: error: 'family' is not an audience smartsite knows")),
        Case("a meeting in a language that is not a code", [meeting: meetingFile(rest: "language: Spanish language\n")],
             .onlyError("content/meetings/m.md:8:11: error: 'Spanish language' is not a language code")),
        Case("a meeting until before from", [meeting: meetingFile(rest: "from: 2027-02-01\nuntil: 2027-01-04\n")],
             .onlyError("content/meetings/m.md:9:8: error: 'until' (2027-01-04) is before 'from' (2027-02-01)")),
        Case("symlink loop", [:],
             .warning("content/loop: warning: a link to a folder is not followed (it could loop)"),
             setUp: { site in
                 try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("loop").path,
                                                            withDestinationPath: site.content.path)
             }),
    ]

    @Test func theCorpusIsLarge() {
        #expect(Self.cases.count >= 60)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count, "two cases share a name")
    }

    @Test(arguments: cases)
    func badInputGivesItsDiagnosticAndLeavesOutputAlone(_ testCase: Case) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        // The working folder is the whole process's: it goes back before the
        // fixture is deleted (defers run last first), or a program another
        // suite starts meanwhile would be started in a folder that is gone
        // (posix_spawn then fails as if the program did not exist).
        let previousDirectory = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(site.root.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previousDirectory) }
        // The worksheet cases need worksheets; everything else builds the pages only.
        let worksheets = testCase.files.keys.contains { $0.hasPrefix("content/worksheets/") }
        let options = BuildOptions(contentFolder: "content", templatesFolder: "templates", outputFolder: "output",
                                   buildWorksheets: worksheets)
        _ = try SiteBuilder.build(options)
        let before = site.snapshot()
        try testCase.setUp?(site)
        for (path, bytes) in testCase.files {
            let url = site.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        var diagnostics: [Diagnostic] = []
        var failed = false
        do {
            diagnostics = try SiteBuilder.build(options).warnings
        } catch {
            failed = true
            diagnostics = error.diagnostics
        }
        let lines = diagnostics.map { $0.description.prefix { $0 != "\n" } }.map(String.init)
        switch testCase.expect {
        case .error(let expected):
            #expect(failed, "the build should fail")
            #expect(lines.contains(expected), "expected\n  \(expected)\ngot\n  \(lines.joined(separator: "\n  "))")
            #expect(site.snapshot() == before, "the previous output changed")
        case .onlyError(let expected):
            #expect(failed, "the build should fail")
            #expect(lines == [expected], "expected only\n  \(expected)\ngot\n  \(lines.joined(separator: "\n  "))")
        case .warning(let expected):
            #expect(!failed, "the build should succeed: \(lines)")
            #expect(lines.contains(expected), "expected\n  \(expected)\ngot\n  \(lines.joined(separator: "\n  "))")
        case .builds(let check):
            #expect(!failed, "the build should succeed: \(lines)")
            check(site)
        }
    }
}
