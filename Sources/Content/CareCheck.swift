import Diagnostics
import Foundation
import SourceFiles

/// The care check of `smartsite check`: what a site for people seeking help
/// owes them beyond working links. Person-first language, a plain reading
/// level, and health pages that say when their facts were last checked.
/// (That every page shows the help lines is checked on the built pages, by
/// ``HelpLinesCheck``.)
public struct CareCheck {
    public var site: Site
    /// Today, as a day number (``ReviewDate/dayNumber``); passed in so tests are not tied to the clock.
    public var today: Int

    public init(site: Site, today: Int = ReviewDate.today(secondsSince1970: Date().timeIntervalSince1970)) {
        self.site = site
        self.today = today
    }

    var care: CareSettings { site.config.care }

    public func run() -> [Diagnostic] {
        personFirstLanguage() + readingLevel() + reviewedDates()
    }

    // MARK: Person-first language

    public func personFirstLanguage() -> [Diagnostic] {
        let words = PersonFirstLanguage(language: site.config.language, extraWords: care.words, names: care.names)
        let files = site.pages.map(\.contentPath) + site.worksheetFiles.sorted()
        return files.flatMap { file -> [Diagnostic] in
            guard let source = try? SourceText.read(path: site.folder.filePath(file), displayPath: site.folder.displayPath(file)) else { return [] }
            return words.findings(in: source.text).map { finding in
                .warning(source.path, line: finding.line, column: finding.column,
                         "'\(finding.found)' is a word that can stigmatize (NIDA's \"Words Matter\"); say \"\(finding.suggest)\"",
                         fix: "reword in person-first language, e.g. \"\(finding.suggest)\"; a quotation, code or an organisation's name is left alone (add names under `care: names:` in site.yaml)")
            }
        }
    }

    // MARK: Reading level

    public struct PageReading: Sendable {
        public var page: String
        public var title: String
        public var level: ReadingLevel
    }

    /// Every page's reading level, hardest first.
    public func readingLevels() -> [PageReading] {
        site.pages.map { page in
            PageReading(page: page.sourcePath, title: page.title,
                        level: ReadingLevel(html: page.content.html, language: site.config.language))
        }.sorted { ($0.level.grade, $1.page) > ($1.level.grade, $0.page) }
    }

    public func readingLevel() -> [Diagnostic] {
        let pages = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.sourcePath, $0) })
        return readingLevels().filter { isAboveLimit($0.level) }
            .sorted { $0.page < $1.page }
            .map { reading in
                let line = pages[reading.page]?.settingsLine ?? 1
                return .warning(reading.page, line: line, column: 1,
                    "the page reads at grade \(Self.format(reading.level.grade)) (\(reading.level.formula)), above the site's limit of grade \(Self.format(care.readingGrade))",
                    fix: "use shorter sentences and everyday words; `smartsite check --reading` lists every page by grade (the limit is `care: reading_grade:` in site.yaml)")
            }
    }

    /// The table `check --reading` prints.
    public func readingTable() -> String {
        let rows = readingLevels()
        let width = max(4, rows.map(\.page.count).max() ?? 4)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        func left(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        var lines = ["\(pad("Page", width))  Grade  Words  Sentences"]
        for row in rows {
            let flag = isAboveLimit(row.level) ? "  above grade \(Self.format(care.readingGrade))" : ""
            lines.append("\(pad(row.page, width))  \(left(Self.format(row.level.grade), 5))  \(left(String(row.level.words), 5))  \(left(String(row.level.sentences), 9))\(flag)")
        }
        let formula = ReadingLevel(text: TextForReading(plain: ""), language: site.config.language).formula
        lines.append("Grades by \(formula); the site's limit is grade \(Self.format(care.readingGrade)). Pages under \(ReadingLevel.minimumWords) words get no warning.")
        return lines.joined(separator: "\n")
    }

    /// Compared as shown, to a tenth: a page shown at 8.0 is not above grade 8.
    func isAboveLimit(_ level: ReadingLevel) -> Bool {
        level.words >= ReadingLevel.minimumWords && (level.grade * 10).rounded() > (care.readingGrade * 10).rounded()
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    // MARK: Reviewed dates

    public func reviewedDates() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in site.pages {
            guard let reviewed = page.settings.reviewed else {
                if care.isHealthPage(page.contentPath) {
                    diagnostics.append(.warning(page.sourcePath, line: page.settingsLine, column: 1,
                        "this page gives health or safety information but does not say when it was last reviewed",
                        fix: "check its facts against their sources, then add `reviewed: YYYY-MM-DD` (the day you checked) to the settings"))
                }
                continue
            }
            let age = today - reviewed.dayNumber
            if age > care.reviewedWithinDays {
                diagnostics.append(.warning(page.sourcePath, line: reviewed.line, column: 1,
                    "the page was last reviewed on \(reviewed), more than \(care.reviewedWithinDays) days ago; health facts and phone numbers change",
                    fix: "check the page against its sources, then change `reviewed:` to the day you checked"))
            } else if age < -1 {
                diagnostics.append(.warning(page.sourcePath, line: reviewed.line, column: 1,
                    "the page says it was reviewed on \(reviewed), a day that has not come yet",
                    fix: "write the day the page was checked (year-month-day), not the day of the next review"))
            }
        }
        return diagnostics
    }
}
