import Content

extension WorksheetSettings {
    /// The settings every worksheet gets from site.yaml: the site's name and
    /// address for the header, its disclaimer for the footer.
    public init(site config: SiteConfig) {
        self.init(siteTitle: config.title,
                  disclaimer: config.disclaimer ?? "Not affiliated with or endorsed by SMART Recovery.",
                  baseURL: config.baseURL)
    }
}
