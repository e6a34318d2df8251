import Diagnostics
import Markdown

/// Whole-site rules that no single file can check on its own: links that
/// lead somewhere, menus that name real pages, points and worksheets that
/// exist. Each problem points at the line that has to change.
struct SiteChecks {
    var site: Site

    /// With `only`, the links and settings of those pages alone are checked
    /// (preview, after they changed and nothing else did).
    func run(only: Set<String>? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        diagnostics += checkMenu()
        diagnostics += checkOutputPaths()
        let checked = only.map { paths in site.pages.filter { paths.contains($0.contentPath) } } ?? site.pages
        // Pages are checked on all cores; the order of the problems stays the pages' order.
        let checks = self
        for problems in checked.parallelMap({ page in
            checks.checkLinks(of: page) + checks.checkProgramSettings(of: page)
        }) {
            diagnostics += problems
        }
        return diagnostics
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
    /// That is the only way two content files can share an address (a page
    /// file loses `.md`, a section file its `/_index.md`), so only section
    /// pages need a look, not a table of all 10,000 addresses. `X.md` sorts
    /// before `X/_index.md`, so the section page is the one reported.
    private func checkOutputPaths() -> [Diagnostic] {
        site.pages.compactMap { page in
            guard page.kind == .section, let first = site.page(at: page.sectionPath + ".md") else { return nil }
            return .error(page.sourcePath, "this page and \(first.sourcePath) would both be published at /\(page.urlPath)",
                          fix: "rename or move one of them")
        }
    }

    private func checkLinks(of page: Page) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for link in page.content.links {
            let destination = link.destination
            func problem(_ message: String, fix: String? = nil) {
                diagnostics.append(.error(page.sourcePath, line: link.line, column: link.column, message, fix: fix))
            }
            if destination.hasPrefix("#") {
                let fragment = String(destination.dropFirst())
                if !fragment.isEmpty, !page.hasHeading(fragment) {
                    problem("there is no heading '#\(fragment)' on this page", fix: headingHint(fragment, in: page))
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
            guard let targetPage = site.page(at: resolved) else {
                if site.folder.hasMarkdownFile(resolved) {
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
            if let fragment, !fragment.isEmpty, !targetPage.hasHeading(fragment) {
                problem("\(resolved) has no heading '#\(fragment)'", fix: headingHint(fragment, in: targetPage))
            }
        }
        return diagnostics
    }

    private func headingHint(_ fragment: String, in page: Page) -> String? {
        let ids = page.content.headings.map(\.id).sorted()  // unique within a page (HeadingIDs)
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
