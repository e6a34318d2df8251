import Content

/// `search.json`: what the search page looks through in the browser, with no
/// server and no third-party service. Titles weigh most; the text is clipped
/// so the file stays small enough to load on a phone.
enum SearchIndex {
    /// Up to 3,000 bytes of each page's text; on a large site less, so the
    /// whole index stays near `indexBudget` (a phone downloads and parses all
    /// of it before the first search): 10,000 pages get 400 bytes each, the
    /// opening of the page, which is where its subject is named.
    static let textLimit = 3000
    static let smallestTextLimit = 400
    static let indexBudget = 4_000_000

    static func textLimit(pageCount: Int) -> Int {
        min(textLimit, max(smallestTextLimit, indexBudget / max(pageCount, 1)))
    }

    static func json(site: Site, worksheets: [WorksheetListing], words: SiteWords) -> String {
        json(pageEntries: site.pages.parallelMap { entry(for: $0, in: site) }, worksheets: worksheets, words: words)
    }

    /// The index from each page's entry, in page order; preview keeps the
    /// entries and makes again only those of the pages that changed.
    static func json(pageEntries: [String], worksheets: [WorksheetListing], words: SiteWords) -> String {
        JSONText.array(pageEntries + worksheetEntries(worksheets, words: words)) + "\n"
    }

    static func worksheetEntries(_ worksheets: [WorksheetListing], words: SiteWords) -> [String] {
        worksheets.map { worksheet in
            JSONText.object([
                ("title", JSONText.string(words.worksheetInSearch(worksheet.title))),
                ("url", JSONText.string(worksheet.urlPath)),
                ("section", JSONText.string(words.worksheets)),
                ("summary", JSONText.string(worksheet.description)),
                ("text", JSONText.string(worksheet.description)),
            ])
        }
    }

    static func entry(for page: Page, in site: Site) -> String {
        JSONText.object([
            ("title", JSONText.string(page.title)),
            ("url", JSONText.string(page.urlPath)),
            ("section", JSONText.string(section(of: page, in: site))),
            ("summary", JSONText.string(page.description)),
            ("text", JSONText.string(clip(page.content.plainText, limit: textLimit(pageCount: site.pages.count)))),
        ])
    }

    /// What an entry shows of another page: its section's short title.
    static let reading = Reading(.section, shows: .shortTitle)

    private static func section(of page: Page, in site: Site) -> String {
        SiteData.section(of: page, in: site)?.shortTitle ?? ""
    }

    /// Folds runs of white space into one space and keeps the first
    /// `limit` bytes, cut at a word. Works on UTF-8 bytes: this runs over
    /// every word of the site.
    static func clip(_ text: String, limit: Int = textLimit) -> String {
        var text = text
        return text.withUTF8 { input in
            // Folding only ever shortens the text, so its length is enough room.
            String(unsafeUninitializedCapacity: input.count) { output in
                var count = 0
                var pendingSpace = false
                for byte in input {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        if count >= limit { break }
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    output[count] = byte
                    count += 1
                }
                return count
            }
        }
    }
}

/// `sitemap.xml` for search engines: every published page, absolute URLs.
enum Sitemap {
    static func xml(site: Site, worksheets: [WorksheetListing]) -> String {
        var urls = site.pages.map(\.urlPath) + worksheets.map(\.urlPath)
        urls.append(SiteRenderer.worksheetsURLPath)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls.sorted() {
            xml += "  <url><loc>\(site.config.address(of: url).xmlEscaped)</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}

extension String {
    /// Escaped for XML text. Most addresses have nothing to escape and are
    /// returned as they are (the sitemap runs every page through here).
    var xmlEscaped: String {
        guard utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else {
            return self
        }
        return replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
