import Diagnostics
import Foundation

/// What the gs runs of a plan came to: the PDFs made and who is to blame
/// when a run failed. A failed run makes none of its group's PDFs; the
/// error goes to the worksheet gs was working on, and the others of the
/// group are told why theirs are missing.
struct DistillingOutcomes {
    /// The PDFs made: path below the output root → bytes.
    private(set) var files: [String: Data] = [:]
    /// Indexes of the worksheets whose PDFs were all made.
    private(set) var made: Set<Int> = []
    private(set) var diagnostics: [Diagnostic] = []

    /// `folder`: a folder on the disk gs wrote to, named in the fix of a full disk.
    init(_ plan: DistillingPlan, runs: [Ghostscript.Outcome], worksheets: [LaidOutWorksheet], folder: String) {
        for (group, run) in zip(plan.toDistil, runs) {
            // The document gs was working on (named in its log), else the group's first.
            let label = run.failure?.label
            guard let blamed = group.pdfs.first(where: { $0.printed.name == label })?.worksheet ?? group.members.first else { continue }
            let culprit = worksheets[blamed].worksheet
            if let failure = run.failure, !failure.isWarning {
                diagnostics.append(failure.diagnostic(culprit.sourcePath, folder: folder, slug: culprit.slug))
                for i in group.members where i != blamed {
                    diagnostics.append(.error(worksheets[i].worksheet.sourcePath,
                                              "this worksheet's PDF was not made because \(culprit.slug) failed in the same Ghostscript run"))
                }
                continue
            }
            if let remark = run.failure {
                diagnostics.append(.warning(culprit.sourcePath, "Ghostscript said: \(remark.message)"))
            }
            for (pdf, data) in zip(group.pdfs, run.pdfs) { files[pdf.printed.pdfPath] = data }
            made.formUnion(group.members)
        }
    }
}
