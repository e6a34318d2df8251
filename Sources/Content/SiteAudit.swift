import Diagnostics
import Foundation
import Markdown
import SourceFiles

/// What `smartsite check` looks at beyond what a build refuses: things a
/// publisher should fix before a release but that do not stop a preview.
public struct SiteAudit {
    public var site: Site
    /// Today as a day number, for the reviewed dates of ``CareCheck``.
    public var today: Int

    public init(site: Site, today: Int = ReviewDate.today(secondsSince1970: Date().timeIntervalSince1970)) {
        self.site = site
        self.today = today
    }

    /// Warnings, each at the line to change.
    public func run() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in site.pages {
            if (page.settings.description ?? "").isBlank {
                diagnostics.append(.warning(page.sourcePath, line: page.settingsLine, column: 1,
                    "the page has no description; search engines and link previews will show its first paragraph",
                    fix: "add `description: One sentence about the page.` to the settings"))
            }
            for image in page.content.links where image.isImage && image.text.isBlank {
                diagnostics.append(.warning(page.sourcePath, line: image.line, column: image.column,
                    "the image '\(image.destination)' has no alt text, so screen readers cannot describe it",
                    fix: "write what the image shows between the brackets: ![A pie chart of eight life areas](\(image.destination))"))
            }
        }
        // Files are shared by every language: unlinked when no language's page links to them.
        let linkedElsewhere = Set(site.translations.flatMap { $0.linkedFiles() })
        for file in site.urlPrefix.isEmpty ? site.unlinkedFiles().filter({ !linkedElsewhere.contains($0) }) : [] {
            diagnostics.append(.warning(site.folder.displayPath(file),
                "no page links to this file, so it is not published",
                fix: "link to it from a page, e.g. `[Our flyer](\(file))`, or move it out of \(site.folder.displayRoot)/ if it is private"))
        }
        let reachable = reachablePages()
        for page in site.pages where !reachable.contains(page.contentPath) {
            diagnostics.append(.warning(page.sourcePath, line: page.settingsLine, column: 1,
                "no menu, section list or link leads to this page, so visitors cannot find it",
                fix: "link to it from another page, or put it in a folder with an _index.md"))
        }
        diagnostics += CareCheck(site: site, today: today).run()
        diagnostics += ExampleSettings.warnings(for: site)
        diagnostics += MeetingAudit.run(site)
        return diagnostics
    }

    /// Links to other sites, for a publisher to check by hand (there is no
    /// network here, and a build must not depend on other sites being up).
    public func externalLinks() -> [(url: String, page: String, line: Int)] {
        site.pages.flatMap { page in
            page.content.links.filter {
                // Web addresses only: phone and mail links have nothing to fetch.
                LinkTarget.of($0.destination, from: page.contentPath) == .external
                    && ["http", "https", nil].contains(URLPolicy.scheme(of: $0.destination))
            }
                .map { (url: $0.destination, page: page.sourcePath, line: $0.line) }
        }.sorted { ($0.url, $0.page, $0.line) < ($1.url, $1.page, $1.line) }
    }

    /// Pages a visitor can reach from the home page and the menu, following
    /// links in the text, section lists, breadcrumbs and the point/tool links
    /// the templates show.
    func reachablePages() -> Set<String> {
        var seen: Set<String> = []
        var queue = ["_index.md"] + site.config.menu.compactMap(\.page)
        while let next = queue.popLast() {
            guard !seen.contains(next), let page = site.page(at: next) else { continue }
            seen.insert(next)
            for link in page.content.links {
                if case .page(let resolved, _) = LinkTarget.of(link.destination, from: page.contentPath) { queue.append(resolved) }
            }
            // The home template lists nothing by itself; section pages list their pages.
            if page.kind == .section {
                queue += site.children(of: page).map(\.contentPath)
                // Sub-sections are listed by their parent section page.
                queue += site.pages.filter { $0.kind == .section && SitePaths.folder(of: $0.sectionPath) == page.sectionPath }
                    .map(\.contentPath)
            }
            if page.kind == .point, let point = page.settings.point {
                queue += site.tools(serving: point).map(\.contentPath)
            }
            if page.kind == .tool {
                let served = page.settings.points ?? []
                queue += site.points.filter { served.contains($0.settings.point ?? 0) }.map(\.contentPath)
            }
            if page.kind == .section, page.sectionPath == "toolbox" || page.sectionPath == "program" {
                queue += site.points.map(\.contentPath)
            }
        }
        return seen
    }
}
