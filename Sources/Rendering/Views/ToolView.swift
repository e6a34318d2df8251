import Content

/// A tool page's values: the points it serves, and its printable worksheet.
struct ToolView: TemplateView {
    enum Key: String, CaseIterable {
        case points
        case hasPoints = "has_points"
        case worksheet
    }

    static let points = Reading(.pointsServed, shows: PageLinkView.shows)
    static let readings = [points]

    let frame: PageFrame
    let page: Page

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .points:
            return frame.links(Self.points, of: page)
        case .hasPoints:
            return !frame.site.pages(Self.points, of: page).isEmpty
        case .worksheet:
            // Its own `worksheet:`, or else the worksheet whose `tool:` names this page.
            let worksheet = page.settings.worksheet.flatMap { frame.site.worksheetsBySlug[$0] }
                ?? frame.site.worksheets.first { frame.site.toolPage(of: $0)?.contentPath == page.contentPath }
            return worksheet.map { WorksheetView(worksheet: $0, from: frame.urlPath) }
        }
    }
}
