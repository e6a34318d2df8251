/// Text with every run of white space folded into one space, cut after the
/// first word that reaches `limit` bytes (a little more than `limit`, never
/// a word cut in half), with no white space at either end: the search
/// index's text of a page. Works on UTF-8 bytes: this runs over every word
/// of the site.
public enum FoldedText {
    public static func make(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
        // Measured first, so the string is exactly as long as its text: one
        // made in a buffer the size of the whole input would keep that
        // whole buffer alive.
        let length = fold(input, limit: limit, into: nil)
        return String(unsafeUninitializedCapacity: length) { fold(input, limit: limit, into: $0) }
    }

    /// The folding itself: counts the bytes, and writes them when given room.
    private static func fold(_ input: UnsafeBufferPointer<UInt8>, limit: Int, into output: UnsafeMutableBufferPointer<UInt8>?) -> Int {
        var count = 0
        var pendingSpace = false
        for byte in input {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                if count >= limit { break }
                output?[count] = 0x20
                count += 1
                pendingSpace = false
            }
            output?[count] = byte
            count += 1
        }
        return count
    }
}
