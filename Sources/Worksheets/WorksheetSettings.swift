import Foundation
import PostScript

/// What the worksheets need from the site: printed in every footer and in the
/// PDFs' document information.
public struct WorksheetSettings: Sendable {
    public var siteTitle: String
    /// The not-affiliated note, printed in every footer.
    public var disclaimer: String
    public var baseURL: String
    /// The PDFs' creation date (PDF form, "D:20260101000000Z"). Fixed so the
    /// same input gives the same bytes; nil uses SOURCE_DATE_EPOCH when set,
    /// else 2026-01-01.
    public var date: String?
    /// A `gs` to use instead of the one on the PATH.
    public var ghostscriptPath: String?
    /// The words smartsite adds itself (footer, tooltips, download labels).
    public var words: WorksheetWords
    /// The site's help lines as the footer prints them, one string each.
    public var helpLines: [String] = []
    /// The PDFs' /Lang (`es-US`): set on a site of more than one language.
    public var language: String?
    /// Where the worksheets of another language than the default are published: `es/`.
    public var urlPrefix = ""
    /// Besides the workbook of every worksheet, one per part: the points of the program.
    public var workbookParts: [WorkbookPart] = []
    /// The program's logo (site.yaml `logo`, else smartsite's own), printed
    /// beside its name on every sheet's first page and on workbook covers.
    public var logo: Picture?

    public init(siteTitle: String, disclaimer: String, baseURL: String, date: String? = nil, ghostscriptPath: String? = nil,
                words: WorksheetWords) {
        self.siteTitle = siteTitle
        self.disclaimer = disclaimer
        self.baseURL = baseURL
        self.date = date
        self.ghostscriptPath = ghostscriptPath
        self.words = words
    }

    var pdfDate: String {
        if let date { return date }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap({ Int($0) }) {
            return DocumentInfo.pdfDate(secondsSince1970: epoch)
        }
        return "D:20260101000000Z"
    }
}
