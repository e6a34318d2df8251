import Diagnostics
import Markdown

/// Whole-site rules that no single file can check on its own: links that
/// lead somewhere, menus that name real pages, points and worksheets that
/// exist. Each problem points at the line that has to change.
struct SiteChecks {
    var site: Site
    /// Every page file, drafts included, to tell "missing" from "a draft".
    var allPageFiles: Set<String>

    /// With `only`, the links and settings of those pages alone are checked
    /// (preview, after they changed and nothing else did).
    func run(only: Set<String>? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        diagnostics += checkMenu()
        diagnostics += checkOutputPaths()
        let checked = only.map { paths in site.pages.filter { paths.contains($0.contentPath) } } ?? site.pages
        let headingIDs = Dictionary(headingSources(of: checked).map { ($0.contentPath, Set($0.content.headings.map(\.id))) },
                                    uniquingKeysWith: { first, _ in first })
        // Pages are checked on all cores; the order of the problems stays the pages' order.
        let checks = self
        for problems in checked.parallelMap({ page in
            checks.checkLinks(of: page, headingIDs: headingIDs) + checks.checkProgramSettings(of: page)
        }) {
            diagnostics += problems
        }
        return diagnostics
    }

    /// The pages whose heading ids the links of `pages` can name: all of
    /// them, unless only a few pages are checked.
    private func headingSources(of pages: [Page]) -> [Page] {
        guard pages.count < site.pages.count else { return site.pages }
        let targets = pages.flatMap { page in
            page.content.links.compactMap { link -> Page? in
                let target = SitePaths.splitFragment(link.destination).path
                guard SitePaths.isLocalFile(link.destination), target.hasSuffix(".md") else { return nil }
                return SitePaths.resolve(target, from: page.contentPath).flatMap(site.page(at:))
            }
        }
        return pages + targets
    }

    private func checkMenu() -> [Diagnostic] {
        let path = site.folder.displayPath("site.yaml")
        return site.config.menu.compactMap { entry in
            guard let target = entry.page else { return nil }
            if site.page(at: target) != nil { return nil }
            let suggestion = closestName(to: target, in: site.pages.map(\.contentPath))
            return .error(path, "the menu entry '\(entry.title)' names '\(target)', which is not a page",
                          fix: suggestion.map { "did you mean '\($0)'?" } ?? "give a path below content/, e.g. `toolbox/_index.md`")
        }
    }

    /// `toolbox.md` and `toolbox/_index.md` would both become /toolbox/.
    private func checkOutputPaths() -> [Diagnostic] {
        var seen: [String: Page] = [:]
        var diagnostics: [Diagnostic] = []
        for page in site.pages {
            if let first = seen[page.urlPath] {
                diagnostics.append(.error(page.sourcePath, "this page and \(first.sourcePath) would both be published at /\(page.urlPath)",
                                          fix: "rename or move one of them"))
            } else {
                seen[page.urlPath] = page
            }
        }
        return diagnostics
    }

    private func checkLinks(of page: Page, headingIDs: [String: Set<String>]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for link in page.content.links {
            let destination = link.destination
            func problem(_ message: String, fix: String? = nil) {
                diagnostics.append(.error(page.sourcePath, line: link.line, column: link.column, message, fix: fix))
            }
            if destination.hasPrefix("#") {
                let fragment = String(destination.dropFirst())
                if !fragment.isEmpty, !(headingIDs[page.contentPath] ?? []).contains(fragment) {
                    problem("there is no heading '#\(fragment)' on this page", fix: headingHint(fragment, in: page.contentPath, headingIDs))
                }
                continue
            }
            guard SitePaths.isLocalFile(destination) else { continue }
            let (target, fragment) = SitePaths.splitFragment(destination)
            guard target.hasSuffix(".md") else {
                if !target.isEmpty, let resolved = SitePaths.resolve(target, from: page.contentPath),
                   !site.folder.otherFiles.contains(resolved) {
                    problem("the link target '\(target)' does not exist in the content folder")
                }
                continue
            }
            guard let resolved = SitePaths.resolve(target, from: page.contentPath) else {
                problem("the link '\(destination)' leads outside the content folder", fix: "link only to files below content/")
                continue
            }
            if site.worksheetFiles.contains(resolved) { continue }
            guard site.page(at: resolved) != nil else {
                if allPageFiles.contains(resolved) {
                    problem("the link '\(destination)' leads to a draft page, which is not published",
                            fix: "remove `draft: true` from \(resolved) or remove the link")
                } else {
                    let known = site.pages.map(\.contentPath) + site.worksheetFiles.sorted()
                    let suggestion = closestName(to: resolved, in: known)
                    problem("the link '\(destination)' leads to \(site.folder.displayPath(resolved)), which does not exist",
                            fix: suggestion.map { "did you mean '\($0)'?" })
                }
                continue
            }
            if let fragment, !fragment.isEmpty, !(headingIDs[resolved] ?? []).contains(fragment) {
                problem("\(resolved) has no heading '#\(fragment)'", fix: headingHint(fragment, in: resolved, headingIDs))
            }
        }
        return diagnostics
    }

    private func headingHint(_ fragment: String, in contentPath: String, _ headingIDs: [String: Set<String>]) -> String? {
        let ids = (headingIDs[contentPath] ?? []).sorted()
        if let best = closestName(to: fragment, in: ids) { return "did you mean '#\(best)'?" }
        return ids.isEmpty ? nil : "its headings are " + ids.prefix(8).map { "#\($0)" }.joined(separator: ", ")
    }

    private func checkProgramSettings(of page: Page) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let line = page.settingsLine
        switch page.kind {
        case .point:
            if let point = page.settings.point, !(1...4).contains(point) {
                diagnostics.append(.error(page.sourcePath, line: line, column: 1, "'point' must be 1, 2, 3 or 4 (it is \(point))"))
            } else if page.settings.point == nil {
                diagnostics.append(.warning(page.sourcePath, line: line, column: 1, "this program page has no 'point' number",
                                            fix: "add `point: N` (1 to 4), so tools can link to it"))
            }
        case .tool:
            for point in page.settings.points ?? [] where !(1...4).contains(point) {
                diagnostics.append(.error(page.sourcePath, line: line, column: 1, "'points' may only hold 1, 2, 3 and 4 (found \(point))"))
            }
            if let slug = page.settings.worksheet, !site.worksheetFiles.contains("worksheets/\(slug).md") {
                let suggestion = closestName(to: slug, in: site.worksheetFiles.map { String($0.dropFirst(11).dropLast(3)) })
                diagnostics.append(.error(page.sourcePath, line: line, column: 1,
                                          "the worksheet '\(slug)' does not exist (no \(site.folder.displayPath("worksheets/\(slug).md")))",
                                          fix: suggestion.map { "did you mean '\($0)'?" }))
            }
        default:
            break
        }
        return diagnostics
    }
}
