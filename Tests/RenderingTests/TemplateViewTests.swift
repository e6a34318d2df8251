import XCTest
@testable import Rendering

/// The views templates are given: how they answer names, and what keeps
/// them fast.
final class TemplateViewTests: XCTestCase {
    /// A view answers the names its layers have in turn (what every page
    /// has, then its kind's): a name in two layers would hide one of them.
    func testNoTwoLayersOfAPageShareAName() {
        let contentPage = TopLevelView.keys + ContentPageView.keys
        let pages: [[String]] = [
            contentPage + SectionView.keys, contentPage + PointView.keys, contentPage + ToolView.keys,
            contentPage + ProviderView.keys, TopLevelView.keys + WorksheetPageView.keys,
            TopLevelView.keys + WorksheetsPageView.keys, TopLevelView.keys + SpecialPageView.keys,
            PointWithToolsView.keys + PageLinkView.keys,
        ]
        for names in pages {
            XCTAssertEqual(names.count, Set(names).count, "\(names.sorted())")
        }
    }

    /// swift-mustache holds every value it is given as `Any`, which keeps
    /// three words inline; a larger value is copied into a memory
    /// allocation each time a template names it. These are named on every
    /// page, or once per entry of a long list.
    func testViewsNamedOnEveryPageFitInAnAnyWithoutAnAllocation() {
        let inline = 3 * MemoryLayout<Int>.size
        let sizes = [
            "PageView": MemoryLayout<PageView>.size, "SiteView": MemoryLayout<SiteView>.size,
            "MenuEntryView": MemoryLayout<MenuEntryView>.size, "PageLinkView": MemoryLayout<PageLinkView>.size,
            "PointWithToolsView": MemoryLayout<PointWithToolsView>.size, "SectionView": MemoryLayout<SectionView>.size,
            "TemplateText": MemoryLayout<TemplateText>.size,
        ]
        for (name, size) in sizes.sorted(by: { $0.key < $1.key }) {
            XCTAssertLessThanOrEqual(size, inline, name)
        }
    }

    /// What a list of links shows of each page is what its view has.
    func testALinkDeclaresWhatItShows() {
        XCTAssertEqual(Set(PageLinkView.keys), ["title", "short_title", "url", "description", "number"])
        XCTAssertEqual(PageLinkView.shows, [.title, .shortTitle, .address, .description, .pointNumber])
    }
}
