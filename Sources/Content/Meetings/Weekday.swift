/// A day of the week as meeting files write it (`mon` … `sun`), Monday
/// first, which is how the schedule lists the week.
public enum Weekday: String, Sendable, CaseIterable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Also the full English names, so `Monday` is not a mistake.
    public init?(written: String) {
        let text = written.lowercased()
        guard let day = Weekday.allCases.first(where: { text == $0.rawValue || (text.count > 3 && $0.fullName.hasPrefix(text)) })
        else { return nil }
        self = day
    }

    var fullName: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][position]
    }

    /// 0 for Monday … 6 for Sunday.
    public var position: Int { Weekday.allCases.firstIndex(of: self) ?? 0 }

    /// RFC 5545's and schema.org's two letters: `MO`.
    public var icalendarCode: String { rawValue.prefix(2).uppercased() }

    /// The weekday of a date, by its day number (1970-01-01 was a Thursday).
    public static func of(dayNumber: Int) -> Weekday {
        let position = ((dayNumber % 7) + 7 + 3) % 7
        return Weekday.allCases[position]
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.position < b.position }
}
