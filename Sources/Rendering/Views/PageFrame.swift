import Content

/// The page being rendered, as all of its views see it.
///
/// A class, made once per page: each view holds this one reference rather
/// than a copy of what it says.
final class PageFrame: Sendable {
    let site: SiteData
    let urlPath: String
    let title: String
    let description: String
    /// The way back to the site root when it is not relative (the 404 page).
    let rootOverride: String?
    /// The content page; nil for the pages smartsite makes itself (worksheet
    /// pages, search, 404).
    let page: Page?

    init(site: SiteData, urlPath: String, title: String, description: String,
         rootOverride: String? = nil, page: Page? = nil, alternates: [String: String] = [:]) {
        self.site = site
        self.alternates = alternates
        self.urlPath = urlPath
        self.title = title
        self.description = description
        self.rootOverride = rootOverride
        self.page = page
    }

    convenience init(site: SiteData, page: Page) {
        self.init(site: site, urlPath: page.urlPath, title: page.title, description: page.description, page: page,
                  alternates: site.site.pairs.addresses(of: page.contentPath, in: site.site.language))
    }

    /// The page in every language it is in (code → address, its own
    /// included), set by the renderer; empty when it is in one language.
    let alternates: [String: String]

    /// `root`: the way back to the home page of the page's language, `./`
    /// on it: `../../` from `es/toolbox/urge-log/`. On a site of one
    /// language, the site root.
    var root: String {
        let prefix = site.site.urlPrefix
        if let rootOverride { return rootOverride + prefix }
        let root = String(repeating: "../", count: max(0, SitePaths.depth(of: urlPath) - SitePaths.depth(of: prefix)))
        return root.isEmpty ? "./" : root
    }

    /// `site_root`: the way back to the site root, where what every language
    /// shares is (`assets/`).
    var siteRoot: String {
        let root = rootOverride ?? SitePaths.rootPrefix(from: urlPath)
        return root.isEmpty ? "./" : root
    }

    /// Whether the page is at an address of its own. The 404 page is served
    /// at whatever address was asked for, so it is no page of the menu: the
    /// menu marks nothing current there, not even Home.
    var hasOwnAddress: Bool { rootOverride == nil }

    /// A page's address as a link from this page.
    func link(to urlPath: String) -> String {
        SitePaths.relativeURL(from: self.urlPath, to: urlPath)
    }
}
