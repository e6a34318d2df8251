import Foundation

/// Files a slow program makes from the site's sources (the worksheet PDFs,
/// by Ghostscript; the resized images, by libvips): a file of the last build
/// is used again when it was made from the same input.
///
/// The input is named by a key, a SHA-256 of everything that shapes the
/// file, and the file carries its own key (a `DerivedFileStamp`, such as a
/// PDF's trailer /ID). So nothing but the files themselves has to be kept:
/// a list of what was made, in the output, would be published with the site
/// (the old worksheets/pdf-cache.txt was).
public struct DerivedFileCache: Sendable {
    /// The last build's file at a path below the output root, if any.
    private let previous: @Sendable (String) -> Data?

    /// Nothing to reuse: everything is made.
    public static let empty = DerivedFileCache { _ in nil }

    /// The files of the previous output folder (read only), or nothing
    /// when there is none.
    public static func folder(_ root: URL?) -> DerivedFileCache {
        guard let root else { return .empty }
        return DerivedFileCache { path in FileManager.default.contents(atPath: root.path + "/" + path) }
    }

    /// The files of the last build kept in memory (preview's).
    public static func files(_ files: [String: Data]) -> DerivedFileCache {
        DerivedFileCache { files[$0] }
    }

    /// The last build's file at `path` if it was made from `key`.
    public func reuse(_ path: String, madeFrom key: String, stamp: some DerivedFileStamp) -> Data? {
        guard let data = previous(path), stamp.isStamped(data, with: key) else { return nil }
        return data
    }
}

/// How one kind of derived file carries the key of the input it was made from.
public protocol DerivedFileStamp: Sendable {
    /// The file with `key` written into it, or nil when it has no place for one.
    func stamping(_ data: Data, with key: String) -> Data?
    func isStamped(_ data: Data, with key: String) -> Bool
}
