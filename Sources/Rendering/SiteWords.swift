/// The words smartsite itself puts on the site (breadcrumbs, the pages it
/// makes, the search index), kept in one place so a second language
/// replaces this value instead of editing the views. What a content editor
/// writes comes from content/ and templates/, not from here.
public struct SiteWords: Sendable {
    /// The first breadcrumb of every page.
    public var home: String
    /// The worksheet pages' breadcrumbs and their section in search results.
    public var worksheets: String
    /// A worksheet page's breadcrumb when it belongs to a tool.
    public var toolbox: String
    /// The search page.
    public var searchTitle: String
    public var searchDescription: @Sendable (_ siteTitle: String) -> String
    /// The 404 page.
    public var notFoundTitle: String
    public var notFoundDescription: String
    /// The list of worksheets.
    public var worksheetsTitle: String
    public var worksheetsDescription: String
    /// A worksheet's entry in search results: "Urge Log (worksheet)".
    public var worksheetInSearch: @Sendable (_ title: String) -> String
    /// The meeting schedule's, calendars' and flyer's words.
    public var meetings: MeetingWords = .english

    public static let english = SiteWords(
        home: "Home",
        worksheets: "Worksheets",
        toolbox: "Toolbox",
        searchTitle: "Search",
        searchDescription: { "Search every page of \($0)." },
        notFoundTitle: "Page not found",
        notFoundDescription: "This page does not exist.",
        worksheetsTitle: "Printable worksheets",
        worksheetsDescription: "Every worksheet of the toolbox as a PDF for US Letter or A4 paper, to print or fill in on screen.",
        worksheetInSearch: { $0 + " (worksheet)" })
}
