import Markdown

/// One page of the site, loaded from one Markdown file.
public struct Page: Sendable {
    /// The file as messages name it, e.g. `content/toolbox/urge-log.md`.
    public var sourcePath: String
    /// Below the content folder, e.g. `toolbox/urge-log.md`.
    public var contentPath: String
    public var kind: PageKind
    public var settings: PageSettings
    public var provider: Provider?
    /// e.g. `toolbox/urge-log/`; the home page is ``.
    public var urlPath: String
    /// The rendered body and what was found in it.
    public var content: RenderedMarkdown
    /// File line of the front matter's first line, for messages about settings.
    public var settingsLine: Int

    public var title: String { settings.title ?? provider?.name ?? "" }
    public var shortTitle: String { settings.shortTitle ?? title }
    /// The page's description, or its first paragraph when it has none.
    public var description: String {
        if let description = settings.description, !description.isEmpty { return description }
        return Self.clip(content.summary, to: 160)
    }
    public var isDraft: Bool { settings.draft ?? false }
    public var order: Int { settings.order ?? Int.max }

    /// The folder the page lives in: `toolbox` for `toolbox/urge-log.md` and
    /// also for `toolbox/_index.md`'s own children; `` for top-level pages.
    public var sectionPath: String {
        let folders = contentPath.split(separator: "/").dropLast()
        return folders.joined(separator: "/")
    }

    static func clip(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
