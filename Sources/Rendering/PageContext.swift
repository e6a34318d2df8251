import Content
import Markdown

/// Builds the values a template sees for one page. Everything here is plain
/// text (escaped by Mustache when printed with {{ }}) except `page.content`
/// and `worksheet.preview`, which are HTML made by smartsite itself and are
/// printed with {{{ }}}.
///
/// A class, made once per build: every page's TemplateValues points at it
/// instead of holding a copy of the whole site.
final class PageContext {
    let site: Site
    let shared: SharedContext
    let worksheets: [String: WorksheetListing]

    init(site: Site, shared: SharedContext, worksheets: [String: WorksheetListing]) {
        self.site = site
        self.shared = shared
        self.worksheets = worksheets
    }

    /// What every page shares, computed once per build.
    struct SharedContext {
        var site: [String: Any]
        var menu: [(title: String, urlPath: String?, external: String?)]
    }

    static func shared(for site: Site) -> SharedContext {
        let config = site.config
        let helpLines: [[String: Any]] = config.helpLines.map { line in
            var entry: [String: Any] = ["name": line.name]
            entry["summary"] = line.summary
            if let phone = line.phone { entry["phone"] = phone; entry["phone_url"] = PhoneNumber.link("tel", phone) }
            if let text = line.text { entry["text"] = text; entry["text_url"] = PhoneNumber.link("sms", text) }
            if let tty = line.tty { entry["tty"] = tty; entry["tty_url"] = PhoneNumber.link("tel", tty) }
            entry["website"] = line.website
            return entry
        }
        // Texts as TemplateText: every page prints the site's title and language.
        var siteValues: [String: Any] = [
            "title": TemplateText(config.title),
            "language": TemplateText(config.language),
            "base_url": TemplateText(config.baseURL),
            "help_lines": helpLines,
        ]
        siteValues["description"] = config.description.map(TemplateText.init)
        siteValues["disclaimer"] = config.disclaimer.map(TemplateText.init)
        let menu = config.menu.map { entry in
            (title: entry.title, urlPath: entry.page.map(SitePaths.urlPath(forContentPath:)), external: entry.url)
        }
        return SharedContext(site: siteValues, menu: menu)
    }


    /// The frame every page has: site, menu with the current entry marked,
    /// the path back to the root, canonical address (see TemplateValues).
    func frame(urlPath: String, title: String, description: String, rootOverride: String? = nil) -> TemplateValues {
        TemplateValues(context: self, urlPath: urlPath, title: title, description: description, rootOverride: rootOverride)
    }

    func context(for page: Page) -> TemplateValues {
        TemplateValues(context: self, urlPath: page.urlPath, title: page.title, description: page.description, page: page)
    }

    /// The menu as seen from a page: links relative to it, the current entry marked.
    func menu(from urlPath: String, rootOverride: String?) -> [[String: Any]] {
        shared.menu.map { entry in
            var item: [String: Any] = ["title": entry.title]
            if let target = entry.urlPath {
                item["url"] = rootOverride.map { $0 + target } ?? SitePaths.relativeURL(from: urlPath, to: target)
                // A section's entry stays marked on every page inside it.
                let current = target == urlPath || (!target.isEmpty && urlPath.hasPrefix(target))
                item["current"] = current
            } else {
                item["url"] = entry.external ?? ""
                item["current"] = false
            }
            return item
        }
    }

    /// The values only pages of some kinds have: a section's children, a
    /// point's tools and neighbours, a tool's points and worksheet, a
    /// provider's details.
    func kindValues(for page: Page) -> [String: Any] {
        var context: [String: Any] = [:]
        switch page.kind {
        case .section, .home:
            let children = site.children(of: page).map { link(to: $0, from: page) }
            context["children"] = children
            context["has_children"] = !children.isEmpty
            if page.sectionPath == "toolbox" {
                context["tools_by_point"] = toolsByPoint(from: page)
                context["has_tools_by_point"] = true
            }
            if page.sectionPath == "providers" || page.sectionPath == "program" {
                context["points"] = site.points.map { link(to: $0, from: page) }
            }
        case .point:
            let point = page.settings.point ?? 0
            let tools = site.tools(serving: point).map { link(to: $0, from: page) }
            context["tools"] = tools
            context["has_tools"] = !tools.isEmpty
            let points = site.points
            if let index = points.firstIndex(where: { $0.contentPath == page.contentPath }) {
                if index > 0 { context["previous"] = link(to: points[index - 1], from: page) }
                if index + 1 < points.count { context["next"] = link(to: points[index + 1], from: page) }
            }
        case .tool:
            let served = (page.settings.points ?? []).compactMap { number in
                site.points.first { $0.settings.point == number }.map { point -> [String: Any] in
                    var entry = link(to: point, from: page)
                    entry["number"] = number
                    return entry
                }
            }
            context["points"] = served
            context["has_points"] = !served.isEmpty
            if let slug = page.settings.worksheet, let worksheet = worksheets[slug] {
                context["worksheet"] = worksheetLinks(worksheet, from: page.urlPath)
            }
        case .provider:
            if let provider = page.provider {
                context["provider"] = providerValues(provider)
                context["json_ld"] = StructuredData.provider(provider, url: site.config.address(of: page.urlPath))
            }
        case .page:
            break
        }
        return context
    }

    func link(to target: Page, from page: Page) -> [String: Any] {
        var entry: [String: Any] = [
            "title": TemplateText(target.title),
            "short_title": TemplateText(target.shortTitle),
            "url": TemplateText(SitePaths.relativeURL(from: page.urlPath, to: target.urlPath)),
            "description": TemplateText(target.description),
        ]
        if let point = target.settings.point { entry["number"] = point }
        return entry
    }

    func tableOfContents(_ page: Page) -> [[String: Any]] {
        tableOfContentsHeadings(page).map { ["id": $0.id, "text": $0.text, "is_sub": $0.level == 3] }
    }

    /// The `##` and `###` headings, when the page shows a table of contents.
    private func tableOfContentsHeadings(_ page: Page) -> [Heading] {
        let headings = page.content.headings.filter { $0.level == 2 || $0.level == 3 }
        let wanted = page.settings.toc ?? (headings.filter { $0.level == 2 }.count >= 3)
        return wanted ? headings : []
    }

    /// The same table of contents as ready HTML, `###` entries nested under
    /// their `##`: for `{{{page.toc_html}}}`, one value where a loop over
    /// `page.toc` looks up two names per heading (like Hugo's .TableOfContents).
    func tableOfContentsHTML(_ page: Page) -> String {
        let headings = tableOfContentsHeadings(page)
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

    /// Home › Section › (this page is the last crumb, not a link).
    func breadcrumbs(_ page: Page) -> [[String: Any]] {
        guard page.kind != .home else { return [] }
        var crumbs: [[String: Any]] = []
        if let home = site.page(at: "_index.md") {
            crumbs.append(["title": "Home", "url": SitePaths.relativeURL(from: page.urlPath, to: home.urlPath)])
        }
        var folders = page.contentPath.split(separator: "/").dropLast().map(String.init)
        if page.kind == .section { folders = Array(folders.dropLast()) }
        var path = ""
        for folder in folders {
            path += folder + "/"
            if let section = site.page(at: path + "_index.md") {
                crumbs.append(["title": section.shortTitle, "url": SitePaths.relativeURL(from: page.urlPath, to: section.urlPath)])
            }
        }
        return crumbs
    }

    private func toolsByPoint(from page: Page) -> [[String: Any]] {
        site.points.map { point in
            var entry = link(to: point, from: page)
            entry["tools"] = site.tools(serving: point.settings.point ?? 0).map { link(to: $0, from: page) }
            return entry
        }
    }

    func worksheetLinks(_ worksheet: WorksheetListing, from urlPath: String) -> [String: Any] {
        [
            "title": worksheet.title,
            "description": worksheet.description,
            "url": SitePaths.relativeURL(from: urlPath, to: worksheet.urlPath),
            "downloads": worksheet.downloads.map { download -> [String: Any] in
                [
                    "label": download.label,
                    "url": SitePaths.rootPrefix(from: urlPath) + download.file,
                    "pages": download.pages,
                    "pages_label": download.pages == 1 ? "1 page" : "\(download.pages) pages",
                ]
            },
        ]
    }

    private func providerValues(_ provider: Provider) -> [String: Any] {
        var values: [String: Any] = ["name": provider.name]
        let locality = [provider.city, provider.region, provider.postalCode].compactMap { $0 }.joined(separator: ", ")
        let address = [provider.street, locality.isEmpty ? nil : locality].compactMap { $0 }
        values["address"] = address
        values["has_address"] = !address.isEmpty
        values["phone"] = provider.phone
        values["phone_url"] = provider.telephoneURL
        values["website"] = provider.website
        values["insurance_verification"] = provider.insuranceVerification
        values["services"] = provider.services ?? []
        values["has_services"] = !(provider.services ?? []).isEmpty
        values["levels_of_care"] = provider.levelsOfCare ?? []
        values["has_levels_of_care"] = !(provider.levelsOfCare ?? []).isEmpty
        values["smart_role"] = provider.smartRole
        return values
    }
}
