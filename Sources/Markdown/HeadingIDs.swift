/// Stable, unique heading ids for anchors and the table of contents.
/// "How to use it" → `how-to-use-it`; a second "Example" → `example-1`.
/// Editors link to these by hand, so the rule must stay simple and fixed:
/// lower case, letters and digits kept (any script), spaces and hyphens
/// become one hyphen, everything else is dropped.
public struct HeadingIDs: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
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
