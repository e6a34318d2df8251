import DerivedFiles
import Foundation

/// A PDF carries the key it was made from in its trailer /ID, which gs
/// would otherwise make from the clock: the same input then gives the same
/// bytes, and the previous output's PDF says by itself whether it can be
/// kept (DerivedFileCache).
struct PDFStamp: DerivedFileStamp {
    /// The trailer is in the last few hundred bytes; only those are searched.
    func isStamped(_ data: Data, with key: String) -> Bool {
        String(decoding: data.suffix(1024), as: UTF8.self).contains("/ID [<" + Self.id(key) + ">")
    }

    /// The trailer /ID replaced by one made from `key`. The trailer follows
    /// the cross-reference table, so its length can change without moving
    /// any offset. gs writes the two ids as hex or as literal strings (with
    /// escapes); both are parsed here.
    func stamping(_ data: Data, with key: String) -> Data? {
        let bytes = [UInt8](data)
        let marker = Array("/ID [".utf8)
        guard bytes.count > marker.count + 4 else { return nil }
        var index = bytes.count - marker.count
        while index >= 0 && Array(bytes[index..<index + marker.count]) != marker { index -= 1 }
        guard index >= 0 else { return nil }
        var i = index + marker.count
        func skipSpace() { while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 } }
        // One PDF string starting at i; returns false if it is not one.
        func skipString() -> Bool {
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: "<") {
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { return false }
                i = close + 1
                return true
            }
            guard bytes[i] == UInt8(ascii: "(") else { return false }
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") { depth -= 1; if depth == 0 { i += 1; return true } }
                i += 1
            }
            return false
        }
        skipSpace()
        guard skipString() else { return nil }
        skipSpace()
        guard skipString() else { return nil }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "]") else { return nil }
        let id = Self.id(key)
        guard id.count == 32 else { return nil }
        var out = Array(bytes[..<index])
        out += Array("/ID [<\(id)><\(id)>]".utf8)
        out += bytes[(i + 1)...]
        return Data(out)
    }

    /// The /ID's two halves: the key's first 128 bits, in upper-case hex.
    private static func id(_ key: String) -> String { String(key.uppercased().prefix(32)) }
}
