import Content

/// What pages show of one another: a page's title in a section's list, its
/// short title in breadcrumbs, its point number in a tool's badges. When
/// none of these changed, no other page shows the change.
public struct PageFacts: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let title = PageFacts(rawValue: 1 << 0)
    public static let shortTitle = PageFacts(rawValue: 1 << 1)
    public static let description = PageFacts(rawValue: 1 << 2)
    /// Its address: other pages link to it.
    public static let address = PageFacts(rawValue: 1 << 3)
    /// A point's `point` setting.
    public static let pointNumber = PageFacts(rawValue: 1 << 4)
    /// The `order` setting, which places it in lists.
    public static let order = PageFacts(rawValue: 1 << 5)
    /// A tool's `points` setting.
    public static let pointsServed = PageFacts(rawValue: 1 << 6)
    /// A meeting's settings: when, where, who for, its host.
    public static let meetingSchedule = PageFacts(rawValue: 1 << 7)

    /// What differs between two versions of one page.
    public init(changedFrom old: Page, to new: Page) {
        var changed: PageFacts = []
        if old.title != new.title { changed.insert(.title) }
        if old.shortTitle != new.shortTitle { changed.insert(.shortTitle) }
        if old.description != new.description { changed.insert(.description) }
        if old.urlPath != new.urlPath { changed.insert(.address) }
        if old.settings.point != new.settings.point { changed.insert(.pointNumber) }
        if old.order != new.order { changed.insert(.order) }
        if old.settings.points != new.settings.points { changed.insert(.pointsServed) }
        if old.meeting != new.meeting { changed.insert(.meetingSchedule) }
        self = changed
    }
}

/// Pages a view shows something of, other than its own page.
enum RelatedPages: Sendable, CaseIterable {
    /// A section's (or the home page's) pages: those of its folder.
    case children
    /// Every point.
    case points
    /// A point's tools: those that serve it.
    case toolsServing
    /// The points before and after a point.
    case neighbours
    /// The points a tool serves.
    case pointsServed
    /// The tools of each point, as the toolbox lists them.
    case toolsOfEveryPoint
    /// The home page, first of the breadcrumbs.
    case home
    /// The sections above a page, the rest of the breadcrumbs.
    case sectionsAbove
    /// The section a page is in.
    case section
    /// Every meeting, as the schedule lists them.
    case meetings
    /// The meetings a provider hosts.
    case meetingsHosted
    /// A meeting's host.
    case host

    /// What decides which pages these are, and in what order: a change to
    /// it changes the list even where the list shows none of it.
    var chosenBy: PageFacts {
        switch self {
        case .children: return [.order, .title]
        case .points, .neighbours, .pointsServed: return .pointNumber
        case .toolsServing, .toolsOfEveryPoint: return [.pointsServed, .order, .title]
        case .home, .sectionsAbove, .section: return []
        case .meetings, .meetingsHosted: return [.meetingSchedule, .title]
        case .host: return .meetingSchedule
        }
    }
}

/// What a view reads of other pages: which pages, and which of their facts.
/// Rendering takes the pages from here, and preview works out from the same
/// declaration which pages to render again after a save.
struct Reading: Sendable {
    let pages: RelatedPages
    /// What the view shows, and what decides which pages it lists.
    let facts: PageFacts

    init(_ pages: RelatedPages, shows: PageFacts) {
        self.pages = pages
        self.facts = shows.union(pages.chosenBy)
    }
}
