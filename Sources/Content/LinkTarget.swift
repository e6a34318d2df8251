import Foundation

/// What a link or image in a page's Markdown points at, worked out in one
/// place for the link rewriting, the link checks, the list of files to
/// publish and `check`'s map of the site.
public enum LinkTarget: Equatable {
    /// `#part`: a heading on the same page.
    case sameFile(fragment: String)
    /// Another page (`../toolbox/urge-log.md#steps`), as a content path.
    case page(String, fragment: String?)
    /// Another file of the content folder (`images/room.png`): `path` is the
    /// file's name below content/ (`%20` read as a space), `written` the
    /// same path as the link spelled it, for the page's `href`.
    case file(path: String, written: String)
    /// A relative link that climbs out of the content folder (`../../etc/passwd`).
    case outsideContent
    /// `/etc/passwd`: from the root of whatever host serves the site, not a
    /// file of it (and wrong as soon as the site is in a sub-folder).
    case hostRoot
    /// Another site or an app: `https:`, `mailto:`, `tel:`, `sms:`, `//host/`.
    case external
    /// A scheme no page may link to (`javascript:`, `data:`, `file:`): the link is removed.
    case refused(scheme: String)
    /// An empty destination.
    case empty

    public static func of(_ destination: String, from contentPath: String) -> LinkTarget {
        if destination.isEmpty { return .empty }
        if let scheme = URLPolicy.scheme(of: destination) {
            return URLPolicy.allowedSchemes.contains(scheme) ? .external : .refused(scheme: scheme)
        }
        if destination.hasPrefix("//") || destination.hasPrefix("\\\\") { return .external }
        if destination.hasPrefix("#") { return .sameFile(fragment: String(destination.dropFirst())) }
        if destination.hasPrefix("/") || destination.hasPrefix("\\") { return .hostRoot }
        let (target, fragment) = SitePaths.splitFragment(destination)
        if target.isEmpty { return .sameFile(fragment: fragment ?? "") }
        // Browsers read a backslash as a slash in web addresses: `..\..\x` climbs too.
        let written = target.replacingOccurrences(of: "\\", with: "/")
        // Resolved once as written (for the href) and once as read (`%2e%2e`
        // is `..` to a browser, and `%20` a space in the file's name).
        let decoded = written.removingPercentEncoding ?? written
        guard let path = SitePaths.resolve(decoded, from: contentPath),
              let resolved = SitePaths.resolve(written, from: contentPath) else { return .outsideContent }
        if path.hasSuffix(".md") { return .page(path, fragment: fragment) }
        return .file(path: path, written: resolved)
    }
}
