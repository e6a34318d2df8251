import FuzzSupport
import PostScript

/// Any text through the PostScript string encoder: the WinAnsi encoding and
/// the `( )` literal must always be well formed, and reading the literal back
/// the way a PostScript interpreter does must give exactly the encoded bytes.
func fuzzOne(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let encoded = WinAnsi.encode(text).bytes
    let literal = Literal.string(encoded)
    guard let decoded = readLiteral(Array(literal.utf8)), decoded == encoded else {
        fatalError("the literal \(literal) does not read back as \(encoded)")
    }
}

/// A PostScript string literal read as an interpreter reads it (PLRM 3.2.2):
/// balanced `(` `)`, backslash escapes, `\ooo` octal, backslash-newline ignored.
/// Nil when it is not one complete literal.
func readLiteral(_ bytes: [UInt8]) -> [UInt8]? {
    guard bytes.first == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")") else { return nil }
    var result: [UInt8] = []
    var depth = 0
    var i = 1
    while i < bytes.count - 1 {
        let byte = bytes[i]
        switch byte {
        case UInt8(ascii: "\\"):
            i += 1
            guard i < bytes.count - 1 else { return nil }
            let next = bytes[i]
            if next == 0x0A { break }
            if (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(next) {
                var value = 0
                var digits = 0
                while digits < 3, i < bytes.count - 1, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[i]) {
                    value = value * 8 + Int(bytes[i] - UInt8(ascii: "0"))
                    i += 1
                    digits += 1
                }
                result.append(UInt8(value & 0xFF))
                continue
            }
            result.append(next)
        case UInt8(ascii: "("):
            depth += 1
            result.append(byte)
        case UInt8(ascii: ")"):
            depth -= 1
            if depth < 0 { return nil }
            result.append(byte)
        default:
            result.append(byte)
        }
        i += 1
    }
    return depth == 0 ? result : nil
}

/// libFuzzer's entry point (its own `main` may call it directly).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(FuzzInput.bytes(data, size))
    return 0
}

@main enum Fuzz {
    static func main() { FuzzInput.main(fuzzerTestOneInput) }
}
