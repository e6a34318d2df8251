import DerivedFiles
import Diagnostics
import Foundation

/// The workbooks (every worksheet, then each part's, each on every paper
/// size) as the build makes them: kept from
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
        /// nil for the workbook of every worksheet.
        var part: WorkbookPart?
    }

    private(set) var pdfs: [PDF] = []
    /// The last build's workbooks, when all of them can be kept: path → bytes.
    private(set) var kept: [String: Data] = [:]

    init(_ worksheets: [Worksheet], settings: WorksheetSettings, cache: DerivedFileCache) {
        guard !worksheets.isEmpty else { return }
        // A part none of whose worksheets exists (a point whose tools have none) gets no workbook.
        let books = [(nil, worksheets)] + settings.workbookParts.map { part in (part, worksheets.filter(part.holds)) }.filter { !$0.1.isEmpty }
        let made = books.flatMap { part, members in Paper.allCases.map { paper -> (Workbook, String, Int) in
            let workbook = Workbook(worksheets: members, paper: paper, settings: settings, part: part)
            let document = workbook.document()
            return (workbook, document.render(), document.pageCount)
        } }
        let groupKey = DistillingPlan.groupKey(made.map { $0.0.name + "\n" + $0.1 })
        pdfs = made.map { workbook, postScript, pages in
            PDF(path: workbook.pdfPath, name: workbook.name, postScript: postScript, pageCount: pages,
                key: SHA256.hex(groupKey + "\n" + workbook.name), paper: workbook.paper, part: workbook.part)
        }
        let previous = pdfs.compactMap { pdf in cache.reuse(pdf.path, madeFrom: pdf.key, stamp: PDFStamp()).map { (pdf.path, $0) } }
        if previous.count == pdfs.count { kept = Dictionary(previous) { first, _ in first } }
    }

    /// The workbook of every worksheet, then the parts': each group is one
    /// gs job, so the two run side by side with the worksheets' jobs.
    private var groups: [[PDF]] { [pdfs.filter { $0.part == nil }, pdfs.filter { $0.part != nil }].filter { !$0.isEmpty } }

    /// The gs jobs, none when every workbook is kept (or there are none).
    func jobs(scratch: URL) -> [[Ghostscript.Document]] {
        guard kept.isEmpty else { return [] }
        return groups.map { group in
            group.map { Ghostscript.Document(postScript: $0.postScript, output: scratch.appendingPathComponent($0.name + ".pdf"),
                                             identity: $0.key, label: $0.name) }
        }
    }

    /// The PDFs of the jobs' runs (in `jobs` order), or the error that stopped them.
    func files(_ runs: [Ghostscript.Outcome], folder: String) -> (files: [String: Data], diagnostics: [Diagnostic]) {
        var files: [String: Data] = [:]
        for (group, run) in zip(groups, runs) {
            if let failure = run.failure, !failure.isWarning {
                return ([:], [failure.diagnostic("content/worksheets", folder: folder, slug: "workbook")])
            }
            files.merge(zip(group.map(\.path), run.pdfs)) { first, _ in first }
        }
        return (files, [])
    }
}
