import SourceFiles

/// A site in more than one language keeps each other language's pages in a
/// folder of content/ named by its code (`content/es/`), with the same
/// paths as the pages they translate: `content/es/toolbox/urge-log.md` is
/// the Spanish `content/toolbox/urge-log.md`. Each language is loaded as a
/// site of its own from its part of the folder, so kinds, sections, links
/// and menus work the same in every language.
extension ContentFolder {
    /// The default language's part: everything but the other languages' folders.
    public func defaultLanguage(besides codes: [String]) -> ContentFolder {
        guard !codes.isEmpty else { return self }
        var folder = self
        folder.markdownFiles = markdownFiles.filter { file in !codes.contains { file.hasPrefix($0 + "/") } }
        return folder
    }

    /// The part of one other language, `content/CODE/`, its pages named as
    /// they are inside it (`toolbox/urge-log.md`). Pictures and files are
    /// shared: a translated page links to the original's with the same
    /// relative path, and the build publishes it from content/ once.
    public func language(_ code: String) -> ContentFolder {
        let prefix = code + "/"
        let pages = markdownFiles.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        return ContentFolder(inside: self, folder: code, markdownFiles: pages, otherFiles: otherFiles)
    }
}
