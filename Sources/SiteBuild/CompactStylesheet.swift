import Foundation

/// The site's stylesheets as published: templates/assets/*.css without the
/// comments and the spaces only a reader of the file needs. site.css is most
/// of what a page weighs (its comments explain each rule to the next person
/// who edits it), and every page must stay under 60 KB with its CSS and
/// script; compacting takes a fifth off without changing a rule.
///
/// What it takes out: comments; runs of spaces and line breaks, down to one
/// space; the space around `{`, `}`, `;` and `,`; the `;` before a `}`.
/// What it keeps as written: quoted strings, escaped characters, and every
/// other space (a space is a selector's descendant combinator, and `calc()`
/// needs the ones around `+` and `-`).
///
/// Files a page of content/ links to are published as they are: only the
/// templates' own stylesheets are compacted.
enum CompactStylesheet {
    /// Whether a file published from templates/ (relative to the output
    /// folder, e.g. `assets/site.css`) is compacted.
    static func applies(to path: String) -> Bool {
        path.hasPrefix("assets/") && path.lowercased().hasSuffix(".css")
    }

    /// The bytes to publish for a file of templates/assets/.
    static func published(_ data: Data, as path: String) -> Data {
        applies(to: path) ? compact(data) : data
    }

    static func compact(_ css: Data) -> Data {
        let bytes = [UInt8](css)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var spaceBefore = false   // a space (or a comment) since the last byte kept
        var afterTight = false    // the last byte kept was punctuation that needs no space
        var semicolon = false     // a `;` not written yet: none is needed before a `}`
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == slash, index + 1 < bytes.count, bytes[index + 1] == star {
                index = end(ofCommentFrom: index + 2, in: bytes)
                spaceBefore = true
                continue
            }
            if isSpace(byte) {
                spaceBefore = true
                index += 1
                continue
            }
            if semicolon, byte != closingBrace { out.append(semicolonByte) }
            semicolon = false
            index += 1
            if tight.contains(byte) {
                if byte == semicolonByte { semicolon = true } else { out.append(byte) }
                afterTight = true
                spaceBefore = false
                continue
            }
            if spaceBefore, !afterTight, !out.isEmpty { out.append(space) }
            spaceBefore = false
            afterTight = false
            if byte == doubleQuote || byte == singleQuote {
                let stop = end(ofStringFrom: index, quote: byte, in: bytes)
                out.append(contentsOf: bytes[(index - 1)..<stop])
                index = stop
            } else if byte == backslash {
                // An escape such as `\;` is part of a name, not punctuation.
                let stop = min(index + 1, bytes.count)
                out.append(contentsOf: bytes[(index - 1)..<stop])
                index = stop
            } else {
                out.append(byte)
            }
        }
        if semicolon { out.append(semicolonByte) }
        if out.last != newline, !out.isEmpty { out.append(newline) }
        return Data(out)
    }

    /// The index just past a comment's `*/` (the end of the file when it is never closed).
    private static func end(ofCommentFrom start: Int, in bytes: [UInt8]) -> Int {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == star, bytes[index + 1] == slash { return index + 2 }
            index += 1
        }
        return bytes.count
    }

    /// The index just past a string's closing quote. A string left open ends
    /// at the line break, as CSS reads it.
    private static func end(ofStringFrom start: Int, quote: UInt8, in bytes: [UInt8]) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == backslash { index += 2; continue }
            if byte == quote { return index + 1 }
            if byte == newline { return index }
            index += 1
        }
        return bytes.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == newline || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")
    private static let slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*")
    private static let backslash = UInt8(ascii: "\\")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")
    private static let semicolonByte = UInt8(ascii: ";")
    private static let closingBrace = UInt8(ascii: "}")
    /// Punctuation that needs no space on either side.
    private static let tight: Set<UInt8> = [UInt8(ascii: "{"), closingBrace, semicolonByte, UInt8(ascii: ",")]
}
