/// The search page and the 404 page: each is marked, so a shared template
/// can tell them apart.
struct SpecialPageView: TemplateView {
    enum Key: String, CaseIterable {
        case isSearch = "is_search"
        case isNotFound = "is_not_found"
    }

    let which: Key

    func value(_ key: Key) -> (any Sendable)? {
        key == which ? true : nil
    }
}
