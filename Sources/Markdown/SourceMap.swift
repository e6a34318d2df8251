/// Turns cmark's positions (1-based lines of the Markdown body, 1-based UTF-8
/// byte columns) into what an editor shows: lines of the whole file and
/// columns counted in characters.
public struct SourceMap: Sendable {
    /// Lines before the body in the file (front matter and its fences).
    public var lineOffset: Int
    private let body: String
    private let lineStarts: LineStarts
    /// In ASCII text a byte column is the character column: nothing to count.
    private let isASCII: Bool

    public init(body: String, lineOffset: Int) {
        self.lineOffset = lineOffset
        self.body = body
        self.lineStarts = LineStarts(body)
        var text = body
        self.isASCII = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
    }

    public func fileLine(_ bodyLine: Int) -> Int { bodyLine + lineOffset }

    /// Character column for a byte column of a body line; falls back to the
    /// byte column when the line is unknown, so a position is never lost.
    public func characterColumn(line bodyLine: Int, byteColumn: Int) -> Int {
        if isASCII { return max(byteColumn, 1) }
        let starts = lineStarts.offsets
        guard bodyLine >= 1, bodyLine <= starts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
        let utf8 = body.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: starts[bodyLine - 1])
        let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
        let available = utf8.distance(from: lineStart, to: lineEnd)
        let end = utf8.index(lineStart, offsetBy: min(byteColumn - 1, available))
        // Counting characters up to a byte inside a multi-byte character rounds down.
        return Substring(utf8[lineStart..<end]).count + 1
    }
}

/// UTF-8 offsets where lines start, found on first use: most pages only
/// need them for their links, and some never do.
private final class LineStarts: @unchecked Sendable {
    // @unchecked: filled once, on first use, by the one renderer that owns it.
    private let body: String
    private var cached: [Int]?

    init(_ body: String) { self.body = body }

    var offsets: [Int] {
        if let cached { return cached }
        var starts = [0]
        var text = body
        text.withUTF8 { bytes in
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        }
        cached = starts
        return starts
    }
}
