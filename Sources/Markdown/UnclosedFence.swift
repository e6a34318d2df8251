import CCmark

/// A ``` block without its closing fence runs to the end of the page (or of
/// its list item or quote), so the rest of the page turns into code and
/// every later heading, link and directive silently disappears. cmark does
/// not say whether a fence was closed; the block's first and last source
/// lines do: a closed block ends on a line of the same fence characters.
enum UnclosedFence {
    struct Fence {
        var character: Character
        var count: Int
    }

    /// The opening fence of a fenced code block; nil for an indented one.
    static func opening(of node: OpaquePointer, in bytes: UnsafeBufferPointer<UInt8>) -> Fence? {
        let line = text(ofLine: node.startLine, in: bytes)
        guard let first = line.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let count = line.prefix { $0 == first }.count
        return count >= 3 ? Fence(character: Character(Unicode.Scalar(first)), count: count) : nil
    }

    static func isClosed(_ fence: Fence, by node: OpaquePointer, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard node.endLine > node.startLine, let character = fence.character.asciiValue else { return false }
        let line = text(ofLine: node.endLine, in: bytes)
        return line.prefix { $0 == character }.count >= fence.count
    }

    /// A line's bytes without its indentation and the `>` and list markers
    /// of the containers it sits in (enough to find a fence at its start).
    static func text(ofLine number: Int, in bytes: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8> {
        var line = 1
        var start = 0
        var index = 0
        while index < bytes.count, line < number {
            if bytes[index] == 0x0A { line += 1; start = index + 1 }
            index += 1
        }
        guard line == number, start <= bytes.count else { return [] }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        var slice = Array(bytes[start..<end])[...]
        while let first = slice.first, first == 0x20 || first == 0x09 || first == UInt8(ascii: ">") { slice = slice.dropFirst() }
        return slice
    }
}
