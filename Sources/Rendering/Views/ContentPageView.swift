import Content
import Mustache

/// What a page made from a content file has besides `page`: which kind it
/// is, its breadcrumbs, and then the values of its kind (a section's
/// children, a point's tools, ...).
struct ContentPageView: TemplateView {
    enum Key: String, CaseIterable {
        case isPage = "is_page"
        case isSection = "is_section"
        case isPoint = "is_point"
        case isTool = "is_tool"
        case isProvider = "is_provider"
        case isMeeting = "is_meeting"
        case breadcrumbs
        case hasBreadcrumbs = "has_breadcrumbs"
    }

    /// Home › Section › (this page is the last crumb, not a link).
    static let homeCrumb = Reading(.home, shows: .address)
    static let sectionCrumbs = Reading(.sectionsAbove, shows: [.shortTitle, .address])

    /// Everything a content page's views show of other pages.
    static func readings(of page: Page) -> [Reading] {
        let kind: [Reading]
        switch page.kind {
        case .home, .section: kind = SectionView.readings(of: page)
        case .point: kind = PointView.readings
        case .tool: kind = ToolView.readings
        case .provider: kind = ProviderView.readings
        case .meeting: kind = MeetingPageView.readings
        case .page: kind = []
        }
        return [homeCrumb, sectionCrumbs] + kind
    }

    let frame: PageFrame
    let page: Page

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .isPage: return page.kind == .page ? true : nil
        case .isSection: return page.kind == .section ? true : nil
        case .isPoint: return page.kind == .point ? true : nil
        case .isTool: return page.kind == .tool ? true : nil
        case .isProvider: return page.kind == .provider ? true : nil
        case .isMeeting: return page.kind == .meeting ? true : nil
        case .breadcrumbs: return breadcrumbs
        case .hasBreadcrumbs: return !breadcrumbs.isEmpty
        }
    }

    private var breadcrumbs: [LinkView] {
        let home = frame.site.pages(Self.homeCrumb, of: page).map { LinkView(title: frame.site.words.home, url: frame.link(to: $0.urlPath)) }
        let sections = frame.site.pages(Self.sectionCrumbs, of: page).map {
            LinkView(title: $0.shortTitle, url: frame.link(to: $0.urlPath))
        }
        return home + sections
    }

    var rest: (any MustacheParent & Sendable)? {
        switch page.kind {
        case .home, .section: return SectionView(frame: frame, page: page)
        case .point: return PointView(frame: frame, page: page)
        case .tool: return ToolView(frame: frame, page: page)
        case .provider: return ProviderView(frame: frame, page: page)
        case .meeting: return MeetingPageView(frame: frame, page: page)
        case .page: return nil
        }
    }
}
