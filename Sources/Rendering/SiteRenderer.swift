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

    /// `images`: the resized images by their path below content/, which
    /// pages show as `<picture>` and name as their `og:image`.
    /// `meetingFlyers`: the printable schedules made, which the meetings page offers.
    public init(site: Site, templates: TemplateLibrary, worksheets: [WorksheetListing], workbooks: [WorksheetListing.Download] = [],
                pointWorkbooks: [WorkbookListing] = [], words: SiteWords, images: [String: PublishedImage] = [:],
                meetingFlyers: [WorksheetListing.Download] = []) {
        self.init(site: site, templates: templates, worksheets: worksheets, workbooks: workbooks, pointWorkbooks: pointWorkbooks,
                  words: words, images: images, meetingFlyers: meetingFlyers, languages: [])
    }

    init(site: Site, templates: TemplateLibrary, worksheets: [WorksheetListing], workbooks: [WorksheetListing.Download],
         pointWorkbooks: [WorkbookListing], words: SiteWords, images: [String: PublishedImage],
         meetingFlyers: [WorksheetListing.Download], languages: [SiteData.LanguageLink]) {
        self.site = site
        self.templates = templates
        self.worksheets = worksheets
        self.data = SiteData(site: site, worksheets: worksheets, workbooks: workbooks, pointWorkbooks: pointWorkbooks,
                             words: words, images: images, meetingFlyers: meetingFlyers, languages: languages,
                             templates: templates)
    }

    /// The renderer of a site in every language: `site` and each of its
    /// `translations`, with their worksheets, workbooks, flyers and words (by language code).
    public static func everyLanguage(site: Site, templates: TemplateLibrary, worksheets: [String: [WorksheetListing]],
                                     workbooks: [String: [WorksheetListing.Download]] = [:],
                                     pointWorkbooks: [String: [WorkbookListing]] = [:], words: [String: InterfaceWords],
                                     images: [String: PublishedImage] = [:],
                                     meetingFlyers: [String: [WorksheetListing.Download]] = [:]) -> SiteRenderer {
        func wordsOf(_ language: Site) -> InterfaceWords {
            words[language.language] ?? InterfaceWords(language: language.language, path: "", words: [:], keys: [])
        }
        let links = site.translations.isEmpty ? [] : site.allLanguages.map { language in
            SiteData.LanguageLink(code: language.language, name: wordsOf(language).text("language_name"),
                                  homeURLPath: language.urlPrefix,
                                  untranslatedNote: wordsOf(language).text("untranslated_note"),
                                  worksheetSlugs: Set((worksheets[language.language] ?? []).map(\.slug)))
        }
        func renderer(_ language: Site) -> SiteRenderer {
            SiteRenderer(site: language, templates: templates, worksheets: worksheets[language.language] ?? [],
                         workbooks: workbooks[language.language] ?? [], pointWorkbooks: pointWorkbooks[language.language] ?? [],
                         words: SiteWords(wordsOf(language)), images: images,
                         meetingFlyers: meetingFlyers[language.language] ?? [], languages: links)
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
    /// index, and the files of `siteFileMakers` (sitemap, robots.txt, meeting
    /// calendars), each language's below its folder (`es/search.json`).
    public func siteFiles() -> [Output] {
        templatedSiteFiles() + [
            Output(path: searchIndexPath, text: SearchIndex.json(site: site, worksheets: worksheets, words: data.words)),
        ] + siteFileMakers.flatMap { $0.files(self) }
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
        let basePath = BaseURL.sitePath(of: site.config.baseURL)
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
}
