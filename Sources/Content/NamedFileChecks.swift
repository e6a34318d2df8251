import Diagnostics
import Foundation

/// The files settings name (site.yaml's `logo`, a page's `image`) must be
/// there and be what the setting needs: a missing logo would leave every
/// page's header with a broken picture, and an SVG logo with a script in it
/// would run that script for anyone who opens the file.
struct NamedFileChecks {
    var site: Site

    func run() -> [Diagnostic] {
        site.namedFiles().compactMap(check)
    }

    private func check(_ named: Site.NamedFile) -> Diagnostic? {
        func problem(_ message: String, fix: String?) -> Diagnostic {
            .error(named.source, line: named.line, column: named.column, message, fix: fix)
        }
        guard let path = named.path else {
            return problem("'\(named.setting)' names '\(named.written)', which is not a file below the content folder",
                           fix: "put the image in content/ (e.g. content/images/) and write its path from this file")
        }
        guard site.folder.hasOtherFile(path) else {
            return problem("'\(named.setting)' names '\(named.written)', which does not exist (no \(site.folder.displayPath(path)))",
                           fix: closestName(to: path, in: site.folder.otherFiles).map { "did you mean '\($0)'?" }
                               ?? "put the image at \(site.folder.displayPath(path)), or correct the path")
        }
        guard named.setting == "logo", path.lowercased().hasSuffix(".svg") else { return nil }
        guard let data = try? Data(contentsOf: site.folder.url(path)) else { return nil }
        let text = String(decoding: data, as: UTF8.self).lowercased()
        if !text.contains("<svg") {
            return problem("the logo \(site.folder.displayPath(path)) is named .svg but holds no SVG drawing",
                           fix: "save the logo again as SVG (or PNG) from your drawing program")
        }
        if Self.runsScript(text) {
            return problem("the logo \(site.folder.displayPath(path)) has a script or event handler in it, which would run for anyone who opens it",
                           fix: "save the logo as plain SVG (in Inkscape: Save As › Plain SVG) or as PNG")
        }
        return nil
    }

    /// `<script`, `javascript:` or an `on…=` attribute (`onload=`, `onclick =`).
    static func runsScript(_ lowercased: String) -> Bool {
        if lowercased.contains("<script") || lowercased.contains("javascript:") || lowercased.contains("<foreignobject") { return true }
        let characters = Array(lowercased.unicodeScalars)
        var index = 0
        while index + 2 < characters.count {
            let before = characters[index]
            if (before == " " || before == "\n" || before == "\t" || before == "\r" || before == "/"),
               characters[index + 1] == "o", characters[index + 2] == "n" {
                var end = index + 3
                while end < characters.count, ("a"..."z").contains(characters[end]) { end += 1 }
                var equals = end
                while equals < characters.count, characters[equals] == " " { equals += 1 }
                if end > index + 3, equals < characters.count, characters[equals] == "=" { return true }
            }
            index += 1
        }
        return false
    }
}
