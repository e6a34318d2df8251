import CCmark
#if canImport(Glibc)
import Glibc
#endif
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
    /// cmark reads the string's own UTF-8; no copy is made.
    public func render(_ markdown: String) -> RenderedMarkdown {
        var text = markdown
        return text.withUTF8 { render(source: markdown, bytes: $0) }
    }

    /// Bytes that may not be valid UTF-8 (cmark replaces bad sequences).
    public func render(bytes: [UInt8]) -> RenderedMarkdown {
        let source = String(decoding: bytes, as: UTF8.self)
        return bytes.withUnsafeBufferPointer { render(source: source, bytes: $0) }
    }

    private func render(source: String, bytes: UnsafeBufferPointer<UInt8>) -> RenderedMarkdown {
        let map = SourceMap(body: source, lineOffset: options.lineOffset)
        var summary = ""
        plainText.reserveCapacity(bytes.count)
        let html = renderFragment(bytes: bytes, map: map) { node in
            if summary.isEmpty, node.cmarkType == CMARK_NODE_PARAGRAPH, node.parent?.cmarkType == CMARK_NODE_DOCUMENT {
                summary = node.plainText
            }
        }
        let text = options.plainTextLimit.map { FoldedText.text(of: &plainText, limit: $0) } ?? Self.trimmed(plainText)
        return RenderedMarkdown(html: html, headings: headings, links: links, summary: summary,
                                plainText: text, diagnostics: diagnostics)
    }

    /// The page text without white space at either end.
    static func trimmed(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingWhitespace
    }

    /// Markdown nested in a directive, rendered as blocks (a callout's body).
    /// `line` is the file line of its first line.
    public func renderBlocks(_ markdown: String, line: Int) -> String {
        let map = SourceMap(body: markdown, lineOffset: line - 1)
        var text = markdown
        return text.withUTF8 { renderFragment(bytes: $0, map: map) { _ in } }
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


    private func renderFragment(bytes: UnsafeBufferPointer<UInt8>, map: SourceMap, visit: (OpaquePointer) -> Void) -> String {
        guard let tree = CmarkTree(buffer: bytes, smart: options.smartPunctuation, unsafeHTML: options.allowRawHTML) else {
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
                if let open = UnclosedFence.opening(of: node, in: bytes), !UnclosedFence.isClosed(open, by: node, in: bytes) {
                    diagnostics.append(.warning(options.path, line: map.fileLine(node.startLine), column: 1,
                        "this \(String(repeating: open.character, count: open.count)) block is never closed, so everything after it shows as code",
                        fix: "end it with a line of \(String(repeating: open.character, count: open.count))"))
                }
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
        for node in directiveNodes { expandDirective(node, map: map, tree: tree) }
        guard options.makesHTML else { return "" }
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
        guard !fragmentHeadings.isEmpty, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        // First where each heading's `<hN>` is, then one String of the
        // final size written in runs: no growing buffer, no second copy.
        var cuts: [(offset: Int, tag: String)] = []
        cuts.reserveCapacity(fragmentHeadings.count)
        var extra = 0
        var i = 0
        for heading in fragmentHeadings {
            let level = UInt8(0x30 + heading.level)
            var found = false
            while i + 3 < bytes.count {
                guard let open = memchr(base + i, 0x3C, bytes.count - i) else { break }
                i = base.distance(to: open.assumingMemoryBound(to: UInt8.self))
                if i + 3 < bytes.count, bytes[i + 1] == 0x68, bytes[i + 2] == level, bytes[i + 3] == 0x3E {
                    let tag = "<h\(heading.level) id=\"\(heading.id.htmlEscaped)\">"
                    cuts.append((i, tag))
                    extra += tag.utf8.count - 4
                    i += 4
                    found = true
                    break
                }
                i += 1
            }
            if !found { break }
        }
        return String(unsafeUninitializedCapacity: bytes.count + extra) { output in
            var written = 0
            var copiedUpTo = 0
            func copy(_ run: UnsafeBufferPointer<UInt8>) {
                guard let start = run.baseAddress, let target = output.baseAddress else { return }
                (target + written).update(from: start, count: run.count)
                written += run.count
            }
            for cut in cuts {
                copy(UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<cut.offset]))
                var tag = cut.tag
                tag.withUTF8 { copy($0) }
                copiedUpTo = cut.offset + 4
            }
            copy(UnsafeBufferPointer(rebasing: bytes[copiedUpTo...]))
            return written
        }
    }

    /// The slow, always-right way, for sites that allow raw HTML: render the
    /// heading on its own (cmark renders any node) and swap it for a custom
    /// block that prints exactly that with the id added.
    private func replaceHeading(_ node: OpaquePointer, with heading: Heading, tree: CmarkTree) {
        var html = tree.renderHTML(node: node, unsafeHTML: options.allowRawHTML)
        let openingTag = "<h\(heading.level)"
        guard html.hasPrefix(openingTag), let replacement = tree.newNode(CMARK_NODE_CUSTOM_BLOCK) else { return }
        html = openingTag + " id=\"\(heading.id.htmlEscaped)\"" + html.dropFirst(openingTag.count)
        if html.hasSuffix("\n") { html.removeLast() }
        cmark_node_set_on_enter(replacement, html)
        cmark_node_set_on_exit(replacement, "")
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    private func expandDirective(_ node: OpaquePointer, map: SourceMap, tree: CmarkTree) {
        let line = map.fileLine(node.startLine)
        let column = map.characterColumn(line: node.startLine, byteColumn: node.startColumn)
        let block = DirectiveBlock(info: node.fenceInfo, body: node.literal, line: line, column: column)
        let name = block.name
        if codeLanguages.contains(name.lowercased()) { return }
        guard let directive = directives[name] else {
            let known = directives.keys.sorted()
            let hint = closestName(to: name, in: known).map { "did you mean '\($0)'? " } ?? ""
            diagnostics.append(.error(options.path, line: line, column: column,
                "unknown directive '\(name)'",
                fix: "\(hint)directives are \(known.map { "'\($0)'" }.joined(separator: ", ")); for plain code write ```text"))
            return
        }
        let html: String
        do {
            html = try directive.render(block, self)
        } catch {
            diagnostics.append(error)
            return
        }
        guard let replacement = tree.newNode(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(replacement, html)
        cmark_node_set_on_exit(replacement, "")
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }
}

extension StringProtocol {
    /// Without white space at either end, by the Unicode rule (Character's
    /// isWhitespace). Over bytes when that gives the same answer: ASCII white
    /// space is cut, and when the text left starts and ends with an ASCII
    /// byte, every cut Character was white space and no kept one is (no
    /// Unicode sign joins an ASCII letter to white space). Otherwise, as
    /// with " \u{301}" (a space carrying a mark, one Character), Characters.
    var trimmingWhitespace: String {
        let text = Substring(self)  // shares the storage; its UTF-8 view can be read from the end
        let utf8 = text.utf8
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        if let first = utf8.firstIndex(where: { !isASCIISpace($0) }), let last = utf8.lastIndex(where: { !isASCIISpace($0) }),
           utf8[first] < 0x80, utf8[last] < 0x80 {
            return String(text[first..<utf8.index(after: last)])
        }
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
              let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }
}
