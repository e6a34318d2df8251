import Content
import Foundation

/// Parts of the site files made one at a time, for preview's incremental
/// rebuilds: a changed page re-renders its own search entry and, for a tool
/// with a worksheet, the worksheet pages, rather than every site file.
extension SiteRenderer {
    /// Where this language's search index is published: `search.json`, `es/search.json`.
    public var searchIndexPath: String { site.urlPrefix + SearchIndex.fileName }

    /// One page's entry in search.json.
    public func searchEntry(for page: Page) -> String {
        SearchIndex.entry(for: page, in: site)
    }

    /// search.json from entries made by ``searchEntry(for:)``, in page order,
    /// followed by the worksheets: the bytes written once into one buffer,
    /// as this is tens of megabytes on a large site.
    public func searchIndex(pageEntries: [String]) -> Data {
        let entries = pageEntries + SearchIndex.worksheetEntries(worksheets, words: self.data.words)
        var data = Data(capacity: entries.reduce(3) { $0 + $1.utf8.count + 1 })
        data.append(UInt8(ascii: "["))
        for (index, entry) in entries.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            var entry = entry
            entry.withUTF8 { data.append($0) }
        }
        data.append(contentsOf: "]\n".utf8)
        return data
    }

    /// Each worksheet's page and the worksheets index.
    public func worksheetPages() -> [Output] {
        worksheets.map(renderWorksheet) + [renderWorksheetIndex()]
    }
}
