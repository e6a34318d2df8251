/// Where a content file ends up on the site, and how pages link to each
/// other. Links are written relative (`../toolbox/urge-log/`) so the built
/// site works from any folder of any web host, and base URLs only matter for
/// canonical addresses, the sitemap and link previews.
public enum SitePaths {
    /// `toolbox/urge-log.md` → `toolbox/urge-log/`; `toolbox/_index.md` →
    /// `toolbox/`; `_index.md` → `` (the site root).
    public static func urlPath(forContentPath path: String) -> String {
        // Content paths come from the folder listing: no empty names, no
        // leading or doubled slashes; anything else takes the general way.
        if isPlainRelative(path) {
            if path == "_index.md" { return "" }
            if path.hasSuffix("/_index.md") { return String(path.dropLast("_index.md".count)) }
            return (path.hasSuffix(".md") ? String(path.dropLast(3)) : path) + "/"
        }
        var components = path.split(separator: "/").map(String.init)
        guard let last = components.popLast() else { return "" }
        if last != "_index.md" {
            components.append(last.hasSuffix(".md") ? String(last.dropLast(3)) : last)
        }
        return components.isEmpty ? "" : components.joined(separator: "/") + "/"
    }

    /// No empty names: not empty, no slash at either end, no `//` (checked
    /// over bytes; with Foundation loaded, contains("//") is a slow search).
    static func isPlainRelative(_ path: String) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") && previous == byte { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "/")
    }

    /// The output file for a URL path: `toolbox/urge-log/` → `toolbox/urge-log/index.html`.
    public static func outputFile(forURLPath urlPath: String) -> String {
        urlPath + "index.html"
    }

    /// How many folders deep a URL path is; `toolbox/urge-log/` is 2.
    /// Counts the names between slashes without splitting the string (this
    /// runs for every link of every page).
    public static func depth(of urlPath: String) -> Int {
        var names = 0
        var inName = false
        for byte in urlPath.utf8 {
            if byte == UInt8(ascii: "/") {
                inName = false
            } else if !inName {
                inName = true
                names += 1
            }
        }
        return names
    }

    /// The folder a content file is in: `toolbox` for `toolbox/urge-log.md`
    /// and for `toolbox/_index.md`; `` for a file at the top.
    public static func folder(of contentPath: String) -> String {
        guard let slash = contentPath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(contentPath[..<slash])
    }

    /// `../` repeated to get from a page to the site root ("" at the root).
    public static func rootPrefix(from urlPath: String) -> String {
        String(repeating: "../", count: depth(of: urlPath))
    }

    /// A link from one page to another, e.g. from `toolbox/urge-log/` to
    /// `program/` → `../../program/`.
    public static func relativeURL(from: String, to: String) -> String {
        let url = rootPrefix(from: from) + to
        return url.isEmpty ? "./" : url
    }

    /// Resolves `../toolbox/x.md` written in `program/a.md` to `toolbox/x.md`.
    /// Returns nil when the path climbs out of the content folder.
    public static func resolve(_ destination: String, from contentPath: String) -> String? {
        var components = contentPath.split(separator: "/").dropLast().map(String.init)
        for part in destination.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard components.popLast() != nil else { return nil }
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }

    /// A URL path as it may stand in a full address (sitemap `<loc>`,
    /// canonical link, structured data): every byte but letters, digits,
    /// `-._~` and `/` percent-encoded, so a file named `a "b".md` or
    /// `reunión.md` still gives a valid address. Most paths have nothing to
    /// encode and come back as they are.
    public static func percentEncoded(_ urlPath: String) -> String {
        func isPlain(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                return true
            default:
                return false
            }
        }
        guard !urlPath.utf8.allSatisfy(isPlain) else { return urlPath }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in urlPath.utf8 {
            if isPlain(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a path has a `..` step anywhere (`a/../b`, `../a`, `a/..`),
    /// without splitting it: every file written is checked.
    public static func hasParentStep(_ path: String) -> Bool {
        var stepLength = 0
        var onlyDots = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if onlyDots && stepLength == 2 { return true }
                stepLength = 0
                onlyDots = true
            } else {
                stepLength += 1
                if byte != UInt8(ascii: ".") { onlyDots = false }
            }
        }
        return onlyDots && stepLength == 2
    }

    /// Splits `a.md#part` into (`a.md`, `part`).
    public static func splitFragment(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }
}
