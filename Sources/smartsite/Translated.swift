import ArgumentParser
import Content
import Diagnostics
import Foundation
import SiteBuild
import SourceFiles

/// `smartsite translated content/es/toolbox/urge-log.md`: says a translation
/// is up to date with its original, by writing the original's content hash
/// into the translation's settings (`translated_from: sha256:...`). When the
/// original changes later, `check` warns that the translation is older.
struct Translated: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark a translated page as up to date with its original.",
        usage: "smartsite translated <page> [--content <dir>]",
        discussion: "PAGE is a page of another language, e.g. content/es/toolbox/urge-log.md. Run it when the translation is finished; `smartsite check` then warns when the original changes."
    )

    @Argument(help: ArgumentHelp("The translated page, e.g. content/es/toolbox/urge-log.md.", valueName: "page"))
    var page: String

    @Option(help: ArgumentHelp("Folder with site.yaml.", valueName: "dir"))
    var content = "content"

    func run() throws {
        let console = Console()
        do throws(DiagnosticsError) {
            let message = try mark()
            print(message)
        } catch {
            console.printDiagnostics(error.diagnostics)
            throw ExitCode.failure
        }
    }

    func mark() throws(DiagnosticsError) -> String {
        let (config, _) = try SiteConfig.load(contentRoot: URL(fileURLWithPath: content), displayRoot: content)
        let root = content.hasSuffix("/") ? String(content.dropLast()) : content
        let codes = config.languages.map(\.code)
        guard page.hasPrefix(root + "/"), let code = codes.first(where: { page.dropFirst(root.count + 1).hasPrefix($0 + "/") }) else {
            let example = codes.first.map { "\(root)/\($0)/toolbox/urge-log.md" } ?? "\(root)/es/toolbox/urge-log.md"
            throw DiagnosticsError([.error(page, "this is not a page of another language of the site",
                                           fix: codes.isEmpty ? "add the language to `languages:` in \(root)/site.yaml first"
                                           : "give the path of a translated page, e.g. \(example)")])
        }
        let inLanguage = String(page.dropFirst(root.count + 1 + code.count + 1))
        do throws(Diagnostic) {
            let source = try SourceText.read(path: page, displayPath: page)
            let frontMatter = try FrontMatter.split(source)
            let settings = try SettingsReader(frontMatter.compose(), path: page, firstLine: frontMatter.yamlFirstLine)
            let originalPath = try settings.string("translation_of") ?? inLanguage
            let original = root + "/" + originalPath
            guard let hash = TranslationCheck.contentHash(ofFileAt: original) else {
                throw Diagnostic.error(page, "its original \(original) cannot be read",
                                       fix: "check the path, or say which page it translates with `translation_of: PATH` (below \(root)/)")
            }
            guard !frontMatter.isEmpty else {
                throw Diagnostic.error(page, line: 1, column: 1, "this page has no settings block",
                                       fix: "start the file with three lines: `---`, `title: Your title`, `---`")
            }
            let updated = TranslatedFrom.write(hash, into: source.text)
            do {
                try Data(updated.utf8).write(to: URL(fileURLWithPath: page), options: .atomic)
            } catch {
                throw Diagnostic.error(page, "cannot write this file: \(SystemError.text(error))", fix: "check that you may write to it")
            }
            return "Marked \(page) as translated from \(original) (\(hash.prefix(19))…)"
        } catch {
            throw DiagnosticsError([error])
        }
    }
}

/// The `translated_from:` line of a page's settings, written in place of the
/// old one or as the settings' last line, the rest of the file as it was.
enum TranslatedFrom {
    static func write(_ hash: String, into text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let line = "translated_from: \(hash)"
        // The settings block is between the first line (---) and the next ---.
        guard lines.first?.trimmingCharacters(in: .whitespacesAndNewlines) == "---",
              let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespacesAndNewlines) == "---" }) else {
            return text
        }
        if let old = lines[1..<end].firstIndex(where: { $0.hasPrefix("translated_from:") }) {
            lines[old] = line
        } else {
            lines.insert(line, at: end)
        }
        return lines.joined(separator: "\n")
    }
}
