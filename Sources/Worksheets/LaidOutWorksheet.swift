import Diagnostics
import PostScript

/// A worksheet laid out for print on every paper size, and for the web:
/// what the distilling plan makes PDFs of and what the site lists. After
/// distilling, `pdfFiles` says which PDFs were made.
public struct LaidOutWorksheet: Sendable {
    public var worksheet: Worksheet
    /// One per paper size, in `Paper.allCases` order, then the same in large print.
    var printed: [Printed]
    /// The form as semantic HTML (classes prefixed `ws-`) for the worksheet's page.
    public var htmlPreview: String
    /// Relative to the output root, e.g. worksheets/urge-log-letter.pdf.
    /// Empty until the PDFs are made, and when they could not be (no Ghostscript).
    public var pdfFiles: [Paper: String] = [:]
    /// The large-print PDFs, e.g. worksheets/urge-log-large-letter.pdf; made with the others.
    public var largePrintFiles: [Paper: String] = [:]

    struct Printed: Sendable {
        var paper: Paper
        var largePrint = false
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
        printed = [false, true].flatMap { largePrint in
            Paper.allCases.map { paper in
                let layout = WorksheetLayout(worksheet: worksheet, paper: paper, settings: settings, largePrint: largePrint)
                let document = layout.document()
                if paper == .letter && !largePrint {
                    diagnostics += document.warnings.map { Diagnostic.warning(worksheet.sourcePath, $0) }
                }
                return Printed(paper: paper, largePrint: largePrint, postScript: document.render(), pageCount: document.pageCount,
                               name: layout.name, urlPrefix: settings.urlPrefix)
            }
        }
        htmlPreview = WorksheetHTML.render(worksheet, words: settings.words)
    }

    public var slug: String { worksheet.slug }

    public func pageCount(_ paper: Paper, largePrint: Bool = false) -> Int {
        printed.first { $0.paper == paper && $0.largePrint == largePrint }?.pageCount ?? 1
    }

    /// The PDFs made, as the worksheet's page offers them: each paper size,
    /// then each in large print. Empty when none were made.
    public func downloads(_ words: WorksheetWords) -> [(label: String, file: String, pages: Int)] {
        printed.compactMap { printed in
            guard let file = (printed.largePrint ? largePrintFiles : pdfFiles)[printed.paper] else { return nil }
            let paper = words.paperName(printed.paper)
            return (printed.largePrint ? words.largePrint(paper) : paper, file, printed.pageCount)
        }
    }
}
