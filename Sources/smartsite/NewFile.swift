import Content
import Diagnostics
import Foundation

/// `smartsite new tool gratitude-list`: one Markdown file below content/
/// from the archetype of its kind, `templates/archetypes/KIND.md`, an
/// ordinary file a program edits to change what its new pages start with.
/// In an archetype, `{{title}}` is the title made from the file name
/// (`gratitude-list` → "Gratitude list") and `{{name}}` the file name
/// without `.md`. An existing file is never replaced.
struct NewFile {
    var kind: NewKind
    var path: String
    var contentFolder: String
    var templatesFolder: String

    /// Writes the file; returns its path as shown.
    func write() throws(DiagnosticsError) -> String {
        let relative = try contentPath()
        let shown = contentFolder + "/" + relative
        let archetypePath = templatesFolder + "/archetypes/\(kind.rawValue).md"
        guard FileManager.default.fileExists(atPath: contentFolder) else {
            throw DiagnosticsError([.error(contentFolder, "there is no content folder here",
                                           fix: "run this in your site's folder (the one with content/ and templates/), or give --content")])
        }
        guard let archetype = try? String(contentsOf: URL(fileURLWithPath: archetypePath), encoding: .utf8) else {
            throw DiagnosticsError([.error(archetypePath, "there is no archetype for a new \(kind.rawValue) here",
                                           fix: "copy templates/archetypes/ from the smartsite folder, or give --templates")])
        }
        let parts = relative.split(separator: "/").map(String.init)
        let name = String((parts.last ?? "").dropLast(3))
        // A section's own page (`groups/_index.md`) is named by its folder.
        let titleSource = name == "_index" && parts.count > 1 ? parts[parts.count - 2] : name
        let text = Self.filled(archetype, title: Self.title(fromFileName: titleSource), name: name)
        let url = URL(fileURLWithPath: shown)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Refuses an existing file (or a link where the file would be) in the one call that writes.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            var info = stat()
            if lstat(url.path, &info) == 0 {
                throw DiagnosticsError([.error(shown, "this file already exists; `smartsite new` never replaces a file",
                                               fix: "choose another name, or edit the file that is there")])
            }
            throw DiagnosticsError([.error(shown, "cannot write this file: \(SystemError.text(error))",
                                           fix: "check that you may write to \(contentFolder)/")])
        }
        return shown
    }

    /// The file's path below content/: `.md` added, the kind's folder put
    /// in front when the path names no folder, a leading `content/` taken off.
    func contentPath() throws(DiagnosticsError) -> String {
        var relative = path
        if relative.hasPrefix(contentFolder + "/") { relative.removeFirst(contentFolder.count + 1) }
        if relative.hasSuffix("/") || relative.isEmpty {
            throw DiagnosticsError([.error(path, "this names a folder; `smartsite new \(kind.rawValue)` needs a file name",
                                           fix: "add the page's file name, e.g. `\(relative)my-page`")])
        }
        if !relative.hasSuffix(".md") { relative += ".md" }
        if !relative.contains("/"), let folder = kind.folder { relative = folder + "/" + relative }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        if relative.hasPrefix("/") || parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) {
            throw DiagnosticsError([.error(path, "the new file must be inside \(contentFolder)/, written relative to it",
                                           fix: "write it as, e.g., `toolbox/gratitude-list` or `about-us`")])
        }
        if relative.contains(where: { "?#\\".contains($0) }) {
            throw DiagnosticsError([.error(path, "a page's file name cannot have ?, # or \\ (it becomes a web address)",
                                           fix: "use letters, digits and hyphens, e.g. `gratitude-list`")])
        }
        if let last = parts.last, last.hasPrefix(".") || last == "_index.md" && kind != .page {
            throw DiagnosticsError([.error(path, "'\(last)' is not a name for a new \(kind.rawValue)",
                                           fix: "use letters, digits and hyphens, e.g. `gratitude-list`")])
        }
        if let folder = kind.folder, parts.first.map(String.init) != folder {
            throw DiagnosticsError([.error(path, "a \(kind.rawValue) goes in \(contentFolder)/\(folder)/",
                                           fix: "write `\(folder)/\(parts.last ?? "")` or just `\((parts.last ?? "").replacingOccurrences(of: ".md", with: ""))`")])
        }
        return relative
    }

    /// The archetype with its `{{title}}` and `{{name}}` filled in; the
    /// title goes in as a YAML-safe value (a `:` in a name would end it).
    static func filled(_ archetype: String, title: String, name: String) -> String {
        let safeTitle = title.contains(where: { ":#\"'{}[]&*!|>%@`".contains($0) }) ? NewSite.yamlQuoted(title) : title
        return archetype.replacingOccurrences(of: "{{title}}", with: safeTitle).replacingOccurrences(of: "{{name}}", with: name)
    }

    /// `gratitude-list` → "Gratitude list".
    static func title(fromFileName name: String) -> String {
        let words = name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            .split(separator: " ").joined(separator: " ")
        guard let first = words.first else { return name }
        return first.uppercased() + words.dropFirst()
    }

    /// "Sunrise Recovery Center" → `sunrise-recovery-center`, for a file name.
    static func slug(of name: String) -> String {
        var slug = ""
        for character in name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "our-program" : String(slug.prefix(60))
    }
}
