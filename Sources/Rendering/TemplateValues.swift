import Content
import Mustache

/// What a template sees at its top level: `site`, `menu`, `root`, `page`,
/// the `is_...` flags and, for a content page, the lists of its kind
/// (`children`, `tools`, `breadcrumbs`, ...). Computed when a template asks
/// for a name, not before: a template that never shows the menu or the
/// breadcrumbs does not pay for them, and on a site of 10,000 pages building
/// every value up front for every page was a large part of rendering.
///
/// The names and values are those listed in docs/templates.md;
/// a name a page does not have is nil, so Mustache looks further up (and a
/// section over it renders nothing), as with a dictionary.
final class TemplateValues: MustacheParent {
    private let context: PageContext
    private let frame: PageFrame
    /// Values of the pages smartsite makes itself (`worksheet`, `breadcrumbs`, ...).
    var extra: [String: Any] = [:]

    init(context: PageContext, urlPath: String, title: String, description: String,
         rootOverride: String? = nil, page: Page? = nil) {
        self.context = context
        self.frame = PageFrame(urlPath: urlPath, title: title, description: description,
                               rootOverride: rootOverride, page: page)
    }

    subscript(name: String) -> Any? {
        get { extra[name] }
        set { extra[name] = newValue }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "site": return context.shared.site
        case "page": return pageValues
        case "root": return TemplateText(root)
        case "menu": return menu
        case "is_home": return frame.urlPath.isEmpty
        default: break
        }
        if let value = extra[name] { return value }
        guard let page = frame.page else { return nil }
        if name == "is_" + page.kind.rawValue { return true }
        switch name {
        case "breadcrumbs": return breadcrumbs
        case "has_breadcrumbs": return !breadcrumbs.isEmpty
        default: return kindValues[name]
        }
    }

    private var root: String {
        let root = frame.rootOverride ?? SitePaths.rootPrefix(from: frame.urlPath)
        return root.isEmpty ? "./" : root
    }

    private lazy var pageValues = PageValues(context: context, frame: frame)
    private lazy var menu: [[String: Any]] = context.menu(from: frame.urlPath, rootOverride: frame.rootOverride)
    private lazy var breadcrumbs: [[String: Any]] = frame.page.map(context.breadcrumbs) ?? []
    /// Values only pages of some kinds have (children of a section, tools of a point, ...).
    private lazy var kindValues: [String: Any] = frame.page.map(context.kindValues) ?? [:]
}

/// The page being rendered, as both levels of values see it.
struct PageFrame {
    var urlPath: String
    var title: String
    var description: String
    /// The way back to the site root when it is not relative (the 404 page).
    var rootOverride: String?
    /// The content page; nil for the pages smartsite makes itself (worksheet
    /// pages, search, 404), which set `TemplateValues.extra` instead.
    var page: Page?
}

/// `page`: the page's own values.
final class PageValues: MustacheParent {
    private let context: PageContext
    private let frame: PageFrame

    init(context: PageContext, frame: PageFrame) {
        self.context = context
        self.frame = frame
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": return TemplateText(frame.title)
        case "description": return TemplateText(frame.description)
        case "url": return TemplateText(frame.urlPath)
        case "canonical": return TemplateText(context.site.config.address(of: frame.urlPath))
        default: break
        }
        guard let page = frame.page else { return nil }
        switch name {
        case "short_title": return TemplateText(page.shortTitle)
        case "content": return TemplateText(page.content.html)
        case "kind": return page.kind.rawValue
        case "source": return TemplateText(page.sourcePath)
        case "toc": return toc
        case "has_toc": return !toc.isEmpty
        case "toc_html": return TemplateText(context.tableOfContentsHTML(page))
        default: return nil
        }
    }

    private lazy var toc: [[String: Any]] = frame.page.map(context.tableOfContents) ?? []
}
