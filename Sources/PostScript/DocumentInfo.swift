/// What the PDF's document information dictionary says about the file
/// (pdfmark /DOCINFO; PostScript printers ignore it).
public struct DocumentInfo: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: [String]
    public var creator: String
    /// A PDF date ("D:20260101000000Z"). Given explicitly so that the same input
    /// gives the same PDF; without one, Ghostscript would stamp the current time.
    public var date: String
    /// Extra keys, e.g. a hash of the source, in the order given.
    public var custom: [(key: String, value: String)]
    /// The language of the document's text (BCP 47, "en"): the Catalog's
    /// /Lang, which tells a screen reader how to pronounce it.
    public var language: String?

    public init(title: String, author: String = "", subject: String = "", keywords: [String] = [],
                creator: String = "smartsite", date: String = "D:20000101000000Z",
                custom: [(key: String, value: String)] = []) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.date = date
        self.custom = custom
    }

    public static func == (a: DocumentInfo, b: DocumentInfo) -> Bool {
        a.title == b.title && a.author == b.author && a.subject == b.subject && a.keywords == b.keywords
            && a.creator == b.creator && a.date == b.date
            && a.custom.map(\.key) == b.custom.map(\.key) && a.custom.map(\.value) == b.custom.map(\.value)
            && a.language == b.language
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(date)
    }

    /// A PDF date for a moment given as seconds since 1970 (e.g. SOURCE_DATE_EPOCH).
    public static func pdfDate(secondsSince1970 seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secs = seconds - days * 86400
        // Civil date from day count (Howard Hinnant's algorithm).
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "D:\(year)\(two(month))\(two(day))\(two(secs / 3600))\(two(secs % 3600 / 60))\(two(secs % 60))Z"
    }
}
