import Content
import Markdown

/// A page's picture: the photo its `image:` names, else the first image it
/// shows. Social media show it beside a shared link (`og:image`, an
/// absolute address of a JPEG/PNG copy no wider than 1200 px); the home
/// page shows the `image:` photo in its opening.
enum PageImage {
    /// The widest copy social media are sent: larger ones are shrunk by them anyway.
    static let socialWidth = 1200

    /// The picture's path below content/ and what it shows.
    static func chosen(for page: Page, in site: Site) -> (path: String, alt: String?)? {
        if let path = site.imagePath(of: page) { return (path, page.settings.imageAlt) }
        for link in page.content.links where link.isImage {
            if case .file(let path, _) = LinkTarget.of(link.destination, from: page.contentPath) { return (path, link.text) }
        }
        return nil
    }

    /// `og:image`: the page's picture, else the site's photo logo; nil for an SVG
    /// (which social media do not show).
    static func social(for page: Page?, site data: SiteData) -> (url: String, alt: String?)? {
        let config = data.site.config
        if let page, let chosen = chosen(for: page, in: data.site), let image = data.images[chosen.path],
           let copy = image.original.last(where: { $0.width <= socialWidth }) ?? image.original.first {
            return (config.address(of: copy.path), chosen.alt)
        }
        return data.brand.socialImagePath.map { (config.address(of: $0), config.title) }
    }

    /// The `image:` photo as a `<picture>`, for the home page's opening.
    static func photo(for page: Page, frame: PageFrame) -> String? {
        guard let path = frame.site.site.imagePath(of: page) else { return nil }
        let alt = "alt=\"\((page.settings.imageAlt ?? "").htmlEscaped)\""
        guard let image = frame.site.images[path] else {
            return "<img src=\"\((frame.root + SitePaths.percentEncoded(path)).htmlEscaped)\" \(alt)>"
        }
        // The opening's photo spans the page's width (site.css: 72rem less its padding).
        return ResponsiveImages.picture(image, root: frame.root, attributes: alt, first: true, sizes: "(min-width: 72rem) 70rem, 100vw")
    }
}
