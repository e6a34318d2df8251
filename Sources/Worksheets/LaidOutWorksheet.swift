import Diagnostics
import PostScript

/// A worksheet laid out for print on every paper size, and for the web:
/// what the distilling plan makes PDFs of and what the site lists. After
/// distilling, `pdfFiles` says which PDFs were made.
public struct LaidOutWorksheet: Sendable {
    public var worksheet: Worksheet
    /// One per paper size, in `Paper.allCases` order.
    var printed: [Printed]
    /// The form as semantic HTML (classes prefixed `ws-`) for the worksheet's page.
    public var htmlPreview: String
    /// Relative to the output root, e.g. worksheets/urge-log-letter.pdf.
    /// Empty until the PDFs are made, and when they could not be (no Ghostscript).
    public var pdfFiles: [Paper: String] = [:]

    struct Printed: Sendable {
        var paper: Paper
        var postScript: String
        var pageCount: Int
        /// e.g. urge-log-letter: the PDF's file name, and how gs's log names it.
        var name: String
        /// `es/` for a worksheet of another language than the default.
        var urlPrefix = ""
        /// Where its PDF goes, below the output root.
        var pdfPath: String { urlPrefix + "worksheets/\(name).pdf" }
    }

    /// Lays `worksheet` out; the layout's warnings (text that did not fit)
    /// are added to `diagnostics`, once, from the Letter layout.
    init(_ worksheet: Worksheet, settings: WorksheetSettings, diagnostics: inout [Diagnostic]) {
        self.worksheet = worksheet
        printed = Paper.allCases.map { paper in
            let document = WorksheetLayout(worksheet: worksheet, paper: paper, settings: settings).document()
            if paper == .letter {
                diagnostics += document.warnings.map { Diagnostic.warning(worksheet.sourcePath, $0) }
            }
            return Printed(paper: paper, postScript: document.render(), pageCount: document.pageCount,
                           name: "\(worksheet.slug)-\(paper.rawValue)", urlPrefix: settings.urlPrefix)
        }
        htmlPreview = WorksheetHTML.render(worksheet, words: settings.words)
    }

    public var slug: String { worksheet.slug }

    public func pageCount(_ paper: Paper) -> Int {
        printed.first { $0.paper == paper }?.pageCount ?? 1
    }
}
