/// Turns the path of a request into a file path below the served root, or
/// refuses it. Pure, so it can be tested (and fuzzed) without a server.
///
/// The rules: the path is percent-decoded exactly once; encoded slashes
/// (`%2f`, `%5c`), backslashes, NUL and other control bytes are refused, as
/// are bytes that are not UTF-8 after decoding; every segment must be a plain
/// name: `.`, `..` and any name starting with a dot (`.git`, `.env`) are
/// refused, and so is an empty segment anywhere but at the end (`//etc`).
/// What is left can only name something below the root.
public enum RequestPath {
    public enum Outcome: Equatable, Sendable {
        /// Below the root, segments joined by `/`; ends with `/` for a folder,
        /// and is empty for the root itself.
        case path(String)
        /// Why it was refused, for the 400 answer.
        case refused(String)
    }

    /// Longer paths are refused outright.
    public static let maximumLength = 2048

    /// `raw` is the path of the request target as sent (still percent-encoded), without the query.
    public static func normalize(_ raw: String) -> Outcome {
        let input = Array(raw.utf8)
        guard input.count <= maximumLength else { return .refused("the path is too long") }
        guard input.first == UInt8(ascii: "/") else { return .refused("the path must start with /") }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(input.count)
        var position = 0
        while position < input.count {
            var byte = input[position]
            if byte == UInt8(ascii: "%") {
                guard position + 2 < input.count, let high = hexValue(input[position + 1]), let low = hexValue(input[position + 2]) else {
                    return .refused("a % is not followed by two hex digits")
                }
                byte = high << 4 | low
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") { return .refused("an encoded slash") }
                position += 3
            } else {
                position += 1
            }
            if byte == UInt8(ascii: "\\") { return .refused("a backslash") }
            if byte < 0x20 || byte == 0x7F { return .refused(byte == 0 ? "a NUL byte" : "a control character") }
            decoded.append(byte)
        }
        guard String(validating: decoded, as: UTF8.self) != nil else { return .refused("not UTF-8 once decoded") }

        let segments = decoded.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty {
                if index != segments.count - 1 { return .refused("an empty segment (//)") }
            } else if segment.first == UInt8(ascii: ".") {
                return .refused(segment.count <= 2 && segment.allSatisfy { $0 == UInt8(ascii: ".") }
                                ? "a . or .. segment" : "a name starting with a dot")
            }
        }
        return .path(String(decoding: decoded.dropFirst(), as: UTF8.self))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// A path below the root as it may be sent back in a `Location` header:
    /// every byte but letters, digits, `-._~/` percent-encoded.
    public static func encode(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                encoded += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return encoded
    }
}
