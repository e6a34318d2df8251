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

    public init(site: Site, templates: TemplateLibrary, worksheets: [WorksheetListing], words: SiteWords = .english) {
        self.site = site
        self.templates = templates
        self.worksheets = worksheets
        self.data = SiteData(site: site, worksheets: worksheets, words: words)
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
        return templates.names.contains(page.kind.defaultTemplate) ? page.kind.defaultTemplate : "page"
    }

    /// Problems that would only show while rendering, checked before any
    /// page is written: a `layout` that names no template.
    public func checkLayouts() -> [Diagnostic] {
        site.pages.compactMap { page in
            let name = templateName(for: page)
            guard !templates.names.contains(name) else { return nil }
            return .error(page.sourcePath, line: page.settingsLine, column: 1,
                          "there is no template '\(name)' (no templates/\(name).mustache)",
                          fix: closestName(to: name, in: templates.names.sorted()).map { "did you mean '\($0)'?" })
        }
    }

    /// Where smartsite puts pages of its own; the pages and the check below use these.
    static let searchURLPath = "search/"
    static let worksheetsURLPath = "worksheets/"
    static let builtInPages = [searchURLPath: "the search page", worksheetsURLPath: "the list of worksheets"]

    /// A content page at one of those addresses would be overwritten.
    public func checkBuiltInAddresses() -> [Diagnostic] {
        site.pages.compactMap { page in
            guard let builtIn = Self.builtInPages[page.urlPath] else { return nil }
            return .error(page.sourcePath, "this page would be published at /\(page.urlPath), where smartsite puts \(builtIn)",
                          fix: "rename or move the file")
        }
    }

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
    /// index, sitemap and robots.txt.
    public func siteFiles() -> [Output] {
        templatedSiteFiles() + [
            Output(path: "search.json", text: SearchIndex.json(site: site, worksheets: worksheets, words: data.words)),
            Output(path: "sitemap.xml", text: Sitemap.xml(site: site, worksheets: worksheets)),
            Output(path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(site.config.baseURL)sitemap.xml\n"),
        ]
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
