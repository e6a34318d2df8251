import DerivedFiles
import Diagnostics
import Foundation

/// The flyer's PDFs, one per paper size, for the build to write into its
/// output like every other file.
public struct MeetingFlyersBuilt: Sendable {
    /// Path below the output root (meetings/flyer-letter.pdf) → bytes.
    public var files: [String: Data] = [:]
    public var diagnostics: [Diagnostic] = []
    /// PDFs made by Ghostscript in this build, and kept from the last one.
    public var distilled = 0
    public var reused = 0

    public init() {}
}

/// Lays the flyer out on each paper of `paths` (where its PDF goes, below
/// the output root) and distils them all in one gs process
/// (in `scratch`), unless the last build's PDFs (`previous`) were made from
/// the same PostScript. `sourcePath` is the file warnings and errors name
/// (the meetings section page). A missing Ghostscript is a warning, as for
/// the worksheets: the schedule on the website does not need it.
public func buildMeetingFlyers(_ flyer: MeetingFlyer, paths: [Paper: String], sourcePath: String, settings: WorksheetSettings,
                               previous: DerivedFileCache, scratch: URL) -> MeetingFlyersBuilt {
    var built = MeetingFlyersBuilt()
    var printed: [(path: String, name: String, postScript: String)] = []
    for paper in Paper.allCases {
        guard let path = paths[paper] else { continue }
        let (document, warnings) = MeetingFlyerLayout(flyer: flyer, paper: paper, date: settings.pdfDate).document()
        if printed.isEmpty { built.diagnostics += warnings.map { Diagnostic.warning(sourcePath, "the meetings flyer: " + $0) } }
        printed.append((path, (path as NSString).lastPathComponent, document.render()))
    }
    let groupKey = DistillingPlan.groupKey(printed.map(\.postScript))
    let keys = printed.map { SHA256.hex(groupKey + "\n" + $0.name) }
    let kept = zip(printed, keys).compactMap { pdf, key in previous.reuse(pdf.path, madeFrom: key, stamp: PDFStamp()).map { (pdf.path, $0) } }
    if printed.isEmpty || kept.count == printed.count {
        built.files = Dictionary(uniqueKeysWithValues: kept)
        built.reused = kept.count
        return built
    }
    guard let gs = Ghostscript.locate(settings.ghostscriptPath) else {
        built.diagnostics.append(.warning(sourcePath, "the meetings flyer PDFs were not made: Ghostscript (`gs`) is not installed",
                                          fix: "install the Debian package `ghostscript` (apt-get install ghostscript), or build with --no-worksheets"))
        return built
    }
    let documents = zip(printed, keys).map { pdf, key in
        Ghostscript.Document(postScript: pdf.postScript, output: scratch.appendingPathComponent(pdf.name), identity: key, label: pdf.name)
    }
    let outcome = gs.distil(documents, scratch: scratch)
    if let failure = outcome.failure, !failure.isWarning {
        let fix = failure.diskFull
            ? "free some space on the disk that holds \(scratch.deletingLastPathComponent().path), then build again"
            : "build with --no-worksheets to publish the site without it, and report the message to smartsite's maintainers"
        built.diagnostics.append(.error(sourcePath, "Ghostscript could not make the meetings flyer: \(failure.message)", fix: fix))
        return built
    }
    if let remark = outcome.failure {
        built.diagnostics.append(.warning(sourcePath, "Ghostscript said, making the meetings flyer: \(remark.message)"))
    }
    built.files = Dictionary(uniqueKeysWithValues: zip(printed.map(\.path), outcome.pdfs).map { ($0, $1) })
    built.distilled = built.files.count
    return built
}
