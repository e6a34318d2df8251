import Content

/// `search.json`: what the search page looks through in the browser, with no
/// server and no third-party service. Titles weigh most; the text is clipped
/// (``SearchText``) so the file stays small enough to load on a phone.
public enum SearchIndex {
    /// The file's name in each language's folder: `search.json`, `es/search.json`.
    public static let fileName = "search.json"

    static func json(site: Site, worksheets: [WorksheetListing], words: SiteWords) -> String {
        json(pageEntries: site.pages.parallelMap { entry(for: $0, in: site) }, worksheets: worksheets, words: words)
    }

    /// The index from each page's entry, in page order; preview keeps the
    /// entries and makes again only those of the pages that changed.
    static func json(pageEntries: [String], worksheets: [WorksheetListing], words: SiteWords) -> String {
        JSONText.array(pageEntries + worksheetEntries(worksheets, words: words), then: "\n")
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
            ("text", JSONText.string(SearchText.clip(page.content.plainText, limit: SearchText.limit(pageCount: site.pages.count)))),
        ])
    }

    /// What an entry shows of another page: its section's short title.
    static let reading = Reading(.section, shows: .shortTitle)

    private static func section(of page: Page, in site: Site) -> String {
        SiteData.section(of: page, in: site)?.shortTitle ?? ""
    }
}

/// `sitemap.xml` for search engines: every published page, absolute URLs;
/// on a site of more than one language, every language's pages, each with
/// `xhtml:link` alternates naming the same page in the other languages.
enum Sitemap {
    static func xml(_ renderers: [SiteRenderer]) -> String {
        guard let main = renderers.first else { return "" }
        let config = main.site.config
        var entries: [(url: String, alternates: [String: String])] = []
        for renderer in renderers {
            let site = renderer.site
            for page in site.pages {
                entries.append((page.urlPath, site.pairs.addresses(of: page.contentPath, in: site.language)))
            }
            for worksheet in renderer.worksheets {
                let alternates = Dictionary(renderers.compactMap { other in
                    other.worksheets.first { $0.slug == worksheet.slug }.map { (other.site.language, $0.urlPath) }
                }, uniquingKeysWith: { first, _ in first })
                entries.append((worksheet.urlPath, alternates.count > 1 ? alternates : [:]))
            }
            entries.append((site.urlPrefix + SiteRenderer.worksheetsURLPath, renderer.everyLanguage(SiteRenderer.worksheetsURLPath)))
        }
        let languages = renderers.map(\.site.language)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        xml += renderers.count > 1 ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n"
        for entry in entries.sorted(by: { $0.url < $1.url }) {
            guard !entry.alternates.isEmpty else {
                xml += "  <url><loc>\(config.address(of: entry.url).xmlEscaped)</loc></url>\n"
                continue
            }
            xml += "  <url><loc>\(config.address(of: entry.url).xmlEscaped)</loc>\n"
            for language in languages {
                guard let url = entry.alternates[language] else { continue }
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(config.address(of: url).xmlEscaped)\"/>\n"
            }
            xml += "  </url>\n"
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
