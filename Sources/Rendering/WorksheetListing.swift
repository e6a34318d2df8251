/// What the site shows of one printable worksheet: its own page and the
/// links from tool pages. Filled in by the build from the worksheet part.
public struct WorksheetListing: Sendable {
    public var slug: String
    public var title: String
    public var description: String
    public var sourcePath: String
    /// The form as HTML, shown on the worksheet's page.
    public var htmlPreview: String
    /// Downloads, e.g. ("US Letter", "worksheets/urge-log-letter.pdf", 2 pages).
    public var downloads: [Download]
    /// The tool page it belongs to, as a content path, when known.
    public var toolPage: String?
    /// `es/` for a worksheet of another language than the default.
    public var urlPrefix = ""

    public struct Download: Sendable {
        public var label: String
        /// Below the output root.
        public var file: String
        public var pages: Int
        /// "1 page", "2 pages": in the site's words (WorksheetWords), not Rendering's.
        public var pagesLabel: String
        public init(label: String, file: String, pages: Int, pagesLabel: String) {
            self.label = label
            self.file = file
            self.pages = pages
            self.pagesLabel = pagesLabel
        }
    }

    public init(slug: String, title: String, description: String, sourcePath: String, htmlPreview: String,
                downloads: [Download], toolPage: String? = nil) {
        self.slug = slug
        self.title = title
        self.description = description
        self.sourcePath = sourcePath
        self.htmlPreview = htmlPreview
        self.downloads = downloads
        self.toolPage = toolPage
    }

    public var urlPath: String { urlPrefix + "worksheets/\(slug)/" }
}

/// A workbook of part of the program (one point's worksheets), as the
/// worksheets page offers it: its title and a download per paper size.
public struct WorkbookListing: Sendable {
    public var title: String
    public var downloads: [WorksheetListing.Download]

    public init(title: String, downloads: [WorksheetListing.Download]) {
        self.title = title
        self.downloads = downloads
    }
}
