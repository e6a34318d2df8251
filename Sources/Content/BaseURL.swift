/// Where the site is published: `base_url` in site.yaml or `--base-url`.
/// One reading of it for everything that joins a path to it (canonical
/// links, the sitemap, robots.txt, worksheet addresses and QR codes) and
/// for the 404 page, which needs only the path part.
public enum BaseURL {
    /// With one trailing slash, so that `base + "worksheets/x/"` never
    /// doubles or drops the slash whichever way the setting was written.
    public static func normalized(_ text: String) -> String {
        text.hasSuffix("/") ? text : text + "/"
    }

    /// What is wrong with a base URL, or nil when it can be used. It must be
    /// a whole web address or a path from the host's root: a relative one
    /// (`recovery/`) would mean something else on every page.
    public static func problem(with text: String) -> String? {
        if let problem = URLPolicy.problem(with: text) { return problem }
        if let scheme = URLPolicy.scheme(of: text) {
            return scheme == "https" || scheme == "http" ? nil : "must be a web address (https://…) or a path (/…)"
        }
        return text.hasPrefix("/") ? nil : "must be a web address (https://…) or a path (/…)"
    }

    public static let fix = "write where the site will be published, e.g. `base_url: https://example.org/recovery/`"

    /// `https://example.org/recovery/` → `/recovery/`: where the site sits
    /// on its host.
    public static func sitePath(of text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text.hasPrefix("/") ? normalized(text) : "/" }
        let afterHost = text[scheme.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : normalized(String(afterHost))
    }
}
