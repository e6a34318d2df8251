import Content
import Diagnostics
import Foundation
import Markdown
import Mustache
import SourceFiles

/// The Mustache templates of `templates/`, read at run time so a new look
/// needs no recompiling. Loaded once per build and shared by every page.
public struct TemplateLibrary: Sendable {
    public let mustache: MustacheLibrary
    public let names: Set<String>
    /// The partials rendered once per language and depth, by their stand-ins' keys.
    let shared: SharedPartials
    /// Names in templates that no value has (they print nothing).
    public let warnings: [Diagnostic]
    /// Every `{{words.KEY}}` of the templates, checked against the strings files once they are read.
    private let wordUses: [WordUse]

    public struct WordUse: Sendable {
        public var key: String
        public var path: String
        public var line: Int
        public var column: Int
    }

    /// The `words.KEY` names the templates use, in file order.
    public func wordKeys() -> [WordUse] { wordUses }

    /// Reads every `.mustache` file below the folder (not `assets/`); a file
    /// `partials/footer.mustache` is named `partials/footer`. Syntax errors,
    /// partials that do not exist and partials that include themselves are
    /// errors with file and line (TemplateChecks).
    public init(folder: URL, displayRoot: String) throws(DiagnosticsError) {
        // The same walk as content/: no dot-files or backups, and a link that
        // leads out of the folder is an error, not a template read from anywhere.
        let walked = try? ContentFolder(root: folder, displayRoot: displayRoot)
        let files = (walked?.otherFiles ?? []).filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }
        guard !files.isEmpty else {
            throw DiagnosticsError([.error(displayRoot, "there are no templates (.mustache files) in this folder",
                                           fix: "run smartsite in the folder that holds templates/, or pass --templates DIR")])
        }
        FastHTMLContentType.register()
        var library = MustacheLibrary()
        var checked: [String: TemplateChecks.Template] = [:]
        var diagnostics = (walked?.diagnostics ?? []).filter { !$0.path.hasPrefix(displayRoot + "/assets/") }
        // A template with a syntax error is reported once, not again by every template that uses it.
        var broken: Set<String> = []
        // Templates whose tags TemplateTags reads only up to a `{{=<% %>=}}`.
        var delimitersChanged: Set<String> = []
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
                if text.contains("{{=") { delimitersChanged.insert(name) }
            } catch let error as MustacheTemplate.ParserError {
                broken.insert(name)
                // The line put in front of the file is not the editor's: count from their first line.
                diagnostics.append(.error(path, line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber,
                                          "template syntax: \(Self.explain(error.error))",
                                          fix: "check that every {{#section}} and {{<parent}} is closed by a matching {{/name}}"))
            } catch {
                broken.insert(name)
                diagnostics.append(.error(path, "template syntax: the template could not be read"))
            }
        }
        diagnostics += TemplateChecks(templates: checked, broken: broken).run()
        if diagnostics.contains(where: \.isError) { throw DiagnosticsError(diagnostics) }
        self.shared = SharedPartials.install(in: &library, templates: checked, delimitersChanged: delimitersChanged)
        self.mustache = library
        self.names = Set(checked.keys)
        self.warnings = diagnostics
        self.wordUses = checked.sorted { $0.key < $1.key }.flatMap { _, template in
            template.tags.compactMap { tag -> WordUse? in
                guard tag.kind == .value || tag.kind == .section else { return nil }
                let name = TemplateChecks.valueName(tag.name)
                guard name.hasPrefix("words."), name.count > 6 else { return nil }
                return WordUse(key: String(name.dropFirst(6)), path: template.path, line: tag.line, column: tag.column)
            }
        }
    }

    /// Put in front of every template so `{{value}}` is escaped by
    /// `FastHTMLContentType`. A line of its own is a standalone tag, which
    /// Mustache removes whole, so the page is exactly what it was.
    static let contentTypeLine = "{{% CONTENT_TYPE: \(FastHTMLContentType.name) }}\n"

    /// Renders a template; nil when there is no template of that name.
    func render(_ view: TopLevelView, template name: String) -> String? {
        mustache.render(view, withTemplate: name)
    }

    private static func explain(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a closing tag does not match the section it closes"
        case .unfinishedName?: return "a tag is not finished (missing }})"
        case .expectedSectionEnd?: return "a section is never closed"
        case .invalidSetDelimiter?: return "the set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection?: return "a transform such as uppercased() cannot be used on a {{<parent}} or {{$block}}"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            return "inside {{<parent}}...{{/parent}} only {{$block}} sections may stand (text or other tags go inside a block)"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: return "a {{% ... }} setting is not one swift-mustache knows"
        default: return "the template could not be read"
        }
    }
}

