import Content

extension WorksheetSettings {
    /// The settings every worksheet gets from site.yaml: the site's name and
    /// address for the header, its disclaimer and help lines for the footer
    /// (each program's own, as on its web pages).
    /// On a site of more than one language, the PDFs say their language (/Lang).
    public init(site config: SiteConfig, words: WorksheetWords) {
        self.init(siteTitle: config.title, disclaimer: config.disclaimer ?? words.disclaimer,
                  baseURL: config.baseURL, words: words)
        helpLines = config.helpLines.map { words.helpLine($0.name, $0.phone, $0.text) }
        if !config.languages.isEmpty { language = words.pdfLanguage }
    }
}
