import Diagnostics
import Foundation
import SourceFiles

/// `reviewed: 2026-12-01`: the day a person last checked a page's health
/// facts against their sources. Kept as a day count so that "older than a
/// year" needs no calendar or time zone.
public struct ReviewDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// File line of the setting, for warnings about it.
    public var line: Int

    public init?(_ text: String, line: Int = 0) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.line = line
    }

    init?(_ settings: SettingsReader) throws(Diagnostic) {
        guard let text = try settings.string("reviewed") else { return nil }
        let line = settings.line(of: "reviewed")
        guard let date = ReviewDate(text.trimmingCharacters(in: .whitespaces), line: line) else {
            throw .error(settings.path, line: line, column: 1, "'reviewed' must be a date written year-month-day",
                         fix: "write the day the page was last checked, e.g. `reviewed: 2026-12-01`")
        }
        self = date
    }

    /// Days since 1970-01-01 (the proleptic Gregorian calendar).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The day it is now in UTC, as a day number.
    public static func today(secondsSince1970: Double) -> Int {
        Int((secondsSince1970 / 86400).rounded(.down))
    }

    public var description: String {
        let pad = { (n: Int, width: Int) in String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: ReviewDate, b: ReviewDate) -> Bool { a.dayNumber < b.dayNumber }
    public static func == (a: ReviewDate, b: ReviewDate) -> Bool { a.dayNumber == b.dayNumber }
    public func hash(into hasher: inout Hasher) { hasher.combine(dayNumber) }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
