import DerivedFiles
import Diagnostics
import Foundation

/// The workbooks (one per paper size) as the build makes them: kept from
/// the last build when made from the same PostScript, else distilled
/// together in one gs process of their own (their internal links name
/// pages, which must not meet another document's in the same process).
struct WorkbookPlan {
    struct PDF {
        var path: String
        var name: String
        var postScript: String
        var pageCount: Int
        var key: String
        var paper: Paper
    }

    private(set) var pdfs: [PDF] = []
    /// The last build's workbooks, when all of them can be kept: path → bytes.
    private(set) var kept: [String: Data] = [:]

    init(_ worksheets: [Worksheet], settings: WorksheetSettings, cache: DerivedFileCache) {
        guard !worksheets.isEmpty else { return }
        let made = Paper.allCases.map { paper -> (Workbook, String, Int) in
            let workbook = Workbook(worksheets: worksheets, paper: paper, settings: settings)
            let document = workbook.document()
            return (workbook, document.render(), document.pageCount)
        }
        let groupKey = DistillingPlan.groupKey(made.map { $0.0.name + "\n" + $0.1 })
        pdfs = made.map { workbook, postScript, pages in
            PDF(path: workbook.pdfPath, name: workbook.name, postScript: postScript, pageCount: pages,
                key: SHA256.hex(groupKey + "\n" + workbook.name), paper: workbook.paper)
        }
        let previous = pdfs.compactMap { pdf in cache.reuse(pdf.path, madeFrom: pdf.key, stamp: PDFStamp()).map { (pdf.path, $0) } }
        if previous.count == pdfs.count { kept = Dictionary(previous) { first, _ in first } }
    }

    /// The gs job, or nil when every workbook is kept (or there are none).
    func job(scratch: URL) -> [Ghostscript.Document]? {
        guard kept.isEmpty, !pdfs.isEmpty else { return nil }
        return pdfs.map { Ghostscript.Document(postScript: $0.postScript, output: scratch.appendingPathComponent($0.name + ".pdf"),
                                               identity: $0.key, label: $0.name) }
    }

    /// The PDFs of the job's run, or the error that stopped it.
    func files(_ run: Ghostscript.Outcome, folder: String) -> (files: [String: Data], diagnostics: [Diagnostic]) {
        if let failure = run.failure, !failure.isWarning {
            return ([:], [failure.diagnostic("content/worksheets", folder: folder, slug: "workbook")])
        }
        return (Dictionary(zip(pdfs.map(\.path), run.pdfs)) { first, _ in first }, [])
    }
}
