import Content
import Mustache

/// `words`: the words of the page's language (`templates/i18n/CODE.yaml`),
/// as `{{words.on_this_page}}`.
struct WordsView: MustacheParent, Sendable {
    let words: InterfaceWords

    func child(named name: String) -> Any? {
        words.words[name].map(TemplateText.init)
    }
}

/// One of `alternates`: the page in a language, for `<link rel="alternate"
/// hreflang>`, with `x-default` (the default language) last. Empty on a
/// page in one language only.
struct AlternateView: TemplateView {
    enum Key: String, CaseIterable {
        case hreflang, href
    }

    let hreflang: String
    let href: String

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .hreflang: return hreflang
        case .href: return TemplateText(href)
        }
    }

    static func list(for frame: PageFrame) -> [AlternateView] {
        let site = frame.site
        guard !frame.alternates.isEmpty else { return [] }
        let config = site.site.config
        var views = site.languages.compactMap { language in
            frame.alternates[language.code].map { AlternateView(hreflang: language.code, href: config.address(of: $0)) }
        }
        if let first = site.languages.first, let home = frame.alternates[first.code] {
            views.append(AlternateView(hreflang: "x-default", href: config.address(of: home)))
        }
        return views
    }
}

/// One of `languages`: the site's other languages, for the language
/// switcher. `url` leads to this page in that language, or, when it is not
/// translated, to that language's home page (`is_translated` false, and
/// `note` says so in that language).
struct LanguageLinkView: TemplateView {
    enum Key: String, CaseIterable {
        case code, name, url, note
        case isTranslated = "is_translated"
    }

    let language: SiteData.LanguageLink
    let url: String
    let isTranslated: Bool

    func value(_ key: Key) -> (any Sendable)? {
        switch key {
        case .code: return language.code
        case .name: return TemplateText(language.name)
        case .url: return TemplateText(url)
        case .note: return isTranslated ? nil : TemplateText(language.untranslatedNote)
        case .isTranslated: return isTranslated
        }
    }

    static func list(for frame: PageFrame) -> [LanguageLinkView] {
        let own = frame.site.site.language
        return frame.site.languages.filter { $0.code != own }.map { language in
            let target = frame.alternates[language.code]
            let path = target ?? language.homeURLPath
            let url = frame.rootOverride.map { $0 + path } ?? frame.link(to: path)
            return LanguageLinkView(language: language, url: url, isTranslated: target != nil)
        }
    }
}
