import Content
import Rendering

/// Which rendered files show something of a changed page. A page shows its
/// own content; what it shows of other pages each of its views declares
/// (Rendering's `Reading`: a section's children, a point's tools, the
/// breadcrumbs' sections, ...), and `PageReaders` answers from those
/// declarations, in the site before the change and after it (a tool that
/// moved to another point is listed by the old point and the new). An edit
/// that changes none of what other pages show (the text below the title,
/// say) renders the page alone. Menus come from site.yaml, so no page change
/// touches them, and the sitemap lists only addresses, which a changed file
/// keeps.
struct Dependents: Equatable {
    /// Pages to render again, by content path.
    var pages: Set<String> = []
    /// Pages whose search index entry changes.
    var searchEntries: Set<String> = []
    /// The worksheet pages show a changed tool's title.
    var worksheetPages = false

    init() {}

    /// `before` is made only when some page changed what others show of it.
    init(changed: [(old: Page, new: Page)], before: () -> PageReaders, after: PageReaders) {
        var readersBefore: PageReaders?
        for (old, new) in changed {
            pages.insert(new.contentPath)
            searchEntries.insert(new.contentPath)
            let facts = PageFacts(changedFrom: old, to: new)
            guard !facts.isEmpty else { continue }
            let earlier = readersBefore ?? before()
            readersBefore = earlier
            pages.formUnion(earlier.pages(showing: facts, of: old))
            pages.formUnion(after.pages(showing: facts, of: new))
            searchEntries.formUnion(earlier.searchEntries(showing: facts, of: old))
            searchEntries.formUnion(after.searchEntries(showing: facts, of: new))
            worksheetPages = worksheetPages || earlier.worksheetPages(show: facts, of: old)
                || after.worksheetPages(show: facts, of: new)
        }
    }

    /// A change the pages alone cannot follow: the tool a worksheet belongs
    /// to is decided when worksheets are listed, so a tool naming another
    /// worksheet lists them all again (a full rebuild).
    static func needsFullRebuild(old: Page, new: Page) -> Bool {
        old.kind == .tool && old.settings.worksheet != new.settings.worksheet
    }
}
