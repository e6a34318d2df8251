import Diagnostics
import Foundation
import Markdown
import SourceFiles

/// The whole site as loaded from content/: settings, pages, and the other
/// files to copy. Built once per build, read by rendering.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Sorted by content path, so every build walks them in the same order.
    /// Set in `init` (and by `replacing`, which keeps the lookups below right).
    public internal(set) var pages: [Page]
    public var folder: ContentFolder
    /// Worksheet files (`worksheets/SLUG.md`) that pages may link to.
    public var worksheetFiles: Set<String>
    /// Page files that could not be read (their error is reported already):
    /// links and menu entries that lead to them are not reported again, so
    /// one mistake gives one error.
    public var unreadablePages: Set<String> = []
    /// On another language's site: the default language's meetings it has no
    /// page of its own for (`content/es/meetings/` is often empty). A
    /// meeting is one event whatever the site's language, so a Spanish
    /// visitor's schedule lists it too, linking to its page in the original.
    public internal(set) var sharedMeetings: [Page] = []
    /// ``sharedMeetings``' language (the default's code).
    public internal(set) var sharedMeetingsLanguage: String?

    /// Every meeting this site lists (its schedule, the home page's week, a
    /// host's page, the calendar feed, the flyer): its own meeting pages and
    /// the shared ones.
    public var meetings: [Page] {
        pages.filter { $0.kind == .meeting && $0.meeting != nil } + sharedMeetings
    }

    /// The Markdown renderer's words in this site's language (preview reloads pages with them).
    public var markdownWords = MarkdownWords.english

    public struct LoadOptions: Sendable {
        public var includeDrafts: Bool
        public var baseURL: String?
        /// The Markdown renderer's words by language code (``InterfaceWords/markdownWords(templatesFolder:)``);
        /// a language not in it has the English ones.
        public var markdownWords: [String: MarkdownWords]
        /// How many page files of each language keep their HTML from loading
        /// until they are written; the others render it again then
        /// (``PageBodyAgain``). Every page unless a one-shot build says less.
        public var keptPageBodies = Int.max
        /// Page files loaded at once, on every core: what a page keeps may
        /// depend on the batches before it (see `loadLanguage`).
        public var pagesPerBatch = 10_000
        public init(includeDrafts: Bool = false, baseURL: String? = nil, markdownWords: [String: MarkdownWords] = [:]) {
            self.includeDrafts = includeDrafts
            self.baseURL = baseURL
            self.markdownWords = markdownWords
        }
    }

    /// Loads and checks everything, collecting every problem rather than
    /// stopping at the first. Throws when any of them is an error. With
    /// `languages:` in site.yaml, the other languages are loaded too, each
    /// a site of its own in `translations`.
    public static func load(contentRoot: URL, displayRoot: String, options: LoadOptions = LoadOptions()) throws(DiagnosticsError) -> (Site, warnings: [Diagnostic]) {
        let folder: ContentFolder
        do throws(Diagnostic) {
            folder = try ContentFolder(root: contentRoot, displayRoot: displayRoot)
        } catch {
            throw DiagnosticsError([error])
        }
        var (config, diagnostics) = try SiteConfig.load(contentRoot: contentRoot, displayRoot: displayRoot)
        if let baseURL = options.baseURL {
            config.baseURL = BaseURL.normalized(baseURL)
        }
        diagnostics += folder.diagnostics
        // A language named in site.yaml before any of its pages are written is not built yet.
        config.languages = config.languages.filter { language in
            guard folder.markdownFiles.contains(where: { $0.hasPrefix(language.code + "/") }) else {
                diagnostics.append(.warning(displayRoot + "/site.yaml", "the language '\(language.code)' has no pages yet (no \(displayRoot)/\(language.code)/), so it is not built",
                                            fix: "write its pages in \(displayRoot)/\(language.code)/, with the same paths as the pages they translate"))
                return false
            }
            return true
        }
        let codes = config.languages.map(\.code)
        var site = loadLanguage(folder: folder.defaultLanguage(besides: codes), config: config, options: options,
                                diagnostics: &diagnostics)
        for code in codes {
            let languageFolder = folder.language(code)
            let (addresses, sources, slugProblems) = PageAddresses.read(languageFolder.markdownFiles.filter { !$0.hasPrefix("worksheets/") },
                                                                        in: languageFolder, prefix: code + "/")
            diagnostics += slugProblems
            site.translations.append(loadLanguage(folder: languageFolder, config: config.forLanguage(code), options: options,
                                                  addresses: addresses, sources: sources, diagnostics: &diagnostics))
        }
        let defaultMeetings = site.meetings
        for position in site.translations.indices {
            let translation = site.translations[position]
            site.translations[position].sharedMeetings = defaultMeetings.filter { translation.page(at: $0.contentPath) == nil }
            site.translations[position].sharedMeetingsLanguage = site.language
        }
        if !codes.isEmpty {
            let (pairs, problems) = LanguagePairs.make(site)
            diagnostics += problems
            site.pairs = pairs
            for position in site.translations.indices { site.translations[position].pairs = pairs }
        }
        if diagnostics.contains(where: \.isError) {
            throw DiagnosticsError(diagnostics)
        }
        return (site, diagnostics)
    }

    /// One language's pages, loaded and checked (problems into `diagnostics`).
    private static func loadLanguage(folder: ContentFolder, config: SiteConfig, options: LoadOptions,
                                     addresses: PageAddresses = PageAddresses(), sources: [String: SourceText] = [:],
                                     diagnostics: inout [Diagnostic]) -> Site {
        let markdownWords = options.markdownWords[config.language] ?? .english
        let loader = PageLoader(folder: folder, config: config, addresses: addresses, isTranslation: !addresses.prefix.isEmpty,
                                markdownWords: markdownWords)
        let pageFiles = folder.markdownFiles.filter { !$0.hasPrefix("worksheets/") }
        var pages: [Page] = []
        var unreadable: Set<String> = []
        // In batches, so that what a page keeps can depend on the pages before
        // it: its search text is clipped to what a site of the pages published
        // so far gets (the whole site gets no more), and past `keptPageBodies`
        // files no page keeps its HTML. One batch up to 10,000 pages.
        let batch = max(1, options.pagesPerBatch)
        for first in stride(from: 0, to: pageFiles.count, by: batch) {
            let files = Array(pageFiles[first..<min(first + batch, pageFiles.count)])
            var batchLoader = loader
            batchLoader.searchTextLimit = SearchText.limit(pageCount: pages.count)
            let keeping = batchLoader
            batchLoader.rendersBodyAgain = PageBodySource(loader: loader)
            let dropping = batchLoader
            let loaded = Array(files.indices).parallelMap { position in
                let file = files[position]
                let loader = first + position < options.keptPageBodies ? keeping : dropping
                guard let source = sources[file] else { return loader.load(file) }
                do throws(Diagnostic) { return try loader.load(source, contentPath: file) } catch {
                    return PageLoader.Loaded(page: nil, diagnostics: [error])
                }
            }
            for (file, result) in zip(files, loaded) {
                diagnostics += result.diagnostics
                if let page = result.page {
                    if options.includeDrafts || !page.isDraft { pages.append(page) }
                } else {
                    unreadable.insert(file)
                }
            }
        }
        let worksheetFiles = Set(folder.worksheetFiles)
        for nested in folder.markdownFiles where nested == ContentFolder.worksheetsSectionFile {
            diagnostics.append(.error(folder.displayPath(nested), "this would be a worksheet named '_index'; the list of worksheets is made by smartsite",
                                      fix: "to change the words of the worksheets page, edit templates/worksheets.mustache; "
                                          + "to make a worksheet, give the file its own name, e.g. worksheets/gratitude-log.md"))
        }
        for nested in folder.markdownFiles where nested.hasPrefix("worksheets/") && !worksheetFiles.contains(nested)
            && nested != ContentFolder.worksheetsSectionFile {
            diagnostics.append(.warning(folder.displayPath(nested), "a file in a folder inside worksheets/ is not a worksheet and is not built",
                                        fix: "move it into \(folder.displayRoot)/worksheets/ itself"))
        }
        var site = Site(config: config, pages: pages, folder: folder, worksheetFiles: worksheetFiles)
        site.unreadablePages = unreadable
        site.addresses = addresses
        site.markdownWords = markdownWords
        diagnostics += SiteChecks(site: site).run()
        if !addresses.slugs.isEmpty { diagnostics += site.sameAddressProblems() }
        return site
    }

    /// Two pages whose slugs give them one address: the second would replace the first.
    func sameAddressProblems() -> [Diagnostic] {
        var seen: [String: Page] = [:]
        var problems: [Diagnostic] = []
        for page in pages {
            if let first = seen[page.urlPath] {
                problems.append(.error(page.sourcePath, line: page.settings.slug != nil ? page.settings.slugLine : page.settingsLine, column: 1,
                                       "this page would be published at /\(page.urlPath), where \(first.sourcePath) is",
                                       fix: "give one of them another `slug:`"))
            } else {
                seen[page.urlPath] = page
            }
        }
        return problems
    }

    // MARK: - Languages

    /// The site in each other language (`content/es/` ...), in the order of
    /// their codes; empty on a site of one language, and on those sites themselves.
    public var translations: [Site] = []
    /// Where this language's pages are published.
    public internal(set) var addresses = PageAddresses()
    /// Which page is which page's translation, the same value on every language's site.
    public internal(set) var pairs = LanguagePairs()
    /// This site's language code (`en`, `es`).
    public var language: String { config.language }
    /// `es/` for another language, `` for the default.
    public var urlPrefix: String { addresses.prefix }
    /// Every language's site, the default first.
    public var allLanguages: [Site] { [self] + translations }

    // MARK: - Questions templates and checks ask

    /// Index of `pages` by content path: pages look each other up for every
    /// link, breadcrumb and menu entry, so this must not be a linear search.
    var index: [String: Int] = [:]
    /// The pages each section lists (indices into `pages`, in list order),
    /// by folder: worked out once, not by going through every page of the
    /// site for every section page.
    private var childrenBySection: [String: [Int]] = [:]

    init(config: SiteConfig, pages: [Page], folder: ContentFolder, worksheetFiles: Set<String>) {
        self.config = config
        self.pages = pages
        self.folder = folder
        self.worksheetFiles = worksheetFiles
        self.index = Dictionary(pages.enumerated().map { ($1.contentPath, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [String: [Int]] = [:]
        for (position, page) in pages.enumerated() where page.kind != .section && page.kind != .home {
            children[page.sectionPath, default: []].append(position)
        }
        self.childrenBySection = children.mapValues { Self.inListOrder($0, of: pages) }
    }

    private static func inListOrder(_ positions: [Int], of pages: [Page]) -> [Int] {
        positions.sorted { listOrder(pages[$0], pages[$1]) }
    }

    /// Puts a section's list back in order after a page in it changed its
    /// title or `order` (preview, without redoing every section).
    mutating func sortChildren(inSection folder: String) {
        guard let positions = childrenBySection[folder] else { return }
        childrenBySection[folder] = Self.inListOrder(positions, of: pages)
    }

    public func page(at contentPath: String) -> Page? {
        index[contentPath].map { pages[$0] }
    }

    /// The pages listed by a section page: those in its folder, in order.
    public func children(of section: Page) -> [Page] {
        (childrenBySection[section.sectionPath] ?? []).map { pages[$0] }
    }

    /// Lower `order` first, then title: how every list on the site is sorted.
    public static func listOrder(_ a: Page, _ b: Page) -> Bool {
        if a.order != b.order { return a.order < b.order }
        if a.title != b.title { return a.title < b.title }
        return a.contentPath < b.contentPath
    }

    /// The files of content/ other than pages that a page links to or shows
    /// (images, PDFs, downloads), sorted: the only ones published. A note
    /// left in the folder, or a file nothing links to any more, stays private.
    public func linkedFiles() -> [String] {
        var linked: Set<String> = []
        // With no file besides the pages, no link can lead to one: not a link of 10,000 pages is read.
        for page in folder.otherFiles.isEmpty ? [] : pages {
            for link in page.content.links {
                if case .file(let path, _) = LinkTarget.of(link.destination, from: page.contentPath), folder.hasOtherFile(path) {
                    linked.insert(path)
                }
            }
        }
        for named in namedFiles() where named.path.map(folder.hasOtherFile) == true {
            if let path = named.path { linked.insert(path) }
        }
        return linked.sorted()
    }

    /// A file a setting names rather than a link: site.yaml's `logo`, a page's `image`.
    public struct NamedFile: Sendable {
        /// Below content/; nil when the setting leads outside it.
        public var path: String?
        public var written: String
        public var source: String
        public var line: Int
        public var column: Int
        public var setting: String
    }

    /// Every file the settings name, with where each is named (for its errors).
    public func namedFiles() -> [NamedFile] {
        var named: [NamedFile] = []
        let branding = config.branding
        if let logo = branding.logo {
            named.append(NamedFile(path: Self.filePath(logo, from: "site.yaml"), written: logo, source: folder.displayPath("site.yaml"),
                                   line: branding.logoLine, column: branding.logoColumn, setting: "logo"))
        }
        for page in pages {
            guard let image = page.settings.image else { continue }
            named.append(NamedFile(path: Self.filePath(image, from: page.contentPath), written: image, source: page.sourcePath,
                                   line: page.settings.imageLine, column: 1, setting: "image"))
        }
        return named
    }

    /// The published path of the file a page's `image:` names, if it names one.
    public func imagePath(of page: Page) -> String? {
        page.settings.image.flatMap { Self.filePath($0, from: page.contentPath) }
    }

    /// A setting's path read as a link from `contentPath`: below content/, or nil.
    static func filePath(_ written: String, from contentPath: String) -> String? {
        if case .file(let path, _) = LinkTarget.of(written, from: contentPath) { return path }
        return nil
    }

    /// Files of content/ that no page links to: not published; `check` lists them.
    public func unlinkedFiles() -> [String] {
        let linked = Set(linkedFiles())
        return folder.otherFiles.filter { !linked.contains($0) }
    }

    public var points: [Page] {
        pages.filter { $0.kind == .point }.sorted { ($0.settings.point ?? 0) < ($1.settings.point ?? 0) }
    }

    public func tools(serving point: Int) -> [Page] {
        pages.filter { $0.kind == .tool && ($0.settings.points ?? []).contains(point) }.sorted(by: Self.listOrder)
    }
}
