/// The text rules of RFC 5545 (iCalendar): content lines end in CRLF and
/// are folded so none is longer than 75 octets (a continuation starts with
/// one space), and TEXT values escape backslash, semicolon, comma and line
/// breaks.
struct CalendarText {
    private(set) var text = ""

    /// `NAME;PARAM=x:value`, folded. `value` is written as given: escape
    /// TEXT values with `escaped` first.
    mutating func line(_ name: String, _ value: String) {
        Self.appendFolded(name + ":" + value, to: &text)
    }

    /// A TEXT value: `Room 2, back door; ring` → `Room 2\, back door\; ring`.
    static func escaped(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default:
                // Other control characters are not allowed in a content line.
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Splits a line into pieces of at most 75 octets, never inside a
    /// character's UTF-8 bytes.
    static func appendFolded(_ line: String, to text: inout String) {
        var octets = 0
        for character in line.unicodeScalars {
            let size = String(character).utf8.count
            if octets + size > 75 {
                text += "\r\n "
                octets = 1
            }
            text.unicodeScalars.append(character)
            octets += size
        }
        text += "\r\n"
    }
}
