import DerivedFiles
import Foundation

/// Which PDFs are kept from the last build and which are made by which gs
/// process. Every worksheet belongs to a distilling group (DistillingGroups);
/// a group is kept whole or made whole, since a PDF's bytes depend on the
/// documents its gs process made before it.
struct DistillingPlan {
    /// One PDF to make or keep.
    struct PDF {
        /// Index into the laid-out worksheets.
        var worksheet: Int
        var printed: LaidOutWorksheet.Printed
        /// What it is made from (DerivedFileCache's key).
        var key: String
    }

    struct Group {
        /// Indexes into the laid-out worksheets, in slug order.
        var members: [Int]
        /// Every member's PDFs, in the order one gs process makes them.
        var pdfs: [PDF]
    }

    /// The PDFs the last build made from the same input: path → bytes.
    private(set) var kept: [String: Data] = [:]
    private(set) var keptWorksheets: Set<Int> = []
    /// The groups to distil, one gs process each.
    private(set) var toDistil: [Group] = []

    init(_ worksheets: [LaidOutWorksheet], cache: DerivedFileCache) {
        for members in DistillingGroups.assign(worksheets.map(\.slug)) {
            let groupKey = Self.groupKey(members.flatMap { i in
                worksheets[i].printed.map { worksheets[i].slug + "\n" + $0.postScript }
            })
            let pdfs = members.flatMap { i in
                worksheets[i].printed.map { printed in
                    PDF(worksheet: i, printed: printed,
                        key: SHA256.hex(groupKey + "\n" + printed.name))
                }
            }
            let previous = pdfs.compactMap { pdf in
                cache.reuse(pdf.printed.pdfPath, madeFrom: pdf.key, stamp: PDFStamp()).map { (pdf.printed.pdfPath, $0) }
            }
            if previous.count == pdfs.count {
                kept.merge(previous) { first, _ in first }
                keptWorksheets.formUnion(members)
            } else {
                toDistil.append(Group(members: members, pdfs: pdfs))
            }
        }
    }

    /// What each gs process is given, writing its PDFs into `scratch`.
    func jobs(scratch: URL) -> [[Ghostscript.Document]] {
        toDistil.map { group in
            group.pdfs.map { pdf in
                Ghostscript.Document(postScript: pdf.printed.postScript,
                                     output: scratch.appendingPathComponent(pdf.printed.name + ".pdf"),
                                     identity: pdf.key, label: pdf.printed.name)
            }
        }
    }

    /// Everything that shapes a group's PDFs: the PostScript of every
    /// document one gs process distils, in order, and how gs is run.
    static func groupKey(_ postScripts: [String]) -> String {
        var hasher = SHA256()
        hasher.update("smartsite-pdf-1\n" + Ghostscript.arguments.joined(separator: " ") + "\n")
        for ps in postScripts {
            hasher.update(ps)
            hasher.update([0])
        }
        return hasher.hexDigest()
    }
}
