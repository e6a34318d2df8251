import Content

/// Which rendered files show something of a changed page, worked out from
/// what the templates are given (see Rendering's PageContext): a page shows
/// its own content; a section page lists its children's titles and
/// descriptions; point pages link the tools that serve them and their
/// neighbours; tool pages link their points; the toolbox, program and
/// providers pages list points (and tools by point); breadcrumbs show section
/// titles; worksheet pages show their tool's title. An edit that changes
/// none of what they show (the text below the title, say) renders the page
/// alone. Menus come from
/// site.yaml, so no page change touches them, and the sitemap lists only
/// addresses, which a changed file keeps.
struct Dependents: Equatable {
    /// Pages to render again, by content path.
    var pages: Set<String> = []
    /// Pages whose search index entry changes.
    var searchEntries: Set<String> = []
    /// The worksheet pages show a changed tool's title.
    var worksheetPages = false

    /// The sections whose pages list the four points.
    static let pointListings = ["toolbox/_index.md", "program/_index.md", "providers/_index.md"]

    init() {}

    init(changed: [(old: Page, new: Page)], in site: Site) {
        for (old, new) in changed {
            add(old: old, new: new, in: site)
        }
        pages = pages.filter { site.page(at: $0) != nil }
    }

    /// What other pages show of a page when they list or link it (see
    /// PageContext.link): when none of it changed, they stay as they are.
    static func listedFieldsDiffer(_ old: Page, _ new: Page) -> Bool {
        old.title != new.title || old.shortTitle != new.shortTitle || old.description != new.description
            || old.order != new.order || old.settings.point != new.settings.point || old.settings.points != new.settings.points
    }

    private mutating func add(old: Page, new: Page, in site: Site) {
        pages.insert(new.contentPath)
        searchEntries.insert(new.contentPath)
        guard Self.listedFieldsDiffer(old, new) else { return }
        if new.kind != .section && new.kind != .home {
            pages.insert(new.sectionPath.isEmpty ? "_index.md" : new.sectionPath + "/_index.md")
        }
        switch new.kind {
        case .point:
            pages.formUnion(Self.pointListings)
            pages.formUnion(site.points.map(\.contentPath))
            for number in Set([old.settings.point, new.settings.point].compactMap { $0 }) {
                pages.formUnion(site.tools(serving: number).map(\.contentPath))
            }
        case .tool:
            pages.formUnion(Self.pointListings)
            let numbers = Set((old.settings.points ?? []) + (new.settings.points ?? []))
            pages.formUnion(site.points.filter { numbers.contains($0.settings.point ?? 0) }.map(\.contentPath))
            if old.settings.worksheet != nil || new.settings.worksheet != nil { worksheetPages = true }
        case .section where old.shortTitle != new.shortTitle:
            // Breadcrumbs of every page below it, and the section named in their search entries.
            let folder = new.sectionPath + "/"
            pages.formUnion(site.pages.filter { $0.contentPath.hasPrefix(folder) }.map(\.contentPath))
            searchEntries.formUnion(site.pages.filter { $0.sectionPath == new.sectionPath }.map(\.contentPath))
        default:
            break
        }
    }

    /// A change the pages alone cannot follow: the tool a worksheet belongs
    /// to is decided when worksheets are listed, so a tool naming another
    /// worksheet lists them all again (a full rebuild).
    static func needsFullRebuild(old: Page, new: Page) -> Bool {
        old.kind == .tool && old.settings.worksheet != new.settings.worksheet
    }
}
