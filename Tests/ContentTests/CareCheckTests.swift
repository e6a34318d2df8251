import Content
import Foundation
import TestSupport
import Testing

/// The care check of `smartsite check`: each rule with input that must
/// trigger it and input that must not.
@Suite struct PersonFirstLanguageTests {
    let english = PersonFirstLanguage(language: "en")

    func found(_ text: String, _ words: PersonFirstLanguage? = nil) -> [String] {
        (words ?? english).findings(in: text).map { "\($0.line):\($0.column) \($0.found) -> \($0.suggest)" }
    }

    @Test(arguments: [
        ("He was called an addict at work.", "1:18 addict -> person with a substance use disorder"),
        ("Two addicts\nspoke.", "1:5 addicts -> people with a substance use disorder"),
        ("A history of substance\nabuse.", "1:14 substance\nabuse -> substance use, or substance use disorder"),
        ("She is an ALCOHOLIC.", "1:11 ALCOHOLIC -> person with an alcohol use disorder"),
        ("A drug abuser, they said.", "1:3 drug abuser -> person who uses drugs"),
        ("He has stayed clean for a year.", "1:15 clean -> not using, in recovery, or testing negative"),
        ("Her habit got worse.", "1:5 habit -> substance use disorder, or the behavior"),
        ("It is not replacement therapy.", "1:11 replacement therapy -> medication for opioid use disorder (MOUD)"),
        ("---\ntitle: For the addict\n---\n", "2:16 addict -> person with a substance use disorder"),
        ("```lines 3 How did the junkie feel?\n```\n", "1:24 junkie -> person who uses drugs"),
        ("The addict’s family.", "1:5 addict’s -> person with a substance use disorder"),
        ("Café — an addict", "1:14 addict -> person with a substance use disorder"),
    ])
    func aLabelIsFoundAtItsLineAndColumnWithItsSuggestion(_ text: String, _ expected: String) {
        #expect(found(text) == [expected])
    }

    @Test(arguments: [
        "Members may call themselves \"alcoholic\" or \"addict\"; that is a tradition.",
        "A quote: “I am an addict,” she said.",
        "Type `addict` in the box.",
        "```text\nan addict\n```\n",
        "See [the page](https://example.org/addict-help/) or https://example.org/abuse.",
        "The National Institute on Drug Abuse and the National Institute on Alcohol Abuse and Alcoholism.",
        "Alcoholics Anonymous and the Substance Abuse and Mental Health Services Administration.",
        "Addiction is treatable. A person with an alcohol use disorder. Addictive behaviors.",
        "The cleanup crew. A cleaner kitchen.",
        "---\nwebsite: https://example.org/addict\n---\n",
        "A quote \"that ends\n\nlater\" leaves the next paragraph checked: no label here.",
    ])
    func wordsThatAreNotLabelsOrAreQuotedAreLeftAlone(_ text: String) {
        #expect(found(text) == [])
    }

    @Test func aQuotationMarkDoesNotHideTheNextParagraph() {
        #expect(found("An open \"quote\n\nand an addict.") == ["3:8 addict -> person with a substance use disorder"])
    }

    @Test func theSiteAddsWordsAndNames() {
        let words = PersonFirstLanguage(language: "en", extraWords: [.init(word: "ex-con", suggest: "person who was in prison")],
                                        names: ["Clean Slate Addict Services"])
        #expect(found("An ex-con. Clean Slate Addict Services.", words) == ["1:4 ex-con -> person who was in prison"])
    }

    @Test func spanishPagesUseTheSpanishList() {
        let spanish = PersonFirstLanguage(language: "es")
        #expect(found("Mi hermano es adicto.", spanish) == ["1:15 adicto -> persona con un trastorno por consumo de sustancias"])
        #expect(found("Alcohólicos Anónimos y la adicción.", spanish) == [])
        #expect(found("He was an addict.", spanish) == [])
    }
}

@Suite struct ReadingLevelTests {
    @Test(arguments: [("cat", 1), ("table", 2), ("make", 1), ("hopes", 1), ("needed", 2), ("beautiful", 3),
                      ("recovery", 4), ("motivation", 4), ("yes", 1), ("wanted", 2)])
    func englishSyllables(_ word: String, _ count: Int) {
        let level = ReadingLevel(text: TextForReading(plain: word + "."), language: "en")
        #expect(level.syllables == count)
    }

    @Test func shortWordsAndSentencesReadAtALowGrade() {
        let level = ReadingLevel(html: "<p>The cat sat on the mat. It was a good day. We had fun.</p>", language: "en")
        #expect(level.sentences == 3)
        #expect(level.words == 14)
        #expect(level.grade < 2)
    }

    @Test func longWordsAndSentencesReadAtAHighGrade() {
        let level = ReadingLevel(html: "<p>Comprehensive multidisciplinary rehabilitation necessitates individualized pharmacological considerations alongside psychotherapeutic interventions administered collaboratively.</p>", language: "en")
        #expect(level.grade > 12)
    }

    @Test func listItemsHeadingsAndCellsEndSentencesAndCodeIsLeftOut() {
        let text = TextForReading(html: "<h2>Steps</h2><ul><li>Call a friend</li><li>Go for a walk</li></ul><table><tr><td>One cell</td></tr></table><pre><code>let x = configuration.value</code></pre><p>Done &amp; dusted.</p>")
        #expect(text.sentences == 5)
        #expect(!text.words.contains("configuration"))
        #expect(text.words.contains("dusted"))
    }

    @Test func spanishUsesFernandezHuerta() {
        let easy = ReadingLevel(html: "<p>El gato come. La casa es roja. Me gusta el sol.</p>", language: "es")
        #expect(easy.formula == "Fernández Huerta")
        #expect(easy.score > 90)
        #expect(easy.grade < 6)
        let hard = ReadingLevel(html: "<p>La rehabilitación interdisciplinaria necesita consideraciones farmacológicas individualizadas conjuntamente con intervenciones psicoterapéuticas administradas colaborativamente.</p>", language: "es")
        #expect(hard.grade > 10)
    }
}

/// The site-level rules, on a real fixture site.
@Suite struct CareCheckTests {
    static let hardParagraph = String(repeating: "Comprehensive multidisciplinary rehabilitation necessitates individualized pharmacological considerations alongside psychotherapeutic interventions administered collaboratively throughout extended institutional treatment. ", count: 8)
    static let easyParagraph = String(repeating: "You can do this. Call a friend when it is hard. Take a walk. Drink some water. Go to bed on time. ", count: 8)
    /// 2026-12-03.
    static let today = ReviewDate("2026-12-03")!.dayNumber

    func warnings(_ files: [String: String], care: String = "") throws -> [String] {
        let site = try FixtureSite()
        defer { site.remove() }
        if !care.isEmpty {
            try site.write("content/site.yaml", "title: T\nhelp_lines:\n  - name: Lifeline\n    phone: \"988\"\n" + care)
        }
        for (path, text) in files { try site.write(path, text) }
        let (loaded, _) = try Site.load(contentRoot: site.content, displayRoot: "content")
        return CareCheck(site: loaded, today: Self.today).run().map { $0.description.components(separatedBy: "\n")[0] }
    }

    @Test func aHardPageIsAboveTheDefaultGradeAndAnEasyOneIsNot() throws {
        let found = try warnings(["content/hard.md": "---\ntitle: Hard\n---\n\n\(Self.hardParagraph)\n",
                                  "content/easy.md": "---\ntitle: Easy\n---\n\n\(Self.easyParagraph)\n"])
        #expect(found.contains { $0.hasPrefix("content/hard.md:2:1: warning: the page reads at grade") && $0.hasSuffix("above the site's limit of grade 8.0") }, "\(found)")
        #expect(!found.contains { $0.hasPrefix("content/easy.md") }, "\(found)")
    }

    @Test func theGradeLimitComesFromSiteYAMLAndShortPagesAreLeftAlone() throws {
        let raised = try warnings(["content/hard.md": "---\ntitle: Hard\n---\n\n\(Self.hardParagraph)\n"], care: "care:\n  reading_grade: 100\n")
        #expect(!raised.contains { $0.contains("reads at grade") }, "\(raised)")
        let short = try warnings(["content/short.md": "---\ntitle: Short\n---\n\nComprehensive multidisciplinary rehabilitation necessitates pharmacology.\n"])
        #expect(!short.contains { $0.contains("reads at grade") }, "\(short)")
    }

    @Test func labelsAreWarnedAboutInPagesAndWorksheetsWithSiteWords() throws {
        let found = try warnings(["content/a.md": "---\ntitle: A\n---\n\nAsk any addict.\n",
                                  "content/worksheets/w.md": "---\ntitle: W\n---\nBreak the habit.\n",
                                  "content/b.md": "---\ntitle: B\n---\n\nA relapser.\n"],
                                 care: "care:\n  words:\n    - word: relapser\n      suggest: person who returned to use\n")
        #expect(found.contains("content/a.md:5:9: warning: 'addict' is a word that can stigmatize (NIDA's \"Words Matter\"); say \"person with a substance use disorder\""), "\(found)")
        #expect(found.contains { $0.hasPrefix("content/worksheets/w.md:4:11: warning: 'habit'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/b.md:5:3: warning: 'relapser'") && $0.contains("person who returned to use") }, "\(found)")
    }

    @Test func healthPagesMustSayWhenTheyWereReviewedWithinAYear() throws {
        let care = "care:\n  health_pages: [help-now.md, safety/]\n"
        let found = try warnings([
            "content/help-now.md": "---\ntitle: Help\n---\n\nCall.\n",                           // health page, no date
            "content/safety/a.md": "---\ntitle: A\nreviewed: 2026-12-01\n---\n\nText.\n",         // recent
            "content/safety/old.md": "---\ntitle: Old\nreviewed: 2025-11-30\n---\n\nText.\n",     // 368 days
            "content/safety/year.md": "---\ntitle: Year\nreviewed: 2025-12-03\n---\n\nText.\n",   // exactly 365 days
            "content/soon.md": "---\ntitle: Soon\nreviewed: 2027-01-01\n---\n\nText.\n",         // not come yet
            "content/other.md": "---\ntitle: Other\n---\n\nText.\n",                              // not a health page
        ], care: care)
        #expect(found.contains("content/help-now.md:2:1: warning: this page gives health or safety information but does not say when it was last reviewed"), "\(found)")
        #expect(found.contains("content/safety/old.md:3:1: warning: the page was last reviewed on 2025-11-30, more than 365 days ago; health facts and phone numbers change"), "\(found)")
        #expect(found.contains("content/soon.md:3:1: warning: the page says it was reviewed on 2027-01-01, a day that has not come yet"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("content/safety/a.md") || $0.hasPrefix("content/safety/year.md") || $0.hasPrefix("content/other.md") }, "\(found)")
    }

    @Test(arguments: ["yesterday", "2026-13-01", "2026-02-30", "26-12-01"])
    func aReviewedDateThatIsNoDateIsAnError(_ value: String) throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/about.md", "---\ntitle: About\nreviewed: \(value)\n---\n")
        #expect(throws: DiagnosticsError.self) { try Site.load(contentRoot: site.content, displayRoot: "content") }
        do {
            _ = try Site.load(contentRoot: site.content, displayRoot: "content")
        } catch {
            #expect(error.diagnostics.map { $0.description.components(separatedBy: "\n")[0] }
                .contains("content/about.md:3:1: error: 'reviewed' must be a date written year-month-day"))
        }
    }

    @Test func reviewDatesCount() {
        #expect(ReviewDate("1970-01-01")!.dayNumber == 0)
        #expect(ReviewDate("2024-03-01")!.dayNumber - ReviewDate("2024-02-28")!.dayNumber == 2)
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates").path
        let words = try? InterfaceWords.load(languages: ["en", "es"], templatesFolder: templates)
        #expect(words?.map { $0.date(ReviewDate("2026-12-01")!) } == ["1 December 2026", "1 de diciembre de 2026"])
        #expect(ReviewDate("2026-02-29") == nil)
    }

    @Test func theReadingTableListsEveryPageHardestFirst() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("content/hard.md", "---\ntitle: Hard\n---\n\n\(Self.hardParagraph)\n")
        let (loaded, _) = try Site.load(contentRoot: site.content, displayRoot: "content")
        let table = CareCheck(site: loaded, today: Self.today).readingTable().components(separatedBy: "\n")
        #expect(table.first?.hasPrefix("Page") == true)
        #expect(table[1].hasPrefix("content/hard.md") && table[1].hasSuffix("above grade 8.0"), "\(table)")
        #expect(table.count == loaded.pages.count + 2)
    }
}

import Diagnostics

/// Every built page must show every help line of site.yaml.
@Suite struct HelpLinesCheckTests {
    static let lines: [SiteConfig.HelpLine] = {
        let yaml = """
            title: T
            help_lines:
              - name: Emergency
                phone: "911"
              - name: 988 Suicide & Crisis Lifeline
                phone: "988"
                text: "988"
                website: https://988lifeline.org/chat/
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("care-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(yaml.utf8).write(to: folder.appendingPathComponent("site.yaml"))
        defer { try? FileManager.default.removeItem(at: folder) }
        return (try? SiteConfig.load(contentRoot: folder, displayRoot: "content").0.helpLines) ?? []
    }()

    static let complete = """
        <aside>Emergency: <a href="tel:911">call 911</a>
        988 Suicide &amp; Crisis Lifeline: <a href="tel:988">call</a> <a href="sms:988">text</a>
        <a href="https://988lifeline.org/chat/">chat</a></aside>
        """

    @Test func aPageWithEveryLineAndLinkPasses() {
        #expect(Self.lines.count == 2)
        #expect(HelpLinesCheck.missing(in: Self.complete, lines: Self.lines).isEmpty)
    }

    @Test(arguments: [
        ("<a href=\"tel:911\">call 911</a>", "", "href=\"tel:911\""),
        ("988 Suicide &amp; Crisis Lifeline", "988 Lifeline", "988 Suicide & Crisis Lifeline"),
        ("href=\"https://988lifeline.org/chat/\"", "href=\"https://988lifeline.org/\"", "href=\"https://988lifeline.org/chat/\""),
    ])
    func aPageThatLacksANumberOrNameIsCaught(_ original: String, _ replacement: String, _ lacks: String) {
        let html = Self.complete.replacingOccurrences(of: original, with: replacement)
        #expect(HelpLinesCheck.missing(in: html, lines: Self.lines).map(\.lacks) == [lacks])
    }

    @Test func aNumberWrittenOutWithoutALinkStillShowsTheLine() {
        let html = Self.complete.replacingOccurrences(of: "<a href=\"tel:911\">call 911</a>", with: "call 911")
        #expect(HelpLinesCheck.missing(in: html, lines: Self.lines).isEmpty)
    }

    @Test func theBuiltSiteIsCheckedPageByPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("care-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("help-now"), withIntermediateDirectories: true)
        try Data(Self.complete.utf8).write(to: folder.appendingPathComponent("index.html"))
        try Data("<p>No help here</p>".utf8).write(to: folder.appendingPathComponent("help-now/index.html"))
        try Data("body {}".utf8).write(to: folder.appendingPathComponent("site.css"))
        let errors = HelpLinesCheck.check(outputFolder: folder, lines: Self.lines)
        #expect(errors.count == 2)
        let allErrors = errors.allSatisfy { $0.isError }
        #expect(allErrors)
        let first = errors.first.map { String(describing: $0) } ?? ""
        #expect(first.hasPrefix("templates: error: 1 built page does not show the help line 'Emergency' (its name, a link \"tel:911\" missing): help-now/index.html"), "\(first)")
        #expect(HelpLinesCheck.check(outputFolder: folder, lines: []).isEmpty)
    }
}
