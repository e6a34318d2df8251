import Content
import Mustache

/// A section page's values (and the home page's): the pages of its folder;
/// on the toolbox page the tools of each point; on the providers and
/// program pages the points; on the home page the points and a first tool
/// for each.
struct SectionView: TemplateView {
    enum Key: String, CaseIterable {
        case children
        case hasChildren = "has_children"
        case toolsByPoint = "tools_by_point"
        case hasToolsByPoint = "has_tools_by_point"
        case points
        case startingTools = "starting_tools"
    }

    static let children = Reading(.children, shows: PageLinkView.shows)
    static let points = Reading(.points, shows: PageLinkView.shows)
    static let toolsOfEveryPoint = Reading(.toolsOfEveryPoint, shows: PageLinkView.shows)

    static func readings(of page: Page) -> [Reading] {
        // The home page's starting tools are among the tools of every point.
        let tools = listsToolsByPoint(page) || page.kind == .home
        return [children] + (tools ? [points, toolsOfEveryPoint] : listsPoints(page) ? [points] : [])
            + (ScheduleView.isShown(on: page) ? [ScheduleView.reading] : [])
    }

    static func listsToolsByPoint(_ page: Page) -> Bool {
        page.sectionPath == "toolbox"
    }

    static func listsPoints(_ page: Page) -> Bool {
        page.kind == .home || page.sectionPath == "providers" || page.sectionPath == "program"
    }

    /// The home page's ways in to the toolbox: the first tool of each point
    /// (by the tools' `order`), each tool once, so the editor picks them by
    /// ordering the toolbox.
    func startingTools() -> [Page] {
        var seen = Set<String>()
        return frame.site.points.compactMap { point in
            frame.site.tools(serving: point.settings.point ?? 0).first { seen.insert($0.contentPath).inserted }
        }
    }

    let frame: PageFrame
    let page: Page

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .children:
            return frame.links(Self.children, of: page)
        case .hasChildren:
            return !frame.site.pages(Self.children, of: page).isEmpty
        case .toolsByPoint:
            guard Self.listsToolsByPoint(page) else { return nil }
            return frame.site.pages(Self.points, of: page).map { PointWithToolsView(point: $0, frame: frame) }
        case .hasToolsByPoint:
            return Self.listsToolsByPoint(page) ? true : nil
        case .points:
            return Self.listsPoints(page) ? frame.links(Self.points, of: page) : nil
        case .startingTools:
            return page.kind == .home ? frame.links(to: startingTools()) : nil
        }
    }

    /// The home page and the meetings section show the week's meetings.
    var rest: (any MustacheParent & Sendable)? {
        ScheduleView.isShown(on: page) ? ScheduleView(frame: frame) : nil
    }
}

/// One point of the toolbox's `tools_by_point`: a link to it, and its tools.
struct PointWithToolsView: TemplateView {
    enum Key: String, CaseIterable {
        case tools
    }

    let point: Page
    let frame: PageFrame

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .tools: return frame.links(to: frame.site.tools(serving: point.settings.point ?? 0))
        }
    }

    var rest: (any MustacheParent & Sendable)? {
        PageLinkView(target: point, frame: frame)
    }
}
