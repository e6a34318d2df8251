/// Text with every run of white space folded into one space, cut after the
/// first word that reaches `limit` bytes (a little more than `limit`, never
/// a word cut in half), with no white space at either end: the search
/// index's text of a page. Works on UTF-8 bytes, in one pass: this runs
/// over every word of the site.
public enum FoldedText {
    /// Folds `bytes` where they are (the text only ever gets shorter), so
    /// that a string made of them afterwards is as long as what is kept.
    public static func fold(_ bytes: inout [UInt8], limit: Int) {
        let count = bytes.withUnsafeMutableBufferPointer { buffer in fold(UnsafeBufferPointer(buffer), limit: limit, into: buffer) }
        bytes.removeSubrange(count...)
    }

    /// The page text the search index is made from: `bytes` folded and
    /// clipped, in place. Exactly what trimming the text of white space
    /// (Unicode's, as `trimmingWhitespace` does) and then folding gives: when
    /// either end of the text is not plain ASCII (a no-break space, an
    /// accented last word, a vertical tab), it is trimmed first, as a
    /// string.
    public static func text(of bytes: inout [UInt8], limit: Int) -> String {
        let first = bytes.first { !isSpace($0) }
        let last = bytes.last { !isSpace($0) }
        let mayTrimMore = [first, last].contains { byte in byte.map { $0 >= 0x80 || $0 == 0x0B || $0 == 0x0C } ?? false }
        if mayTrimMore { bytes = Array(String(decoding: bytes, as: UTF8.self).trimmingWhitespace.utf8) }
        fold(&bytes, limit: limit)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A folded copy, in a string with room for the whole input: for text
    /// that is used and let go (an entry of search.json), not kept.
    public static func make(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
        String(unsafeUninitializedCapacity: input.count) { fold(input, limit: limit, into: $0) }
    }

    /// The white space that is folded: space, newline, tab, carriage return.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Reads each byte before the byte at or before it is written, so
    /// `output` may be `input` itself.
    private static func fold(_ input: UnsafeBufferPointer<UInt8>, limit: Int, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var pendingSpace = false
        for byte in input {
            if isSpace(byte) {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                if count >= limit { break }
                output[count] = 0x20
                count += 1
                pendingSpace = false
            }
            output[count] = byte
            count += 1
        }
        return count
    }
}
