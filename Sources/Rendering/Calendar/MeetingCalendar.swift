import Content
import Foundation

/// The iCalendar files of the meetings: one per meeting, to add it to a
/// calendar, and `meetings.ics` with the whole schedule, to subscribe to
/// (example meetings left out, so nobody subscribes to a sample). Same
/// input, same bytes: the stamp and the first day come from the meeting
/// file, not from the day of the build.
public enum MeetingCalendar {
    /// `DTSTAMP` of every event: fixed, as RFC 5545 allows for a published
    /// calendar that is not a scheduling message, so files do not change on
    /// every build.
    static let stamp = "20260101T000000Z"

    public static func file(for page: Page, site: Site, words: MeetingWords) -> String? {
        guard page.meeting != nil else { return nil }
        return calendar(of: [page], name: page.title, site: site, words: words)
    }

    public static func feed(site: Site, words: MeetingWords) -> String {
        let meetings = site.meetings.filter { !($0.meeting?.example ?? true) }
        return calendar(of: meetings.sorted(by: MeetingOrder.weekly), name: site.config.title, site: site, words: words)
    }

    static func calendar(of pages: [Page], name: String, site: Site, words: MeetingWords) -> String {
        var text = CalendarText()
        text.line("BEGIN", "VCALENDAR")
        text.line("VERSION", "2.0")
        text.line("PRODID", "-//smartsite//meetings//EN")
        text.line("CALSCALE", "GREGORIAN")
        text.line("METHOD", "PUBLISH")
        text.line("X-WR-CALNAME", CalendarText.escaped(name))
        let meetings = pages.compactMap { page in page.meeting.map { (page, $0) } }
        for zone in Set(meetings.map(\.1.timeZone)).sorted() {
            let inZone = meetings.filter { $0.1.timeZone == zone }.map(\.1)
            let first = inZone.map { civilDate(dayNumber: $0.firstDayNumber).year }.min() ?? 2026
            let last = inZone.map { $0.until.map(\.year) ?? first + 10 }.max() ?? first
            CalendarTimeZone.write(zone, years: (first - 1)...max(first, last), to: &text)
        }
        for (page, meeting) in meetings {
            event(page, meeting, site: site, words: words, into: &text)
        }
        text.line("END", "VCALENDAR")
        return text.text
    }

    private static func event(_ page: Page, _ meeting: Meeting, site: Site, words: MeetingWords, into text: inout CalendarText) {
        let zone = meeting.timeZone
        let first = meeting.firstDayNumber
        let address = site.config.address(of: page.urlPath)
        text.line("BEGIN", "VEVENT")
        text.line("UID", uid(of: page, baseURL: site.config.baseURL))
        text.line("DTSTAMP", stamp)
        text.line("DTSTART;TZID=" + zone, local(dayNumber: first, meeting.start))
        text.line("DTEND;TZID=" + zone, local(dayNumber: first + (meeting.overnight ? 1 : 0), meeting.end))
        var rule = "FREQ=WEEKLY;BYDAY=" + meeting.days.map(\.icalendarCode).joined(separator: ",")
        if let until = meeting.until, let last = utc(dayNumber: until.dayNumber, meeting.start, zone: zone) {
            rule += ";UNTIL=" + last
        }
        text.line("RRULE", rule)
        let skipped = meeting.skip.filter { $0.dayNumber >= first }
        if !skipped.isEmpty {
            text.line("EXDATE;TZID=" + zone, skipped.map { local(dayNumber: $0.dayNumber, meeting.start) }.joined(separator: ","))
        }
        text.line("SUMMARY", CalendarText.escaped(meeting.example ? words.exampleInCalendar(page.title) : page.title))
        text.line("DESCRIPTION", CalendarText.escaped(page.description + "\n\n" + address))
        if let place = meeting.place {
            text.line("LOCATION", CalendarText.escaped(MeetingPlaceText.oneLine(place)))
        } else if let online = meeting.online {
            text.line("LOCATION", CalendarText.escaped(online))
        }
        text.line("URL;VALUE=URI", meeting.online ?? address)
        text.line("END", "VEVENT")
    }

    /// `meetings/tuesday-online@example.org`: the same for the same file, on every build.
    static func uid(of page: Page, baseURL: String) -> String {
        let host = baseURL.range(of: "://").map { String(baseURL[$0.upperBound...].prefix { $0 != "/" && $0 != ":" }) } ?? ""
        let name = page.urlPath.hasSuffix("/") ? String(page.urlPath.dropLast()) : page.urlPath
        return name + "@" + (host.isEmpty ? "smartsite" : host)
    }

    /// `20260105T183000`: a day and a time in the meeting's own zone.
    static func local(dayNumber: Int, _ time: MeetingTime) -> String {
        let date = civilDate(dayNumber: dayNumber)
        return CalendarTimeZone.four(date.year) + CalendarTimeZone.two(date.month) + CalendarTimeZone.two(date.day)
            + "T" + CalendarTimeZone.two(time.hour) + CalendarTimeZone.two(time.minute) + "00"
    }

    /// The same moment in UTC, `20261231T023000Z`, as UNTIL must be when DTSTART has a zone.
    static func utc(dayNumber: Int, _ time: MeetingTime, zone identifier: String) -> String? {
        guard let zone = TimeZone(identifier: identifier), let utcZone = TimeZone(identifier: "UTC") else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let date = civilDate(dayNumber: dayNumber)
        guard let moment = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day,
                                                              hour: time.hour, minute: time.minute)) else { return nil }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = utcZone
        return CalendarTimeZone.utcStamp(moment, in: utc) + "Z"
    }
}
