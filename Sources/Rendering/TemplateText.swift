import Mustache

/// A page's text as templates get it (`page.title`, `page.content`, `root`, ...).
///
/// swift-mustache prints a plain String by asking, in turn, whether it is a
/// template, a custom renderable, a lambda or an optional, and then calling
/// String(describing:); each question is a dynamic cast. A custom renderable
/// is printed at the second question. `{{page.title}}` appears on every
/// page, about ten such values per page, so this is a measurable part of
/// rendering a large site.
///
/// It behaves as the String would: the same text, escaped or not the same
/// way; a section over it renders (an empty text included, as with String);
/// transforms such as `{{uppercased(page.title)}}` work on the text.
/// Inside a section over it, it has no names of its own (as a String has
/// none), so `{{text}}` there is looked up further out, not in the value.
/// The one value a template might use as a partial's name, `page.kind`,
/// stays a plain String, since `{{>*name}}` takes only a String.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, CustomStringConvertible {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func transform(_ name: String) -> Any? { text.transform(name) }
    func child(named name: String) -> Any? { nil }
}
