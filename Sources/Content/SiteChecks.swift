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
        diagnostics += NamedFileChecks(site: site).run()
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
        // Another language's menu is in the one site.yaml, under `languages:`, and names its own pages.
        let path = site.folder.sharedDisplayPath("site.yaml")
        let language = site.urlPrefix.isEmpty ? "" : " (in `languages: \(site.language):`)"
        return site.config.menu.compactMap { entry in
            guard let target = entry.page else { return nil }
            if site.page(at: target) != nil || site.unreadablePages.contains(target) { return nil }
            let suggestion = closestName(to: target, in: site.pages.map(\.contentPath))
            return .error(path, "the menu entry '\(entry.title)'\(language) names '\(target)', which is not a page in \(site.folder.displayRoot)/",
                          fix: suggestion.map { "did you mean '\($0)'?" } ?? "give a path below \(site.folder.displayRoot)/, e.g. `toolbox/_index.md`")
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
            switch LinkTarget.of(destination, from: page.contentPath) {
            case .sameFile(let fragment):
                if !fragment.isEmpty, !page.hasHeading(fragment) {
                    problem("there is no heading '#\(fragment)' on this page", fix: headingHint(fragment, in: page))
                }
            case .external, .empty:
                break
            case .refused(let scheme):
                diagnostics.append(.warning(page.sourcePath, line: link.line, column: link.column,
                    "the link '\(Self.shortened(destination))' uses '\(scheme):', which a page may not link to, so it was removed",
                    fix: "link to an https: address or a file in the content folder"))
            case .hostRoot:
                problem("the link '\(destination)' starts with /, so on the web it leads to the top of whatever server hosts the site, not to a page of it",
                        fix: "write the link from this file to the page or file, e.g. `../toolbox/urge-log.md` or `images/room.png`")
            case .outsideContent:
                problem("the link '\(destination)' leads outside the content folder", fix: "link only to files below content/")
            case .file(let path, _):
                if !site.folder.hasOtherFile(path) {
                    problem("the link target '\(SitePaths.splitFragment(destination).path)' does not exist in the content folder",
                            fix: closestName(to: path, in: site.folder.otherFiles).map { "did you mean '\($0)'?" })
                }
            case .page(let resolved, let fragment):
                if site.worksheetFiles.contains(resolved) || site.unreadablePages.contains(resolved) { continue }
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
        }
        return diagnostics
    }

    /// A `data:` link can be a whole file long; a message shows its start.
    static func shortened(_ destination: String) -> String {
        destination.count > 60 ? String(destination.prefix(57)) + "..." : destination
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
        case .meeting:
            if let problem = checkHost(of: page) { diagnostics.append(problem) }
        default:
            break
        }
        return diagnostics
    }

    /// A meeting's `host` must name a provider page, so its page can list the meeting.
    private func checkHost(of page: Page) -> Diagnostic? {
        guard let meeting = page.meeting, let host = meeting.host else { return nil }
        if let target = site.page(at: host), target.kind == .provider { return nil }
        if site.unreadablePages.contains(host) { return nil }
        let at = meeting.hostPosition ?? (page.settingsLine, 1)
        let providers = site.pages.filter { $0.kind == .provider }.map(\.contentPath)
        let fix = closestName(to: host, in: providers).map { "did you mean '\($0)'?" }
            ?? (providers.isEmpty ? "add a provider page in providers/ first, or leave `host` out"
                : "write the path of a provider page below content/, e.g. `host: \(providers[0])`")
        return .error(page.sourcePath, line: at.line, column: at.column, "'host' must be a provider page (providers/NAME.md), and '\(host)' is not one",
                      fix: fix)
    }
}
