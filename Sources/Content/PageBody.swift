import Diagnostics
import SourceFiles

/// How a page gets its HTML back when loading did not keep it.
///
/// A page's HTML is about as big as its Markdown, and a build renders pages
/// only once every page is loaded (a page shows its section's list, its
/// neighbours, links checked against other pages' headings). Kept for every
/// page, 100,000 pages held 600 MB of HTML between loading and writing. So
/// a one-shot build keeps it for the first ``Site/LoadOptions/keptPageBodies``
/// pages of each language and no more; every page after those reads its file
/// again when it is written and renders the Markdown a second time, the
/// same renderer giving the same bytes. A small site keeps every page
/// (nothing is read twice); preview and `check` always do.
public struct PageBodyAgain: Sendable {
    let source: PageBodySource
    /// Of the whole file as it was loaded: a file saved again during the
    /// build would give HTML that no longer matches the page's settings,
    /// headings and checked links, which were read from the first version.
    let fingerprint: UInt64
}

/// The loader of one language's pages, shared by the pages it did not keep
/// the HTML of (one reference each, not a copy of the loader).
final class PageBodySource: Sendable {
    let loader: PageLoader
    init(loader: PageLoader) { self.loader = loader }
}

extension Page {
    /// The page as it is written: itself when it kept its HTML, otherwise
    /// the same page with the HTML rendered again from its file.
    public func withBody() throws(Diagnostic) -> Page {
        guard let again = bodyAgain else { return self }
        let loader = again.source.loader
        let source = try SourceText.read(path: loader.folder.filePath(contentPath), displayPath: sourcePath)
        guard Self.fingerprint(of: source.text) == again.fingerprint else {
            throw .error(sourcePath, "the file changed while the site was being built, so this page would not match what was checked",
                         fix: "build again once the file is saved")
        }
        var content = self.content
        content.html = loader.renderBody(try FrontMatter.split(source), contentPath: contentPath, urlPath: urlPath).html
        return Page(self, content: content)
    }

    /// A 64-bit hash of the file's bytes, eight at a time (a byte-wise
    /// FNV-1a was 2% of a 100,000-page build): enough to tell a file saved
    /// again from the one loaded. Not a defence against anyone; there is
    /// nobody to defend against.
    static func fingerprint(of text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var hash = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            var offset = 0
            func mix(_ word: UInt64) {
                hash = (hash ^ word) &* 0x9e37_79b9_7f4a_7c15
                hash ^= hash >> 29
            }
            while offset + 8 <= raw.count {
                mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var last: UInt64 = 0
            for byte in raw[offset...].reversed() { last = last << 8 | UInt64(byte) }
            mix(last)
            return hash
        }
    }
}
