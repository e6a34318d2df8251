import Content

/// Parts of the site files made one at a time, for preview's incremental
/// rebuilds: a changed page re-renders its own search entry and, for a tool
/// with a worksheet, the worksheet pages, rather than every site file.
extension SiteRenderer {
    /// One page's entry in search.json.
    public func searchEntry(for page: Page) -> String {
        SearchIndex.entry(for: page, in: site)
    }

    /// search.json from entries made by ``searchEntry(for:)``, in page order,
    /// followed by the worksheets.
    public func searchIndex(pageEntries: [String]) -> Output {
        Output(path: "search.json", text: SearchIndex.json(pageEntries: pageEntries, worksheets: worksheets))
    }

    /// Each worksheet's page and the worksheets index.
    public func worksheetPages() -> [Output] {
        worksheets.map(renderWorksheet) + [renderWorksheetIndex()]
    }
}
