import Diagnostics
import Foundation
import Markdown
import Mustache

/// The Mustache templates of `templates/`, read at run time so a new look
/// needs no recompiling. Loaded once per build and shared by every page.
public struct TemplateLibrary: Sendable {
    public let mustache: MustacheLibrary
    public let names: Set<String>
    /// Names in templates that no value has (they print nothing).
    public let warnings: [Diagnostic]

    /// Reads every `.mustache` file below the folder (not `assets/`); a file
    /// `partials/footer.mustache` is named `partials/footer`. Syntax errors,
    /// partials that do not exist and partials that include themselves are
    /// errors with file and line (TemplateChecks).
    public init(folder: URL, displayRoot: String) throws(DiagnosticsError) {
        var files: [String] = []
        Self.collect(folder, relative: "", into: &files)
        guard !files.isEmpty else {
            throw DiagnosticsError([.error(displayRoot, "there are no templates (.mustache files) in this folder",
                                           fix: "run smartsite in the folder that holds templates/, or pass --templates DIR")])
        }
        FastHTMLContentType.register()
        var library = MustacheLibrary()
        var checked: [String: TemplateChecks.Template] = [:]
        var diagnostics: [Diagnostic] = []
        // A template with a syntax error is reported once, not again by every template that uses it.
        var broken: Set<String> = []
        for file in files.sorted() {
            let path = displayRoot + "/" + file
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                diagnostics.append(.error(path, "cannot read this template"))
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            do {
                library.register(try MustacheTemplate(string: Self.contentTypeLine + text), named: name)
                checked[name] = .init(path: path, tags: TemplateTags.scan(text))
            } catch let error as MustacheTemplate.ParserError {
                broken.insert(name)
                // The line put in front of the file is not the editor's: count from their first line.
                diagnostics.append(.error(path, line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber,
                                          "template syntax: \(Self.explain(error.error))",
                                          fix: "check that every {{#section}} and {{<parent}} is closed by a matching {{/name}}"))
            } catch {
                broken.insert(name)
                diagnostics.append(.error(path, "template syntax: \(error)"))
            }
        }
        diagnostics += TemplateChecks(templates: checked, broken: broken).run()
        if diagnostics.contains(where: \.isError) { throw DiagnosticsError(diagnostics) }
        self.mustache = library
        self.names = Set(checked.keys)
        self.warnings = diagnostics
    }

    /// Put in front of every template so `{{value}}` is escaped by
    /// `FastHTMLContentType`. A line of its own is a standalone tag, which
    /// Mustache removes whole, so the page is exactly what it was.
    static let contentTypeLine = "{{% CONTENT_TYPE: \(FastHTMLContentType.name) }}\n"

    /// Renders a template; nil when there is no template of that name.
    public func render(_ context: Any, template name: String) -> String? {
        mustache.render(context, withTemplate: name)
    }

    private static func collect(_ folder: URL, relative: String, into files: inout [String]) {
        let here = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: here.path)) ?? []
        for name in names where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            if path == "assets" { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: here.appendingPathComponent(name).path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                collect(folder, relative: path, into: &files)
            } else if name.hasSuffix(".mustache") {
                files.append(path)
            }
        }
    }

    private static func explain(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a closing tag does not match the section it closes"
        case .unfinishedName?: return "a tag is not finished (missing }})"
        case .expectedSectionEnd?: return "a section is never closed"
        case .invalidSetDelimiter?: return "the set-delimiter tag is malformed"
        default: return "\(error)"
        }
    }
}

