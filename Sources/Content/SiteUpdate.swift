import Diagnostics
import Markdown

/// What `smartsite preview` needs to change one page of a loaded site
/// without loading the other 9,999 again.
extension Site {
    /// Loads one page file again. `page` is nil when the file has errors (in
    /// `diagnostics`) or is a draft and drafts are not included.
    public func reload(page contentPath: String, includeDrafts: Bool) -> (page: Page?, diagnostics: [Diagnostic]) {
        let loaded = PageLoader(folder: folder, config: config, markdownWords: markdownWords).load(contentPath)
        guard let page = loaded.page, includeDrafts || !page.isDraft else { return (nil, loaded.diagnostics) }
        return (page, loaded.diagnostics)
    }

    /// The same site with these pages in place of the ones at the same content paths.
    /// A changed page keeps its place (same content path, so same section
    /// and kind); only a section whose page changed its title or `order` has
    /// its list sorted again.
    public func replacing(_ changed: [Page]) -> Site {
        var site = self
        var resorted: Set<String> = []
        for page in changed {
            guard let position = index[page.contentPath] else { continue }
            let old = pages[position]
            site.pages[position] = page
            if old.order != page.order || old.title != page.title { resorted.insert(page.sectionPath) }
        }
        for folder in resorted { site.sortChildren(inSection: folder) }
        return site
    }

    /// The whole-site checks (links and their anchors, menu, points,
    /// worksheets) on the site as it is now. With `only`, the links and
    /// settings of those pages alone: enough after they changed, unless their
    /// heading ids did (other pages' links may name them).
    public func check(only: Set<String>? = nil) -> [Diagnostic] {
        SiteChecks(site: self).run(only: only)
    }
}

extension Page {
    /// Whether the whole-site checks could say anything different about the
    /// site with `other` in place of this page: its links, heading ids and
    /// program settings are the same (positions aside: a site that passed has
    /// no link errors to place).
    public func checksSame(as other: Page) -> Bool {
        content.links.map(\.destination) == other.content.links.map(\.destination)
            && content.headings.map(\.id) == other.content.headings.map(\.id)
            && settings.point == other.settings.point && settings.points == other.settings.points
            && settings.worksheet == other.settings.worksheet && settingsLine == other.settingsLine
            && meeting?.host == other.meeting?.host && meeting?.hostPosition?.line == other.meeting?.hostPosition?.line
    }
}
