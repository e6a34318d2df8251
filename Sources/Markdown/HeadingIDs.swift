/// Stable, unique heading ids for anchors and the table of contents.
/// "How to use it" → `how-to-use-it`; a second "Example" → `example-1`.
/// Editors link to these by hand, so the rule must stay simple and fixed:
/// lower case, letters and digits kept (any script), spaces and hyphens
/// become one hyphen, everything else is dropped.
public struct HeadingIDs: Sendable {
    /// Ids given so far, in order. A page has a handful of headings, and a
    /// look through a short list costs less than a dictionary made for every
    /// page; past `listLimit` ids a set answers instead.
    private var used: [String] = []
    private var usedSet: Set<String> = []
    private static let listLimit = 16
    /// For a slug given more than once: the number to try next, so that a
    /// page with thousands of equal headings does not count up from 1 each time.
    private var nextNumber: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
        (SpeedSwitches.asciiSlugs ? asciiSlug(text) : nil) ?? unicodeSlug(text)
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

    /// Reserves an id, making it unique within the page: the slug, or the
    /// slug with the first free `-1`, `-2`, ... after it.
    public mutating func unique(for text: String) -> String {
        let base = Self.slug(text)
        var id = base
        if isUsed(id) {
            // Every number below the remembered one is taken already.
            var next = nextNumber[base] ?? 1
            repeat {
                id = base + "-" + String(next)
                next += 1
            } while isUsed(id)
            nextNumber[base] = next
        }
        used.append(id)
        if used.count > Self.listLimit {
            if usedSet.isEmpty { usedSet = Set(used) } else { usedSet.insert(id) }
        }
        return id
    }

    private func isUsed(_ id: String) -> Bool {
        used.count > Self.listLimit ? usedSet.contains(id) : used.contains(id)
    }
}
