import Diagnostics
import SourceFiles

/// Where one language's pages are published: below its folder (`es/` for
/// Spanish, nothing for the default language), and with the last part of
/// the address a page's `slug` gives. A section's slug is the folder's part
/// for every page in it, so `es/toolbox/_index.md` with
/// `slug: caja-de-herramientas` puts `es/toolbox/urge-log.md` at
/// `es/caja-de-herramientas/urge-log/`. Links are rewritten through this,
/// so they follow the slugs.
public struct PageAddresses: Sendable {
    /// `es/`, or `` for the default language.
    public var prefix: String
    /// The `slug` settings, by content path (only pages that have one).
    public var slugs: [String: String]

    public init(prefix: String = "", slugs: [String: String] = [:]) {
        self.prefix = prefix
        self.slugs = slugs
    }

    public func urlPath(of contentPath: String) -> String {
        if slugs.isEmpty { return prefix + SitePaths.urlPath(forContentPath: contentPath) }
        var parts = contentPath.split(separator: "/").map(String.init)
        guard let last = parts.popLast() else { return prefix }
        var folder = ""
        var path = prefix
        for part in parts {
            folder += part + "/"
            path += (slugs[folder + "_index.md"] ?? part) + "/"
        }
        guard last != "_index.md" else { return path }
        let name = last.hasSuffix(".md") ? String(last.dropLast(3)) : last
        return path + (slugs[contentPath] ?? name) + "/"
    }

    /// What a slug may be: one part of an address, with no slash, `?`, `#`,
    /// backslash, space or dot at the start (`..` would climb).
    static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "'slug' is empty" }
        if slug.hasPrefix(".") { return "'slug' may not start with a dot" }
        if let bad = slug.first(where: { "/?#\\%".contains($0) || $0.isWhitespace }) {
            return "'slug' has '\(bad == " " ? "a space" : String(bad))' in it, which cannot be part of one step of a web address"
        }
        return nil
    }

    /// Reads the `slug` of every page before any is loaded (links need the
    /// addresses of the pages they lead to). The files are read here once
    /// and handed on, so each is still read from disk one time.
    static func read(_ files: [String], in folder: ContentFolder, prefix: String)
        -> (addresses: PageAddresses, sources: [String: SourceText], diagnostics: [Diagnostic]) {
        let read = files.parallelMap { file -> (SourceText?, String?, Diagnostic?) in
            do throws(Diagnostic) {
                let source = try SourceText.read(path: folder.filePath(file), displayPath: folder.displayPath(file))
                let frontMatter = try FrontMatter.split(source)
                guard !frontMatter.isEmpty else { return (source, nil, nil) }
                let settings = try SettingsReader(frontMatter.compose(), path: source.path, firstLine: frontMatter.yamlFirstLine)
                guard let slug = try settings.string("slug") else { return (source, nil, nil) }
                if let problem = problem(with: slug) {
                    return (source, nil, .error(source.path, line: settings.line(of: "slug"), column: 1, problem,
                                                fix: "write the last part of the page's address with letters, digits and dashes, e.g. `slug: registro-de-impulsos`"))
                }
                if file == "_index.md" {
                    return (source, nil, .warning(source.path, line: settings.line(of: "slug"), column: 1,
                                                  "the home page of a language has no slug: it is always at /\(prefix)",
                                                  fix: "remove `slug:`"))
                }
                return (source, slug, nil)
            } catch {
                // Reported again, with the rest of the page's problems, when the page loads.
                return (nil, nil, nil)
            }
        }
        var slugs: [String: String] = [:]
        var sources: [String: SourceText] = [:]
        var diagnostics: [Diagnostic] = []
        for (file, (source, slug, problem)) in zip(files, read) {
            if let source { sources[file] = source }
            if let slug { slugs[file] = slug }
            if let problem { diagnostics.append(problem) }
        }
        return (PageAddresses(prefix: prefix, slugs: slugs), sources, diagnostics)
    }
}
