import Content
import Diagnostics
import Markdown
import Mustache

/// Renders pages and the site-wide files (search index, sitemap, robots.txt,
/// 404 page) from a loaded Site. Pure: returns text, writes nothing, so the
/// build decides where files go and tests need no disk.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateLibrary
    public let worksheets: [WorksheetListing]
    /// What every page's views share, worked out once.
    let data: SiteData

    /// `images`: the resized images by their path below content/, which
    /// pages show as `<picture>` and name as their `og:image`.
    /// `meetingFlyers`: the printable schedules made, which the meetings page offers.
    public init(site: Site, templates: TemplateLibrary, worksheets: [WorksheetListing], workbooks: [WorksheetListing.Download] = [],
                pointWorkbooks: [WorkbookListing] = [], words: SiteWords = .english, images: [String: PublishedImage] = [:],
                meetingFlyers: [WorksheetListing.Download] = []) {
        self.site = site
        self.templates = templates
        self.worksheets = worksheets
        self.data = SiteData(site: site, worksheets: worksheets, workbooks: workbooks, pointWorkbooks: pointWorkbooks,
                             words: words, images: images, meetingFlyers: meetingFlyers)
    }

    /// Which pages show what of others, as this site's views read them.
    public var readers: PageReaders { PageReaders(data: data) }

    /// A file of the built site, relative to the output root.
    public struct Output: Sendable {
        public var path: String
        public var text: String
    }

    /// The template a page uses: its `layout`, or its kind's own, or `page`.
    public func templateName(for page: Page) -> String {
        if let layout = page.settings.layout { return layout }
        // The meetings section shows the schedule, from its own template when there is one.
        if page.kind == .section, page.sectionPath == "meetings", templates.names.contains("meetings") { return "meetings" }
        return templates.names.contains(page.kind.defaultTemplate) ? page.kind.defaultTemplate : "page"
    }

    /// Where smartsite puts pages of its own; the pages and the check below use these.
    static let searchURLPath = "search/"
    static let worksheetsURLPath = "worksheets/"
    static let builtInPages = [searchURLPath: "the search page", worksheetsURLPath: "the list of worksheets"]

    /// HTML past this size is a template mistake (a list shown again inside
    /// each of its own entries grows with the square of the site), not a
    /// page a phone could open.
    public static let largestPageBytes = 50 * 1_048_576

    /// An error naming the template when a rendered file is past that size.
    public func sizeProblem(of output: Output, source: String, template: String) -> Diagnostic? {
        let bytes = output.text.utf8.count
        guard bytes > Self.largestPageBytes else { return nil }
        return .error(source, "the page made from templates/\(template).mustache is \(ByteCount.describe(bytes)) of HTML, "
                      + "over the limit of \(ByteCount.describe(Self.largestPageBytes))",
                      fix: "look in templates/\(template).mustache (and its partials) for a list inside a list, "
                      + "e.g. {{#children}} inside {{#children}}")
    }

    public func render(_ page: Page) -> Output {
        let frame = PageFrame(site: data, page: page)
        return output(frame, kind: ContentPageView(frame: frame, page: page), template: templateName(for: page))
    }

    /// A page's file: its template given what every page has and the values of its kind.
    private func output(_ frame: PageFrame, kind: any MustacheParent & Sendable, template: String) -> Output {
        let html = templates.render(TopLevelView(frame: frame, rest: kind), template: template) ?? ""
        return Output(path: SitePaths.outputFile(forURLPath: frame.urlPath), text: html)
    }

    /// Worksheet pages, the worksheets index, search page, 404, search
    /// index, and the files of `siteFileMakers` (sitemap, robots.txt, meeting calendars).
    public func siteFiles() -> [Output] {
        templatedSiteFiles() + [
            Output(path: "search.json", text: SearchIndex.json(site: site, worksheets: worksheets, words: data.words)),
        ] + siteFileMakers.flatMap { $0.files(self) }
    }

    /// The site files made from templates: worksheet pages, the worksheets
    /// index, search page and 404 (what a template change renders again).
    public func templatedSiteFiles() -> [Output] {
        var files: [Output] = worksheets.map(renderWorksheet)
        files.append(renderWorksheetIndex())
        if let search = renderSpecial(template: "search", marked: .isSearch, urlPath: Self.searchURLPath, title: data.words.searchTitle,
                                      description: data.words.searchDescription(site.config.title)) {
            files.append(search)
        }
        let basePath = BaseURL.sitePath(of: site.config.baseURL)
        if let notFound = renderSpecial(template: "404", marked: .isNotFound, urlPath: "", title: data.words.notFoundTitle,
                                        description: data.words.notFoundDescription, rootOverride: basePath) {
            files.append(Output(path: "404.html", text: notFound.text))
        }
        return files
    }

    func renderWorksheet(_ worksheet: WorksheetListing) -> Output {
        let frame = PageFrame(site: data, urlPath: worksheet.urlPath, title: worksheet.title, description: worksheet.description)
        return output(frame, kind: WorksheetPageView(worksheet: worksheet, frame: frame), template: "worksheet")
    }

    func renderWorksheetIndex() -> Output {
        let urlPath = Self.worksheetsURLPath
        let frame = PageFrame(site: data, urlPath: urlPath, title: data.words.worksheetsTitle,
                              description: data.words.worksheetsDescription)
        return output(frame, kind: WorksheetsPageView(frame: frame), template: "worksheets")
    }

    private func renderSpecial(template: String, marked mark: SpecialPageView.Key, urlPath: String, title: String,
                               description: String, rootOverride: String? = nil) -> Output? {
        guard templates.names.contains(template) else { return nil }
        let frame = PageFrame(site: data, urlPath: urlPath, title: title, description: description, rootOverride: rootOverride)
        return output(frame, kind: SpecialPageView(which: mark), template: template)
    }
}
