import Content
import Diagnostics

/// Every check of the templates against the site's pages, in one place,
/// run by build, check and preview alike before any page is written: the
/// templates every site needs are there, each page's template exists, and
/// no page sits where smartsite puts a page of its own. (TemplateChecks
/// reads the templates themselves as they load; the content's own rules are
/// SiteChecks; the worksheets' are WorksheetStep.problems.)
public struct PageTemplateChecks: Sendable {
    /// The templates smartsite renders its own pages and every page kind's fallback with.
    public static let required = ["page", "section", "worksheet", "worksheets", "search", "404"]

    let renderer: SiteRenderer
    /// How messages name the templates folder (`templates`).
    let templatesFolder: String

    public init(renderer: SiteRenderer, templatesFolder: String) {
        self.renderer = renderer
        self.templatesFolder = templatesFolder
    }

    /// `layouts: false` leaves out the per-page template check, which
    /// preview skips when neither the templates nor a page's `layout` changed.
    public func run(layouts: Bool = true) -> [Diagnostic] {
        missing() + (layouts ? pageTemplates() : []) + builtInAddresses()
    }

    func missing() -> [Diagnostic] {
        Self.required.filter { !renderer.templates.names.contains($0) }.map { name in
            Diagnostic.error(templatesFolder + "/\(name).mustache", "this template is missing; every site needs it",
                             fix: "copy it from the templates/ folder that ships with smartsite")
        }
    }

    /// A `layout` that names no template would only show while rendering.
    func pageTemplates() -> [Diagnostic] {
        let names = renderer.templates.names
        return renderer.site.pages.compactMap { page in
            let name = renderer.templateName(for: page)
            guard !names.contains(name) else { return nil }
            return .error(page.sourcePath, line: page.settingsLine, column: 1,
                          "there is no template '\(name)' (no templates/\(name).mustache)",
                          fix: closestName(to: name, in: names.sorted()).map { "did you mean '\($0)'?" })
        }
    }

    /// A content page at one of smartsite's own addresses would be overwritten.
    func builtInAddresses() -> [Diagnostic] {
        renderer.site.pages.compactMap { page in
            guard let builtIn = SiteRenderer.builtInPages[page.urlPath] else { return nil }
            return .error(page.sourcePath, "this page would be published at /\(page.urlPath), where smartsite puts \(builtIn)",
                          fix: "rename or move the file")
        }
    }
}
