import CCmark
import Diagnostics

/// Renders a page's Markdown body to HTML with cmark, after the site's own
/// transforms on the cmark tree: heading ids, link rewriting and directive
/// blocks. One renderer renders one page (and the Markdown nested in its
/// directives); it collects headings, links and diagnostics on the way.
public final class HTMLRenderer {
    public let options: MarkdownOptions
    private let rewriteLink: (String) -> String
    private let directives: [String: HTMLDirective]
    private var headingIDs = HeadingIDs()
    private var headings: [Heading] = []
    private var links: [LinkReference] = []
    private var diagnostics: [Diagnostic] = []
    /// UTF-8 of the page's text, built as bytes: it grows by every word of every page.
    private var plainText: [UInt8] = []

    /// - Parameter rewriteLink: maps a destination as written (e.g.
    ///   `../toolbox/urge-log.md#steps`) to the one the page should use.
    public init(options: MarkdownOptions, directives: [HTMLDirective] = HTMLDirective.standard,
                rewriteLink: @escaping (String) -> String = { $0 }) {
        self.options = options
        self.rewriteLink = rewriteLink
        self.directives = Dictionary(directives.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Renders a whole document. Call once per renderer.
    public func render(_ markdown: String) -> RenderedMarkdown {
        render(bytes: Array(markdown.utf8))
    }

    public func render(bytes: [UInt8]) -> RenderedMarkdown {
        let source = String(decoding: bytes, as: UTF8.self)
        let map = SourceMap(body: source, lineOffset: options.lineOffset)
        var summary = ""
        let html = renderFragment(bytes: bytes, map: map) { node in
            if summary.isEmpty, node.cmarkType == CMARK_NODE_PARAGRAPH, node.parent?.cmarkType == CMARK_NODE_DOCUMENT {
                summary = node.plainText
            }
        }
        return RenderedMarkdown(html: html, headings: headings, links: links, summary: summary,
                                plainText: String(decoding: plainText, as: UTF8.self).trimmingWhitespace, diagnostics: diagnostics)
    }

    /// Markdown nested in a directive, rendered as blocks (a callout's body).
    /// `line` is the file line of its first line.
    public func renderBlocks(_ markdown: String, line: Int) -> String {
        let map = SourceMap(body: markdown, lineOffset: line - 1)
        return renderFragment(bytes: Array(markdown.utf8), map: map) { _ in }
    }

    /// Markdown nested in a directive, rendered as inline content (a table
    /// cell): the paragraph wrapper is dropped.
    public func renderInline(_ markdown: String, line: Int) -> String {
        var html = renderBlocks(markdown, line: line)
        if html.hasSuffix("\n") { html.removeLast() }
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.ranges(of: "<p>").count == 1 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// Adds a problem found by a directive without stopping the page.
    public func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    private func renderFragment(bytes: [UInt8], map: SourceMap, visit: (OpaquePointer) -> Void) -> String {
        guard let tree = CmarkTree(bytes: bytes, smart: options.smartPunctuation, unsafeHTML: options.allowRawHTML) else {
            diagnostics.append(.error(options.path, line: map.fileLine(1), column: 1, "the Markdown could not be parsed"))
            return ""
        }
        var headingNodes: [OpaquePointer] = []
        var directiveNodes: [OpaquePointer] = []
        tree.walk { node, entering in
            guard entering else {
                if node.cmarkType == CMARK_NODE_PARAGRAPH || node.cmarkType == CMARK_NODE_HEADING
                    || node.cmarkType == CMARK_NODE_ITEM { plainText.append(0x0A) }
                return
            }
            visit(node)
            switch node.cmarkType {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                node.appendLiteral(to: &plainText)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                plainText.append(0x20)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = node.url
                let rewritten = rewriteLink(destination)
                if rewritten != destination { cmark_node_set_url(node, rewritten) }
                links.append(LinkReference(
                    destination: destination, rewritten: rewritten, text: node.plainText,
                    isImage: node.cmarkType == CMARK_NODE_IMAGE,
                    line: map.fileLine(node.startLine),
                    column: map.characterColumn(line: node.startLine, byteColumn: node.startColumn)))
            case CMARK_NODE_CODE_BLOCK:
                if !node.fenceInfo.trimmingWhitespace.isEmpty { directiveNodes.append(node) }
            default:
                break
            }
        }
        let firstHeading = headings.count
        for node in headingNodes { collectHeading(node, map: map) }
        let fragmentHeadings = headings[firstHeading...]
        if options.allowRawHTML {
            for (node, heading) in zip(headingNodes, fragmentHeadings) { replaceHeading(node, with: heading, tree: tree) }
        }
        for node in directiveNodes { expandDirective(node, map: map) }
        if options.allowRawHTML { return tree.renderHTML(unsafeHTML: true) }
        return tree.withRenderedHTML(unsafeHTML: false) { addHeadingIDs($0, headings: fragmentHeadings) }
    }

    /// cmark's HTML has no heading ids. Headings are collected here, and
    /// their ids are put into the rendered HTML afterwards (`addHeadingIDs`).
    private func collectHeading(_ node: OpaquePointer, map: SourceMap) {
        let level = min(max(node.headingLevel, 1), 6)
        let text = node.plainText.trimmingWhitespace
        let id = headingIDs.unique(for: text)
        headings.append(Heading(level: level, text: text, id: id, line: map.fileLine(node.startLine)))
    }

    /// Gives the headings of one rendered fragment their ids. cmark writes a
    /// heading's opening tag as exactly `<hN>`, in document order; with raw
    /// HTML left out (the default) nothing else in its output looks like
    /// that, so the n-th bare `<hN>` is the n-th heading. Headings nested in
    /// directives were given ids when their own fragment was rendered and no
    /// longer match. With raw HTML allowed, a hand-written `<h2>` could be
    /// mistaken for a heading, so then each heading is rendered on its own.
    private func addHeadingIDs(_ bytes: UnsafeBufferPointer<UInt8>, headings fragmentHeadings: ArraySlice<Heading>) -> String {
        guard !fragmentHeadings.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
        var pending = fragmentHeadings.makeIterator()
        var next = pending.next()
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + fragmentHeadings.count * 24)
        var copiedUpTo = 0
        var i = 0
        // Copies the HTML in runs between headings, not byte by byte.
        while let heading = next, i + 3 < bytes.count {
            guard let open = bytes[i...].firstIndex(of: 0x3C) else { break }
            i = open
            if i + 3 < bytes.count, bytes[i + 1] == 0x68, bytes[i + 2] == UInt8(0x30 + heading.level), bytes[i + 3] == 0x3E {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<i]))
                output.append(contentsOf: "<h\(heading.level) id=\"\(heading.id.htmlEscaped)\">".utf8)
                i += 4
                copiedUpTo = i
                next = pending.next()
            } else {
                i += 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo...]))
        return String(decoding: output, as: UTF8.self)
    }

    /// The slow, always-right way, for sites that allow raw HTML: render the
    /// heading on its own (cmark renders any node) and swap it for a custom
    /// block that prints exactly that with the id added.
    private func replaceHeading(_ node: OpaquePointer, with heading: Heading, tree: CmarkTree) {
        var html = tree.renderHTML(node: node, unsafeHTML: options.allowRawHTML)
        let openingTag = "<h\(heading.level)"
        guard html.hasPrefix(openingTag), let replacement = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        html = openingTag + " id=\"\(heading.id.htmlEscaped)\"" + html.dropFirst(openingTag.count)
        if html.hasSuffix("\n") { html.removeLast() }
        cmark_node_set_on_enter(replacement, html)
        cmark_node_set_on_exit(replacement, "")
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    private func expandDirective(_ node: OpaquePointer, map: SourceMap) {
        let info = node.fenceInfo.trimmingWhitespace
        let name = String(info.prefix { !$0.isWhitespace })
        if codeLanguages.contains(name.lowercased()) { return }
        let line = map.fileLine(node.startLine)
        let column = map.characterColumn(line: node.startLine, byteColumn: node.startColumn)
        guard let directive = directives[name] else {
            let known = directives.keys.sorted()
            let hint = closestName(to: name, in: known).map { "did you mean '\($0)'? " } ?? ""
            diagnostics.append(.error(options.path, line: line, column: column,
                "unknown directive '\(name)'",
                fix: "\(hint)directives are \(known.map { "'\($0)'" }.joined(separator: ", ")); for plain code write ```text"))
            return
        }
        let block = DirectiveBlock(
            name: name, arguments: String(info.dropFirst(name.count)).trimmingWhitespace,
            body: node.literal, line: line, column: column)
        let html: String
        do {
            html = try directive.render(block, self)
        } catch {
            diagnostics.append(error)
            return
        }
        guard let replacement = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(replacement, html)
        cmark_node_set_on_exit(replacement, "")
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
