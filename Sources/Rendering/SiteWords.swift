import Content

/// The words smartsite itself puts on the site (breadcrumbs, the pages it
/// makes, the search index), in the site's language, from the language's
/// strings file (`templates/i18n/CODE.yaml`, InterfaceWords). What a content
/// editor writes comes from content/ and templates/, not from here.
public struct SiteWords: Sendable {
    /// Every word of the language's file, for templates (`{{words.KEY}}`).
    public let interface: InterfaceWords

    public init(_ interface: InterfaceWords) {
        self.interface = interface
    }

    /// The first breadcrumb of every page.
    public var home: String { interface.text("home") }
    /// The worksheet pages' breadcrumbs and their section in search results.
    public var worksheets: String { interface.text("worksheets") }
    /// A worksheet page's breadcrumb when it belongs to a tool.
    public var toolbox: String { interface.text("toolbox") }
    /// The search page.
    public var searchTitle: String { interface.text("search_title") }
    public func searchDescription(_ siteTitle: String) -> String { interface.text("search_description", ["site": siteTitle]) }
    /// The 404 page.
    public var notFoundTitle: String { interface.text("not_found_title") }
    public var notFoundDescription: String { interface.text("not_found_description") }
    /// The list of worksheets.
    public var worksheetsTitle: String { interface.text("worksheets_title") }
    public var worksheetsDescription: String { interface.text("worksheets_description") }
    /// A worksheet's entry in search results: "Urge Log (worksheet)".
    public func worksheetInSearch(_ title: String) -> String { interface.text("worksheet_in_search", ["title": title]) }
    /// The meeting schedule's and calendars' words.
    public var meetings: MeetingWords { MeetingWords(interface) }
}
