/// A file below content/ or templates/ that changed on disk (written,
/// created, renamed or deleted), as the preview's watcher reports it.
public enum SourceChange: Hashable, Sendable, Comparable {
    /// Relative to the content folder, e.g. `toolbox/urge-log.md`.
    case content(String)
    /// Relative to the templates folder, e.g. `base.mustache`, `assets/site.css`.
    case template(String)
    /// Unknown changes (the watcher lost events): rebuild everything.
    case everything

    /// Which part of the site a change touches, and so what has to be rebuilt.
    enum Kind: Equatable {
        /// site.yaml, or changes the watcher lost: everything.
        case everything
        /// One page's Markdown.
        case page(String)
        /// A worksheet's Markdown: its PDFs and the pages that show it.
        case worksheet(String)
        /// An image or other file kept in content/: copied as it is.
        case contentFile(String)
        /// A Mustache template: every page.
        case template
        /// A file of templates/assets/: copied as it is, below `assets/`.
        case asset(String)
        /// Nothing the site is made from (e.g. a README beside the templates).
        case ignored
    }

    var kind: Kind {
        switch self {
        case .content(let path):
            if path == "site.yaml" { return .everything }
            if path.hasPrefix("worksheets/") { return path.hasSuffix(".md") ? .worksheet(path) : .ignored }
            return path.hasSuffix(".md") ? .page(path) : .contentFile(path)
        case .template(let path):
            if path.hasPrefix("assets/") { return .asset(path) }
            // A strings file: the words of every page of its language.
            if path.hasPrefix("i18n/") { return path.hasSuffix(".yaml") ? .everything : .ignored }
            return path.hasSuffix(".mustache") ? .template : .ignored
        case .everything:
            return .everything
        }
    }
}
