#if canImport(Glibc)
import Glibc
#endif

/// What `smartsite build` was asked to do.
public struct BuildOptions: Sendable {
    public var contentFolder: String
    public var templatesFolder: String
    public var outputFolder: String
    /// Overrides `base_url` of site.yaml (e.g. for a staging host).
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Worksheets need Ghostscript; `--no-worksheets` builds the pages alone.
    public var buildWorksheets: Bool
    /// `--force`: the output folder may be a non-empty folder smartsite did
    /// not make (its files are deleted). Never lets a build replace the
    /// content, templates, working or home folder; see ``OutputSafety``.
    public var replacesOtherFiles = false
    /// False for a one-shot `smartsite build`, whose process ends right after:
    /// the loaded site (every page's HTML and text, ~10,000 objects for a big
    /// site) is then left for the exit to reclaim instead of being freed one
    /// object at a time on one core while the build's summary waits (what
    /// compilers do too, e.g. clang's -disable-free). Preview and tests keep
    /// the default, which frees it.
    public var freesMemoryAtEnd = true
    /// How many pages of each language keep their HTML in memory from
    /// loading until they are written (``PageBodyAgain``): every page, but
    /// for a one-shot build, which keeps ``oneShotKeptPageBodies`` and renders
    /// the Markdown of the rest again as it writes them, so a site of
    /// 100,000 pages does not hold all of their HTML at once.
    public var keptPageBodies = Int.max
    /// 20,000 pages' HTML is about 120 MB; up to there nothing is read twice.
    /// `SMARTSITE_KEPT_PAGE_BODIES=N` sets another number (tests, benchmarks).
    public static var oneShotKeptPageBodies: Int {
        getenv("SMARTSITE_KEPT_PAGE_BODIES").flatMap { Int(String(cString: $0)) }.map { max(0, $0) } ?? 20_000
    }
    /// `smartsite check`: also the publisher's checks (SiteAudit) on the
    /// loaded site, so check reads the content once.
    public var audits = false
    /// `check --reading`: with `audits`, also every page's reading grade as a table.
    public var readingTable = false
    /// `build --offline`: the copy that works opened from disk (``OfflineCopy``).
    public var offline = false

    public init(contentFolder: String = "content", templatesFolder: String = "templates", outputFolder: String = "output",
                baseURL: String? = nil, includeDrafts: Bool = false, buildWorksheets: Bool = true) {
        self.contentFolder = contentFolder
        self.templatesFolder = templatesFolder
        self.outputFolder = outputFolder
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.buildWorksheets = buildWorksheets
    }
}

/// What a finished build did, for the closing summary and `make bench`.
public struct BuildReport: Sendable {
    public var pagesWritten = 0
    public var worksheetsBuilt = 0
    /// Worksheet PDFs made by Ghostscript this time, and reused from the last build.
    public var pdfsDistilled = 0
    public var pdfsReused = 0
    public var filesCopied = 0
    /// Images resized by libvips this time, and kept from the last build.
    public var imagesResized = 0
    public var imagesReused = 0
    public var warnings: [Diagnostic] = []
    /// With `audits`: links to other sites, for a person to check by hand.
    public var externalLinks: [(url: String, page: String, line: Int)] = []
    /// With `readingTable`: every page's reading grade, as a table to print.
    public var readingTable = ""
    /// With `audits`: what is wrong with the pages as built (a help line missing), errors among them.
    public var builtPageProblems: [Diagnostic] = []
    /// `check`: by language code, the pages with no translation into it (or,
    /// for the default language, the other languages' pages with no original).
    public var untranslated: [(heading: String, pages: [String])] = []
    /// Seconds per named step, in the order they ran.
    public var steps: [(name: String, seconds: Double)] = []
    public var totalSeconds: Double { steps.reduce(0) { $0 + $1.seconds } }
}

import Diagnostics
