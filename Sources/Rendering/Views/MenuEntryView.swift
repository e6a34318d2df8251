/// One entry of `menu`, as seen from the page being rendered: its link
/// relative to that page, and whether it is that page's own section.
struct MenuEntryView: TemplateView {
    enum Key: String, CaseIterable {
        case title, url, current
    }

    let entry: SiteData.MenuEntry
    let frame: PageFrame

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .title:
            return entry.title
        case .url:
            guard let target = entry.urlPath else { return entry.external ?? "" }
            return frame.rootOverride.map { $0 + target } ?? frame.link(to: target)
        case .current:
            return isCurrent
        }
    }

    /// Whether the entry is the page's own, or its section's.
    var isCurrent: Bool {
        guard let target = entry.urlPath, frame.hasOwnAddress else { return false }
        // A section's entry stays marked on every page inside it; the
        // home page's ("", or "es/" for Spanish) on the home page alone.
        let isHome = target == frame.site.site.urlPrefix
        return target == frame.urlPath || (!target.isEmpty && !isHome && frame.urlPath.hasPrefix(target))
    }
}
