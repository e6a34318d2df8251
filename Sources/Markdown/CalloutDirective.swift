import Diagnostics

extension HTMLDirective {
    /// A highlighted box: ```` ```callout warning If you are in danger ````.
    /// The kind (note, tip, warning) is optional and defaults to note; any
    /// further words are the title; the body is Markdown.
    public static let callout = HTMLDirective(name: "callout") { block, renderer throws(Diagnostic) in
        let kinds = ["note", "tip", "warning"]
        var words = block.arguments.split(separator: " ", maxSplits: 1).map(String.init)
        var kind = "note"
        if let first = words.first, kinds.contains(first.lowercased()) {
            kind = first.lowercased()
            words.removeFirst()
        } else if let first = words.first, words.count == 1, let meant = likelyKind(first.lowercased(), kinds: kinds) {
            // ```callout danger``` used to be a Note titled "danger": on a
            // health site a warning must not quietly look like a note.
            throw .error(renderer.options.path, line: block.line, column: block.column,
                         "'\(first)' is not a kind of callout; the kinds are note, tip and warning",
                         fix: "write ```callout \(meant) for that box, or ```callout note \(first) for a note titled \(first)")
        }
        let title = words.first ?? ""
        if block.body.trimmingWhitespace.isEmpty {
            throw .error(renderer.options.path, line: block.line, column: block.column,
                         "this callout is empty", fix: "write its text on the lines between the fences")
        }
        let label = renderer.options.words.callout(kind)
        var html = "<aside class=\"callout callout-\(kind)\" aria-label=\"\(label)\">\n"
        html += "<p class=\"callout-title\">\(title.isEmpty ? label : renderer.renderInline(title, line: block.line))</p>\n"
        html += renderer.renderBlocks(block.body, line: block.bodyLine)
        html += "</aside>\n"
        return html
    }
}

/// Box kinds other site generators have, and the one of ours each is:
/// a single word after `callout` that is one of these (or a misspelled
/// kind) is taken for a mistake, not a title.
private func likelyKind(_ word: String, kinds: [String]) -> String? {
    let others = ["danger": "warning", "caution": "warning", "alert": "warning", "error": "warning", "attention": "warning",
                  "important": "warning", "info": "note", "information": "note", "hint": "tip", "success": "tip"]
    return others[word] ?? closestName(to: word, in: kinds)
}
