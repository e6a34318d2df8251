import Content
import Markdown

/// A page's table of contents: its `##` and `###` headings, when it shows one.
enum TableOfContents {
    /// The `##` and `###` headings, when the page shows a table of contents:
    /// its `toc` setting, else when it has three `##` headings or more.
    static func headings(of page: Page) -> [Heading] {
        let headings = page.content.headings.filter { $0.level == 2 || $0.level == 3 }
        let wanted = page.settings.toc ?? (headings.filter { $0.level == 2 }.count >= 3)
        return wanted ? headings : []
    }

    /// The same table of contents as ready HTML, `###` entries nested under
    /// their `##`: for `{{{page.toc_html}}}`, one value where a loop over
    /// `page.toc` looks up two names per heading (like Hugo's .TableOfContents).
    static func html(of page: Page) -> String {
        let headings = headings(of: page)
        guard !headings.isEmpty else { return "" }
        // Written as bytes: every page of a large site has one.
        var html: [UInt8] = []
        html.reserveCapacity(headings.reduce(16) { $0 + $1.id.utf8.count + $1.text.utf8.count + 40 })
        func add(_ text: StaticString) {
            text.withUTF8Buffer { html.append(contentsOf: $0) }
        }
        var openItemIsSection = false  // a `##` entry is open: `###` entries go in its own list
        var sublistOpen = false
        var itemOpen = false
        add("<ul>")
        for heading in headings {
            if heading.level == 3 && openItemIsSection {
                if !sublistOpen { add("<ul>"); sublistOpen = true }
            } else {
                if sublistOpen { add("</ul>"); sublistOpen = false }
                if itemOpen { add("</li>") }
                itemOpen = true
                openItemIsSection = heading.level == 2
            }
            add("<li><a href=\"#")
            HTMLEscaping.append(heading.id, to: &html)
            add("\">")
            HTMLEscaping.append(heading.text, to: &html)
            add("</a>")
            if sublistOpen { add("</li>") }
        }
        if sublistOpen { add("</ul>") }
        if itemOpen { add("</li>") }
        add("</ul>")
        return String(decoding: html, as: UTF8.self)
    }
}
