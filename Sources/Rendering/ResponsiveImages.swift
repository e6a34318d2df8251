import Content
import Foundation
import Markdown

/// A page's `<img>` tags for images the build resized, written again as a
/// `<picture>`: WebP and the photo's own format at each width (`srcset`),
/// the column width they fill (`sizes`), their size (so nothing moves when
/// they arrive) and, after the first, loaded only when scrolled near.
/// The one place an image's HTML is made; pages without images come back
/// as they are.
enum ResponsiveImages {
    /// How wide an image is shown: the text column (site.css `--measure`,
    /// 42rem) on a wide screen, the whole width on a phone.
    static let sizes = "(min-width: 42rem) 42rem, 100vw"
    /// 42rem at the browser's usual 16 px.
    static let columnWidth = 672

    /// An image narrower than the column is shown at its own width, not
    /// stretched to the column's (which `sizes` would tell the browser to do).
    static func sizes(for image: PublishedImage) -> String {
        image.width < columnWidth ? "(max-width: \(image.width)px) 100vw, \(image.width)px" : sizes
    }

    /// `html` is cmark's, where an image is `<img src="…" alt="…" />`
    /// (with ` title="…"` when it has one); `urlPath` is the page's address.
    static func html(_ html: String, urlPath: String, images: [String: PublishedImage]) -> String {
        guard !images.isEmpty, html.contains("<img src=\"") else { return html }
        let root = SitePaths.rootPrefix(from: urlPath)
        var out = ""
        var rest = Substring(html)
        var first = true
        while let start = rest.range(of: "<img src=\"") {
            out += rest[..<start.lowerBound]
            let afterSrc = rest[start.upperBound...]
            guard let srcEnd = afterSrc.firstIndex(of: "\""), let tagEnd = afterSrc[srcEnd...].firstIndex(of: ">") else {
                out += rest[start.lowerBound...]
                return out
            }
            let src = String(afterSrc[..<srcEnd])
            var attributes = afterSrc[afterSrc.index(after: srcEnd)..<tagEnd]
            if attributes.hasSuffix("/") { attributes = attributes.dropLast() }
            if let path = contentPath(ofSource: src, urlPath: urlPath), let image = images[path] {
                out += picture(image, root: root, attributes: attributes.trimmingCharacters(in: .whitespaces), first: first)
                first = false
            } else {
                out += rest[start.lowerBound...tagEnd]
            }
            rest = afterSrc[afterSrc.index(after: tagEnd)...]
        }
        out += rest
        return out
    }

    /// `../images/room%20one.png` on the page at `meetings/` → `images/room one.png`.
    static func contentPath(ofSource src: String, urlPath: String) -> String? {
        let unescaped = src.replacingOccurrences(of: "&amp;", with: "&")
        let decoded = unescaped.removingPercentEncoding ?? unescaped
        return SitePaths.resolve(decoded, from: urlPath + "index.html")
    }

    static func picture(_ image: PublishedImage, root: String, attributes: String, first: Bool, sizes shownAt: String? = nil) -> String {
        let sizes = shownAt ?? sizes(for: image)
        func srcset(_ sizes: [PublishedImage.Size]) -> String {
            sizes.map { "\((root + SitePaths.percentEncoded($0.path)).htmlEscaped) \($0.width)w" }.joined(separator: ", ")
        }
        // The fallback `src` for browsers without srcset: the widest copy up to 1600 px.
        let fallback = image.original.last { $0.width <= 1600 } ?? image.original.first
        var tag = "<picture>"
        if !image.webp.isEmpty {
            tag += "<source type=\"image/webp\" srcset=\"\(srcset(image.webp))\" sizes=\"\(sizes)\">"
        }
        tag += "<img src=\"\((root + SitePaths.percentEncoded(fallback?.path ?? "")).htmlEscaped)\""
        tag += " srcset=\"\(srcset(image.original))\" sizes=\"\(sizes)\""
        tag += " width=\"\(image.width)\" height=\"\(image.height)\""
        if !attributes.isEmpty { tag += " " + attributes }
        // The first image is often the largest thing on screen: it loads at once.
        if !first { tag += " loading=\"lazy\" decoding=\"async\"" }
        tag += "></picture>"
        return tag
    }
}
