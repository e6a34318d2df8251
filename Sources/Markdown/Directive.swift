import Diagnostics

/// A fenced block whose info string names something the site renders itself,
/// e.g. ```` ```table ```` or ```` ```callout tip Try this ````.
public struct DirectiveBlock: Sendable {
    public var name: String
    /// The rest of the info string after the name, trimmed.
    public var arguments: String
    public var body: String
    /// Position of the opening fence in the whole file.
    public var line: Int
    public var column: Int
    /// File line of the first body line.
    public var bodyLine: Int { line + 1 }

    /// A fenced block's info string taken apart, the one way for pages and
    /// worksheets: the first word names the directive, the rest are its
    /// arguments.
    public init(info: String, body: String, line: Int, column: Int) {
        let trimmed = info.trimmingWhitespace
        name = String(trimmed.prefix { !$0.isWhitespace })
        arguments = String(trimmed.dropFirst(name.count)).trimmingWhitespace
        self.body = body
        self.line = line
        self.column = column
    }
}

/// Renders one kind of directive to HTML. Handlers get the renderer so that
/// Markdown inside them (table cells, a callout's body) is rendered with the
/// same link rewriting and collected the same way as the page's own.
public struct HTMLDirective: Sendable {
    public var name: String
    public var render: @Sendable (DirectiveBlock, HTMLRenderer) throws(Diagnostic) -> String

    public init(name: String, render: @escaping @Sendable (DirectiveBlock, HTMLRenderer) throws(Diagnostic) -> String) {
        self.name = name
        self.render = render
    }

    /// The directives every page may use.
    public static let standard: [HTMLDirective] = [.table, .callout]
}

/// Info strings that mean "show this as code", never a directive. Anything
/// else is a directive name, so a typo like `tabel` is an error instead of
/// a code block full of pipes.
public let codeLanguages: Set<String> = [
    "text", "plain", "plaintext", "code", "yaml", "yml", "json", "html", "xml", "css",
    "js", "javascript", "ts", "sh", "shell", "bash", "console", "markdown", "md",
    "swift", "python", "c", "diff", "toml", "mustache", "postscript", "ps", "csv",
]

