/// Turns cmark's positions (1-based lines of the Markdown body, 1-based UTF-8
/// byte columns) into what an editor shows: lines of the whole file and
/// columns counted in characters.
public struct SourceMap: Sendable {
    /// Lines before the body in the file (front matter and its fences).
    public var lineOffset: Int
    private let lines: [Substring]

    public init(body: String, lineOffset: Int) {
        self.lineOffset = lineOffset
        self.lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    }

    public func fileLine(_ bodyLine: Int) -> Int { bodyLine + lineOffset }

    /// Character column for a byte column of a body line; falls back to the
    /// byte column when the line is unknown, so a position is never lost.
    public func characterColumn(line bodyLine: Int, byteColumn: Int) -> Int {
        guard bodyLine >= 1, bodyLine <= lines.count, byteColumn >= 1 else { return max(byteColumn, 1) }
        let utf8 = lines[bodyLine - 1].utf8
        let bytePrefix = min(byteColumn - 1, utf8.count)
        let end = utf8.index(utf8.startIndex, offsetBy: bytePrefix)
        // Counting characters up to a byte inside a multi-byte character rounds down.
        let prefix = Substring(lines[bodyLine - 1].utf8[utf8.startIndex..<end])
        return prefix.count + 1
    }
}
