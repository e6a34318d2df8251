/// Which addresses the site may link to. A setting such as a provider's
/// `website` becomes an `href`; `javascript:alert(1)` there would be a
/// script that runs when a visitor clicks, on a health site. So every
/// setting that becomes an `href` or `src`, and every Markdown link, goes
/// through here: the web, e-mail, phone and text-message links, and paths
/// on this site.
///
/// The scheme is read the way a browser reads it (the URL standard): tabs
/// and line breaks anywhere are dropped and control characters and spaces
/// at the ends are cut before the scheme is looked at, so
/// `java\tscript:` is `javascript:` to a browser. Such characters are
/// refused outright in settings, and the scheme is read after removing
/// them in links.
public enum URLPolicy {
    /// The schemes a link may use.
    public static let allowedSchemes: Set<String> = ["https", "http", "mailto", "tel", "sms"]
    static let allowedList = "https:, http:, mailto:, tel:, sms: or a path on this site"

    /// What is wrong with an address from a setting, or nil when it may be used.
    public static func problem(with value: String) -> String? {
        if value.isEmpty { return "is empty" }
        for scalar in value.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                return "contains a control character (such as a tab or a line break)"
            }
        }
        if value.first == " " || value.last == " " { return "starts or ends with a space" }
        if value.contains("\\") { return "contains a backslash (\\); web addresses use /" }
        if let scheme = scheme(of: value) {
            guard allowedSchemes.contains(scheme) else {
                return "uses '\(scheme):', which a site may not link to; only \(allowedList) are allowed"
            }
            if scheme == "http" || scheme == "https" {
                let rest = value.drop { $0 != ":" }.dropFirst()
                guard rest.hasPrefix("//"), let host = rest.dropFirst(2).split(separator: "/", maxSplits: 1).first,
                      !host.isEmpty, host.first != "?", host.first != "#" else {
                    return "is not a complete web address (it needs a host, as in https://example.org/)"
                }
            }
            return nil
        }
        if value.hasPrefix("//") { return "leaves out the scheme; write the whole address, e.g. https:\(value)" }
        return nil
    }

    /// The fix for any of those problems.
    public static let fix = "write a whole web address such as `https://example.org/`, a `mailto:`, `tel:` or `sms:` link, or a path on this site"

    /// The scheme a browser would see, lowercased (`JavaScript:x` → `javascript`), or
    /// nil for a relative address (`images/room.png`, `../a.md`, `/x`, `#part`).
    public static func scheme(of address: String) -> String? {
        // Over bytes: every link of every page is asked this. What the URL
        // parser does first: C0 controls and spaces cut at the start, ASCII
        // tab and line breaks ignored everywhere.
        var scheme: [UInt8] = []
        for byte in address.utf8 {
            switch byte {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00...0x20 where scheme.isEmpty: continue
            case UInt8(ascii: ":"):
                return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self).lowercased()
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.append(byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard !scheme.isEmpty else { return nil }  // a scheme starts with a letter
                scheme.append(byte)
            default:
                return nil
            }
        }
        return nil
    }
}
