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
    /// On the default language's renderer, those of the site's other languages
    /// (the sitemap lists every language).
    public private(set) var translations: [SiteRenderer] = []

    public init(site: Site, templates: TemplateLibrary, worksheets: [WorksheetListing], words: SiteWords) {
        self.init(site: site, templates: templates, worksheets: worksheets, words: words, languages: [])
    }

    init(site: Site, templates: TemplateLibrary, worksheets: [WorksheetListing], words: SiteWords,
         languages: [SiteData.LanguageLink]) {
        self.site = site
        self.templates = templates
        self.worksheets = worksheets
        self.data = SiteData(site: site, worksheets: worksheets, words: words, languages: languages)
    }

    /// The renderer of a site in every language: `site` and each of its
    /// `translations`, with their worksheets and words (by language code).
    public static func everyLanguage(site: Site, templates: TemplateLibrary, worksheets: [String: [WorksheetListing]],
                                     words: [String: InterfaceWords]) -> SiteRenderer {
        guard !site.translations.isEmpty else {
            return SiteRenderer(site: site, templates: templates, worksheets: worksheets[site.language] ?? [],
                                words: SiteWords(words[site.language] ?? InterfaceWords(language: site.language, path: "", words: [:], keys: [])))
        }
        let links = site.allLanguages.map { language in
            let languageWords = words[language.language]
            return SiteData.LanguageLink(code: language.language, name: languageWords?.text("language_name") ?? language.language,
                                         homeURLPath: language.urlPrefix,
                                         untranslatedNote: languageWords?.text("untranslated_note") ?? "",
                                         worksheetSlugs: Set((worksheets[language.language] ?? []).map(\.slug)))
        }
        func renderer(_ language: Site) -> SiteRenderer {
            let interface = words[language.language] ?? InterfaceWords(language: language.language, path: "", words: [:], keys: [])
            return SiteRenderer(site: language, templates: templates, worksheets: worksheets[language.language] ?? [],
                                words: SiteWords(interface), languages: links)
        }
        var main = renderer(site)
        main.translations = site.translations.map(renderer)
        return main
    }

    /// This renderer and those of the other languages, the default first.
    public var allLanguages: [SiteRenderer] { [self] + translations }

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
        let prefix = site.urlPrefix
        return site.pages.compactMap { page in
            guard page.urlPath.hasPrefix(prefix), let builtIn = Self.builtInPages[String(page.urlPath.dropFirst(prefix.count))] else { return nil }
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
        let search = Output(path: site.urlPrefix + "search.json", text: SearchIndex.json(site: site, worksheets: worksheets, words: data.words))
        // One sitemap and robots.txt for every language, at the site root.
        guard site.urlPrefix.isEmpty else { return templatedSiteFiles() + [search] }
        return templatedSiteFiles() + [
            search,
            Output(path: "sitemap.xml", text: Sitemap.xml(allLanguages)),
            Output(path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(site.config.baseURL)sitemap.xml\n"),
        ]
    }

    /// A page smartsite makes in every language (search, the worksheets list,
    /// 404), at `path` below each language's folder.
    func everyLanguage(_ path: String) -> [String: String] {
        guard !data.languages.isEmpty else { return [:] }
        return Dictionary(data.languages.map { ($0.code, $0.homeURLPath + path) }, uniquingKeysWith: { first, _ in first })
    }

    /// The site files made from templates: worksheet pages, the worksheets
    /// index, search page and 404 (what a template change renders again).
    public func templatedSiteFiles() -> [Output] {
        var files: [Output] = worksheets.map(renderWorksheet)
        files.append(renderWorksheetIndex())
        let prefix = site.urlPrefix
        if let search = renderSpecial(template: "search", marked: .isSearch, urlPath: prefix + Self.searchURLPath, title: data.words.searchTitle,
                                      description: data.words.searchDescription(site.config.title)) {
            files.append(search)
        }
        let basePath = Self.path(of: site.config.baseURL)
        if let notFound = renderSpecial(template: "404", marked: .isNotFound, urlPath: prefix, title: data.words.notFoundTitle,
                                        description: data.words.notFoundDescription, rootOverride: basePath, alternates: [:]) {
            files.append(Output(path: prefix + "404.html", text: notFound.text))
        }
        return files
    }

    func renderWorksheet(_ worksheet: WorksheetListing) -> Output {
        let alternates = data.languages.isEmpty ? [:] : Dictionary(
            data.languages.filter { $0.worksheetSlugs.contains(worksheet.slug) }.map { ($0.code, $0.homeURLPath + "worksheets/\(worksheet.slug)/") },
            uniquingKeysWith: { first, _ in first })
        let frame = PageFrame(site: data, urlPath: worksheet.urlPath, title: worksheet.title, description: worksheet.description,
                              alternates: alternates.count > 1 ? alternates : [:])
        return output(frame, kind: WorksheetPageView(worksheet: worksheet, frame: frame), template: "worksheet")
    }

    func renderWorksheetIndex() -> Output {
        let urlPath = site.urlPrefix + Self.worksheetsURLPath
        let frame = PageFrame(site: data, urlPath: urlPath, title: data.words.worksheetsTitle,
                              description: data.words.worksheetsDescription, alternates: everyLanguage(Self.worksheetsURLPath))
        return output(frame, kind: WorksheetsPageView(frame: frame), template: "worksheets")
    }

    private func renderSpecial(template: String, marked mark: SpecialPageView.Key, urlPath: String, title: String,
                               description: String, rootOverride: String? = nil, alternates: [String: String]? = nil) -> Output? {
        guard templates.names.contains(template) else { return nil }
        let own = String(urlPath.dropFirst(site.urlPrefix.count))
        let frame = PageFrame(site: data, urlPath: urlPath, title: title, description: description, rootOverride: rootOverride,
                              alternates: alternates ?? everyLanguage(own))
        return output(frame, kind: SpecialPageView(which: mark), template: template)
    }

    /// `https://example.org/recovery/` → `/recovery/`: where the site sits on
    /// its host, for the 404 page, which is served at any depth.
    static func path(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return baseURL.hasPrefix("/") ? baseURL : "/" }
        let afterHost = baseURL[scheme.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
    }
}
