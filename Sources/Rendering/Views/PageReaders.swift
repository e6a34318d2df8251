import Content

/// Which pages show something of a page, worked out from what each view
/// declares it reads (`Reading`): after a save, preview renders the changed
/// page and these, and nothing else.
public struct PageReaders: Sendable {
    let data: SiteData

    init(data: SiteData) {
        self.data = data
    }

    /// Content paths of the pages whose views show some of `facts` of `page`.
    public func pages(showing facts: PageFacts, of page: Page) -> Set<String> {
        Set(data.site.pages.filter { reader in
            ContentPageView.readings(of: reader).contains { shows(facts, of: page, by: $0, from: reader) }
        }.map(\.contentPath))
    }

    /// Content paths of the pages whose search entries show some of `facts` of `page`.
    public func searchEntries(showing facts: PageFacts, of page: Page) -> Set<String> {
        Set(data.site.pages.filter { shows(facts, of: page, by: SearchIndex.reading, from: $0) }.map(\.contentPath))
    }

    /// Whether some worksheet's page shows some of `facts` of `page`.
    public func worksheetPages(show facts: PageFacts, of page: Page) -> Bool {
        WorksheetPageView.toolShows.overlaps(facts)
            && data.worksheets.contains { data.toolPage(of: $0)?.contentPath == page.contentPath }
    }

    private func shows(_ facts: PageFacts, of page: Page, by reading: Reading, from reader: Page) -> Bool {
        reading.facts.overlaps(facts) && data.pages(reading, of: reader).contains { $0.contentPath == page.contentPath }
    }
}

extension PageFacts {
    func overlaps(_ other: PageFacts) -> Bool { !isDisjoint(with: other) }
}
