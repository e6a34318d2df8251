/// Minimal, deterministic JSON writing for the search index and structured
/// data: keys in the order given, every string escaped, and `<` written as
/// `\u003c` so JSON inside a <script> element can never close it.
enum JSONText {
    static func string(_ value: String) -> String {
        // Works on UTF-8 bytes: the search index runs every word of the site through here.
        // Most text needs no escaping at all: then it is copied as it is.
        let needsEscaping = value.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }
        if !needsEscaping { return "\"" + value + "\"" }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(value.utf8.count + 16)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        func escapeUnicode(_ code: UInt32) {
            bytes += [0x5C, 0x75]  // \u
            for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((code >> UInt32(shift)) & 0xF)]) }
        }
        var utf8 = value.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = utf8.next() {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x3C, 0x3E, 0x26: escapeUnicode(UInt32(byte))
            case 0x00..<0x20: escapeUnicode(UInt32(byte))
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript.
                pending = [byte]
                if let second = utf8.next() { pending.append(second) }
                if let third = utf8.next() { pending.append(third) }
                if pending.count == 3, pending[1] == 0x80, pending[2] == 0xA8 || pending[2] == 0xA9 {
                    escapeUnicode(pending[2] == 0xA8 ? 0x2028 : 0x2029)
                } else {
                    bytes += pending
                }
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An object from key/value pairs whose values are already JSON; nil values are left out.
    static func object(_ pairs: [(String, String?)]) -> String {
        "{" + pairs.compactMap { key, value in value.map { string(key) + ":" + $0 } }.joined(separator: ",") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}
