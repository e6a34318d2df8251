/// Stable, unique heading ids for anchors and the table of contents.
/// "How to use it" → `how-to-use-it`; a second "Example" → `example-1`.
/// Editors link to these by hand, so the rule must stay simple and fixed:
/// lower case, letters and digits kept (any script), spaces and hyphens
/// become one hyphen, everything else is dropped.
public struct HeadingIDs: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
        asciiSlug(text) ?? unicodeSlug(text)
    }

    /// The rule, for any script.
    static func unicodeSlug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(character)
            } else if character == " " || character == "-" || character == "_" || character.isWhitespace {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// The same rule over bytes, for headings that are all ASCII (most of
    /// them): Character properties are slow to look up, and every heading of
    /// every page comes through here. nil when the text is not ASCII.
    static func asciiSlug(_ text: String) -> String? {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), 0x09...0x0D:
                pendingHyphen = true
            case 0x80...:
                return nil
            default:
                break
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }

    /// Reserves an id, making it unique within the page.
    public mutating func unique(for text: String) -> String {
        let base = Self.slug(text)
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        var next = count + 1
        while used["\(base)-\(next)"] != nil { next += 1 }
        used[base] = next
        used["\(base)-\(next)"] = 0
        return "\(base)-\(next)"
    }
}
