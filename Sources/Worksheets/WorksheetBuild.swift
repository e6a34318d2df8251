import DerivedFiles
import Diagnostics
import Foundation

/// The site's worksheets, built: what the site lists, and the PDFs for the
/// build to write into its output like every other file.
public struct WorksheetsBuilt: Sendable {
    /// The worksheets without errors, in file order.
    public var worksheets: [LaidOutWorksheet] = []
    /// The PDFs: path below the output root (worksheets/urge-log-letter.pdf) → bytes.
    public var files: [String: Data] = [:]
    public var diagnostics: [Diagnostic] = []
    /// PDFs made by Ghostscript in this build, and kept from the last one.
    public var distilled = 0
    public var reused = 0
    /// Ghostscript processes started.
    public var ghostscriptRuns = 0
    /// The workbooks made or kept: paper → path below the output root, and their page counts.
    public var workbookFiles: [Paper: String] = [:]
    public var workbookPageCounts: [Paper: Int] = [:]
    /// The parts' workbooks (one per point), in the order of `WorksheetSettings.workbookParts`.
    public var partWorkbooks: [PartWorkbook] = []

    public struct PartWorkbook: Sendable {
        public var part: WorkbookPart
        public var files: [Paper: String] = [:]
        public var pageCounts: [Paper: Int] = [:]
    }

    public init() {}
}

/// Reads, parses and lays out every worksheet file on Letter and A4, keeps
/// the PDFs of the last build whose input did not change (`previous`) and
/// distils the others with Ghostscript in `scratch` (a folder of its own,
/// never the output). Problems come back as diagnostics; a missing
/// Ghostscript is a warning, so the HTML site still builds.
public func buildWorksheets(_ files: [WorksheetFile], settings: WorksheetSettings, previous: DerivedFileCache,
                            scratch: URL) -> WorksheetsBuilt {
    var built = WorksheetsBuilt()
    var diagnostics: [Diagnostic] = []
    built.worksheets = files.compactMap { file in
        file.load(baseURL: settings.baseURL, diagnostics: &diagnostics)
            .map { LaidOutWorksheet($0, settings: settings, diagnostics: &diagnostics) }
    }
    let plan = DistillingPlan(built.worksheets, cache: previous)
    let workbooks = WorkbookPlan(built.worksheets.map(\.worksheet), settings: settings, cache: previous)
    built.files = plan.kept.merging(workbooks.kept) { first, _ in first }
    built.reused = built.files.count
    var made = plan.keptWorksheets
    var workbooksMade = !workbooks.kept.isEmpty
    let workbookJobs = workbooks.jobs(scratch: scratch)
    if let first = plan.toDistil.first?.members.first ?? (workbookJobs.isEmpty ? nil : 0) {
        if let gs = Ghostscript.locate(settings.ghostscriptPath) {
            let jobs = plan.jobs(scratch: scratch) + workbookJobs
            let runs = gs.distil(jobs: jobs, scratch: scratch)
            let folder = scratch.deletingLastPathComponent().path
            let outcomes = DistillingOutcomes(plan, runs: Array(runs.prefix(plan.toDistil.count)),
                                              worksheets: built.worksheets, folder: folder)
            built.ghostscriptRuns = jobs.count
            built.distilled = outcomes.files.count
            built.files.merge(outcomes.files) { _, new in new }
            made.formUnion(outcomes.made)
            diagnostics += outcomes.diagnostics
            if !workbookJobs.isEmpty {
                let (files, problems) = workbooks.files(Array(runs.suffix(workbookJobs.count)), folder: folder)
                built.files.merge(files) { _, new in new }
                built.distilled += files.count
                workbooksMade = !files.isEmpty
                diagnostics += problems
            }
        } else {
            var missing = Ghostscript.missingDiagnostic
            missing.path = (built.worksheets[first].worksheet.sourcePath as NSString).deletingLastPathComponent
            diagnostics.append(missing)
        }
    }
    if workbooksMade {
        for pdf in workbooks.pdfs {
            guard let part = pdf.part else {
                built.workbookFiles[pdf.paper] = pdf.path
                built.workbookPageCounts[pdf.paper] = pdf.pageCount
                continue
            }
            if built.partWorkbooks.last?.part != part { built.partWorkbooks.append(.init(part: part)) }
            built.partWorkbooks[built.partWorkbooks.count - 1].files[pdf.paper] = pdf.path
            built.partWorkbooks[built.partWorkbooks.count - 1].pageCounts[pdf.paper] = pdf.pageCount
        }
    }
    for i in made {
        let printed = built.worksheets[i].printed
        built.worksheets[i].pdfFiles = Dictionary(uniqueKeysWithValues: printed.filter { !$0.largePrint }.map { ($0.paper, $0.pdfPath) })
        built.worksheets[i].largePrintFiles = Dictionary(uniqueKeysWithValues: printed.filter(\.largePrint).map { ($0.paper, $0.pdfPath) })
    }
    built.diagnostics = diagnostics
    return built
}

/// One worksheet file, for `smartsite worksheet NAME [--paper letter|a4] [-o FILE] [--ps]`.
/// With `distil: false` (or `--ps`) no Ghostscript is needed and `pdf` is nil.
/// Throws `DiagnosticsError` for a worksheet with errors, or when a PDF is
/// asked for and Ghostscript is missing or fails.
public func buildWorksheet(path: String, paper: Paper, settings: WorksheetSettings,
                           distil: Bool = true) throws -> (postScript: String, pdf: Data?, warnings: [Diagnostic]) {
    let made = try buildWorksheet(path: path, askedPaper: paper, settings: settings, distil: distil)
    return (made.postScript, made.pdf, made.warnings)
}

/// One worksheet on the paper asked for, or when none is, on the paper of
/// its own `paper:` setting (letter when it has none).
public func buildWorksheet(path: String, askedPaper: Paper?, settings: WorksheetSettings,
                           distil: Bool = true) throws -> (postScript: String, pdf: Data?, warnings: [Diagnostic], paper: Paper) {
    let file = WorksheetFile(path: path, shownPath: path)
    var diagnostics: [Diagnostic] = []
    guard let worksheet = file.load(baseURL: settings.baseURL, diagnostics: &diagnostics) else { throw DiagnosticsError(diagnostics) }
    let paper = askedPaper ?? worksheet.paper
    let document = WorksheetLayout(worksheet: worksheet, paper: paper, settings: settings).document()
    let postScript = document.render()
    let warnings = diagnostics + document.warnings.map { Diagnostic.warning(path, $0) }
    guard distil else { return (postScript, nil, warnings, paper) }
    guard let gs = Ghostscript.locate(settings.ghostscriptPath) else {
        var missing = Ghostscript.missingDiagnostic
        missing.severity = .error
        missing.path = path
        throw DiagnosticsError([missing])
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-worksheet-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outcome = gs.distil([Ghostscript.Document(postScript: postScript, output: scratch.appendingPathComponent("worksheet.pdf"),
                                                  identity: SHA256.hex(DistillingPlan.groupKey([postScript]) + paper.rawValue),
                                                  label: worksheet.slug)], scratch: scratch)
    if let failure = outcome.failure, !failure.isWarning {
        throw DiagnosticsError([failure.diagnostic(path, folder: scratch.path, slug: worksheet.slug)])
    }
    return (postScript, outcome.pdfs.first, warnings, paper)
}
