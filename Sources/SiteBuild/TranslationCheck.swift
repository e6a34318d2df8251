import Content
import DerivedFiles
import Diagnostics
import Foundation

/// What `check` says about a site's languages: which pages are not
/// translated yet, and which translations are older than their original.
/// A translation records the original's content hash when it is finished
/// (`smartsite translated content/es/PAGE.md` writes `translated_from:`);
/// when the original changes after that, its hash no longer matches.
public enum TranslationCheck {
    /// `sha256:` and the hash of a file's bytes; nil when it cannot be read.
    public static func contentHash(ofFileAt path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var hash = SHA256()
        hash.update(data)
        return "sha256:" + hash.hexDigest()
    }

    /// A warning for each page of `translation` whose `translated_from` is
    /// not the hash of its original as it is now.
    static func stale(_ translation: Site, original: Site) -> [Diagnostic] {
        translation.pages.compactMap { page in
            guard let recorded = page.settings.translatedFrom,
                  let originalPath = translation.pairs.original(of: page.contentPath, in: translation.language),
                  let now = contentHash(ofFileAt: original.folder.filePath(originalPath)), now != recorded else { return nil }
            return .warning(page.sourcePath, line: page.settingsLine, column: 1,
                            "\(original.folder.displayPath(originalPath)) changed after this translation was made",
                            fix: "bring the translation up to date, then run `smartsite translated \(page.sourcePath)`")
        }
    }

    /// For each other language, the default language's pages it has no
    /// translation of; then, under the default language, the other
    /// languages' pages that translate nothing.
    static func untranslated(_ site: Site) -> [(heading: String, pages: [String])] {
        guard !site.translations.isEmpty else { return [] }
        var lists: [(heading: String, pages: [String])] = []
        for translation in site.translations {
            let missing = site.pages.filter { !site.pairs.isTranslated($0.contentPath, into: translation.language) }
            lists.append(("Pages with no translation into '\(translation.language)' (no \(translation.folder.displayRoot)/ page)",
                          missing.map(\.sourcePath)))
        }
        let withoutOriginal = site.translations.flatMap { translation in
            translation.pages.filter { translation.pairs.original(of: $0.contentPath, in: translation.language) == nil }.map(\.sourcePath)
        }
        lists.append(("Pages that translate no page of '\(site.language)' (add `translation_of:` if they should)", withoutOriginal))
        return lists
    }
}
