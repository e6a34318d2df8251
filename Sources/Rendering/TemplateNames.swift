/// Every name a template can ask for, at any level: the names of the views
/// (docs/templates.md lists them) and swift-mustache's own. Templates are
/// checked against these when they load, so `{{page.titel}}` is a warning
/// with "did you mean 'page.title'?" instead of a silently empty spot on
/// every page.
///
/// The check looks at each part of a dotted name on its own (a name is known
/// if some view has it), which is enough to catch a misspelling without
/// knowing which list a `{{#section}}` walks. A test keeps these names and
/// docs/templates.md the same.
enum TemplateNames {
    /// Every view a template is given. One left out here would make its
    /// names warnings, and the docs test fail.
    static let views: [any TemplateView.Type] = [
        TopLevelView.self, SiteView.self, HelpLineView.self, MenuEntryView.self, PageView.self, TOCEntryView.self,
        ContentPageView.self, LinkView.self, PageLinkView.self,
        SectionView.self, PointWithToolsView.self, PointView.self, ToolView.self, ProviderView.self, ProviderDetailsView.self,
        WorksheetView.self, DownloadView.self, WorksheetPageView.self, WorksheetsPageView.self, WorkbookView.self, SpecialPageView.self,
        AlternateView.self, LanguageLinkView.self,
        MeetingPageView.self, MeetingView.self, PlaceView.self, ScheduleView.self, ScheduleDayView.self, MeetingFilterView.self,
    ]

    static let values = Set(views.flatMap { $0.keys })

    /// What `page.` and `site.` lead to: the two names templates write with
    /// a dot, checked more closely.
    static let children: [String: Set<String>] = [
        "page": Set(PageView.keys),
        "site": Set(SiteView.keys),
    ]

    /// swift-mustache's: a list's position (`{{#first()}}`) and the
    /// transforms (`{{uppercased(title)}}`).
    static let mustache: Set<String> = [
        "first", "last", "index", "even", "odd",
        "empty", "capitalized", "lowercased", "uppercased", "reversed", "count", "sorted", "enumerated",
        "equalzero", "plusone", "minusone",
    ]
}
