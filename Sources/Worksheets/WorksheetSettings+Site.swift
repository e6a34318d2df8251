import Content

extension WorksheetSettings {
    /// The settings every worksheet gets from site.yaml: the site's name and
    /// address for the header, its disclaimer for the footer.
    public init(site config: SiteConfig, words: WorksheetWords = .english) {
        self.init(siteTitle: config.title, disclaimer: config.disclaimer ?? words.disclaimer,
                  baseURL: config.baseURL, words: words)
    }
}
