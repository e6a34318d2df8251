import Content
import Mustache

/// The site as its views read it: what every page shares, worked out once
/// per build and never changed afterwards, so any thread may render from it.
final class SiteData: Sendable {
    let site: Site
    let helpLines: [HelpLineView]
    let menu: [MenuEntry]
    /// The points, by number.
    let points: [Page]
    /// The tools serving each point, in list order, by point number.
    let toolsByPoint: [Int: [Page]]
    let worksheets: [WorksheetListing]
    let worksheetsBySlug: [String: WorksheetListing]
    /// Every worksheet in one PDF, one per paper size.
    let workbooks: [WorksheetListing.Download]
    /// One workbook per point of the program, of the worksheets of its tools.
    let pointWorkbooks: [WorkbookListing]
    let words: SiteWords
    /// The resized images, by path below content/.
    let images: [String: PublishedImage]
    /// The logo, favicon and colours of site.yaml.
    let brand: SiteBrand
    /// Every meeting, in the schedule's order.
    let meetings: [Page]
    /// The meetings each provider hosts, by the provider's content path.
    let meetingsByHost: [String: [Page]]
    /// The printable schedules made (Letter, A4).
    let meetingFlyers: [WorksheetListing.Download]
    /// The partials that are the same on every page at one depth, once rendered.
    let sharedPartials: SharedPartialTexts

    /// One entry of site.yaml's menu: a page of the site or an address
    /// elsewhere. A class, so a page's menu is a list of references.
    final class MenuEntry: Sendable {
        let title: String
        let urlPath: String?
        let external: String?

        init(title: String, urlPath: String?, external: String?) {
            self.title = title
            self.urlPath = urlPath
            self.external = external
        }
    }

    /// The site's languages, for the language switcher and `hreflang` links:
    /// empty on a site of one language.
    let languages: [LanguageLink]

    /// One language of the site as a link leads to it.
    struct LanguageLink: Sendable {
        let code: String
        /// In its own words: "Español".
        let name: String
        /// Its home page's address.
        let homeURLPath: String
        /// "This page is not in Spanish yet ...", in that language.
        let untranslatedNote: String
        /// Its worksheets, by slug, to pair a worksheet's page.
        let worksheetSlugs: Set<String>
    }

    init(site: Site, worksheets: [WorksheetListing], workbooks: [WorksheetListing.Download] = [],
         pointWorkbooks: [WorkbookListing] = [], words: SiteWords, images: [String: PublishedImage] = [:],
         meetingFlyers: [WorksheetListing.Download] = [], languages: [LanguageLink] = [],
         templates: TemplateLibrary? = nil) {
        sharedPartials = SharedPartialTexts(partials: templates?.shared ?? .none, library: templates?.mustache ?? MustacheLibrary())
        self.workbooks = workbooks
        self.pointWorkbooks = pointWorkbooks
        self.meetingFlyers = meetingFlyers
        self.words = words
        self.images = images
        brand = SiteBrand(branding: site.config.branding, images: images)
        self.site = site
        self.languages = languages
        let config = site.config
        helpLines = config.helpLines.map(HelpLineView.init)
        menu = config.menu.map {
            MenuEntry(title: $0.title, urlPath: $0.page.map(site.addresses.urlPath(of:)), external: $0.url)
        }
        points = site.points
        var tools: [Int: [Page]] = [:]
        for page in site.pages where page.kind == .tool {
            for number in Set(page.settings.points ?? []) { tools[number, default: []].append(page) }
        }
        toolsByPoint = tools.mapValues { $0.sorted(by: Site.listOrder) }
        self.worksheets = worksheets
        meetings = site.meetings.sorted(by: MeetingOrder.weekly)
        meetingsByHost = Dictionary(grouping: meetings) { $0.meeting?.host ?? "" }
        worksheetsBySlug = Dictionary(worksheets.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: - The pages views show, as `RelatedPages` names them

    /// The pages `related` names, as seen from `page`. Rendering asks this,
    /// and so does preview, to learn which pages show a changed one.
    func pages(_ related: RelatedPages, of page: Page) -> [Page] {
        switch related {
        case .children:
            return site.children(of: page)
        case .points:
            return points
        case .toolsServing:
            return tools(serving: page.settings.point ?? 0)
        case .neighbours:
            let around = neighbours(of: page)
            return [around.previous, around.next].compactMap { $0 }
        case .pointsServed:
            return pointsServed(by: page)
        case .toolsOfEveryPoint:
            return points.flatMap { tools(serving: $0.settings.point ?? 0) }
        case .home:
            return page.kind == .home ? [] : site.page(at: "_index.md").map { [$0] } ?? []
        case .sectionsAbove:
            return sections(above: page)
        case .section:
            return Self.section(of: page, in: site).map { [$0] } ?? []
        case .meetings:
            return meetings
        case .meetingsHosted:
            return page.kind == .provider ? meetingsByHost[page.contentPath] ?? [] : []
        case .host:
            return page.meeting?.host.flatMap(site.page(at:)).map { [$0] } ?? []
        }
    }

    /// The pages a view reads.
    func pages(_ reading: Reading, of page: Page) -> [Page] {
        pages(reading.pages, of: page)
    }

    func tools(serving point: Int) -> [Page] {
        toolsByPoint[point] ?? []
    }

    /// The points before and after a point.
    func neighbours(of page: Page) -> (previous: Page?, next: Page?) {
        guard let index = points.firstIndex(where: { $0.contentPath == page.contentPath }) else { return (nil, nil) }
        return (index > 0 ? points[index - 1] : nil, index + 1 < points.count ? points[index + 1] : nil)
    }

    /// A tool's points, in the order its `points` setting names them.
    func pointsServed(by tool: Page) -> [Page] {
        (tool.settings.points ?? []).compactMap { number in points.first { $0.settings.point == number } }
    }

    /// The section pages of the folders a page is in, outermost first (not
    /// a section's own).
    func sections(above page: Page) -> [Page] {
        guard page.kind != .home else { return [] }
        var folders = page.contentPath.split(separator: "/").dropLast()
        if page.kind == .section { folders = folders.dropLast() }
        var path = ""
        return folders.compactMap { folder in
            path += folder + "/"
            return site.page(at: path + "_index.md")
        }
    }

    /// The section page of a page's folder (whose short title its search entry names).
    static func section(of page: Page, in site: Site) -> Page? {
        page.sectionPath.isEmpty ? nil : site.page(at: page.sectionPath + "/_index.md")
    }

    /// The tool page a worksheet belongs to.
    func toolPage(of worksheet: WorksheetListing) -> Page? {
        worksheet.toolPage.flatMap(site.page(at:))
    }
}
