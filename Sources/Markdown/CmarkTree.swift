import CCmark
import CmarkArena
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one parsed cmark tree for as long as a render needs it and frees it
/// exactly once. Nothing outside this module ever sees a cmark pointer.
///
/// Its memory comes from the thread's CmarkArena (see cmark_arena.c). The
/// arena relies on what this class guarantees: a tree is made, used and
/// freed on one thread; a tree made while another is alive (a directive's
/// Markdown inside a page) is freed before that one is touched again, as
/// `HTMLRenderer` does: everything allocated after a tree was made is given
/// back when it is freed.
final class CmarkTree {
    let root: OpaquePointer
    /// The allocator the tree's nodes come from; nodes added to the tree
    /// later must come from it too.
    let allocator: UnsafeMutablePointer<cmark_mem>
    /// The arena's ticket for this tree; nil when the tree does not use it.
    private let arenaTicket: UInt?

    /// Pages up to this size are parsed into the thread's arena; a larger
    /// file, which only a mistake produces, uses libc's allocator, so that an
    /// arena never holds hundreds of megabytes.
    static let largestArenaDocument = 256 * 1024

    /// cmark's allocation calls, answered by CmarkArena.
    nonisolated(unsafe) static let arenaAllocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(calloc: smartsite_arena_calloc, realloc: smartsite_arena_realloc,
                                           free: smartsite_arena_free))
        return allocator
    }()

    /// Parses UTF-8 bytes. cmark takes a byte count, so NUL bytes in the input
    /// do not cut the document short; invalid UTF-8 becomes U+FFFD
    /// (CMARK_OPT_VALIDATE_UTF8) instead of reaching the HTML.
    init?(buffer bytes: UnsafeBufferPointer<UInt8>, smart: Bool, unsafeHTML: Bool) {
        var options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SOURCEPOS
        if smart { options |= CMARK_OPT_SMART }
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        let inArena = SpeedSwitches.cmarkArena && bytes.count <= Self.largestArenaDocument
        // libc's allocator for a large document, even inside an arena tree.
        let allocator = inArena ? Self.arenaAllocator : (cmark_get_default_mem_allocator() ?? Self.arenaAllocator)
        let ticket = inArena ? smartsite_arena_enter() : nil
        // cmark_parse_document, with the allocator chosen above.
        let parsed: OpaquePointer? = bytes.withMemoryRebound(to: CChar.self) { chars in
            guard let parser = cmark_parser_new_with_mem(options, allocator) else { return nil }
            defer { cmark_parser_free(parser) }
            if let start = chars.baseAddress { cmark_parser_feed(parser, start, chars.count) }
            return cmark_parser_finish(parser)
        }
        guard let parsed else {
            if let ticket { smartsite_arena_leave(ticket) }
            return nil
        }
        root = parsed
        self.allocator = allocator
        arenaTicket = ticket
    }

    deinit {
        cmark_node_free(root)
        if let arenaTicket { smartsite_arena_leave(arenaTicket) }
    }

    /// A new node for this tree, from the tree's allocator: in the arena,
    /// it is given back with the tree.
    func newNode(_ type: cmark_node_type) -> OpaquePointer? {
        cmark_node_new_with_mem(type, allocator)
    }

    /// Visits every node in document order; `entering` is false on the way out
    /// of a container. The tree must not be changed while walking: callers
    /// collect what to change and do it afterwards.
    func walk(_ visit: (OpaquePointer, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// Renders the tree, or one node of it, as HTML.
    func renderHTML(node: OpaquePointer? = nil, unsafeHTML: Bool) -> String {
        withRenderedHTML(node: node, unsafeHTML: unsafeHTML) { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders as `renderHTML` does and hands over cmark's own buffer, for
    /// callers that make their own copy anyway (heading ids are put in while copying).
    func withRenderedHTML<Result>(node: OpaquePointer? = nil, unsafeHTML: Bool,
                                  _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var options = CMARK_OPT_DEFAULT
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        guard let html = cmark_render_html(node ?? root, options) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        // cmark writes the HTML with the tree's allocator; the arena's free
        // hands anything that is not its own to libc.
        defer { allocator.pointee.free(html) }
        let count = strlen(html)
        return html.withMemoryRebound(to: UInt8.self, capacity: count) { body(UnsafeBufferPointer(start: $0, count: count)) }
    }
}

// Small, safe readers over a node, so the rest of the module reads like Swift.
extension OpaquePointer {
    var cmarkType: cmark_node_type { cmark_node_get_type(self) }
    var literal: String { cmark_node_get_literal(self).map { String(cString: $0) } ?? "" }
    /// Appends the node's literal text to `bytes` without making a String
    /// of it first (the search text of every page is built this way).
    func appendLiteral(to bytes: inout [UInt8]) {
        guard let literal = cmark_node_get_literal(self) else { return }
        let count = strlen(literal)
        // A typed buffer is appended in one copy; a raw one went byte by byte.
        literal.withMemoryRebound(to: UInt8.self, capacity: count) { start in
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
        }
    }
    var fenceInfo: String { cmark_node_get_fence_info(self).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(self).map { String(cString: $0) } ?? "" }
    var title: String { cmark_node_get_title(self).map { String(cString: $0) } ?? "" }
    var startLine: Int { Int(cmark_node_get_start_line(self)) }
    var startColumn: Int { Int(cmark_node_get_start_column(self)) }
    var endLine: Int { Int(cmark_node_get_end_line(self)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(self)) }
    var firstChild: OpaquePointer? { cmark_node_first_child(self) }
    var next: OpaquePointer? { cmark_node_next(self) }
    var parent: OpaquePointer? { cmark_node_parent(self) }

    var children: [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.next
        }
        return result
    }

    /// The text a reader sees in this node and its inlines: what a heading id,
    /// a summary or the search index is made from. Walks with cmark's own
    /// iterator, not recursion, so no nesting depth can exhaust the stack.
    var plainText: String {
        var text = ""
        guard let iterator = cmark_iter_new(self) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch node.cmarkType {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }
}
