/// Every name a template can ask for, at any level: the values listed in
/// docs/templates.md and swift-mustache's own. Templates are checked against
/// this list when they load, so `{{page.titel}}` is a warning with "did you
/// mean 'page.title'?" instead of a silently empty spot on every page.
///
/// The check looks at each part of a dotted name on its own (a name is known
/// if some value somewhere has it), which is enough to catch a misspelling
/// without knowing which list a `{{#section}}` walks. A test keeps this list
/// and docs/templates.md the same; a value added to PageContext,
/// TemplateValues or SiteRenderer goes into both.
enum TemplateNames {
    static let values: Set<String> = [
        // Every page (TemplateValues, PageValues, PageContext.shared and .menu)
        "site", "page", "root", "menu", "is_home",
        "title", "description", "language", "base_url", "disclaimer", "help_lines",
        "name", "summary", "phone", "phone_url", "text", "text_url", "tty", "tty_url", "website",
        "url", "current", "canonical",
        // Pages made from content files
        "short_title", "content", "kind", "source", "toc", "has_toc", "toc_html", "id", "is_sub",
        "is_page", "is_section", "is_point", "is_tool", "is_provider",
        "breadcrumbs", "has_breadcrumbs", "children", "has_children", "number",
        "tools_by_point", "has_tools_by_point", "points", "has_points", "tools", "has_tools", "previous", "next",
        "worksheet", "downloads", "label", "pages", "pages_label",
        "provider", "json_ld", "address", "has_address", "insurance_verification", "services", "has_services",
        "levels_of_care", "has_levels_of_care", "smart_role",
        // Pages smartsite makes itself (SiteRenderer)
        "preview", "tool", "worksheets", "is_worksheet", "is_search", "is_not_found",
    ]

    /// What `page.` and `site.` lead to (PageValues, PageContext.shared):
    /// the two names templates write with a dot, checked more closely.
    static let children: [String: Set<String>] = [
        "page": ["title", "description", "url", "canonical", "short_title", "content", "kind", "source", "toc", "has_toc", "toc_html"],
        "site": ["title", "description", "language", "base_url", "disclaimer", "help_lines"],
    ]

    /// swift-mustache's: a list's position (`{{#first()}}`) and the
    /// transforms (`{{uppercased(title)}}`).
    static let mustache: Set<String> = [
        "first", "last", "index", "even", "odd",
        "empty", "capitalized", "lowercased", "uppercased", "reversed", "count", "sorted", "enumerated",
        "equalzero", "plusone", "minusone",
    ]
}
