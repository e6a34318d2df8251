import Foundation

/// A `VTIMEZONE` made from the system's time zone rules: one STANDARD or
/// DAYLIGHT part per change of offset that Foundation reports in the years
/// the calendar covers, so a calendar program shows the meeting at the
/// same local time on both sides of a daylight-saving change.
enum CalendarTimeZone {
    /// `years`: the first and last year the calendar's events fall in.
    static func write(_ identifier: String, years: ClosedRange<Int>, to calendar: inout CalendarText) {
        guard let zone = TimeZone(identifier: identifier) else { return }
        calendar.line("BEGIN", "VTIMEZONE")
        calendar.line("TZID", identifier)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? zone
        let start = utc.date(from: DateComponents(year: years.lowerBound, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 0)
        let end = utc.date(from: DateComponents(year: years.upperBound + 1, month: 1, day: 1)) ?? start
        var changes: [Date] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end, changes.count < 400 {
            changes.append(next)
            cursor = next
        }
        if changes.isEmpty {
            let offset = zone.secondsFromGMT(for: start)
            part(zone.isDaylightSavingTime(for: start) ? "DAYLIGHT" : "STANDARD", localStart: "19700101T000000",
                 from: offset, to: offset, name: name(of: zone, daylight: zone.isDaylightSavingTime(for: start), at: start), into: &calendar)
        }
        for change in changes {
            let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: change)
            // DTSTART is the moment of change in the local time before it.
            let local = change.addingTimeInterval(TimeInterval(before))
            let daylight = zone.isDaylightSavingTime(for: change)
            part(daylight ? "DAYLIGHT" : "STANDARD", localStart: utcStamp(local, in: utc),
                 from: before, to: after, name: name(of: zone, daylight: daylight, at: change), into: &calendar)
        }
        calendar.line("END", "VTIMEZONE")
    }

    /// `PDT`, as US calendars show it; the system's abbreviation (`GMT-7`) where there is no such name.
    private static func name(of zone: TimeZone, daylight: Bool, at date: Date) -> String? {
        let named = zone.localizedName(for: daylight ? .shortDaylightSaving : .shortStandard, locale: Locale(identifier: "en_US"))
        if let named, !named.hasPrefix("GMT") { return named }
        return zone.abbreviation(for: date)
    }

    private static func part(_ kind: String, localStart: String, from: Int, to: Int, name: String?, into calendar: inout CalendarText) {
        calendar.line("BEGIN", kind)
        calendar.line("DTSTART", localStart)
        calendar.line("TZOFFSETFROM", offset(from))
        calendar.line("TZOFFSETTO", offset(to))
        if let name { calendar.line("TZNAME", CalendarText.escaped(name)) }
        calendar.line("END", kind)
    }

    /// `-25200` → `-0700`.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let text = two(magnitude / 3600) + two(magnitude % 3600 / 60)
        return sign + text + (magnitude % 60 == 0 ? "" : two(magnitude % 60))
    }

    /// A date's fields in `calendar`'s zone as `20260308T020000` (no zone mark).
    static func utcStamp(_ date: Date, in calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return four(parts.year ?? 1970) + two(parts.month ?? 1) + two(parts.day ?? 1) + "T"
            + two(parts.hour ?? 0) + two(parts.minute ?? 0) + two(parts.second ?? 0)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
    static func four(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }
}
