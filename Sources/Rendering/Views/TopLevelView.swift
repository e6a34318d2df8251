import Mustache

/// What a template sees at its top level: what every page has (`site`,
/// `page`, `root`, `menu`, `is_home`), then the values of the kind of page
/// it is (`rest`).
struct TopLevelView: TemplateView {
    enum Key: String, CaseIterable {
        case site, page, root, menu, words, alternates, languages
        case isHome = "is_home"
        case siteRoot = "site_root"
        case hasLanguages = "has_languages"
    }

    let frame: PageFrame
    let rest: (any MustacheParent & Sendable)?

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .site: return SiteView(site: frame.site)
        case .page: return PageView(frame: frame)
        case .root: return TemplateText(frame.root)
        case .menu: return frame.site.menu.map { MenuEntryView(entry: $0, frame: frame) }
        case .isHome: return isHome
        case .siteRoot: return TemplateText(frame.siteRoot)
        case .words: return WordsView(words: frame.site.words.interface)
        case .alternates: return AlternateView.list(for: frame)
        case .languages: return LanguageLinkView.list(for: frame)
        case .hasLanguages: return !frame.site.languages.isEmpty
        }
    }

    var isHome: Bool { frame.urlPath == frame.site.site.urlPrefix && frame.hasOwnAddress }

    /// The view's names, then the stand-ins of the shared partials (see
    /// SharedPartials), then the values of the page's kind.
    func child(named name: String) -> Any? {
        if let key = Key(rawValue: name) { return value(key) }
        if name.hasPrefix(SharedPartials.keyPrefix) { return frame.site.sharedPartials.value(of: name, for: self) }
        return rest?.child(named: name)
    }
}
