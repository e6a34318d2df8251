import Markdown

/// One page of the site, loaded from one Markdown file.
///
/// A class, and never changed once loaded: the build hands pages around by
/// the thousand (sorted into section lists, checked, put into template
/// values), and a copy of a class is one reference count, where a copy of
/// the struct this used to be touched every string and array in it.
/// Preview replaces a changed page with a new one (`Site.replacing`).
public final class Page: Sendable {
    /// The file as messages name it, e.g. `content/toolbox/urge-log.md`.
    public let sourcePath: String
    /// Below the content folder, e.g. `toolbox/urge-log.md`.
    public let contentPath: String
    public let kind: PageKind
    public let settings: PageSettings
    public let provider: Provider?
    /// A meeting page's meeting.
    public let meeting: Meeting?
    /// e.g. `toolbox/urge-log/`; the home page is ``.
    public let urlPath: String
    /// The rendered body and what was found in it. Its `summary` is emptied
    /// once ``description`` is made from it (nothing else reads it), and its
    /// `html` is empty when the page did not keep it (``bodyAgain``; a page
    /// is written through ``withBody()``).
    public let content: RenderedMarkdown
    /// How the HTML is made again when loading did not keep it; nil when it did.
    public let bodyAgain: PageBodyAgain?
    /// File line of the front matter's first line, for messages about settings.
    public let settingsLine: Int
    /// The folder the page lives in: `toolbox` for `toolbox/urge-log.md` and
    /// also for `toolbox/_index.md`'s own children; `` for top-level pages.
    public let sectionPath: String

    public init(sourcePath: String, contentPath: String, kind: PageKind, settings: PageSettings,
                provider: Provider?, meeting: Meeting? = nil, urlPath: String, content: RenderedMarkdown, settingsLine: Int,
                bodyAgain: PageBodyAgain? = nil) {
        self.sourcePath = sourcePath
        self.contentPath = contentPath
        self.kind = kind
        self.settings = settings
        self.provider = provider
        self.meeting = meeting
        self.urlPath = urlPath
        self.settingsLine = settingsLine
        self.sectionPath = SitePaths.folder(of: contentPath)
        if let description = settings.description, !description.isEmpty {
            self.description = description
        } else {
            self.description = Self.clip(content.summary, to: 160)
        }
        var content = content
        content.summary = ""
        self.content = content
        self.bodyAgain = bodyAgain
    }

    /// `page` with its HTML made again (``withBody()``): everything else as it was.
    init(_ page: Page, content: RenderedMarkdown) {
        sourcePath = page.sourcePath
        contentPath = page.contentPath
        kind = page.kind
        settings = page.settings
        provider = page.provider
        meeting = page.meeting
        urlPath = page.urlPath
        self.content = content
        bodyAgain = nil
        settingsLine = page.settingsLine
        sectionPath = page.sectionPath
        description = page.description
    }

    /// The page's description, or its first paragraph when it has none.
    /// Worked out once: every list the page is in shows it.
    public let description: String

    public var title: String { settings.title ?? provider?.name ?? "" }
    public var shortTitle: String { settings.shortTitle ?? title }
    public var isDraft: Bool { settings.draft ?? false }
    public var order: Int { settings.order ?? Int.max }

    /// Whether a link's `#fragment` names a heading of this page. A page has a
    /// handful of headings: a look through them costs less than a set.
    public func hasHeading(_ id: String) -> Bool {
        content.headings.contains { $0.id == id }
    }

    static func clip(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
