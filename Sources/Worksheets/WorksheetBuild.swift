import Content
import Diagnostics
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

    public init(siteTitle: String, disclaimer: String, baseURL: String, date: String? = nil, ghostscriptPath: String? = nil) {
        self.siteTitle = siteTitle
        self.disclaimer = disclaimer
        self.baseURL = baseURL
        self.date = date
        self.ghostscriptPath = ghostscriptPath
    }

    var pdfDate: String {
        if let date { return date }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap({ Int($0) }) {
            return DocumentInfo.pdfDate(secondsSince1970: epoch)
        }
        return "D:20260101000000Z"
    }
}

public struct WorksheetSummary: Sendable {
    public var slug: String
    public var title: String
    public var description: String
    /// The toolbox page's slug (front matter `tool`), if given.
    public var tool: String?
    /// e.g. content/worksheets/urge-log.md
    public var sourcePath: String
    /// The form as semantic HTML (classes prefixed `ws-`) for the worksheet's page.
    public var htmlPreview: String
    /// Relative to the output root, e.g. worksheets/urge-log-letter.pdf. Empty
    /// when the PDFs could not be made (no Ghostscript).
    public var pdfFiles: [Paper: String]
    public var pageCount: [Paper: Int]
}

public struct WorksheetBuildResult: Sendable {
    public var worksheets: [WorksheetSummary] = []
    public var diagnostics: [Diagnostic] = []
    /// PDFs made by Ghostscript in this build, and copied from the previous output.
    public var distilled = 0
    public var reused = 0
    /// Ghostscript processes started.
    public var ghostscriptRuns = 0
    /// Seconds spent reading and laying out, and in Ghostscript (wall clock).
    public var layoutSeconds = 0.0
    public var distilSeconds = 0.0

    /// One line for build logs and `make bench`.
    public var timingSummary: String {
        func ms(_ s: Double) -> String { String(Int((s * 1000).rounded())) + " ms" }
        return "\(worksheets.count) worksheets: layout \(ms(layoutSeconds)), gs \(ms(distilSeconds)) "
            + "(\(ghostscriptRuns) gs runs, \(distilled) PDFs distilled, \(reused) reused)"
    }
}

/// Where a worksheet's PDF goes, below the output root.
func pdfPath(_ slug: String, _ paper: Paper) -> String { "worksheets/\(slug)-\(paper.rawValue).pdf" }

/// Loads content/worksheets/*.md (sorted), lays each out on Letter and A4, and
/// writes the PDFs into stagingRoot/worksheets/. PDFs whose PostScript is the
/// same as last time (compared by SHA-256, per distilling group, through each
/// PDF's trailer /ID: PDFReuse) are copied from `previousOutputRoot` (read
/// only) instead of distilled again. Problems come back as diagnostics; a missing
/// Ghostscript is a warning, so the HTML site still builds.
public func buildWorksheets(contentRoot: String, stagingRoot: String, previousOutputRoot: String?,
                            settings: WorksheetSettings) -> WorksheetBuildResult {
    var result = WorksheetBuildResult()
    let started = Date()
    let folder = URL(fileURLWithPath: contentRoot).appendingPathComponent("worksheets")
    let displayFolder = (contentRoot.hasSuffix("/") ? String(contentRoot.dropLast()) : contentRoot) + "/worksheets"
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && !$0.hasPrefix("_") }
        .sorted()

    // Read, parse and lay out every worksheet in both sizes.
    struct Made {
        var worksheet: Worksheet
        var postScript: [Paper: String]
        var pageCount: [Paper: Int]
    }
    var made: [Made] = []
    for file in files {
        let path = displayFolder + "/" + file
        let slug = String(file.dropLast(3))
        let source: SourceText
        do {
            source = try SourceText.read(folder.appendingPathComponent(file), displayPath: path)
        } catch {
            result.diagnostics.append(error)
            continue
        }
        var parser = WorksheetParser(path: path, slug: slug, baseURL: settings.baseURL)
        let parsed = parser.parse(source)
        result.diagnostics += parser.diagnostics
        guard let worksheet = parsed else { continue }
        var postScript: [Paper: String] = [:]
        var pages: [Paper: Int] = [:]
        for paper in Paper.allCases {
            let document = WorksheetLayout(worksheet: worksheet, paper: paper, settings: settings).document()
            postScript[paper] = document.render()
            pages[paper] = document.pageCount
            if paper == .letter {
                result.diagnostics += document.warnings.map { Diagnostic.warning(path, $0) }
            }
        }
        made.append(Made(worksheet: worksheet, postScript: postScript, pageCount: pages))
    }
    result.layoutSeconds = Date().timeIntervalSince(started)

    // PDFs, made in distilling groups: see DistillingGroups.
    let outputFolder = URL(fileURLWithPath: stagingRoot).appendingPathComponent("worksheets")
    try? FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
    var ready = Set<Int>()
    var pending: [(members: [Int], key: String)] = []
    for group in DistillingGroups.assign(made.map(\.worksheet.slug)) {
        let key = cacheKey(group.flatMap { i in Paper.allCases.map { made[i].worksheet.slug + "\n" + made[i].postScript[$0]! } })
        let files = group.flatMap { i in
            Paper.allCases.map { (path: pdfPath(made[i].worksheet.slug, $0),
                                  identity: PDFReuse.identity(groupKey: key, slug: made[i].worksheet.slug, paper: $0)) }
        }
        if let root = previousOutputRoot, files.allSatisfy({ PDFReuse.isMade(from: $0.identity, at: root + "/" + $0.path) }) {
            var copied = true
            for file in files {
                let to = URL(fileURLWithPath: stagingRoot).appendingPathComponent(file.path)
                try? FileManager.default.removeItem(at: to)
                do { try FileManager.default.copyItem(at: URL(fileURLWithPath: root).appendingPathComponent(file.path), to: to) } catch { copied = false }
            }
            if copied {
                result.reused += files.count
                ready.formUnion(group)
                continue
            }
        }
        pending.append((group, key))
    }

    if !pending.isEmpty {
        if let gs = Ghostscript.locate(settings.ghostscriptPath) {
            let jobs = pending.map { group in
                group.members.flatMap { i in
                    Paper.allCases.compactMap { paper in
                        made[i].postScript[paper].map { postScript in
                            Ghostscript.Document(postScript: postScript,
                                                 output: URL(fileURLWithPath: stagingRoot).appendingPathComponent(pdfPath(made[i].worksheet.slug, paper)),
                                                 identity: PDFReuse.identity(groupKey: group.key, slug: made[i].worksheet.slug, paper: paper),
                                                 label: "\(made[i].worksheet.slug)-\(paper.rawValue)")
                        }
                    }
                }
            }
            let distilStarted = Date()
            let outcomes = gs.distil(jobs: jobs, scratch: outputFolder)
            result.distilSeconds = Date().timeIntervalSince(distilStarted)
            result.ghostscriptRuns = jobs.count
            for (group, outcome) in zip(pending, outcomes) {
                if let remark = outcome, remark.isWarning {
                    let about = group.members.first { i in remark.label?.hasPrefix(made[i].worksheet.slug + "-") == true } ?? group.members[0]
                    result.diagnostics.append(.warning(made[about].worksheet.sourcePath, "Ghostscript said: \(remark.message)"))
                }
                if let failure = outcome, !failure.isWarning {
                    // Blame the document gs was working on; the others in its group are only missing.
                    let culprit = group.members.first { i in failure.label?.hasPrefix(made[i].worksheet.slug + "-") == true } ?? group.members[0]
                    result.diagnostics.append(failure.diagnostic(made[culprit].worksheet.sourcePath, folder: stagingRoot,
                                                                 slug: made[culprit].worksheet.slug))
                    for i in group.members where i != culprit {
                        result.diagnostics.append(.error(made[i].worksheet.sourcePath,
                                                         "this worksheet's PDF was not made because \(made[culprit].worksheet.slug) failed in the same Ghostscript run"))
                    }
                    for i in group.members {
                        for paper in Paper.allCases {
                            try? FileManager.default.removeItem(at: URL(fileURLWithPath: stagingRoot).appendingPathComponent(pdfPath(made[i].worksheet.slug, paper)))
                        }
                    }
                } else {
                    result.distilled += group.members.count * Paper.allCases.count
                    ready.formUnion(group.members)
                }
            }
        } else {
            var missing = Ghostscript.missingDiagnostic
            missing.path = displayFolder
            result.diagnostics.append(missing)
        }
    }

    result.worksheets = made.enumerated().map { index, item in
        let ws = item.worksheet
        var files: [Paper: String] = [:]
        if ready.contains(index) { Paper.allCases.forEach { files[$0] = pdfPath(ws.slug, $0) } }
        return WorksheetSummary(slug: ws.slug, title: ws.title, description: ws.description, tool: ws.tool,
                                sourcePath: ws.sourcePath, htmlPreview: WorksheetHTML.render(ws),
                                pdfFiles: files, pageCount: item.pageCount)
    }
    return result
}

/// One worksheet file, for `smartsite worksheet NAME [--paper letter|a4] [-o FILE] [--ps]`.
/// With `distil: false` (or `--ps`) no Ghostscript is needed and `pdf` is nil.
/// Throws `DiagnosticsError` for a worksheet with errors, or when a PDF is
/// asked for and Ghostscript is missing or fails.
public func buildWorksheet(path: String, paper: Paper, settings: WorksheetSettings,
                           distil: Bool = true) throws -> (postScript: String, pdf: Data?, warnings: [Diagnostic]) {
    let url = URL(fileURLWithPath: path)
    let source: SourceText
    do { source = try SourceText.read(url, displayPath: path) } catch { throw DiagnosticsError([error]) }
    var parser = WorksheetParser(path: path, slug: url.deletingPathExtension().lastPathComponent, baseURL: settings.baseURL)
    guard let worksheet = parser.parse(source) else { throw DiagnosticsError(parser.diagnostics) }
    let document = WorksheetLayout(worksheet: worksheet, paper: paper, settings: settings).document()
    let postScript = document.render()
    let warnings = parser.diagnostics + document.warnings.map { Diagnostic.warning(path, $0) }
    guard distil else { return (postScript, nil, warnings) }
    guard let gs = Ghostscript.locate(settings.ghostscriptPath) else {
        var missing = Ghostscript.missingDiagnostic
        missing.severity = .error
        missing.path = path
        throw DiagnosticsError([missing])
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("smartsite-worksheet-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let output = scratch.appendingPathComponent("worksheet.pdf")
    if let failure = gs.distil([Ghostscript.Document(postScript: postScript, output: output,
                                                     identity: SHA256.hex(cacheKey([postScript]) + paper.rawValue),
                                                     label: worksheet.slug)], scratch: scratch), !failure.isWarning {
        throw DiagnosticsError([failure.diagnostic(path, folder: scratch.path, slug: worksheet.slug)])
    }
    return (postScript, try Data(contentsOf: output), warnings)
}

/// Everything that shapes a group's PDFs: the PostScript of every document
/// one gs process distils, in order, and how gs is run.
func cacheKey(_ postScripts: [String]) -> String {
    var hasher = SHA256()
    hasher.update("smartsite-pdf-1\n" + Ghostscript.arguments.joined(separator: " ") + "\n")
    for ps in postScripts {
        hasher.update(ps)
        hasher.update([0])
    }
    return hasher.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}
