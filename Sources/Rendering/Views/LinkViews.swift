import Content

/// A link to another page of the site, as lists show it (a section's
/// children, a point's tools, a tool's points, ...).
struct PageLinkView: TemplateView {
    enum Key: String, CaseIterable {
        case title
        case shortTitle = "short_title"
        case url, description, number
    }

    /// What a list of these shows of each page it links.
    static let shows: PageFacts = [.title, .shortTitle, .address, .description, .pointNumber]

    let target: Page
    let frame: PageFrame

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .title: return TemplateText(target.title)
        case .shortTitle: return TemplateText(target.shortTitle)
        case .url: return TemplateText(frame.link(to: target.urlPath))
        case .description: return TemplateText(target.description)
        case .number: return target.settings.point
        }
    }
}

extension PageFrame {
    /// Links from this page to each of `pages`.
    func links(to pages: [Page]) -> [PageLinkView] {
        pages.map { PageLinkView(target: $0, frame: self) }
    }

    /// Links from this page to the pages a view reads.
    func links(_ reading: Reading, of page: Page) -> [PageLinkView] {
        links(to: site.pages(reading, of: page))
    }
}

/// A link by title alone: a breadcrumb, a worksheet's tool.
struct LinkView: TemplateView {
    enum Key: String, CaseIterable {
        case title, url
    }

    let title: String
    let url: String

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .title: return title
        case .url: return url
        }
    }
}
