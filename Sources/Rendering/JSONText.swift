/// Minimal, deterministic JSON writing for the search index and structured
/// data: keys in the order given, every string escaped, and `<` written as
/// `\u003c` so JSON inside a <script> element can never close it.
enum JSONText {
    static func string(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 16)
        appendString(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as a JSON string. Works on UTF-8 bytes: the search
    /// index runs every word of the site through here. Runs of bytes that
    /// need no escaping are copied whole; smart punctuation (’ “ — all start
    /// with 0xE2) is common, so that byte alone does not take a slow path.
    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { input in
            bytes.append(0x22)
            var runStart = 0
            var i = 0
            func flush() {
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<i])) }
            }
            func escape(_ pair: UInt8) { bytes.append(0x5C); bytes.append(pair) }
            func escapeUnicode(_ code: UInt32) {
                bytes.append(0x5C)
                bytes.append(0x75)  // \u
                for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hexDigits[Int((code >> UInt32(shift)) & 0xF)]) }
            }
            while i < input.count {
                let byte = input[i]
                var replacedLength = 1
                switch byte {
                case 0x22: flush(); escape(0x22)
                case 0x5C: flush(); escape(0x5C)
                case 0x0A: flush(); escape(0x6E)
                case 0x0D: flush(); escape(0x72)
                case 0x09: flush(); escape(0x74)
                case 0x3C, 0x3E, 0x26, 0x00..<0x20: flush(); escapeUnicode(UInt32(byte))
                case 0xE2 where i + 2 < input.count && input[i + 1] == 0x80 && (input[i + 2] == 0xA8 || input[i + 2] == 0xA9):
                    // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript.
                    flush()
                    escapeUnicode(input[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    replacedLength = 3
                default:
                    i += 1
                    continue
                }
                i += replacedLength
                runStart = i
            }
            flush()
            bytes.append(0x22)
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// An object from key/value pairs whose values are already JSON; nil values are left out.
    /// Written into one buffer: the search index makes one per page.
    static func object(_ pairs: [(String, String?)]) -> String {
        var bytes: [UInt8] = [0x7B]  // {
        bytes.reserveCapacity(pairs.reduce(2) { $0 + $1.0.utf8.count + ($1.1?.utf8.count ?? 0) + 4 })
        for (key, value) in pairs {
            guard let value else { continue }
            if bytes.count > 1 { bytes.append(0x2C) }  // ,
            appendString(key, to: &bytes)
            bytes.append(0x3A)  // :
            bytes.append(contentsOf: value.utf8)
        }
        bytes.append(0x7D)  // }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Written into one buffer of the final size: search.json is an array of
    /// tens of megabytes on a large site, and joining, then adding the
    /// brackets, held three copies of it at once.
    static func array(_ items: [String], then ending: String = "") -> String {
        var text = "["
        text.reserveCapacity(items.reduce(2 + ending.utf8.count) { $0 + $1.utf8.count + 1 })
        for (position, item) in items.enumerated() {
            if position > 0 { text += "," }
            text += item
        }
        text += "]"
        text += ending
        return text
    }
}
