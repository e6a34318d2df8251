import Diagnostics
import Foundation
import Markdown
import Yams
import SourceFiles

/// The words smartsite and the templates put on the site and on printed
/// worksheets in one language, from `templates/i18n/CODE.yaml`: one
/// `key: text` per line, the same keys in every language. Templates show
/// them as `{{words.KEY}}`; SiteWords and WorksheetWords are made from
/// them, so no reader-facing word is in smartsite's own code.
public struct InterfaceWords: Sendable {
    public let language: String
    /// The file as messages name it, e.g. `templates/i18n/es.yaml`.
    public let path: String
    public let words: [String: String]
    /// The keys in file order, for the template checks and messages.
    public let keys: [String]

    public init(language: String, path: String, words: [String: String], keys: [String]) {
        self.language = language
        self.path = path
        self.words = words
        self.keys = keys
    }

    /// A word, with `{name}` filled in from `values`. A key no file has is
    /// caught when the files load (`requiredKeys`), so this never guesses.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = words[key] ?? ""
        for (name, value) in values { text = text.replacingOccurrences(of: "{" + name + "}", with: value) }
        return text
    }

    /// A date as the language writes it: "1 December 2026", "1 de diciembre de 2026".
    public func date(_ date: ReviewDate) -> String {
        text("date", ["day": String(date.day), "month": text("month_\(date.month)"), "year": String(date.year)])
    }

    /// The keys smartsite itself uses (SiteWords, WorksheetWords, dates, the
    /// switcher): every language's file must have them.
    public static let requiredKeys = ["language_name", "untranslated_note", "date"] + (1...12).map { "month_\($0)" }
        + ["home", "worksheets", "toolbox", "search_title", "search_description", "not_found_title", "not_found_description",
           "worksheets_title", "worksheets_description", "worksheet_in_search",
           "paper_letter", "paper_a4", "page_number", "page_count_one", "page_count_other", "worksheet_subject",
           "worksheet_keywords", "worksheet_disclaimer", "table_cell", "out_of_ten", "slice_score", "scale_range", "table",
           "need_help", "help_line_call", "help_line_text",
           "large_print", "workbook_title", "part_workbook_title", "workbook_subtitle", "workbook_cover", "workbook_contents"]
        + Weekday.allCases.map { "day_" + $0.rawValue } + Meeting.Audience.allCases.map(audienceKey)
        + ["and", "meeting_online", "meeting_in_person", "meeting_hybrid", "locale", "calendar_example"]
        + markdownKeys
        + ["flyer_title", "flyer_help_heading", "flyer_more_at", "flyer_example_note", "flyer_official_finder",
           "flyer_times_in", "flyer_until", "flyer_example_tag", "flyer_more_meetings"]

    static let markdownKeys = ["callout_note", "callout_tip", "callout_warning", "table"]

    /// The words the Markdown renderer puts on pages in this language.
    public var markdownWords: MarkdownWords {
        MarkdownWords(note: text("callout_note"), tip: text("callout_tip"), warning: text("callout_warning"), table: text("table"))
    }

    /// Every language's Markdown words, read before the pages are (a page's
    /// Markdown is rendered as it loads, before the templates and their words
    /// are). A file that cannot be read is left out here: the full load of
    /// the words after the pages reports it, with the key or line at fault.
    public static func markdownWords(templatesFolder: String) -> [String: MarkdownWords] {
        let folder = templatesFolder + "/i18n"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var labels: [String: MarkdownWords] = [:]
        for file in files where file.hasSuffix(".yaml") && !ContentFolder.isLeftOut(file) {
            let code = String(file.dropLast(".yaml".count))
            guard let words = try? read(code, path: folder + "/" + file),
                  markdownKeys.allSatisfy({ words.words[$0] != nil }) else { continue }
            labels[code] = words.markdownWords
        }
        return labels
    }

    /// `family-and-friends` → `audience_family_and_friends`, a meeting's audience's words.
    public static func audienceKey(_ audience: Meeting.Audience) -> String {
        "audience_" + audience.rawValue.replacingOccurrences(of: "-", with: "_")
    }

    /// Reads the file of every language of the site (the default first)
    /// from `templates/i18n/`. A key one file has and another lacks, or one
    /// smartsite needs, is an error naming the key and the file.
    public static func load(languages: [String], templatesFolder: String) throws(DiagnosticsError) -> [InterfaceWords] {
        var loaded: [InterfaceWords] = []
        var problems: [Diagnostic] = []
        for code in languages {
            let path = templatesFolder + "/i18n/\(code).yaml"
            do throws(Diagnostic) {
                loaded.append(try read(code, path: path))
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        let everyKey = Set(requiredKeys).union(loaded.flatMap(\.keys))
        for words in loaded {
            for key in everyKey.sorted() where words.words[key] == nil {
                let others = loaded.filter { $0.words[key] != nil }.map(\.path)
                problems.append(.error(words.path, "the key '\(key)' is missing",
                                       fix: others.isEmpty ? "add `\(key): ...` (smartsite needs it)"
                                       : "add `\(key): ...` in this language, as \(others.joined(separator: " and ")) has it"))
            }
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
        return loaded
    }

    static func read(_ code: String, path: String) throws(Diagnostic) -> InterfaceWords {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .error(path, "the words of the language '\(code)' are missing",
                         fix: "copy templates/i18n/ from the templates folder that ships with smartsite, and translate a copy of en.yaml as \(code).yaml")
        }
        let source = try SourceText.read(URL(fileURLWithPath: path), displayPath: path)
        let node = try FrontMatter.compose(source.text, path: path, firstLine: 1)
        let settings = try SettingsReader(node, path: path, firstLine: 1)
        var words: [String: String] = [:]
        var keys: [String] = []
        for entry in settings.entries {
            guard let text = try settings.string(entry.key) else {
                let at = settings.position(of: entry.keyNode)
                throw .error(path, line: at.line, column: at.column, "'\(entry.key)' has no words",
                             fix: "write the words after the colon, e.g. `\(entry.key): ...`")
            }
            if words[entry.key] == nil { keys.append(entry.key) }
            words[entry.key] = text
        }
        return InterfaceWords(language: code, path: path, words: words, keys: keys)
    }
}
