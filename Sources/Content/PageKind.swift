/// What a page is, which decides its template and the settings it takes.
/// Decided by where the file is, so a content editor never has to say it.
public enum PageKind: String, Sendable, CaseIterable {
    case home
    /// A folder's `_index.md`: lists the pages in it.
    case section
    case page
    /// `program/`: one of the four points.
    case point
    /// `toolbox/`: one tool.
    case tool
    /// `providers/`: one treatment provider.
    case provider
    /// `meetings/`: one regular meeting.
    case meeting

    static func of(relativePath: String) -> PageKind {
        if relativePath == "_index.md" { return .home }
        if relativePath.hasSuffix("/_index.md") { return .section }
        // Only files directly in one of the program's folders have a kind of
        // their own: `toolbox/x.md`, not `toolbox/more/x.md`.
        let slashes = relativePath.utf8.lazy.filter { $0 == UInt8(ascii: "/") }.count
        guard slashes == 1, let slash = relativePath.firstIndex(of: "/") else { return .page }
        switch relativePath[..<slash] {
        case "program": return .point
        case "toolbox": return .tool
        case "providers": return .provider
        case "meetings": return .meeting
        default: return .page
        }
    }

    /// The template used unless the page names a `layout`.
    public var defaultTemplate: String { rawValue }

    /// How a content editor would call it, for messages.
    public var label: String {
        switch self {
        case .home: return "the home page"
        case .section: return "a section page (_index.md)"
        case .page: return "a page"
        case .point: return "a point page (program/)"
        case .tool: return "a tool page (toolbox/)"
        case .provider: return "a provider page (providers/)"
        case .meeting: return "a meeting page (meetings/)"
        }
    }

    /// Settings a file of this kind may have.
    public var knownKeys: [String] {
        let common = ["title", "description", "order", "layout", "draft", "toc", "short_title", "reviewed", "image", "image_alt"]
        switch self {
        case .home, .section, .page: return common
        case .point: return common + ["point"]
        case .tool: return common + ["points", "worksheet"]
        case .provider: return common + Provider.keys
        case .meeting: return common + Meeting.keys
        }
    }
}
