extension StringProtocol {
    /// The text with `& < > " '` written as entities, safe inside HTML text
    /// and attribute values. Works on UTF-8 bytes: those five characters are
    /// single bytes that never occur inside a multi-byte character, and most
    /// text has none of them, so it comes back as it is, uncopied.
    public var htmlEscaped: String {
        var text = String(self)
        let escaped: String? = text.withUTF8 { bytes in
            guard bytes.contains(where: HTMLEscaping.needsEscape) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            HTMLEscaping.append(bytes, to: &result)
            return String(decoding: result, as: UTF8.self)
        }
        return escaped ?? text
    }
}

/// The escaping itself, for code that builds HTML as bytes.
public enum HTMLEscaping {
    /// Appends `text` to `html` with `& < > " '` written as entities.
    public static func append(_ text: String, to html: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &html) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to result: inout [UInt8]) {
        var runStart = 0
        for (i, byte) in bytes.enumerated() where needsEscape(byte) {
            if runStart < i { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            default: result.append(contentsOf: "&#39;".utf8)
            }
            runStart = i + 1
        }
        if runStart < bytes.count { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
