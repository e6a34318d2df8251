/// Spelling values as PostScript tokens. Everything that goes into the output
/// passes through here, so no caller text can break the program's syntax
/// (Ghostscript's driver program, in Worksheets, too).
public enum Literal {
    /// A PostScript string `(...)` of already-encoded bytes: parentheses and
    /// backslashes escaped, anything outside printable ASCII as `\ooo`.
    /// Long strings are continued with backslash-newline so that no line of
    /// the file passes DSC's 255 characters.
    public static func string(_ bytes: [UInt8]) -> String {
        var out = "("
        var lineLength = 1
        for b in bytes {
            let piece: String
            switch b {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                piece = "\\" + String(UnicodeScalar(b))
            case 0x20...0x7E:
                piece = String(UnicodeScalar(b))
            default:
                let octal = String(b, radix: 8)
                piece = "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
            if lineLength + piece.count > 100 {
                out += "\\\n"
                lineLength = 0
            }
            out += piece
            lineLength += piece.count
        }
        return out + ")"
    }

    /// A PDF text string for pdfmark values (titles, field names, tooltips):
    /// plain ASCII stays readable; anything else becomes UTF-16BE with a byte
    /// order mark, as PDF wants for text outside PDFDocEncoding.
    ///
    /// `basicPlaneOnly` replaces characters outside Unicode's basic plane
    /// (emoji) with U+FFFD: Ghostscript 10's pdfwrite writes a damaged PDF
    /// when a /DOCINFO value holds a surrogate pair (it copies it into XMP).
    static func pdfText(_ text: String, basicPlaneOnly: Bool = false) -> String {
        var text = text
        if basicPlaneOnly {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value > 0xFFFF ? "\u{FFFD}" : $0 }))
        }
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return string(Array(text.utf8))
        }
        var hex = "<FEFF"
        var lineLength = 5
        for unit in text.utf16 {
            let h = String(unit, radix: 16, uppercase: true)
            hex += String(repeating: "0", count: 4 - h.count) + h
            lineLength += 4
            if lineLength > 100 {
                hex += "\n"
                lineLength = 0
            }
        }
        return hex + ">"
    }

    /// Bytes as PDF content for an appearance stream given through pdfmark.
    static func ascii(_ text: String) -> String { string(Array(text.utf8)) }

    /// A number with at most one decimal and no exponent, the same on every
    /// machine (no locale, no binary noise such as 0.30000000000000004).
    /// Tenths of a point because Ghostscript's pdfwrite stores coordinates in
    /// 1/720 inch: positions it can keep exactly make the PDF render with
    /// the very same pixels as the PostScript.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return sign + String(magnitude / 10) + (magnitude % 10 == 0 ? "" : ".\(magnitude % 10)")
    }

    /// A PostScript/PDF name for a custom key: letters and digits only
    /// (other characters dropped), at most 60 of them, so it reads the same
    /// in PostScript and in PDF.
    static func name(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A) }
        let name = String(String.UnicodeScalarView(kept.prefix(60)))
        return "/" + (name.isEmpty ? "Custom" : name)
    }

    /// Text for a DSC comment such as %%Title: printable ASCII only, short.
    static func comment(_ text: String) -> String {
        let cleaned = String(text.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
        return String(cleaned.prefix(200))
    }
}
