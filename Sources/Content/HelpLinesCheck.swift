import Diagnostics
import Foundation

/// Every page a visitor can land on must show every help line of
/// site.yaml, with working links: a person in crisis may arrive on any page
/// from a search. Checked on the built HTML, so a template that stops
/// including the help partial (or a new layout that never did) fails
/// `smartsite check` instead of shipping.
public enum HelpLinesCheck {
    /// What a page must contain for one help line: its name, and each way
    /// of reaching it, as a link (`tel:`, `sms:`, the website) or at least
    /// written out. Each requirement is a list of things any one of which will do;
    /// its first entry names it in messages.
    public static func requirements(of line: SiteConfig.HelpLine) -> [[String]] {
        var needed = [[line.name]]
        func number(_ value: String?, _ scheme: String) {
            guard let value, let url = PhoneNumber.link(scheme, value) else { return }
            needed.append(["href=\"\(url)\"", value])
        }
        number(line.phone, "tel")
        number(line.text, "sms")
        number(line.tty, "tel")
        if let website = line.website { needed.append(["href=\"\(website)\"", website]) }
        return needed
    }

    /// The parts of each help line that one page's HTML lacks (nothing when it shows them all).
    public static func missing(in html: String, lines: [SiteConfig.HelpLine]) -> [(line: String, lacks: String)] {
        let page = decoded(html)
        return lines.flatMap { line in
            requirements(of: line).filter { options in !options.contains { page.contains($0) } }
                .map { (line: line.name, lacks: $0[0]) }
        }
    }

    /// Checks every `.html` file below a built site. One error per help line,
    /// naming a few of the pages that lack it.
    /// `inFolder` and `besides`: only the pages of one language (`es/`), or
    /// those of the default language (all but `es/` ...): each shows its own lines.
    public static func check(outputFolder: URL, lines: [SiteConfig.HelpLine], templatesDisplayPath: String = "templates",
                             inFolder: String = "", besides: [String] = []) -> [Diagnostic] {
        guard !lines.isEmpty else { return [] }
        var lacking: [String: (pages: [String], what: Set<String>)] = [:]
        var order: [String] = []
        for page in htmlFiles(below: outputFolder)
        where page.hasPrefix(inFolder) && !besides.contains(where: { page.hasPrefix($0) }) {
            guard let data = FileManager.default.contents(atPath: outputFolder.appendingPathComponent(page).path) else { continue }
            for (line, lacks) in missing(in: String(decoding: data, as: UTF8.self), lines: lines) {
                if lacking[line] == nil { lacking[line] = ([], []); order.append(line) }
                if lacking[line]!.pages.last != page { lacking[line]!.pages.append(page) }
                lacking[line]!.what.insert(lacks)
            }
        }
        return order.map { name in
            let entry = lacking[name]!
            let shown = entry.pages.prefix(3).joined(separator: ", ") + (entry.pages.count > 3 ? " and \(entry.pages.count - 3) more" : "")
            let what = (entry.what.contains(name) ? ["its name"] : [])
                + entry.what.filter { $0 != name }.sorted().map { $0.replacingOccurrences(of: "href=", with: "a link ") }
            return .error(templatesDisplayPath,
                "\(entry.pages.count) built page\(entry.pages.count == 1 ? " does" : "s do") not show the help line '\(name)' (\(what.joined(separator: ", ")) missing): \(shown)",
                fix: "every layout must show the help lines: keep `{{>partials/help-bar}}` and `{{>partials/footer}}` in base.mustache, and make each page template start with `{{<base}}`")
        }
    }

    static func htmlFiles(below folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let next = enumerator.nextObject() as? String {
            if next.hasSuffix(".html") { files.append(next) }
        }
        return files.sorted()
    }

    /// The page with entities written out, so `&amp;` matches `&`.
    static func decoded(_ html: String) -> String {
        guard html.contains("&") else { return html }
        return html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
