extension SitePaths {
    /// A link of the copy that works from disk (`smartsite build --offline`):
    /// from a `file://` address a browser shows a folder as a file listing,
    /// not its `index.html`, so every link to a page folder names the file:
    /// `../toolbox/` → `../toolbox/index.html`, `./#top` →
    /// `./index.html#top`, `` (the home page from itself) → `index.html`.
    /// Links to files, other sites, `mailto:`/`tel:` and `#part` of the same
    /// page stay as they are.
    public static func offlineLink(_ href: String) -> String {
        if URLPolicy.scheme(of: href) != nil || href.hasPrefix("/") || href.hasPrefix("#") { return href }
        let end = href.firstIndex { $0 == "#" || $0 == "?" } ?? href.endIndex
        let path = href[..<end], rest = href[end...]
        if path.isEmpty || path == "." || path == ".." || path.hasSuffix("/.") || path.hasSuffix("/..") {
            return path + (path.isEmpty ? "" : "/") + "index.html" + rest
        }
        return path.hasSuffix("/") ? path + "index.html" + rest : href
    }
}
