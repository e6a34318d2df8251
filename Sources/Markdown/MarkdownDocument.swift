import CCmark

/// A Markdown document copied out of cmark into plain Swift values, for the
/// parts that lay text out themselves (worksheets go to PostScript, not HTML).
/// The cmark tree is freed before `parse` returns.
public struct MarkdownDocument: Sendable, Equatable {
    public indirect enum Block: Sendable, Equatable {
        case heading(level: Int, content: [Inline], line: Int)
        case paragraph([Inline], line: Int)
        case list(ordered: Bool, start: Int, items: [[Block]], line: Int)
        case blockQuote([Block], line: Int)
        /// A fenced or indented code block; `info` is the fence's info string,
        /// which is how directives are written. `column` is in characters.
        case code(info: String, literal: String, line: Int, column: Int)
        case thematicBreak(line: Int)
        case html(String, line: Int)
    }

    public indirect enum Inline: Sendable, Equatable {
        case text(String)
        case emphasis([Inline])
        case strong([Inline])
        case code(String)
        case link(destination: String, content: [Inline])
        case image(source: String, alt: String)
        case softBreak
        case lineBreak
        case html(String)
    }

    public var blocks: [Block]

    /// - Parameter lineOffset: lines of the file before `text` (front matter),
    ///   so every line number is a line of the file.
    public static func parse(_ text: String, lineOffset: Int = 0, smartPunctuation: Bool = true) -> MarkdownDocument {
        var bytes = text
        return bytes.withUTF8 { buffer in
            guard let tree = CmarkTree(buffer: buffer, smart: smartPunctuation, unsafeHTML: false) else {
                return MarkdownDocument(blocks: [])
            }
            let map = SourceMap(body: text, lineOffset: lineOffset)
            return MarkdownDocument(blocks: tree.root.children.compactMap { block($0, map, depth: 0) })
        }
    }

    /// Nesting deeper than this (lists in quotes in lists...) is left out:
    /// no form needs it, and copying it recursively could exhaust the stack.
    public static let maximumDepth = 32

    private static func block(_ node: OpaquePointer, _ map: SourceMap, depth: Int) -> Block? {
        guard depth < maximumDepth else { return nil }
        let line = map.fileLine(node.startLine)
        switch node.cmarkType {
        case CMARK_NODE_HEADING:
            return .heading(level: node.headingLevel, content: inlines(node, depth: 0), line: line)
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(node, depth: 0), line: line)
        case CMARK_NODE_LIST:
            let items = node.children.map { item in item.children.compactMap { block($0, map, depth: depth + 1) } }
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)), items: items, line: line)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(node.children.compactMap { block($0, map, depth: depth + 1) }, line: line)
        case CMARK_NODE_CODE_BLOCK:
            return .code(info: node.fenceInfo, literal: node.literal, line: line,
                         column: map.characterColumn(line: node.startLine, byteColumn: node.startColumn))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(line: line)
        case CMARK_NODE_HTML_BLOCK:
            return .html(node.literal, line: line)
        default:
            return nil
        }
    }

    private static func inlines(_ node: OpaquePointer, depth: Int) -> [Inline] {
        // Deeper emphasis than this is kept as its plain text.
        guard depth < maximumDepth else { return [.text(node.plainText)] }
        return node.children.compactMap { child in
            switch child.cmarkType {
            case CMARK_NODE_TEXT: return .text(child.literal)
            case CMARK_NODE_EMPH: return .emphasis(inlines(child, depth: depth + 1))
            case CMARK_NODE_STRONG: return .strong(inlines(child, depth: depth + 1))
            case CMARK_NODE_CODE: return .code(child.literal)
            case CMARK_NODE_LINK: return .link(destination: child.url, content: inlines(child, depth: depth + 1))
            case CMARK_NODE_IMAGE: return .image(source: child.url, alt: child.plainText)
            case CMARK_NODE_SOFTBREAK: return .softBreak
            case CMARK_NODE_LINEBREAK: return .lineBreak
            case CMARK_NODE_HTML_INLINE: return .html(child.literal)
            default: return nil
            }
        }
    }
}
