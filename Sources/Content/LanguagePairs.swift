import Diagnostics

/// Which page is which page's translation: `content/es/toolbox/urge-log.md`
/// translates `content/toolbox/urge-log.md` (the same path), unless it says
/// `translation_of: toolbox/other.md` (a path below content/). Worked out
/// once per build for every language's site: the language switcher, the
/// `hreflang` links, the sitemap and `check` read it.
public struct LanguagePairs: Sendable {
    /// By language code: a page's content path in that language → the original's.
    private var originals: [String: [String: String]] = [:]
    /// By the original's content path: its address in every language that has it.
    private var addresses: [String: [String: String]] = [:]
    /// The default language's code.
    public private(set) var defaultLanguage = ""

    public init() {}

    /// The original (default-language) content path of a page of `language`.
    public func original(of contentPath: String, in language: String) -> String? {
        language == defaultLanguage ? contentPath : originals[language]?[contentPath]
    }

    /// The page's address in every language it is in (by code, its own
    /// included); empty when it is in one language only.
    public func addresses(of contentPath: String, in language: String) -> [String: String] {
        guard let original = original(of: contentPath, in: language), let all = addresses[original], all.count > 1 else { return [:] }
        return all
    }

    /// Whether the original page `contentPath` has a translation into `language`.
    public func isTranslated(_ contentPath: String, into language: String) -> Bool {
        addresses[contentPath]?[language] != nil
    }

    /// Pairs the pages of every language of `site`, with an error for a
    /// `translation_of` that names no page and for two translations of one page.
    static func make(_ site: Site) -> (LanguagePairs, [Diagnostic]) {
        var pairs = LanguagePairs()
        pairs.defaultLanguage = site.language
        for page in site.pages { pairs.addresses[page.contentPath] = [site.language: page.urlPath] }
        var problems: [Diagnostic] = []
        for translation in site.translations {
            var originals: [String: String] = [:]
            var translatedBy: [String: Page] = [:]
            for page in translation.pages {
                let original = page.settings.translationOf ?? page.contentPath
                guard site.page(at: original) != nil else {
                    if page.settings.translationOf != nil {
                        let known = site.pages.map(\.contentPath)
                        problems.append(.error(page.sourcePath, line: page.settings.translationOfLine, column: 1,
                                               "'translation_of' names \(site.folder.displayPath(original)), which is not a page",
                                               fix: closestName(to: original, in: known).map { "did you mean '\($0)'? (a path below \(site.folder.displayRoot)/)" }
                                                   ?? "write the original's path below \(site.folder.displayRoot)/, e.g. `translation_of: toolbox/urge-log.md`"))
                    }
                    continue
                }
                if let first = translatedBy[original] {
                    problems.append(.error(page.sourcePath, line: page.settingsLine, column: 1,
                                           "this page and \(first.sourcePath) both translate \(site.folder.displayPath(original))",
                                           fix: "give one of them `translation_of:` naming the page it translates, or remove it"))
                    continue
                }
                translatedBy[original] = page
                originals[page.contentPath] = original
                pairs.addresses[original, default: [:]][translation.language] = page.urlPath
            }
            pairs.originals[translation.language] = originals
        }
        return (pairs, problems)
    }
}
