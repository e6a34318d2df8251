import Diagnostics
import Foundation
import Markdown
import SourceFiles

/// Turns one Markdown file into a Page: front matter decoded and checked,
/// body rendered with links rewritten to page addresses.
struct PageLoader: Sendable {
    var folder: ContentFolder
    var config: SiteConfig
    /// Where this language's pages are published (slugs, the `es/` folder).
    var addresses = PageAddresses()
    /// A page of another language than the default, which may say what it translates.
    var isTranslation = false
    /// The words the Markdown renderer puts on pages, in this language.
    var markdownWords = MarkdownWords.english
    /// How many bytes of each page's text to keep for the search index: at
    /// least what it will take (``SearchText``).
    var searchTextLimit = SearchText.largestLimit
    /// Set when the pages this loader makes do not keep their HTML (``PageBodyAgain``).
    var rendersBodyAgain: PageBodySource?

    struct Loaded: Sendable {
        var page: Page?
        var diagnostics: [Diagnostic]
    }

    func load(_ contentPath: String) -> Loaded {
        let path = folder.displayPath(contentPath)
        do throws(Diagnostic) {
            let source = try SourceText.read(path: folder.filePath(contentPath), displayPath: path)
            return try load(source, contentPath: contentPath)
        } catch {
            return Loaded(page: nil, diagnostics: [error])
        }
    }

    func load(_ source: SourceText, contentPath: String) throws(Diagnostic) -> Loaded {
        let path = source.path
        if let bad = contentPath.first(where: { $0 == "?" || $0 == "#" || $0 == "\\" }) {
            // `what?.md` would be published at what?/, and every link to it would end at the `?`.
            throw .error(path, "the file name has '\(bad)' in it, which cannot be part of a page's web address",
                         fix: "rename the file without '\(bad)', e.g. with a dash")
        }
        let kind = PageKind.of(relativePath: contentPath)
        let frontMatter = try FrontMatter.split(source)
        if frontMatter.isEmpty {
            throw .error(path, line: 1, column: 1, "this page has no settings block, so it has no title",
                         fix: "start the file with three lines: `---`, `title: Your title`, `---`")
        }
        let settingsReader = try SettingsReader(frontMatter.compose(), path: path, firstLine: frontMatter.yamlFirstLine)
        let known = isTranslation ? kind.knownKeys + PageSettings.translationKeys : kind.knownKeys
        var diagnostics = settingsReader.unknownKeys(known: known, kind: kind.label)
        let settings = try PageSettings(settingsReader)
        let provider = kind == .provider ? try Provider(settingsReader) : nil
        let meeting = kind == .meeting ? try Meeting(settingsReader, defaultTimeZone: config.timezone, warnings: &diagnostics) : nil
        let title = settings.title ?? provider?.name ?? ""
        if title.isBlank {
            throw .error(path, line: settingsReader.line(of: "title"), column: 1, "the page has no title",
                         fix: "add `title: ...` to the settings at the top")
        }
        let urlPath = addresses.urlPath(of: contentPath)
        let bodyAgain = rendersBodyAgain.map { PageBodyAgain(source: $0, fingerprint: Page.fingerprint(of: source.text)) }
        let content = renderBody(frontMatter, contentPath: contentPath, urlPath: urlPath, makesHTML: bodyAgain == nil)
        diagnostics += content.diagnostics
        let page = Page(sourcePath: path, contentPath: contentPath, kind: kind, settings: settings,
                        provider: provider, meeting: meeting, urlPath: urlPath, content: content,
                        settingsLine: frontMatter.yamlFirstLine, bodyAgain: bodyAgain)
        return Loaded(page: page, diagnostics: diagnostics)
    }

    /// The Markdown after the settings, as HTML with its links rewritten to
    /// page addresses; the same on loading and on rendering it again.
    func renderBody(_ frontMatter: FrontMatter, contentPath: String, urlPath: String, makesHTML: Bool = true) -> RenderedMarkdown {
        let addresses = self.addresses
        var options = MarkdownOptions(path: frontMatter.path, lineOffset: frontMatter.bodyLineOffset,
                                      smartPunctuation: true, allowRawHTML: config.rawHTML, words: markdownWords)
        options.makesHTML = makesHTML
        options.plainTextLimit = searchTextLimit
        let renderer = HTMLRenderer(options: options) { destination in
            Self.rewrite(destination, from: contentPath, urlPath: urlPath, addresses: addresses)
        }
        return renderer.render(frontMatter.body)
    }

    /// `../toolbox/urge-log.md#steps` → `../../toolbox/urge-log/#steps`;
    /// `images/room.png` in `meetings.md` → `../images/room.png` (the page is
    /// published one folder deeper, at meetings/, and the file where it sits
    /// in content/). A link with a scheme no page may use is removed (the
    /// checks say so at its line); anything else stays as written.
    static func rewrite(_ destination: String, from contentPath: String, urlPath: String,
                        addresses: PageAddresses = PageAddresses()) -> String {
        switch LinkTarget.of(destination, from: contentPath) {
        case .page(let resolved, let fragment):
            let url = SitePaths.relativeURL(from: urlPath, to: addresses.urlPath(of: resolved))
            return fragment.map { url + "#" + $0 } ?? url
        case .file(_, let written):
            return SitePaths.rootPrefix(from: urlPath) + written
        case .refused:
            return ""
        case .sameFile, .outsideContent, .hostRoot, .external, .empty:
            return destination
        }
    }
}
