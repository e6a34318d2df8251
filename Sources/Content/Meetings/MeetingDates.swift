/// The days a meeting's calendar works with, as day numbers (days since
/// 1970-01-01), so no time zone or calendar object is needed to find them.
extension Meeting {
    /// Where a meeting without `from` starts in calendars: a fixed day, so
    /// the same meeting file gives the same calendar bytes on any build day.
    /// 2026-01-01.
    public static let calendarEpochDay = 20454

    /// The first day it meets: on or after `from` (or the epoch), on one of its days.
    public var firstDayNumber: Int {
        let start = from?.dayNumber ?? Self.calendarEpochDay
        for offset in 0..<7 where days.contains(Weekday.of(dayNumber: start + offset)) {
            return start + offset
        }
        return start
    }

    /// Every day it meets from `first` up to and including `last`, skipped days left out.
    public func meetingDays(from first: Int, through last: Int) -> [Int] {
        let skipped = Set(skip.map(\.dayNumber))
        let begin = max(first, from?.dayNumber ?? first)
        let end = min(last, until?.dayNumber ?? last)
        guard begin <= end else { return [] }
        return (begin...end).filter { days.contains(Weekday.of(dayNumber: $0)) && !skipped.contains($0) }
    }
}

/// Year, month and day of a day number (Howard Hinnant's civil_from_days).
public func civilDate(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
    let z = dayNumber + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}
