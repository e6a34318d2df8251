import Markdown
import Mustache

/// How `{{value}}` is escaped in every template: the same five characters as
/// swift-mustache's own HTML escaping (`& < > " '`), but over UTF-8 bytes.
/// The library's built-in escaper looks each Character up in a dictionary,
/// which was the largest single cost of rendering a large site; it also left
/// a `<` or `"` raw when a combining mark followed it (one Character then),
/// which this one does not.
///
/// swift-mustache starts every template with its built-in escaper and only
/// switches on a `{{% CONTENT_TYPE: NAME }}` line, so `TemplateLibrary`
/// registers this one under the name "HTML" and puts that line in front of
/// each template it reads (see `TemplateLibrary.contentTypeLine`).
struct FastHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text.htmlEscaped }

    static let name = "HTML"

    /// Registers the escaper. swift-mustache keeps content types in a
    /// process-wide table; registering twice is harmless.
    static func register() {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
    }
}
