import Foundation

/// The WinAnsi-style encoding the prolog gives the standard fonts, so that the
/// typographic characters Markdown's smart punctuation produces (’ “ ” – — …)
/// and Western European letters (é ñ ü) print. Their default encoding
/// (StandardEncoding) lacks most accented letters and puts quotes elsewhere.
public enum WinAnsi {
    /// A string as the byte codes of the re-encoded fonts. Characters the fonts
    /// cannot show become a visible "?" and are listed in `unmappable`, so the
    /// caller can warn; the bytes are always valid.
    public static func encode(_ text: String) -> (bytes: [UInt8], unmappable: [Character]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var missing: [Character] = []
        for character in text {
            if let b = code(for: character) {
                bytes.append(b)
            } else if let replacement = substitutes[character] {
                bytes.append(contentsOf: replacement.unicodeScalars.compactMap { byteCode[$0.value] })
            } else if character.unicodeScalars.allSatisfy({ isInvisible($0.value) }) {
                continue  // zero-width joiners, variation selectors, soft hyphens: nothing to show
            } else {
                bytes.append(UInt8(ascii: "?"))
                missing.append(character)
            }
        }
        return (bytes, missing)
    }

    /// The one byte a character maps to, if any. A base letter followed by a
    /// combining accent (decomposed "é") is composed first.
    static func code(for character: Character) -> UInt8? {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let s = scalars.first {
            if s.value == 0x09 || s.value == 0x0A || s.value == 0x0D { return UInt8(ascii: " ") }
            return byteCode[s.value]
        }
        let composed = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
        if composed.count == 1, let s = composed.first { return byteCode[s.value] }
        return nil
    }

    static func isInvisible(_ v: UInt32) -> Bool {
        v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF || v == 0x00AD
            || (0xFE00...0xFE0F).contains(v) || (0x0300...0x036F).contains(v)
    }

    static let byteCode: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (code, scalar) in unicodeScalars.enumerated() where scalar != 0 {
            map[scalar] = UInt8(code)
        }
        return map
    }()

    /// Close stand-ins for common characters outside the encoding: better a
    /// hyphen for a minus sign than a question mark.
    static let substitutes: [Character: String] = [
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "\u{2013}", "\u{2015}": "\u{2014}", "\u{2212}": "-",
        "\u{2002}": " ", "\u{2003}": " ", "\u{2007}": " ", "\u{2009}": " ", "\u{200A}": " ", "\u{202F}": " ",
        "\u{2032}": "\u{2019}", "\u{2033}": "\u{201D}", "\u{2024}": ".", "\u{2043}": "-",
        "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{2190}": "<-", "\u{2192}": "->", "\u{2264}": "<=", "\u{2265}": ">=",
        "\u{2713}": "\u{00D7}", "\u{2714}": "\u{00D7}",
    ]
}
