import Content

/// A point page's values: the tools that serve it, and the points before
/// and after it.
struct PointView: TemplateView {
    enum Key: String, CaseIterable {
        case tools
        case hasTools = "has_tools"
        case previous, next
    }

    static let tools = Reading(.toolsServing, shows: PageLinkView.shows)
    static let neighbours = Reading(.neighbours, shows: PageLinkView.shows)
    static let readings = [tools, neighbours]

    let frame: PageFrame
    let page: Page

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .tools: return frame.links(Self.tools, of: page)
        case .hasTools: return !frame.site.pages(Self.tools, of: page).isEmpty
        case .previous: return frame.site.neighbours(of: page).previous.map { PageLinkView(target: $0, frame: frame) }
        case .next: return frame.site.neighbours(of: page).next.map { PageLinkView(target: $0, frame: frame) }
        }
    }
}
