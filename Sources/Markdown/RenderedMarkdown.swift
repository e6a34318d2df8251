import Diagnostics

/// A heading of a page, for anchors and the table of contents.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    /// Line in the whole file.
    public var line: Int
}

/// A link or image destination as written, and what it became on the page.
public struct LinkReference: Sendable, Hashable {
    public var destination: String
    public var rewritten: String
    public var text: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
}

/// What rendering one Markdown document gives the rest of the program.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    public var links: [LinkReference]
    /// The first paragraph as plain text: a default description and the
    /// teaser in section lists.
    public var summary: String
    /// All the words a reader sees, for the search index.
    public var plainText: String
    public var diagnostics: [Diagnostic]
}

public struct MarkdownOptions: Sendable {
    /// The file the Markdown came from, as diagnostics should name it.
    public var path: String
    /// Lines of the file before the Markdown body (front matter).
    public var lineOffset: Int
    public var smartPunctuation: Bool
    /// Raw HTML in Markdown is left out unless the site opts in.
    public var allowRawHTML: Bool
    /// The words the renderer puts on the page, in the page's language.
    public var words: MarkdownWords
    /// False when only what the page says is wanted (its headings, links and
    /// text), not its HTML: a page that will render its HTML again when it
    /// is written (PageBodyAgain) skips making it once for nothing.
    public var makesHTML = true
    /// Set, `plainText` is folded and clipped to about this many bytes
    /// (``FoldedText``), all that the search index will take of it.
    public var plainTextLimit: Int?

    public init(path: String, lineOffset: Int = 0, smartPunctuation: Bool = true, allowRawHTML: Bool = false,
                words: MarkdownWords = .english) {
        self.path = path
        self.lineOffset = lineOffset
        self.smartPunctuation = smartPunctuation
        self.allowRawHTML = allowRawHTML
        self.words = words
    }
}
