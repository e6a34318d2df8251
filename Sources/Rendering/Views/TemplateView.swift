import Mustache

/// One thing a template shows (a page, a section's list, a provider, the
/// site): the names it answers and, for each, its value. A value is worked
/// out when a template asks for its name, not before: a template that never
/// shows the menu or the breadcrumbs does not pay for them, and on a site of
/// 10,000 pages building every value up front was a large part of rendering.
///
/// A name the view does not have, or one whose value this page lacks, is
/// nil, so Mustache looks further up (and a section over it renders
/// nothing). The names of every view are what templates are checked
/// against (TemplateNames) and what docs/templates.md lists.
///
/// Views are small (a reference or two): swift-mustache holds every value
/// it is given as `Any`, and a value over three words would cost a memory
/// allocation each time a template names it.
protocol TemplateView: MustacheParent, Sendable {
    associatedtype Key: RawRepresentable, CaseIterable where Key.RawValue == String

    func value(_ key: Key) -> (any Sendable)?

    /// Where the names this view does not have are looked up next: the
    /// values of the page's kind, below those every page has.
    var rest: (any MustacheParent & Sendable)? { get }

    /// The names, as templates write them.
    static var keys: [String] { get }
}

extension TemplateView {
    var rest: (any MustacheParent & Sendable)? { nil }

    static var keys: [String] { Key.allCases.map(\.rawValue) }

    /// swift-mustache's question: the value of a name.
    func child(named name: String) -> Any? {
        if let key = Key(rawValue: name) { return value(key) }
        return rest?.child(named: name)
    }
}
