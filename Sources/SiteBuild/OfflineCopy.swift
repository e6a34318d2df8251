import Content
import Diagnostics
import Foundation
import Rendering

/// `smartsite build --offline`: the site as it works opened from a USB stick
/// or a shared drive, with no web server. Every file goes through here on
/// its way to the output folder:
/// - each page's `href`, `src` and `action` to another page of the site is
///   rewritten by ``SitePaths/offlineLink(_:)`` to name its `index.html`;
/// - beside `search.json` goes `search-index.js`, the same index as a script
///   that sets `window.smartsiteSearchIndex` (a browser refuses `fetch()` of
///   a `file://` address; a `<script src>` it loads), with the result links
///   in their offline form.
/// Everything else is written as it comes.
struct OfflineCopy: SiteOutput {
    let output: any SiteOutput

    static var searchScript: String { "search-index.js" }

    func write(_ data: Data, to relativePath: String) throws(Diagnostic) {
        if relativePath.hasSuffix(".html") || Self.isSearchIndex(relativePath) {
            try write(String(decoding: data, as: UTF8.self), to: relativePath)
        } else {
            try output.write(data, to: relativePath)
        }
    }

    func write(_ text: String, to relativePath: String) throws(Diagnostic) {
        // Only a web server shows 404.html (each language has its own), for an
        // address it does not have; from disk nobody reaches it, and its
        // site-absolute links would lead nowhere.
        if Self.isNotFoundPage(relativePath) { return }
        if relativePath.hasSuffix(".html") {
            try output.write(Self.offlinePage(text), to: relativePath)
        } else if Self.isSearchIndex(relativePath) {
            try output.write(text, to: relativePath)
            let folder = relativePath.dropLast(SearchIndex.fileName.count)
            try output.write(Self.searchIndexScript(json: text), to: folder + Self.searchScript)
        } else {
            try output.write(text, to: relativePath)
        }
    }

    /// `404.html` or a language's `es/404.html`.
    static func isNotFoundPage(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        return parts.last == "404.html" && parts.count <= 2
    }

    /// `search.json` or a language's `es/search.json`: each search page loads
    /// the index of its own language.
    static func isSearchIndex(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        return parts.last.map(String.init) == SearchIndex.fileName && parts.count <= 2
    }

    /// The page with its links to other pages in their offline form. The
    /// HTML is smartsite's own (attribute values always in double quotes,
    /// a `"` in text written `&quot;`), so the attributes are found by name.
    static func offlinePage(_ html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + 512)
        var rest = Substring(html)
        while let found = nextLinkAttribute(in: rest) {
            result += rest[..<found.valueStart]
            result += SitePaths.offlineLink(String(rest[found.valueStart..<found.valueEnd]))
            rest = rest[found.valueEnd...]
        }
        result += rest
        return result
    }

    private static let attributes = [" href=\"", " src=\"", " action=\""]

    private static func nextLinkAttribute(in text: Substring) -> (valueStart: Substring.Index, valueEnd: Substring.Index)? {
        var best: Range<Substring.Index>?
        for attribute in attributes {
            if let range = text.range(of: attribute), best.map({ range.lowerBound < $0.lowerBound }) ?? true { best = range }
        }
        guard let start = best?.upperBound, let end = text[start...].firstIndex(of: "\"") else { return nil }
        return (start, end)
    }

    /// `search.json` as a script, with every result's `url` in its offline form.
    static func searchIndexScript(json: String) -> String {
        var index = json.trimmingCharacters(in: .whitespacesAndNewlines)
        if let data = json.data(using: .utf8),
           var entries = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] {
            for i in entries.indices {
                if let url = entries[i]["url"] as? String { entries[i]["url"] = SitePaths.offlineLink(url) }
            }
            if let rewritten = try? JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys, .withoutEscapingSlashes]) {
                index = String(decoding: rewritten, as: UTF8.self)
            }
        }
        return "window.smartsiteSearchIndex = " + index + ";\n"
    }
}
