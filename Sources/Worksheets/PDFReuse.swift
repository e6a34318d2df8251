import Foundation

/// Whether a PDF in the previous output can be kept as it is. Every PDF's
/// trailer /ID is made from everything that shaped it (Ghostscript.replacingID
/// puts it there), so the PDF itself says what it was made from: no list of
/// what was made has to be kept in the output, where it would be published
/// with the site (the old worksheets/pdf-cache.txt was).
enum PDFReuse {
    /// The /ID of a PDF made from `identity` (a SHA-256 in hex).
    static func trailerID(_ identity: String) -> String {
        "/ID [<" + identity.uppercased().prefix(32) + ">"
    }

    /// The trailer is in the last few hundred bytes; only those are read.
    static func isMade(from identity: String, at path: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? file.close() }
        guard let size = try? file.seekToEnd() else { return false }
        let tail: UInt64 = 1024
        guard (try? file.seek(toOffset: size > tail ? size - tail : 0)) != nil,
              let data = try? file.readToEnd() else { return false }
        return String(decoding: data, as: UTF8.self).contains(trailerID(identity))
    }

    /// What one PDF of a distilling group is made from: the group's key
    /// (every document the gs run made, and how gs ran) and which one it is.
    static func identity(groupKey: String, slug: String, paper: Paper) -> String {
        SHA256.hex(groupKey + "\n" + slug + "\n" + paper.rawValue)
    }
}
