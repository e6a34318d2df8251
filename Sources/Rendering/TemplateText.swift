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
/// Values a template might use as a partial's name (`page.kind`) stay plain
/// Strings, since `{{>*name}}` takes only a String.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func transform(_ name: String) -> Any? { text.transform(name) }
}
