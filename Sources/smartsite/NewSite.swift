import Content
import Diagnostics
import Foundation
import SourceFiles

/// `smartsite new site DIR`: the starter's content/ and templates/ copied
/// into a new folder, site.yaml given the program's name and address, and a
/// provider page for the program itself from the provider archetype. The
/// folder must be new or empty, and may not be inside a site's content/ or
/// templates/ (its pages would become pages of that site) or inside the
/// starter (a copy into itself never ends).
struct NewSite {
    var folder: String
    var answers: StarterAnswers
    var starter: URL

    /// What was made, for the closing lines.
    struct Made {
        var pages: Int
        var notes: [Diagnostic]
    }

    func make() throws(DiagnosticsError) -> Made {
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let existed = try checkFolder(target)
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for part in ["content", "templates"] {
                try FileManager.default.copyItem(at: starter.appendingPathComponent(part), to: target.appendingPathComponent(part))
            }
            let content = target.appendingPathComponent("content")
            let baseURLLine = try writeSettings(content.appendingPathComponent("site.yaml"))
            try writeProviderPage(content: content, archetypes: target.appendingPathComponent("templates/archetypes"))
            // What builds make beside the pages: the sites and their lock files (OutputLock).
            try Data("output/\noutput-offline/\n.output.lock\n.output-offline.lock\n".utf8)
                .write(to: target.appendingPathComponent(".gitignore"))
            var notes: [Diagnostic] = []
            if answers.baseURLIsExample {
                notes.append(.warning(folder + "/content/site.yaml", line: baseURLLine, column: 1,
                                      "base_url is the example address \(ExampleSettings.exampleBaseURL) for now",
                                      fix: "write where the site will be published before you publish it; `smartsite check` warns until then"))
            }
            return Made(pages: countPages(content), notes: notes)
        } catch let error as DiagnosticsError {
            undo(target, existed: existed)
            throw error
        } catch {
            undo(target, existed: existed)
            throw DiagnosticsError([.error(folder, "cannot make the new site here: \(SystemError.text(error))",
                                           fix: "choose a folder you may write to, e.g. one in your home folder")])
        }
    }

    /// Refuses what would go wrong; true when the folder already existed (empty).
    private func checkFolder(_ target: URL) throws(DiagnosticsError) -> Bool {
        func refuse(_ message: String, _ fix: String) -> DiagnosticsError {
            DiagnosticsError([.error(folder, message, fix: fix)])
        }
        let newName = "give the name of a new folder, e.g. `smartsite new site sunrise-site`"
        var info = stat()
        if lstat(target.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFLNK: throw refuse("this is a shortcut (symbolic link); a new site is made only in a real folder", newName)
            case S_IFDIR: break
            default: throw refuse("this is a file, not a folder", newName)
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
            if !entries.filter({ $0 != ".git" }).isEmpty {
                throw refuse("this folder is not empty; a new site is made only in a new or empty folder", newName)
            }
        }
        let real = target.resolvingSymlinksInPath().path
        let starterPath = starter.resolvingSymlinksInPath().path
        for part in ["content", "templates"] where real == starterPath + "/" + part || real.hasPrefix(starterPath + "/" + part + "/") {
            throw refuse("this folder is inside the starter's \(part)/, which the new site is copied from",
                         "make the new site outside \(starterPath), e.g. in your home folder")
        }
        var above = target.deletingLastPathComponent().resolvingSymlinksInPath()
        while true {
            if FileManager.default.fileExists(atPath: above.appendingPathComponent("site.yaml").path) {
                throw refuse("this folder is inside the content folder \(above.path) of another site, whose pages it would become",
                             "make the new site outside that site's content/ folder")
            }
            if FileManager.default.fileExists(atPath: above.appendingPathComponent("base.mustache").path) {
                throw refuse("this folder is inside the templates folder \(above.path) of another site",
                             "make the new site outside that site's templates/ folder")
            }
            if above.path == "/" || above.path.isEmpty { break }
            above.deleteLastPathComponent()
        }
        return (try? FileManager.default.contentsOfDirectory(atPath: target.path)) != nil
    }

    /// The program's name and address in place of the starter's (the rest
    /// of site.yaml, comments and all, is kept); the shipped site's
    /// `example: true` is dropped, as the new site is no example. Returns
    /// the line of base_url.
    private func writeSettings(_ file: URL) throws -> Int {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        lines.removeAll { $0.hasPrefix("example:") }
        func set(_ key: String, _ value: String) -> Int {
            if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
                lines[index] = key + ": " + value
                return index + 1
            }
            lines.insert(key + ": " + value, at: 0)
            return 1
        }
        _ = set("title", Self.yamlQuoted(answers.name))
        let baseURLLine = set("base_url", answers.baseURL)
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        return baseURLLine
    }

    /// `content/providers/NAME.md` from the provider archetype, with the
    /// program's name and phone.
    private func writeProviderPage(content: URL, archetypes: URL) throws {
        let archetype = archetypes.appendingPathComponent("provider.md")
        guard FileManager.default.fileExists(atPath: archetype.path) else { return }
        let slug = NewFile.slug(of: answers.name)
        var file = content.appendingPathComponent("providers/\(slug).md")
        if FileManager.default.fileExists(atPath: file.path) { file = content.appendingPathComponent("providers/\(slug)-program.md") }
        var text = NewFile.filled(try String(contentsOf: archetype, encoding: .utf8), title: answers.name, name: slug)
        if let phone = answers.phone {
            var lines = text.components(separatedBy: "\n").filter { !$0.hasPrefix("# phone:") }
            if let name = lines.firstIndex(where: { $0.hasPrefix("name:") }) {
                lines.insert("phone: " + Self.yamlQuoted(phone), at: name + 1)
            }
            text = lines.joined(separator: "\n")
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file, options: .withoutOverwriting)
    }

    /// The pages the new site has, counted by the build's own walk of content/.
    private func countPages(_ content: URL) -> Int {
        (try? ContentFolder(root: content, displayRoot: "content"))?.markdownFiles.count ?? 0
    }

    /// Leaves the folder as it was: gone if this made it, else empty again.
    private func undo(_ target: URL, existed: Bool) {
        if !existed {
            try? FileManager.default.removeItem(at: target)
            return
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? [] where name != ".git" {
            try? FileManager.default.removeItem(at: target.appendingPathComponent(name))
        }
    }

    /// A YAML value in double quotes: a name with `:` or `#` is still one value.
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A folder as it may be pasted into a shell (`cd 'my site'`).
    static func shellQuoted(_ path: String) -> String {
        guard path.contains(where: { !($0.isLetter || $0.isNumber || "-_./~".contains($0)) }) else { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
